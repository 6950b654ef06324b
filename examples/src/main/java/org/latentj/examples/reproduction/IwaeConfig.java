package org.latentj.examples.reproduction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.latentj.inference.guice.ObjectivesModule;

/**
 * One row of the IWAE table (Burda, Grosse &amp; Salakhutdinov 2015, Table 1): the objective and
 * its number of samples k. {@code vae-k<k>} is the ELBO averaged over k samples (the paper's VAE
 * with k samples), {@code iwae-k<k>} the importance-weighted bound with k samples.
 */
record IwaeConfig(String name, String objective, int particles) {

  /** The paper's five: VAE k = 1, 5, 50 and IWAE k = 5, 50. */
  static final String DEFAULTS = "vae-k1,vae-k5,vae-k50,iwae-k5,iwae-k50";

  private static final Pattern NAME = Pattern.compile("(vae|iwae)-k([1-9][0-9]*)");

  /** {@code vae-k<k>} or {@code iwae-k<k>}, k a positive integer. */
  static IwaeConfig parse(String name) {
    Matcher m = NAME.matcher(name.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("IwaeConfig: '" + name + "' is not vae-k<k> or"
          + " iwae-k<k> (e.g. vae-k1, iwae-k50)");
    }
    int k = Integer.parseInt(m.group(2));
    String kind = m.group(1).equals("vae") ? ObjectivesModule.ELBO : ObjectivesModule.IWAE;
    return new IwaeConfig(m.group(1) + "-k" + k, kind, k);
  }

  /** A comma-separated list of names. */
  static List<IwaeConfig> parseList(String names) {
    List<IwaeConfig> out = new ArrayList<>();
    for (String n : names.split(",")) {
      if (!n.isBlank()) {
        out.add(parse(n));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("IwaeConfig: no configuration in '" + names + "'");
    }
    return out;
  }
}
