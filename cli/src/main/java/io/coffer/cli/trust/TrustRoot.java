package io.coffer.cli.trust;

import io.coffer.attestation.TrustAnchors;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * One extra trust anchor a user gave on the command line ({@link TrustRootFile} reads them): an
 * Intel root CA, an AMD root key, or a simulated platform's public key. Each is trusted only in
 * addition to the pinned vendor roots, never instead of them.
 */
sealed interface TrustRoot {

  /** These anchors with this root added. */
  TrustAnchors addTo(TrustAnchors anchors);

  /** An extra Intel root CA. */
  record IntelRoot(X509Certificate certificate) implements TrustRoot {
    public IntelRoot {
      Objects.requireNonNull(certificate, "certificate");
    }

    @Override
    public TrustAnchors addTo(TrustAnchors anchors) {
      return anchors.withIntelRoot(certificate);
    }
  }

  /** An extra AMD root key (ARK). */
  record AmdRoot(X509Certificate certificate) implements TrustRoot {
    public AmdRoot {
      Objects.requireNonNull(certificate, "certificate");
    }

    @Override
    public TrustAnchors addTo(TrustAnchors anchors) {
      return anchors.withAmdRoot(certificate);
    }
  }

  /** A simulated platform's Ed25519 public key. */
  record SimulationKey(PublicKey key) implements TrustRoot {
    public SimulationKey {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public TrustAnchors addTo(TrustAnchors anchors) {
      return anchors.withSimulationKey(key);
    }
  }
}
