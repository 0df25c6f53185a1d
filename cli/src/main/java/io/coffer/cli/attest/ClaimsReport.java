package io.coffer.cli.attest;

import io.coffer.attestation.ClaimValue;
import io.coffer.attestation.VerifiedClaims;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@code coffer attest verify} prints for verified evidence: the verifier's summary fields,
 * then every claim by its name, in one flat, ordered map that the text and the JSON output share.
 *
 * <p>Summary fields: {@code verified}, {@code platform} (lower case), {@code evidenceType}, {@code
 * simulated}, {@code tcbStatus} (Intel's spelling), {@code advisories}, {@code debug}, {@code
 * reportData} (hex), {@code verifiedAt}, and {@code collateralValidFrom}/{@code
 * collateralValidUntil} when the verifier reports a window. Claims follow as bytes (lower-case
 * hex), numbers (unsigned), flags (booleans) and text (strings). A claim may repeat a summary field
 * with the same value (the report data, say); a claim that contradicts one is a verifier bug and
 * fails loudly rather than be dropped.
 *
 * @param fields the fields in print order
 */
record ClaimsReport(Map<String, Object> fields) {

  ClaimsReport {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The report of {@code claims}. */
  static ClaimsReport of(VerifiedClaims claims) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("verified", true);
    f.put("platform", claims.platform().name().toLowerCase(Locale.ROOT));
    f.put("tcbStatus", claims.tcbStatus().text());
    f.put("advisories", claims.advisoryIds());
    f.put("debug", claims.debug());
    f.put("reportData", HexFormat.of().formatHex(claims.reportData()));
    f.put("evidenceType", claims.evidenceType().cliName());
    f.put("simulated", claims.simulated());
    f.put("verifiedAt", claims.verifiedAt().toString());
    claims.collateralValidFrom().ifPresent(t -> f.put("collateralValidFrom", t.toString()));
    claims.collateralValidUntil().ifPresent(t -> f.put("collateralValidUntil", t.toString()));
    for (Map.Entry<String, ClaimValue> claim : claims.claims().entrySet()) {
      Object value = value(claim.getValue());
      Object previous = f.putIfAbsent(claim.getKey(), value);
      if (previous != null && !previous.equals(value)) {
        throw new IllegalStateException(
            "the claim '"
                + claim.getKey()
                + "' contradicts the verifier's summary field of the same name");
      }
    }
    return new ClaimsReport(f);
  }

  /**
   * One line per field, {@code name value}, names aligned; {@code verified} is left to the exit
   * code.
   */
  List<String> lines() {
    int width =
        fields.keySet().stream()
            .filter(k -> !k.equals("verified"))
            .mapToInt(String::length)
            .max()
            .orElse(0);
    return fields.entrySet().stream()
        .filter(e -> !e.getKey().equals("verified"))
        .map(
            e -> String.format(Locale.ROOT, "%-" + width + "s  %s", e.getKey(), text(e.getValue())))
        .toList();
  }

  private static String text(Object value) {
    if (value instanceof List<?> list) {
      return list.isEmpty()
          ? "none"
          : list.stream().map(Object::toString).collect(Collectors.joining(", "));
    }
    return Objects.toString(value);
  }

  /** A claim as JSON would carry it: hex, an unsigned number, a boolean or a string. */
  private static Object value(ClaimValue value) {
    return switch (value) {
      case ClaimValue.Bytes b -> b.hex();
      case ClaimValue.Number n ->
          n.value() >= 0 ? (Object) n.value() : new BigInteger(Long.toUnsignedString(n.value()));
      case ClaimValue.Flag f -> f.value();
      case ClaimValue.Text t -> t.value();
    };
  }
}
