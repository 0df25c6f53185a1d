package io.coffer.cli.internal.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** Hands out one {@link CofferLogger} per name. */
final class CofferLoggerFactory implements ILoggerFactory {

  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

  @Override
  public Logger getLogger(String name) {
    return loggers.computeIfAbsent(name, CofferLogger::new);
  }
}
