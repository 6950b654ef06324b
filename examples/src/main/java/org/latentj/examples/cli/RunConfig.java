package org.latentj.examples.cli;

/**
 * What a run was trained on and how, besides the model's {@code VaeSettings}: stored in the
 * checkpoint's provenance (component {@value #COMPONENT}) so every command can load the same
 * data the same way.
 *
 * @param data {@code embedded-digits}, {@code fashion-mnist}, or an absolute path
 * @param binarize how pixels were binarized
 * @param prior the prior's name
 * @param limit the first {@code limit} training and test examples only, or 0 for all
 * @param validation examples split off the training set for validation, or 0 for none
 * @param batchSize examples per minibatch
 * @param epochs the epochs asked for
 * @param imageHeight image rows, or 0 when the data are not images
 * @param imageWidth image columns, or 0 when the data are not images
 */
record RunConfig(String data, Binarization binarize, PriorKind prior, int limit, int validation,
    int batchSize, int epochs, int imageHeight, int imageWidth) {

  /** The provenance component holding this record. */
  static final String COMPONENT = "run";

  /** The provenance component holding the {@code VaeSettings}. */
  static final String SETTINGS = "vae";

  RunConfig withEpochs(int n) {
    return new RunConfig(data, binarize, prior, limit, validation, batchSize, n, imageHeight,
        imageWidth);
  }

  RunConfig withImage(int height, int width) {
    return new RunConfig(data, binarize, prior, limit, validation, batchSize, epochs, height,
        width);
  }

  boolean isImages() {
    return imageHeight > 0 && imageWidth > 0;
  }
}
