package io.coffer.cli.command;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Security;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * The JCA providers of a long-running server: {@code --crypto-provider auto} (the default) installs
 * Amazon Corretto Crypto Provider first when its native library loads on this machine and passes
 * its self-tests, and keeps the JDK's providers otherwise; {@code jdk} keeps the JDK's.
 *
 * <p>Every signature, AEAD and TLS operation asks the JCA without naming a provider, so this one
 * choice decides them all. With ACCP an Ed25519 verification (each approval) takes about a
 * fifteenth of the JDK's time, and ECDSA P-256 about an eighth; the results are the same. ACCP
 * ships native code for Linux x86-64: elsewhere {@code auto} falls back to the JDK and says so.
 */
public final class ServerCrypto {

  private static final Logger LOG = LoggerFactory.getLogger(ServerCrypto.class);

  @Option(
      names = "--crypto-provider",
      paramLabel = "auto|jdk",
      defaultValue = "auto",
      description =
          "auto: Amazon Corretto Crypto Provider first when it loads here, else the JDK's"
              + " providers; jdk: the JDK's only (default: ${DEFAULT-VALUE}).")
  private String provider = "auto";

  /**
   * Installs the providers chosen; returns the name of the first provider afterwards.
   *
   * @throws CommandException a usage error for another value than {@code auto} or {@code jdk}
   */
  public String install() {
    switch (provider) {
      case "jdk" -> {
        return first();
      }
      case "auto" -> {
        return installAccp();
      }
      default ->
          throw CommandException.usage(
              "--crypto-provider: expected auto or jdk, got \"" + provider + "\"");
    }
  }

  private static String installAccp() {
    try {
      Throwable loading = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError();
      if (loading != null) {
        LOG.atInfo()
            .addKeyValue("reason", loading.toString())
            .log("Amazon Corretto Crypto Provider does not load here; using the JDK's providers");
        return first();
      }
      if (!first().equals(AmazonCorrettoCryptoProvider.PROVIDER_NAME)) {
        AmazonCorrettoCryptoProvider.install();
      }
      AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
      LOG.atInfo()
          .addKeyValue("version", AmazonCorrettoCryptoProvider.INSTANCE.getVersionStr())
          .log("cryptography by Amazon Corretto Crypto Provider, the JDK's providers after it");
    } catch (RuntimeException | LinkageError e) {
      Security.removeProvider(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
      LOG.atWarn()
          .addKeyValue("reason", e.toString())
          .log("Amazon Corretto Crypto Provider failed its checks; using the JDK's providers");
    }
    return first();
  }

  private static String first() {
    return Security.getProviders()[0].getName();
  }
}
