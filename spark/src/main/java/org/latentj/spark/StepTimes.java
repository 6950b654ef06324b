package org.latentj.spark;

/**
 * Where a data-parallel step's time went, summed over the steps so far (nanoseconds):
 * broadcasting the parameters, the slowest task's own compute per step, the rest of the Spark
 * job (scheduling, shipping results back: "collect"), and adding the partial sums on the driver.
 */
public final class StepTimes {

  private long steps;
  private long broadcast;
  private long compute;
  private long collect;
  private long reduce;

  void add(long broadcastNanos, long slowestTaskNanos, long jobNanos, long reduceNanos) {
    steps++;
    broadcast += broadcastNanos;
    compute += slowestTaskNanos;
    collect += Math.max(0, jobNanos - slowestTaskNanos);
    reduce += reduceNanos;
  }

  /** Forgets the steps so far (e.g. a benchmark's warm-up). */
  void clear() {
    steps = 0;
    broadcast = 0;
    compute = 0;
    collect = 0;
    reduce = 0;
  }

  public long steps() {
    return steps;
  }

  /** Mean milliseconds per step spent broadcasting the parameters. */
  public double broadcastMillis() {
    return perStep(broadcast);
  }

  /** Mean milliseconds per step of the slowest task's forward and backward passes. */
  public double computeMillis() {
    return perStep(compute);
  }

  /** Mean milliseconds per step of the job beyond its slowest task: scheduling and results. */
  public double collectMillis() {
    return perStep(collect);
  }

  /** Mean milliseconds per step adding the partitions' sums on the driver. */
  public double reduceMillis() {
    return perStep(reduce);
  }

  private double perStep(long nanos) {
    return steps == 0 ? 0 : nanos / 1e6 / steps;
  }

  @Override
  public String toString() {
    return String.format("%d steps: broadcast %.2f ms, compute %.2f ms, collect %.2f ms,"
        + " reduce %.2f ms per step", steps, broadcastMillis(), computeMillis(),
        collectMillis(), reduceMillis());
  }
}
