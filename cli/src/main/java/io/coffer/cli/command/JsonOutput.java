package io.coffer.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;

/**
 * Writes a command's structured result as JSON.
 *
 * <p>The mapper is created on first use only, so commands that print text do not pay for it at
 * start-up.
 */
public final class JsonOutput {

  private JsonOutput() {}

  private static final class Holder {
    static final ObjectMapper MAPPER =
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }

  /** Writes {@code value} (a record, map, list or scalar) as one JSON document and a newline. */
  public static void write(PrintWriter out, Object value) {
    try {
      out.println(Holder.MAPPER.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON output: " + e.getOriginalMessage(), e);
    }
    out.flush();
  }
}
