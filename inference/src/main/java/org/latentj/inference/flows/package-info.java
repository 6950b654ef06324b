/**
 * Normalizing flows with learned parameters: {@link org.latentj.inference.flows.PlanarFlow} and
 * {@link org.latentj.inference.flows.RadialFlow} (Rezende &amp; Mohamed 2015),
 * {@link org.latentj.inference.flows.InverseAutoregressiveFlow} on
 * {@link org.latentj.inference.flows.Made} conditioners (Kingma et al. 2016),
 * {@link org.latentj.inference.flows.AffineCoupling} (RealNVP, Dinh et al. 2017), chained by a
 * {@link org.latentj.inference.flows.Flow} (built by {@link org.latentj.inference.flows.Flows}).
 *
 * <p>Each layer is a {@link org.latentj.nn.Module} that, given an optional per-row context (an
 * encoder's output, for amortized flows), yields a
 * {@link org.latentj.distributions.Bijection}; a
 * {@link org.latentj.distributions.TransformedDistribution} turns that into a distribution.
 * {@link org.latentj.inference.flows.FlowHead} makes {@code q(z|x) = flow_x(N(mu(x),
 * sigma(x)))} a posterior head. The pure maths (bijection, transformed distribution) lives in
 * the distributions module; these classes own parameters and initial draws, as layers do.
 */
package org.latentj.inference.flows;
