package io.coffer.cli;

import io.coffer.cli.attest.AttestCommand;
import io.coffer.cli.audit.AuditCommand;
import io.coffer.cli.cas.CasCommand;
import io.coffer.cli.demo.DemoCommand;
import io.coffer.cli.fs.FsCommand;
import io.coffer.cli.identity.IdentityCommand;
import io.coffer.cli.internal.logging.LogConfig;
import io.coffer.cli.internal.logging.LogFormat;
import io.coffer.cli.policy.PolicyCommand;
import io.coffer.cli.run.RunCommand;
import io.coffer.cli.secret.SecretCommand;
import io.coffer.cli.version.VersionCommand;
import io.coffer.cli.version.VersionProvider;
import io.coffer.cli.witness.WitnessCommand;
import java.util.concurrent.Callable;
import org.slf4j.event.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root {@code coffer} command: global options and the list of command groups. */
@Command(
    name = "coffer",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Coffer keeps an application's code, data and secrets confidential, even from the cloud"
          + " provider, the host, the cluster admins and the operator of the service.",
      ""
    },
    commandListHeading = "%nCommands:%n",
    subcommands = {
      AttestCommand.class,
      AuditCommand.class,
      CasCommand.class,
      DemoCommand.class,
      FsCommand.class,
      IdentityCommand.class,
      PolicyCommand.class,
      RunCommand.class,
      SecretCommand.class,
      VersionCommand.class,
      WitnessCommand.class,
      HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 success / valid / allowed; 1 a definite no (verification failed, request"
          + " denied, policy invalid); 2 usage error or unreadable input; 69 not available;"
          + " 70 internal error."
    })
public final class CofferCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Show stack traces of internal errors; implies --log-level=debug.")
  private boolean debug;

  @Option(
      names = "--log-format",
      scope = ScopeType.INHERIT,
      paramLabel = "text|json",
      description = "Log lines as human-readable text (default) or JSON lines, on stderr.")
  private LogFormat logFormat = LogFormat.TEXT;

  @Option(
      names = "--log-level",
      scope = ScopeType.INHERIT,
      paramLabel = "error|warn|info|debug|trace",
      description = "The least severe log level written (default: info).")
  private Level logLevel;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }

  /** Whether {@code --debug} was given anywhere on the command line. */
  boolean debug() {
    return debug;
  }

  /** The logging configuration the global options ask for. */
  LogConfig logConfig() {
    Level threshold = logLevel != null ? logLevel : debug ? Level.DEBUG : Level.INFO;
    return new LogConfig(threshold, logFormat, System.err, debug);
  }
}
