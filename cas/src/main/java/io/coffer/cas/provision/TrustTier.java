package io.coffer.cas.provision;

/**
 * An AR4SI trustworthiness tier (draft-ietf-rats-ar4si §2.3.2, JSON names §3.2), in order of
 * increasing concern, {@link #NONE} first as in the draft's tier values (0, 2, 32, 96).
 */
public enum TrustTier {
  /** No assertion (claim values 0, 1 and -1). */
  NONE("none"),
  /** Affirmed (claim values 2..31 and -2..-32). */
  AFFIRMING("affirming"),
  /** A warning (claim values 32..95 and -33..-96). */
  WARNING("warning"),
  /** Explicitly untrustworthy (claim values 96..127 and -97..-128). */
  CONTRAINDICATED("contraindicated");

  private final String json;

  TrustTier(String json) {
    this.json = json;
  }

  /** The JSON name ({@code affirming}, ...). */
  public String json() {
    return json;
  }

  /**
   * The tier of a trustworthiness claim value, by the ranges of draft-ietf-rats-ar4si §2.3.2.
   *
   * @throws IllegalArgumentException outside the signed 8-bit range
   */
  public static TrustTier ofClaimValue(int value) {
    if (value < -128 || value > 127) {
      throw new IllegalArgumentException("a trustworthiness claim is a signed 8-bit integer");
    }
    if (value >= 0) {
      return value <= 1 ? NONE : value <= 31 ? AFFIRMING : value <= 95 ? WARNING : CONTRAINDICATED;
    }
    return value == -1 ? NONE : value >= -32 ? AFFIRMING : value >= -96 ? WARNING : CONTRAINDICATED;
  }

  /** The tier named {@code json}, if any. */
  public static java.util.Optional<TrustTier> fromJson(String json) {
    for (TrustTier t : values()) {
      if (t.json.equals(json)) {
        return java.util.Optional.of(t);
      }
    }
    return java.util.Optional.empty();
  }

  /** The worse (of more concern) of this and {@code other}. */
  public TrustTier worse(TrustTier other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
