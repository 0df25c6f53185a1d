package io.coffer.cli.cas;

import io.coffer.cas.identity.CasPin;
import io.coffer.policy.model.Tolerance;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code coffer cas attest} prints about a pin: lines for people, fields for JSON. */
final class PinReport {

  private PinReport() {}

  /** SHA-256 of the TLS SubjectPublicKeyInfo, lower-case hex: the CAS's identity fingerprint. */
  static String fingerprint(byte[] spki) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(spki));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JCA algorithm", e);
    }
  }

  static List<String> lines(CasPin pin) {
    return List.of(
        "pinned CAS " + pin.name() + " at " + pin.url(),
        "  tee:          "
            + pin.tee()
            + (pin.simulated() ? " (SIMULATED: no TEE protects this CAS)" : ""),
        "  tolerated:    "
            + (pin.tolerated().isEmpty() ? "nothing" : String.join(", ", toleratedNames(pin))),
        "  measurement:  " + pin.measurement().hex(),
        "  TLS key:      sha256:" + fingerprint(pin.tlsPublicKey()),
        "  ledger key:   " + pin.ledgerVerifierKey(),
        "  attested at:  " + pin.attestedAt());
  }

  /** The tolerations' policy names, sorted. */
  private static List<String> toleratedNames(CasPin pin) {
    return pin.tolerated().stream().map(Tolerance::yamlName).sorted().toList();
  }

  static Map<String, Object> fields(CasPin pin) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", pin.name());
    d.put("url", pin.url().toString());
    d.put("tee", pin.tee());
    d.put("simulated", pin.simulated());
    d.put("tolerated", toleratedNames(pin));
    d.put("measurement", pin.measurement().hex());
    d.put("tlsFingerprint", fingerprint(pin.tlsPublicKey()));
    d.put("ledgerVerifierKey", pin.ledgerVerifierKey());
    d.put("attestedAt", pin.attestedAt().toString());
    return d;
  }
}
