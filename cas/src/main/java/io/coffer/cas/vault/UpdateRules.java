package io.coffer.cas.vault;

import io.coffer.policy.model.Secret;

/**
 * What of a stored secret survives a new policy version. The rules, between the version a value was
 * made for and each later version in turn:
 *
 * <ul>
 *   <li>{@code ascii} and {@code binary}: kept while the secret keeps its name and kind.
 *   <li>{@code private-key}: kept only when both versions say {@code migrate: true}.
 *   <li>{@code x509-ca} and {@code x509}: the certificate is issued again for every version; its
 *       key is kept only when both versions say {@code migrate: true}.
 * </ul>
 *
 * A secret missing from any version in between breaks the chain: it is made anew.
 */
final class UpdateRules {

  private UpdateRules() {}

  /**
   * What happens to a value of {@code before} in the next version, whose secret is {@code after}.
   */
  static Carry carry(Secret before, Secret after) {
    if (before.kind() != after.kind()) {
      return Carry.NOTHING;
    }
    return switch (after.kind()) {
      case ASCII, BINARY -> Carry.VALUE;
      case PRIVATE_KEY -> before.migrate() && after.migrate() ? Carry.VALUE : Carry.NOTHING;
      case X509_CA, X509 -> before.migrate() && after.migrate() ? Carry.KEY : Carry.NOTHING;
    };
  }

  /** The weaker of two carries over consecutive versions. */
  static Carry then(Carry first, Carry second) {
    return first.ordinal() < second.ordinal() ? first : second;
  }

  /** How much of a value a new version keeps. */
  enum Carry {
    /** Nothing: a new value is made. */
    NOTHING,
    /** The key pair, with a certificate issued again. */
    KEY,
    /** The whole value. */
    VALUE
  }
}
