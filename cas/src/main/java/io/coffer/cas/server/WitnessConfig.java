package io.coffer.cas.server;

import io.coffer.ledger.note.CosignatureVerifier;
import io.coffer.ledger.note.NoteException;
import java.net.URI;
import java.util.Objects;

/**
 * A witness the CAS submits its checkpoints to, and whose cosignatures it checks.
 *
 * @param url the witness's submission prefix ({@code add-checkpoint} is appended)
 * @param verifierKey the witness's C2SP verifier key string
 */
public record WitnessConfig(URI url, String verifierKey) {

  public WitnessConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(verifierKey, "verifierKey");
  }

  /**
   * Parses {@code VKEY@URL}: a C2SP verifier key (which has no {@code @}), then the witness's URL.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static WitnessConfig parse(String text) {
    int at = text.indexOf('@');
    if (at <= 0 || at == text.length() - 1) {
      throw new IllegalArgumentException(
          "a witness is VKEY@URL (its verifier key, then its URL), got: " + text);
    }
    String vkey = text.substring(0, at);
    URI url;
    try {
      url = new URI(text.substring(at + 1));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("the witness URL is not a URL: " + e.getMessage(), e);
    }
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("a witness URL is http or https: " + url);
    }
    WitnessConfig config = new WitnessConfig(url, vkey);
    config.verifier();
    return config;
  }

  /** The verifier of the witness's cosignatures. */
  public CosignatureVerifier verifier() {
    try {
      return CosignatureVerifier.fromVkey(verifierKey);
    } catch (NoteException e) {
      throw new IllegalArgumentException(
          "the witness's verifier key is not a cosignature key: " + e.getMessage(), e);
    }
  }
}
