package org.latentj.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.Matrices;

/**
 * Bit-for-bit checks of the convolution layers, so that reorganizing them (the index table of
 * {@link ConvGeometry}, the common {@link ConvLayer}) provably changes no result: im2col and
 * col2im against the loop-by-loop index arithmetic, and both layers, forward and backward, on
 * small integers, where every product and sum is exact in float64 whatever kernel runs the
 * matrix product.
 */
class ConvExactnessTest {

  /** Image, kernel, stride, padding: odd and even sides, strides above the kernel, padding 2. */
  private static final Object[][] GEOMETRIES = {
      {ImageShape.of(2, 5, 6), 3, 1, 0}, {ImageShape.of(2, 5, 6), 3, 2, 1},
      {ImageShape.of(1, 4, 4), 4, 2, 1}, {ImageShape.of(3, 7, 5), 2, 3, 2}};

  private static ConvGeometry geometry(Object[] g) {
    return new ConvGeometry("test", (ImageShape) g[0], (int) g[1], (int) g[2], (int) g[3]);
  }

  /** The patch entry {@code (oy, ox, c, ky, kx)}'s pixel index in one example, or -1. */
  private static int source(ConvGeometry g, int entry) {
    int taps = g.taps();
    int position = entry / taps;
    int tap = entry % taps;
    int oy = position / g.outWidth;
    int ox = position % g.outWidth;
    int c = tap / (g.kernel * g.kernel);
    int iy = oy * g.stride - g.padding + tap % (g.kernel * g.kernel) / g.kernel;
    int ix = ox * g.stride - g.padding + tap % g.kernel;
    boolean inside = iy >= 0 && iy < g.input.height() && ix >= 0 && ix < g.input.width();
    return inside ? (c * g.input.height() + iy) * g.input.width() + ix : -1;
  }

  @Test
  void im2colAndCol2imMatchTheIndexArithmeticExactly() {
    UniformRandomProvider rng = Rngs.create(21);
    for (Object[] spec : GEOMETRIES) {
      ConvGeometry g = geometry(spec);
      int entries = g.positions() * g.taps();
      int size = g.input.size();
      // Two examples side by side, at offsets, so the offsets are exercised too.
      double[] images = Matrices.normal(rng, 1, 2 * size).data;
      double[] patches = new double[2 * entries];
      g.im2col(images, size, patches, entries);
      double[] gathered = new double[2 * entries];
      for (int j = 0; j < entries; j++) {
        int s = source(g, j);
        gathered[entries + j] = s < 0 ? 0 : images[size + s];
      }
      assertThat(patches).as("im2col %s", g).containsExactly(gathered);

      double[] grads = Matrices.normal(rng, 1, 2 * entries).data;
      double[] onto = Matrices.normal(rng, 1, 2 * size).data;
      double[] expected = onto.clone();
      g.col2imAdd(grads, entries, onto, size);
      for (int j = 0; j < entries; j++) {
        int s = source(g, j);
        if (s >= 0) {
          expected[size + s] += grads[entries + j];
        }
      }
      assertThat(onto).as("col2imAdd %s", g).containsExactly(expected);
    }
  }

