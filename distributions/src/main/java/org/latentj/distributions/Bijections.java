package org.latentj.distributions;

import java.util.List;
import org.latentj.tensor.Tensor;

/** Ways to build bijections from others. */
public final class Bijections {

  private Bijections() {}

  /**
   * {@code T_K o ... o T_1}: the steps applied in list order, log-determinants summed; invertible
   * when every step is (inverses applied in reverse order).
   *
   * @param steps at least one, all of one size
   */
  public static Bijection chain(List<? extends Bijection> steps) {
    if (steps == null || steps.isEmpty()) {
      throw new IllegalArgumentException("Bijections.chain: needs at least one step");
    }
    int size = steps.get(0).size();
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i).size() != size) {
        throw new IllegalArgumentException("Bijections.chain: step " + i + " (" + steps.get(i)
            + ") maps " + steps.get(i).size() + " columns but step 0 maps " + size);
      }
    }
    return new Chain(List.copyOf(steps), size);
  }

  private record Chain(List<Bijection> steps, int size) implements Bijection {

    @Override
    public Mapped forward(Tensor x) {
      Tensor value = x;
      Tensor logDet = null;
      for (Bijection step : steps) {
        Mapped m = step.forward(value);
        value = m.value();
        logDet = logDet == null ? m.logDet() : logDet.add(m.logDet());
      }
      return new Mapped(value, logDet);
    }

    @Override
    public boolean hasInverse() {
      return steps.stream().allMatch(Bijection::hasInverse);
    }

    @Override
    public Mapped inverse(Tensor y) {
      Tensor value = y;
      Tensor logDet = null;
      for (int i = steps.size() - 1; i >= 0; i--) {
        Bijection step = steps.get(i);
        if (!step.hasInverse()) {
          throw new UnsupportedOperationException(this + ": step " + i + " (" + step
              + ") has no inverse");
        }
        Mapped m = step.inverse(value);
        value = m.value();
        logDet = logDet == null ? m.logDet() : logDet.add(m.logDet());
      }
      return new Mapped(value, logDet);
    }

    @Override
    public String toString() {
      return "Chain" + steps;
    }
  }
}
