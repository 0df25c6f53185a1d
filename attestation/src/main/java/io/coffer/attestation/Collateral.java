package io.coffer.attestation;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The vendor material evidence is judged against: certificates (Intel PCK and signing chains, AMD
 * VCEK/VLEK and ASK/ASVK), CRLs, and signed JSON documents (Intel PCS TCB info and enclave
 * identities). Nothing in it is trusted: verifiers check every item against the {@link
 * TrustAnchors} before using it.
 */
public final class Collateral {

  /** The kind of a signed JSON document. */
  public enum JsonKind {
    /** Intel PCS TCB info ({@code {"tcbInfo": {...}, "signature": ...}}). */
    TCB_INFO,
    /** Intel PCS enclave identity, such as the QE identity ({@code {"enclaveIdentity": ...}}). */
    ENCLAVE_IDENTITY
  }

  /**
   * A signed JSON document exactly as Intel's PCS signs it.
   *
   * @param kind what it is
   * @param body the exact bytes of the signed object, as they appear in the source
   * @param signature the ECDSA P-256 signature over {@code body}, r and s as 32 bytes each
   * @param source where it came from, for messages (a file name)
   */
  public record SignedJson(JsonKind kind, byte[] body, byte[] signature, String source) {
    public SignedJson {
      Objects.requireNonNull(kind, "kind");
      body = body.clone();
      signature = signature.clone();
      Objects.requireNonNull(source, "source");
    }

    @Override
    public byte[] body() {
      return body.clone();
    }

    @Override
    public byte[] signature() {
      return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SignedJson s
          && kind == s.kind
          && Arrays.equals(body, s.body)
          && Arrays.equals(signature, s.signature);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(body);
    }

    @Override
    public String toString() {
      return kind + " from " + source;
    }
  }

  private static final Collateral EMPTY = new Collateral(List.of(), List.of(), List.of());

  private final List<X509Certificate> certificates;
  private final List<X509CRL> crls;
  private final List<SignedJson> documents;

  private Collateral(
      List<X509Certificate> certificates, List<X509CRL> crls, List<SignedJson> documents) {
    this.certificates = List.copyOf(certificates);
    this.crls = List.copyOf(crls);
    this.documents = List.copyOf(documents);
  }

  /** No collateral. */
  public static Collateral empty() {
    return EMPTY;
  }

  /** Collateral made of these items. */
  public static Collateral of(
      List<X509Certificate> certificates, List<X509CRL> crls, List<SignedJson> documents) {
    return new Collateral(certificates, crls, documents);
  }

  /** This collateral together with {@code other}. */
  public Collateral plus(Collateral other) {
    List<X509Certificate> c = new ArrayList<>(certificates);
    c.addAll(other.certificates);
    List<X509CRL> r = new ArrayList<>(crls);
    r.addAll(other.crls);
    List<SignedJson> d = new ArrayList<>(documents);
    d.addAll(other.documents);
    return new Collateral(c, r, d);
  }

  public List<X509Certificate> certificates() {
    return certificates;
  }

  public List<X509CRL> crls() {
    return crls;
  }

  public List<SignedJson> documents() {
    return documents;
  }

  /** The signed documents of one kind. */
  public List<SignedJson> documents(JsonKind kind) {
    return documents.stream().filter(d -> d.kind() == kind).toList();
  }

  /** Whether there is nothing in it. */
  public boolean isEmpty() {
    return certificates.isEmpty() && crls.isEmpty() && documents.isEmpty();
  }

  @Override
  public String toString() {
    return "Collateral["
        + certificates.size()
        + " certificates, "
        + crls.size()
        + " CRLs, "
        + documents.size()
        + " signed documents]";
  }
}
