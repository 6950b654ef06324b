package org.latentj.tensor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits the output rows of a large product between the calling thread and a small fixed pool
 * of daemon workers (one pool per thread count, shared by every kernel), like EJML's
 * {@code _MT} twins. Each row is computed by one thread in one order, so results do not depend
 * on the number of threads.
 */
final class RowSplitter {

  /** Products smaller than this many multiply-adds run on the calling thread alone. */
  static final long PARALLEL_THRESHOLD = 1L << 18;

  private static final Map<Integer, ExecutorService> POOLS = new ConcurrentHashMap<>();

  /** Computes output rows {@code [from, to)}. */
  @FunctionalInterface
  interface Rows {
    void compute(int from, int to);
  }

  private final int threads;
  private final ExecutorService pool;

  /** @param threads how many threads share a large product (the caller is one of them) */
  RowSplitter(int threads) {
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

  int threads() {
    return threads;
  }

  /** Whether {@link #run} shares a product of {@code m} rows and {@code multiplyAdds}. */
  boolean splits(int m, long multiplyAdds) {
    return threads > 1 && multiplyAdds >= PARALLEL_THRESHOLD && m >= 8;
  }

  /**
   * Runs {@code rows} over {@code [0, m)} for a product of {@code multiplyAdds}: on the calling
   * thread alone when it is small, else in parts whose sizes are multiples of 4 rows (which keeps
   * register-tiled kernels on their fast path), the first part on the calling thread.
   */
  void run(int m, long multiplyAdds, Rows rows) {
    if (!splits(m, multiplyAdds)) {
      rows.compute(0, m);
      return;
    }
    int parts = Math.min(threads, m / 4);
    int step = ((m + parts - 1) / parts + 3) & ~3;
    Future<?>[] pending = new Future<?>[parts - 1];
    int started = 0;
    for (int from = step; from < m; from += step) {
      int lo = from;
      int hi = Math.min(m, from + step);
      pending[started++] = pool.submit(() -> rows.compute(lo, hi));
    }
    rows.compute(0, Math.min(m, step));
    for (int i = 0; i < started; i++) {
      await(pending[i]);
    }
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
