package io.coffer.cas.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.junit.jupiter.api.Test;

class CertificateTimesTest {

  @Test
  void before2050_isUtcTime_toTheSecond() throws Exception {
    var t = CertificateTimes.of(Instant.parse("2049-12-31T23:59:59.999Z"));
    assertThat(t.toASN1Primitive()).isInstanceOf(ASN1UTCTime.class);
    assertThat(((ASN1UTCTime) t.toASN1Primitive()).getTime()).isEqualTo("491231235959GMT+00:00");
    assertThat(t.getDate().toInstant()).isEqualTo(Instant.parse("2049-12-31T23:59:59Z"));
  }

  @Test
  void from2050_isGeneralizedTime() throws Exception {
    var t = CertificateTimes.of(Instant.parse("2050-01-01T00:00:00Z"));
    assertThat(t.toASN1Primitive()).isInstanceOf(ASN1GeneralizedTime.class);
    assertThat(t.getDate().toInstant()).isEqualTo(Instant.parse("2050-01-01T00:00:00Z"));
  }

  @Test
  void sameInstant_asBouncyCastlesOwnEncoding() throws Exception {
    Instant at = Instant.parse("2026-11-22T01:02:03Z");
    assertThat(CertificateTimes.of(at).getEncoded())
        .isEqualTo(new org.bouncycastle.asn1.x509.Time(java.util.Date.from(at)).getEncoded());
  }
}
