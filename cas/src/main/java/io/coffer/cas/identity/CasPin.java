package io.coffer.cas.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.cas.identity.CasVerificationException.Reason;
import io.coffer.cas.internal.JsonFile;
import io.coffer.ledger.note.Ed25519NoteVerifier;
import io.coffer.ledger.note.NoteException;
import io.coffer.ledger.note.NoteVerifier;
import io.coffer.policy.model.Tolerance;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * A verified CAS, as the CLI keeps it in {@code $COFFER_HOME/cas/<name>.json}: every later
 * connection to it must present {@link #tlsPublicKey()}, and its log must verify under {@link
 * #ledgerVerifierKey()}.
 *
 * <p>JSON (UTF-8, every member required, no others): {@code version} (2), {@code name}, {@code
 * url}, {@code tlsPublicKey} (DER SubjectPublicKeyInfo, base64), {@code ledgerVerifierKey} (C2SP
 * vkey), {@code measurement} (hex), {@code tee}, {@code simulated}, {@code tolerated} (the
 * tolerances the evidence needed, by their policy names, sorted), {@code attestedAt} (RFC 3339,
 * UTC). A version 1 file (without {@code tolerated}) is refused: attest the CAS again.
 *
 * @param url the CAS's {@code https} URL (scheme, host, optional port; no path, query or user)
 * @param name the local name (a file name: letters, digits, {@code . _ -}, at most 64)
 * @param tlsPublicKey the DER SubjectPublicKeyInfo of the CAS's TLS key
 * @param ledgerVerifierKey the CAS's ledger key as a C2SP Ed25519 verifier key
 * @param measurement the measurement of the CAS's code
 * @param tee the TEE ({@code sgx-dcap}, {@code tdx}, {@code sev-snp}, {@code simulation})
 * @param simulated whether the CAS was attested by simulated evidence
 * @param tolerated what the CAS's evidence needed tolerated when it was attested ({@code
 *     simulation}, {@code debug}, a TCB status short of up to date): empty for a CAS that needed no
 *     allowance
 * @param attestedAt when the evidence was verified
 */
