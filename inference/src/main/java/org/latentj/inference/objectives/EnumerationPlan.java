package org.latentj.inference.objectives;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.Tensor;

/**
 * Which sites {@link TraceEnumElbo} enumerates and how their values are laid out along rows.
 * Every enumerated site multiplies the rows of its program: the guide runs on
 * {@code n x k x Kg} rows and the model on {@code n x k x Kg x Km}, where {@code Kg} and
 * {@code Km} are the products of the support sizes of the guide's and the model's enumerated
 * sites, so each row holds one joint value of all of them (the Cartesian product). Rows are
 * example-major, then particle, then the guide's joint value, then the model's, so each model
 * row group of {@code Km} shares one guide row. Within one program the site found first varies
 * slowest: its value at row {@code r} is {@code support[(r / stride) % K]}, {@code stride} the
 * product of the sizes of the same program's sites found after it.
 *
 * <p>A plan is immutable; {@link #with} adds a site found during a run. {@link TraceEnumElbo}
 * remembers the last plan that fitted, so a step need not run the guide up to each enumerated
 * site once more to find it.
 */
final class EnumerationPlan {

  /** The program a site is enumerated in. */
  enum Side { GUIDE, MODEL }

  /** One enumerated site: its name, program and support ({@code K x eventSize}). */
  record Entry(String name, Side side, Tensor support) {
    int size() {
      return support.rows();
    }
  }

  /**
   * Thrown by {@link Enumerate} at a site the plan does not hold yet, so the objective can add it
   * and run again with the rows it needs (Pyro's sequential enumeration uses the same non-local
   * exit). It carries no stack trace: it is control flow, not an error.
   */
  static final class Undiscovered extends RuntimeException {
    private final transient Entry entry;

    Undiscovered(Entry entry) {
      super("enumerated site '" + entry.name() + "' not yet in the plan", null, false, false);
      this.entry = entry;
    }

    Entry entry() {
      return entry;
    }
  }

  /**
   * Thrown when a remembered plan does not fit this run of the programs: a site it holds was not
   * reached, or was reached with another support or in the other program. The objective then
   * discovers the plan afresh. Control flow, like {@link Undiscovered}.
   */
  static final class Stale extends RuntimeException {
    Stale(String why) {
      super("remembered enumeration plan does not fit: " + why, null, false, false);
    }
  }

  private final List<Entry> entries;

  private EnumerationPlan(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  static EnumerationPlan empty() {
    return new EnumerationPlan(List.of());
  }

  EnumerationPlan with(Entry e) {
    List<Entry> more = new ArrayList<>(entries);
    more.add(e);
    return new EnumerationPlan(more);
  }

  /** The entry for {@code name}, or null. */
  Entry get(String name) {
    for (Entry e : entries) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    return null;
  }

  List<Entry> entries() {
    return entries;
  }

  /** Whether {@code e} holds {@code support}: the same shape, dtype and values. */
  static boolean sameSupport(Entry e, Tensor support) {
    Tensor mine = e.support();
    if (mine.dtype() != support.dtype() || mine.rows() != support.rows()
        || mine.cols() != support.cols()) {
      return false;
    }
    for (int i = 0; i < mine.size(); i++) {
      if (mine.get(i) != support.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** The product of the support sizes of {@code side}'s sites: how much it multiplies rows. */
  int expansion(Side side) {
    int product = 1;
    for (Entry e : entries) {
      if (e.side() == side) {
        product = Math.multiplyExact(product, e.size());
      }
    }
    return product;
  }

  /** {@code e}'s value on each of {@code rows} rows of its program's run (class comment). */
  Tensor values(Entry e, int rows) {
    int stride = 1;
    for (int i = entries.indexOf(e) + 1; i < entries.size(); i++) {
      if (entries.get(i).side() == e.side()) {
        stride *= entries.get(i).size();
      }
    }
    Tensor support = e.support();
    int k = support.rows();
    int d = support.cols();
    DMatrixRMaj out = new DMatrixRMaj(rows, d);
    for (int r = 0; r < rows; r++) {
      int value = (r / stride) % k;
      for (int c = 0; c < d; c++) {
        out.data[r * d + c] = support.get(value, c); // 0 and 1: exact in either dtype
      }
    }
    return Tensor.constant(out, support.dtype());
  }
}
