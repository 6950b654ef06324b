package org.latentj.examples.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import org.ejml.data.DMatrixRMaj;

/** The check every test of drawn pixel means makes: the shape, and every value in [0, 1]. */
public final class PixelProbabilities {

  private PixelProbabilities() {}

  /** Asserts that {@code means} is {@code rows x cols} with every value in [0, 1]. */
  public static void assertPixelProbabilities(DMatrixRMaj means, int rows, int cols) {
    assertThat(means.numRows).isEqualTo(rows);
    assertThat(means.numCols).isEqualTo(cols);
    for (double v : means.data) {
      assertThat(v).isBetween(0.0, 1.0);
    }
  }
}
