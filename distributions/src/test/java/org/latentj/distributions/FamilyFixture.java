package org.latentj.distributions;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Distribution;
import org.latentj.tensor.Tensor;

/**
 * One family with one set of parameter values, as {@link FamilyContractTest} sees it: how to
 * build it from parameter tensors, what it can do (capability flags that decide which checks
 * apply), and independent references (Commons Math, direct formulas in double, numerical
 * integration) to hold it to. Parameters are {@code n x d}, or {@code 1 x d} rows shared by the
 * batch; reference methods read them with {@link #at}.
 */
abstract class FamilyFixture {

  /**
   * A parameter set the factory must reject, the argument its error must name, and whether the
   * fault is a shape (checked even with validation off) or a value (checked only with it on).
   */
  record Invalid(String description, String argument, boolean shape, DMatrixRMaj[] parameters) {

    static Invalid value(String description, String argument, DMatrixRMaj... parameters) {
      return new Invalid(description, argument, false, parameters);
    }

    static Invalid shape(String description, String argument, DMatrixRMaj... parameters) {
      return new Invalid(description, argument, true, parameters);
    }
  }

  private final String name;
  private final String family;
  private final String[] parameterNames;
  private final int rows;
  private final int cols;
  private final DMatrixRMaj[] parameters;

  /** Batch shape from the parameters: the most rows any has, and the first one's columns. */
  FamilyFixture(String name, String family, String[] parameterNames, DMatrixRMaj... parameters) {
    this(name, family, maxRows(parameters), parameters[0].numCols, parameterNames, parameters);
  }

  FamilyFixture(String name, String family, int rows, int cols, String[] parameterNames,
      DMatrixRMaj... parameters) {
    this.name = name;
    this.family = family;
    this.rows = rows;
    this.cols = cols;
    this.parameterNames = parameterNames;
    this.parameters = parameters;
  }

  // ------------------------------------------------------------------------------ the family

  /** The family built from parameter tensors, in the order of {@link #parameters()}. */
  abstract Distribution build(Tensor... params);

  /** The same kind of fixture with other parameter values (same roles, maybe other shapes). */
  abstract FamilyFixture with(DMatrixRMaj... params);

  // ------------------------------------------------------------------------ capabilities

  /** Whether values are real-valued, so {@code logProb} is differentiable in the value. */
  boolean continuous() {
    return true;
  }

  /** Whether {@code mean()} and {@code variance()} exist in closed form (else they throw). */
  boolean closedFormMoments() {
    return true;
  }

  /** Whether the mean and variance are finite at this fixture's parameters. */
  boolean finiteMoments() {
    return closedFormMoments();
  }

  /** Whether {@code entropy()} exists in closed form (else it throws). */
  boolean closedFormEntropy() {
    return true;
  }

  /** Indices of the parameters that {@code rsample} is differentiable in; default all. */
  int[] rsampleParameters() {
    return IntStream.range(0, parameters.length).toArray();
  }

  // ------------------------------------------------------------------------------ values

  /** Free coordinates of a random valid value, spread where the mass is. */
  abstract DMatrixRMaj freePoints(UniformRandomProvider rng);

  /** The value that free coordinates stand for: the identity except on the simplex. */
  Tensor toValue(Tensor free) {
    return free;
  }

  /** A {@code rows x cols} matrix of points inside the support. */
  final DMatrixRMaj supportPoints(UniformRandomProvider rng) {
    return toValue(Tensor.constant(freePoints(rng))).value().copy();
  }

  /** A fixed point inside the support for every parameter set, extremes included. */
  DMatrixRMaj middlePoints() {
    return Fixtures.filled(rows, cols, 0.5);
  }

  /** A value outside the support, which validation must reject. */
  abstract double outsideSupport();

  // -------------------------------------------------------------------------- references

  /** {@code log p} of one row of a value, summed over the event, computed independently. */
  abstract double referenceLogProb(int row, double[] value);

