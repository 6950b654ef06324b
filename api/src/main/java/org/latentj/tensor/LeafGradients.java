package org.latentj.tensor;

import java.util.IdentityHashMap;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * Gradient buffers of leaves kept apart from the leaves themselves, for one thread: while a
 * {@code LeafGradients} is entered on a thread ({@link #enter()}), every backward pass on that
 * thread accumulates the gradient of each leaf that requires one (a parameter) here instead of
 * in the leaf, and {@link Tensor#grad()}, {@link Tensor#zeroGrad()} and {@code Parameter.grad()}
 * on that thread read and clear these buffers. So several threads can differentiate graphs built
 * on the same parameters at once (data-parallel halves of a minibatch), each into its own
 * buffers, without a race and without copying the model; the leaves' values are only read.
 *
 * <p>The buffers are allocated on a leaf's first gradient and kept, so a steady-state step
 * allocates nothing; {@link #zero()} clears them for the next step. Intermediate results keep
 * their own gradients as always (they belong to one thread's graph).
 */
public final class LeafGradients {

  private static final ThreadLocal<LeafGradients> CURRENT = new ThreadLocal<>();

  private final IdentityHashMap<Tensor, DMatrixRMaj> doubles = new IdentityHashMap<>();
  private final IdentityHashMap<Tensor, FMatrixRMaj> floats = new IdentityHashMap<>();

  /** No buffers yet. */
  public LeafGradients() {}

  /**
   * Makes these the buffers of this thread's leaves until the scope closes (then the ones before,
   * or the leaves' own). Enter it on one thread at a time.
   */
  public Scope enter() {
    LeafGradients previous = CURRENT.get();
    CURRENT.set(this);
    return new Scope(previous);
  }

  /** The buffers entered on this thread, or null: the leaves keep their own gradients. */
  static LeafGradients current() {
    return CURRENT.get();
  }

  /** The float64 gradient kept for {@code leaf}, or null if no backward pass has reached it. */
  public DMatrixRMaj gradient(Tensor leaf) {
    return doubles.get(leaf);
  }

  /** The float32 gradient kept for {@code leaf}, or null if no backward pass has reached it. */
  public FMatrixRMaj gradientF(Tensor leaf) {
    return floats.get(leaf);
  }

  /** Sets every kept gradient to zero (keeps the buffers). */
  public void zero() {
    doubles.values().forEach(DMatrixRMaj::zero);
    floats.values().forEach(FMatrixRMaj::zero);
  }

  /** How many leaves have a buffer here (each float64 and float32 one counted). */
  int size() {
    return doubles.size() + floats.size();
  }

  /** The float64 buffer of {@code leaf}, allocated as zeros on first use. */
  DMatrixRMaj bufferOf(Tensor leaf, DMatrixRMaj value) {
    DMatrixRMaj g = doubles.get(leaf);
    if (g == null) {
      g = new DMatrixRMaj(value.numRows, value.numCols);
      doubles.put(leaf, g);
    }
    return g;
  }

  /** The float32 buffer of {@code leaf}, allocated as zeros on first use. */
  FMatrixRMaj bufferOf(Tensor leaf, FMatrixRMaj value) {
    FMatrixRMaj g = floats.get(leaf);
    if (g == null) {
      g = new FMatrixRMaj(value.numRows, value.numCols);
      floats.put(leaf, g);
    }
    return g;
  }

  /** Zeroes the buffer of {@code leaf}, if it has one. */
  void zero(Tensor leaf) {
    DMatrixRMaj d = doubles.get(leaf);
    if (d != null) {
      d.zero();
    }
    FMatrixRMaj f = floats.get(leaf);
    if (f != null) {
      f.zero();
    }
  }

  /** Entered buffers; closing restores the ones before. */
  public static final class Scope implements AutoCloseable {
    private final LeafGradients previous;

    private Scope(LeafGradients previous) {
      this.previous = previous;
    }

    @Override
    public void close() {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }
}
