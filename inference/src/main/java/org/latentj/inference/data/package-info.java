/**
 * Data for training and evaluation: a {@link org.latentj.inference.data.Dataset} (features as an
 * EJML matrix, rows = examples, optional integer labels, and where the data came from), readers
 * for IDX (the MNIST family), numeric CSV and folders of images, transforms (scaling, fixed and
 * dynamic binarization), a seeded train/validation {@link org.latentj.inference.data.Split} and
 * shuffled {@link org.latentj.inference.data.Minibatches}.
 *
 * <p>Readers fail with a {@link org.latentj.inference.data.DataFileException} (an
 * {@link java.io.IOException}) whose message names the file, what is wrong and where (offset,
 * field, line, column). Every reader checks what a file claims against what it holds before it
 * allocates, so a corrupt header cannot exhaust memory.
 *
 * <p>A training epoch with dynamic binarization (Burda et al. 2016), allocating nothing per batch:
 *
 * <pre>{@code
 * Dataset train = Transforms.scaleToUnit(IdxReader.read(images, labels));
 * Split split = Split.of(train, 1000, seed);
 * UniformRandomProvider rng = Rngs.create(seed);
 * Minibatches batches = Minibatches.shuffled(split.train(), 100, false, rng);
 * DynamicBinarizer binarizer = DynamicBinarizer.of(rng);
 * DMatrixRMaj x = new DMatrixRMaj(1, 1);
 * for (int epoch = 0; epoch < epochs; epoch++, batches.newEpoch(rng)) {
 *   while (batches.hasNext()) {
 *     binarizer.binarize(batches.next(), x);   // x: a fresh binary minibatch
 *     ...
 *   }
 * }
 * }</pre>
 */
package org.latentj.inference.data;
