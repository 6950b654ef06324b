package org.latentj.examples.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A run folder held by one {@code train} at a time: an exclusive {@link FileChannel#tryLock()}
 * on {@value #LOCK} inside it, taken before anything is written, so a second run on the same
 * folder fails at once instead of interleaving metrics and overwriting checkpoints. The lock
 * goes with the process (the operating system drops it when the JVM ends, even when killed).
 *
 * <p>The lock file is left in place after the run: deleting it would let a run that opened the
 * old file and one that creates a new one both hold "the" lock.
 *
 * <p>A start that fails before any checkpoint was saved leaves nothing behind: {@link #close}
 * then deletes the folder, but only if this run created it.
 */
final class RunFolder implements AutoCloseable {

  static final String LOCK = ".lock";

  private final Path dir;
  private final boolean created;
  private final FileChannel channel;
  private final FileLock lock;

  private RunFolder(Path dir, boolean created, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.created = created;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Creates {@code dir} if needed and locks it for this run.
   *
   * @throws FolderInUseException if another run holds the lock
   * @throws IOException if the folder or its lock file cannot be made
   */
  static RunFolder claim(Path dir, String option) throws IOException {
    boolean created = !Files.exists(dir);
    Files.createDirectories(dir);
    Path file = dir.resolve(LOCK);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this JVM, e.g. an in-process test
    }
    if (lock == null) {
      String holder = holder(channel);
      channel.close();
      throw new FolderInUseException(option + " " + dir + " is in use by another 'latentj train'"
          + holder + ", which holds " + file + "; wait for it to finish, or choose another "
          + "folder");
    }
    channel.truncate(0).write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
        .getBytes(StandardCharsets.US_ASCII)), 0);
    return new RunFolder(dir, created, channel, lock);
  }

  private static String holder(FileChannel channel) {
    try {
      ByteBuffer b = ByteBuffer.allocate(32);
      channel.read(b, 0);
      String pid = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
      return pid.matches("\\d+") ? " (process " + pid + ")" : "";
    } catch (IOException e) {
      return "";
    }
  }

  Path dir() {
    return dir;
  }

  /** Releases the lock; removes the folder if this run made it and saved no checkpoint. */
  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
    if (created && !Files.exists(dir.resolve(Run.CHECKPOINT))) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Another run holds the folder: a failure of the moment (exit 1), not a usage error. */
  static final class FolderInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FolderInUseException(String message) {
      super(message);
    }
  }
}
