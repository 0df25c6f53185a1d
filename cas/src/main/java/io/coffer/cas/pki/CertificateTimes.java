package io.coffer.cas.pki;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DERUTCTime;
import org.bouncycastle.asn1.x509.Time;

/**
 * Validity times as RFC 5280 §4.1.2.5 encodes them: UTCTime through 2049, GeneralizedTime from
 * 2050, both to the second in UTC ({@code Z}). The text is formatted with {@code java.time} and
 * encoded by BouncyCastle; BouncyCastle's own {@code Time(Date)} formats with a new {@code
 * SimpleDateFormat} each time, which costs more than signing the certificate.
 */
final class CertificateTimes {

  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter GENERALIZED_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Instant GENERALIZED_FROM = Instant.parse("2050-01-01T00:00:00Z");

  /**
   * Recent times: at hundreds of certificates a second, each second's two times (not before, not
   * after) are asked for again and again, and BouncyCastle parses the text back when it makes one.
   */
  private static final int CACHE_ENTRIES = 64;

  private static final java.util.Map<Instant, Time> CACHE =
      new java.util.LinkedHashMap<>(CACHE_ENTRIES * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Instant, Time> eldest) {
          return size() > CACHE_ENTRIES;
        }
      };

  private CertificateTimes() {}

  /** {@code at}, truncated to the second, as a certificate's validity time. */
  static Time of(Instant at) {
    Instant second = at.truncatedTo(ChronoUnit.SECONDS);
    synchronized (CACHE) {
      Time hit = CACHE.get(second);
      if (hit != null) {
        return hit;
      }
    }
    Time made = make(second);
    synchronized (CACHE) {
      CACHE.put(second, made);
    }
    return made;
  }

  private static Time make(Instant second) {
    if (second.isBefore(GENERALIZED_FROM)) {
      return new Time(new DERUTCTime(UTC_TIME.format(second)));
    }
    return new Time(new DERGeneralizedTime(GENERALIZED_TIME.format(second)));
  }
}
