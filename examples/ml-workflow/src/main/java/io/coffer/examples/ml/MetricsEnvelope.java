package io.coffer.examples.ml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encrypted form of {@link Metrics}, which the trainer writes where the operator can see it.
 *
 * <p>Format: one JSON object, UTF-8, with exactly three string members:
 *
 * <pre>{"alg":"A256GCM","iv":"&lt;base64 of 12 bytes&gt;","ciphertext":"&lt;base64&gt;"}</pre>
 *
 * {@code ciphertext} is AES-256-GCM (NIST SP 800-38D) of the metrics JSON under the 32-byte key,
 * with a fresh random 96-bit IV, the 128-bit tag appended, and the ASCII bytes of {@value #AAD} as
 * associated data. Base64 is the standard alphabet with padding (RFC 4648 §4). The metrics JSON is
 * {@code {"accuracy":..,"precision":..,"recall":..,"positive_class":"yes","train_rows":..,
 * "test_rows":..}}, precision and recall being those of the positive class.
 *
 * <p>Security guarantees: only a holder of the key reads the metrics, and any change to the
 * envelope, or another key, is refused ({@link MetricsException.Reason#DOES_NOT_OPEN}). Not
 * protected: the envelope's size, and replacing it with another envelope made under the same key
 * (there is one per training run; freshness is the workflow's).
 */
public final class MetricsEnvelope {

  /** The associated data bound to every envelope. */
  public static final String AAD = "coffer-example-ml/metrics/v1";

  /** The largest envelope opened. */
  public static final int MAX_ENVELOPE_BYTES = 4096;

  private static final String ALG = "A256GCM";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Set<String> ENVELOPE_MEMBERS = Set.of("alg", "iv", "ciphertext");
  private static final Set<String> METRICS_MEMBERS =
      Set.of("accuracy", "precision", "recall", "positive_class", "train_rows", "test_rows");
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final SecureRandom RANDOM = new SecureRandom();

  private MetricsEnvelope() {}

  /** The envelope of {@code metrics} encrypted under {@code key}. */
  public static byte[] seal(MetricsKey key, Metrics metrics) {
    ObjectNode m = JSON.createObjectNode();
    m.put("accuracy", metrics.accuracy());
    m.put("precision", metrics.precision());
    m.put("recall", metrics.recall());
    m.put("positive_class", Outcome.READMITTED.text());
    m.put("train_rows", metrics.trainRows());
    m.put("test_rows", metrics.testRows());
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    byte[] ciphertext;
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv);
      ciphertext = cipher.doFinal(JSON.writeValueAsBytes(m));
    } catch (GeneralSecurityException | JsonProcessingException e) {
      throw new IllegalStateException("AES-256-GCM is not available", e);
    }
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("alg", ALG);
    envelope.put("iv", Base64.getEncoder().encodeToString(iv));
    envelope.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
    return envelope.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The metrics in {@code envelope}.
   *
   * @param key the 32-byte key
   * @throws MetricsException when the key is not 32 bytes, the envelope is malformed, or it does
   *     not open with the key
   */
  public static Metrics open(byte[] key, byte[] envelope) throws MetricsException {
    MetricsKey k = MetricsKey.of(key);
    if (envelope == null || envelope.length > MAX_ENVELOPE_BYTES) {
      throw malformed("absent or larger than " + MAX_ENVELOPE_BYTES + " bytes");
    }
    JsonNode root = object(envelope, ENVELOPE_MEMBERS, MetricsException.Reason.MALFORMED_ENVELOPE);
    String alg = text(root, "alg", MetricsException.Reason.MALFORMED_ENVELOPE);
    if (!alg.equals(ALG)) {
      throw new MetricsException(
          MetricsException.Reason.UNSUPPORTED_ALGORITHM, "envelope: alg: expected " + ALG);
    }
    byte[] iv = base64(root, "iv");
    if (iv.length != IV_BYTES) {
      throw malformed("iv: expected " + IV_BYTES + " bytes, not " + iv.length);
    }
    byte[] ciphertext = base64(root, "ciphertext");
    if (ciphertext.length < TAG_BITS / 8) {
      throw malformed("ciphertext: shorter than the GCM tag");
    }
    byte[] plaintext;
    try {
      plaintext = cipher(Cipher.DECRYPT_MODE, k, iv).doFinal(ciphertext);
    } catch (AEADBadTagException e) {
      throw new MetricsException(
          MetricsException.Reason.DOES_NOT_OPEN,
          "envelope: does not authenticate (another key, or a changed envelope)",
          e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is not available", e);
    }
    return metrics(plaintext);
  }

  private static Metrics metrics(byte[] plaintext) throws MetricsException {
    MetricsException.Reason bad = MetricsException.Reason.MALFORMED_METRICS;
    JsonNode m = object(plaintext, METRICS_MEMBERS, bad);
    if (!text(m, "positive_class", bad).equals(Outcome.READMITTED.text())) {
      throw new MetricsException(bad, "metrics: positive_class: expected 'yes'");
    }
    try {
      return new Metrics(
          number(m, "accuracy"),
          number(m, "precision"),
          number(m, "recall"),
          count(m, "train_rows"),
          count(m, "test_rows"));
    } catch (IllegalArgumentException e) {
      throw new MetricsException(bad, "metrics: " + e.getMessage(), e);
    }
  }

  private static Cipher cipher(int mode, MetricsKey key, byte[] iv)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(key.bytes(), "AES"), new GCMParameterSpec(TAG_BITS, iv));
    cipher.updateAAD(AAD.getBytes(StandardCharsets.US_ASCII));
    return cipher;
  }

  private static JsonNode object(byte[] bytes, Set<String> members, MetricsException.Reason bad)
      throws MetricsException {
    String what = bad == MetricsException.Reason.MALFORMED_ENVELOPE ? "envelope" : "metrics";
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (java.io.IOException e) {
      throw new MetricsException(bad, what + ": not one JSON object", e);
    }
    if (root == null || !root.isObject()) {
      throw new MetricsException(bad, what + ": not one JSON object");
    }
    Set<String> names = new TreeSet<>();
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    if (!names.equals(members)) {
      throw new MetricsException(
          bad,
          what + ": expected exactly the members " + new TreeSet<>(members) + ", not " + names);
    }
    return root;
  }

  private static String text(JsonNode o, String name, MetricsException.Reason bad)
      throws MetricsException {
    JsonNode v = o.get(name);
    if (!v.isTextual()) {
      throw new MetricsException(bad, name + ": not a string");
    }
    return v.textValue();
  }

  private static byte[] base64(JsonNode o, String name) throws MetricsException {
    String text = text(o, name, MetricsException.Reason.MALFORMED_ENVELOPE);
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw malformed(name + ": not standard base64");
    }
    if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
      throw malformed(name + ": not padded standard base64");
    }
    return bytes;
  }

  private static double number(JsonNode o, String name) throws MetricsException {
    JsonNode v = o.get(name);
    if (!v.isNumber()) {
      throw new MetricsException(
          MetricsException.Reason.MALFORMED_METRICS, name + ": not a number");
    }
    return v.doubleValue();
  }

  private static int count(JsonNode o, String name) throws MetricsException {
    JsonNode v = o.get(name);
    if (!v.isInt()) {
      throw new MetricsException(
          MetricsException.Reason.MALFORMED_METRICS, name + ": not a whole number");
    }
    return v.intValue();
  }

  private static MetricsException malformed(String message) {
    return new MetricsException(MetricsException.Reason.MALFORMED_ENVELOPE, "envelope: " + message);
  }
}
