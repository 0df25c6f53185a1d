package io.coffer.cli.cas;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cas.identity.CasKeys;
import io.coffer.cas.service.CasState;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CasWorld;
import io.coffer.cli.testing.CliRun;
import io.coffer.cli.testing.LoopbackCas;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsealCommandTest {

  @TempDir Path dir;

  private CasWorld world;
  private CasKeys keys;

  @BeforeEach
  void pin() throws Exception {
    world = CasWorld.in(dir);
    keys = LoopbackCas.newKeys();
    try (LoopbackCas serving = LoopbackCas.serving(world.home(), world.code("a"), keys)) {
      world.pin(serving, "prod");
    }
  }

  /** Points the pin of {@code prod} at {@code cas}'s address (the CAS restarted elsewhere). */
  private void moveTo(LoopbackCas cas) {
    CasPins pins = world.cli().context().pins();
    var pin = pins.load("prod");
    pins.save(pin.withUrl(cas.uri()), true);
  }

  private CliRun unseal(String share) {
    return world.run(
        "cas", "unseal", "--cas", "prod", "--share", world.file("share.txt", share).toString());
  }

  @Test
  void unseal_sealedCasWithTemporaryKey_takesSharesUntilOpen() throws Exception {
    try (LoopbackCas sealed = LoopbackCas.sealed(world.home(), world.code("a"), keys, 2)) {
      moveTo(sealed);

      CliRun first = unseal("share-1");
      assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.OK);
      assertThat(first.out()).contains("1 of 2 shares; still sealed");

      CliRun second = unseal("share-2");
      assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCode.OK);
      assertThat(second.out()).contains("2 of 2 shares; prod is unsealed");
      assertThat(sealed.state()).isEqualTo(CasState.SERVING);
    }
  }

  @Test
  void unseal_shareRefused_isNo() throws Exception {
    try (LoopbackCas sealed = LoopbackCas.sealed(world.home(), world.code("a"), keys, 2)) {
      moveTo(sealed);

      CliRun run = unseal("not a share");

      assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
      assertThat(run.err()).contains("invalid-share");
    }
  }

  @Test
  void unseal_sealedCasWithAnotherLedgerKey_getsNoShare() throws Exception {
    try (LoopbackCas other =
        LoopbackCas.sealed(world.home(), world.code("a"), LoopbackCas.newKeys(), 2)) {
      moveTo(other);

      CliRun run = unseal("share-1");

      assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
      assertThat(run.err()).contains("ledger key").contains("no share is sent");
      assertThat(other.sharesReceived()).isZero();
    }
  }

  @Test
  void unseal_sealedCasRunningOtherCode_getsNoShare() throws Exception {
    try (LoopbackCas other = LoopbackCas.sealed(world.home(), world.code("b"), keys, 2)) {
      moveTo(other);

      CliRun run = unseal("share-1");

      assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
      assertThat(run.err()).contains("MEASUREMENT_MISMATCH");
      assertThat(other.sharesReceived()).isZero();
    }
  }

  @Test
  void unseal_servingWithThePinnedKey_saysNotSealed() throws Exception {
    try (LoopbackCas serving = LoopbackCas.serving(world.home(), world.code("a"), keys)) {
      moveTo(serving);

      CliRun run = unseal("share-1");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
      assertThat(run.out()).contains("prod is not sealed");
    }
  }

  @Test
  void unseal_servingWithAnotherKey_isRefused() throws Exception {
    try (LoopbackCas other =
        LoopbackCas.serving(world.home(), world.code("a"), LoopbackCas.newKeys())) {
      moveTo(other);

      CliRun run = unseal("share-1");

      assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
      assertThat(run.err()).contains("another TLS key");
    }
  }

  @Test
  void unseal_unknownCas_isUsageError() {
    CliRun run =
        world.run(
            "cas", "unseal", "--cas", "nope", "--share", world.file("s", "share-1").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("run coffer cas attest");
  }
}
