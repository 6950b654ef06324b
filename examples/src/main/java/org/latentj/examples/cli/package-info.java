/**
 * The {@code latentj} command-line tool: {@code train} fits a VAE and writes a run folder
 * (checkpoint, metrics, pictures, summary), and {@code evaluate}, {@code sample},
 * {@code reconstruct}, {@code manifold} and {@code interpolate} rebuild the model from the
 * settings stored in a run's checkpoint and work on it. {@link org.latentj.examples.cli.Latentj}
 * is the main class; the root-level {@code latentj} script builds and runs it.
 */
package org.latentj.examples.cli;
