/** Priors p(z) for latent-variable models. */
package org.latentj.inference.priors;
