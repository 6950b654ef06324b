package org.latentj.inference.data;

import java.util.Arrays;
import java.util.Objects;
import org.latentj.tensor.Rngs;

/**
 * A train/validation split of a {@link Dataset} fixed by a seed: a uniform random permutation
 * of the rows (Fisher-Yates with {@code Rngs.create(seed)}) whose first {@code validationSize}
 * rows form the validation set and the rest the training set. Each part keeps the rows in their
 * original order (shuffling for training is {@link Minibatches}' job), so the split is a pure
 * partition and the same seed gives the same split on every machine.
 */
public final class Split {

  private final Dataset train;
  private final Dataset validation;
  private final int[] trainRows;
  private final int[] validationRows;
  private final long seed;

  private Split(Dataset train, Dataset validation, int[] trainRows, int[] validationRows,
      long seed) {
    this.train = train;
    this.validation = validation;
    this.trainRows = trainRows;
    this.validationRows = validationRows;
    this.seed = seed;
  }

  /**
   * Exactly {@code validationSize} rows for validation and {@code data.size() - validationSize}
   * for training; both parts must be non-empty.
   */
  public static Split of(Dataset data, int validationSize, long seed) {
    Objects.requireNonNull(data, "data");
    int n = data.size();
    if (validationSize < 1 || validationSize >= n) {
      throw new IllegalArgumentException("Split: validationSize must be in [1, " + (n - 1)
          + "] for " + n + " rows, got " + validationSize);
    }
    int[] perm = new int[n];
    Permutations.identity(perm, n);
    Permutations.shuffle(perm, n, Rngs.create(seed));
    int[] val = Arrays.copyOfRange(perm, 0, validationSize);
    int[] tr = Arrays.copyOfRange(perm, validationSize, n);
    Arrays.sort(val);
    Arrays.sort(tr);
    DataProvenance from = data.provenance();
    Dataset train = data.subset(tr).withProvenance(from.derive("train split: " + tr.length
        + " of " + n + " rows (seed " + seed + ")"));
    Dataset validation = data.subset(val).withProvenance(from.derive("validation split: "
        + val.length + " of " + n + " rows (seed " + seed + ")"));
    return new Split(train, validation, tr, val, seed);
  }

  public Dataset train() {
    return train;
  }

  public Dataset validation() {
    return validation;
  }

  /** The rows of the original data set in the training part, ascending (a copy). */
  public int[] trainRows() {
    return trainRows.clone();
  }

  /** The rows of the original data set in the validation part, ascending (a copy). */
  public int[] validationRows() {
    return validationRows.clone();
  }

  public long seed() {
    return seed;
  }

  @Override
  public String toString() {
    return "Split(train " + trainRows.length + ", validation " + validationRows.length
        + ", seed " + seed + ")";
  }
}
