/**
 * Guides that own their parameters and need no network, for global latent sites:
 * {@link org.latentj.inference.guides.AutoNormal}, the mean-field Gaussian.
 */
package org.latentj.inference.guides;
