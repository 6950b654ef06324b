package org.latentj.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * A differentiable matrix: an EJML value (rows = examples of a minibatch, columns = features)
 * plus, when it needs one, a gradient of the same shape and dtype.
 *
 * <p>Storage knows its {@link DType}: a {@link DType#FLOAT64} tensor holds a {@link DMatrixRMaj}
 * ({@link #value()}, {@link #grad()}), a {@link DType#FLOAT32} tensor an {@link FMatrixRMaj}
 * ({@link #valueF()}, {@link #gradF()}). Every op keeps the dtype of its inputs, which must agree;
 * {@link #to(DType)} converts.
 *
 * <p>Every op returns a new tensor that remembers its inputs and how to push its output gradient
 * back to them (reverse-mode automatic differentiation). {@link #backward()} on a 1x1 result walks
 * the graph once in reverse topological order and <em>accumulates</em> into every leaf that
 * {@link #requiresGrad() requires a gradient}: calling it twice adds twice, as in PyTorch.
 * Gradients of intermediate results start from zero in each pass, so several backward passes
 * over one graph (e.g. with different seeds) are each exact. Ops of one's own join the graph
 * through {@link #apply(DifferentiableOp, Tensor...)}.
 *
 * <p>Values are shared, not copied: {@link #value()} returns the live matrix, which callers must
 * not modify while a graph that uses it is alive. Ops never modify their inputs.
 *
 * <p>Broadcasting: the binary ops {@link #add(Tensor)}, {@link #sub(Tensor)}, {@link #mul(Tensor)}
 * and {@link #div(Tensor)} accept operands whose every dimension is either equal or 1, so a
 * {@code 1 x n} row (a bias), an {@code n x 1} column (one number per example) or a {@code 1 x 1}
 * scalar combine with an {@code n x m} matrix.
 */
public final class Tensor {

  /**
   * Pushes the output gradient {@code gradOut} (Not modified) into the inputs' gradient buffers;
   * {@code M} is the storage of the op's dtype ({@link DMatrixRMaj} or {@link FMatrixRMaj}).
   */
  @FunctionalInterface
  interface Backward<M> {
    void apply(M gradOut);
  }

  private static final Tensor[] NO_INPUTS = new Tensor[0];

  /** Exactly one of {@code value} and {@code valueF} is set; it fixes the dtype. */
  private final DMatrixRMaj value;
  private final FMatrixRMaj valueF;
  private final boolean requiresGrad;
  private final String op;
  private final Tensor[] inputs;
  private final Backward<DMatrixRMaj> backward;
  private final Backward<FMatrixRMaj> backwardF;
  private DMatrixRMaj grad;
  private FMatrixRMaj gradF;
  /** Set by {@link #repeatRows(int)}: lets row-wise layers run once on the distinct rows. */
  private Repetition repetition;
  /** The workspace whose storage this op result uses, or null (leaves, results made outside). */
  private final Workspace workspace;
  /**
   * Set by {@link #scratchVariable}: a leaf of one op's own inner graph keeps its gradient in
   * itself even while {@link LeafGradients} are entered.
   */
  private boolean keepsOwnGradient;
  /** The workspace's generation when this was made; the tensor is dead once it has moved on. */
  private final long generation;

  private Tensor(DMatrixRMaj value, FMatrixRMaj valueF, boolean requiresGrad, String op,
      Tensor[] inputs, Backward<DMatrixRMaj> backward, Backward<FMatrixRMaj> backwardF) {
    this(value, valueF, requiresGrad, op, inputs, backward, backwardF, null);
  }

  private Tensor(DMatrixRMaj value, FMatrixRMaj valueF, boolean requiresGrad, String op,
      Tensor[] inputs, Backward<DMatrixRMaj> backward, Backward<FMatrixRMaj> backwardF,
      Workspace workspace) {
    this.value = value;
    this.valueF = valueF;
    this.requiresGrad = requiresGrad;
    this.op = op;
    this.inputs = inputs;
    this.backward = backward;
    this.backwardF = backwardF;
    this.workspace = workspace;
    this.generation = workspace == null ? 0 : workspace.generation();
  }

  // ---------------------------------------------------------------- creation

  /** A float64 leaf that takes no gradient, wrapping {@code value} (not copied). */
  public static Tensor constant(DMatrixRMaj value) {
    return new Tensor(requireValue(value), null, false, "constant", NO_INPUTS, null, null);
  }

  /** A float64 leaf that accumulates a gradient, wrapping {@code value} (not copied). */
  public static Tensor variable(DMatrixRMaj value) {
    return new Tensor(requireValue(value), null, true, "variable", NO_INPUTS, null, null);
  }

  /**
   * A float64 leaf that takes a gradient and belongs to one call of one op (the widened inputs of
   * {@link ViaFloat64}): no other thread sees it, so its gradient stays in the tensor even under
   * {@link LeafGradients}, which would otherwise keep a buffer for every call, forever.
   */
  static Tensor scratchVariable(DMatrixRMaj value) {
    Tensor t = variable(value);
    t.keepsOwnGradient = true;
    return t;
  }

  /** A float32 leaf that takes no gradient, wrapping {@code value} (not copied). */
  public static Tensor constant(FMatrixRMaj value) {
    return new Tensor(null, requireValue(value), false, "constant", NO_INPUTS, null, null);
  }

  /** A float32 leaf that accumulates a gradient, wrapping {@code value} (not copied). */
  public static Tensor variable(FMatrixRMaj value) {
    return new Tensor(null, requireValue(value), true, "variable", NO_INPUTS, null, null);
  }

  /** A constant from rows of numbers; every row must have the same length. */
  public static Tensor of(double[][] rows) {
    if (rows.length == 0 || rows[0].length == 0) {
      throw new IllegalArgumentException("Tensor.of: needs at least one row and one column");
    }
    for (int i = 1; i < rows.length; i++) {
      if (rows[i].length != rows[0].length) {
        throw new IllegalArgumentException("Tensor.of: row " + i + " has " + rows[i].length
            + " columns, row 0 has " + rows[0].length);
      }
    }
    return constant(new DMatrixRMaj(rows));
  }

  /** A constant {@code 1 x n} row vector. */
  public static Tensor row(double... values) {
    return constant(new DMatrixRMaj(1, values.length, true, values.clone()));
  }

  /** A constant {@code n x 1} column vector. */
  public static Tensor column(double... values) {
    return constant(new DMatrixRMaj(values.length, 1, true, values.clone()));
  }

  /** A constant {@code 1 x 1} tensor. */
  public static Tensor scalar(double value) {
    return constant(new DMatrixRMaj(1, 1, true, value));
  }

  /** A constant {@code 1 x 1} tensor of the given dtype. */
  public static Tensor scalar(double value, DType dtype) {
    return filled(1, 1, value, dtype);
  }

  /** A constant of the given shape filled with {@code fill}. */
  public static Tensor filled(int rows, int cols, double fill) {
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    java.util.Arrays.fill(m.data, 0, rows * cols, fill);
    return constant(m);
  }

  /** A constant of the given shape and dtype filled with {@code fill} (rounded for float32). */
  public static Tensor filled(int rows, int cols, double fill, DType dtype) {
    if (dtype == DType.FLOAT64) {
      return filled(rows, cols, fill);
    }
    FMatrixRMaj m = new FMatrixRMaj(rows, cols);
    java.util.Arrays.fill(m.data, 0, rows * cols, (float) fill);
    return constant(m);
  }

  /** A constant of zeros. */
  public static Tensor zeros(int rows, int cols) {
    return constant(new DMatrixRMaj(rows, cols));
  }

  /** A constant of zeros of the given dtype. */
  public static Tensor zeros(int rows, int cols, DType dtype) {
    return dtype == DType.FLOAT64 ? zeros(rows, cols) : constant(new FMatrixRMaj(rows, cols));
  }

  /**
   * A constant holding {@code values} (Not modified) in {@code dtype}: the same matrix for
   * float64, a rounded copy for float32. How data and noise drawn in float64 enter a float32
   * model.
   */
  public static Tensor constant(DMatrixRMaj values, DType dtype) {
    return dtype == DType.FLOAT64 ? constant(values) : constant(Storage.narrow(values));
  }

  /**
   * Records a float64 op's result; it requires a gradient if any input does. Made while a
   * {@link Workspace} is entered, it belongs to that workspace's step.
   */
  static Tensor result(String op, DMatrixRMaj value, Backward<DMatrixRMaj> backward,
      Tensor... inputs) {
    Workspace w = Workspace.current();
    return needsGrad(inputs)
        ? new Tensor(value, null, true, op, inputs, backward, null, w)
        : new Tensor(value, null, false, op, NO_INPUTS, null, null, w);
  }

  /** Records a float32 op's result, as {@link #result(String, DMatrixRMaj, Backward, Tensor...)}. */
  static Tensor result(String op, FMatrixRMaj value, Backward<FMatrixRMaj> backward,
      Tensor... inputs) {
    Workspace w = Workspace.current();
    return needsGrad(inputs)
        ? new Tensor(null, value, true, op, inputs, null, backward, w)
        : new Tensor(null, value, false, op, NO_INPUTS, null, null, w);
  }

  /** Fails if this tensor's workspace step has ended (its storage now serves a later step). */
  private void requireAlive(String asked) {
    if (workspace != null && workspace.generation() != generation) {
      throw new IllegalStateException(asked + ": " + this + " was made inside a Workspace step"
          + " that has ended, so its storage is reused; copy what you need before the step ends");
    }
  }

  /** True when this tensor's intermediate gradient may live in the current workspace. */
  private boolean gradInWorkspace() {
    return workspace != null && workspace == Workspace.current() && isInterior();
  }

  private static boolean needsGrad(Tensor[] inputs) {
    boolean needs = false;
    if (GradMode.isEnabled()) {
      for (Tensor t : inputs) {
        needs |= t.requiresGrad;
      }
    }
    return needs;
  }

  private static <M> M requireValue(M value) {
    if (value == null) {
      throw new IllegalArgumentException("Tensor: value is null");
    }
    return value;
  }

  // ---------------------------------------------------------------- inspection

  /** {@link DType#FLOAT64} or {@link DType#FLOAT32}: what the storage holds. */
  public DType dtype() {
    return value != null ? DType.FLOAT64 : DType.FLOAT32;
  }

  /**
   * The live float64 value; do not modify it while a graph that uses it is alive.
   *
   * @throws IllegalStateException for a float32 tensor (read {@link #valueF()}, or convert with
   *     {@link #to(DType)})
   */
  public DMatrixRMaj value() {
    if (value == null) {
      throw wrongDtype("value()", "valueF()");
    }
    requireAlive("value()");
    return value;
  }

  /**
   * The live float32 value; do not modify it while a graph that uses it is alive.
   *
   * @throws IllegalStateException for a float64 tensor (read {@link #value()})
   */
  public FMatrixRMaj valueF() {
    if (valueF == null) {
      throw wrongDtype("valueF()", "value()");
    }
    requireAlive("valueF()");
    return valueF;
  }

  /**
   * The float64 accumulated gradient, or {@code null} if none has reached this tensor.
   *
   * @throws IllegalStateException for a float32 tensor (read {@link #gradF()})
   */
  public DMatrixRMaj grad() {
    if (value == null) {
      throw wrongDtype("grad()", "gradF()");
    }
    requireAlive("grad()");
    LeafGradients elsewhere = separateLeafGradients();
    return elsewhere == null ? grad : elsewhere.gradient(this);
  }

  /**
   * The float32 accumulated gradient, or {@code null} if none has reached this tensor.
   *
   * @throws IllegalStateException for a float64 tensor (read {@link #grad()})
   */
  public FMatrixRMaj gradF() {
    if (valueF == null) {
      throw wrongDtype("gradF()", "grad()");
    }
    requireAlive("gradF()");
    LeafGradients elsewhere = separateLeafGradients();
    return elsewhere == null ? gradF : elsewhere.gradientF(this);
  }

  private IllegalStateException wrongDtype(String asked, String instead) {
    return new IllegalStateException(asked + ": " + this + " is " + dtype() + "; use " + instead
        + " or convert with to(DType)");
  }

  public boolean requiresGrad() {
    return requiresGrad;
  }

  public int rows() {
    return value != null ? value.numRows : valueF.numRows;
  }

  public int cols() {
    return value != null ? value.numCols : valueF.numCols;
  }

  /** The number of elements. */
  public int size() {
    return rows() * cols();
  }

  /** The element at {@code (row, col)}, as a double in either dtype. */
  public double get(int row, int col) {
    return value != null ? value.get(row, col) : valueF.get(row, col);
  }

  /** The element at row-major {@code index} ({@code row * cols() + col}), in either dtype. */
  public double get(int index) {
    return value != null ? value.data[index] : valueF.data[index];
  }

  /** The single number of a 1x1 tensor, as a double in either dtype. */
  public double item() {
    if (size() != 1) {
      throw new IllegalStateException("item: needs a 1x1 tensor, got " + shape());
    }
    return value != null ? value.data[0] : valueF.data[0];
  }

  /** The shape as text, e.g. {@code 128x784}, for messages. */
  public String shape() {
    return rows() + "x" + cols();
  }

  /**
   * How this tensor was made by {@link #repeatRows(int)}: each row of {@code source} repeated
   * {@code times} times in place.
   */
  public record Repetition(Tensor source, int times) {}

  /**
   * The repetition that made this tensor, if {@link #repeatRows(int)} did. A row-wise function f
   * satisfies {@code f(x.repeatRows(k)) == f(x).repeatRows(k)}, so it can compute on the
   * {@code 1/k} distinct rows only: the k particles of an objective share one encoder pass.
   */
  public Optional<Repetition> repetition() {
    return Optional.ofNullable(repetition);
  }

  void recordRepetition(Tensor source, int times) {
    this.repetition = new Repetition(source, times);
  }

  /** The name of the op that made this tensor ({@code variable}/{@code constant} for leaves). */
  public String op() {
    return op;
  }

  @Override
  public String toString() {
    return "Tensor[" + shape() + ", " + op + (value == null ? ", float32" : "")
        + (requiresGrad ? ", requiresGrad" : "") + "]";
  }

  // ---------------------------------------------------------------- gradients

  /** Sets the accumulated gradient of this tensor to zero (keeps the buffer). */
  public void zeroGrad() {
    LeafGradients elsewhere = separateLeafGradients();
    if (elsewhere != null) {
      elsewhere.zero(this);
      return;
    }
    if (grad != null) {
      grad.zero();
    }
    if (gradF != null) {
      gradF.zero();
    }
  }

  /**
   * The float64 gradient buffer, allocated as zeros on first use; backward passes accumulate
   * into it. Only tensors that require a gradient have one.
   *
   * @throws IllegalStateException for a float32 tensor (use {@link #gradBufferF()})
   */
  public DMatrixRMaj gradBuffer() {
    if (!requiresGrad) {
      throw new IllegalStateException("gradBuffer: " + this + " takes no gradient");
    }
    if (value == null) {
      throw wrongDtype("gradBuffer()", "gradBufferF()");
    }
    LeafGradients elsewhere = separateLeafGradients();
    if (elsewhere != null) {
      return elsewhere.bufferOf(this, value);
    }
    if (grad == null) {
      grad = gradInWorkspace() ? Workspace.doubles(value.numRows, value.numCols)
          : new DMatrixRMaj(value.numRows, value.numCols);
    }
    return grad;
  }

  /**
   * The float32 gradient buffer, allocated as zeros on first use; backward passes accumulate
   * into it. Only tensors that require a gradient have one.
   *
   * @throws IllegalStateException for a float64 tensor (use {@link #gradBuffer()})
   */
  public FMatrixRMaj gradBufferF() {
    if (!requiresGrad) {
      throw new IllegalStateException("gradBufferF: " + this + " takes no gradient");
    }
    if (valueF == null) {
      throw wrongDtype("gradBufferF()", "gradBuffer()");
    }
    LeafGradients elsewhere = separateLeafGradients();
    if (elsewhere != null) {
      return elsewhere.bufferOf(this, valueF);
    }
    if (gradF == null) {
      gradF = gradInWorkspace() ? Workspace.floats(valueF.numRows, valueF.numCols)
          : new FMatrixRMaj(valueF.numRows, valueF.numCols);
    }
    return gradF;
  }

  /** Back-propagates from a 1x1 result, seeding its gradient with 1 (in its own dtype). */
  public void backward() {
    if (size() != 1) {
      throw new IllegalStateException(
          "backward: needs a 1x1 result (or pass a seed gradient), got " + shape() + " from " + op);
    }
    if (value == null) {
      backward(new FMatrixRMaj(1, 1, true, 1.0f));
    } else {
      backward(new DMatrixRMaj(1, 1, true, 1.0));
    }
  }

  /**
   * Back-propagates {@code seed} (same shape as this float64 tensor; Not modified): afterwards
   * every tensor of the graph that requires a gradient holds {@code J^T seed} added to its
   * gradient.
   */
  public void backward(DMatrixRMaj seed) {
    checkSeed(seed.numRows, seed.numCols, DType.FLOAT64);
    List<Tensor> order = prepareBackward();
    org.ejml.dense.row.CommonOps_DDRM.addEquals(gradBuffer(), seed);
    runBackward(order);
  }

  /** As {@link #backward(DMatrixRMaj)} for a float32 tensor and seed. */
  public void backward(FMatrixRMaj seed) {
    checkSeed(seed.numRows, seed.numCols, DType.FLOAT32);
    List<Tensor> order = prepareBackward();
    org.ejml.dense.row.CommonOps_FDRM.addEquals(gradBufferF(), seed);
    runBackward(order);
  }

  private void checkSeed(int rows, int cols, DType seedType) {
    if (rows != rows() || cols != cols()) {
      throw new IllegalArgumentException("backward: seed is " + rows + "x" + cols
          + " but the result is " + shape());
    }
    if (seedType != dtype()) {
      throw new IllegalArgumentException("backward: seed is " + seedType + " but the " + op
          + " result is " + dtype());
    }
    if (!requiresGrad) {
      throw new IllegalStateException("backward: " + op + " result does not depend on any tensor"
          + " that requires a gradient");
    }
  }

  /** The graph in topological order, with the intermediate gradients of a previous pass zeroed. */
  private List<Tensor> prepareBackward() {
    List<Tensor> order = topologicalOrder();
    // Intermediate gradients belong to one backward pass; only leaves accumulate across passes.
    for (Tensor t : order) {
      if (t.isInterior()) {
        t.zeroGrad();
      }
    }
    return order;
  }

  private void runBackward(List<Tensor> order) {
    for (int i = order.size() - 1; i >= 0; i--) {
      Tensor t = order.get(i);
      if (t.backward != null && t.grad != null) {
        t.backward.apply(t.grad);
      } else if (t.backwardF != null && t.gradF != null) {
        t.backwardF.apply(t.gradF);
      }
    }
  }

  /**
   * The {@link LeafGradients} this thread keeps this leaf's gradient in, or null: an op result's
   * gradient, or a leaf's when none is entered, lives in the tensor.
   */
  private LeafGradients separateLeafGradients() {
    return isInterior() || keepsOwnGradient ? null : LeafGradients.current();
  }

  private boolean isInterior() {
    return backward != null || backwardF != null;
  }

  /** Nodes that require a gradient, each after all its inputs (iterative DFS, no recursion). */
  private List<Tensor> topologicalOrder() {
    List<Tensor> order = new ArrayList<>();
    Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Tensor> stack = new ArrayDeque<>();
    ArrayDeque<Integer> next = new ArrayDeque<>();
    stack.push(this);
    next.push(0);
    visited.add(this);
    while (!stack.isEmpty()) {
      Tensor t = stack.peek();
      int i = next.pop();
      if (i < t.inputs.length) {
        next.push(i + 1);
        Tensor in = t.inputs[i];
        if (in.requiresGrad && visited.add(in)) {
          stack.push(in);
          next.push(0);
        }
      } else {
        stack.pop();
        order.add(t);
      }
    }
    return order;
  }

  /** Float64 accumulation target of an input, or {@code null} if it takes no gradient. */
  static DMatrixRMaj gradOf(Tensor t) {
    return t.requiresGrad ? t.gradBuffer() : null;
  }

  /** Float32 accumulation target of an input, or {@code null} if it takes no gradient. */
  static FMatrixRMaj gradOfF(Tensor t) {
    return t.requiresGrad ? t.gradBufferF() : null;
  }

  /** A leaf with the same value that takes no gradient (stop-gradient). */
  public Tensor detach() {
    requireAlive("detach()");
    return new Tensor(value, valueF, false, "detach", NO_INPUTS, null, null, workspace);
  }

  /**
   * This tensor in {@code dtype}: itself when it already is, else a converted copy (float32
   * rounds to nearest) whose gradient is converted back. The one way dtypes meet in a graph.
   */
  public Tensor to(DType dtype) {
    return dtype == dtype() ? this : Storage.convert(this, dtype);
  }

  /**
   * Fails naming {@code op} and the dtypes when the tensors do not all share one dtype; returns
   * that dtype.
   */
  static DType requireSameDtype(String op, Tensor... tensors) {
    DType d = tensors[0].dtype();
    for (Tensor t : tensors) {
      if (t.dtype() != d) {
        throw new IllegalArgumentException(op + ": operands are " + d + " (" + tensors[0].shape()
            + ") and " + t.dtype() + " (" + t.shape() + "); dtypes must match (convert one with"
            + " to(DType))");
      }
    }
    return d;
  }

  /** True for a float32 tensor. */
  boolean isFloat32() {
    return value == null;
  }

  // ---------------------------------------------------------------- your own ops

  /**
   * Applies a user-written op: {@code op.forward} computes the output from the inputs' values,
   * {@code op.backward} adds {@code J^T gradOut} into the inputs' gradients. Inputs must share a
   * dtype; see {@link DifferentiableOp} for float32.
   */
  public static Tensor apply(DifferentiableOp op, Tensor... inputs) {
    return CustomOps.apply(op, inputs);
  }

  // ---------------------------------------------------------------- matrix products

  /** {@code this * other}. */
  public Tensor matmul(Tensor other) {
    return MatMul.mult(this, other);
  }

  /** {@code this^T * other}. */
  public Tensor matmulTransA(Tensor other) {
    return MatMul.multTransA(this, other);
  }

  /** {@code this * other^T}. */
  public Tensor matmulTransB(Tensor other) {
    return MatMul.multTransB(this, other);
  }

  /**
   * {@code this * weight + bias}, with {@code bias} a {@code 1 x n} row added to every row: the
   * affine map of a dense layer as one op, the same values and gradients as
   * {@code matmul(weight).add(bias)} (to round-off) with one output matrix instead of two and no
   * separate pass for the bias.
   */
  public Tensor affine(Tensor weight, Tensor bias) {
    return MatMul.affine(this, weight, bias);
  }

  /**
   * {@code relu(this * weight + bias)} as one op: the same values and gradients as
   * {@code affine(weight, bias).relu()} with one output matrix instead of two and the rectifier
   * applied in the affine map's own passes. What a dense layer followed by a ReLU runs.
   */
  public Tensor affineRelu(Tensor weight, Tensor bias) {
    return MatMul.affineRelu(this, weight, bias);
  }

  /** The transpose. */
  public Tensor transpose() {
    return Shaping.transpose(this);
  }

  // ---------------------------------------------------------------- arithmetic (broadcasting)

  public Tensor add(Tensor other) {
    return Arithmetic.add(this, other);
  }

  public Tensor sub(Tensor other) {
    return Arithmetic.sub(this, other);
  }

  public Tensor mul(Tensor other) {
    return Arithmetic.mul(this, other);
  }

  public Tensor div(Tensor other) {
    return Arithmetic.div(this, other);
  }

  public Tensor add(double c) {
    return Arithmetic.addScalar(this, c);
  }

  public Tensor sub(double c) {
    return Arithmetic.addScalar(this, -c);
  }

  public Tensor mul(double c) {
    return Arithmetic.mulScalar(this, c);
  }

  public Tensor div(double c) {
    return Arithmetic.mulScalar(this, 1.0 / c);
  }

  /** {@code c / this}, elementwise. */
  public Tensor rdiv(double c) {
    return Pointwise.apply(new Pointwise.Reciprocal(c), this);
  }

  // ---------------------------------------------------------------- elementwise functions

  public Tensor neg() {
    return Pointwise.apply(Pointwise.NEG, this);
  }

  public Tensor exp() {
    return Pointwise.apply(Pointwise.EXP, this);
  }

  public Tensor log() {
    return Pointwise.apply(Pointwise.LOG, this);
  }

  /** {@code log(1 + x)}, accurate for small x. */
  public Tensor log1p() {
    return Pointwise.apply(Pointwise.LOG1P, this);
  }

  public Tensor square() {
    return Pointwise.apply(Pointwise.SQUARE, this);
  }

  public Tensor sqrt() {
    return Pointwise.apply(Pointwise.SQRT, this);
  }

  public Tensor abs() {
    return Pointwise.apply(Pointwise.ABS, this);
  }

  /** {@code x^p}, elementwise. */
  public Tensor pow(double p) {
    return Pointwise.apply(new Pointwise.Power(p), this);
  }

  public Tensor sigmoid() {
    return Pointwise.apply(Pointwise.SIGMOID, this);
  }

  /** {@code log sigmoid(x) = -softplus(-x)}, finite for every finite x. */
  public Tensor logSigmoid() {
    return Pointwise.apply(Pointwise.LOG_SIGMOID, this);
  }

  /** {@code log(1 + e^x)}, computed without overflow. */
  public Tensor softplus() {
    return Pointwise.apply(Pointwise.SOFTPLUS, this);
  }

  public Tensor tanh() {
    return Pointwise.apply(Pointwise.TANH, this);
  }

  public Tensor relu() {
    return Pointwise.apply(Pointwise.RELU, this);
  }

  /** {@code x} for positive x, {@code slope * x} otherwise. */
  public Tensor leakyRelu(double slope) {
    return Pointwise.apply(new Pointwise.LeakyRelu(slope), this);
  }

  /** {@code x} for positive x, {@code alpha * (e^x - 1)} otherwise (Clevert et al. 2015). */
  public Tensor elu(double alpha) {
    return Pointwise.apply(new Pointwise.Elu(alpha), this);
  }

  /** Limits every element to {@code [min, max]}; the gradient is zero outside. */
  public Tensor clamp(double min, double max) {
    return Pointwise.apply(new Pointwise.Clamp(min, max), this);
  }

  /** {@code log Gamma(x)} for positive x; its derivative is the digamma function. */
  public Tensor logGamma() {
    return Pointwise.apply(Pointwise.LOG_GAMMA, this);
  }

  // ---------------------------------------------------------------- reductions

  /** The sum of all elements, 1x1. */
  public Tensor sum() {
    return Reductions.sum(this);
  }

  /** The mean of all elements, 1x1. */
  public Tensor mean() {
    return Reductions.sum(this).mul(1.0 / size());
  }

  /**
   * The Bernoulli log-likelihood of {@code values} (same shape, in [0, 1]) with this tensor as
   * logits, summed over each row: {@code sum_j x_ij l_ij - softplus(l_ij)}, an {@code n x 1}
   * column. The same values and gradients as {@code values.mul(this).sub(softplus()).rowSums()}
   * in one pass with one exponential per element; values are not checked here.
   */
  public Tensor bernoulliLogLikelihoodRows(Tensor values) {
    return SigmoidCrossEntropy.rows(this, values);
  }

  /** The sum of each row: {@code n x 1} (one number per example). */
  public Tensor rowSums() {
    return Reductions.rowSums(this);
  }

  /** The sum of each column: {@code 1 x m}. */
  public Tensor columnSums() {
    return Reductions.columnSums(this);
  }

  /** {@code log sum_j exp(x_ij)} for each row i: {@code n x 1}, computed stably. */
  public Tensor rowLogSumExp() {
    return Reductions.rowLogSumExp(this);
  }

  /**
   * Sums each consecutive group of {@code k} rows: {@code (n/k) x m}. With rows laid out as
   * {@link #repeatRows(int)} makes them, this sums over the k particles of each example.
   */
  public Tensor groupSum(int k) {
    return Reductions.groupSum(this, k);
  }

  /** {@code log sum exp} over each consecutive group of {@code k} rows: {@code (n/k) x m}. */
  public Tensor groupLogSumExp(int k) {
    return Reductions.groupLogSumExp(this, k);
  }

  /** {@code x - rowLogSumExp(x)}: each row normalised to log-probabilities. */
  public Tensor logSoftmax() {
    return sub(rowLogSumExp());
  }

  /** Each row normalised to probabilities. */
  public Tensor softmax() {
    return logSoftmax().exp();
  }

  // ---------------------------------------------------------------- shape

  /** Columns {@code [from, to)}. */
  public Tensor columns(int from, int to) {
    return Shaping.columns(this, from, to);
  }

  /** Rows {@code [from, to)}. */
  public Tensor rows(int from, int to) {
    return Shaping.rows(this, from, to);
  }

  /** Side-by-side concatenation; every part must have the same number of rows. */
  public static Tensor concatColumns(Tensor... parts) {
    return Shaping.concatColumns(parts);
  }

  /** Each row repeated {@code k} times in place: row i becomes rows {@code i*k .. i*k+k-1}. */
  public Tensor repeatRows(int k) {
    return Shaping.repeatRows(this, k);
  }
}
