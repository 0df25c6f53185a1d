package io.coffer.cli.cas;

import io.coffer.policy.model.Tolerance;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A {@code --tolerate} value: a tolerance as policies name it ({@code outdated-tcb}, ...). */
final class ToleranceConverter implements ITypeConverter<Tolerance> {

  @Override
  public Tolerance convert(String value) {
    return Tolerance.fromYamlName(value)
        .orElseThrow(() ->
            new TypeConversionException(
                "'"
                    + value
                    + "' is not a tolerance; one of "
                    + Arrays.stream(Tolerance.values())
                        .map(Tolerance::yamlName)
                        .collect(Collectors.joining(", "))));
  }
}
