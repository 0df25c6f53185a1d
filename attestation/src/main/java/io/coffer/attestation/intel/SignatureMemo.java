package io.coffer.attestation.intel;

import io.coffer.attestation.Collateral.SignedJson;
import io.coffer.attestation.internal.BoundedCache;
import io.coffer.attestation.internal.ByteKey;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.function.BooleanSupplier;

/**
 * The outcomes of signature checks, remembered by exactly what was checked: the signed content
 * (certificate, CRL, signed document or QE report, compared by their bytes) together with the key.
 * A signature's validity does not depend on time, so an outcome can be reused for as long as it is
 * cached; what does depend on time (validity windows, revocation) is checked on every use.
 */
final class SignatureMemo {

  private record Key(Object content, PublicKey key) {}

  private final BoundedCache<Key, Boolean> outcomes;

  SignatureMemo(int capacity) {
    this.outcomes = new BoundedCache<>(capacity);
  }

  /** Whether {@code certificate} is signed by {@code issuerKey}. */
  boolean certificate(X509Certificate certificate, PublicKey issuerKey) {
    return remember(
        new Key(certificate, issuerKey),
        () -> {
          try {
            certificate.verify(issuerKey);
            return true;
          } catch (GeneralSecurityException | RuntimeException e) {
            return false;
          }
        });
  }

  /** Whether {@code crl} is signed by {@code issuerKey}. */
  boolean crl(X509CRL crl, PublicKey issuerKey) {
    return remember(
        new Key(crl, issuerKey),
        () -> {
          try {
            crl.verify(issuerKey);
            return true;
          } catch (GeneralSecurityException | RuntimeException e) {
            return false;
          }
        });
  }

  /** Whether {@code document} is signed by {@code key} (ECDSA P-256, r || s). */
  boolean document(SignedJson document, PublicKey key) {
    return remember(
        new Key(document, key), () -> Ecdsa.verify(key, document.body(), document.signature()));
  }

  /** Whether {@code signature} (r || s) is {@code pckKey}'s signature of the QE report. */
  boolean qeReport(byte[] report, byte[] signature, PublicKey pckKey) {
    return remember(
        new Key(ByteKey.concat(report, signature), pckKey),
        () -> Ecdsa.verify(pckKey, report, signature));
  }

  private boolean remember(Key key, BooleanSupplier check) {
    Boolean known = outcomes.get(key);
    if (known != null) {
      return known;
    }
    boolean outcome = check.getAsBoolean();
    outcomes.put(key, outcome);
    return outcome;
  }
}
