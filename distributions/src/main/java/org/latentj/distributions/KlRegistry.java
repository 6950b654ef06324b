package org.latentj.distributions;

import java.util.LinkedHashMap;
import java.util.Map;
import org.latentj.model.Distribution;
import org.latentj.tensor.Tensor;

/**
 * Closed-form {@code KL(q || p)} rules, looked up by the exact classes of both families. The
 * engine asks {@link #has} first and falls back to a Monte Carlo estimate where no rule exists.
 */
public final class KlRegistry {

  private record Pair(Class<?> q, Class<?> p) {}

  private final Map<Pair, KlRule<?, ?>> rules = new LinkedHashMap<>();

  /** An empty registry. */
  public KlRegistry() {}

  /** A registry holding every rule latentj ships. */
  public static KlRegistry standard() {
    KlRegistry r = new KlRegistry();
    r.register(Normal.class, Normal.class, ContinuousKlRules::normalNormal);
    r.register(Normal.class, StandardNormal.class, ContinuousKlRules::normalStandardNormal);
    r.register(StandardNormal.class, Normal.class, ContinuousKlRules::standardNormalNormal);
    r.register(StandardNormal.class, StandardNormal.class,
        ContinuousKlRules::standardNormalStandardNormal);
    r.register(Laplace.class, Laplace.class, ContinuousKlRules::laplaceLaplace);
    r.register(Bernoulli.class, Bernoulli.class, BernoulliKl::bernoulliBernoulli);
    r.register(OneHotCategorical.class, OneHotCategorical.class, CategoricalKl::kl);
    return r;
  }

  /** Adds (or replaces) the rule for {@code (q, p)}; returns this registry. */
  public <Q extends Distribution, P extends Distribution> KlRegistry register(Class<Q> q,
      Class<P> p, KlRule<Q, P> rule) {
    rules.put(new Pair(q, p), rule);
    return this;
  }

  /** Whether a closed form exists for these two distributions. */
  public boolean has(Distribution q, Distribution p) {
    return rules.containsKey(new Pair(q.getClass(), p.getClass()));
  }

  /**
   * {@code KL(q || p)} per row: {@code batchSize x 1}.
   *
   * @throws NoKlRuleException if no rule is registered for the pair
   */
  @SuppressWarnings("unchecked")
  public Tensor kl(Distribution q, Distribution p) {
    KlRule<Distribution, Distribution> rule =
        (KlRule<Distribution, Distribution>) rules.get(new Pair(q.getClass(), p.getClass()));
    if (rule == null) {
      throw new NoKlRuleException(q.getClass(), p.getClass());
    }
    if (q.batchSize() != p.batchSize() || q.eventSize() != p.eventSize()) {
      throw new IllegalArgumentException("kl: q is " + q.batchSize() + "x" + q.eventSize()
          + " but p is " + p.batchSize() + "x" + p.eventSize());
    }
    return rule.kl(q, p);
  }
}
