package io.coffer.examples.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatientCsvTest {

  private static final String HEADER = PatientCsv.labelledHeader() + "\n";
  private static final String ROW = "68,2,6,11,7.1,140.0,29.0,2,yes";

  private static List<LabelledPatient> parse(String text) throws DatasetException {
    return PatientCsv.parseLabelled("d.csv", text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static DatasetException.Reason refusal(String text) {
    try {
      parse(text);
    } catch (DatasetException e) {
      return e.reason();
    }
    throw new AssertionError("accepted: " + text);
  }

  @Test
  void parse_formattedRows_roundTrip() throws Exception {
    List<LabelledPatient> rows = DatasetGenerator.generate(7, 100);

    assertThat(parse(PatientCsv.format(rows))).isEqualTo(rows);
  }

  @Test
  void parse_withoutFinalLineEnd_accepted() throws Exception {
    List<LabelledPatient> rows = parse(HEADER + ROW);

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).outcome()).isEqualTo(Outcome.READMITTED);
    assertThat(rows.get(0).features().value(Feature.HBA1C)).isEqualTo(7.1);
  }

  @Test
  void parse_wrongHeader_refusedNamingLineOne() {
    assertThatThrownBy(() -> parse(HEADER.replace("bmi", "BMI") + ROW + "\n"))
        .isInstanceOf(DatasetException.class)
        .hasMessageStartingWith("d.csv:1: expected the header");
    assertThat(refusal(ROW + "\n")).isEqualTo(DatasetException.Reason.WRONG_HEADER);
    assertThat(refusal(PatientCsv.featureHeader() + "\n" + ROW))
        .isEqualTo(DatasetException.Reason.WRONG_HEADER);
  }

  @Test
  void parse_badNumber_refusedNamingLineAndColumn_notTheValue() {
    assertThatThrownBy(() -> parse(HEADER + ROW + "\n" + ROW.replace("7.1", "0x7") + "\n"))
        .isInstanceOf(DatasetException.class)
        .hasMessage("d.csv:3: hba1c_percent: not a plain decimal number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "7e0", " 7.1", "7.1 ", "+7.1", "7.", ".5", "", "7,1"})
  void parse_notAPlainNumber_refused(String value) {
    DatasetException.Reason r = refusal(HEADER + ROW.replace("7.1", value) + "\n");

    assertThat(r)
        .isIn(DatasetException.Reason.NOT_A_NUMBER, DatasetException.Reason.WRONG_FIELD_COUNT);
  }

  @Test
  void parse_outOfBoundsOrFractionalCount_refused() {
    assertThat(refusal(HEADER + ROW.replace("68,", "17,")))
        .isEqualTo(DatasetException.Reason.OUT_OF_RANGE);
    assertThat(refusal(HEADER + ROW.replace("140.0", "1400.0")))
        .isEqualTo(DatasetException.Reason.OUT_OF_RANGE);
    assertThat(refusal(HEADER + ROW.replace("68,2,", "68,2.5,")))
        .isEqualTo(DatasetException.Reason.OUT_OF_RANGE);
    assertThat(refusal(HEADER + ROW.replace("68,", "-68,")))
        .isEqualTo(DatasetException.Reason.OUT_OF_RANGE);
  }

  @Test
  void parse_badLabel_refused() {
    assertThat(refusal(HEADER + ROW.replace("yes", "YES")))
        .isEqualTo(DatasetException.Reason.BAD_LABEL);
    assertThat(refusal(HEADER + ROW.replace("yes", "")))
        .isEqualTo(DatasetException.Reason.BAD_LABEL);
  }

  @Test
  void parse_structure_refused() {
    assertThat(refusal(HEADER + ROW + ",extra\n"))
        .isEqualTo(DatasetException.Reason.WRONG_FIELD_COUNT);
    assertThat(refusal(HEADER + ROW + "\n\n" + ROW + "\n"))
        .isEqualTo(DatasetException.Reason.EMPTY);
    assertThat(refusal(HEADER + ROW + "\n\n")).isEqualTo(DatasetException.Reason.EMPTY);
    assertThat(refusal(HEADER)).isEqualTo(DatasetException.Reason.EMPTY);
    assertThat(refusal("")).isEqualTo(DatasetException.Reason.WRONG_HEADER);
  }

  @Test
  void parse_carriageReturnOrNonAscii_refused() {
    assertThat(refusal(HEADER.replace("\n", "\r\n") + ROW))
        .isEqualTo(DatasetException.Reason.NOT_ASCII);
    assertThat(refusal(HEADER + ROW + "\u00e9\n")).isEqualTo(DatasetException.Reason.NOT_ASCII);
    assertThat(refusal(HEADER + ROW + "\0\n")).isEqualTo(DatasetException.Reason.NOT_ASCII);
  }

  @Test
  void parse_tooManyRows_refused() {
    StringBuilder text = new StringBuilder(HEADER);
    text.append((ROW + "\n").repeat(PatientCsv.MAX_ROWS + 1));

    assertThat(refusal(text.toString())).isEqualTo(DatasetException.Reason.TOO_MANY_ROWS);
  }

  @Test
  void parse_tooLarge_refused() {
    byte[] big = new byte[PatientCsv.MAX_FILE_BYTES + 1];

    assertThatThrownBy(() -> PatientCsv.parseLabelled("d.csv", big))
        .isInstanceOfSatisfying(
            DatasetException.class,
            e -> assertThat(e.reason()).isEqualTo(DatasetException.Reason.TOO_LARGE));
  }

  @Test
  void parseFeatures_unlabelledRows() throws Exception {
    List<PatientFeatures> rows =
        PatientCsv.parseFeatures(
            "p.csv",
            (PatientCsv.featureHeader() + "\n45,0,2,4,5.6,122.0,24.5,0\n")
                .getBytes(StandardCharsets.US_ASCII));

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).value(Feature.AGE)).isEqualTo(45);
  }
}
