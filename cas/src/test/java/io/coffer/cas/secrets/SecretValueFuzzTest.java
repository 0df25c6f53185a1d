package io.coffer.cas.secrets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.coffer.policy.model.Secret;
import java.util.Arrays;

/**
 * Feeds arbitrary bytes to {@link SecretValue#decode} for every kind, as values read back from the
 * untrusted store: nothing may escape but a {@link SecretFormatException}, an accepted value is of
 * the kind asked for, and it encodes to bytes that decode to an equal value and encode to the same
 * bytes again.
 *
 * <p>Input: byte 0 picks the kind (modulo the number of kinds, in {@link Secret.Kind} order: ascii,
 * binary, private-key, x509-ca, x509), the rest is the stored encoding. In the normal test run this
 * replays the seeds under {@code SecretValueFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes (see
 * docs/fuzzing.md).
 */
class SecretValueFuzzTest {

  private static final Secret.Kind[] KINDS = Secret.Kind.values();

  @FuzzTest(maxDuration = "10s")
  void decodeAcceptsOrRefusesAnyValue(byte[] input) {
    if (input.length < 1) {
      return;
    }
    Secret.Kind kind = KINDS[(input[0] & 0xff) % KINDS.length];
    byte[] encoded = Arrays.copyOfRange(input, 1, input.length);
    SecretValue value;
    try {
      value = SecretValue.decode(kind, encoded);
    } catch (SecretFormatException e) {
      return;
    }
    boolean ofKind =
        switch (kind) {
          case ASCII -> value instanceof SecretValue.Ascii;
          case BINARY -> value instanceof SecretValue.Binary;
          case PRIVATE_KEY -> value instanceof SecretValue.PrivateKeyValue;
          case X509_CA, X509 -> value instanceof SecretValue.CertificateValue;
        };
    if (!ofKind) {
      throw new IllegalStateException("a " + kind.yamlName() + " secret decoded to " + value);
    }
    byte[] again = value.encode();
    try {
      SecretValue decoded = SecretValue.decode(kind, again);
      if (!decoded.equals(value) || !Arrays.equals(decoded.encode(), again)) {
        throw new IllegalStateException("an accepted value encodes to another value");
      }
    } catch (SecretFormatException e) {
      throw new IllegalStateException("an accepted value encodes to refused bytes", e);
    }
  }
}
