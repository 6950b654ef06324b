package org.latentj.inference.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentj.model.Optimizer;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;

/** Steady-state steps allocate nothing: state buffers exist from construction on. */
class AllocationTest {

  static List<Fixtures.Config> configurations() {
    return Fixtures.everyConfiguration();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configurations")
  void stepsDoNotAllocate(Fixtures.Config config) {
    assumeTrue(ManagementFactory.getThreadMXBean()
        instanceof com.sun.management.ThreadMXBean, "needs per-thread allocation counters");
    com.sun.management.ThreadMXBean bean =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled());
    Map<String, Parameter> params = Fixtures.threeParameters();
    Optimizer optimizer = config.build(params);
    Fixtures.randomGradients(params, Rngs.create(9));
    for (int i = 0; i < 100; i++) {
      optimizer.step();
    }
    long id = Thread.currentThread().getId();
    long before = bean.getThreadAllocatedBytes(id);
    for (int i = 0; i < 5000; i++) {
      optimizer.step();
    }
    long allocated = bean.getThreadAllocatedBytes(id) - before;
    // One object per step would already be 80 kB; allow a little for the counter itself.
    // One object per step would be at least 16 bytes x 5000 steps = 80 kB; a few kB are one-off
    // JVM bookkeeping (JIT, TLAB accounting) that appears under load and does not grow.
    assertThat(allocated).as("%s: bytes allocated in 5000 steps", config).isLessThan(16_384);
  }
}
