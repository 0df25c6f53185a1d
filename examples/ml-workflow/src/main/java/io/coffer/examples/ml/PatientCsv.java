package io.coffer.examples.ml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The dataset's CSV form, read strictly: comma separated, LF line ends, printable ASCII, a header
 * row of exactly the {@link Feature} columns (then {@link Outcome#COLUMN} for a labelled file), no
 * quoting, no empty line, plain decimal numbers ({@code -?digits[.digits]}) within each feature's
 * bounds, at most {@link #MAX_ROWS} rows and {@link #MAX_FILE_BYTES} bytes. A final line end is
 * optional. Every refusal names the file, the line and the column.
 */
public final class PatientCsv {

  /** The largest file read. */
  public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

  /** The most rows read. */
  public static final int MAX_ROWS = 100_000;

  private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,9}(\\.[0-9]{1,9})?");

  private PatientCsv() {}

  /** The header of a labelled file, without line end. */
  public static String labelledHeader() {
    return featureHeader() + "," + Outcome.COLUMN;
  }

  /** The header of an unlabelled file (features only), without line end. */
  public static String featureHeader() {
    List<String> names = new ArrayList<>();
    for (Feature f : Feature.values()) {
      names.add(f.column());
    }
    return String.join(",", names);
  }

  /** The CSV text of {@code rows}, with header and a line end after every line. */
  public static String format(List<LabelledPatient> rows) {
    StringBuilder out = new StringBuilder(labelledHeader()).append('\n');
    for (LabelledPatient row : rows) {
      for (Feature f : Feature.values()) {
        double v = row.features().value(f);
        out.append(f.integer() ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v));
        out.append(',');
      }
      out.append(row.outcome().text()).append('\n');
    }
    return out.toString();
  }

  /**
   * The labelled rows of {@code file}.
   *
   * @throws DatasetException naming what is wrong and where
   */
  public static List<LabelledPatient> readLabelled(Path file) throws DatasetException {
    return parseLabelled(file.toString(), read(file));
  }

  /**
   * The feature rows of {@code file} (a header of features only).
   *
   * @throws DatasetException naming what is wrong and where
   */
  public static List<PatientFeatures> readFeatures(Path file) throws DatasetException {
    return parseFeatures(file.toString(), read(file));
  }

  /**
   * The labelled rows of {@code bytes}.
   *
   * @param name the file name for messages
   * @throws DatasetException naming what is wrong and where
   */
  public static List<LabelledPatient> parseLabelled(String name, byte[] bytes)
      throws DatasetException {
    List<LabelledPatient> out = new ArrayList<>();
    for (Row row : rows(name, bytes, labelledHeader())) {
      String label = row.fields()[Feature.values().length];
      Outcome outcome =
          Outcome.fromText(label)
              .orElseThrow(() ->
                  new DatasetException(
                      DatasetException.Reason.BAD_LABEL,
                      name
                          + ":"
                          + row.line()
                          + ": "
                          + Outcome.COLUMN
                          + ": expected 'yes' or 'no'"));
      out.add(new LabelledPatient(features(name, row), outcome));
    }
    return List.copyOf(out);
  }

  /**
   * The feature rows of {@code bytes}.
   *
   * @param name the file name for messages
   * @throws DatasetException naming what is wrong and where
   */
  public static List<PatientFeatures> parseFeatures(String name, byte[] bytes)
      throws DatasetException {
    List<PatientFeatures> out = new ArrayList<>();
    for (Row row : rows(name, bytes, featureHeader())) {
      out.add(features(name, row));
    }
    return List.copyOf(out);
  }

  private static byte[] read(Path file) throws DatasetException {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new DatasetException(
            DatasetException.Reason.TOO_LARGE, file + ": larger than " + MAX_FILE_BYTES + " bytes");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new DatasetException(
          DatasetException.Reason.IO_ERROR, file + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private record Row(int line, String[] fields) {}

  private static List<Row> rows(String name, byte[] bytes, String header) throws DatasetException {
    if (bytes.length > MAX_FILE_BYTES) {
      throw new DatasetException(
          DatasetException.Reason.TOO_LARGE, name + ": larger than " + MAX_FILE_BYTES + " bytes");
    }
    checkAscii(name, bytes);
    String text = new String(bytes, StandardCharsets.US_ASCII);
    if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    String[] lines = text.split("\n", -1);
    if (!lines[0].equals(header)) {
      throw new DatasetException(
          DatasetException.Reason.WRONG_HEADER, name + ":1: expected the header '" + header + "'");
    }
    if (lines.length == 1) {
      throw new DatasetException(DatasetException.Reason.EMPTY, name + ": no rows");
    }
    if (lines.length - 1 > MAX_ROWS) {
      throw new DatasetException(
          DatasetException.Reason.TOO_MANY_ROWS, name + ": more than " + MAX_ROWS + " rows");
    }
    int width = header.split(",", -1).length;
    List<Row> rows = new ArrayList<>(lines.length - 1);
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        throw new DatasetException(
            DatasetException.Reason.EMPTY, name + ":" + (i + 1) + ": empty line");
      }
      String[] fields = lines[i].split(",", -1);
      if (fields.length != width) {
        throw new DatasetException(
            DatasetException.Reason.WRONG_FIELD_COUNT,
            name + ":" + (i + 1) + ": " + fields.length + " fields, expected " + width);
      }
      rows.add(new Row(i + 1, fields));
    }
    return rows;
  }

  private static void checkAscii(String name, byte[] bytes) throws DatasetException {
    int line = 1;
    for (byte b : bytes) {
      if (b == '\n') {
        line++;
      } else if (b < 0x20 || b > 0x7e) {
        throw new DatasetException(
            DatasetException.Reason.NOT_ASCII,
            name + ":" + line + ": a byte that is not printable ASCII");
      }
    }
  }

  private static PatientFeatures features(String name, Row row) throws DatasetException {
    Feature[] features = Feature.values();
    double[] values = new double[features.length];
    for (int i = 0; i < features.length; i++) {
      String where = name + ":" + row.line() + ": " + features[i].column();
      String field = row.fields()[i];
      if (!NUMBER.matcher(field).matches()) {
        throw new DatasetException(
            DatasetException.Reason.NOT_A_NUMBER, where + ": not a plain decimal number");
      }
      values[i] = Double.parseDouble(field);
      if (!features[i].accepts(values[i])) {
        throw new DatasetException(
            DatasetException.Reason.OUT_OF_RANGE,
            where
                + ": outside ["
                + features[i].min()
                + ", "
                + features[i].max()
                + "]"
                + (features[i].integer() ? " or not a whole number" : ""));
      }
    }
    return new PatientFeatures(values);
  }
}
