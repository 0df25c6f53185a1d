package io.coffer.cas.events;

import static io.coffer.cas.events.SampleEvents.ALICE;
import static io.coffer.cas.events.SampleEvents.T;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.events.SecretReleased.Released;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretReleasedTest {

  private static final List<Released> ONE = List.of(Released.own("db-password"));

  private static SecretReleased toService(List<Released> secrets) {
    return new SecretReleased(
        T, "acme/payments", Optional.of("api"), Optional.empty(), secrets, Optional.of("1f"));
  }

  private static void refused(Runnable make, String field) {
    assertThatThrownBy(make::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field);
  }

  @Test
  void new_acceptsAReleaseToAServiceOrToAPerson() {
    assertThat(toService(ONE).service()).contains("api");
    assertThat(
            new SecretReleased(
                    T, "acme/payments", Optional.empty(), Optional.of(ALICE), ONE, Optional.empty())
                .revealedTo())
        .contains(ALICE);
  }

  @Test
  void new_refusesAReleaseToBothOrNeither() {
    refused(
        () ->
            new SecretReleased(
                T, "acme", Optional.of("api"), Optional.of(ALICE), ONE, Optional.of("1f")),
        "service");
    refused(
        () ->
            new SecretReleased(
                T, "acme", Optional.empty(), Optional.empty(), ONE, Optional.empty()),
        "service");
  }

  @Test
  void new_refusesACertificateSerialExceptForAService() {
    refused(
        () ->
            new SecretReleased(
                T, "acme", Optional.of("api"), Optional.empty(), ONE, Optional.empty()),
        "certificate_serial");
    refused(
        () ->
            new SecretReleased(
                T, "acme", Optional.empty(), Optional.of(ALICE), ONE, Optional.of("1f")),
        "certificate_serial");
    refused(
        () ->
            new SecretReleased(
                T, "acme", Optional.of("api"), Optional.empty(), ONE, Optional.of("0f")),
        "certificate_serial");
  }

  @Test
  void new_refusesNoSecret_aSecretTwice_andTooMany() {
    refused(() -> toService(List.of()), "secrets");
    refused(
        () -> toService(List.of(Released.own("a"), Released.imported("a", "other", "b"))),
        "secrets[1].name");
    refused(() -> toService(List.of(Released.own("a"), Released.own("a"))), "secrets[1]");
    List<Released> many = new ArrayList<>();
    for (int i = 0; i <= SecretReleased.MAX_SECRETS; i++) {
      many.add(Released.own("s" + i));
    }
    refused(() -> toService(many), "secrets");
    assertThat(toService(many.subList(0, SecretReleased.MAX_SECRETS)).secrets())
        .hasSize(SecretReleased.MAX_SECRETS);
  }

  @Test
  void new_copiesTheSecrets() {
    List<Released> secrets = new ArrayList<>(ONE);

    SecretReleased e = toService(secrets);
    secrets.add(Released.own("other"));

    assertThat(e.secrets()).isEqualTo(ONE);
  }

  @Test
  void released_namesItsSourceCompletelyOrNotAtAll() {
    assertThat(Released.imported("ca", "acme/pki", "root").fromPolicy()).contains("acme/pki");
    refused(() -> new Released("ca", Optional.of("acme/pki"), Optional.empty()), "from_policy");
    refused(() -> new Released("ca", Optional.empty(), Optional.of("root")), "from_policy");
  }

  @Test
  void released_refusesWhatIsNotASecretOrPolicyName() {
    refused(() -> Released.own(""), "name");
    refused(() -> Released.own("_x"), "name");
    refused(() -> Released.own("a/b"), "name");
    refused(() -> Released.own("x".repeat(65)), "name");
    refused(() -> Released.imported("ca", "acme//pki", "root"), "from_policy");
    refused(() -> Released.imported("ca", "acme/pki", "root ca"), "from_secret");
    assertThat(Released.own("A0._-z").name()).isEqualTo("A0._-z");
  }
}
