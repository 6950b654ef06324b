package org.latentj.tensor;

import java.util.Map;

/**
 * The OpenBLAS that Maven brings: {@code org.bytedeco:openblas} (JavaCPP Presets) with its
 * {@code linux-x86_64} natives. JavaCPP's {@code Loader} extracts the library and its
 * dependencies ({@code libgfortran}, {@code libquadmath}, {@code libgcc_s}) into its cache
 * ({@code ~/.javacpp/cache}, or {@code -Dorg.bytedeco.javacpp.cachedir}) on first use, once per
 * version, and loads them; netlib then calls the extracted {@code libopenblas_nolapack.so.0}
 * with Java arrays, no copies (JavaCPP's own {@code cblas_*(double[] ...)} overloads copy them).
 *
 * <p>This class is the only one that names JavaCPP, so the kernels link without it: on another
 * platform (no natives in the jar), or with {@code org.bytedeco} excluded from the dependencies,
 * {@link #extract()} fails with a message and the caller moves on.
 */
final class BundledOpenBlas {

  /** The Maven coordinates, for messages and provenance; kept in step with the pom. */
  static final String COORDINATES = "org.bytedeco:openblas:0.3.31-1.5.13";

  private static final String LIBRARY = "openblas_nolapack@.0";

  private BundledOpenBlas() {}

  /**
   * Extracts and loads the bundled OpenBLAS (the first call; later calls return at once).
   *
   * @return the path of the extracted {@code libopenblas_nolapack.so.0}
   * @throws IllegalStateException when the natives are missing for this platform or cannot load,
   *     saying why
   */
  static synchronized String extract() {
    Map<String, String> loaded;
    try {
      org.bytedeco.javacpp.Loader.load(org.bytedeco.openblas.global.openblas_nolapack.class);
      loaded = org.bytedeco.javacpp.Loader.getLoadedLibraries();
    } catch (LinkageError | RuntimeException e) {
      throw new IllegalStateException(COORDINATES + " does not load on "
          + System.getProperty("os.name") + " " + System.getProperty("os.arch")
          + " (latentj brings its natives for linux-x86_64 only): " + firstLine(e), e);
    }
    String path = loaded.get(LIBRARY);
    if (path == null) {
      throw new IllegalStateException(COORDINATES + ": JavaCPP loaded " + loaded.keySet()
          + " but not " + LIBRARY);
    }
    return path;
  }

  private static String firstLine(Throwable e) {
    String s = String.valueOf(e);
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
