package io.coffer.cli.internal.logging;

import java.lang.System.Logger;
import java.lang.System.LoggerFinder;
import org.slf4j.LoggerFactory;

/**
 * Routes the JDK's {@link System.Logger} (used by the JDK itself and by Helidon) into the same
 * SLF4J backend, so every line of the process has one format.
 *
 * <p>It also keeps {@code System.exit} cheap: without it the JDK starts {@code java.util.logging}
 * just to decide whether to log the exit.
 */
public final class CofferLoggerFinder extends LoggerFinder {

  @Override
  public Logger getLogger(String name, Module module) {
    return new SystemLoggerAdapter(LoggerFactory.getLogger(name));
  }
}
