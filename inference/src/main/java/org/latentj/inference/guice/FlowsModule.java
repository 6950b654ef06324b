package org.latentj.inference.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import java.util.Map;
import org.latentj.inference.flows.FlowSpec;

/**
 * The registry of posterior flows by name: {@code planar:K}, {@code radial:K}, {@code iaf:K},
 * {@code realnvp:K} (K layers, {@link FlowSpec}). The settings' flow {@value #NONE} is no flow:
 * the posterior is the encoder's diagonal Normal. A flow is amortized: it reads d context
 * columns the encoder outputs after the mean and log-variance (Kingma et al. 2016).
 */
public final class FlowsModule extends AbstractModule {

  /** No flow: q(z|x) is the diagonal Normal itself. */
  public static final String NONE = "none";

  /** One sentence per choice, for {@code --help}, including {@value #NONE}. */
  public static final Map<String, String> DESCRIPTIONS = Map.of(
      NONE, "no flow: q(z|x) is the encoder's diagonal Normal.",
      "planar", "K planar layers z + u tanh(w.z + b) (Rezende & Mohamed 2015): cheap, each"
          + " bends the density along one direction.",
      "radial", "K radial layers that contract or expand around a learned point (Rezende &"
          + " Mohamed 2015).",
      "iaf", "K inverse autoregressive layers (MADE networks, Kingma et al. 2016): full-rank"
          + " dependence between latent dimensions.",
      "realnvp", "K affine coupling layers (Dinh et al. 2017): half the dimensions shift and"
          + " scale given the other half, alternating.");

  /** Adds the flow {@code name} to the registry. */
  public static void register(Binder binder, String name, FlowFactory factory) {
    MapBinder.newMapBinder(binder, String.class, FlowFactory.class)
        .addBinding(ComponentSpec.canonicalName(name)).toInstance(factory);
  }

  @Override
  protected void configure() {
    for (FlowSpec.Kind kind : FlowSpec.Kind.values()) {
      register(binder(), kind.name(), (spec, latentSize, contextSize, rng) ->
          new FlowSpec(kind, spec.positiveIntArgument()).build(latentSize, contextSize, rng));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlowsModule;
  }

  @Override
  public int hashCode() {
    return FlowsModule.class.hashCode();
  }
}
