/**
 * Concrete distribution families, the heads that build them from a network's output, and the
 * closed-form KL divergences between them.
 *
 * <p>Families: {@link org.latentj.distributions.Normal} (diagonal, from a log-variance or a
 * scale), {@link org.latentj.distributions.StandardNormal} (the prior),
 * {@link org.latentj.distributions.Laplace}, {@link org.latentj.distributions.StudentT},
 * {@link org.latentj.distributions.Bernoulli} and
 * {@link org.latentj.distributions.ContinuousBernoulli} (from logits), the binary Concrete
 * relaxation {@link org.latentj.distributions.RelaxedBernoulli},
 * {@link org.latentj.distributions.Poisson} (from log-rates),
 * {@link org.latentj.distributions.OneHotCategorical} and its Gumbel-softmax relaxation
 * {@link org.latentj.distributions.RelaxedOneHotCategorical}, and
 * {@link org.latentj.distributions.MixtureOfDiagonalNormals}. Each is a {@code final} class built
 * by a static factory; every formula is written in the stable parameterisation (logits,
 * log-variances, log-scales, log-rates) so extreme parameters give finite values and gradients.
 * Each can {@link org.latentj.model.Distribution#detachParameters() detach its parameters}, as
 * doubly-reparameterized estimators need. Bernoulli and
 * OneHotCategorical also {@link org.latentj.model.Distribution#enumerateSupport() enumerate their
 * support}, for exact sums.
 *
 * <p>Checks: null and shape checks always run. Parameter values (NaN, infinities, non-positive
 * scales) and values outside the support are checked while {@link org.latentj.model.Validation}
 * is on; each error names the family, the factory or method, the argument, the row and the
 * column.
 *
 * <p>Heads ({@link org.latentj.distributions.NormalHead} and the others) check the raw output's
 * width. {@link org.latentj.distributions.KlRegistry#standard()} holds every closed-form KL rule.
 */
package org.latentj.distributions;
