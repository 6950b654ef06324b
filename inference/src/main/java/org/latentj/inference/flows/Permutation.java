package org.latentj.inference.flows;

import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.Bijection;
import org.latentj.tensor.Tensor;

/**
 * Reverses the order of the columns, {@code y_j = x_{d+1-j}}; log-determinant 0. Between two
 * autoregressive steps it lets the later one condition each column on the columns the earlier
 * one could not (Kingma et al. 2016). No parameters.
 */
public final class Permutation extends FlowLayer {

  private final Tensor reverse;

  public Permutation(int size) {
    super("Permutation", size, 0);
    DMatrixRMaj p = new DMatrixRMaj(size, size);
    for (int j = 0; j < size; j++) {
      p.set(j, size - 1 - j, 1);
    }
    this.reverse = Tensor.constant(p);
  }

  @Override
  protected Bijection build(Tensor context) {
    return new Bijection() {
      @Override
      public int size() {
        return Permutation.this.size();
      }

      @Override
      public Mapped forward(Tensor x) {
        return new Mapped(x.matmul(reverse.to(x.dtype())), Tensor.zeros(x.rows(), 1, x.dtype()));
      }

      @Override
      public boolean hasInverse() {
        return true;
      }

      @Override
      public Mapped inverse(Tensor y) {
        return forward(y); // reversing twice is the identity
      }

      @Override
      public String toString() {
        return Permutation.this.toString();
      }
    };
  }

  @Override
  public String toString() {
    return "Permutation(reverse " + size() + ")";
  }
}
