package io.coffer.policy.model;

import java.security.MessageDigest;

/** A fixed-length byte value from a policy: a measurement, digest or SVN vector. */
public sealed interface FixedBytes permits Bytes16, Bytes32, Bytes48 {

  /** A copy of the bytes. */
  byte[] value();

  /** The length in bytes. */
  default int length() {
    return value().length;
  }

  /** Lower-case hex, two digits per byte. */
  default String hex() {
    return Hex.encode(value());
  }

  /**
   * Whether {@code other} holds exactly these bytes, compared in time independent of where they
   * differ ({@link MessageDigest#isEqual}); false for any other length.
   */
  default boolean matches(byte[] other) {
    return MessageDigest.isEqual(value(), other);
  }
}
