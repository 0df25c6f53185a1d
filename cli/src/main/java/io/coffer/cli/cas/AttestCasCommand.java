package io.coffer.cli.cas;

import io.coffer.cas.client.CasClient;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.identity.CasExpectations;
import io.coffer.cas.identity.CasMeasurement;
import io.coffer.cas.identity.CasPin;
import io.coffer.cas.identity.CasVerificationException;
import io.coffer.cas.service.CasState;
import io.coffer.cas.service.SelfDescription;
import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import io.coffer.policy.model.Tolerance;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coffer cas attest}: fetches a CAS's self-description, verifies its evidence and the keys
 * it binds ({@link io.coffer.cas.identity.CasVerifier}), and pins the CAS under a name.
 *
 * <p>Nothing the server says is used before it is verified; the pin is written only once every
 * check passed. A sealed CAS is not pinned: its TLS key while sealed is a temporary one.
 */
@Command(
    name = "attest",
    mixinStandardHelpOptions = true,
    description = {
      "Verify a CAS: fetch GET /v1/cas, verify its TEE evidence, that the evidence binds the CAS's"
          + " TLS and ledger keys, that the connection presented that TLS key, and the measurement"
          + " and tolerances asked for; then pin it in $COFFER_HOME/cas/NAME.json. Every other"
          + " command talks only to pinned CASes and checks the pinned key on every connection.",
      "Exit 0 when pinned; 1 when the CAS does not verify (the reason code names why); 2 for a"
          + " usage error or unreadable input; 69 when the CAS cannot be reached or is sealed."
    })
final class AttestCasCommand implements Callable<Integer> {

  private final CasContext context;

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Mixin private EvidenceTrustOptions trust;

  @Option(
      names = "--url",
      required = true,
      paramLabel = "URL",
      description = "The CAS: https://HOST[:PORT].")
  private String url;

  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME",
      description = "The name to pin it as (letters, digits, '.', '_', '-').")
  private String name;

  @Option(
      names = "--expect-measurement",
      paramLabel = "HEX",
      converter = MeasurementConverter.class,
      description =
          "Accept only this measurement of the CAS's code (repeatable: any one of them). Without"
              + " it the measurement found is trusted on first use and recorded in the pin.")
  private List<CasMeasurement> measurements = new ArrayList<>();

  @Option(names = "--replace", description = "Replace an existing pin of that name.")
  private boolean replace;

  AttestCasCommand() {
    this(CasContext.system());
  }

  AttestCasCommand(CasContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    URI base = url();
    CasPins pins = context.pins();
    if (!replace && pins.exists(name)) {
      throw CasPins.refuseOverwrite(name);
    }
    Set<Tolerance> tolerances = trust.tolerated(Set.of());
    CasExpectations expectations = new CasExpectations(measurements, tolerances);
    var verifier = trust.verifier(context, tolerances);
    SelfDescription described;
    try {
      described = CasClient.unpinned(base).describe();
    } catch (CasClientException e) {
      throw ServerProblems.of(name, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a TLS client: " + e.getMessage(), e);
    }
    if (described.state() != CasState.SERVING) {
      throw CommandException.unavailable(
          "the CAS at "
              + base
              + " is "
              + described.state().name().toLowerCase(java.util.Locale.ROOT)
              + ": attest it once it serves (while sealed its TLS key is a temporary one)");
    }
    CasPin pin;
    try {
      // describe() on an unpinned client checked that the handshake proved the described TLS key.
      pin = verifier.verify(base, name, described, described.tlsPublicKey(), expectations);
    } catch (CasVerificationException e) {
      throw CommandException.no(e.reason() + ": " + e.getMessage(), e);
    }
    pins.save(pin, replace);
    return print(pin, described);
  }

  private URI url() {
    try {
      return CasPin.requireUrl(new URI(url));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw CommandException.usage("--url " + url + ": " + e.getMessage());
    }
  }

  private int print(CasPin pin, SelfDescription described) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (String warning : described.warnings()) {
      err.println("WARNING: " + Printable.line(warning));
    }
    err.flush();
    if (json.enabled()) {
      Map<String, Object> d = PinReport.fields(pin);
      d.put("pinFile", context.pins().file(pin.name()).toString());
      d.put("warnings", described.warnings().stream().map(Printable::line).toList());
      JsonOutput.write(out, d);
    } else {
      PinReport.lines(pin).forEach(out::println);
      out.flush();
    }
    return ExitCode.OK;
  }
}
