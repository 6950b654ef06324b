package org.latentj.tensor;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * Storage reused from one training step to the next, so a steady-state step allocates no
 * matrices: while a workspace is {@link #enter() entered} on a thread, every op result and every
 * intermediate gradient made on that thread takes its matrix from here instead of the heap, and
 * {@link #close()} hands them all back for the next step.
 *
 * <p>The matrices are kept by the order in which they were asked for (the n-th request of a
 * step gets the n-th buffer, zeroed, when its shape matches; otherwise a new one replaces it). A
 * training step asks in the same order every time, so from the second step on nothing is
 * allocated, with no lookup and no keys; a step of another shape (the last, smaller minibatch of
 * an epoch) just replaces the buffers it needs.
 *
 * <p>The contract: tensors made inside a workspace die when it closes. Reading the value or
 * gradient of one afterwards fails with an {@link IllegalStateException} naming the op, rather
 * than returning a later step's numbers. Leaves ({@link Tensor#variable}, {@link Tensor#constant})
 * and their gradients (the parameters') are never taken from a workspace. One workspace belongs
 * to one thread at a time; entering nests (the inner one serves until it closes).
 */
public final class Workspace implements AutoCloseable {

  private static final ThreadLocal<Workspace> CURRENT = new ThreadLocal<>();

  private final List<Object> buffers = new ArrayList<>();
  private int next;
  /** Incremented by every {@link #close()}: a tensor made in an earlier generation is dead. */
  private long generation;
  private Workspace outer;
  private boolean entered;
  private long allocated;

  /** An empty workspace; it fills during the first step entered. */
  public Workspace() {}

  /**
   * Makes this the current workspace of the calling thread until {@link #close()}; use it in
   * try-with-resources around one step.
   *
   * @throws IllegalStateException if it is already entered
   */
  public Workspace enter() {
    if (entered) {
      throw new IllegalStateException("Workspace.enter: already entered (close it first)");
    }
    entered = true;
    outer = CURRENT.get();
    CURRENT.set(this);
    next = 0;
    return this;
  }

  /** Ends the step: every tensor made since {@link #enter()} is dead, its storage free again. */
  @Override
  public void close() {
    if (!entered) {
      throw new IllegalStateException("Workspace.close: not entered");
    }
    entered = false;
    generation++;
    if (outer == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
    outer = null;
  }

  /** How many matrices this workspace has allocated so far (its steady state adds none). */
  public long allocations() {
    return allocated;
  }

  /** The number of matrices it holds. */
  public int size() {
    return buffers.size();
  }

  long generation() {
    return generation;
  }

  /** The current workspace of this thread, or null. */
  static Workspace current() {
    return CURRENT.get();
  }

  /** A zeroed float64 matrix: from the current workspace if one is entered, else new. */
  static DMatrixRMaj doubles(int rows, int cols) {
    Workspace w = CURRENT.get();
    return w == null ? new DMatrixRMaj(rows, cols) : w.takeD(rows, cols);
  }

  /** A zeroed float32 matrix: from the current workspace if one is entered, else new. */
  static FMatrixRMaj floats(int rows, int cols) {
    Workspace w = CURRENT.get();
    return w == null ? new FMatrixRMaj(rows, cols) : w.takeF(rows, cols);
  }

  private DMatrixRMaj takeD(int rows, int cols) {
    if (next < buffers.size() && buffers.get(next) instanceof DMatrixRMaj m
        && m.numRows == rows && m.numCols == cols) {
      next++;
      m.zero();
      return m;
    }
    return keep(new DMatrixRMaj(rows, cols));
  }

  private FMatrixRMaj takeF(int rows, int cols) {
    if (next < buffers.size() && buffers.get(next) instanceof FMatrixRMaj m
        && m.numRows == rows && m.numCols == cols) {
      next++;
      m.zero();
      return m;
    }
    return keep(new FMatrixRMaj(rows, cols));
  }

  private <M> M keep(M m) {
    if (next < buffers.size()) {
      buffers.set(next, m);
    } else {
      buffers.add(m);
    }
    next++;
    allocated++;
    return m;
  }
}
