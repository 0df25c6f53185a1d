package io.coffer.runtime;

/**
 * Hears one line per step of a run ("volume data: unsealed", ...). The lines name volumes, paths
 * and tags, never a secret value.
 */
@FunctionalInterface
public interface StepListener {

  /** One step done or begun. */
  void step(String line);

  /**
   * Something the user should hear even when steps are silenced: host arguments dropped, a volume
   * not saved. By default a step.
   */
  default void warning(String line) {
    step(line);
  }

  /** A listener that ignores every step and warning. */
  static StepListener none() {
    return new StepListener() {
      @Override
      public void step(String line) {}

      @Override
      public void warning(String line) {}
    };
  }
}
