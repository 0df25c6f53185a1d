package io.coffer.cli.trust;

import io.coffer.attestation.TrustAnchors;
import io.coffer.cli.command.CommandException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Reads {@code --trust-root FILE}, classifying the file by its content:
 *
 * <ul>
 *   <li>a self-signed CA certificate (PEM or DER) whose subject CN starts with {@code ARK-} is an
 *       AMD root key; any other self-signed CA certificate is an Intel root (a test root CA, for
 *       example);
 *   <li>a PEM {@code PUBLIC KEY} that is Ed25519 is a simulated platform's key.
 * </ul>
 *
 * <p>A file holds exactly one of these. Anything else is a usage error naming the file: a
 * certificate bundle (which of them is the root?), a leaf or intermediate certificate (trusting it
 * would make its issuer irrelevant), another kind of key, and above all a file with a private key
 * in it.
 */
public final class TrustRootFile {

  /** Trust-root files are a certificate or a key: a few KB at most. */
  static final int MAX_FILE_BYTES = 64 * 1024;

  /**
   * RFC 7468 §2 encapsulation boundaries around base64 text. The body's class excludes {@code -},
   * so matching is linear in the input.
   */
  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]{1,40})-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

  private TrustRootFile() {}

  /** {@code anchors} with every root in {@code files} added. */
  public static TrustAnchors addAll(TrustAnchors anchors, List<Path> files) {
    TrustAnchors out = anchors;
    for (Path file : files) {
      out = read(file).addTo(out);
    }
    return out;
  }

  /**
   * The trust root in {@code file}.
   *
   * @throws CommandException a usage error naming the file when it is not exactly one trust root,
   *     or it cannot be read
   */
  static TrustRoot read(Path file) {
    byte[] content = readBounded(file);
    String text = new String(content, StandardCharsets.US_ASCII);
    if (text.contains("-----BEGIN ")) {
      return pem(file, text);
    }
    return certificate(file, content);
  }

  private static TrustRoot pem(Path file, String text) {
    // RFC 7468 §2: text outside the encapsulation boundaries is allowed, and ignored.
    Matcher m = PEM_BLOCK.matcher(text);
    List<String> types = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    while (m.find()) {
      types.add(m.group(1));
      bodies.add(m.group(2));
    }
    int begins = text.split("-----BEGIN ", -1).length - 1;
    if (begins != types.size()) {
      throw refused(file, "malformed PEM (a BEGIN line without its END line)");
    }
    if (types.stream().anyMatch(t -> t.contains("PRIVATE KEY"))) {
      throw refused(
          file,
          "holds a private key; a trust root is public: give only its PUBLIC KEY or CERTIFICATE"
              + " block");
    }
    if (types.size() != 1) {
      throw refused(file, "holds " + types.size() + " PEM blocks " + types + "; give one per file");
    }
    String type = types.getFirst();
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(bodies.getFirst());
    } catch (IllegalArgumentException e) {
      throw refused(file, "the " + type + " block is not base64");
    }
    return switch (type) {
      case "CERTIFICATE" -> certificate(file, der);
      case "PUBLIC KEY" -> simulationKey(file, der);
      default ->
          throw refused(
              file,
              "a "
                  + type
                  + " is not a trust root (expected a CERTIFICATE or an Ed25519 PUBLIC KEY)");
    };
  }

  private static TrustRoot certificate(Path file, byte[] der) {
    if (der.length == 0 || der[0] != 0x30) {
      throw refused(file, "neither an X.509 certificate (PEM or DER) nor an Ed25519 PUBLIC KEY");
    }
    X509Certificate cert;
    boolean exact;
    try {
      cert =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
      exact = Arrays.equals(cert.getEncoded(), der);
    } catch (GeneralSecurityException | ClassCastException e) {
      throw refused(file, "neither an X.509 certificate (PEM or DER) nor an Ed25519 PUBLIC KEY");
    }
    if (!exact) {
      throw refused(file, "has bytes after the certificate");
    }
    String subject = cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
    if (cert.getBasicConstraints() < 0) {
      throw refused(file, "'" + subject + "' is not a CA certificate");
    }
    if (!selfSigned(cert)) {
      throw refused(
          file,
          "'"
              + subject
              + "' is not self-signed; a trust root is the top of its chain, not an"
              + " intermediate");
    }
    return commonName(cert).startsWith("ARK-")
        ? new TrustRoot.AmdRoot(cert)
        : new TrustRoot.IntelRoot(cert);
  }

  private static TrustRoot simulationKey(Path file, byte[] spki) {
    try {
      return new TrustRoot.SimulationKey(
          KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
    } catch (GeneralSecurityException e) {
      throw refused(
          file,
          "the PUBLIC KEY is not Ed25519; only simulated platforms' keys are trusted this way");
    }
  }

  private static boolean selfSigned(X509Certificate cert) {
    if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
      return false;
    }
    try {
      cert.verify(cert.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The subject's common name, or "" without one. */
  private static String commonName(X509Certificate cert) {
    try {
      LdapName name = new LdapName(cert.getSubjectX500Principal().getName(X500Principal.RFC2253));
      for (Rdn rdn : name.getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN") && rdn.getValue() instanceof String cn) {
          return cn;
        }
      }
      return "";
    } catch (InvalidNameException e) {
      return "";
    }
  }

  private static byte[] readBounded(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
      if (bytes.length > MAX_FILE_BYTES) {
        throw refused(file, "larger than any trust root (" + MAX_FILE_BYTES + " bytes)");
      }
      return bytes;
    } catch (IOException e) {
      throw CommandException.badInput(
          "--trust-root " + file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static CommandException refused(Path file, String why) {
    return CommandException.usage("--trust-root " + file + ": " + why);
  }
}
