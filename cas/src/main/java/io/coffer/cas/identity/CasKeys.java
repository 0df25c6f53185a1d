package io.coffer.cas.identity;

import io.coffer.cas.identity.IdentityException.Reason;
import io.coffer.cas.seal.Barrier;
import io.coffer.cas.seal.BarrierException;
import io.coffer.cas.seal.RowId;
import io.coffer.ledger.checkpoint.CheckpointSigner;
import io.coffer.ledger.note.Ed25519NoteSigner;
import io.coffer.ledger.note.Ed25519Seed;
import io.coffer.ledger.note.NoteException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The CAS's own keys: its TLS key (ECDSA P-256, with a self-signed certificate) and its ledger key
 * (Ed25519, signing checkpoints as C2SP signed notes under the log's origin). Made once, at init,
 * inside the CAS's TEE; stored only encrypted by the {@link Barrier} in row {@link #ROW}; bound
 * into the CAS's evidence by {@link SelfAttestation}.
 *
 * <p>Security guarantees: the private keys leave this object only as Java key objects for the TLS
 * stack and the checkpoint signer, inside the process; their only serialised form is the barrier's
 * ciphertext ({@link #encrypt}).
 *
 * <p>Stored form, version 1 (integers big-endian), before encryption: magic {@code "CKEY"}, version
 * {@code 0x01}; the origin as u16 length and UTF-8; the TLS private key as u16 length and PKCS#8
 * DER; the TLS certificate as u16 length and DER; the 32-byte Ed25519 seed. Nothing may follow.
 */
public final class CasKeys {

  /** Where the keys are stored, encrypted by the barrier. */
  public static final RowId ROW = new RowId("cas_meta", "identity", 1);

  private static final byte[] MAGIC = "CKEY".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  private static final int MAX_ENCODED_BYTES = 16 * 1024;

  private final String origin;
  private final PrivateKey tlsPrivateKey;
  private final X509Certificate tlsCertificate;
  private final Ed25519Seed ledgerSeed;
  private final Ed25519NoteSigner ledgerSigner;
  private final CheckpointSigner checkpointSigner;

  private CasKeys(
      String origin,
      PrivateKey tlsPrivateKey,
      X509Certificate tlsCertificate,
      Ed25519Seed ledgerSeed) {
    this.origin = origin;
    this.tlsPrivateKey = tlsPrivateKey;
    this.tlsCertificate = tlsCertificate;
    this.ledgerSeed = ledgerSeed;
    try {
      this.ledgerSigner = Ed25519NoteSigner.of(origin, ledgerSeed);
    } catch (NoteException e) {
      throw new IllegalArgumentException(
          "the log origin cannot name a note key: " + e.getMessage(), e);
    }
    this.checkpointSigner = new CheckpointSigner(origin, ledgerSigner);
  }

  /**
   * New keys for a CAS whose log is named {@code origin} (also the ledger key's name: a C2SP key
   * name, no spaces or '+'), reachable as {@code hostNames} besides {@code localhost} and {@code
   * 127.0.0.1}.
   *
   * @throws IllegalArgumentException for an origin that cannot name a log or key, or a host name
   *     that is neither a DNS name nor an IP address
   */
  public static CasKeys generate(
      String origin, List<String> hostNames, InstantSource clock, SecureRandom random) {
    Objects.requireNonNull(origin, "origin");
    KeyPair tls;
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), random);
      tls = g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot make P-256 keys", e);
    }
    X509Certificate certificate =
        TlsCertificate.selfSigned(tls, List.copyOf(hostNames), clock.instant(), random);
    return new CasKeys(origin, tls.getPrivate(), certificate, Ed25519Seed.generate(random));
  }

  /** The log's origin, and the ledger key's name. */
  public String origin() {
    return origin;
  }

  /** The TLS private key, for the server's TLS stack in this process. */
  public PrivateKey tlsPrivateKey() {
    return tlsPrivateKey;
  }

  /** The self-signed TLS certificate. */
  public X509Certificate tlsCertificate() {
    return tlsCertificate;
  }

  /** The TLS key's DER SubjectPublicKeyInfo: what clients pin. */
  public byte[] tlsPublicKey() {
    return tlsCertificate.getPublicKey().getEncoded();
  }

  /** The ledger key's DER SubjectPublicKeyInfo (id-Ed25519, RFC 8410). */
  public byte[] ledgerPublicKey() {
    try {
      return new SubjectPublicKeyInfo(
              new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), ledgerSeed.publicKey())
          .getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode an Ed25519 public key", e);
    }
  }

  /** The ledger key as a C2SP signed-note verifier key string. */
  public String ledgerVerifierKey() {
    return ledgerSigner.verifier().vkey();
  }

  /** The ledger key as a note signer. */
  public Ed25519NoteSigner ledgerSigner() {
    return ledgerSigner;
  }

  /** The checkpoint signer for the CAS's log. */
  public CheckpointSigner checkpointSigner() {
    return checkpointSigner;
  }

  /** SHA-256 of the TLS SubjectPublicKeyInfo, lower-case hex: the identity fingerprint. */
  public String fingerprint() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tlsPublicKey()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The keys encrypted for {@link #ROW}. */
  public byte[] encrypt(Barrier barrier) {
    byte[] clear = encode();
    try {
      return barrier.encrypt(ROW, clear);
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  /**
   * The keys stored in {@link #ROW}.
   *
   * @throws IdentityException {@code KEYS_DO_NOT_OPEN} if the ciphertext does not open, {@code
   *     MALFORMED_KEYS} if what it holds is not version-1 keys that belong together
   */
  public static CasKeys decrypt(Barrier barrier, byte[] ciphertext) throws IdentityException {
    byte[] clear;
    try {
      clear = barrier.decrypt(ROW, ciphertext);
    } catch (BarrierException e) {
      throw new IdentityException(
          Reason.KEYS_DO_NOT_OPEN, "the stored CAS keys do not open: " + e.getMessage(), e);
    }
    try {
      return decode(clear);
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  /** The stored form in clear; see the class description. Never leaves this package. */
  byte[] encode() {
    byte[] name = origin.getBytes(StandardCharsets.UTF_8);
    byte[] pkcs8 = tlsPrivateKey.getEncoded();
    byte[] certificate = TlsCertificate.der(tlsCertificate);
    byte[] seed = ledgerSeed.revealBytes();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(MAGIC);
      out.write(VERSION);
      field(out, name);
      field(out, pkcs8);
      field(out, certificate);
      out.writeBytes(seed);
      return out.toByteArray();
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** Decodes the stored form, checking that the TLS key and certificate belong together. */
  static CasKeys decode(byte[] encoded) throws IdentityException {
    if (encoded.length > MAX_ENCODED_BYTES) {
      throw malformed("longer than " + MAX_ENCODED_BYTES + " bytes");
    }
    ByteBuffer b = ByteBuffer.wrap(encoded);
    byte[] pkcs8 = null;
    byte[] seed = new byte[Ed25519Seed.SIZE_BYTES];
    try {
      byte[] magic = new byte[MAGIC.length];
      b.get(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw malformed("not CAS keys (magic)");
      }
      int version = b.get() & 0xff;
      if (version != VERSION) {
        throw malformed("unsupported version " + version + " (expected " + VERSION + ")");
      }
      String origin = utf8(field(b, "origin"));
      pkcs8 = field(b, "TLS private key");
      byte[] certificate = field(b, "TLS certificate");
      b.get(seed);
      if (b.hasRemaining()) {
        throw malformed(b.remaining() + " bytes after the ledger key");
      }
      X509Certificate cert = certificate(certificate);
      PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      requirePair(key, cert);
      return new CasKeys(origin, key, cert, Ed25519Seed.of(seed));
    } catch (BufferUnderflowException e) {
      throw new IdentityException(Reason.MALFORMED_KEYS, "CAS keys: truncated", e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IdentityException(Reason.MALFORMED_KEYS, "CAS keys: " + e.getMessage(), e);
    } finally {
      if (pkcs8 != null) {
        Arrays.fill(pkcs8, (byte) 0);
      }
      Arrays.fill(seed, (byte) 0);
    }
  }

  private static X509Certificate certificate(byte[] der) throws GeneralSecurityException {
    X509Certificate cert =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    if (!(cert.getPublicKey() instanceof ECPublicKey ec)
        || ec.getParams().getCurve().getField().getFieldSize() != 256) {
      throw new GeneralSecurityException("the TLS certificate's key is not ECDSA P-256");
    }
    return cert;
  }

  /** The private key must sign what the certificate's key verifies. */
  private static void requirePair(PrivateKey key, X509Certificate cert)
      throws GeneralSecurityException {
    byte[] probe = "coffer cas tls key check".getBytes(StandardCharsets.US_ASCII);
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(key);
    s.update(probe);
    byte[] signature = s.sign();
    Signature v = Signature.getInstance("SHA256withECDSA");
    v.initVerify(cert.getPublicKey());
    v.update(probe);
    if (!v.verify(signature)) {
      throw new GeneralSecurityException("the TLS private key does not match its certificate");
    }
  }

  private static void field(ByteArrayOutputStream out, byte[] value) {
    if (value.length > 0xffff) {
      throw new IllegalStateException("a field of " + value.length + " bytes");
    }
    out.write(value.length >>> 8);
    out.write(value.length);
    out.writeBytes(value);
  }

  private static byte[] field(ByteBuffer b, String what) throws IdentityException {
    int length = b.getShort() & 0xffff;
    if (length == 0) {
      throw malformed(what + " is empty");
    }
    byte[] value = new byte[length];
    b.get(value);
    return value;
  }

  private static String utf8(byte[] bytes) throws IdentityException {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw malformed("the origin is not UTF-8");
    }
  }

  private static IdentityException malformed(String why) {
    return new IdentityException(Reason.MALFORMED_KEYS, "CAS keys: " + why);
  }

  @Override
  public String toString() {
    return "CasKeys[" + origin + ", TLS " + fingerprint() + ", ledger " + ledgerSigner + "]";
  }
}
