package org.latentj.distributions;

/** No closed-form KL is registered for a pair of families; callers fall back to Monte Carlo. */
public final class NoKlRuleException extends IllegalArgumentException {

  public NoKlRuleException(Class<?> q, Class<?> p) {
    super("no closed-form KL(" + q.getSimpleName() + " || " + p.getSimpleName()
        + ") is registered; estimate it by Monte Carlo instead");
  }
}
