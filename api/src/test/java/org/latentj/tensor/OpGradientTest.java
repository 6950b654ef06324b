package org.latentj.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentj.testing.GradientCheck;
import org.latentj.testing.Matrices;

/**
 * Every op of {@link Tensor} against finite differences, at shapes 1x1, 1xn, nx1 and non-square.
 * One row per (op, shape): a failure names both.
 */
class OpGradientTest {

  private static final int[][] SHAPES = {{1, 1}, {1, 5}, {4, 1}, {3, 4}};

  /** How to draw an input inside the op's domain and away from its kinks. */
  @FunctionalInterface
  interface Domain {
    DMatrixRMaj draw(UniformRandomProvider rng, int rows, int cols);
  }

  static Domain normal() {
    return Matrices::normal;
  }

  static Domain uniform(double lo, double hi) {
    return (rng, r, c) -> Matrices.uniform(rng, r, c, lo, hi);
  }

  static Domain awayFromZero(double lo, double hi) {
    return (rng, r, c) -> Matrices.awayFromZero(rng, r, c, lo, hi);
  }

  /** Values in [-2, 2] at least 0.05 away from -1 and 1 (the clamp's bounds). */
  static Domain awayFromUnit() {
    return (rng, r, c) -> {
      DMatrixRMaj m = Matrices.uniform(rng, r, c, -2, 2);
      for (int i = 0; i < m.data.length; i++) {
        while (Math.abs(Math.abs(m.data[i]) - 1) < 0.05) {
          m.data[i] = -2 + 4 * rng.nextDouble();
        }
      }
      return m;
    };
  }

  record Unary(String name, Function<Tensor, Tensor> op, Domain domain) {}

