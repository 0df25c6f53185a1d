package io.coffer.cli.policy;

import io.coffer.cli.cas.CasContext;
import io.coffer.cli.cas.IdentityOption;
import io.coffer.cli.cas.PinnedCasOption;
import io.coffer.cli.cas.RemoteCas;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the commands that manage policies on a CAS share: {@code --cas NAME} (a pinned CAS, the only
 * server they talk to), {@code --identity DIR} (who they authenticate as) and {@code --json}.
 */
abstract class RemotePolicyCommand implements Callable<Integer> {

  private final CasContext context;

  @Spec CommandSpec spec;

  @Mixin JsonOption json;

  @Mixin PinnedCasOption cas;

  @Mixin IdentityOption identity;

  RemotePolicyCommand(CasContext context) {
    this.context = context;
  }

  /** The pinned CAS, authenticating as the identity given; the caller closes it. */
  final RemoteCas remote() {
    return RemoteCas.connect(context, cas.name(), Optional.of(identity.load()));
  }

  /** One call to the pinned CAS, as the identity given, on a client closed afterwards. */
  final <T> T callCas(RemoteCas.Call<T> call) {
    try (RemoteCas remote = remote()) {
      return remote.call(call);
    }
  }

  final PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Prints {@code document} with {@code --json}, else {@code lines}; returns 0. */
  final int print(Object document, List<String> lines) {
    PrintWriter out = out();
    if (json.enabled()) {
      JsonOutput.write(out, document);
    } else {
      lines.forEach(out::println);
      out.flush();
    }
    return ExitCode.OK;
  }
}
