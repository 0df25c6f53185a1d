package io.coffer.cas.pki;

import java.security.PrivateKey;
import java.util.concurrent.ArrayBlockingQueue;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Signs certificates with one private key from any number of threads. A BouncyCastle JCA {@link
 * ContentSigner} wraps one {@link java.security.Signature} and is not thread-safe, so each signing
 * takes an idle signer (or makes one) and puts it back when it is done; a signer that failed is
 * dropped. At most {@value #MAX_IDLE} idle signers are kept (virtual threads make per-thread
 * signers useless).
 */
final class SignerPool {

  private static final int MAX_IDLE = 32;

  private final PrivateKey key;
  private final String algorithm;
  private final ArrayBlockingQueue<ContentSigner> idle = new ArrayBlockingQueue<>(MAX_IDLE);

  /**
   * A pool for {@code key} signing with {@code algorithm} (a JCA name).
   *
   * @throws IllegalArgumentException if no provider signs with this key and algorithm
   */
  SignerPool(PrivateKey key, String algorithm) {
    this.key = key;
    this.algorithm = algorithm;
    idle.offer(newSigner());
  }

  /** Builds and signs {@code builder}'s certificate. */
  X509CertificateHolder sign(X509v3CertificateBuilder builder) {
    ContentSigner signer = idle.poll();
    if (signer == null) {
      signer = newSigner();
    }
    X509CertificateHolder holder = builder.build(signer);
    idle.offer(signer);
    return holder;
  }

  private ContentSigner newSigner() {
    try {
      return new JcaContentSignerBuilder(algorithm).build(key);
    } catch (OperatorCreationException e) {
      throw new IllegalArgumentException("cannot sign with a " + key.getAlgorithm() + " key", e);
    }
  }
}
