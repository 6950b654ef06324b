package org.latentj.inference.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path dir;

  private static final String OLD = "previous content";

  private Path previous() throws IOException {
    return Files.writeString(dir.resolve("target.bin"), OLD);
  }

  private static void writeString(java.nio.channels.FileChannel channel, String s)
      throws IOException {
    ByteBuffer b = ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    while (b.hasRemaining()) {
      channel.write(b);
    }
  }

  /** Names in the directory other than the target: left-over temporary files. */
  private String[] strays(Path target) throws IOException {
    try (Stream<Path> files = Files.list(target.getParent())) {
      return files.filter(p -> !p.equals(target)).map(p -> p.getFileName().toString())
          .toArray(String[]::new);
    }
  }

  @Test
  void replacesTheTargetAndLeavesNothingElse() throws IOException {
    Path target = previous();

    AtomicFiles.write(target, channel -> writeString(channel, "new"));

    assertThat(Files.readString(target)).isEqualTo("new");
    assertThat(strays(target)).isEmpty();
  }

  @Test
  void createsATargetThatDidNotExist() throws IOException {
    Path target = dir.resolve("fresh.bin");

    AtomicFiles.writeStream(target, out -> {
      out.write("streamed".getBytes(StandardCharsets.UTF_8));
      out.close(); // harmless: the channel still gets forced and renamed
    });

    assertThat(Files.readString(target)).isEqualTo("streamed");
    assertThat(strays(target)).isEmpty();
  }

  @Test
  void writerFailingMidwayLeavesThePreviousFileAndNoTempFile() throws IOException {
    Path target = previous();

    assertThatThrownBy(() -> AtomicFiles.write(target, channel -> {
      writeString(channel, "half of the new con");
      throw new IOException("No space left on device");
    }))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot write " + target)
        .hasMessageContaining("No space left on device");

    assertThat(Files.readString(target)).isEqualTo(OLD);
    assertThat(strays(target)).isEmpty();
  }

  @Test
  void uncheckedFailureAlsoCleansUp() throws IOException {
    Path target = previous();

    assertThatThrownBy(() -> AtomicFiles.writeStream(target, out -> {
      out.write(new byte[100_000]);
      throw new IllegalStateException("bug in the writer");
    })).isInstanceOf(IllegalStateException.class).hasMessage("bug in the writer");

    assertThat(Files.readString(target)).isEqualTo(OLD);
    assertThat(strays(target)).isEmpty();
  }

  @Test
  void failedRenameLeavesTheTargetAndNoTempFile() throws IOException {
    // A non-empty directory cannot be replaced by a file, even by root.
    Path target = Files.createDirectory(dir.resolve("occupied"));
    Files.writeString(target.resolve("inside.txt"), OLD);

    assertThatThrownBy(() -> AtomicFiles.write(target, channel -> writeString(channel, "new")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot write " + target);

    assertThat(Files.readString(target.resolve("inside.txt"))).isEqualTo(OLD);
    assertThat(strays(target)).isEmpty();
  }

  @Test
  void missingDirectoryIsReportedNamingTheTarget() {
    Path target = dir.resolve("no-such-dir").resolve("target.bin");

    assertThatThrownBy(() -> AtomicFiles.write(target, channel -> writeString(channel, "x")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot write " + target)
        .hasMessageContaining("cannot create a temporary file in");
  }

  @Test
  void readOnlyDirectoryLeavesThePreviousFile() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "needs POSIX permissions");
    Path target = previous();
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      // Root ignores directory permissions, which would make this test meaningless.
      assumeFalse(Files.isWritable(dir), "directory permissions are not enforced (root?)");

      assertThatThrownBy(() -> AtomicFiles.write(target, channel -> writeString(channel, "new")))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("cannot write " + target);

      assertThat(Files.readString(target)).isEqualTo(OLD);
      assertThat(strays(target)).isEmpty();
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