  private static DMatrixRMaj integers(UniformRandomProvider rng, int rows, int cols, int bound) {
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < m.data.length; i++) {
      m.data[i] = rng.nextInt(2 * bound + 1) - bound;
    }
    return m;
  }

  @Test
  void conv2dIsExactOnIntegers() {
    UniformRandomProvider rng = Rngs.create(22);
    for (Object[] spec : GEOMETRIES) {
      ConvGeometry g = geometry(spec);
      Conv2d c = new Conv2d(g.input, 3, g.kernel, g.stride, g.padding, Initializer.zeros(), rng);
      DMatrixRMaj w = integers(rng, g.taps(), 3, 3);
      DMatrixRMaj b = integers(rng, 1, 3, 3);
      DMatrixRMaj x = integers(rng, 2, g.input.size(), 2);
      DMatrixRMaj seed = integers(rng, 2, c.outputShape().size(), 2);
      DMatrixRMaj y = new DMatrixRMaj(2, c.outputShape().size());
      DMatrixRMaj gx = new DMatrixRMaj(2, g.input.size());
      DMatrixRMaj gw = new DMatrixRMaj(g.taps(), 3);
      DMatrixRMaj gb = new DMatrixRMaj(1, 3);
      int p = g.positions();
      for (int i = 0; i < 2; i++) {
        for (int pos = 0; pos < p; pos++) {
          for (int o = 0; o < 3; o++) {
            int out = i * 3 * p + o * p + pos;
            y.data[out] = b.data[o];
            gb.data[o] += seed.data[out];
            for (int t = 0; t < g.taps(); t++) {
              int s = source(g, pos * g.taps() + t);
              if (s >= 0) {
                y.data[out] += w.get(t, o) * x.get(i, s);
                gx.add(i, s, w.get(t, o) * seed.data[out]);
                gw.add(t, o, x.get(i, s) * seed.data[out]);
              }
            }
          }
        }
      }
      assertExact(g.toString(), (xt, wt, bt) -> c.forward(xt, wt, bt), x, w, b, seed, y,
          gx, gw, gb);
    }
  }

  @Test
  void convTranspose2dIsExactOnIntegers() {
    UniformRandomProvider rng = Rngs.create(23);
    int checked = 0;
    for (Object[] spec : GEOMETRIES) {
      ConvGeometry g = geometry(spec);
      // The adjoint of the convolution g: from its 3-channel output shape back to g.input.
      ImageShape small = ImageShape.of(3, g.outHeight, g.outWidth);
      ConvTranspose2d t = new ConvTranspose2d(small, g.input.channels(), g.kernel, g.stride,
          g.padding, Initializer.zeros(), rng);
      if (!t.outputShape().equals(g.input)) {
        continue; // floor division lost a row; that geometry has no exact inverse shape
      }
      DMatrixRMaj w = integers(rng, 3, g.taps(), 3);
      DMatrixRMaj b = integers(rng, 1, g.input.channels(), 3);
      DMatrixRMaj x = integers(rng, 2, small.size(), 2);
      DMatrixRMaj seed = integers(rng, 2, g.input.size(), 2);
      DMatrixRMaj y = new DMatrixRMaj(2, g.input.size());
      DMatrixRMaj gx = new DMatrixRMaj(2, small.size());
      DMatrixRMaj gw = new DMatrixRMaj(3, g.taps());
      DMatrixRMaj gb = new DMatrixRMaj(1, g.input.channels());
      int pixels = g.input.pixels();
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < g.input.size(); j++) {
          y.add(i, j, b.data[j / pixels]);
          gb.data[j / pixels] += seed.get(i, j);
        }
        for (int pos = 0; pos < g.positions(); pos++) {
          for (int c = 0; c < 3; c++) {
            int in = c * g.positions() + pos;
            for (int tap = 0; tap < g.taps(); tap++) {
              int s = source(g, pos * g.taps() + tap);
              if (s >= 0) {
                y.add(i, s, x.get(i, in) * w.get(c, tap));
                gx.add(i, in, w.get(c, tap) * seed.get(i, s));
                gw.add(c, tap, x.get(i, in) * seed.get(i, s));
              }
            }
          }
        }
      }
      assertExact(g.toString(), (xt, wt, bt) -> t.forward(xt, wt, bt), x, w, b, seed, y, gx,
          gw, gb);
      checked++;
    }
    assertThat(checked).as("geometries with an exact inverse shape").isEqualTo(2);
  }

  private interface LayerMap {
    Tensor apply(Tensor x, Tensor w, Tensor b);
  }

  private static void assertExact(String what, LayerMap map, DMatrixRMaj x, DMatrixRMaj w,
      DMatrixRMaj b, DMatrixRMaj seed, DMatrixRMaj y, DMatrixRMaj gx, DMatrixRMaj gw,
      DMatrixRMaj gb) {
    Tensor xt = Tensor.variable(x.copy());
    Tensor wt = Tensor.variable(w.copy());
    Tensor bt = Tensor.variable(b.copy());
    Tensor out = map.apply(xt, wt, bt);
    out.backward(seed);
    assertThat(out.value().data).as("output %s", what).containsExactly(y.data);
    assertThat(xt.grad().data).as("input gradient %s", what).containsExactly(gx.data);
    assertThat(wt.grad().data).as("weight gradient %s", what).containsExactly(gw.data);
    assertThat(bt.grad().data).as("bias gradient %s", what).containsExactly(gb.data);
  }
}
