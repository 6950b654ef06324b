package org.latentj.spark;

import java.util.Map;
import org.latentj.nn.Parameter;
import org.latentj.tensor.DType;

/**
 * Parameters and their gradients as one flat {@code double[]}, in the parameters' order, which
 * is what crosses the wire each step (a float32 parameter widens exactly and narrows back to
 * itself).
 */
final class FlatParameters {

  private FlatParameters() {}

  /** The number of scalars in {@code parameters}. */
  static int size(Map<String, Parameter> parameters) {
    long n = 0;
    for (Parameter p : parameters.values()) {
      n += (long) p.rows() * p.cols();
    }
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("FlatParameters: " + n + " scalars do not fit one array");
    }
    return (int) n;
  }

  /** Every parameter's value, in order. */
  static double[] values(Map<String, Parameter> parameters) {
    double[] out = new double[size(parameters)];
    int at = 0;
    for (Parameter p : parameters.values()) {
      int n = p.rows() * p.cols();
      if (p.dtype() == DType.FLOAT64) {
        System.arraycopy(p.value().data, 0, out, at, n);
      } else {
        float[] f = p.valueF().data;
        for (int i = 0; i < n; i++) {
          out[at + i] = f[i];
        }
      }
      at += n;
    }
    return out;
  }

  /** Sets every parameter (Modified) from {@code flat} (Not modified). */
  static void setValues(Map<String, Parameter> parameters, double[] flat) {
    requireSize(parameters, flat, "values");
    int at = 0;
    for (Parameter p : parameters.values()) {
      int n = p.rows() * p.cols();
      if (p.dtype() == DType.FLOAT64) {
        System.arraycopy(flat, at, p.value().data, 0, n);
      } else {
        float[] f = p.valueF().data;
        for (int i = 0; i < n; i++) {
          f[i] = (float) flat[at + i];
        }
      }
      at += n;
    }
  }

  /** {@code factor} times every parameter's gradient, in order. */
  static double[] gradients(Map<String, Parameter> parameters, double factor) {
    double[] out = new double[size(parameters)];
    int at = 0;
    for (Parameter p : parameters.values()) {
      int n = p.rows() * p.cols();
      if (p.dtype() == DType.FLOAT64) {
        double[] g = p.grad().data;
        for (int i = 0; i < n; i++) {
          out[at + i] = factor * g[i];
        }
      } else {
        float[] g = p.gradF().data;
        for (int i = 0; i < n; i++) {
          out[at + i] = factor * g[i];
        }
      }
      at += n;
    }
    return out;
  }

  /** Sets every parameter's gradient (Modified) to {@code flat} (Not modified). */
  static void setGradients(Map<String, Parameter> parameters, double[] flat) {
    requireSize(parameters, flat, "gradients");
    int at = 0;
    for (Parameter p : parameters.values()) {
      int n = p.rows() * p.cols();
      if (p.dtype() == DType.FLOAT64) {
        System.arraycopy(flat, at, p.grad().data, 0, n);
      } else {
        float[] g = p.gradF().data;
        for (int i = 0; i < n; i++) {
          g[i] = (float) flat[at + i];
        }
      }
      at += n;
    }
  }

  private static void requireSize(Map<String, Parameter> parameters, double[] flat,
      String what) {
    int n = size(parameters);
    if (flat.length != n) {
      throw new IllegalArgumentException("FlatParameters: " + flat.length + " " + what
          + " for " + n + " parameter scalars; the executor's model differs from the driver's");
    }
  }
}
