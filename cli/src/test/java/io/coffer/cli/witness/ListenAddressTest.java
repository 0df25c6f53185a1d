package io.coffer.cli.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ListenAddressTest {

  @Test
  void parse_hostAndPort() {
    var address = ListenAddress.parse("127.0.0.1:8444");
    assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(address.getPort()).isEqualTo(8444);
  }

  @Test
  void parse_bracketedIpv6() {
    var address = ListenAddress.parse("[::1]:0");
    assertThat(address.getAddress().isLoopbackAddress()).isTrue();
    assertThat(address.getPort()).isZero();
  }

  @Test
  void parse_malformed_namesTheProblem() {
    assertThatThrownBy(() -> ListenAddress.parse("8444")).hasMessageContaining("HOST:PORT");
    assertThatThrownBy(() -> ListenAddress.parse("host:")).hasMessageContaining("HOST:PORT");
    assertThatThrownBy(() -> ListenAddress.parse("::1:80")).hasMessageContaining("brackets");
    assertThatThrownBy(() -> ListenAddress.parse("h:65536")).hasMessageContaining("0..65535");
    assertThatThrownBy(() -> ListenAddress.parse("h:-1")).hasMessageContaining("0..65535");
    assertThatThrownBy(() -> ListenAddress.parse("h:123456")).hasMessageContaining("0..65535");
  }
}
