package io.coffer.cli.demo;

import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import io.coffer.cli.internal.logging.LogConfig;
import io.coffer.cli.internal.logging.Logging;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.event.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coffer demo}: the multi-stakeholder confidential ML workflow on embedded defaults ({@link
 * ReadmissionDemo}), in simulation mode, with a narrated summary or a JSON one.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the confidential ML workflow end to end: a hospital (data), a vendor (training code) and"
          + " a model owner (model), who trust neither each other nor the operator, train and use a"
          + " model together on an embedded CAS; the operator's attempts to read their assets are"
          + " refused and recorded; an auditor verifies the log offline.",
      "Runs in SIMULATION mode: no hardware protects anything here; on SGX, TDX or SEV-SNP the"
          + " same flow runs with hardware evidence. Everything is made in a temporary directory"
          + " that is deleted at the end, or in --keep DIR.",
      "Exit 0 when every step, every expected refusal included, happened as intended; 1"
          + " otherwise (the failing step says why); 2 usage; 69 when the example's programs are"
          + " not built."
    })
public final class DemoCommand implements Callable<Integer> {

  static final String SIMULATION_START =
      "SIMULATION MODE: no TEE protects this run. The CAS and the workloads use simulated"
          + " evidence, and plaintext sits on this machine's disk while programs run. The same"
          + " flow runs on SGX, TDX or SEV-SNP hardware, where the evidence is the hardware's.";

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Option(
      names = "--keep",
      paramLabel = "DIR",
      description = "Keep everything the demo made in DIR (new or empty) for inspection.")
  private Path keep;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter narration = json.enabled() ? spec.commandLine().getErr() : out;
    Path app =
        ExampleApp.locate()
            .orElseThrow(() ->
                CommandException.unavailable(
                    "the example's programs are not built (examples/ml-workflow/target/app):"
                        + " run ./mvnw -B -ntp -DskipTests -pl examples/ml-workflow -am package,"
                        + " or start the demo with bin/coffer, which builds them"));
    Workspace ws;
    try {
      ws = Workspace.create(Optional.ofNullable(keep));
    } catch (IOException e) {
      throw CommandException.badInput("--keep: " + e.getMessage(), e);
    }
    Narrator narrator = new Narrator(narration, ReadmissionDemo.STEPS);
    narrator.say("coffer demo: " + SIMULATION_START);
    narrator.say(
        "coffer demo: working in " + ws.root() + (ws.kept() ? " (kept)" : " (deleted at the end)"));
    ReadmissionDemo demo = new ReadmissionDemo(ws, app, narrator);
    long start = System.nanoTime();
    String failure = null;
    // The embedded CAS logs what a server logs; the narration says what matters here. Errors
    // still show, and everything shows at --log-level debug.
    LogConfig before = Logging.config();
    if (before.threshold().toInt() > Level.DEBUG.toInt()) {
      Logging.configure(
          new LogConfig(Level.ERROR, before.format(), before.sink(), before.stackTraces()));
    }
    try {
      demo.run();
    } catch (Narrator.Failure e) {
      failure = e.getMessage();
    } finally {
      Logging.configure(before);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    boolean ok = failure == null;
    if (ok) {
      story(narrator, demo);
    } else {
      narrator.say("coffer demo: FAILED: " + failure);
    }
    narrator.say(
        "coffer demo: "
            + (ok ? "done" : "stopped")
            + " in "
            + Narrator.seconds(took)
            + ". This was SIMULATION mode: it shows the flow and the refusals, not hardware"
            + " protection.");
    if (json.enabled()) {
      JsonOutput.write(out, summary(demo, narrator, ok, failure, took, ws));
    }
    try {
      ws.close();
    } catch (IOException e) {
      narrator.say("coffer demo: could not delete " + ws.root() + ": " + e.getMessage());
    }
    return ok ? ExitCode.OK : ExitCode.NO;
  }

  private static void story(Narrator n, ReadmissionDemo d) {
    n.say("");
    n.say("Who could see what:");
    n.say(
        String.format(
            Locale.ROOT,
            "  hospital     its dataset reached only the vendor's attested training; it alone read"
                + " the metrics: accuracy %.3f, precision %.3f, recall %.3f (%d test rows)",
            d.metrics.accuracy(),
            d.metrics.precision(),
            d.metrics.recall(),
            d.metrics.testRows()));
    n.say("  vendor       its training code was unsealed only inside attested runs");
    n.say(
        "  model owner  its model went into its own volume, opened only by its inference: "
            + d.predictions.size()
            + " predictions");
    n.say(
        "  operator     ran the CAS and every workload, held no key; "
            + d.refusals.size()
            + " attempts to read an asset were refused, each recorded in the log");
    JsonNodeText ledger = JsonNodeText.of(d.ledger);
    n.say("  auditor      " + ledger.summary());
    n.say("  events       " + d.events);
    n.say("");
  }

  private static Map<String, Object> summary(
      ReadmissionDemo d, Narrator n, boolean ok, String failure, Duration took, Workspace ws) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("simulation", true);
    s.put("ok", ok);
    if (failure != null) {
      s.put("failure", failure);
    }
    s.put("seconds", took.toMillis() / 1000.0);
    List<Map<String, Object>> steps = new ArrayList<>();
    for (Narrator.Outcome o : n.outcomes()) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("number", o.number());
      step.put("title", o.title());
      step.put("ok", o.ok());
      step.put("seconds", o.took().toMillis() / 1000.0);
      step.put("detail", o.detail());
      steps.add(step);
    }
    s.put("steps", steps);
    if (d.metrics != null) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("accuracy", d.metrics.accuracy());
      m.put("precision", d.metrics.precision());
      m.put("recall", d.metrics.recall());
      m.put("train_rows", d.metrics.trainRows());
      m.put("test_rows", d.metrics.testRows());
      m.put("revealed_to", "hospital");
      s.put("metrics", m);
    }
    s.put("predictions", d.predictions);
    List<Map<String, Object>> refusals = new ArrayList<>();
    for (ReadmissionDemo.Refusal r : d.refusals) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("actor", r.actor());
      x.put("attempt", r.attempt());
      x.put("exit_code", r.exitCode());
      x.put("reason", r.reason());
      x.put("ledger_event", r.ledgerEvent());
      x.put("in_ledger", d.events.containsKey(r.ledgerEvent()));
      refusals.add(x);
    }
    s.put("refusals", refusals);
    Map<String, Object> ledger = new LinkedHashMap<>();
    ledger.put("verified", d.ledger != null);
    JsonNodeText l = JsonNodeText.of(d.ledger);
    l.size().ifPresent(v -> ledger.put("size", v));
    l.root().ifPresent(v -> ledger.put("root", v));
    ledger.put("summary", l.summary());
    s.put("ledger", ledger);
    s.put("events", d.events);
    s.put("workspace", ws.kept() ? ws.root().toString() : null);
    return s;
  }
}
