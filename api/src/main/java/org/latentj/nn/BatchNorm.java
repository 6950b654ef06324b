package org.latentj.nn;

import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.DType;
import org.latentj.tensor.GradMode;
import org.latentj.tensor.Tensor;

/**
 * Batch normalization (Ioffe &amp; Szegedy 2015) of features, or of image channels
 * ({@link #forImages}): {@code y = gamma (x - mean) / sqrt(var + eps) + beta} per channel, with a
 * learned {@code gamma} (parameter {@code weight}, starting at 1) and {@code beta} ({@code bias},
 * at 0).
 *
 * <p>In training mode it normalizes by the minibatch's statistics (mean and biased variance over
 * the rows, and over the pixels of a channel for images) and updates the running statistics,
 * buffers {@code runningMean} and {@code runningVariance}:
 * {@code running = (1 - momentum) running + momentum batch}, the variance unbiased
 * ({@code m / (m - 1)}), as PyTorch does. In evaluation mode it normalizes by the running
 * statistics, so each row's output depends on that row alone ({@link #rowWise()}). Checkpoints
 * keep the running statistics (they are {@link #buffers()}).
 */
public final class BatchNorm extends Layer {

  /** PyTorch's defaults. */
  public static final double DEFAULT_MOMENTUM = 0.1;
  public static final double DEFAULT_EPS = 1e-5;

  private final int channels;
  private final int positions;
  private final double momentum;
  private final double eps;
  private final Parameter weight;
  private final Parameter bias;
  private final Parameter runningMean;
  private final Parameter runningVariance;

  /** Over {@code features} columns, momentum 0.1, eps 1e-5, float64. */
  public BatchNorm(int features) {
    this(features, 1, DEFAULT_MOMENTUM, DEFAULT_EPS, DType.FLOAT64);
  }

  /** One statistic per channel of {@code image} rows, over the rows and the channel's pixels. */
  public static BatchNorm forImages(ImageShape image) {
    return new BatchNorm(image.channels(), image.pixels(), DEFAULT_MOMENTUM, DEFAULT_EPS,
        DType.FLOAT64);
  }

  /**
   * @param channels statistics kept (features, or image channels)
   * @param positions consecutive columns per channel (1 for features, pixels for images)
   * @param momentum weight of each minibatch in the running statistics, in (0, 1]
   * @param eps added to the variance, positive
   * @throws IllegalArgumentException for a size below 1, momentum outside (0, 1] or eps not
   *     positive
   */
  public BatchNorm(int channels, int positions, double momentum, double eps, DType dtype) {
    if (channels < 1 || positions < 1) {
      throw new IllegalArgumentException("BatchNorm: channels and positions must be positive,"
          + " got " + channels + " and " + positions);
    }
    if (!(momentum > 0 && momentum <= 1) || !(eps > 0) || Double.isInfinite(eps)) {
      throw new IllegalArgumentException("BatchNorm: momentum must be in (0, 1] and eps positive,"
          + " got momentum " + momentum + ", eps " + eps);
    }
    this.channels = channels;
    this.positions = positions;
    this.momentum = momentum;
    this.eps = eps;
    this.weight = register(Parameter.of("weight", filled(channels, 1), dtype));
    this.bias = register(Parameter.of("bias", new DMatrixRMaj(1, channels), dtype));
    this.runningMean = registerBuffer(Parameter.of("runningMean", new DMatrixRMaj(1, channels),
        dtype));
    this.runningVariance = registerBuffer(Parameter.of("runningVariance", filled(channels, 1),
        dtype));
  }

  /**
   * Normalizes {@code x} by the batch statistics (training mode; updates the running ones) or
   * by the running statistics (evaluation mode).
   *
   * @throws IllegalArgumentException naming this layer when {@code x} does not have
   *     {@code channels * positions} columns, or when training on a single value per channel
   */
  @Override
  public Tensor forward(Tensor x) {
    Shapes.requireColumns(this, channels * positions, x);
    if (!isTraining()) {
      return Tensor.apply(BatchNormOp.fixed(channels, positions, eps, values(runningMean),
          values(runningVariance)), x, weight.tensor(), bias.tensor());
    }
    long m = (long) x.rows() * positions;
    if (m < 2) {
      throw new IllegalArgumentException(this + ": training mode needs at least 2 values per"
          + " channel to estimate a variance, got " + x.shape()
          + " (use a larger minibatch, or evaluation mode)");
    }
    double[] mean = new double[channels];
    double[] variance = new double[channels];
    Tensor y = Tensor.apply(BatchNormOp.batch(channels, positions, eps, mean, variance), x,
        weight.tensor(), bias.tensor());
    double[] rm = values(runningMean);
    double[] rv = values(runningVariance);
    for (int c = 0; c < channels; c++) {
      rm[c] = (1 - momentum) * rm[c] + momentum * mean[c];
      rv[c] = (1 - momentum) * rv[c] + momentum * variance[c] * m / (m - 1);
    }
    store(runningMean, rm);
    store(runningVariance, rv);
    return y;
  }

  /** Row-wise in evaluation mode only: training couples the rows through batch statistics. */
  @Override
  public boolean rowWise() {
    return !isTraining();
  }

  public Parameter weight() {
    return weight;
  }

  public Parameter bias() {
    return bias;
  }

  public Parameter runningMean() {
    return runningMean;
  }

  public Parameter runningVariance() {
    return runningVariance;
  }

  /** A buffer's values as float64, a copy. */
  private static double[] values(Parameter p) {
    try (GradMode.Scope off = GradMode.disable()) {
      return p.tensor().to(DType.FLOAT64).value().data.clone();
    }
  }

  private static void store(Parameter p, double[] v) {
    if (p.dtype() == DType.FLOAT64) {
      System.arraycopy(v, 0, p.value().data, 0, v.length);
    } else {
      float[] f = p.valueF().data;
      for (int i = 0; i < v.length; i++) {
        f[i] = (float) v[i];
      }
    }
  }

  private static DMatrixRMaj filled(int n, double value) {
    DMatrixRMaj m = new DMatrixRMaj(1, n);
    m.fill(value);
    return m;
  }

  @Override
  public String toString() {
    return "BatchNorm(" + channels + (positions > 1 ? " channels x " + positions + " pixels" : "")
        + ", momentum " + momentum + ", eps " + eps + ")";
  }
}
