package org.latentj.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.DtypeCheck;
import org.latentj.testing.GradientCheck;
import org.latentj.testing.Matrices;

/**
 * {@link Conv2d} against the direct sum, {@link ConvTranspose2d} as its adjoint, both by finite
 * differences (input and parameters) and in float32 against float64; and their shape errors.
 */
class ConvTest {

  /** 2 channels of 5 x 6 (not square, so rows and columns cannot be mixed up unnoticed). */
  private static final ImageShape IMAGE = ImageShape.of(2, 5, 6);

  private static Conv2d conv(int stride, int padding) {
    Conv2d c = new Conv2d(IMAGE, 3, 3, stride, padding, Initializer.glorotNormal(),
        Rngs.create(5));
    Initializer.normal(0.5).fill(c.bias().value(), Rngs.create(6));
    return c;
  }

  /** {@code b[o] + sum W[(c,ky,kx), o] x[c, oy*s - p + ky, ox*s - p + kx]}, loop by loop. */
  private static double direct(Conv2d c, DMatrixRMaj x, int row, int o, int oy, int ox,
      int stride, int padding) {
    double sum = c.bias().value().get(0, o);
    int k = 3;
    for (int ch = 0; ch < IMAGE.channels(); ch++) {
      for (int ky = 0; ky < k; ky++) {
        for (int kx = 0; kx < k; kx++) {
          int iy = oy * stride - padding + ky;
          int ix = ox * stride - padding + kx;
          if (iy >= 0 && iy < IMAGE.height() && ix >= 0 && ix < IMAGE.width()) {
            double pixel = x.get(row, (ch * IMAGE.height() + iy) * IMAGE.width() + ix);
            sum += c.weight().value().get((ch * k + ky) * k + kx, o) * pixel;
          }
        }
      }
    }
    return sum;
  }

  @Test
  void conv2dEqualsTheDirectSumWithStrideAndPadding() {
    for (int[] sp : new int[][] {{1, 0}, {2, 1}, {2, 0}, {1, 2}}) {
      int stride = sp[0];
      int padding = sp[1];
      Conv2d c = conv(stride, padding);
      DMatrixRMaj x = Matrices.normal(Rngs.create(7), 3, IMAGE.size());
      Tensor y = c.forward(Tensor.constant(x));
      ImageShape out = c.outputShape();
      assertThat(out.height()).isEqualTo((5 + 2 * padding - 3) / stride + 1);
      assertThat(out.width()).isEqualTo((6 + 2 * padding - 3) / stride + 1);
      assertThat(y.cols()).isEqualTo(out.size());
      for (int i = 0; i < 3; i++) {
        for (int o = 0; o < 3; o++) {
          for (int oy = 0; oy < out.height(); oy++) {
            for (int ox = 0; ox < out.width(); ox++) {
              assertThat(y.get(i, (o * out.height() + oy) * out.width() + ox))
                  .as("stride %d padding %d", stride, padding)
                  .isCloseTo(direct(c, x, i, o, oy, ox, stride, padding), within(1e-12));
            }
          }
        }
      }
    }
  }

  @Test
  void conv2dGradientsMatchFiniteDifferences() {
    for (int[] sp : new int[][] {{1, 0}, {2, 1}}) {
      Conv2d c = conv(sp[0], sp[1]);
      DMatrixRMaj x = Matrices.normal(Rngs.create(8), 2, IMAGE.size());
      GradientCheck.standard().check("conv2d stride " + sp[0] + " padding " + sp[1],
          in -> c.forward(in[0], in[1], in[2]), x, c.weight().value(), c.bias().value());
      GradientCheck.standard().checkLeaves("conv2d parameters",
          () -> c.forward(Tensor.constant(x)),
          List.of(c.weight().tensor(), c.bias().tensor()));
    }
  }

  @Test
  void transposeConvIsTheAdjointOfConv() {
    for (int[] sp : new int[][] {{1, 0}, {2, 1}, {3, 1}}) {
      // conv: 2 x 7 x 7 -> 3 x H' x W'; its transpose maps 3 x H' x W' back to 2 x 7 x 7.
      ImageShape big = ImageShape.of(2, 7, 7);
      Conv2d c = new Conv2d(big, 3, 3, sp[0], sp[1], Initializer.glorotNormal(), Rngs.create(9));
      ConvTranspose2d t = new ConvTranspose2d(c.outputShape(), 2, 3, sp[0], sp[1],
          Initializer.zeros(), Rngs.create(10));
      assertThat(t.outputShape()).isEqualTo(big);
      Tensor w = Tensor.constant(transpose(c.weight().value()));
      Tensor zeroBias2 = Tensor.zeros(1, 2);
      Tensor zeroBias3 = Tensor.zeros(1, 3);
      DMatrixRMaj x = Matrices.normal(Rngs.create(11), 4, big.size());
      DMatrixRMaj y = Matrices.normal(Rngs.create(12), 4, c.outputShape().size());
      double left = dot(c.forward(Tensor.constant(x), c.weight().tensor(), zeroBias3).value(), y);
      double right = dot(x, t.forward(Tensor.constant(y), w, zeroBias2).value());
      assertThat(right).as("stride %d padding %d", sp[0], sp[1])
          .isCloseTo(left, within(1e-10 * Math.max(1, Math.abs(left))));
    }
    // The 28 -> 14 -> 7 shapes of the convolutional VAE invert exactly.
    ConvTranspose2d up = new ConvTranspose2d(ImageShape.of(64, 7, 7), 32, 4, 2, 1,
        Initializer.zeros(), Rngs.create(1));
    assertThat(up.outputShape()).isEqualTo(ImageShape.of(32, 14, 14));
  }