  static Stream<Arguments> unaryOps() {
    List<Unary> ops = List.of(
        new Unary("neg", Tensor::neg, normal()),
        new Unary("exp", Tensor::exp, normal()),
        new Unary("log", Tensor::log, uniform(0.2, 3)),
        new Unary("log1p", Tensor::log1p, uniform(-0.5, 2)),
        new Unary("square", Tensor::square, normal()),
        new Unary("sqrt", Tensor::sqrt, uniform(0.2, 3)),
        new Unary("abs", Tensor::abs, awayFromZero(0.1, 2)),
        new Unary("pow", t -> t.pow(2.5), uniform(0.2, 3)),
        new Unary("rdiv", t -> t.rdiv(2.0), awayFromZero(0.5, 2)),
        new Unary("sigmoid", Tensor::sigmoid, uniform(-6, 6)),
        new Unary("logSigmoid", Tensor::logSigmoid, uniform(-6, 6)),
        new Unary("softplus", Tensor::softplus, uniform(-6, 6)),
        new Unary("tanh", Tensor::tanh, uniform(-3, 3)),
        new Unary("relu", Tensor::relu, awayFromZero(0.1, 2)),
        new Unary("leakyRelu", t -> t.leakyRelu(0.1), awayFromZero(0.1, 2)),
        new Unary("elu", t -> t.elu(1.3), awayFromZero(0.1, 2)),
        new Unary("clamp", t -> t.clamp(-1, 1), awayFromUnit()),
        new Unary("logGamma", Tensor::logGamma, uniform(0.3, 6)),
        new Unary("addScalar", t -> t.add(1.7), normal()),
        new Unary("subScalar", t -> t.sub(1.7), normal()),
        new Unary("mulScalar", t -> t.mul(-2.3), normal()),
        new Unary("divScalar", t -> t.div(-2.3), normal()),
        new Unary("sum", Tensor::sum, normal()),
        new Unary("mean", Tensor::mean, normal()),
        new Unary("rowSums", Tensor::rowSums, normal()),
        new Unary("columnSums", Tensor::columnSums, normal()),
        new Unary("rowLogSumExp", Tensor::rowLogSumExp, normal()),
        new Unary("logSoftmax", Tensor::logSoftmax, normal()),
        new Unary("softmax", Tensor::softmax, normal()),
        new Unary("transpose", Tensor::transpose, normal()),
        new Unary("repeatRows", t -> t.repeatRows(3), normal()),
        new Unary("firstColumn", t -> t.columns(0, 1), normal()),
        new Unary("lastColumns", t -> t.columns(t.cols() / 2, t.cols()), normal()),
        new Unary("lastRow", t -> t.rows(t.rows() - 1, t.rows()), normal()),
        new Unary("concatWithItself", t -> Tensor.concatColumns(t, t.exp(), t), normal()),
        new Unary("fanOut", t -> t.mul(t).add(t.tanh()).sub(t.exp().mul(t)), normal()),
        new Unary("matmulWithOwnTranspose", t -> t.matmulTransB(t), normal()),
        new Unary("gramTransA", t -> t.matmulTransA(t), normal()));
    List<Arguments> rows = new ArrayList<>();
    for (Unary op : ops) {
      for (int[] s : SHAPES) {
        rows.add(Arguments.of(op.name(), s[0] + "x" + s[1], op, s));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("unaryOps")
  void unaryOpMatchesFiniteDifferences(String name, String shape, Unary op, int[] s) {
    UniformRandomProvider rng = Rngs.create(name.hashCode() * 31L + s[0] * 7L + s[1]);
    DMatrixRMaj x = op.domain().draw(rng, s[0], s[1]);
    GradientCheck.standard().check(name + " at " + shape, in -> op.op().apply(in[0]), x);
  }

  record Binary(String name, Function<Tensor[], Tensor> op, Domain left, Domain right) {}

  /** Shape pairs that broadcast, including the operand on either side being the small one. */
  private static final int[][][] BROADCAST_PAIRS = {
      {{3, 4}, {3, 4}}, {{3, 4}, {1, 4}}, {{3, 4}, {3, 1}}, {{3, 4}, {1, 1}},
      {{1, 4}, {3, 4}}, {{3, 1}, {3, 4}}, {{1, 1}, {3, 4}}, {{3, 1}, {1, 4}},
      {{1, 1}, {1, 1}}, {{1, 5}, {1, 5}}, {{4, 1}, {4, 1}}};

  static Stream<Arguments> binaryOps() {
    List<Binary> ops = List.of(
        new Binary("add", in -> in[0].add(in[1]), normal(), normal()),
        new Binary("sub", in -> in[0].sub(in[1]), normal(), normal()),
        new Binary("mul", in -> in[0].mul(in[1]), normal(), normal()),
        new Binary("div", in -> in[0].div(in[1]), normal(), awayFromZero(0.5, 2)));
    List<Arguments> rows = new ArrayList<>();
    for (Binary op : ops) {
      for (int[][] p : BROADCAST_PAIRS) {
        rows.add(Arguments.of(op.name(), p[0][0] + "x" + p[0][1] + " with " + p[1][0] + "x"
            + p[1][1], op, p));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("binaryOps")
  void broadcastingOpMatchesFiniteDifferences(String name, String shapes, Binary op, int[][] p) {
    UniformRandomProvider rng = Rngs.create(name.hashCode() + 1000L * p[0][0] + 100L * p[0][1]
        + 10L * p[1][0] + p[1][1]);
    DMatrixRMaj a = op.left().draw(rng, p[0][0], p[0][1]);
    DMatrixRMaj b = op.right().draw(rng, p[1][0], p[1][1]);
    GradientCheck.standard().check(name + " " + shapes, op.op(), a, b);
  }

  /** {n, k, m}: A is n x k, B is k x m (transposed as each form needs). */
  private static final int[][] PRODUCT_SHAPES = {{1, 1, 1}, {1, 4, 1}, {4, 1, 3}, {3, 4, 5},
      {5, 2, 1}};

  static Stream<Arguments> products() {
    List<Arguments> rows = new ArrayList<>();
    for (int[] s : PRODUCT_SHAPES) {
      rows.add(Arguments.of("matmul", s));
      rows.add(Arguments.of("matmulTransA", s));
      rows.add(Arguments.of("matmulTransB", s));
      rows.add(Arguments.of("affine", s));
      rows.add(Arguments.of("affineRelu", s));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("products")
  void productMatchesFiniteDifferences(String form, int[] s) {
    GradientCheck.standard().check(form, product(form), productInputs(form, s));
  }

  /** The product {@code form} of {@link #products()} as a function of its inputs. */
  static Function<Tensor[], Tensor> product(String form) {
    return switch (form) {
      case "matmul" -> in -> in[0].matmul(in[1]);
      case "matmulTransA" -> in -> in[0].matmulTransA(in[1]);
      case "matmulTransB" -> in -> in[0].matmulTransB(in[1]);
      case "affine" -> in -> in[0].affine(in[1], in[2]);
      case "affineRelu" -> in -> in[0].affineRelu(in[1], in[2]);
      default -> throw new IllegalArgumentException(form);
    };
  }

  /** Inputs of product {@code form} at shape {n, k, m}, drawn from a seed of the row. */
  static DMatrixRMaj[] productInputs(String form, int[] s) {
    UniformRandomProvider rng = Rngs.create(s[0] * 100L + s[1] * 10L + s[2] + form.length());
    int n = s[0];
    int k = s[1];
    int m = s[2];
    return switch (form) {
      case "matmul" -> new DMatrixRMaj[] {Matrices.normal(rng, n, k), Matrices.normal(rng, k, m)};
      case "matmulTransA" -> new DMatrixRMaj[] {Matrices.normal(rng, k, n),
          Matrices.normal(rng, k, m)};
      case "matmulTransB" -> new DMatrixRMaj[] {Matrices.normal(rng, n, k),
          Matrices.normal(rng, m, k)};
      case "affine", "affineRelu" -> new DMatrixRMaj[] {Matrices.normal(rng, n, k),
          Matrices.normal(rng, k, m), Matrices.normal(rng, 1, m)};
      default -> throw new IllegalArgumentException(form);
    };
  }

  static Stream<Arguments> groupedReductions() {
    return Stream.of(Arguments.of(6, 3, 1), Arguments.of(6, 3, 2), Arguments.of(6, 3, 3),
        Arguments.of(6, 1, 6), Arguments.of(1, 4, 1), Arguments.of(8, 2, 4));
  }

  @ParameterizedTest(name = "{0}x{1} in groups of {2}")
  @MethodSource("groupedReductions")
  void groupedReductionsMatchFiniteDifferences(int rows, int cols, int k) {
    UniformRandomProvider rng = Rngs.create(rows * 100L + cols * 10L + k);
    DMatrixRMaj x = Matrices.normal(rng, rows, cols);
    GradientCheck.standard().check("groupSum", in -> in[0].groupSum(k), x);
    GradientCheck.standard().check("groupLogSumExp", in -> in[0].groupLogSumExp(k), x);
    // The importance-weighted pattern: repeat, perturb per particle, reduce per example.
    GradientCheck.standard().check("repeat then groupLogSumExp",
        in -> in[0].repeatRows(k).mul(2.0).groupLogSumExp(k), x);
  }

  @ParameterizedTest(name = "concat of widths 1, {0}, 2")
  @MethodSource("concatWidths")
  void concatOfDifferentInputsMatchesFiniteDifferences(int width) {
    UniformRandomProvider rng = Rngs.create(width);
    GradientCheck.standard().check("concatColumns",
        in -> Tensor.concatColumns(in[0], in[1].tanh(), in[2]),
        Matrices.normal(rng, 3, 1), Matrices.normal(rng, 3, width), Matrices.normal(rng, 3, 2));
  }

  static Stream<Integer> concatWidths() {
    return Stream.of(1, 4);
  }
}
