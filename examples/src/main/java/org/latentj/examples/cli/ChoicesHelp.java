package org.latentj.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.latentj.inference.guice.FlowsModule;
import org.latentj.inference.guice.LikelihoodsModule;
import org.latentj.inference.guice.PriorsModule;

/**
 * The end of {@code train --help}: what each registered likelihood, prior and flow learns, one
 * line each, from the registries' descriptions ({@link LikelihoodsModule#DESCRIPTIONS},
 * {@link PriorsModule#DESCRIPTIONS}, {@link FlowsModule#DESCRIPTIONS}). A component a plugin
 * adds is listed too, as having no description.
 */
final class ChoicesHelp {

  private ChoicesHelp() {}

  /** The footer lines (picocli format strings: a literal percent sign is doubled). */
  static String[] footer() {
    List<String> lines = new ArrayList<>();
    section(lines, "--likelihood", new ComponentNames.Likelihoods(),
        LikelihoodsModule.DESCRIPTIONS);
    section(lines, "--prior", new ComponentNames.Priors(), PriorsModule.DESCRIPTIONS);
    section(lines, "--flow", new ComponentNames.Flows(), FlowsModule.DESCRIPTIONS);
    return lines.toArray(String[]::new);
  }

  private static void section(List<String> lines, String option, Iterable<String> names,
      Map<String, String> descriptions) {
    lines.add("");
    lines.add(option + ":");
    for (String name : names) {
      String text = descriptions.getOrDefault(name, "(a plugin's; no description)");
      lines.add("  " + name + ": " + text.replace("%", "%%"));
    }
  }
}
