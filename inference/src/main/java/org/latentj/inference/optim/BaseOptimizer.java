package org.latentj.inference.optim;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.latentj.model.Optimizer;
import org.latentj.nn.Parameter;
import org.latentj.tensor.DType;
import org.latentj.tensor.NonFiniteScan;
import org.latentj.tensor.Tensor;

/**
 * What every optimizer shares: the parameter list in a fixed order, the learning rate and step
 * count, and the registry of per-parameter state buffers with their checkpoint round trip. A
 * subclass allocates its buffers in its constructor with {@link #newStateBuffers} (each buffer
 * in its parameter's dtype) and implements one
 * update in {@link #update}. {@link #state()} gives float32 buffers widened to float64 (exactly);
 * {@link #stateDtype} says which they were, and {@link #loadState} rounds them back.
 */
abstract class BaseOptimizer implements Optimizer {

  /** Key of the step count in {@link #scalarState()}. */
  static final String STEPS = "steps";
  /** Key of the learning rate in {@link #scalarState()}. */
  static final String LEARNING_RATE = "learningRate";

  private final String family;
  private final Parameter[] parameters;
  private final String[] names;
  /** Every state buffer by key, each a DMatrixRMaj or an FMatrixRMaj, in registration order. */
  private final Map<String, Object> buffers = new LinkedHashMap<>();
  private final Set<String> nonNegativeBuffers = new HashSet<>();
  private double learningRate;
  private long steps;

