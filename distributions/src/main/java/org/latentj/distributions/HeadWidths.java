package org.latentj.distributions;

import org.latentj.model.Head;
import org.latentj.tensor.Tensor;

/** The raw-width check every head makes before slicing a network's output. */
final class HeadWidths {

  private HeadWidths() {}

  /**
   * The event size for {@code raw} with {@code perColumn} raw columns per event column; fails
   * naming the head, the width and the layout unless the width is a positive multiple.
   */
  static int eventSize(String head, Tensor raw, int perColumn, String layout) {
    Checks.nonNull(head + ": raw output", raw);
    if (!fits(raw, perColumn)) {
      throw new IllegalArgumentException(head + ": raw output has " + raw.cols()
          + " columns, expected a multiple of " + perColumn + " (" + layout + ")");
    }
    return raw.cols() / perColumn;
  }

  /**
   * The event size {@code raw.cols() / head.rawColumnsPerEventColumn()}; fails, naming the head,
   * its shape and the expected {@code layout}, unless {@code raw} has a positive multiple of that
   * many columns.
   */
  static int eventSize(Head head, Tensor raw, String layout) {
    String name = head.getClass().getSimpleName();
    Checks.nonNull(name + ": raw", raw);
    int per = head.rawColumnsPerEventColumn();
    if (!fits(raw, per)) {
      throw new IllegalArgumentException(name + ": raw is " + raw.shape() + ", expected a"
          + " positive multiple of " + per + " columns laid out as " + layout);
    }
    return raw.cols() / per;
  }

  private static boolean fits(Tensor raw, int perColumn) {
    return raw.cols() > 0 && raw.cols() % perColumn == 0;
  }
}
