package org.latentj.nn;

/**
 * Training or evaluation mode ({@link Module#setTraining}) for some modules while the scope is
 * open, and each module's earlier mode again when it closes:
 *
 * <pre>{@code
 * try (ModeScope eval = ModeScope.evaluation(model, guide)) {
 *   ... // running statistics, no dropout
 * }
 * }</pre>
 */
public final class ModeScope implements AutoCloseable {

  private final Module[] modules;
  private final boolean[] before;

  private ModeScope(boolean training, Module... modules) {
    this.modules = modules.clone();
    this.before = new boolean[modules.length];
    for (int i = 0; i < modules.length; i++) {
      before[i] = modules[i].isTraining();
    }
    for (Module m : this.modules) {
      m.setTraining(training);
    }
  }

  /** Training mode for {@code modules} (and all under them) until closed. */
  public static ModeScope training(Module... modules) {
    return new ModeScope(true, modules);
  }

  /** Evaluation mode for {@code modules} (and all under them) until closed. */
  public static ModeScope evaluation(Module... modules) {
    return new ModeScope(false, modules);
  }

  /** Puts each module (and all under it) back in the mode it had when the scope opened. */
  @Override
  public void close() {
    for (int i = modules.length - 1; i >= 0; i--) {
      modules[i].setTraining(before[i]);
    }
  }
}
