package io.coffer.cli.attest;

import io.coffer.attestation.EvidenceType;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The evidence format {@code coffer attest verify --type} names: {@code auto} (detected from the
 * bytes) or one of {@link EvidenceType}'s names, so that a format added to the library is accepted
 * here without a change.
 *
 * @param forced the format given, or empty to detect it
 */
record EvidenceTypeChoice(Optional<EvidenceType> forced) {

  /** Detect the format from the evidence. */
  static final EvidenceTypeChoice AUTO = new EvidenceTypeChoice(Optional.empty());

  /** Reads {@code --type}. */
  static final class Converter implements ITypeConverter<EvidenceTypeChoice> {
    @Override
    public EvidenceTypeChoice convert(String value) {
      if (value.equals("auto")) {
        return AUTO;
      }
      for (EvidenceType t : EvidenceType.values()) {
        if (t.cliName().equals(value)) {
          return new EvidenceTypeChoice(Optional.of(t));
        }
      }
      throw new TypeConversionException(
          "'" + value + "' is not one of " + String.join(", ", new Names()));
    }
  }

  /** The names, for {@code --help} and messages. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Stream.concat(
              Stream.of("auto"), Arrays.stream(EvidenceType.values()).map(EvidenceType::cliName))
          .iterator();
    }
  }
}
