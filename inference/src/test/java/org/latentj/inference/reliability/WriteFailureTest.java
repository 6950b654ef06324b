package org.latentj.inference.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.latentj.inference.checkpoint.AtomicFiles;
import org.latentj.inference.checkpoint.Checkpoint;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.testing.ChildJvm;

/**
 * A save that cannot complete (the disk fills up, the run folder is gone or is not a folder)
 * fails with an {@link IOException} naming the checkpoint's path and the cause, leaves the
 * previous checkpoint byte for byte as it was, leaves no temporary file behind, and loses no
 * state: the same checkpoint saves elsewhere afterwards.
 *
 * <p>A real full disk needs a small file system, which cannot be made without privileges; the
 * nearest real thing is the file-size limit ({@code ulimit -f}, RLIMIT_FSIZE), under which the
 * kernel fails the write with EFBIG ("File too large") just as a full disk fails it with ENOSPC.
 * A child JVM saves under such a limit; HotSpot ignores the SIGXFSZ signal that comes with it,
 * so the write returns an error instead of killing the process.
 */
class WriteFailureTest {

  @TempDir Path dir;

  @Test
  void aWriterThatFailsMidWriteLeavesThePreviousCheckpoint() throws Exception {
    Path target = dir.resolve("run.safetensors");
    Checkpoint previous = BigCheckpoint.of(1, 1);
    CheckpointStore.save(target, previous);
    byte[] before = Files.readAllBytes(target);

    assertThatThrownBy(() -> AtomicFiles.write(target, channel -> {
      channel.write(ByteBuffer.wrap(new byte[1 << 20]));
      throw new IOException("No space left on device");
    })).isInstanceOf(IOException.class)
        .hasMessageContaining(target.toString())
        .hasMessageContaining("No space left on device");

    assertThat(Files.readAllBytes(target)).isEqualTo(before);
    BigCheckpoint.check(CheckpointStore.load(target));
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void aRunFolderThatIsAFileIsReportedWithThePath() throws Exception {
    Path notAFolder = Files.write(dir.resolve("runs"), new byte[] {1});
    Path target = notAFolder.resolve("run.safetensors");
    Checkpoint state = BigCheckpoint.of(2, 1);

    assertThatThrownBy(() -> CheckpointStore.save(target, state))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot write " + target)
        .hasMessageContaining("Not a directory");
    assertThat(Files.readAllBytes(notAFolder)).containsExactly(1);

    // Nothing is lost: the same state saves once the folder is sorted out.
    Path elsewhere = Files.createDirectory(dir.resolve("runs2")).resolve("run.safetensors");
    CheckpointStore.save(elsewhere, state);
    BigCheckpoint.check(CheckpointStore.load(elsewhere));
  }

  @Test
  void aMissingRunFolderIsReportedWithThePath() {
    Path target = dir.resolve("gone").resolve("run.safetensors");
    assertThatThrownBy(() -> CheckpointStore.save(target, BigCheckpoint.of(3, 1)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot write " + target)
        .hasMessageContaining("cannot create a temporary file in " + target.getParent());
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aRealWriteErrorFromTheKernelLeavesThePreviousCheckpoint() throws Exception {
    Path target = dir.resolve("run.safetensors");
    CheckpointStore.save(target, BigCheckpoint.of(4, 1));
    byte[] before = Files.readAllBytes(target);

    // 2048 blocks of 1 KiB: the 1 MB checkpoint fits, a 4 MB one does not.
    List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -f 2048 && exec \"$@\"",
        "bash"));
    command.addAll(ChildJvm.command(List.of("-Xmx256m", "-XX:+UseSerialGC"), SaveOnce.class,
        target.toString(), "5", "4"));
    List<String> output;
    int exit;
    try (ChildJvm child = ChildJvm.start(command)) {
      exit = child.waitFor(120_000);
      output = child.lines();
    }
    assertThat(exit).as("exit code; output %s", output).isEqualTo(SaveOnce.FAILED);
    assertThat(String.join("\n", output))
        .contains("failed: cannot write " + target)
        .contains("File too large");

    assertThat(Files.readAllBytes(target)).isEqualTo(before);
    assertThat(CheckpointStore.load(target).position().step()).isEqualTo(4);
    assertThat(temporaryFiles()).isEmpty();
  }

  private List<Path> temporaryFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
