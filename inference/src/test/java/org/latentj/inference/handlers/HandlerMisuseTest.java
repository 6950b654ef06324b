package org.latentj.inference.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.latentj.distributions.Normal;
import org.latentj.distributions.StandardNormal;
import org.latentj.inference.objectives.Elbo;
import org.latentj.inference.objectives.ImportanceWeightedElbo;
import org.latentj.model.Batch;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.model.Trace;
import org.latentj.model.handlers.Handler;
import org.latentj.model.handlers.HandlerStack;
import org.latentj.model.handlers.Handlers;
import org.latentj.model.handlers.Plate;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/** Each misuse of handlers and plates fails at once with one message saying what and where. */
class HandlerMisuseTest {

  @AfterEach
  void noHandlerIsLeftEntered() {
    assertThat(HandlerStack.depth()).isZero();
  }

  @Test
  void sampleOutsideARunSaysThatNoHandlerIsActive() {
    assertThatThrownBy(() -> Sites.get().sample("z", StandardNormal.of(2, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("site 'z' is used outside a run")
        .hasMessageContaining("no handler is active on this thread");
  }

  @Test
  void aPlateOutsideARunSaysSo() {
    assertThatThrownBy(() -> Sites.get().plate("data", 10, 5))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("plate 'data' is used outside a run");
  }

  @Test
  void aLatentSiteWithNoGeneratorSaysWhichHandlerIsMissing() {
    Program model = new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        sites.sample("z", StandardNormal.of(b.size(), 1));
      }
    };
    assertThatThrownBy(() -> Trace.record(model, Batch.generate(2, null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("site 'z' has no value")
        .hasMessageContaining("Seed");
  }

  /** {@code w} global, {@code y} in plate "data" of size 1000, subsample {@code subsample}. */
  private static Program regression(int subsample) {
    return new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        Tensor w = sites.sample("w", StandardNormal.of(1, 2));
        try (Plate data = sites.plate("data", 1000, subsample)) {
          sites.observe("y", Normal.ofLogVariance(b.condition().matmulTransB(w),
              Tensor.zeros(1, 1)), b.data());
        }
      }
    };
  }

  @Test
  void aPlateSizeThatDisagreesWithTheDataNamesTheSiteThePlateAndBothCounts() {
    Batch eight = Batch.of(Tensor.zeros(8, 1), Tensor.zeros(8, 2));
    assertThatThrownBy(() -> Trace.generate(regression(10), eight, Rngs.create(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("site 'y' in plate 'data' has 8 rows")
        .hasMessageContaining("the plate holds 10 (a subsample of 1000)")
        .hasMessageContaining("the plate size disagrees with the data");
  }

  @Test
  void aPlateCountsParticlesWhenTheObjectiveRepeatsExamples() {
    Program guide = new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        sites.sample("w", Normal.ofLogVariance(Tensor.zeros(1, 2), Tensor.zeros(1, 2)));
      }
    };
    Batch eight = Batch.of(Tensor.zeros(8, 1), Tensor.zeros(8, 2));
    // 8 examples x 3 particles = 24 rows, and the plate holds 8 per particle: fine.
    assertThat(new Elbo(3).bound(regression(8), guide, eight, Rngs.create(1)).shape())
        .isEqualTo("8x1");
    assertThatThrownBy(() -> new Elbo(3).bound(regression(24), guide, eight, Rngs.create(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has 24 rows but the plate holds 24 (a subsample of 1000)"
            + " x 3 particles");
  }

  @Test
  void theImportanceWeightedBoundRefusesAScaledSiteNamingItAndTheScale() {
    Program scaledX = HandlersTest.model(() -> Handlers.scale(0.5));
    assertThatThrownBy(() -> ImportanceWeightedElbo.of(3).bound(scaledX, HandlersTest.GUIDE,
        HandlersTest.batch(), Rngs.create(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("site 'x' has scale 0.5")
        .hasMessageContaining("use Elbo for scaled sites");
  }

  @Test
  void aSubsampleLargerThanThePlateIsRejected() {
    assertThatThrownBy(() -> Handlers.plate("data", 10, 11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plate 'data': needs 1 <= subsampleSize <= size");
  }

  @Test
  void aSiteUsedTwiceInOneRunIsAnError() {
    Program twice = new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        sites.sample("z", StandardNormal.of(b.size(), 1));
        sites.sample("z", StandardNormal.of(b.size(), 1));
      }
    };
    assertThatThrownBy(() -> Trace.generate(twice, Batch.generate(2, null), Rngs.create(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("site 'z' is used twice in one run");
  }

  @Test
  void closingHandlersOutOfOrderIsAnError() {
    Handler outer = Handlers.scale(2);
    Handler inner = Handlers.scale(3);
    try {
      assertThatThrownBy(outer::close)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed out of order");
    } finally {
      inner.close();
      outer.close();
    }
  }

  @Test
  void aMaskOfTheWrongLengthNamesTheSiteAndBothCounts() {
    try (Handler m = Handlers.mask(new boolean[] {true, false, true})) {
      assertThatThrownBy(() -> Trace.generate(HandlersTest.MODEL, Batch.generate(4, null),
          Rngs.create(1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("site 'z': mask is 3x1 but the site has 4 rows");
    }
  }

  @Test
  void aMaskHoldsOnlyZerosAndOnes() {
    assertThatThrownBy(() -> Handlers.mask(Tensor.column(1, 0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1 holds 0.5");
  }
}
