package io.coffer.cas.secrets;

import io.coffer.policy.model.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Secret definitions as the policy parser makes them. */
final class Definitions {

  private Definitions() {}

  static Secret sized(String name, Secret.Kind kind, int size) {
    return new Secret(
        name,
        kind,
        OptionalInt.of(size),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        List.of(),
        Optional.empty(),
        List.of());
  }

  static Secret given(String name, Secret.Kind kind, String value) {
    return new Secret(
        name,
        kind,
        OptionalInt.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(value),
        false,
        List.of(),
        Optional.empty(),
        List.of());
  }

  static Secret key(String name, Secret.KeyType type) {
    return new Secret(
        name,
        Secret.Kind.PRIVATE_KEY,
        OptionalInt.empty(),
        Optional.of(type),
        Optional.empty(),
        Optional.empty(),
        false,
        List.of(),
        Optional.empty(),
        List.of());
  }

  static Secret ca(String name, Optional<String> commonName) {
    return new Secret(
        name,
        Secret.Kind.X509_CA,
        OptionalInt.empty(),
        Optional.of(Secret.KeyType.P256),
        Optional.of(
            new Secret.X509(
                Optional.empty(),
                commonName,
                List.of(),
                Optional.empty(),
                Optional.of(Duration.ofDays(3650)))),
        Optional.empty(),
        false,
        List.of(),
        Optional.empty(),
        List.of());
  }

  static Secret certificate(String name, Optional<String> issuer, Secret.KeyType type) {
    return new Secret(
        name,
        Secret.Kind.X509,
        OptionalInt.empty(),
        Optional.of(type),
        Optional.of(
            new Secret.X509(
                issuer,
                Optional.empty(),
                List.of("dns:" + name + ".local"),
                Optional.of(Secret.Endpoint.SERVER),
                Optional.of(Duration.ofDays(90)))),
        Optional.empty(),
        false,
        List.of(),
        Optional.empty(),
        List.of());
  }
}
