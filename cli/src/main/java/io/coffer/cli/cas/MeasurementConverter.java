package io.coffer.cli.cas;

import io.coffer.cas.identity.CasMeasurement;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An {@code --expect-measurement} value: 64 or 96 hex digits. */
final class MeasurementConverter implements ITypeConverter<CasMeasurement> {

  @Override
  public CasMeasurement convert(String value) {
    try {
      return CasMeasurement.fromHex(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("'" + value + "': " + e.getMessage());
    }
  }
}