  @Test
  void transposeConvGradientsMatchFiniteDifferences() {
    ConvTranspose2d t = new ConvTranspose2d(ImageShape.of(3, 3, 4), 2, 3, 2, 1,
        Initializer.glorotNormal(), Rngs.create(13));
    Initializer.normal(0.5).fill(t.bias().value(), Rngs.create(14));
    assertThat(t.outputShape()).isEqualTo(ImageShape.of(2, 5, 7));
    DMatrixRMaj x = Matrices.normal(Rngs.create(15), 2, 36);
    GradientCheck.standard().check("convTranspose2d stride 2 padding 1",
        in -> t.forward(in[0], in[1], in[2]), x, t.weight().value(), t.bias().value());
    GradientCheck.standard().checkLeaves("convTranspose2d parameters",
        () -> t.forward(Tensor.constant(x)), List.of(t.weight().tensor(), t.bias().tensor()));
  }

  @Test
  void float32AgreesWithFloat64() {
    Conv2d c = conv(2, 1);
    DtypeCheck.standard().check("conv2d", in -> c.forward(in[0], in[1], in[2]),
        Matrices.normal(Rngs.create(16), 3, IMAGE.size()), c.weight().value(),
        c.bias().value());
    ConvTranspose2d t = new ConvTranspose2d(ImageShape.of(3, 3, 4), 2, 4, 2, 1,
        Initializer.glorotNormal(), Rngs.create(17));
    DtypeCheck.standard().check("convTranspose2d", in -> t.forward(in[0], in[1], in[2]),
        Matrices.normal(Rngs.create(18), 3, 36), t.weight().value(),
        Matrices.normal(Rngs.create(19), 1, 2));
  }

  @Test
  void badShapesAreRejectedWithOneClearMessage() {
    Conv2d c = conv(1, 0);
    assertThatThrownBy(() -> c.forward(Tensor.zeros(2, 59)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Conv2d(2x5x6 -> 3x3x4, kernel 3, stride 1, padding 0): input is 2x59 but"
            + " each row must be one 2x5x6 image (channels x height x width = 60 columns)");
    assertThatThrownBy(() -> new Conv2d(ImageShape.of(1, 4, 4), 2, 7, 1, 1,
        Initializer.zeros(), Rngs.create(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Conv2d: kernel 7x7 is larger than the padded image 6x6 (image 1x4x4,"
            + " padding 1)");
    assertThatThrownBy(() -> new Conv2d(IMAGE, 2, 3, 0, 0, Initializer.zeros(), Rngs.create(1)))
        .hasMessageContaining("stride 0");
    assertThatThrownBy(() -> new ConvTranspose2d(ImageShape.of(1, 1, 1), 1, 2, 1, 1,
        Initializer.zeros(), Rngs.create(1)))
        .hasMessageContaining("gives an empty 0x0 output");
    assertThatThrownBy(() -> ImageShape.squareOf(780, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a row of 780 columns is not 1 channel(s) of a square image");
    assertThatThrownBy(() -> ImageShape.squareOf(784, 3))
        .hasMessageContaining("a row of 784 columns is not 3 channel(s)");
    assertThat(ImageShape.squareOf(784, 1)).isEqualTo(ImageShape.of(1, 28, 28));
    Sequential named = new Sequential(List.of(c));
    assertThatThrownBy(() -> named.forward(Tensor.zeros(1, 3)))
        .hasMessageStartingWith("layer0, Conv2d(");
  }

  private static DMatrixRMaj transpose(DMatrixRMaj m) {
    DMatrixRMaj t = new DMatrixRMaj(m.numCols, m.numRows);
    org.ejml.dense.row.CommonOps_DDRM.transpose(m, t);
    return t;
  }

  private static double dot(DMatrixRMaj a, DMatrixRMaj b) {
    double s = 0;
    for (int i = 0; i < a.data.length; i++) {
      s += a.data[i] * b.data[i];
    }
    return s;
  }
}
