package io.coffer.cli.command;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration option ({@code --lifetime}, {@code --certificate-validity}): a positive whole number
 * of days, hours or minutes ({@code 7d}, {@code 12h}, {@code 30m}). What it may be is for the
 * option's user to bound (the CAS caps a proposal's lifetime at {@code
 * PolicyService.MAX_PROPOSAL_LIFETIME}).
 */
public final class DurationConverter implements ITypeConverter<Duration> {

  private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,5})([dhm])");

  @Override
  public Duration convert(String value) {
    Matcher m = FORM.matcher(value);
    if (!m.matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not a duration: a number and d, h or m (7d, 12h, 30m)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "d" -> Duration.ofDays(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofMinutes(n);
    };
  }
}
