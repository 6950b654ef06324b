package org.latentj.tensor;

/**
 * Loads the optional classes written on the JDK's incubating Vector API. Such a class links only
 * when the JVM runs with {@code --add-modules jdk.incubator.vector} (the launcher and
 * {@code scripts/run.sh} pass it); without the module every caller keeps a scalar loop. Adam's
 * vector loop gives the scalar loop's bits; the Bernoulli rows (float32 and float64) agree with
 * the scalar form only within the bounds {@code VectorBernoulliRowsTest} states, so a run with the
 * module and one without end at slightly different numbers (each run is still fixed by its
 * seed).
 */
public final class VectorApi {

  /** {@value}: set to {@code false} to run the scalar loops even where the module is present. */
  public static final String PROPERTY = "latentj.vector";

  private VectorApi() {}

  /** True when the JVM has the module and {@value #PROPERTY} is not {@code false}. */
  public static boolean enabled() {
    return MatMulKernels.vectorApiPresent()
        && !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").trim());
  }

  /**
   * A new instance of {@code className} (public no-argument constructor not needed: any
   * declared one), as a {@code type}; null when the Vector API is not {@link #enabled()} or the
   * class cannot be linked on this JVM.
   */
  public static <T> T loadOrNull(String className, Class<T> type) {
    if (!enabled()) {
      return null;
    }
    try {
      var constructor = Class.forName(className).asSubclass(type).getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }
}
