package io.coffer.policy.governance;

import io.coffer.policy.governance.GovernanceException.Reason;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One approver's signature over an {@link ApprovalMessage}: the approver's identity, the signature,
 * and for a {@code cert-sha256} identity the certificate whose key signed.
 *
 * <p>Signatures: Ed25519 (RFC 8032, 64 bytes) for {@code ed25519}, ECDSA P-256 with SHA-256 and
 * P-384 with SHA-384 (ASN.1 DER) for {@code p256} and {@code p384}; a {@code cert-sha256} identity
 * signs with its certificate's key, by that key's scheme.
 *
 * <p>JSON form ({@link #toJson}, {@link #parse}), strict: exactly these members, all strings,
 * base64 with padding, no others:
 *
 * <pre>
 * {"identity": "&lt;identity&gt;", "signature": "&lt;base64&gt;",
 *  "certificate": "&lt;base64 DER, only for cert-sha256&gt;"}
 * </pre>
 *
 * <p>Security guarantees: an {@code Approval} is well formed (the certificate hashes to the
 * identity, the signature has a possible length), but says nothing about its signature until {@link
 * #verify} returns. It does not say what it approves: the verifier supplies the message.
 */
public final class Approval {

  private final Identity identity;
  private final byte[] signature;
  private final Optional<ClientCertificate> certificate;
  private final Identity signingKey;

  private Approval(
      Identity identity,
      byte[] signature,
      Optional<ClientCertificate> certificate,
      Identity signingKey) {
    this.identity = identity;
    this.signature = signature;
    this.certificate = certificate;
    this.signingKey = signingKey;
  }

  /**
   * An approval from its parts (the signature is copied).
   *
   * @throws GovernanceException {@code MALFORMED_APPROVAL} for a certificate with a key identity, a
   *     missing certificate for a {@code cert-sha256} identity or a signature of impossible length;
   *     {@code CERTIFICATE_MISMATCH} for a certificate that does not hash to the identity; {@code
   *     UNSUPPORTED_KEY} for a certificate key governance cannot verify
   */
  public static Approval of(
      Identity identity, byte[] signature, Optional<ClientCertificate> certificate)
      throws GovernanceException {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(certificate, "certificate");
    Identity signingKey;
    if (identity.type() == Identity.Type.CERT_SHA256) {
      ClientCertificate c =
          certificate.orElseThrow(() ->
              new GovernanceException(
                  Reason.MALFORMED_APPROVAL,
                  "approval by "
                      + identity.shortForm()
                      + ": no certificate for a cert-sha256 identity"));
      if (!c.identity().equals(identity)) {
        throw new GovernanceException(
            Reason.CERTIFICATE_MISMATCH,
            "approval by "
                + identity.shortForm()
                + ": the certificate's key hashes to "
                + c.identity().shortForm());
      }
      signingKey = c.keyIdentity();
    } else if (certificate.isPresent()) {
      throw new GovernanceException(
          Reason.MALFORMED_APPROVAL,
          "approval by " + identity.shortForm() + ": a certificate only goes with cert-sha256");
    } else {
      signingKey = identity;
    }
    SignatureScheme scheme = SignatureScheme.of(signingKey.type());
    if (!scheme.acceptsLength(signature.length)) {
      throw new GovernanceException(
          Reason.MALFORMED_APPROVAL,
          "approval by "
              + identity.shortForm()
              + ": a "
              + signingKey.type().prefix()
              + " signature cannot be "
              + signature.length
              + " bytes");
    }
    return new Approval(identity, signature.clone(), certificate, signingKey);
  }

  /**
   * Signs {@code message} with {@code key} as {@code identity} (an {@code ed25519}, {@code p256} or
   * {@code p384} identity).
   *
   * @throws GovernanceException {@code KEY_MISMATCH} when {@code key} is not {@code identity}'s
   */
  public static Approval sign(PrivateKey key, Identity identity, ApprovalMessage message)
      throws GovernanceException {
    if (identity.type() == Identity.Type.CERT_SHA256) {
      throw new GovernanceException(
          Reason.KEY_MISMATCH, "a cert-sha256 identity signs with its certificate");
    }
    return signed(key, identity, Optional.empty(), message);
  }

  /**
   * Signs {@code message} with {@code key} as the {@code cert-sha256} identity of {@code
   * certificate}, which the approval carries.
   *
   * @throws GovernanceException {@code KEY_MISMATCH} when {@code key} is not the certificate's;
   *     {@code UNSUPPORTED_KEY} for a certificate key of another type than Ed25519, P-256, P-384
   */
  public static Approval sign(
      PrivateKey key, ClientCertificate certificate, ApprovalMessage message)
      throws GovernanceException {
    return signed(key, certificate.identity(), Optional.of(certificate), message);
  }

  private static Approval signed(
      PrivateKey key,
      Identity identity,
      Optional<ClientCertificate> certificate,
      ApprovalMessage message)
      throws GovernanceException {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
    Identity signingKey = certificate.isPresent() ? certificate.get().keyIdentity() : identity;
    SignatureScheme scheme = SignatureScheme.of(signingKey.type());
    byte[] signature;
    try {
      signature = scheme.sign(key, message.bytes());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new GovernanceException(
          Reason.KEY_MISMATCH, "the private key cannot sign as " + identity.shortForm(), e);
    }
    // A key of another type or curve may still sign; only verifying shows it is the right key.
    if (scheme.verifies(signingKey.publicKey().orElseThrow(), message.bytes(), signature)) {
      return of(identity, signature, certificate);
    }
    throw new GovernanceException(
        Reason.KEY_MISMATCH, "the private key is not the key of " + identity.shortForm());
  }

  /**
   * Parses the JSON form.
   *
   * @throws GovernanceException {@code MALFORMED_APPROVAL} for anything but exactly the form above,
   *     or the reasons of {@link Identity#parse} and {@link #of}
   */
  public static Approval parse(byte[] json) throws GovernanceException {
    return ApprovalJson.parse(json);
  }

  /** The JSON form, on one line, without a trailing newline. */
  public String toJson() {
    return ApprovalJson.render(this);
  }

  /**
   * Checks the signature over {@code message}.
   *
   * @return the approving identity
   * @throws GovernanceException {@code INVALID_SIGNATURE} when the signature does not verify
   */
  public Identity verify(ApprovalMessage message) throws GovernanceException {
    return verify(message, SignatureCache.none());
  }

  /**
   * Checks the signature over {@code message}, unless {@code cache} remembers verifying exactly
   * this signature of exactly this message by this key.
   *
   * @return the approving identity
   * @throws GovernanceException {@code INVALID_SIGNATURE} when the signature does not verify
   */
  public Identity verify(ApprovalMessage message, SignatureCache cache) throws GovernanceException {
    Objects.requireNonNull(cache, "cache");
    SignatureScheme scheme = SignatureScheme.of(signingKey.type());
    if (!cache.verifies(
        scheme, signingKey, signingKey.publicKey().orElseThrow(), message.bytes(), signature)) {
      throw new GovernanceException(
          Reason.INVALID_SIGNATURE,
          "approval by "
              + identity.shortForm()
              + ": the signature does not verify for "
              + message.name()
              + " at "
              + message.policyHash());
    }
    return identity;
  }

  /** The approving identity, as the approval claims it (until {@link #verify}). */
  public Identity identity() {
    return identity;
  }

  /** A copy of the signature bytes. */
  public byte[] signature() {
    return signature.clone();
  }

  /** The certificate, for a {@code cert-sha256} identity. */
  public Optional<ClientCertificate> certificate() {
    return certificate;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Approval other
        && identity.equals(other.identity)
        && Arrays.equals(signature, other.signature)
        && Arrays.equals(
            certificate.map(ClientCertificate::der).orElse(null),
            other.certificate.map(ClientCertificate::der).orElse(null));
  }

  @Override
  public int hashCode() {
    return Objects.hash(identity, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "Approval[" + identity.shortForm() + "]";
  }
}
