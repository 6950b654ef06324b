package org.latentj.model.handlers;

/**
 * A plate (Pyro's {@code plate}): the rows of every site inside are conditionally independent
 * given the sites outside, and there are {@link PlateFrame#size()} of them in the whole data set
 * of which the run sees {@link PlateFrame#subsampleSize()}. Each site inside is scaled by
 * {@code size / subsampleSize}, so a minibatch estimates the full data set's sum, and must have
 * {@code subsampleSize} rows per particle (a clear error says otherwise).
 */
public final class Plate extends Handler {

  private final PlateFrame frame;

  Plate(PlateFrame frame) {
    this.frame = frame;
  }

  public PlateFrame frame() {
    return frame;
  }

  @Override
  protected void process(Message m) {
    m.enterPlate(frame);
    if (frame.isSubsampled()) {
      m.scaleBy(frame.scale());
    }
  }

  @Override
  public String toString() {
    return "Plate(" + frame.name() + ", " + frame.size() + ", " + frame.subsampleSize() + ")";
  }
}
