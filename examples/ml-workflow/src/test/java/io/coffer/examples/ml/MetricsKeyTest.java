package io.coffer.examples.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsKeyTest {

  @TempDir Path dir;

  private static final byte[] KEY = new byte[32];

  static {
    Arrays.fill(KEY, (byte) 7);
  }

  private MetricsException.Reason refusal(String content) throws Exception {
    Path f = Files.writeString(dir.resolve("key"), content);
    try {
      MetricsKey.read(f);
    } catch (MetricsException e) {
      assertThat(e.getMessage()).doesNotContain(content.strip().isEmpty() ? "\0" : content.strip());
      return e.reason();
    }
    throw new AssertionError("accepted " + content);
  }

  @Test
  void read_base64WithOrWithoutLineEnd() throws Exception {
    String b64 = Base64.getEncoder().encodeToString(KEY);

    assertThat(MetricsKey.read(Files.writeString(dir.resolve("a"), b64)).bytes()).isEqualTo(KEY);
    assertThat(MetricsKey.read(Files.writeString(dir.resolve("b"), b64 + "\n")).bytes())
        .isEqualTo(KEY);
  }

  @Test
  void read_otherEncodingsOrLengths_refused() throws Exception {
    String b64 = Base64.getEncoder().encodeToString(KEY);

    assertThat(refusal(HexFormat.of().formatHex(KEY))).isEqualTo(MetricsException.Reason.BAD_KEY);
    assertThat(refusal(b64.replace("=", ""))).isEqualTo(MetricsException.Reason.BAD_KEY);
    assertThat(refusal(" " + b64)).isEqualTo(MetricsException.Reason.BAD_KEY);
    assertThat(refusal(b64 + "\n\n")).isEqualTo(MetricsException.Reason.BAD_KEY);
    assertThat(refusal(Base64.getEncoder().encodeToString(new byte[31])))
        .isEqualTo(MetricsException.Reason.BAD_KEY);
    assertThat(refusal("")).isEqualTo(MetricsException.Reason.BAD_KEY);
  }

  @Test
  void read_missingFile_refused() {
    try {
      MetricsKey.read(dir.resolve("absent"));
      throw new AssertionError("accepted");
    } catch (MetricsException e) {
      assertThat(e.reason()).isEqualTo(MetricsException.Reason.BAD_KEY);
    }
  }

  @Test
  void toString_neverShowsTheKey() throws Exception {
    MetricsKey k = MetricsKey.of(KEY);

    assertThat(k.toString())
        .isEqualTo("MetricsKey[redacted]")
        .doesNotContain(Base64.getEncoder().encodeToString(KEY));
  }

  @Test
  void of_copiesTheBytes_andComparesByValue() throws Exception {
    byte[] b = KEY.clone();
    MetricsKey k = MetricsKey.of(b);
    b[0] = 1;

    assertThat(k.bytes()).isEqualTo(KEY);
    assertThat(k).isEqualTo(MetricsKey.of(KEY)).isNotEqualTo(MetricsKey.of(b));
  }
}
