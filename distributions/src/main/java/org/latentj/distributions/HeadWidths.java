package org.latentj.distributions;

import org.latentj.tensor.Tensor;

/** The raw-width check every head makes before slicing a network's output. */
final class HeadWidths {

  private HeadWidths() {}

  /**
   * The event size for {@code raw} with {@code perColumn} raw columns per event column; fails
   * naming the head, the width and the layout unless the width is a positive multiple.
   */
  static int eventSize(String head, Tensor raw, int perColumn, String layout) {
    if (raw.cols() == 0 || raw.cols() % perColumn != 0) {
      throw new IllegalArgumentException(head + ": raw output has " + raw.cols()
          + " columns, expected a multiple of " + perColumn + " (" + layout + ")");
    }
    return raw.cols() / perColumn;
  }
}
