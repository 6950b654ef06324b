package org.latentj.examples.reproduction;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How every reproduction driver writes its results: {@code <base>.md} (the table as in the docs)
 * and {@code <base>.csv} (every number behind it) in one folder, the table echoed to the
 * console; drivers that rewrite a file after each configuration (so a run cut short keeps what it
 * finished) or add a CSV row per result use {@link #writeText} and {@link #appendRow}. All text
 * is UTF-8 and folders are created as needed.
 */
final class TableFiles {

  private TableFiles() {}

  /** Writes both files into {@code folder} and prints {@code markdown} to {@code echo}. */
  static void write(Path folder, String base, String markdown, String csv, PrintStream echo)
      throws IOException {
    write(folder, base, markdown, csv);
    echo.print(markdown);
  }

  /** Writes {@code <base>.md} and {@code <base>.csv} into {@code folder}, replacing them. */
  static void write(Path folder, String base, String markdown, String csv) throws IOException {
    writeText(folder.resolve(base + ".md"), markdown);
    writeText(folder.resolve(base + ".csv"), csv);
  }

  /** Writes {@code text} to {@code file}, replacing it. */
  static void writeText(Path file, CharSequence text) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /**
   * Appends {@code row} (with its line end) to the CSV {@code file}, after {@code header} and a
   * line end when the file is new or empty.
   */
  static void appendRow(Path file, String header, String row) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    String text = !Files.exists(file) || Files.size(file) == 0 ? header + "\n" + row : row;
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
