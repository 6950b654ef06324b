package org.latentj.distributions;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Distribution;
import org.latentj.tensor.Tensor;

/**
 * One family with one set of parameter values, as {@link DistributionContractTest} sees it: how
 * to build it from parameter tensors, and independent references (Commons Math, direct formulas
 * in double, numerical integration) to hold it to. Parameters are {@code n x d}, or {@code 1 x d}
 * rows shared by the batch; reference methods read them with {@link #at}.
 */
abstract class DistributionFixture {

  /** An invalid parameter set and the argument name its error must mention. */
  record Invalid(String description, String argument, DMatrixRMaj[] parameters) {}

  private final String name;
  private final String family;
  private final int rows;
  private final int cols;
  private final DMatrixRMaj[] parameters;

  /** Batch shape from the parameters: the most rows any has, and their common columns. */
  DistributionFixture(String name, String family, DMatrixRMaj... parameters) {
    this(name, family, maxRows(parameters), parameters[0].numCols, parameters);
  }

  DistributionFixture(String name, String family, int rows, int cols, DMatrixRMaj... parameters) {
    this.name = name;
    this.family = family;
    this.rows = rows;
    this.cols = cols;
    this.parameters = parameters;
  }

  /** The family built from parameter tensors, in the order of {@link #parameters()}. */
  abstract Distribution build(Tensor... params);

  /** The same kind of fixture with other parameter values (same shapes). */
  abstract DistributionFixture with(DMatrixRMaj... params);

  /** log density (or log mass) of element (row, col) at {@code x}, in plain double arithmetic. */
  abstract double referenceLogDensity(int row, int col, double x);

  abstract double referenceMean(int row, int col);

  abstract double referenceVariance(int row, int col);

  /** The p-value of a goodness-of-fit test of {@code draws} against element (row, col). */
  abstract double goodnessOfFit(int row, int col, double[] draws);

  /** A {@code rows x cols} matrix of points inside the support, spread where the mass is. */
  abstract DMatrixRMaj supportPoints(UniformRandomProvider rng);

  /** A value outside the support, which validation must reject. */
  abstract double outsideSupport();

  /** Parameter sets of the same shapes at the edge of what is representable. */
  abstract List<DMatrixRMaj[]> extremeParameters();

  /** Parameter sets the factory must reject. */
  abstract List<Invalid> invalidParameters();

  /** Whether values are real-valued, so logProb is differentiable in the value. */
  boolean continuous() {
    return true;
  }

  final String name() {
    return name;
  }

  /** The family's name as its error messages spell it. */
  final String family() {
    return family;
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

  /** Parameter {@code index} at (row, col), reading a shared row for every row. */
  final double at(int index, int row, int col) {
    DMatrixRMaj p = parameters[index];
    return p.get(p.numRows == 1 ? 0 : row, col);
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
