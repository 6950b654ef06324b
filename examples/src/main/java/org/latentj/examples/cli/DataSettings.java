package org.latentj.examples.cli;

/**
 * Which data a run was trained on and how they were prepared: stored in the checkpoint's
 * provenance (component {@value #COMPONENT}) so every command loads the same data the same way.
 *
 * @param data {@code embedded-digits}, {@code fashion-mnist}, or an absolute path
 * @param binarize how pixels were binarized
 * @param limit the first {@code limit} training and test examples only, or 0 for all
 * @param validation examples split off the training set for validation, or 0 for none
 * @param imageHeight image rows, or 0 when the data are not images
 * @param imageWidth image columns, or 0 when the data are not images
 */
record DataSettings(String data, Binarization binarize, int limit, int validation,
    int imageHeight, int imageWidth) {

  /** The provenance component holding this record. */
  static final String COMPONENT = "data";

  DataSettings {
    if (data == null || binarize == null) {
      throw new IllegalArgumentException("DataSettings: data and binarize must be given");
    }
  }

  static Builder builder() {
    return new Builder();
  }

  Builder toBuilder() {
    return new Builder().data(data).binarize(binarize).limit(limit).validation(validation)
        .image(imageHeight, imageWidth);
  }

  boolean isImages() {
    return imageHeight > 0 && imageWidth > 0;
  }

  /** Builds {@link DataSettings}; the defaults are those of {@code latentj train}. */
  static final class Builder {
    private String data = RunData.EMBEDDED_DIGITS;
    private Binarization binarize = Binarization.NONE;
    private int limit;
    private int validation = 1000;
    private int imageHeight;
    private int imageWidth;

    private Builder() {}

    Builder data(String spec) {
      this.data = spec;
      return this;
    }

    Builder binarize(Binarization how) {
      this.binarize = how;
      return this;
    }

    Builder limit(int n) {
      this.limit = n;
      return this;
    }

    Builder validation(int n) {
      this.validation = n;
      return this;
    }

    Builder image(int height, int width) {
      this.imageHeight = height;
      this.imageWidth = width;
      return this;
    }

    DataSettings build() {
      return new DataSettings(data, binarize, limit, validation, imageHeight, imageWidth);
    }
  }
}
