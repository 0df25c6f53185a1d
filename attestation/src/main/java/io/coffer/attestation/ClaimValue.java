package io.coffer.attestation;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** One verified claim's value: bytes (measurements, digests), a number, a flag, or text. */
public sealed interface ClaimValue {

  /** Raw bytes, shown as lower-case hex. */
  record Bytes(byte[] value) implements ClaimValue {
    public Bytes {
      value = value.clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    /** Lower-case hex. */
    public String hex() {
      return HexFormat.of().formatHex(value);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return hex();
    }
  }

  /** An unsigned number (SVNs, product IDs, VMPL, policy words). */
  record Number(long value) implements ClaimValue {
    @Override
    public String toString() {
      return Long.toUnsignedString(value);
    }
  }

  /** A flag. */
  record Flag(boolean value) implements ClaimValue {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /** Text (identifiers such as a product name). */
  record Text(String value) implements ClaimValue {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return value;
    }
  }
}
