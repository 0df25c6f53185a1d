package io.coffer.cli.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class ReportDataTest {

  @Test
  void fromHex_padsWithZerosOnTheRight() {
    ReportData d = ReportData.fromHex("CAFE");

    assertThat(d.bytes()).isEqualTo(Arrays.copyOf(new byte[] {(byte) 0xca, (byte) 0xfe}, 64));
    assertThat(d.hex()).isEqualTo("cafe" + "00".repeat(62));
  }

  @Test
  void fromHex_takesSixtyFourBytesAsTheyAre() {
    String hex = "0123456789abcdef".repeat(8);

    assertThat(ReportData.fromHex(hex).bytes()).isEqualTo(HexFormat.of().parseHex(hex));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a", "abc", "gg", " ab", "ab ", "+1", "0x00"})
  void fromHex_refusesWhatIsNotHexBytes(String hex) {
    assertThatThrownBy(() -> ReportData.fromHex(hex)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fromHex_refusesSixtyFiveBytes_sayingSo() {
    assertThatThrownBy(() -> ReportData.fromHex("00".repeat(65)))
        .hasMessage("65 bytes is more than the 64 bytes of report data");
  }

  @Test
  void bytes_areCopiedInAndOut() {
    byte[] given = new byte[64];
    ReportData d = new ReportData(given);
    given[0] = 1;
    d.bytes()[1] = 1;

    assertThat(d.bytes()).isEqualTo(new byte[64]);
  }

  @Test
  void constructor_refusesAnythingButSixtyFourBytes() {
    assertThatThrownBy(() -> new ReportData(new byte[32]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equality_isByContent() {
    assertThat(ReportData.fromHex("01")).isEqualTo(ReportData.fromHex("0100"));
    assertThat(ReportData.fromHex("01")).isNotEqualTo(ReportData.fromHex("02"));
  }

  @Test
  void converter_turnsRefusalsIntoPicocliConversionErrors() {
    assertThatThrownBy(() -> new ReportData.Converter().convert("xyz"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("even number");
  }
}
