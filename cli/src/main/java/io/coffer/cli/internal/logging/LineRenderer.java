package io.coffer.cli.internal.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.event.KeyValuePair;

/**
 * Renders a {@link LogEvent} as exactly one line.
 *
 * <p>Security: a message, key, value or exception text from untrusted input can never start a new
 * line (log forging): text lines escape every control character, JSON lines escape by construction.
 */
final class LineRenderer {

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private LineRenderer() {}

  static String render(LogEvent event, LogFormat format, boolean stackTraces) {
    return switch (format) {
      case TEXT -> text(event, stackTraces);
      case JSON -> json(event, stackTraces);
    };
  }

  private static String text(LogEvent event, boolean stackTraces) {
    StringBuilder line = new StringBuilder(128);
    line.append(event.time())
        .append(' ')
        .append(String.format("%-5s", event.level()))
        .append(' ')
        .append(event.logger())
        .append(": ");
    escapeInto(line, event.message());
    for (KeyValuePair kv : event.keyValues()) {
      line.append(' ');
      escapeInto(line, kv.key);
      line.append('=');
      escapeInto(line, String.valueOf(kv.value));
    }
    for (Map.Entry<String, String> e : new TreeMap<>(event.mdc()).entrySet()) {
      line.append(' ');
      escapeInto(line, e.getKey());
      line.append('=');
      escapeInto(line, e.getValue());
    }
    if (event.throwable() != null) {
      line.append(" error=");
      escapeInto(line, summary(event.throwable()));
      if (stackTraces) {
        line.append(" stack=");
        escapeInto(line, stackTrace(event.throwable()));
      }
    }
    return line.append(System.lineSeparator()).toString();
  }

  private static String json(LogEvent event, boolean stackTraces) {
    StringWriter buffer = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(buffer)) {
      g.writeStartObject();
      g.writeStringField("time", event.time().toString());
      g.writeStringField("level", event.level().name());
      g.writeStringField("logger", event.logger());
      g.writeStringField("thread", event.thread());
      g.writeStringField("message", event.message());
      for (KeyValuePair kv : event.keyValues()) {
        g.writeFieldName(kv.key);
        writeValue(g, kv.value);
      }
      if (!event.mdc().isEmpty()) {
        g.writeObjectFieldStart("mdc");
        for (Map.Entry<String, String> e : new TreeMap<>(event.mdc()).entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
      }
      if (event.throwable() != null) {
        g.writeStringField("error", summary(event.throwable()));
        if (stackTraces) {
          g.writeStringField("stack", stackTrace(event.throwable()));
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render a log line", e);
    }
    return buffer.append(System.lineSeparator()).toString();
  }

  private static void writeValue(JsonGenerator g, Object value) throws IOException {
    switch (value) {
      case null -> g.writeNull();
      case Boolean b -> g.writeBoolean(b);
      case Integer i -> g.writeNumber(i);
      case Long l -> g.writeNumber(l);
      case Double d when Double.isFinite(d) -> g.writeNumber(d);
      default -> g.writeString(String.valueOf(value));
    }
  }

  private static String summary(Throwable t) {
    StringBuilder s = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c != t) {
        s.append(" <- ");
      }
      s.append(c.getClass().getName());
      if (c.getMessage() != null) {
        s.append(": ").append(c.getMessage());
      }
    }
    return s.toString();
  }

  private static String stackTrace(Throwable t) {
    StringWriter trace = new StringWriter();
    try (PrintWriter w = new PrintWriter(trace)) {
      t.printStackTrace(w);
    }
    return trace.toString().stripTrailing();
  }

  /** Appends {@code s} with backslash and every ISO control character escaped. */
  static void escapeInto(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
