package org.latentj.tensor;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Products by a native BLAS ({@code dgemm}, and {@code sgemm} for float32) through dev.ludovic.netlib's JNI binding (the one
 * Apache Spark uses), which passes Java arrays without copying. EJML's row-major {@code m x n}
 * array is BLAS's column-major {@code n x m} transpose, so {@code C = A B} is computed as
 * {@code C^T = B^T A^T} with no copy.
 *
 * <p>Which library, in this order ({@link #choose}):
 * <ol>
 *   <li>the one named by {@value #LIB_PATH_PROPERTY} (a full path) or {@value #LIB_PROPERTY} (a
 *       file name), when either is set ({@link Source#NAMED});
 *   <li>the OpenBLAS that Maven brought, {@value BundledOpenBlas#COORDINATES} with its
 *       linux-x86_64 natives ({@link Source#BUNDLED}, see {@link BundledOpenBlas}): the build
 *       latentj is tested with, as fast as the system's at its best and, unlike Debian's
 *       OpenMP build ({@code libopenblas0-openmp}), not slowed by OpenMP threads spinning in a
 *       JVM (measured: README, "Matrix kernels");
 *   <li>the machine's OpenBLAS, {@code libopenblas.so.0} (Debian's {@code libopenblas0} or
 *       {@code libopenblas0-openmp}), when installed ({@link Source#SYSTEM}): where latentj
 *       brings no natives;
 *   <li>{@code libblas.so.3}, which may be the slow reference BLAS ({@link Source#GENERIC}).
 * </ol>
 * The system property {@value #SOURCE_PROPERTY} narrows the search: {@code auto} (the default,
 * all four), {@code system} (1, 3, 4), {@code bundled} (2 only) or {@code none} (no native BLAS:
 * {@link #load()} fails, and {@link MatMulKernels} uses a Java kernel). netlib loads one library
 * per process, so the first successful load fixes it; later loads share it.
 *
 * <p>OpenBLAS uses every core by default ({@code OPENBLAS_NUM_THREADS} limits it).
 */
public final class NetlibMatMulKernel extends GemmKernel {

  /** dev.ludovic.netlib's property naming the native library by full path. */
  public static final String LIB_PATH_PROPERTY = "dev.ludovic.netlib.blas.nativeLibPath";

  /** dev.ludovic.netlib's property naming the native library by file name. */
  public static final String LIB_PROPERTY = "dev.ludovic.netlib.blas.nativeLib";

  /** The system property that narrows where the library may come from; see above. */
  public static final String SOURCE_PROPERTY = "latentj.blas";

  /** Where the native library came from. */
  public enum Source {
    /** Named by {@value #LIB_PATH_PROPERTY} or {@value #LIB_PROPERTY}. */
    NAMED,
    /** The machine's OpenBLAS. */
    SYSTEM,
    /** The OpenBLAS Maven brought, {@value BundledOpenBlas#COORDINATES}. */
    BUNDLED,
    /** {@code libblas.so.3}: whichever BLAS the system points it at, maybe the reference one. */
    GENERIC
  }

  /** A library, where it came from, and why the bundled one was passed over (or null). */
  record Choice(String library, Source source, String bundledProblem) {
    Choice(String library, Source source) {
      this(library, source, null);
    }
  }

  private static final String OPENBLAS = "libopenblas.so.0";

  /** The library netlib loaded in this process, once one has loaded. */
  private static Choice loaded;

  private final BLAS blas;
  private final Choice choice;
  private final RowSplitter splitter;

  private NetlibMatMulKernel(BLAS blas, Choice choice, int threads) {
    this.blas = blas;
    this.choice = choice;
    this.splitter = new RowSplitter(threads);
  }

  /**
   * Loads the native BLAS as {@link #load(int)} does, splitting large products over
   * {@code latentj.matmul.threads} Java threads only when the process runs OpenBLAS on one
   * thread ({@code OPENBLAS_NUM_THREADS=1}); otherwise OpenBLAS's own threads share the work
   * and a second split would oversubscribe the cores.
   */
  public static NetlibMatMulKernel load() {
    return load(MatMulKernels.netlibThreads());
  }

  /**
   * Loads the native BLAS as described above.
   *
   * @param threads how many Java threads share a large product, each calling the BLAS on its
   *     own block of output rows (1: the calling thread only)
   * @throws IllegalStateException when no native BLAS can be loaded, naming the library tried
   * @throws IllegalArgumentException when {@value #SOURCE_PROPERTY} has an unknown value
   */
  public static NetlibMatMulKernel load(int threads) {
    return load(System.getProperty(SOURCE_PROPERTY, "auto"), threads);
  }

  /**
   * As {@link #load(int)}, with {@code source} ({@code auto}, {@code system}, {@code bundled} or
   * {@code none}) in place of {@value #SOURCE_PROPERTY}.
   *
   * @throws IllegalStateException also when this process already loaded a library from another
   *     source (netlib loads one per process)
   */
  public static synchronized NetlibMatMulKernel load(String source, int threads) {
    if (loaded != null) {
      boolean other = (source.equalsIgnoreCase("bundled") && loaded.source() != Source.BUNDLED)
          || (source.equalsIgnoreCase("system") && loaded.source() == Source.BUNDLED)
          || source.equalsIgnoreCase("none");
      if (other) {
        throw new IllegalStateException("netlib matmul kernel: this process already loaded "
            + loaded.library() + "; netlib loads one native BLAS per process");
      }
      return new NetlibMatMulKernel(NativeBLAS.getInstance(), loaded, threads);
    }
    Choice choice = choose(source, namedLibrary(), NetlibMatMulKernel::systemOpenBlas,
        BundledOpenBlas::extract);
    // netlib's JNI stub reads the path when it loads; a named library is already in place.
    if (choice.source() == Source.SYSTEM || choice.source() == Source.BUNDLED) {
      System.setProperty(LIB_PATH_PROPERTY, choice.library());
    }
    // netlib logs a warning for every implementation it fails to load; the exception says it.
    Logger quiet = Logger.getLogger("dev.ludovic.netlib.blas.InstanceBuilder");
    Level previous = quiet.getLevel();
    quiet.setLevel(Level.OFF);
    try {
      NetlibMatMulKernel kernel = new NetlibMatMulKernel(NativeBLAS.getInstance(), choice,
          threads);
      loaded = choice;
      return kernel;
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException("netlib matmul kernel: cannot load the native BLAS "
          + choice.library() + (choice.bundledProblem() == null ? ""
              : "; " + choice.bundledProblem()) + " (install OpenBLAS, e.g. `apt-get install"
          + " libopenblas0`, or set " + LIB_PATH_PROPERTY + ")", e);
    } finally {
      quiet.setLevel(previous);
    }
  }

  /**
   * The library to load, by the order above, from the value of {@value #SOURCE_PROPERTY}, the
   * library named by netlib's properties (or null), the machine's OpenBLAS (a path, or null)
   * and the bundled one (a path; throws {@link IllegalStateException} when it cannot load).
   * Only the sources the order reaches are asked.
   *
   * @throws IllegalStateException for {@code none}, or {@code bundled} when it cannot load
   */
  static Choice choose(String sourceProperty, String named, Supplier<String> system,
      Supplier<String> bundled) {
    String which = sourceProperty.trim().toLowerCase(Locale.ROOT);
    switch (which) {
      case "none":
        throw new IllegalStateException("netlib matmul kernel: " + SOURCE_PROPERTY
            + "=none turns the native BLAS off");
      case "bundled":
        return new Choice(bundled.get(), Source.BUNDLED);
      case "auto", "system":
        break;
      default:
        throw new IllegalArgumentException(SOURCE_PROPERTY + ": unknown value '" + sourceProperty
            + "' (expected auto, system, bundled or none)");
    }
    if (named != null) {
      return new Choice(named, Source.NAMED);
    }
    String bundledProblem = null;
    if (which.equals("auto")) {
      try {
        return new Choice(bundled.get(), Source.BUNDLED);
      } catch (IllegalStateException e) {
        // No natives for this platform: the machine's OpenBLAS, or the generic library.
        bundledProblem = e.getMessage();
      }
    }
    String installed = system.get();
    if (installed != null) {
      return new Choice(installed, Source.SYSTEM);
    }
    return new Choice("libblas.so.3", Source.GENERIC, bundledProblem);
  }

  /** Where the library came from. */
  public Source source() {
    return choice.source();
  }

  /** The native library this kernel calls, as chosen above (a path or a file name). */
  public String library() {
    return choice.library();
  }

  /** The library named by netlib's own properties, or null. */
  private static String namedLibrary() {
    for (String property : new String[] {LIB_PATH_PROPERTY, LIB_PROPERTY}) {
      String value = System.getProperty(property);
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return null;
  }

  /** The machine's {@code libopenblas.so.0}, or null when none is installed. */
  private static String systemOpenBlas() {
    for (Path dir : libraryFolders()) {
      Path candidate = dir.resolve(OPENBLAS);
      if (Files.isReadable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }

  private static List<Path> libraryFolders() {
    List<Path> dirs = new ArrayList<>();
    for (String p : System.getProperty("java.library.path", "").split(java.io.File.pathSeparator)) {
      if (!p.isEmpty()) {
        dirs.add(Path.of(p));
      }
    }
    String arch = System.getProperty("os.arch", "");
    String triplet = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64-linux-gnu"
        : arch.equals("aarch64") ? "aarch64-linux-gnu" : arch + "-linux-gnu";
    dirs.add(Path.of("/usr/lib", triplet));
    dirs.add(Path.of("/usr/lib64"));
    dirs.add(Path.of("/usr/lib"));
    dirs.add(Path.of("/usr/local/lib"));
    dirs.add(Path.of("/opt/homebrew/opt/openblas/lib"));
    return dirs;
  }

  @Override
  void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b,
      double[] c, boolean add) {
    // Column-major view: C^T (n x m) = op(B)^T (n x k) op(A)^T (k x m). A row-major array read
    // column-major is its transpose, so an untransposed operand here is "N", a transposed "T".
    // Rows lo..hi of C need rows lo..hi of op(A), rows lo * k onwards of an untransposed A.
    // netlib checks that an operand holds offset + ld * columns elements, which a block of
    // columns of a transposed A (offset lo, ld m) fails; so a transposed A that will be split
    // is copied untransposed first (m k elements against the product's m n k multiply-adds).
    long work = (long) m * n * k;
    double[] rowsOfA = a;
    boolean aTransposed = transA;
    if (transA && splitter.splits(m, work)) {
      rowsOfA = JavaGemmKernel.transposed(a, k, m);
      aTransposed = false;
    }
    double[] left = rowsOfA;
    String opB = transB ? "T" : "N";
    String opA = aTransposed ? "T" : "N";
    int ldb = transB ? k : n;
    int lda = aTransposed ? m : k;
    double beta = add ? 1.0 : 0.0;
    splitter.run(m, work, (lo, hi) -> blas.dgemm(opB, opA, n, hi - lo, k, 1.0, b, 0, ldb, left,
        lo * k, lda, beta, c, lo * n, n));
  }

  @Override
  boolean hasFloat32Gemm() {
    return true;
  }

  @Override
  void gemm(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b,
      float[] c, boolean add) {
    // sgemm, laid out exactly as the dgemm form above.
    long work = (long) m * n * k;
    float[] rowsOfA = a;
    boolean aTransposed = transA;
    if (transA && splitter.splits(m, work)) {
      rowsOfA = JavaGemmKernel.transposed(a, k, m);
      aTransposed = false;
    }
    float[] left = rowsOfA;
    String opB = transB ? "T" : "N";
    String opA = aTransposed ? "T" : "N";
    int ldb = transB ? k : n;
    int lda = aTransposed ? m : k;
    float beta = add ? 1.0f : 0.0f;
    splitter.run(m, work, (lo, hi) -> blas.sgemm(opB, opA, n, hi - lo, k, 1.0f, b, 0, ldb, left,
        lo * k, lda, beta, c, lo * n, n));
  }

  /** The number of Java threads that share a large product. */
  public int threads() {
    return splitter.threads();
  }

  /**
   * A short name for logs and provenance: {@code openblas-system}, {@code openblas-bundled},
   * {@code netlib-named} or {@code netlib-generic}.
   */
  public String shortName() {
    return switch (choice.source()) {
      case SYSTEM -> "openblas-system";
      case BUNDLED -> "openblas-bundled";
      case NAMED -> "netlib-named";
      case GENERIC -> "netlib-generic";
    };
  }

  @Override
  public String toString() {
    String from = choice.source() == Source.BUNDLED
        ? BundledOpenBlas.COORDINATES + " at " + choice.library() : choice.library();
    return "NetlibMatMulKernel(" + shortName() + ": " + from
        + (threads() > 1 ? ", threads=" + threads() : "") + ")";
  }
}
