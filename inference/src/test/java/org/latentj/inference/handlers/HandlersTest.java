package org.latentj.inference.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.latentj.distributions.KlRegistry;
import org.latentj.distributions.Normal;
import org.latentj.distributions.OneHotCategorical;
import org.latentj.distributions.StandardNormal;
import org.latentj.inference.objectives.AnalyticKlElbo;
import org.latentj.inference.objectives.Elbo;
import org.latentj.inference.objectives.ImportanceWeightedElbo;
import org.latentj.inference.objectives.ParticleObjective;
import org.latentj.model.Batch;
import org.latentj.model.Objective;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.model.Trace;
import org.latentj.model.TraceRecorder;
import org.latentj.model.handlers.Handler;
import org.latentj.model.handlers.HandlerStack;
import org.latentj.model.handlers.Handlers;
import org.latentj.model.handlers.Message;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * What each built-in handler means, pinned on the smallest model: {@code z ~ N(0, I_2)},
 * {@code x ~ N(z, I_2)} observed, guide {@code q(z) = N(0.3, e^-1)}.
 */
class HandlersTest {

  private static final int ROWS = 4;

  /** The model; {@code extra} is entered around its observed site (null for none). */
  static Program model(Supplier<Handler> aroundX) {
    return new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        Tensor z = sites.sample("z", StandardNormal.of(b.size(), 2));
        Normal px = Normal.ofLogVariance(z, Tensor.zeros(1, 2));
        Tensor data = b.hasData() ? b.data() : null;
        if (aroundX == null) {
          sites.observe("x", px, data);
        } else {
          try (Handler h = aroundX.get()) {
            sites.observe("x", px, data);
          }
        }
      }
    };
  }

  static final Program MODEL = model(null);

  static final Program GUIDE = new Program() {
    @Override
    public void run(Sites sites, Batch b) {
      sites.sample("z", Normal.ofLogVariance(Tensor.filled(b.size(), 2, 0.3),
          Tensor.filled(b.size(), 2, -1)));
    }
  };

  static Batch batch() {
    return Batch.of(Tensor.constant(Rngs.standardNormal(Rngs.create(3), ROWS, 2)));
  }

  /** log p(x | z) per row at the guide's z drawn with seed 1, the term scale and mask act on. */
  private static Tensor observedTerm() {
    Trace g = Trace.guide(GUIDE, batch(), Rngs.create(1));
    Trace m = Trace.replay(MODEL, batch(), g);
    Trace.Site x = m.site("x");
    return x.distribution().logProb(x.value());
  }

  private static Tensor elbo(Program model) {
    return new Elbo().bound(model, GUIDE, batch(), Rngs.create(1));
  }

  @Test
  void scaleHalvesASitesTermExactly() {
    Tensor plain = elbo(MODEL);
    Tensor halved = elbo(model(() -> Handlers.scale(0.5)));
    Tensor logPx = observedTerm();
    for (int r = 0; r < ROWS; r++) {
      assertThat(plain.get(r, 0) - halved.get(r, 0)).as("row %d", r)
          .isCloseTo(0.5 * logPx.get(r, 0), within(1e-12));
    }
    try (Handler s = Handlers.scale(0.5)) {
      Trace t = Trace.generate(MODEL, Batch.generate(ROWS, null), Rngs.create(2));
      Trace.Site x = t.site("x");
      assertThat(x.scale()).isEqualTo(0.5);
      Tensor term = x.distribution().logProb(x.value());
      Tensor weighed = x.weigh(term, 1.0);
      for (int r = 0; r < ROWS; r++) {
        assertThat(weighed.get(r, 0)).isEqualTo(term.get(r, 0) * 0.5);
      }
    }
  }

  @Test
  void nestedScalesMultiply() {
    try (Handler outer = Handlers.scale(2); Handler inner = Handlers.scale(3)) {
      Trace t = Trace.generate(MODEL, Batch.generate(ROWS, null), Rngs.create(2));
      assertThat(t.site("z").scale()).isEqualTo(6.0);
    }
  }

  @Test
  void maskRemovesTheTermOfMaskedRowsAndKeepsTheOthers() {
    boolean[] keep = {true, false, true, false};
    Tensor plain = elbo(MODEL);
    Tensor masked = elbo(model(() -> Handlers.mask(keep)));
    Tensor logPx = observedTerm();
    for (int r = 0; r < ROWS; r++) {
      double expected = keep[r] ? plain.get(r, 0) : plain.get(r, 0) - logPx.get(r, 0);
      assertThat(masked.get(r, 0)).as("row %d", r).isCloseTo(expected, within(1e-12));
    }
  }

  @Test
  void aMaskAroundTheWholeObjectiveZeroesEveryTermOfItsRowsInEveryObjective() {
    boolean[] keep = {false, true, true, false};
    for (Objective objective : new Objective[] {new Elbo(2),
        new AnalyticKlElbo(KlRegistry.standard()), ImportanceWeightedElbo.of(3)}) {
      Tensor plain = objective.bound(MODEL, GUIDE, batch(), Rngs.create(1));
      Tensor masked;
      try (Handler m = Handlers.mask(repeatEach(keep, objective))) {
        masked = objective.bound(MODEL, GUIDE, batch(), Rngs.create(1));
      }
      for (int r = 0; r < ROWS; r++) {
        assertThat(masked.get(r, 0)).as("%s, row %d", objective, r)
            .isEqualTo(keep[r] ? plain.get(r, 0) : 0.0);
      }
    }
  }

  /** The mask for the objective's rows: each example's entry once per particle. */
  private static boolean[] repeatEach(boolean[] keep, Objective objective) {
    int k = ((ParticleObjective) objective).particles();
    boolean[] rows = new boolean[keep.length * k];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = keep[i / k];
    }
    return rows;
  }

  @Test
  void blockHidesASiteFromAnOuterTraceButStillGivesItAValue() {
    List<Tensor> seen = new ArrayList<>();
    Program model = new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        try (Handler blocked = Handlers.block("z")) {
          seen.add(sites.sample("z", StandardNormal.of(b.size(), 2)));
        }
        sites.observe("x", StandardNormal.of(b.size(), 2), null);
      }
    };
    Trace t = Trace.generate(model, Batch.generate(ROWS, null), Rngs.create(4));
    assertThat(t.site("z")).isNull();
    assertThat(t.site("x")).isNotNull();
    assertThat(seen.get(0).shape()).isEqualTo(ROWS + "x2");
  }

  @Test
  void blockByPredicateHidesOnlyWhatItSelects() {
    try (TraceRecorder outer = Handlers.trace();
        Handler b = Handlers.block(Message::isObserved)) {
      Trace inner = Trace.generate(MODEL, Batch.generate(ROWS, null), Rngs.create(4));
      assertThat(inner.sites()).hasSize(2);
      assertThat(outer.trace().latentNames()).containsExactly("z");
      assertThat(outer.trace().site("x")).isNull();
    }
  }

  @Test
  void conditionMakesALatentSiteObservedWithTheGivenValue() {
    Tensor z = Tensor.filled(ROWS, 2, 0.25);
    try (Handler c = Handlers.condition("z", z)) {
      Trace t = Trace.generate(MODEL, Batch.generate(ROWS, null), Rngs.create(5));
      assertThat(t.site("z").isObserved()).isTrue();
      assertThat(t.site("z").value()).isSameAs(z);
      assertThat(t.site("z").isDrawn()).isFalse();
      assertThat(t.latentNames()).isEmpty();
    }
  }

  @Test
  void aConditionedModelNeedsNoGuideForTheSiteAndScoresItAsData() {
    Tensor z = Tensor.filled(ROWS, 2, 0.25);
    Program conditioned = new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        try (Handler c = Handlers.condition("z", z)) {
          MODEL.run(sites, b);
        }
      }
    };
    Program empty = new Program() {
      @Override
      public void run(Sites sites, Batch b) {}
    };
    Tensor bound = new Elbo().bound(conditioned, empty, batch(), Rngs.create(1));
    Tensor logPz = StandardNormal.of(ROWS, 2).logProb(z);
    Tensor logPx = Normal.ofLogVariance(z, Tensor.zeros(1, 2)).logProb(batch().data());
    for (int r = 0; r < ROWS; r++) {
      assertThat(bound.get(r, 0)).isCloseTo(logPz.get(r, 0) + logPx.get(r, 0), within(1e-12));
    }
  }

  @Test
  void substituteSetsALatentValueAndKeepsTheSiteLatent() {
    Tensor z = Tensor.filled(ROWS, 2, -0.5);
    try (Handler s = Handlers.substitute("z", z)) {
      Trace t = Trace.generate(MODEL, Batch.generate(ROWS, null), Rngs.create(6));
      assertThat(t.site("z").value()).isSameAs(z);
      assertThat(t.site("z").isObserved()).isFalse();
      assertThat(t.site("z").isDrawn()).isFalse();
      assertThat(t.site("x").isDrawn()).isTrue();
    }
  }

  @Test
  void seedGivesIdenticalDrawsTwiceAndTheInnermostSeedWins() {
    double[] a = drawZ(7);
    double[] b = drawZ(7);
    assertThat(a).containsExactly(b);
    assertThat(drawZ(8)).isNotEqualTo(a);
    try (Handler outer = Handlers.seed(Rngs.create(99))) {
      assertThat(drawZ(7)).as("the inner seed of Trace.generate wins").containsExactly(a);
    }
  }

  private static double[] drawZ(long seed) {
    return Trace.generate(MODEL, Batch.generate(ROWS, null), Rngs.create(seed)).site("z")
        .value().value().data;
  }

  @Test
  void replayGivesTheModelTheGuidesValuesEvenUnderOtherHandlers() {
    Trace g = Trace.guide(GUIDE, batch(), Rngs.create(1));
    try (Handler s = Handlers.scale(0.5)) {
      Trace m = Trace.replay(MODEL, batch(), g);
      assertThat(m.site("z").value()).isSameAs(g.site("z").value());
      assertThat(m.site("z").scale()).isEqualTo(0.5);
    }
  }

  /** Writes what it sees to a shared log, to show the order handlers run in. */
  private static final class Logging extends Handler {
    private final String name;
    private final List<String> log;

    Logging(String name, List<String> log) {
      this.name = name;
      this.log = log;
    }

    @Override
    protected void process(Message m) {
      log.add("process " + name + " " + m.name());
    }

    @Override
    protected void postprocess(Message m) {
      log.add("postprocess " + name + " " + m.name() + (m.value() == null ? "" : " valued"));
    }
  }

  /** A program with one latent site, z. */
  private static final Program ONE_SITE = new Program() {
    @Override
    public void run(Sites sites, Batch b) {
      sites.sample("z", StandardNormal.of(b.size(), 1));
    }
  };

  @Test
  void theInnermostHandlerProcessesFirstAndPostprocessesLast() {
    List<String> log = new ArrayList<>();
    try (Handler seed = Handlers.seed(Rngs.create(1));
        Handler outer = new Logging("outer", log).enter();
        Handler inner = new Logging("inner", log).enter()) {
      Trace.record(ONE_SITE, Batch.generate(2, null));
    }
    assertThat(log).containsExactly("process inner z", "process outer z",
        "postprocess outer z valued", "postprocess inner z valued");
  }

  @Test
  void aStoppedMessageNeverReachesTheOuterHandlers() {
    List<String> log = new ArrayList<>();
    try (Handler seed = Handlers.seed(Rngs.create(1));
        Handler outer = new Logging("outer", log).enter();
        Handler block = Handlers.block("z");
        Handler inner = new Logging("inner", log).enter()) {
      Trace.record(ONE_SITE, Batch.generate(2, null));
    }
    assertThat(log).containsExactly("process inner z", "postprocess inner z valued");
  }

  /** The handler of the Handler class's Javadoc, as a user would write it. */
  private static final class DoubleX extends Handler {
    @Override
    protected void process(Message m) {
      if (m.name().equals("x")) {
        m.scaleBy(2);
      }
    }
  }

  @Test
  void aUserHandlerIsASmallClass() {
    try (Handler h = new DoubleX().enter()) {
      Trace t = Trace.generate(MODEL, Batch.generate(ROWS, null), Rngs.create(2));
      assertThat(t.site("x").scale()).isEqualTo(2.0);
      assertThat(t.site("z").scale()).isEqualTo(1.0);
    }
  }

  @Test
  void eachThreadHasItsOwnStack() throws InterruptedException {
    boolean[] seenElsewhere = new boolean[1];
    try (Handler s = Handlers.scale(2)) {
      Thread other = new Thread(() -> seenElsewhere[0] = HandlerStack.isActive());
      other.start();
      other.join();
      assertThat(HandlerStack.isActive()).isTrue();
    }
    assertThat(seenElsewhere[0]).isFalse();
    assertThat(HandlerStack.isActive()).isFalse();
  }

  @Test
  void theGuideHandlerDrawsAFamilyWithNoRsampleAndSaysItIsNotReparameterized() {
    Program discrete = new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        sites.sample("c", OneHotCategorical.ofLogits(Tensor.zeros(b.size(), 3)));
      }
    };
    Trace t = Trace.guide(discrete, Batch.generate(5, null), Rngs.create(1));
    assertThat(t.site("c").isDrawn()).isTrue();
    assertThat(t.site("c").isReparameterized()).isFalse();
    assertThat(t.site("c").value().shape()).isEqualTo("5x3");
    assertThat(Trace.guide(GUIDE, batch(), Rngs.create(1)).site("z").isReparameterized())
        .isTrue();
  }

  @Test
  void optionsTravelWithTheSiteIntoTheTrace() {
    Program program = new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        sites.sample("z", StandardNormal.of(b.size(), 1), java.util.Map.of("enumerate",
            "parallel"));
      }
    };
    Trace t = Trace.generate(program, Batch.generate(2, null), Rngs.create(1));
    assertThat(t.site("z").options()).containsEntry("enumerate", "parallel");
  }
}
