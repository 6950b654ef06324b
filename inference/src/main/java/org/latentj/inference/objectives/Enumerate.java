package org.latentj.inference.objectives;

import java.util.HashSet;
import java.util.Set;
import org.latentj.model.Trace;
import org.latentj.model.handlers.Handler;
import org.latentj.model.handlers.Message;

/**
 * Gives each site marked for enumeration ({@code "enumerate" -> "parallel"} in its options) its
 * support values tiled over the expanded rows, as the {@link EnumerationPlan} lays them out; at a
 * marked site the plan does not hold yet it throws {@link EnumerationPlan.Undiscovered}. It
 * refuses, naming the site, what it cannot sum: a family with no finite support, a global site
 * (its sum would not factor over the examples), and a model site the guide samples.
 */
final class Enumerate extends Handler {

  static final String OPTION = "enumerate";
  static final String PARALLEL = "parallel";

  private final EnumerationPlan plan;
  private final EnumerationPlan.Side side;
  private final int rows;
  private final Trace guideTrace;
  private final Set<String> reached = new HashSet<>();

  /**
   * @param rows the rows of this run of the program
   * @param guideTrace the guide's trace when enumerating in the model, else null
   */
  Enumerate(EnumerationPlan plan, EnumerationPlan.Side side, int rows, Trace guideTrace) {
    this.plan = plan;
    this.side = side;
    this.rows = rows;
    this.guideTrace = guideTrace;
  }

  static boolean isMarked(Message m) {
    Object how = m.options().get(OPTION);
    if (how == null) {
      return false;
    }
    if (!PARALLEL.equals(how)) {
      throw new IllegalArgumentException("site '" + m.name() + "': enumerate '" + how
          + "' is not supported; latentj enumerates in parallel (\"enumerate\" -> \"parallel\")");
    }
    return true;
  }

  @Override
  protected void process(Message m) {
    if (m.isObserved() || m.value() != null || !isMarked(m)) {
      return;
    }
    EnumerationPlan.Entry e = plan.get(m.name());
    if (e != null && e.side() != side) {
      if (side == EnumerationPlan.Side.GUIDE) {
        throw new EnumerationPlan.Stale("guide site '" + m.name() + "' is model-side in it");
      }
      return; // enumerated in the guide: the model replays the guide's tiled values
    }
    if (e == null) {
      throw new EnumerationPlan.Undiscovered(newEntry(m));
    }
    if (!EnumerationPlan.sameSupport(e, m.distribution().enumerateSupport())) {
      throw new EnumerationPlan.Stale("site '" + m.name() + "' has another support");
    }
    reached.add(m.name());
    m.setValue(plan.values(e, rows));
  }

  /**
   * Fails with {@link EnumerationPlan.Stale} unless this run reached every site the plan
   * enumerates in this handler's program (a remembered plan may hold one it no longer reaches).
   */
  void requireEveryPlannedSiteReached() {
    for (EnumerationPlan.Entry e : plan.entries()) {
      if (e.side() == side && !reached.contains(e.name())) {
        throw new EnumerationPlan.Stale("site '" + e.name() + "' was not reached");
      }
    }
  }

  private EnumerationPlan.Entry newEntry(Message m) {
    if (guideTrace != null && guideTrace.site(m.name()) != null) {
      throw new IllegalArgumentException("site '" + m.name() + "' is marked for enumeration in"
          + " the model, but the guide samples it without enumerating it: mark it in the guide"
          + " too (guide-side enumeration) or leave it out of the guide (model-side)");
    }
    if (m.rows() != rows) {
      throw new IllegalArgumentException("cannot enumerate site '" + m.name() + "': it has "
          + m.rows() + " row(s) while the run has " + rows + "; a global site's sum does not"
          + " factor over the examples, so TraceEnumElbo enumerates only per-example sites");
    }
    try {
      return new EnumerationPlan.Entry(m.name(), side, m.distribution().enumerateSupport());
    } catch (UnsupportedOperationException ex) {
      throw new IllegalArgumentException("cannot enumerate site '" + m.name() + "': "
          + ex.getMessage(), ex);
    }
  }
}
