package io.coffer.runtime;

/**
 * Hears one line per step of a run ("volume data: unsealed", ...). The lines name volumes, paths
 * and tags, never a secret value.
 */
@FunctionalInterface
public interface StepListener {

  /** One step done or begun. */
  void step(String line);

  /** A listener that ignores every step. */
  static StepListener none() {
    return line -> {};
  }
}
