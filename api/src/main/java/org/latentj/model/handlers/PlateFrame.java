package org.latentj.model.handlers;

/**
 * One plate a site sits in: {@code size} conditionally independent rows in the whole data set,
 * of which the current run sees {@code subsampleSize}. Each site inside is scaled by
 * {@link #scale()} {@code = size / subsampleSize}, so that a minibatch sum estimates the sum over
 * the full plate.
 */
public record PlateFrame(String name, int size, int subsampleSize) {

  public PlateFrame {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("plate: name is empty");
    }
    if (size < 1 || subsampleSize < 1 || subsampleSize > size) {
      throw new IllegalArgumentException("plate '" + name + "': needs 1 <= subsampleSize <= size,"
          + " got size " + size + " and subsampleSize " + subsampleSize);
    }
  }

  /** {@code size / subsampleSize}: 1 when the run sees the whole plate. */
  public double scale() {
    return subsampleSize == size ? 1.0 : (double) size / subsampleSize;
  }

  /** Whether the run sees only part of the plate. */
  public boolean isSubsampled() {
    return subsampleSize < size;
  }
}
