package org.latentj.inference.guice;

import com.google.inject.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A module that adds named components (objectives, optimizers, priors, likelihoods, networks)
 * to a program it is not compiled into, such as the command line: list the class in
 * {@code META-INF/services/org.latentj.inference.guice.ComponentPlugin} on the class path and
 * {@link #discovered()} finds it. Its {@code configure} is usually one {@code register} call.
 */
public interface ComponentPlugin extends Module {

  /** Every plugin on the class path, in the order the service files list them. */
  static List<Module> discovered() {
    List<Module> modules = new ArrayList<>();
    ServiceLoader.load(ComponentPlugin.class).forEach(modules::add);
    return modules;
  }
}
