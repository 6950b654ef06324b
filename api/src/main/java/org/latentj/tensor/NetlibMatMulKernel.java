package org.latentj.tensor;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Products by the machine's native BLAS ({@code dgemm}) through dev.ludovic.netlib's JNI binding
 * (the one Apache Spark uses). EJML's row-major {@code m x n} array is BLAS's column-major
 * {@code n x m} transpose, so {@code C = A B} is computed as {@code C^T = B^T A^T} with no copy.
 *
 * <p>Which library: the one named by the system property {@value #LIB_PATH_PROPERTY} (a full
 * path) or {@value #LIB_PROPERTY} (a file name) when either is set; otherwise OpenBLAS
 * ({@code libopenblas.so.0}, Debian's {@code libopenblas0}) when it is installed; otherwise
 * {@code libblas.so.3}, which may be the slow reference BLAS. OpenBLAS uses every core by default
 * ({@code OPENBLAS_NUM_THREADS} limits it). {@link #load()} fails when no library loads, e.g.
 * when none is installed.
 */
public final class NetlibMatMulKernel extends GemmKernel {

  /** dev.ludovic.netlib's property naming the native library by full path. */
  public static final String LIB_PATH_PROPERTY = "dev.ludovic.netlib.blas.nativeLibPath";

  /** dev.ludovic.netlib's property naming the native library by file name. */
  public static final String LIB_PROPERTY = "dev.ludovic.netlib.blas.nativeLib";

  private static final String OPENBLAS = "libopenblas.so.0";

  private final BLAS blas;
  private final String library;
  private final RowSplitter splitter;

  private NetlibMatMulKernel(BLAS blas, String library, int threads) {
    this.blas = blas;
    this.library = library;
    this.splitter = new RowSplitter(threads);
  }

  /**
   * Loads the native BLAS as {@link #load(int)} does, splitting large products over
   * {@code latentj.matmul.threads} Java threads only when the process runs OpenBLAS on one
   * thread ({@code OPENBLAS_NUM_THREADS=1}); otherwise OpenBLAS's own threads share the work
   * and a second split would oversubscribe the cores.
   */
  public static NetlibMatMulKernel load() {
    return load("1".equals(System.getenv("OPENBLAS_NUM_THREADS")) ? MatMulKernels.threads() : 1);
  }

  /**
   * Loads the native BLAS as described above.
   *
   * @param threads how many Java threads share a large product, each calling the BLAS on its
   *     own block of output rows (1: the calling thread only)
   * @throws IllegalStateException when no native BLAS can be loaded, naming the library tried
   */
  public static NetlibMatMulKernel load(int threads) {
    String library = chooseLibrary();
    // netlib logs a warning for every implementation it fails to load; the exception says it.
    Logger quiet = Logger.getLogger("dev.ludovic.netlib.blas.InstanceBuilder");
    Level previous = quiet.getLevel();
    quiet.setLevel(Level.OFF);
    try {
      return new NetlibMatMulKernel(NativeBLAS.getInstance(), library, threads);
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException("netlib matmul kernel: cannot load the native BLAS "
          + library + " (install OpenBLAS, e.g. `apt-get install libopenblas0`, or set "
          + LIB_PATH_PROPERTY + ")", e);
    } finally {
      quiet.setLevel(previous);
    }
  }

  /** True when OpenBLAS is used: chosen by the search above rather than named by the user. */
  boolean isOpenBlas() {
    return library.contains("openblas");
  }

  /** The native library this kernel calls, as chosen above. */
  public String library() {
    return library;
  }

  /** Picks the library and tells netlib (its JNI stub reads the properties when it loads). */
  private static synchronized String chooseLibrary() {
    String path = System.getProperty(LIB_PATH_PROPERTY);
    if (path != null && !path.isEmpty()) {
      return path;
    }
    String name = System.getProperty(LIB_PROPERTY);
    if (name != null && !name.isEmpty()) {
      return name;
    }
    for (Path dir : libraryFolders()) {
      Path candidate = dir.resolve(OPENBLAS);
      if (Files.isReadable(candidate)) {
        System.setProperty(LIB_PATH_PROPERTY, candidate.toString());
        return candidate.toString();
      }
    }
    return "libblas.so.3";
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

  /** The number of Java threads that share a large product. */
  public int threads() {
    return splitter.threads();
  }

  @Override
  public String toString() {
    return "NetlibMatMulKernel(" + library + (threads() > 1 ? ", threads=" + threads() : "")
        + ")";
  }
}
