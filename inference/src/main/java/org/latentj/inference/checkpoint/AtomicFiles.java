package org.latentj.inference.checkpoint;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * All-or-nothing file writes: after {@code write} returns, the target holds the new content, and
 * after it throws, the target holds exactly what it held before.
 *
 * <p>The content goes to a hidden temporary file in the target's directory (same file system, so
 * the rename cannot become a copy), which is forced to the device ({@code fsync}) and then renamed
 * over the target with {@link StandardCopyOption#ATOMIC_MOVE}. Where the file system cannot rename
 * atomically, the move falls back to {@link StandardCopyOption#REPLACE_EXISTING}, which still
 * never exposes a half-written file under the target's name but may, if the machine stops at
 * that moment, leave neither the old nor the new file. Finally the directory is forced so the
 * rename itself survives a power cut; platforms that cannot open a directory (Windows) refuse
 * this, and there the step is skipped. On any failure the temporary file is deleted.
 *
 * <p>The new file gets the platform's default permissions for new files, not those of the file
 * it replaces, and a symbolic link at the target is replaced, not followed.
 */
public final class AtomicFiles {

  private static final int NAME_ATTEMPTS = 16;

  private AtomicFiles() {}

  /**
   * Writes {@code target} atomically; {@code writer} fills the given channel (Modified), which is
   * positioned at 0 and must not be closed by it.
   *
   * @throws IOException naming {@code target} if the temporary file cannot be made, written,
   *     forced or renamed; the previous target is then untouched
   */
  public static void write(Path target, IOConsumer<FileChannel> writer) throws IOException {
    Path file = target.toAbsolutePath();
    Path dir = file.getParent();
    if (dir == null || file.getFileName() == null) {
      throw new IOException("cannot write " + target + ": it names no file in a directory");
    }
    Path temp = createTemp(target, dir, file.getFileName().toString());
    boolean moved = false;
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        writer.accept(channel);
        channel.force(true);
      }
      move(temp, file);
      moved = true;
    } catch (IOException e) {
      throw new IOException("cannot write " + target + ": " + e, e);
    } finally {
      if (!moved) {
        deleteQuietly(temp);
      }
    }
    forceDirectory(dir);
  }

  /**
   * As {@link #write(Path, IOConsumer)}, for writers that produce a stream; the stream is buffered
   * and closing it is harmless.
   */
  public static void writeStream(Path target, IOConsumer<OutputStream> writer)
      throws IOException {
    write(target, channel -> {
      OutputStream buffered = new BufferedOutputStream(new FilterOutputStream(
          Channels.newOutputStream(channel)) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          // The channel belongs to write(), which still has to force it.
          flush();
        }
      });
      writer.accept(buffered);
      buffered.flush();
    });
  }

  private static Path createTemp(Path target, Path dir, String name) throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
      // CREATE_NEW with default permissions; Files.createTempFile would make the result 0600.
      Path temp = dir.resolve("." + name + "." + Long.toHexString(
          ThreadLocalRandom.current().nextLong()) + ".tmp");
      try {
        Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
            .close();
        return temp;
      } catch (FileAlreadyExistsException e) {
        last = e;
      } catch (IOException e) {
        throw new IOException("cannot write " + target + ": cannot create a temporary file in "
            + dir + ": " + e, e);
      }
    }
    throw new IOException("cannot write " + target + ": no free temporary name in " + dir, last);
  }

  private static void move(Path temp, Path file) throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Windows cannot open a directory; the rename is then as durable as the platform makes it.
    }
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // The original failure is the one to report; a stray hidden temp file is harmless.
    }
  }
}
