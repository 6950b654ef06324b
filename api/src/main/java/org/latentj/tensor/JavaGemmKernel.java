package org.latentj.tensor;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the pure-Java kernels share: a transposed {@code b} is first copied into row-major order
 * (so every inner loop runs along contiguous rows of {@code b} and {@code c}); a transposed
 * {@code a} is read in place with a stride; and above {@link #PARALLEL_THRESHOLD} multiply-adds
 * the rows of {@code c} are split between the calling thread and a small fixed pool, like EJML's
 * {@code _MT} twins. Each row of {@code c} is computed by one thread in one order, so results do
 * not depend on the number of threads.
 */
abstract class JavaGemmKernel extends GemmKernel {

  /** Products smaller than this many multiply-adds run on the calling thread alone. */
  static final long PARALLEL_THRESHOLD = 1L << 18;

  /** One pool of daemon workers per thread count, shared by every kernel that uses it. */
  private static final Map<Integer, ExecutorService> POOLS = new ConcurrentHashMap<>();

  private static final ThreadLocal<double[]> PACKED = ThreadLocal.withInitial(() -> new double[0]);

  private final int threads;
  private final ExecutorService pool;

  /** @param threads how many threads share a large product (the caller is one of them) */
  JavaGemmKernel(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("matmul kernel: threads must be at least 1, got "
          + threads);
    }
    this.threads = threads;
    this.pool = threads == 1 ? null : POOLS.computeIfAbsent(threads, t ->
        Executors.newFixedThreadPool(t - 1, r -> {
          Thread worker = new Thread(r, "latentj-matmul");
          worker.setDaemon(true);
          return worker;
        }));
  }

  /** The number of threads that share a large product. */
  public final int threads() {
    return threads;
  }

  /**
   * {@code c[i n + j] += sum_p a[i ars + p acs] b[p n + j]} for rows {@code i0 <= i < i1}, all
   * {@code j < n}, {@code p < k}: a row-major {@code k x n} {@code b}, and an {@code a} read with
   * row stride {@code ars} and column stride {@code acs}.
   */
  abstract void rows(double[] a, int ars, int acs, double[] b, double[] c, int n, int k, int i0,
      int i1);

  @Override
  final void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b,
      double[] c, boolean add) {
    if (!add) {
      Arrays.fill(c, 0, m * n, 0.0);
    }
    double[] rowMajorB = transB ? transposed(b, n, k) : b;
    int ars = transA ? 1 : k;
    int acs = transA ? m : 1;
    if (threads == 1 || (long) m * n * k < PARALLEL_THRESHOLD || m < 8) {
      rows(a, ars, acs, rowMajorB, c, n, k, 0, m);
      return;
    }
    int parts = Math.min(threads, m / 4);
    // Row blocks that are multiples of 4 keep every part on the register-tiled path.
    int step = ((m + parts - 1) / parts + 3) & ~3;
    Future<?>[] pending = new Future<?>[parts - 1];
    int started = 0;
    for (int from = step; from < m; from += step) {
      int lo = from;
      int hi = Math.min(m, from + step);
      pending[started++] = pool.submit(() -> rows(a, ars, acs, rowMajorB, c, n, k, lo, hi));
    }
    rows(a, ars, acs, rowMajorB, c, n, k, 0, Math.min(m, step));
    for (int i = 0; i < started; i++) {
      await(pending[i]);
    }
  }

  /** {@code b} ({@code n x k}, row-major) transposed into this thread's reusable buffer. */
  private static double[] transposed(double[] b, int n, int k) {
    double[] t = PACKED.get();
    if (t.length < n * k) {
      t = new double[n * k];
      PACKED.set(t);
    }
    // Blocks of 32 x 32 keep both the reads and the writes within a few cache lines.
    for (int j0 = 0; j0 < n; j0 += 32) {
      int j1 = Math.min(n, j0 + 32);
      for (int p0 = 0; p0 < k; p0 += 32) {
        int p1 = Math.min(k, p0 + 32);
        for (int j = j0; j < j1; j++) {
          int src = j * k;
          for (int p = p0; p < p1; p++) {
            t[p * n + j] = b[src + p];
          }
        }
      }
    }
    return t;
  }

  private static void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("matmul: interrupted while waiting for a worker", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("matmul: a worker failed", e.getCause());
    }
  }
}
