package io.coffer.attestation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The roots evidence must chain to: Intel's SGX Root CA, AMD's ARKs for Milan, Genoa and Turin, and
 * for simulated evidence the simulated-platform public keys a caller chose to trust.
 *
 * <p>The vendor roots ship inside this library and are pinned by the SHA-256 of their DER encoding
 * in code: {@link #defaults()} refuses to load a root whose fingerprint differs. Other roots (a
 * test root CA, a new product line) are used only when a caller passes them explicitly.
 *
 * <p>Also carries AMD's ASK and ASVK intermediates for each product line; they are not anchors and
 * are always checked against their ARK.
 */
public final class TrustAnchors {

  /** SHA-256 of the DER of the production Intel SGX Root CA. */
  public static final String INTEL_SGX_ROOT_CA_SHA256 =
      "44a0196b2b99f889b8e149e95b807a350e7424964399e885a7cbb8ccfab674d3";

  /** SHA-256 of the DER of AMD's ARKs, by product line. */
  public static final Map<String, String> AMD_ARK_SHA256 =
      Map.of(
          "Milan", "69d063b45344d26a2e94e1f4210de49ef555308287d4c174445c95639a540bcd",
          "Genoa", "4c6598d19c18719c5dfd4a7d335f674e5bfe1d8f800cea2cf270c10d103db2f1",
          "Turin", "1f084161a44bb6d93778a904877d4819cafa5d05ef4193b2ded9dd9c73dd3f6a");

  private static final String ROOTS = "/io/coffer/attestation/roots/";
  private static final TrustAnchors DEFAULTS = loadDefaults();

  private final List<X509Certificate> intelRoots;
  private final List<X509Certificate> amdRoots;
  private final List<X509Certificate> amdIntermediates;
  private final List<PublicKey> simulationKeys;

  private TrustAnchors(
      List<X509Certificate> intelRoots,
      List<X509Certificate> amdRoots,
      List<X509Certificate> amdIntermediates,
      List<PublicKey> simulationKeys) {
    this.intelRoots = List.copyOf(intelRoots);
    this.amdRoots = List.copyOf(amdRoots);
    this.amdIntermediates = List.copyOf(amdIntermediates);
    this.simulationKeys = List.copyOf(simulationKeys);
  }

  /** The pinned production roots of Intel and AMD; no simulated platform is trusted. */
  public static TrustAnchors defaults() {
    return DEFAULTS;
  }

  /** These anchors with {@code root} also trusted as an Intel root (for example a test CA). */
  public TrustAnchors withIntelRoot(X509Certificate root) {
    List<X509Certificate> roots = new ArrayList<>(intelRoots);
    roots.add(root);
    return new TrustAnchors(roots, amdRoots, amdIntermediates, simulationKeys);
  }

  /** These anchors with {@code ark} also trusted as an AMD root. */
  public TrustAnchors withAmdRoot(X509Certificate ark) {
    List<X509Certificate> roots = new ArrayList<>(amdRoots);
    roots.add(ark);
    return new TrustAnchors(intelRoots, roots, amdIntermediates, simulationKeys);
  }

  /** These anchors with only {@code roots} trusted as Intel roots (the pinned one dropped). */
  public TrustAnchors withIntelRootsReplacedBy(List<X509Certificate> roots) {
    return new TrustAnchors(roots, amdRoots, amdIntermediates, simulationKeys);
  }

  /** These anchors with a simulated platform's public key trusted for simulated evidence. */
  public TrustAnchors withSimulationKey(PublicKey key) {
    List<PublicKey> keys = new ArrayList<>(simulationKeys);
    keys.add(key);
    return new TrustAnchors(intelRoots, amdRoots, amdIntermediates, keys);
  }

  public List<X509Certificate> intelRoots() {
    return intelRoots;
  }

  public List<X509Certificate> amdRoots() {
    return amdRoots;
  }

  /** AMD ASK and ASVK certificates shipped with the library (not anchors). */
  public List<X509Certificate> amdIntermediates() {
    return amdIntermediates;
  }

  public List<PublicKey> simulationKeys() {
    return simulationKeys;
  }

  private static TrustAnchors loadDefaults() {
    List<X509Certificate> intel = List.of(load("intel-sgx-root-ca.der", INTEL_SGX_ROOT_CA_SHA256));
    List<X509Certificate> arks = new ArrayList<>();
    List<X509Certificate> intermediates = new ArrayList<>();
    for (String product : List.of("Milan", "Genoa", "Turin")) {
      String name = "amd-" + product.toLowerCase(java.util.Locale.ROOT);
      arks.add(load(name + "-ark.der", AMD_ARK_SHA256.get(product)));
      intermediates.add(load(name + "-ask.der", null));
      intermediates.add(load(name + "-asvk.der", null));
    }
    return new TrustAnchors(intel, arks, intermediates, List.of());
  }

  /** Loads a shipped certificate, checking its pinned fingerprint when it is an anchor. */
  private static X509Certificate load(String file, String pinnedSha256) {
    try (InputStream in = TrustAnchors.class.getResourceAsStream(ROOTS + file)) {
      if (in == null) {
        throw new IllegalStateException("trust root missing from the library: " + file);
      }
      byte[] der = in.readAllBytes();
      if (pinnedSha256 != null) {
        String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        if (!actual.equals(pinnedSha256)) {
          throw new IllegalStateException(
              "trust root " + file + " has SHA-256 " + actual + ", pinned " + pinnedSha256);
        }
      }
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new java.io.ByteArrayInputStream(der));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read trust root " + file, e);
    } catch (CertificateException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot load trust root " + file, e);
    }
  }
}