  BaseOptimizer(String family, Map<String, Parameter> parameters, double learningRate) {
    this.family = family;
    if (parameters == null || parameters.isEmpty()) {
      throw new IllegalArgumentException(family + ": no parameters to optimize");
    }
    this.parameters = new Parameter[parameters.size()];
    this.names = new String[parameters.size()];
    Map<Parameter, String> seen = new IdentityHashMap<>();
    int i = 0;
    for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new IllegalArgumentException(family + ": null parameter name or value ("
            + e.getKey() + ")");
      }
      String other = seen.put(e.getValue(), e.getKey());
      if (other != null) {
        // Updating one parameter twice per step would silently double its rate.
        throw new IllegalArgumentException(family + ": parameter '" + e.getKey()
            + "' is the same object as '" + other + "'");
      }
      this.parameters[i] = e.getValue();
      this.names[i] = e.getKey();
      i++;
    }
    setLearningRate(learningRate);
  }

  /**
   * Allocates and registers one buffer per parameter in that parameter's dtype, keyed
   * {@code kind/name}, filled with {@code initial}. With {@code nonNegative}, {@link #loadState}
   * rejects negative entries (running sums or means of squares).
   */
  final StateBuffers newStateBuffers(String kind, double initial, boolean nonNegative) {
    DMatrixRMaj[] d = new DMatrixRMaj[parameters.length];
    FMatrixRMaj[] f = new FMatrixRMaj[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      Object b;
      if (parameters[i].dtype() == DType.FLOAT64) {
        d[i] = new DMatrixRMaj(parameters[i].rows(), parameters[i].cols());
        if (initial != 0) {
          d[i].fill(initial);
        }
        b = d[i];
      } else {
        f[i] = new FMatrixRMaj(parameters[i].rows(), parameters[i].cols());
        if (initial != 0) {
          f[i].fill((float) initial);
        }
        b = f[i];
      }
      String key = kind + "/" + names[i];
      if (buffers.put(key, b) != null) {
        throw new IllegalStateException(family + ": state buffer '" + key + "' registered twice");
      }
      if (nonNegative) {
        nonNegativeBuffers.add(key);
      }
    }
    return new StateBuffers(d, f);
  }

  /** The number of parameters. */
  final int parameterCount() {
    return parameters.length;
  }

  /** Parameter {@code i}, in the order of the map given at construction. */
  final Parameter parameter(int i) {
    return parameters[i];
  }

  /**
   * One update of every parameter. {@code t} is the 1-based number of this step (bias
   * corrections use it); {@code lr} the current learning rate.
   */
  abstract void update(long t, double lr);

  /** The hyperparameters other than the learning rate, as {@code name=value, ...}. */
  abstract String hyperparameters();

  @Override
  public final void step() {
    update(steps + 1, learningRate);
    steps++;
  }

  @Override
  public final void zeroGrad() {
    for (Parameter p : parameters) {
      p.zeroGrad();
    }
  }

  @Override
  public final long steps() {
    return steps;
  }

  @Override
  public final double learningRate() {
    return learningRate;
  }

  @Override
  public final void setLearningRate(double rate) {
    learningRate = Checks.nonNegative(family, "learningRate", rate);
  }

  @Override
  public final Map<String, DMatrixRMaj> state() {
    Map<String, DMatrixRMaj> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : buffers.entrySet()) {
      copy.put(e.getKey(), e.getValue() instanceof DMatrixRMaj d ? d.copy()
          : Tensor.constant((FMatrixRMaj) e.getValue()).to(DType.FLOAT64).value());
    }
    return copy;
  }

  @Override
  public final DType stateDtype(String key) {
    Object b = buffers.get(key);
    if (b == null) {
      throw new IllegalArgumentException(family + ": no state buffer '" + key + "'; this"
          + " optimizer has " + buffers.keySet());
    }
    return b instanceof DMatrixRMaj ? DType.FLOAT64 : DType.FLOAT32;
  }

  @Override
  public final Map<String, Double> scalarState() {
    Map<String, Double> s = new LinkedHashMap<>();
    s.put(STEPS, (double) steps);
    s.put(LEARNING_RATE, learningRate);
    return s;
  }

  @Override
  public final void loadState(Map<String, DMatrixRMaj> loaded, Map<String, Double> scalars) {
    String where = family + ".loadState";
    if (loaded == null || scalars == null) {
      throw new IllegalArgumentException(where + ": buffers and scalars must not be null");
    }
    for (String key : loaded.keySet()) {
      if (!buffers.containsKey(key)) {
        throw new IllegalArgumentException(where + ": unknown buffer '" + key
            + "'; this optimizer has " + buffers.keySet());
      }
    }
    for (Map.Entry<String, Object> e : buffers.entrySet()) {
      checkBuffer(where, e.getKey(), e.getValue(), loaded.get(e.getKey()));
    }
    List<String> expected = List.of(STEPS, LEARNING_RATE);
    for (String key : scalars.keySet()) {
      if (!expected.contains(key)) {
        throw new IllegalArgumentException(where + ": unknown scalar '" + key + "'; expected "
            + expected);
      }
    }
    Double loadedSteps = scalars.get(STEPS);
    if (loadedSteps == null || !(loadedSteps >= 0) || loadedSteps > 0x1p53
        || loadedSteps != Math.rint(loadedSteps)) {
      throw new IllegalArgumentException(where + ": scalar '" + STEPS
          + "' must be a whole number >= 0, got " + loadedSteps);
    }
    Double loadedRate = scalars.get(LEARNING_RATE);
    if (loadedRate == null) {
      throw new IllegalArgumentException(where + ": missing scalar '" + LEARNING_RATE + "'");
    }
    Checks.nonNegative(where, "scalar '" + LEARNING_RATE + "'", loadedRate);

    for (Map.Entry<String, Object> e : buffers.entrySet()) {
      DMatrixRMaj in = loaded.get(e.getKey());
      if (e.getValue() instanceof DMatrixRMaj d) {
        d.setTo(in);
      } else {
        ((FMatrixRMaj) e.getValue()).setTo(Tensor.constant(in, DType.FLOAT32).valueF());
      }
    }
    steps = loadedSteps.longValue();
    learningRate = loadedRate;
  }

  private void checkBuffer(String where, String key, Object buffer, DMatrixRMaj in) {
    org.ejml.data.Matrix own = (org.ejml.data.Matrix) buffer;
    if (in == null) {
      throw new IllegalArgumentException(where + ": missing buffer '" + key + "' (expected "
          + own.getNumRows() + "x" + own.getNumCols() + ")");
    }
    if (in.numRows != own.getNumRows() || in.numCols != own.getNumCols()) {
      throw new IllegalArgumentException(where + ": buffer '" + key + "' is " + in.numRows + "x"
          + in.numCols + ", expected " + own.getNumRows() + "x" + own.getNumCols());
    }
    boolean nonNegative = nonNegativeBuffers.contains(key);
    int n = in.getNumElements();
    for (int i = 0; i < n; i++) {
      double x = in.data[i];
      if (!Double.isFinite(x) || (nonNegative && x < 0)) {
        throw new IllegalArgumentException(where + ": buffer '" + key + "' holds "
            + NonFiniteScan.at(x, i, in.numCols)
            + (nonNegative ? "; entries must be finite and >= 0" : "; entries must be finite"));
      }
    }
  }

  @Override
  public final String toString() {
    long values = 0;
    for (Parameter p : parameters) {
      values += (long) p.rows() * p.cols();
    }
    String h = hyperparameters();
    return family + "{learningRate=" + learningRate + (h.isEmpty() ? "" : ", " + h)
        + ", parameters=" + parameters.length + " (" + values + " values), steps=" + steps + "}";
  }
}
