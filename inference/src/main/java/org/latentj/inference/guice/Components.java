package org.latentj.inference.guice;

import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The named components an injector knows, in the order they were bound: what the settings'
 * names are looked up in, and what a command line lists as its choices.
 */
public final class Components {

  private final Map<String, ObjectiveFactory> objectives;
  private final Map<String, OptimizerFactory> optimizers;
  private final Map<String, PriorFactory> priors;
  private final Map<String, LikelihoodFactory> likelihoods;
  private final Map<String, NetworkFactory> networks;
  private final Map<String, FlowFactory> flows;

  @Inject
  Components(Map<String, ObjectiveFactory> objectives, Map<String, OptimizerFactory> optimizers,
      Map<String, PriorFactory> priors, Map<String, LikelihoodFactory> likelihoods,
      Map<String, NetworkFactory> networks, Map<String, FlowFactory> flows) {
    this.objectives = objectives;
    this.optimizers = optimizers;
    this.priors = priors;
    this.likelihoods = likelihoods;
    this.networks = networks;
    this.flows = flows;
  }

  /** The library's components and those {@code extra} modules register. */
  public static Components standard(Module... extra) {
    List<Module> modules = new ArrayList<>();
    modules.add(new ComponentsModule()); // first, so the library's names are listed first
    modules.addAll(List.of(extra));
    return Guice.createInjector(modules).getInstance(Components.class);
  }

  public Set<String> objectiveNames() {
    return objectives.keySet();
  }

  public Set<String> optimizerNames() {
    return optimizers.keySet();
  }

  public Set<String> priorNames() {
    return priors.keySet();
  }

  public Set<String> likelihoodNames() {
    return likelihoods.keySet();
  }

  public Set<String> networkNames() {
    return networks.keySet();
  }

  /** The registered flows; {@value FlowsModule#NONE} (no flow) is not among them. */
  public Set<String> flowNames() {
    return flows.keySet();
  }

  /** @throws IllegalArgumentException naming the registered objectives if none is {@code name} */
  public ObjectiveFactory objective(String name) {
    return lookup("objective", objectives, name);
  }

  /** @throws IllegalArgumentException naming the registered optimizers if none is {@code name} */
  public OptimizerFactory optimizer(String name) {
    return lookup("optimizer", optimizers, name);
  }

  /** @throws IllegalArgumentException naming the registered priors if none is {@code name} */
  public PriorFactory prior(String name) {
    return lookup("prior", priors, name);
  }

  /** @throws IllegalArgumentException naming the registered likelihoods if none is {@code name} */
  public LikelihoodFactory likelihood(String name) {
    return lookup("likelihood", likelihoods, name);
  }

  /** @throws IllegalArgumentException naming the registered networks if none is {@code name} */
  public NetworkFactory network(String name) {
    return lookup("network", networks, name);
  }

  /** @throws IllegalArgumentException naming the registered flows if none is {@code name} */
  public FlowFactory flow(String name) {
    return lookup("flow", flows, name);
  }

  private static <T> T lookup(String kind, Map<String, T> registry, String name) {
    T found = registry.get(ComponentSpec.canonicalName(name));
    if (found == null) {
      throw new IllegalArgumentException("no " + kind + " named '" + name + "'; the registered"
          + " ones are " + String.join(", ", registry.keySet()));
    }
    return found;
  }
}
