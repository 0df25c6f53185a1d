package io.coffer.cli.attest;

import io.coffer.attestation.EvidenceType;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The TEE that {@code coffer attest collect --tee} asks for. */
public enum TeeChoice {
  /** configfs-tsm, then Gramine; simulation, with a loud warning, when there is no TEE. */
  AUTO("auto", null),
  /** Intel TDX through configfs-tsm. */
  TDX("tdx", EvidenceType.TDX),
  /** AMD SEV-SNP through configfs-tsm. */
  SNP("snp", EvidenceType.SNP),
  /** Intel SGX through Gramine's {@code /dev/attestation}. */
  SGX_GRAMINE("sgx-gramine", EvidenceType.SGX),
  /** The local simulated platform. */
  SIMULATION("simulation", EvidenceType.SIMULATION);

  private final String cliName;
  private final EvidenceType expected;

  TeeChoice(String cliName, EvidenceType expected) {
    this.cliName = cliName;
    this.expected = expected;
  }

  /** The name on the command line. */
  public String cliName() {
    return cliName;
  }

  /** The type of evidence this choice must produce; empty for {@link #AUTO}. */
  Optional<EvidenceType> expected() {
    return Optional.ofNullable(expected);
  }

  /** Reads {@code --tee}. */
  public static final class Converter implements ITypeConverter<TeeChoice> {
    @Override
    public TeeChoice convert(String value) {
      for (TeeChoice c : values()) {
        if (c.cliName.equals(value)) {
          return c;
        }
      }
      throw new TypeConversionException(
          "'" + value + "' is not one of " + String.join(", ", new Names()));
    }
  }

  /** The names, for {@code --help} and messages. */
  public static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(TeeChoice::cliName).iterator();
    }
  }
}
