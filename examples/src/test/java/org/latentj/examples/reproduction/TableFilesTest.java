package org.latentj.examples.reproduction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableFilesTest {

  @TempDir
  Path dir;

  @Test
  void writesBothFilesIntoANewFolderAndEchoesTheTable() throws IOException {
    ByteArrayOutputStream echo = new ByteArrayOutputStream();
    Path folder = dir.resolve("a/b");
    TableFiles.write(folder, "t", "| x |\n", "x\n1\n",
        new PrintStream(echo, true, StandardCharsets.UTF_8));
    assertThat(Files.readString(folder.resolve("t.md"))).isEqualTo("| x |\n");
    assertThat(Files.readString(folder.resolve("t.csv"))).isEqualTo("x\n1\n");
    assertThat(echo.toString(StandardCharsets.UTF_8)).isEqualTo("| x |\n");
    TableFiles.write(folder, "t", "| y |\n", "y\n");
    assertThat(Files.readString(folder.resolve("t.md"))).isEqualTo("| y |\n");
  }

  @Test
  void appendedRowsFollowOneHeader() throws IOException {
    Path csv = dir.resolve("rows/r.csv");
    TableFiles.appendRow(csv, "a,b", "1,2\n");
    TableFiles.appendRow(csv, "a,b", "3,4\n");
    assertThat(Files.readString(csv)).isEqualTo("a,b\n1,2\n3,4\n");
  }
}
