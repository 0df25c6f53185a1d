package io.coffer.bench.cas;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The attest mix's policy: one service admitted on simulated evidence of one measurement, with a
 * command and an environment that name two generated secrets by placeholder, and one volume. So
 * each admission resolves and substitutes secrets, releases them ({@code secret.released}) and
 * hands out a volume key, as well as issuing a certificate and encrypting the configuration.
 */
final class AttestPolicy {

  /** The policy's name. */
  static final String NAME = "bench/attest/p";

  /** The service the workloads attest as. */
  static final String SERVICE = "app";

  /** The length of the {@code token} secret, as generated. */
  static final int TOKEN_CHARS = 24;

  /** The length of the {@code db-password} secret, as generated. */
  static final int PASSWORD_CHARS = 16;

  private AttestPolicy() {}

  /** The measurement the service's identity names, and the workloads' evidence reports. */
  static byte[] measurement() {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest("coffer bench workload".getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The policy, readable and updatable by {@code stakeholders}. */
  static BenchPolicy of(Stakeholders stakeholders) {
    String body =
        "services:\n"
            + "  - name: "
            + SERVICE
            + "\n"
            + "    identity:\n"
            + "      - simulation:\n"
            + "          measurement: "
            + HexFormat.of().formatHex(measurement())
            + "\n"
            + "    command: [/bin/app, --token, $$COFFER:token$$]\n"
            + "    environment:\n"
            + "      DB_PASSWORD: $$COFFER:db-password$$\n"
            + "      MODE: bench\n"
            + "    pwd: /app\n"
            + "    volumes:\n"
            + "      - name: data\n"
            + "        path: /data\n"
            + "        mode: rw\n"
            + "secrets:\n"
            + "  - name: token\n"
            + "    kind: ascii\n"
            + "    size: "
            + TOKEN_CHARS
            + "\n"
            + "  - name: db-password\n"
            + "    kind: ascii\n"
            + "    size: "
            + PASSWORD_CHARS
            + "\n"
            + "volumes:\n"
            + "  - name: data\n"
            + "security:\n"
            + "  tolerate: [simulation]\n";
    return BenchPolicy.first(NAME, stakeholders, body);
  }
}
