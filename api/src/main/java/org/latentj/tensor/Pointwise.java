package org.latentj.tensor;

import org.apache.commons.math3.special.Gamma;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * Elementwise functions, each with its derivative beside it, in float64 and in float32.
 *
 * <p>Each function writes its own loops (rather than calling a per-element lambda) so the JIT
 * sees one receiver per loop and can inline and vectorise it. {@code backward} accumulates
 * {@code gx += gy * f'(x)}, given both the input {@code x} and the output {@code y}, whichever is
 * cheaper (tinygrad's {@code Exp} keeps its output; {@code Mul} its inputs).
 *
 * <p>The float32 loops read and write {@code float[]} directly: arithmetic runs in float (twice
 * the SIMD lanes of double), while a transcendental ({@code exp}, {@code log}, ...) is the
 * float64 {@link Math} function of the widened element, rounded once, since Java has no float
 * versions; so a float32 value is the float64 one rounded, or within an ulp or two of it.
 */
abstract class Pointwise {

  final String name;

  Pointwise(String name) {
    this.name = name;
  }

  /** {@code y[i] = f(x[i])} for {@code i < n}. */
  abstract void forward(double[] x, double[] y, int n);

  /** {@code gx[i] += gy[i] * f'(x[i])} for {@code i < n}. */
  abstract void backward(double[] x, double[] y, double[] gy, double[] gx, int n);

  /** {@code y[i] = f(x[i])} for {@code i < n}, in float32. */
  abstract void forward(float[] x, float[] y, int n);

  /** {@code gx[i] += gy[i] * f'(x[i])} for {@code i < n}, in float32. */
  abstract void backward(float[] x, float[] y, float[] gy, float[] gx, int n);

  static Tensor apply(Pointwise f, Tensor a) {
    int n = a.size();
    if (a.isFloat32()) {
      float[] x = a.valueF().data;
      FMatrixRMaj out = Workspace.floats(a.rows(), a.cols());
      f.forward(x, out.data, n);
      return Tensor.result(f.name, out,
          g -> f.backward(x, out.data, g.data, a.gradBufferF().data, n), a);
    }
    DMatrixRMaj out = Workspace.doubles(a.rows(), a.cols());
    f.forward(a.value().data, out.data, n);
    return Tensor.result(f.name, out,
        g -> f.backward(a.value().data, out.data, g.data, a.gradBuffer().data, n), a);
  }

  // ---------------------------------------------------------------- stable scalar helpers

  /** {@code log(1 + e^x)} without overflow: {@code max(x, 0) + log1p(e^-|x|)}. */
  static double softplus(double x) {
    return Math.max(x, 0.0) + log1pUnit(Math.exp(-Math.abs(x)));
  }

  /**
   * {@code log(1 + e)} for {@code 0 <= e <= 1}, without {@link Math#log1p}, which on JDK 17 is a
   * native call per element and dominated the Bernoulli likelihood's cost. Below {@code 2^-29}
   * it returns what fdlibm's {@code log1p} returns there ({@code e - e^2/2}, or {@code e} below
   * {@code 2^-54}), so it equals {@code Math.log1p}; above, Goldberg's
   * {@code log(u) e / (u - 1)} with {@code u = 1 + e} ("What every computer scientist should
   * know about floating-point arithmetic", 1991, theorem 4), within a few ulps, on the
   * intrinsic {@link Math#log}.
   */
  static double log1pUnit(double e) {
    if (e < 0x1p-29) {
      return e < 0x1p-54 ? e : e - e * e * 0.5;
    }
    double u = 1.0 + e;
    return Math.log(u) * (e / (u - 1.0));
  }

  /** {@code 1 / (1 + e^-x)} without overflow for either sign. */
  static double sigmoid(double x) {
    if (x >= 0) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1.0 + e);
  }

  // ---------------------------------------------------------------- functions

  static final Pointwise NEG = new Pointwise("neg") {
    @Override
    void forward(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = -x[i];
    }

    @Override
    void backward(double[] x, double[] y, double[] gy, double[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] -= gy[i];
    }

    @Override
    void forward(float[] x, float[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = -x[i];
    }

    @Override
    void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] -= gy[i];
    }
  };

  static final Pointwise EXP = new Pointwise("exp") {
    @Override
    void forward(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = Math.exp(x[i]);
    }

    @Override
    void backward(double[] x, double[] y, double[] gy, double[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i] * y[i];
    }

    @Override
    void forward(float[] x, float[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = (float) Math.exp(x[i]);
    }

    @Override
    void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i] * y[i];
    }
  };

  static final Pointwise LOG = new Pointwise("log") {
    @Override
    void forward(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = Math.log(x[i]);
    }

    @Override
    void backward(double[] x, double[] y, double[] gy, double[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i] / x[i];
    }

    @Override
    void forward(float[] x, float[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = (float) Math.log(x[i]);
    }

    @Override
    void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i] / x[i];
    }
  };

  static final Pointwise LOG1P = new Pointwise("log1p") {
    @Override
    void forward(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = Math.log1p(x[i]);
    }

    @Override
    void backward(double[] x, double[] y, double[] gy, double[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i] / (1.0 + x[i]);
    }

    @Override
    void forward(float[] x, float[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = (float) Math.log1p(x[i]);
    }

    @Override
    void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i] / (1.0f + x[i]);
    }
  };

  static final Pointwise SQUARE = new Pointwise("square") {
    @Override
    void forward(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = x[i] * x[i];
    }

    @Override
    void backward(double[] x, double[] y, double[] gy, double[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += 2.0 * gy[i] * x[i];
    }

    @Override
    void forward(float[] x, float[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = x[i] * x[i];
    }

    @Override
    void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += 2.0f * gy[i] * x[i];
    }
  };

  static final Pointwise SQRT = new Pointwise("sqrt") {
    @Override
    void forward(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = Math.sqrt(x[i]);
    }

    @Override
    void backward(double[] x, double[] y, double[] gy, double[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += 0.5 * gy[i] / y[i];
    }

    @Override
    void forward(float[] x, float[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = (float) Math.sqrt(x[i]);
    }

    @Override
    void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += 0.5f * gy[i] / y[i];
    }
  };

  static final Pointwise ABS = new Pointwise("abs") {
    @Override
    void forward(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = Math.abs(x[i]);
    }

    @Override
    void backward(double[] x, double[] y, double[] gy, double[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i] * Math.signum(x[i]);
    }

    @Override
    void forward(float[] x, float[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = Math.abs(x[i]);
    }

    @Override
    void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i] * Math.signum(x[i]);
    }
  };

  static final Pointwise SIGMOID = new Pointwise("sigmoid") {
    @Override
    void forward(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = sigmoid(x[i]);
    }

    @Override
    void backward(double[] x, double[] y, double[] gy, double[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i] * y[i] * (1.0 - y[i]);
    }

    @Override
    void forward(float[] x, float[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = (float) sigmoid(x[i]);
    }

    @Override
    void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i] * y[i] * (1.0f - y[i]);
    }
  };

  /** {@code log sigmoid(x) = -softplus(-x)}; derivative {@code sigmoid(-x)}. */
  static final Pointwise LOG_SIGMOID = new Pointwise("logSigmoid") {
    @Override
    void forward(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = -softplus(-x[i]);
    }

    @Override
    void backward(double[] x, double[] y, double[] gy, double[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i] * sigmoid(-x[i]);
    }

    @Override
    void forward(float[] x, float[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = (float) -softplus(-x[i]);
    }

    @Override
    void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i] * (float) sigmoid(-x[i]);
    }
  };

  /** {@code softplus(x) = log(1 + e^x)}; derivative {@code sigmoid(x)}. */
  static final Pointwise SOFTPLUS = new Pointwise("softplus") {
    @Override
    void forward(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = softplus(x[i]);
    }

    @Override
    void backward(double[] x, double[] y, double[] gy, double[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i] * sigmoid(x[i]);
    }

    @Override
    void forward(float[] x, float[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = (float) softplus(x[i]);
    }

    @Override
    void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i] * (float) sigmoid(x[i]);
    }
  };

  static final Pointwise TANH = new Pointwise("tanh") {
    @Override
    void forward(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = Math.tanh(x[i]);
    }

    @Override
    void backward(double[] x, double[] y, double[] gy, double[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i] * (1.0 - y[i] * y[i]);
    }

    @Override
    void forward(float[] x, float[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = (float) Math.tanh(x[i]);
    }

    @Override
    void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i] * (1.0f - y[i] * y[i]);
    }
  };

  static final Pointwise RELU = new Pointwise("relu") {
    @Override
    void forward(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = Math.max(x[i], 0.0);
    }

    @Override
    void backward(double[] x, double[] y, double[] gy, double[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += x[i] > 0 ? gy[i] : 0.0;
    }

    @Override
    void forward(float[] x, float[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = Math.max(x[i], 0.0f);
    }

    @Override
    void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += x[i] > 0 ? gy[i] : 0.0f;
    }
  };

  /** {@code log Gamma(x)} from Commons Math; derivative digamma(x). */
  static final Pointwise LOG_GAMMA = new Pointwise("logGamma") {
    @Override
    void forward(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = Gamma.logGamma(x[i]);
    }

    @Override
    void backward(double[] x, double[] y, double[] gy, double[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i] * Gamma.digamma(x[i]);
    }

    @Override
    void forward(float[] x, float[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = (float) Gamma.logGamma(x[i]);
    }

    @Override
    void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i] * (float) Gamma.digamma(x[i]);
    }
  };

  static final class LeakyRelu extends Pointwise {
    private final double slope;

    LeakyRelu(double slope) {
      super("leakyRelu");
      this.slope = slope;
    }

    @Override
    void forward(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = x[i] > 0 ? x[i] : slope * x[i];
    }

    @Override
    void backward(double[] x, double[] y, double[] gy, double[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += x[i] > 0 ? gy[i] : slope * gy[i];
    }

    @Override
    void forward(float[] x, float[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = x[i] > 0 ? x[i] : (float) (slope * x[i]);
    }

    @Override
    void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += x[i] > 0 ? gy[i] : (float) (slope * gy[i]);
    }
  }

  static final class Elu extends Pointwise {
    private final double alpha;

    Elu(double alpha) {
      super("elu");
      this.alpha = alpha;
    }

    @Override
    void forward(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = x[i] > 0 ? x[i] : alpha * Math.expm1(x[i]);
    }

    @Override
    void backward(double[] x, double[] y, double[] gy, double[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += x[i] > 0 ? gy[i] : gy[i] * (y[i] + alpha);
    }

    @Override
    void forward(float[] x, float[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = x[i] > 0 ? x[i] : (float) (alpha * Math.expm1(x[i]));
    }

    @Override
    void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
      for (int i = 0; i < n; i++) {
        gx[i] += x[i] > 0 ? gy[i] : (float) (gy[i] * ((double) y[i] + alpha));
      }
    }
  }

  static final class Clamp extends Pointwise {
    private final double min;
    private final double max;

    Clamp(double min, double max) {
      super("clamp");
      if (!(min <= max)) {
        throw new IllegalArgumentException("clamp: min " + min + " must not exceed max " + max);
      }
      this.min = min;
      this.max = max;
    }

    @Override
    void forward(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = Math.min(Math.max(x[i], min), max);
    }

    @Override
    void backward(double[] x, double[] y, double[] gy, double[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += (x[i] >= min && x[i] <= max) ? gy[i] : 0.0;
    }

    @Override
    void forward(float[] x, float[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = (float) Math.min(Math.max(x[i], min), max);
    }

    @Override
    void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += (x[i] >= min && x[i] <= max) ? gy[i] : 0.0f;
    }
  }

  static final class Power extends Pointwise {
    private final double p;

    Power(double p) {
      super("pow");
      this.p = p;
    }

    @Override
    void forward(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = Math.pow(x[i], p);
    }

    @Override
    void backward(double[] x, double[] y, double[] gy, double[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i] * p * Math.pow(x[i], p - 1.0);
    }

    @Override
    void forward(float[] x, float[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = (float) Math.pow(x[i], p);
    }

    @Override
    void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += (float) (gy[i] * p * Math.pow(x[i], p - 1.0));
    }
  }

  /** {@code c / x}. */
  static final class Reciprocal extends Pointwise {
    private final double c;

    Reciprocal(double c) {
      super("rdiv");
      this.c = c;
    }

    @Override
    void forward(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = c / x[i];
    }

    @Override
    void backward(double[] x, double[] y, double[] gy, double[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] -= gy[i] * y[i] / x[i];
    }

    @Override
    void forward(float[] x, float[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = (float) (c / x[i]);
    }

    @Override
    void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] -= gy[i] * y[i] / x[i];
    }
  }
  /** {@code x + c}: {@code addScalar}. */
  static final class AddConstant extends Pointwise {
    private final double c;

    AddConstant(double c) {
      super("addScalar");
      this.c = c;
    }

    @Override
    void forward(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = x[i] + c;
    }

    @Override
    void backward(double[] x, double[] y, double[] gy, double[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i];
    }

    @Override
    void forward(float[] x, float[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = (float) (x[i] + c);
    }

    @Override
    void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i];
    }
  }

  /** {@code x * c}: {@code mulScalar}. */
  static final class MulConstant extends Pointwise {
    private final double c;

    MulConstant(double c) {
      super("mulScalar");
      this.c = c;
    }

    @Override
    void forward(double[] x, double[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = x[i] * c;
    }

    @Override
    void backward(double[] x, double[] y, double[] gy, double[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += gy[i] * c;
    }

    @Override
    void forward(float[] x, float[] y, int n) {
      for (int i = 0; i < n; i++) y[i] = (float) (x[i] * c);
    }

    @Override
    void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
      for (int i = 0; i < n; i++) gx[i] += (float) (gy[i] * c);
    }
  }
}