  /** The relative accuracy {@link #referenceLogProb} is held to. */
  double logProbTolerance() {
    return 1e-10;
  }

  /** The mean of element (row, col); only called where {@link #closedFormMoments()}. */
  double referenceMean(int row, int col) {
    throw new UnsupportedOperationException(name + " has no reference mean");
  }

  /** The variance of element (row, col); only called where {@link #closedFormMoments()}. */
  double referenceVariance(int row, int col) {
    throw new UnsupportedOperationException(name + " has no reference variance");
  }

  /** The relative tolerance of finite-difference gradient checks. */
  double gradientTolerance() {
    return 1e-6;
  }

  // ---------------------------------------------------------------------------- sampling

  /**
   * The fixture the statistical checks draw from: this one, or for large batches one of fewer
   * rows (or, where the moments here are undefined, other parameters), to keep the suite fast.
   */
  FamilyFixture sampling() {
    return this;
  }

  /**
   * The family with each row of the batch repeated {@code k} times (row i becomes rows
   * {@code i*k .. i*k+k-1}); shared {@code 1 x d} rows stay shared.
   */
  Distribution repeated(int k) {
    DMatrixRMaj[] p = parameters();
    Tensor[] t = new Tensor[p.length];
    for (int i = 0; i < p.length; i++) {
      Tensor c = Tensor.constant(p[i]);
      t[i] = p[i].numRows == 1 && rows > 1 ? c : c.repeatRows(k);
    }
    return build(t);
  }

  /**
   * The p-values of this fixture's goodness-of-fit tests of {@code draws} ({@code N x cols}),
   * all drawn from row {@code row}; each must exceed {@link MomentAndFitChecks#MIN_P_VALUE}.
   */
  abstract double[] goodnessOfFit(int row, DMatrixRMaj draws);

  // --------------------------------------------------------------------- edges and errors

  /** Parameter sets of the same roles at the edge of what is representable. */
  abstract List<DMatrixRMaj[]> extremeParameters();

  /** Parameter sets the factory must reject. */
  abstract List<Invalid> invalidParameters();

  // ----------------------------------------------------------------------------- accessors

  final String name() {
    return name;
  }

  /** The family's name as its error messages spell it. */
  final String family() {
    return family;
  }

  /** The name of parameter {@code i} as error messages spell it. */
  final String parameterName(int i) {
    return parameterNames[i];
  }

  final int rows() {
    return rows;
  }

  final int cols() {
    return cols;
  }

  /** Copies of the parameter values. */
  final DMatrixRMaj[] parameters() {
    DMatrixRMaj[] copy = new DMatrixRMaj[parameters.length];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = parameters[i].copy();
    }
    return copy;
  }

  /** The family with constant parameters. */
  final Distribution build() {
    return build(constants(parameters()));
  }

  /** Parameter {@code index} at (row, col), reading a shared row for every row. */
  final double at(int index, int row, int col) {
    DMatrixRMaj p = parameters[index];
    return p.get(p.numRows == 1 ? 0 : row, col);
  }

  /** Row 0 of every parameter, as {@code 1 x ?} matrices (a shared row as it is). */
  final DMatrixRMaj[] firstRows() {
    DMatrixRMaj[] p = parameters();
    for (int i = 0; i < p.length; i++) {
      p[i] = References.rowMatrix(p[i], 0);
    }
    return p;
  }

  static Tensor[] constants(DMatrixRMaj... values) {
    Tensor[] t = new Tensor[values.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = Tensor.constant(values[i]);
    }
    return t;
  }

  static Tensor[] variables(DMatrixRMaj... values) {
    Tensor[] t = new Tensor[values.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = Tensor.variable(values[i].copy());
    }
    return t;
  }

  private static int maxRows(DMatrixRMaj[] parameters) {
    int r = 1;
    for (DMatrixRMaj p : parameters) {
      r = Math.max(r, p.numRows);
    }
    return r;
  }

  @Override
  public String toString() {
    return name;
  }
}
