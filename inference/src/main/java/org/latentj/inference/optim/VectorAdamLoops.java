package org.latentj.inference.optim;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link AdamKernel.Loops} on the Vector API: the scalar loop's operations lane by lane, in the
 * same order and with no fused multiply-add, so the result is the same to the bit (float32 lanes
 * are widened to as many float64 lanes and rounded back, as the scalar loop does one by one);
 * the leftover elements go through the scalar loop. Loaded only when the JVM has the module
 * ({@link org.latentj.tensor.VectorApi}).
 */
final class VectorAdamLoops implements AdamKernel.Loops {

  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  /** As many float lanes as {@link #D} has double lanes. */
  private static final VectorSpecies<Float> F =
      VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
  private static final int L = D.length();

  VectorAdamLoops() {}

  @Override
  public void update(double[] p, double[] grad, double[] m, double[] v, int from, int to,
      AdamKernel.Coefficients c) {
    int i = from;
    for (int upper = to - L; i <= upper; i += L) {
      DoubleVector pi = DoubleVector.fromArray(D, p, i).mul(c.shrink());
      DoubleVector g = DoubleVector.fromArray(D, grad, i).add(pi.mul(c.l2()));
      DoubleVector mi = DoubleVector.fromArray(D, m, i).mul(c.beta1()).add(g.mul(c.blend1()));
      DoubleVector vi =
          DoubleVector.fromArray(D, v, i).mul(c.beta2()).add(g.mul(c.blend2()).mul(g));
      mi.intoArray(m, i);
      vi.intoArray(v, i);
      step(pi, mi, vi, c).intoArray(p, i);
    }
    AdamKernel.Loops.SCALAR.update(p, grad, m, v, i, to, c);
  }

  @Override
  public void update(float[] p, float[] grad, float[] m, float[] v, int from, int to,
      AdamKernel.Coefficients c) {
    int i = from;
    for (int upper = to - L; i <= upper; i += L) {
      DoubleVector pi = wide(p, i).mul(c.shrink());
      DoubleVector g = wide(grad, i).add(pi.mul(c.l2()));
      DoubleVector mi = wide(m, i).mul(c.beta1()).add(g.mul(c.blend1()));
      DoubleVector vi = wide(v, i).mul(c.beta2()).add(g.mul(c.blend2()).mul(g));
      narrow(mi).intoArray(m, i);
      narrow(vi).intoArray(v, i);
      narrow(step(pi, mi, vi, c)).intoArray(p, i);
    }
    AdamKernel.Loops.SCALAR.update(p, grad, m, v, i, to, c);
  }

  /** {@code pi - stepSize * mi / (sqrt(vi) / correction2Sqrt + eps)}, in that order. */
  private static DoubleVector step(DoubleVector pi, DoubleVector mi, DoubleVector vi,
      AdamKernel.Coefficients c) {
    return pi.sub(mi.mul(c.stepSize())
        .div(vi.lanewise(VectorOperators.SQRT).div(c.correction2Sqrt()).add(c.eps())));
  }

  private static DoubleVector wide(float[] a, int i) {
    return (DoubleVector) FloatVector.fromArray(F, a, i).convertShape(VectorOperators.F2D, D, 0);
  }

  private static FloatVector narrow(DoubleVector x) {
    return (FloatVector) x.convertShape(VectorOperators.D2F, F, 0);
  }
}
