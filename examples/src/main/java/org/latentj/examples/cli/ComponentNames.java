package org.latentj.examples.cli;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import com.google.inject.Module;
import org.latentj.inference.guice.ComponentPlugin;
import org.latentj.inference.guice.ComponentSpec;
import org.latentj.inference.guice.Components;
import org.latentj.inference.guice.FlowsModule;
import picocli.CommandLine;

/**
 * The named components the command line offers: whatever the registries of
 * {@link org.latentj.inference.guice.ComponentsModule} hold, so a newly bound objective,
 * optimizer, prior or likelihood is accepted, completed and listed in {@code --help} with no
 * change here. Each nested class is both the option's converter (which spells the name as the
 * registry does, and refuses an unknown one listing the known) and its completion candidates.
 * Components from outside the library come in as {@link ComponentPlugin}s.
 */
final class ComponentNames {

  private ComponentNames() {}

  /** The registries, built once. */
  static Components components() {
    return Registry.COMPONENTS;
  }

  private static final class Registry {
    static final Components COMPONENTS = Components.standard(
        ComponentPlugin.discovered().toArray(Module[]::new));
  }

  /** Converts and lists the names of one registry; a value may carry a {@code :argument}. */
  abstract static class Choices implements CommandLine.ITypeConverter<String>, Iterable<String> {
    private final Function<Components, Set<String>> names;

    Choices(Function<Components, Set<String>> names) {
      this.names = names;
    }

    @Override
    public String convert(String text) {
      ComponentSpec spec;
      try {
        spec = ComponentSpec.parse(text);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("'" + text + "': " + e.getMessage());
      }
      Set<String> known = names.apply(components());
      if (!known.contains(spec.name())) {
        throw new CommandLine.TypeConversionException("'" + text + "' is not one of "
            + String.join(", ", known));
      }
      return spec.toString();
    }

    @Override
    public Iterator<String> iterator() {
      return names.apply(components()).iterator();
    }
  }

  static final class Objectives extends Choices {
    Objectives() {
      super(Components::objectiveNames);
    }
  }

  static final class Optimizers extends Choices {
    Optimizers() {
      super(Components::optimizerNames);
    }
  }

  static final class Likelihoods extends Choices {
    Likelihoods() {
      super(Components::likelihoodNames);
    }
  }

  static final class Priors extends Choices {
    Priors() {
      super(Components::priorNames);
    }
  }

  static final class Networks extends Choices {
    Networks() {
      super(Components::networkNames);
    }
  }

  /** The registered flows, after {@value FlowsModule#NONE} (no flow). */
  static final class Flows extends Choices {
    Flows() {
      super(c -> {
        Set<String> names = new LinkedHashSet<>(List.of(FlowsModule.NONE));
        names.addAll(c.flowNames());
        return names;
      });
    }
  }
}
