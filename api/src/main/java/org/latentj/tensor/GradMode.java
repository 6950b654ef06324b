package org.latentj.tensor;

/**
 * Switches graph recording off for the current thread, e.g. for evaluation, where no gradient
 * is needed and recording would only cost memory:
 *
 * <pre>{@code
 * try (GradMode.Scope off = GradMode.disable()) {
 *   double bound = objective.evaluate(batch);
 * }
 * }</pre>
 */
public final class GradMode {

  private static final ThreadLocal<int[]> DISABLED_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private GradMode() {}

  /** True unless inside a {@link #disable()} scope on this thread. */
  public static boolean isEnabled() {
    return DISABLED_DEPTH.get()[0] == 0;
  }

  /** Disables recording until the returned scope is closed; scopes nest. */
  public static Scope disable() {
    int[] depth = DISABLED_DEPTH.get();
    depth[0]++;
    return () -> depth[0]--;
  }

  /** A scope that re-enables recording when closed. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
