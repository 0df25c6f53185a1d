package io.coffer.attestation.simulation;

import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated TEE platform: an Ed25519 key that signs {@link SimulatedEvidence}. Whoever holds the
 * key file can produce any evidence; it protects nothing and exists for development and CI.
 *
 * <p>Key file: PEM with a {@code PRIVATE KEY} (PKCS#8) and a {@code PUBLIC KEY} (SPKI) block,
 * readable by its owner only.
 */
public final class SimulatedPlatform {

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final byte[] rawPublicKey;

  private SimulatedPlatform(PrivateKey privateKey, PublicKey publicKey)
      throws GeneralSecurityException {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.rawPublicKey = Ed25519.raw(publicKey);
  }

  /** A new platform with a fresh key. */
  public static SimulatedPlatform generate() throws GeneralSecurityException {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    return new SimulatedPlatform(pair.getPrivate(), pair.getPublic());
  }

  /** The platform whose key is in {@code keyFile}, creating the file (mode 0600) if missing. */
  public static SimulatedPlatform loadOrCreate(Path keyFile)
      throws IOException, GeneralSecurityException {
    if (Files.exists(keyFile)) {
      return load(keyFile);
    }
    SimulatedPlatform created = generate();
    created.save(keyFile);
    return created;
  }

  /** The platform whose key is in {@code keyFile}. */
  public static SimulatedPlatform load(Path keyFile) throws IOException, GeneralSecurityException {
    String text = Files.readString(keyFile, StandardCharsets.US_ASCII);
    byte[] pkcs8 = null;
    byte[] spki = null;
    Matcher m = PEM.matcher(text);
    while (m.find()) {
      byte[] der = Base64.getMimeDecoder().decode(m.group(2));
      switch (m.group(1)) {
        case "PRIVATE KEY" -> pkcs8 = der;
        case "PUBLIC KEY" -> spki = der;
        default -> throw new GeneralSecurityException(keyFile + ": unexpected " + m.group(1));
      }
    }
    if (pkcs8 == null || spki == null) {
      throw new GeneralSecurityException(keyFile + ": needs a PRIVATE KEY and a PUBLIC KEY block");
    }
    KeyFactory f = KeyFactory.getInstance("Ed25519");
    SimulatedPlatform platform =
        new SimulatedPlatform(
            f.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)),
            f.generatePublic(new X509EncodedKeySpec(spki)));
    byte[] probe = "coffer simulated platform key check".getBytes(StandardCharsets.US_ASCII);
    if (!Ed25519.verify(platform.publicKey, probe, platform.sign(probe))) {
      throw new GeneralSecurityException(
          keyFile + ": the public key does not match the private key");
    }
    return platform;
  }

  /** Writes the key file, readable by its owner only, atomically. */
  public void save(Path keyFile) throws IOException {
    Path dir = keyFile.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".platform", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: rely on the directory's protection.
      }
      Files.writeString(
          tmp,
          pem("PRIVATE KEY", privateKey.getEncoded()) + pem("PUBLIC KEY", publicKey.getEncoded()),
          StandardCharsets.US_ASCII);
      Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The public key verifiers must trust to accept this platform's evidence. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** The public key in PEM, for {@code --trust-root}. */
  public String publicKeyPem() {
    return pem("PUBLIC KEY", publicKey.getEncoded());
  }

  /** Signs evidence for {@code measurement} and {@code reportData}, issued at {@code now}. */
  public Evidence attest(byte[] measurement, byte[] reportData, Instant now)
      throws GeneralSecurityException {
    byte[] signed = SimulatedEvidence.signedBytes(measurement, reportData, now, rawPublicKey);
    SimulatedEvidence evidence =
        new SimulatedEvidence(measurement, reportData, now, rawPublicKey, sign(signed));
    return new Evidence(EvidenceType.SIMULATION, evidence.encode());
  }

  private byte[] sign(byte[] message) throws GeneralSecurityException {
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(privateKey);
    s.update(message);
    return s.sign();
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  @Override
  public String toString() {
    return "SimulatedPlatform[key hidden]";
  }
}
