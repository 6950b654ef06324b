package org.latentj.nn;

import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.DifferentiableOp;
import org.latentj.tensor.OpContext;

/**
 * The index-moving ops a convolution is built from, so that its arithmetic is one matrix product
 * through {@link org.latentj.tensor.Tensor#matmul} (and whatever kernel, e.g. OpenBLAS, runs
 * it). Each is linear, and each one's backward is its adjoint:
 *
 * <ul>
 *   <li>{@link #im2col}: {@code n x (C*H*W)} images to {@code (n*P) x K} patches (backward:
 *       col2im);
 *   <li>{@link #col2im}: {@code (n*P) x K} patches summed onto {@code n x (C*H*W)} images
 *       (backward: im2col);
 *   <li>{@link #channelsFirst}: {@code (n*P) x C}, a row per position, to {@code n x (C*P)}, a
 *       row per example (backward: {@link #channelsLast});
 *   <li>{@link #channelBias}: adds {@code b[c]} to every pixel of channel {@code c}.
 * </ul>
 */
final class ConvOps {

  private ConvOps() {}

  static DifferentiableOp im2col(ConvGeometry g) {
    return new DifferentiableOp() {
      @Override
      public String name() {
        return "im2col";
      }

      @Override
      public DMatrixRMaj forward(OpContext ctx, DMatrixRMaj... in) {
        return im2colOf(g, in[0]);
      }

      @Override
      public void backward(OpContext ctx, DMatrixRMaj gradOut, DMatrixRMaj... grads) {
        if (grads[0] != null) {
          col2imAddInto(g, gradOut, grads[0]);
        }
      }
    };
  }

  static DifferentiableOp col2im(ConvGeometry g) {
    return new DifferentiableOp() {
      @Override
      public String name() {
        return "col2im";
      }

      @Override
      public DMatrixRMaj forward(OpContext ctx, DMatrixRMaj... in) {
        int n = in[0].numRows / g.positions();
        DMatrixRMaj images = new DMatrixRMaj(n, g.input.size());
        col2imAddInto(g, in[0], images);
        return images;
      }

      @Override
      public void backward(OpContext ctx, DMatrixRMaj gradOut, DMatrixRMaj... grads) {
        if (grads[0] == null) {
          return;
        }
        DMatrixRMaj patches = im2colOf(g, gradOut);
        double[] gp = grads[0].data;
        for (int i = 0; i < gp.length; i++) {
          gp[i] += patches.data[i];
        }
      }
    };
  }

  private static DMatrixRMaj im2colOf(ConvGeometry g, DMatrixRMaj images) {
    int p = g.positions();
    int k = g.taps();
    int size = g.input.size();
    DMatrixRMaj patches = new DMatrixRMaj(images.numRows * p, k);
    for (int i = 0; i < images.numRows; i++) {
      g.im2col(images.data, i * size, patches.data, i * p * k);
    }
    return patches;
  }

  private static void col2imAddInto(ConvGeometry g, DMatrixRMaj patches, DMatrixRMaj images) {
    int p = g.positions();
    int k = g.taps();
    int size = g.input.size();
    for (int i = 0; i < images.numRows; i++) {
      g.col2imAdd(patches.data, i * p * k, images.data, i * size);
    }
  }

  /** {@code (n*P) x C} to {@code n x (C*P)}: {@code out[i, c*P + p] = in[i*P + p, c]}. */
  static DifferentiableOp channelsFirst(int positions, int channels) {
    return permutation("channelsFirst", positions, channels, true);
  }

  /** {@code n x (C*P)} to {@code (n*P) x C}, the inverse of {@link #channelsFirst}. */
  static DifferentiableOp channelsLast(int positions, int channels) {
    return permutation("channelsLast", positions, channels, false);
  }

  private static DifferentiableOp permutation(String name, int positions, int channels,
      boolean toFirst) {
    return new DifferentiableOp() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public DMatrixRMaj forward(OpContext ctx, DMatrixRMaj... in) {
        int n = toFirst ? in[0].numRows / positions : in[0].numRows;
        DMatrixRMaj out = toFirst ? new DMatrixRMaj(n, channels * positions)
            : new DMatrixRMaj(n * positions, channels);
        permuteAdd(in[0], out, n, toFirst);
        return out;
      }

      @Override
      public void backward(OpContext ctx, DMatrixRMaj gradOut, DMatrixRMaj... grads) {
        if (grads[0] == null) {
          return;
        }
        int n = toFirst ? gradOut.numRows : gradOut.numRows / positions;
        permuteAdd(gradOut, grads[0], n, !toFirst);
      }

      /** {@code dst += P src} (toFirst) or {@code dst += P^T src}; the same index pairs. */
      private void permuteAdd(DMatrixRMaj src, DMatrixRMaj dst, int n, boolean first) {
        double[] s = src.data;
        double[] d = dst.data;
        for (int i = 0; i < n; i++) {
          int example = i * channels * positions;
          for (int p = 0; p < positions; p++) {
            int byPosition = example + p * channels;
            for (int c = 0; c < channels; c++) {
              int byChannel = example + c * positions + p;
              if (first) {
                d[byChannel] += s[byPosition + c];
              } else {
                d[byPosition + c] += s[byChannel];
              }
            }
          }
        }
      }
    };
  }

  /** {@code y[i, c*P + p] = x[i, c*P + p] + b[c]}: inputs {@code x (n x C*P)}, {@code b (1 x C)}. */
  static DifferentiableOp channelBias(int positions, int channels) {
    return new DifferentiableOp() {
      @Override
      public String name() {
        return "channelBias";
      }

      @Override
      public DMatrixRMaj forward(OpContext ctx, DMatrixRMaj... in) {
        DMatrixRMaj y = in[0].copy();
        double[] b = in[1].data;
        for (int i = 0; i < y.numRows; i++) {
          int row = i * y.numCols;
          for (int c = 0; c < channels; c++) {
            int from = row + c * positions;
            for (int j = from; j < from + positions; j++) {
              y.data[j] += b[c];
            }
          }
        }
        return y;
      }

      @Override
      public void backward(OpContext ctx, DMatrixRMaj gradOut, DMatrixRMaj... grads) {
        if (grads[0] != null) {
          double[] gx = grads[0].data;
          for (int i = 0; i < gx.length; i++) {
            gx[i] += gradOut.data[i];
          }
        }
        if (grads[1] != null) {
          double[] gb = grads[1].data;
          for (int i = 0; i < gradOut.numRows; i++) {
            int row = i * gradOut.numCols;
            for (int c = 0; c < channels; c++) {
              int from = row + c * positions;
              double s = 0;
              for (int j = from; j < from + positions; j++) {
                s += gradOut.data[j];
              }
              gb[c] += s;
            }
          }
        }
      }
    };
  }
}
