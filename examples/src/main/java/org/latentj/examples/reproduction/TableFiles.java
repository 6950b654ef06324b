package org.latentj.examples.reproduction;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a reproduction driver writes its results: {@code <base>.md} (the table as in the docs) and
 * {@code <base>.csv} (every number behind it) in one folder, the table echoed to the console.
 */
final class TableFiles {

  private TableFiles() {}

  /** Writes both files into {@code folder} (created if missing) and prints {@code markdown}. */
  static void write(Path folder, String base, String markdown, String csv, PrintStream echo)
      throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(base + ".md"), markdown, StandardCharsets.UTF_8);
    Files.writeString(folder.resolve(base + ".csv"), csv, StandardCharsets.UTF_8);
    echo.print(markdown);
  }
}
