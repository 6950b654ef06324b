package org.latentj.examples.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --output DIR} (also {@code --out}): the folder a reproduction driver writes its tables
 * and figures to (a picocli mixin).
 */
public final class OutputFolderOption {

  @Option(names = {"--output", "--out"}, paramLabel = "DIR",
      description = "Output folder. Default: ${DEFAULT-VALUE}.")
  Path folder;

  /** {@code folder} unless the command line names another. */
  public OutputFolderOption(String folder) {
    this.folder = Path.of(folder);
  }

  /** The folder. */
  public Path value() {
    return folder;
  }
}
