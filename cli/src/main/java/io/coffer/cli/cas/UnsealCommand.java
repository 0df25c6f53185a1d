package io.coffer.cli.cas;

import io.coffer.cas.client.CasClient;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.identity.CasExpectations;
import io.coffer.cas.identity.CasPin;
import io.coffer.cas.identity.CasVerificationException;
import io.coffer.cas.seal.ShamirShare;
import io.coffer.cas.service.CasState;
import io.coffer.cas.service.SelfDescription;
import io.coffer.cas.service.UnsealProgress;
import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import io.coffer.policy.model.Tolerance;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coffer cas unseal}: hands one Shamir share to a sealed CAS.
 *
 * <p>A sealed CAS cannot use its stored TLS key (the data key protects it), so it serves with a
 * temporary TLS key, bound by fresh evidence together with its ledger key. The share goes out only
 * after that evidence verifies with the pinned measurement, its ledger key is the pinned one and
 * its TEE is the pinned TEE, and only over a connection that presents the temporary key just
 * verified: a share is a credential and never goes to a server that is not the pinned CAS's code.
 */
@Command(
    name = "unseal",
    mixinStandardHelpOptions = true,
    description = {
      "Hand one Shamir share to a sealed CAS. The CAS's evidence is verified first against its pin"
          + " (the measurement, the ledger key and the TEE must be the pinned ones); the share is"
          + " then sent over a connection that presents the TLS key the evidence binds.",
      "Exit 0 when the share was accepted (or the CAS is not sealed); 1 when the CAS does not"
          + " verify or refuses the share; 2 for a usage error or unreadable input; 69 when the"
          + " CAS cannot be reached."
    })
final class UnsealCommand implements Callable<Integer> {

  private final CasContext context;

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Mixin private PinnedCasOption cas;

  @Mixin private EvidenceTrustOptions trust;

  @Option(
      names = "--share",
      required = true,
      paramLabel = "FILE",
      description = "Your share file, as the CAS handed it out at init.")
  private Path shareFile;

  UnsealCommand() {
    this(CasContext.system());
  }

  UnsealCommand(CasContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    CasPin pin = context.pins().load(cas.name());
    byte[] share = readShare();
    SelfDescription described = describe(pin);
    if (described.state() == CasState.SERVING
        && MessageDigest.isEqual(described.tlsPublicKey(), pin.tlsPublicKey())) {
      return report(pin, Optional.empty());
    }
    if (described.state() != CasState.SEALED) {
      throw CommandException.no(
          "the CAS at "
              + pin.url()
              + " is "
              + described.state().name().toLowerCase(java.util.Locale.ROOT)
              + " with another TLS key than the one pinned for "
              + pin.name()
              + ": no share is sent");
    }
    verify(pin, described);
    UnsealProgress progress;
    try {
      progress =
          CasClient.pinned(pin.url(), described.tlsPublicKey(), Optional.empty()).unseal(share);
    } catch (CasClientException e) {
      throw ServerProblems.of(pin.name(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a TLS client: " + e.getMessage(), e);
    }
    return report(pin, Optional.of(progress));
  }

  private byte[] readShare() {
    try (InputStream in = Files.newInputStream(shareFile)) {
      byte[] bytes = in.readNBytes(ShamirShare.MAX_FILE_BYTES + 1);
      if (bytes.length > ShamirShare.MAX_FILE_BYTES) {
        throw CommandException.usage(
            "--share "
                + shareFile
                + ": larger than any share ("
                + ShamirShare.MAX_FILE_BYTES
                + ")");
      }
      return bytes;
    } catch (IOException e) {
      throw CommandException.badInput(
          "--share " + shareFile + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static SelfDescription describe(CasPin pin) {
    try {
      return CasClient.unpinned(pin.url()).describe();
    } catch (CasClientException e) {
      throw ServerProblems.of(pin.name(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a TLS client: " + e.getMessage(), e);
    }
  }

  /** The sealed CAS's evidence, checked against the pin. */
  private void verify(CasPin pin, SelfDescription described) {
    Set<Tolerance> tolerances =
        trust.tolerated(pin.simulated() ? Set.of(Tolerance.SIMULATION) : Set.of());
    CasExpectations expectations = new CasExpectations(List.of(pin.measurement()), tolerances);
    CasPin seen;
    try {
      // describe() on an unpinned client checked that the handshake proved the described TLS key.
      seen =
          trust
              .verifier(context, tolerances)
              .verify(pin.url(), pin.name(), described, described.tlsPublicKey(), expectations);
    } catch (CasVerificationException e) {
      throw CommandException.no(
          "the sealed CAS does not verify against its pin: " + e.reason() + ": " + e.getMessage(),
          e);
    }
    if (!seen.ledgerVerifierKey().equals(pin.ledgerVerifierKey())) {
      throw CommandException.no(
          "the sealed CAS's ledger key "
              + seen.ledgerVerifierKey()
              + " is not the pinned "
              + pin.ledgerVerifierKey()
              + ": it is another CAS; no share is sent");
    }
    if (!seen.tee().equals(pin.tee()) || seen.simulated() != pin.simulated()) {
      throw CommandException.no(
          "the sealed CAS runs in " + seen.tee() + ", the pinned one in " + pin.tee());
    }
  }

  private int report(CasPin pin, Optional<UnsealProgress> progress) {
    PrintWriter out = spec.commandLine().getOut();
    if (json.enabled()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("cas", pin.name());
      d.put("sealed", progress.map(UnsealProgress::sealed).orElse(false));
      progress.ifPresent(p -> {
        d.put("received", p.received());
        d.put("threshold", p.threshold());
      });
      JsonOutput.write(out, d);
      return ExitCode.OK;
    }
    if (progress.isEmpty()) {
      out.println(pin.name() + " is not sealed: it serves with its pinned TLS key");
    } else {
      UnsealProgress p = progress.get();
      out.println(
          "share accepted: "
              + p.received()
              + " of "
              + p.threshold()
              + " shares"
              + (p.sealed() ? "; still sealed" : "; " + pin.name() + " is unsealed"));
    }
    out.flush();
    return ExitCode.OK;
  }
}
