package org.latentj.tensor;

import java.util.Locale;

/**
 * The matrix-multiply kernels latentj ships, by name, and the choice made at start-up.
 *
 * <p>The system property {@value #PROPERTY} chooses the kernel every product uses unless
 * {@link MatMul#useKernel(MatMulKernel)} installs another:
 *
 * <ul>
 *   <li>{@code auto} (the default), the first of these that loads:
 *       <ol>
 *         <li>{@code netlib} with a native library named by
 *             {@link NetlibMatMulKernel#LIB_PATH_PROPERTY}, or the OpenBLAS that Maven brought
 *             ({@code org.bytedeco:openblas}, linux-x86_64), or the machine's OpenBLAS, in that
 *             order (never the generic {@code libblas.so.3}, which may be the slow reference);
 *         <li>{@code vector} when the JVM runs with {@code --add-modules jdk.incubator.vector}
 *             (the {@code latentj} launcher and {@code scripts/run.sh} pass it);
 *         <li>{@code blocked}, which needs nothing.
 *       </ol>
 *       When it falls past the native BLAS (another platform, or the natives excluded) it says
 *       so in one line on standard error, unless {@code -Dlatentj.blas=none} asked for that;
 *   <li>{@code netlib}: the native BLAS, {@link NetlibMatMulKernel} (fails if none loads);
 *       {@code -Dlatentj.blas=system|bundled|none} narrows where it may come from;
 *   <li>{@code openblas-system}, {@code openblas-bundled}: {@code netlib} from that source only
 *       (the names {@link #name} gives them; one per process, as netlib loads one library);
 *   <li>{@code vector}: the register-tiled Vector API kernel (fails without the module);
 *   <li>{@code blocked}: {@link BlockedMatMulKernel}, pure Java, nothing to install;
 *   <li>{@code ejml}: EJML's own {@code CommonOps_DDRM}, {@link EjmlMatMulKernel}, the reference.
 * </ul>
 *
 * <p>{@value #THREADS_PROPERTY} sets how many threads the Java kernels split a large product over
 * (default: the available processors, at most 8); OpenBLAS reads {@code OPENBLAS_NUM_THREADS}.
 */
public final class MatMulKernels {

  /** The system property that names the kernel. */
  public static final String PROPERTY = "latentj.matmul";

  /** The system property that sets the Java kernels' thread count. */
  public static final String THREADS_PROPERTY = "latentj.matmul.threads";

  private MatMulKernels() {}

  /** The kernel named by {@value #PROPERTY} ({@code auto} when unset). */
  public static MatMulKernel fromSystemProperties() {
    return byName(System.getProperty(PROPERTY, "auto"));
  }

  /**
   * The kernel called {@code name}: {@code auto}, {@code netlib}, {@code vector},
   * {@code blocked} or {@code ejml} (any case).
   *
   * @throws IllegalArgumentException for another name
   * @throws IllegalStateException when {@code netlib} or {@code vector} cannot load here
   */
  public static MatMulKernel byName(String name) {
    return byName(name, threads());
  }

  /**
   * As {@link #byName(String)}, with the Java kernels splitting large products over
   * {@code threads} threads (EJML's kernel uses one; OpenBLAS reads {@code OPENBLAS_NUM_THREADS}).
   */
  public static MatMulKernel byName(String name, int threads) {
    if (name == null) {
      throw new IllegalArgumentException(PROPERTY + ": kernel name is null");
    }
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "auto" -> best(threads);
      case "netlib" -> NetlibMatMulKernel.load();
      case "openblas-system" -> NetlibMatMulKernel.load("system", netlibThreads());
      case "openblas-bundled" -> NetlibMatMulKernel.load("bundled", netlibThreads());
      case "vector" -> vector(threads);
      case "blocked" -> new BlockedMatMulKernel(threads);
      case "ejml" -> new EjmlMatMulKernel();
      default -> throw new IllegalArgumentException(PROPERTY + ": unknown kernel '" + name
          + "' (expected auto, netlib, openblas-system, openblas-bundled, vector, blocked or"
          + " ejml)");
    };
  }

  /** The Java threads a native BLAS kernel splits over, as {@link NetlibMatMulKernel#load()}. */
  static int netlibThreads() {
    return "1".equals(System.getenv("OPENBLAS_NUM_THREADS")) ? threads() : 1;
  }

  /** The fastest kernel that loads here, as {@code auto} chooses it. */
  public static MatMulKernel best() {
    return best(threads());
  }

  private static MatMulKernel best(int threads) {
    String note = null;
    try {
      NetlibMatMulKernel netlib = NetlibMatMulKernel.load();
      // libblas.so.3 may be the reference BLAS, slower than the Java kernels.
      if (netlib.source() != NetlibMatMulKernel.Source.GENERIC) {
        return netlib;
      }
      note = "only " + netlib.library() + ", which may be the reference BLAS";
    } catch (IllegalStateException e) {
      boolean off = "none".equalsIgnoreCase(
          System.getProperty(NetlibMatMulKernel.SOURCE_PROPERTY, "").trim());
      note = off ? null : e.getMessage();
    }
    MatMulKernel java = javaKernel(threads);
    if (note != null) {
      System.err.println("latentj: no native BLAS (" + note + "); matrix products use " + java);
    }
    return java;
  }

  private static MatMulKernel javaKernel(int threads) {
    if (vectorApiPresent()) {
      try {
        return vector(threads);
      } catch (IllegalStateException e) {
        // The module is there but the kernel does not link (another JDK's API): use plain Java.
      }
    }
    return new BlockedMatMulKernel(threads);
  }

  /**
   * The kernel's short name, for a log line, a summary or a checkpoint's provenance: a name
   * {@link #byName} takes ({@code vector}, {@code blocked}, {@code ejml}) or, for the native BLAS,
   * where it came from ({@link NetlibMatMulKernel#shortName()}, e.g. {@code openblas-bundled});
   * the class's simple name for another kernel.
   */
  public static String name(MatMulKernel kernel) {
    if (kernel instanceof NetlibMatMulKernel netlib) {
      return netlib.shortName();
    }
    if (kernel instanceof BlockedMatMulKernel) {
      return "blocked";
    }
    if (kernel instanceof EjmlMatMulKernel) {
      return "ejml";
    }
    String simple = kernel.getClass().getSimpleName();
    return simple.equals("VectorMatMulKernel") ? "vector" : simple;
  }

  /** True when the JVM was started with {@code --add-modules jdk.incubator.vector}. */
  public static boolean vectorApiPresent() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  /** The Vector API kernel, loaded reflectively so this class links without the module. */
  static MatMulKernel vector(int threads) {
    if (!vectorApiPresent()) {
      throw new IllegalStateException("vector matmul kernel: run the JVM with"
          + " --add-modules jdk.incubator.vector");
    }
    try {
      return (MatMulKernel) Class.forName("org.latentj.tensor.VectorMatMulKernel")
          .getDeclaredConstructor(int.class).newInstance(threads);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("vector matmul kernel: cannot load it", e);
    }
  }

  /** The Java kernels' thread count: {@value #THREADS_PROPERTY}, else the processors (max 8). */
  static int threads() {
    String value = System.getProperty(THREADS_PROPERTY);
    if (value == null) {
      return Math.min(8, Runtime.getRuntime().availableProcessors());
    }
    try {
      int t = Integer.parseInt(value.trim());
      if (t >= 1) {
        return t;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(THREADS_PROPERTY + ": expected a positive integer, got '"
        + value + "'");
  }
}