public record CasPin(
    URI url,
    String name,
    byte[] tlsPublicKey,
    String ledgerVerifierKey,
    CasMeasurement measurement,
    String tee,
    boolean simulated,
    Set<Tolerance> tolerated,
    Instant attestedAt) {

  /** The largest pin file read. */
  public static final int MAX_JSON_BYTES = 16 * 1024;

  private static final int MAX_SPKI_BYTES = 2048;
  private static final int VERSION = 2;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Set<String> TEES = Set.of("sgx-dcap", "tdx", "sev-snp", "simulation");
  private static final List<String> MEMBERS =
      List.of(
          "version",
          "name",
          "url",
          "tlsPublicKey",
          "ledgerVerifierKey",
          "measurement",
          "tee",
          "simulated",
          "tolerated",
          "attestedAt");

  public CasPin {
    requireUrl(url);
    requireName(name);
    if (tlsPublicKey.length == 0 || tlsPublicKey.length > MAX_SPKI_BYTES) {
      throw new IllegalArgumentException("tlsPublicKey: 1 to " + MAX_SPKI_BYTES + " bytes");
    }
    try {
      SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(tlsPublicKey);
      if (!Arrays.equals(spki.getEncoded("DER"), tlsPublicKey)) {
        throw new IllegalArgumentException("tlsPublicKey: not DER");
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("tlsPublicKey: not a DER SubjectPublicKeyInfo", e);
    }
    tlsPublicKey = tlsPublicKey.clone();
    try {
      if (!(NoteVerifier.parse(ledgerVerifierKey) instanceof Ed25519NoteVerifier)) {
        throw new IllegalArgumentException("ledgerVerifierKey: not an Ed25519 verifier key");
      }
    } catch (NoteException e) {
      throw new IllegalArgumentException("ledgerVerifierKey: " + e.getMessage(), e);
    }
    Objects.requireNonNull(measurement, "measurement");
    if (!TEES.contains(tee)) {
      throw new IllegalArgumentException("tee: not one of sgx-dcap, tdx, sev-snp, simulation");
    }
    if (simulated != tee.equals("simulation")) {
      throw new IllegalArgumentException("simulated: " + simulated + " for tee " + tee);
    }
    tolerated = Collections.unmodifiableSet(EnumSet.copyOf(tolerated(tolerated)));
    if (simulated != tolerated.contains(Tolerance.SIMULATION)) {
      throw new IllegalArgumentException(
          "tolerated: simulation is tolerated exactly when the evidence is simulated");
    }
    Objects.requireNonNull(attestedAt, "attestedAt");
  }

  private static Set<Tolerance> tolerated(Set<Tolerance> tolerated) {
    Objects.requireNonNull(tolerated, "tolerated");
    return tolerated.isEmpty() ? EnumSet.noneOf(Tolerance.class) : tolerated;
  }

  /**
   * Checks a pin name: 1 to 64 letters, digits, {@code . _ -}, starting with a letter or digit.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static String requireName(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return name;
  }

  /**
   * Checks a CAS URL: {@code https}, a host, an optional port, nothing else.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static URI requireUrl(URI url) {
    Objects.requireNonNull(url, "url");
    if (!"https".equals(url.getScheme())
        || url.getHost() == null
        || url.getRawUserInfo() != null
        || url.getRawQuery() != null
        || url.getRawFragment() != null
        || !(url.getRawPath() == null
            || url.getRawPath().isEmpty()
            || url.getRawPath().equals("/"))) {
      throw new IllegalArgumentException(
          "url: https://HOST[:PORT] without path, query, fragment or user, got " + url);
    }
    return url;
  }

  /**
   * The same pin for the CAS reached at {@code url}: its keys still authenticate it wherever it
   * answers, so a move needs no new attestation.
   */
  public CasPin withUrl(URI url) {
    return new CasPin(
        url,
        name,
        tlsPublicKey,
        ledgerVerifierKey,
        measurement,
        tee,
        simulated,
        tolerated,
        attestedAt);
  }

  @Override
  public byte[] tlsPublicKey() {
    return tlsPublicKey.clone();
  }

  /** The pin file's content. */
  public byte[] encode() {
    ObjectNode o = JsonFile.newObject();
    o.put("version", VERSION);
    o.put("name", name);
    o.put("url", url.toString());
    o.put("tlsPublicKey", Base64.getEncoder().encodeToString(tlsPublicKey));
    o.put("ledgerVerifierKey", ledgerVerifierKey);
    o.put("measurement", measurement.hex());
    o.put("tee", tee);
    o.put("simulated", simulated);
    ArrayNode names = o.putArray("tolerated");
    tolerated.stream().map(Tolerance::yamlName).sorted().forEach(names::add);
    o.put("attestedAt", attestedAt.toString());
    return JsonFile.write(o);
  }

  /**
   * Reads a pin file.
   *
   * @throws CasVerificationException {@code MALFORMED_PIN} naming the member that is wrong
   */
  public static CasPin decode(byte[] json) throws CasVerificationException {
    JsonNode root;
    try {
      root = JsonFile.read(json, MAX_JSON_BYTES, MEMBERS);
    } catch (JsonFile.Malformed e) {
      throw new CasVerificationException(Reason.MALFORMED_PIN, "pin: " + e.getMessage(), e);
    }
    if (root.has("version") && root.get("version").isInt() && root.get("version").intValue() == 1) {
      throw malformed(
          "version 1 does not record what was tolerated: attest the CAS again (--replace)");
    }
    for (String member : MEMBERS) {
      if (!root.has(member)) {
        throw malformed("missing member \"" + member + "\"");
      }
    }
    if (!root.get("version").isInt() || root.get("version").intValue() != VERSION) {
      throw malformed("version: not " + VERSION);
    }
    if (!root.get("simulated").isBoolean()) {
      throw malformed("simulated: not true or false");
    }
    try {
      return new CasPin(
          new URI(text(root, "url")),
          text(root, "name"),
          base64(text(root, "tlsPublicKey")),
          text(root, "ledgerVerifierKey"),
          CasMeasurement.fromHex(text(root, "measurement")),
          text(root, "tee"),
          root.get("simulated").booleanValue(),
          tolerances(root.get("tolerated")),
          instant(text(root, "attestedAt")));
    } catch (URISyntaxException e) {
      throw malformed("url: not a URI");
    } catch (IllegalArgumentException e) {
      throw new CasVerificationException(Reason.MALFORMED_PIN, "pin: " + e.getMessage(), e);
    }
  }

  private static Set<Tolerance> tolerances(JsonNode list) throws CasVerificationException {
    if (!list.isArray() || list.size() > Tolerance.values().length) {
      throw malformed("tolerated: not a list of tolerances");
    }
    List<String> names = new ArrayList<>();
    Set<Tolerance> out = EnumSet.noneOf(Tolerance.class);
    for (JsonNode item : list) {
      Optional<Tolerance> t =
          item.isTextual() ? Tolerance.fromYamlName(item.textValue()) : Optional.empty();
      if (t.isEmpty() || !out.add(t.get())) {
        throw malformed("tolerated: " + item + " is not a tolerance, or is named twice");
      }
      names.add(item.textValue());
    }
    if (!names.equals(names.stream().sorted().toList())) {
      throw malformed("tolerated: not in sorted order");
    }
    return out;
  }

  private static String text(JsonNode root, String member) throws CasVerificationException {
    JsonNode v = root.get(member);
    if (!v.isTextual()) {
      throw malformed(member + ": not a string");
    }
    return v.textValue();
  }

  private static byte[] base64(String text) {
    byte[] bytes = Base64.getDecoder().decode(text);
    if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
      throw new IllegalArgumentException("tlsPublicKey: not canonical base64");
    }
    return bytes;
  }

  private static Instant instant(String text) {
    try {
      Instant at = Instant.parse(text);
      if (!at.toString().equals(text)) {
        throw new IllegalArgumentException("attestedAt: not in canonical UTC form");
      }
      return at;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("attestedAt: not an RFC 3339 UTC instant", e);
    }
  }

  private static CasVerificationException malformed(String why) {
    return new CasVerificationException(Reason.MALFORMED_PIN, "pin: " + why);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CasPin p && Arrays.equals(encode(), p.encode());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(tlsPublicKey);
  }

  @Override
  public String toString() {
    return "CasPin[" + name + ", " + url + ", " + tee + "]";
  }
}
