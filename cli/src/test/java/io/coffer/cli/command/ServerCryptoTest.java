package io.coffer.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Security;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ServerCryptoTest {

  @Command(name = "server")
  static final class Server {
    @Mixin ServerCrypto crypto = new ServerCrypto();
  }

  private static ServerCrypto parse(String... args) {
    Server server = new Server();
    new CommandLine(server).parseArgs(args);
    return server.crypto;
  }

  @Test
  void unknownProvider_isAUsageErrorNamingTheOption() {
    assertThatThrownBy(() -> parse("--crypto-provider", "fastest").install())
        .isInstanceOf(CommandException.class)
        .hasMessageContaining("--crypto-provider")
        .hasMessageContaining("fastest");
  }

  @Test
  void auto_putsCorrettoFirstWhereItLoads_andTheJdkOtherwise() throws Exception {
    String first = parse().install();

    assertThat(first).isEqualTo(Security.getProviders()[0].getName());
    if (AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError() == null) {
      assertThat(first).isEqualTo(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
      assertThat(Signature.getInstance("Ed25519").getProvider().getName())
          .isEqualTo(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
    } else {
      assertThat(first).isNotEqualTo(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
    }
    // Installing twice keeps one copy.
    parse("--crypto-provider", "auto").install();
    assertThat(Security.getProviders())
        .filteredOn(p -> p.getName().equals(AmazonCorrettoCryptoProvider.PROVIDER_NAME))
        .hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void jdk_changesNothing() {
    String before = Security.getProviders()[0].getName();
    assertThat(parse("--crypto-provider", "jdk").install()).isEqualTo(before);
  }
}
