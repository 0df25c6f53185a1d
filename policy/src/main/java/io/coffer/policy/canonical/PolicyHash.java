package io.coffer.policy.canonical;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.policy.model.Policy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * A policy's canonical form and hash: the RFC 8785 (JCS) canonical JSON of {@link PolicyJson}, and
 * its SHA-256 as 64 lower-case hex digits.
 */
public final class PolicyHash {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyHash() {}

  /** The canonical JSON bytes (UTF-8). */
  public static byte[] canonical(Policy policy) {
    try {
      String json = JSON.writeValueAsString(PolicyJson.of(policy));
      return new JsonCanonicalizer(json).getEncodedUTF8();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a policy always has a JSON form", e);
    } catch (IOException e) {
      throw new IllegalStateException("a policy's JSON is always canonicalisable", e);
    }
  }

  /** The policy hash: SHA-256 of the canonical JSON, lower-case hex. */
  public static String of(Policy policy) {
    return sha256Hex(canonical(policy));
  }

  /** SHA-256 of {@code bytes}, lower-case hex. */
  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JCA algorithm", e);
    }
  }

  /** The canonical JSON as text, for people. */
  public static String canonicalText(Policy policy) {
    return new String(canonical(policy), StandardCharsets.UTF_8);
  }
}
