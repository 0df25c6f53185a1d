package io.coffer.cas.attest;

import io.coffer.cas.events.AttestationFailed.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks attestation nonces without storing them: a nonce carries its own expiry and the
 * names of the policy and service it was issued for, authenticated with a key only the CAS holds.
 * Any process of the CAS (they share the key through the store) can check a nonce another one
 * issued. That a nonce is used once is not decided here: the caller records its {@link Checked#id()
 * id} in the store in the same transaction as the attestation's ledger event, and the store refuses
 * an id it has seen.
 *
 * <p>Layout: version {@code 0x01}; 16 random bytes (the nonce's id); the expiry as 8 bytes
 * big-endian seconds since the epoch; the policy name and the service name, each as a 2-byte
 * big-endian length and its UTF-8; HMAC-SHA256 over the domain {@code coffer-attest-nonce-v1} and
 * everything before it. At most {@value #MAX_LENGTH} bytes.
 *
 * <p>Security guarantees: a nonce not made with the key, changed in any byte, past its expiry, or
 * presented for another policy or service is refused, each with its own reason. The random part
 * makes every nonce unpredictable (128 bits from {@link SecureRandom}).
 *
 * <p>Not protected against: replay within the lifetime; that is the store's unique id (see above).
 */
public final class Nonces {

  /** How long a nonce is accepted after it was issued. */
  public static final Duration LIFETIME = Duration.ofSeconds(60);

  /** The longest nonce: names of at most 255 and 64 characters, which are ASCII. */
  public static final int MAX_LENGTH = 1 + 16 + 8 + 2 + 255 + 2 + 64 + 32;

  private static final byte VERSION = 1;
  private static final int MAC_LENGTH = 32;
  private static final int NAME_LIMIT = 255;
  private static final byte[] DOMAIN = "coffer-attest-nonce-v1".getBytes(StandardCharsets.US_ASCII);

  private final SecretKeySpec key;
  private final InstantSource clock;
  private final SecureRandom random;

  /**
   * Nonces under {@code key} (32 bytes).
   *
   * @throws IllegalArgumentException for a key of another length
   */
  public Nonces(byte[] key, InstantSource clock, SecureRandom random) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the nonce key is 32 bytes, got " + key.length);
    }
    this.key = new SecretKeySpec(key, "HmacSHA256");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * A fresh nonce for {@code service} of {@code policy}.
   *
   * @throws IllegalArgumentException for a name longer than a policy or service name can be
   */
  public Challenge issue(String policy, String service) {
    byte[] p = policy.getBytes(StandardCharsets.UTF_8);
    byte[] s = service.getBytes(StandardCharsets.UTF_8);
    if (p.length > NAME_LIMIT || s.length > NAME_LIMIT) {
      throw new IllegalArgumentException("a policy or service name is too long for a nonce");
    }
    long expires = clock.instant().plus(LIFETIME).getEpochSecond();
    byte[] id = new byte[16];
    random.nextBytes(id);
    ByteBuffer b = ByteBuffer.allocate(1 + 16 + 8 + 2 + p.length + 2 + s.length + MAC_LENGTH);
    b.put(VERSION).put(id).putLong(expires);
    b.putShort((short) p.length).put(p).putShort((short) s.length).put(s);
    byte[] nonce = b.array();
    int macOffset = nonce.length - MAC_LENGTH;
    System.arraycopy(mac(nonce, macOffset), 0, nonce, macOffset, MAC_LENGTH);
    return new Challenge(policy, service, nonce, Instant.ofEpochSecond(expires));
  }

  /**
   * Checks that {@code nonce} was issued here and has not expired, and reads what it was issued
   * for.
   *
   * @throws AttestationRefused {@code NONCE_INVALID} (not one of ours, or altered), {@code
   *     NONCE_EXPIRED}
   */
  public Checked check(byte[] nonce) throws AttestationRefused {
    if (nonce.length < 1 + 16 + 8 + 2 + 2 + MAC_LENGTH
        || nonce.length > MAX_LENGTH
        || nonce[0] != VERSION) {
      throw invalid();
    }
    int macOffset = nonce.length - MAC_LENGTH;
    byte[] given = java.util.Arrays.copyOfRange(nonce, macOffset, nonce.length);
    if (!MessageDigest.isEqual(mac(nonce, macOffset), given)) {
      throw invalid();
    }
    // Authenticated: the layout was written by issue(), so the lengths are ours.
    ByteBuffer b = ByteBuffer.wrap(nonce, 0, macOffset);
    b.get();
    byte[] id = new byte[16];
    b.get(id);
    Instant expires = Instant.ofEpochSecond(b.getLong());
    String policy = name(b);
    String service = name(b);
    if (b.hasRemaining()) {
      throw invalid();
    }
    if (!clock.instant().isBefore(expires)) {
      throw new AttestationRefused(
          Reason.NONCE_EXPIRED, "the nonce expired at " + expires + "; ask for a new challenge");
    }
    return new Checked(HexFormat.of().formatHex(id), expires, policy, service);
  }

  private static String name(ByteBuffer b) throws AttestationRefused {
    if (b.remaining() < 2) {
      throw invalid();
    }
    int length = Short.toUnsignedInt(b.getShort());
    if (length > b.remaining()) {
      throw invalid();
    }
    byte[] bytes = new byte[length];
    b.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static AttestationRefused invalid() {
    return new AttestationRefused(Reason.NONCE_INVALID, "the nonce was not issued by this CAS");
  }

  /**
   * A nonce that checked.
   *
   * @param id its random part in hex: what the store records as used
   * @param expiresAt its expiry: after it, the record may be dropped
   * @param policy the policy it was issued for
   * @param service the service it was issued for
   */
  public record Checked(String id, Instant expiresAt, String policy, String service) {
    public Checked {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(expiresAt, "expiresAt");
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(service, "service");
    }
  }

  private byte[] mac(byte[] nonce, int length) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(DOMAIN);
      mac.update(nonce, 0, length);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HMAC-SHA256", e);
    }
  }
}
