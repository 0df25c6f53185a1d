package io.coffer.cli.testing;

import io.coffer.cli.Main;
import io.coffer.cli.cas.CasContext;
import io.coffer.cli.command.CofferHome;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;

/**
 * {@code coffer} with every command that takes a {@link CasContext} bound to a Coffer home of the
 * test's choosing and a clock ({@link LoopbackCas#CLOCK} unless given), so that no test touches the
 * real home. Every other part of the command tree, error handling included, is the real one.
 *
 * @param home the Coffer home
 * @param clock the commands' clock
 */
public record CasCli(Path home, Clock clock) {

  /** The commands with {@link LoopbackCas#CLOCK}. */
  public CasCli(Path home) {
    this(home, LoopbackCas.CLOCK);
  }

  /** The context the commands get. */
  public CasContext context() {
    return new CasContext(new CofferHome(home), clock);
  }

  /** Runs {@code coffer args} in-process. */
  public CliRun run(String... args) {
    CasContext context = context();
    CommandLine.IFactory fallback = CommandLine.defaultFactory();
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> cls) throws Exception {
            Constructor<K> withContext;
            try {
              withContext = cls.getDeclaredConstructor(CasContext.class);
            } catch (NoSuchMethodException e) {
              return fallback.create(cls);
            }
            withContext.setAccessible(true);
            return withContext.newInstance(context);
          }
        };
    return CliRun.run(Main.commandLine(factory), args);
  }
}
