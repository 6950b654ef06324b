package org.latentj.inference.guice;

import org.latentj.distributions.KlRegistry;
import org.latentj.inference.objectives.AnalyticKlElbo;
import org.latentj.inference.objectives.Elbo;
import org.latentj.inference.objectives.ImportanceWeightedElbo;
import org.latentj.model.Objective;

/** The objectives a {@link VaeSettings} can name. */
public enum ObjectiveKind {
  /** Monte Carlo ELBO, the AEVB paper's estimator A. */
  ELBO {
    @Override
    public Objective create(int particles, KlRegistry kl) {
      return new Elbo(particles);
    }
  },
  /** ELBO with closed-form KL where one exists, estimator B. */
  ANALYTIC_KL_ELBO {
    @Override
    public Objective create(int particles, KlRegistry kl) {
      return new AnalyticKlElbo(kl, particles);
    }
  },
  /** Importance-weighted bound with k = particles (Burda et al. 2015). */
  IWAE {
    @Override
    public Objective create(int particles, KlRegistry kl) {
      return ImportanceWeightedElbo.of(particles);
    }
  },
  /** Importance-weighted bound with doubly-reparameterized guide gradients. */
  IWAE_DREG {
    @Override
    public Objective create(int particles, KlRegistry kl) {
      return ImportanceWeightedElbo.doublyReparameterized(particles);
    }
  };

  /** A fresh objective with {@code particles} samples per example. */
  public abstract Objective create(int particles, KlRegistry kl);
}
