package io.coffer.cas.events;

import static io.coffer.cas.events.SampleEvents.H1;
import static io.coffer.cas.events.SampleEvents.H2;
import static io.coffer.cas.events.SampleEvents.T;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VolumeTagUpdatedTest {

  private static VolumeTagUpdated with(Optional<String> oldTag, String newTag, long generation) {
    return new VolumeTagUpdated(
        T, "acme/payments", "data", "api", oldTag, newTag, generation, "a0");
  }

  private static void refused(Runnable make, String field) {
    assertThatThrownBy(make::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + ":");
  }

  @Test
  void new_acceptsAFirstTag_andLaterOnes() {
    assertThat(with(Optional.empty(), H1, 1).generation()).isEqualTo(1);
    assertThat(with(Optional.of(H1), H2, (1L << 53) - 1).oldTag()).contains(H1);
  }

  @Test
  void new_refusesAGenerationOutOfRange() {
    refused(() -> with(Optional.empty(), H1, 0), "generation");
    refused(() -> with(Optional.of(H1), H2, -1), "generation");
    refused(() -> with(Optional.of(H1), H2, 1L << 53), "generation");
    refused(() -> with(Optional.of(H1), H2, Long.MAX_VALUE), "generation");
  }

  @Test
  void new_refusesAnOldTagOnTheFirstTag_andNoneOnALaterOne() {
    refused(() -> with(Optional.of(H1), H2, 1), "old_tag");
    refused(() -> with(Optional.empty(), H2, 2), "old_tag");
  }

  @Test
  void new_refusesTagsThatAreNot64LowerCaseHexDigits() {
    refused(() -> with(Optional.empty(), H1.substring(2), 1), "new_tag");
    refused(
        () -> with(Optional.empty(), H1.toUpperCase(Locale.ROOT).replace('1', 'A'), 1), "new_tag");
    refused(() -> with(Optional.of("g".repeat(64)), H2, 2), "old_tag");
  }

  @Test
  void new_refusesIllFormedNamesAndSerials() {
    refused(
        () -> new VolumeTagUpdated(T, "acme", "da/ta", "api", Optional.empty(), H1, 1, "a0"),
        "volume");
    refused(
        () -> new VolumeTagUpdated(T, "acme", "data", "", Optional.empty(), H1, 1, "a0"),
        "service");
    refused(
        () -> new VolumeTagUpdated(T, "/acme", "data", "api", Optional.empty(), H1, 1, "a0"),
        "policy");
    refused(
        () -> new VolumeTagUpdated(T, "acme", "data", "api", Optional.empty(), H1, 1, "00a0"),
        "certificate_serial");
  }
}
