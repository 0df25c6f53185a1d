package io.coffer.cli.attest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a verification instant: ISO-8601 with a zone offset ({@code 2025-07-19T10:01:17Z}, {@code
 * 2025-07-19T12:01:17+02:00}) or Unix seconds ({@code 1752919277}). A time without an offset is
 * refused rather than guessed in the local zone.
 */
final class InstantConverter implements ITypeConverter<Instant> {

  /** Unix seconds up to 9999-12-31: at most 12 digits, no sign. */
  private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");

  /** 9999-12-31T23:59:59Z, the last instant ISO-8601 dates of four-digit years reach. */
  private static final long LATEST_SECONDS = 253_402_300_799L;

  @Override
  public Instant convert(String value) {
    if (UNIX_SECONDS.matcher(value).matches()) {
      long seconds = Long.parseLong(value);
      if (seconds > LATEST_SECONDS) {
        throw new TypeConversionException("'" + value + "' is after the year 9999");
      }
      return Instant.ofEpochSecond(seconds);
    }
    try {
      return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      throw new TypeConversionException(
          "'"
              + value
              + "' is neither ISO-8601 with an offset (2025-07-19T10:01:17Z) nor Unix seconds");
    }
  }
}
