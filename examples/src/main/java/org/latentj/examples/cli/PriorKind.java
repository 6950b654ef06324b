package org.latentj.examples.cli;

/** The priors p(z) the command line can name. */
enum PriorKind {
  /** {@code N(0, I)}, the VAE's usual prior. */
  STANDARD_NORMAL
}
