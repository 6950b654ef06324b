package org.latentj.model.handlers;

import org.latentj.tensor.Tensor;

/**
 * Zeroes rows of every site's log-probability term (Pyro's {@code mask}): row i counts when
 * {@code mask(i) = 1} and is left out when it is 0, e.g. for examples whose label is missing.
 * The value is still drawn for every row.
 */
public final class Mask extends Handler {

  private final Tensor mask;

  Mask(Tensor mask) {
    if (mask.cols() != 1) {
      throw new IllegalArgumentException("mask: must be one column of 0/1, got " + mask.shape());
    }
    double[] d = mask.value().data;
    for (int i = 0; i < mask.rows(); i++) {
      if (d[i] != 0 && d[i] != 1) {
        throw new IllegalArgumentException("mask: row " + i + " holds " + d[i] + "; a mask holds"
            + " only 0 and 1");
      }
    }
    this.mask = mask.detach();
  }

  @Override
  protected void process(Message m) {
    m.andMask(mask);
  }
}
