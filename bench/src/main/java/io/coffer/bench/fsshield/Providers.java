package io.coffer.bench.fsshield;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

/** The crypto provider a benchmark runs with: the JDK's own, or Corretto's installed first. */
final class Providers {
  private Providers() {}

  /**
   * Installs the provider named.
   *
   * @param name {@code jdk} or {@code accp}
   * @throws IllegalStateException when Corretto's provider does not load here
   */
  static void install(String name) {
    switch (name) {
      case "jdk" -> {}
      case "accp" -> {
        AmazonCorrettoCryptoProvider.install();
        AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
      }
      default -> throw new IllegalArgumentException("provider is jdk or accp, not " + name);
    }
  }
}
