package org.latentj.inference.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * The bytes of one stored file, as a reader needs them: the length, a few bytes at a given
 * position (to sniff a magic number or read a gzip trailer before decompressing anything) and a
 * stream from the start. Either a file on disk, read lazily, or bytes already in memory.
 */
abstract class StoredBytes {

  private final String name;

  private StoredBytes(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /** A file on disk; nothing is read until asked. */
  static StoredBytes of(Path path) throws IOException {
    return new OnDisk(path);
  }

  /** Bytes in memory (Not copied), named {@code name} in messages. */
  static StoredBytes of(byte[] bytes, String name) {
    return new InMemory(bytes, name);
  }

  /** The path or resource name used in messages and provenance. */
  final String name() {
    return name;
  }

  /** The number of stored bytes. */
  abstract long length();

  /** Reads {@code dst.length} bytes starting at {@code position}, which must lie in the file. */
  abstract void readAt(long position, byte[] dst) throws IOException;

  /** A stream over all stored bytes, from the first; the caller closes it. */
  abstract InputStream open() throws IOException;

  private static final class OnDisk extends StoredBytes {
    private final Path path;
    private final long length;

    OnDisk(Path path) throws IOException {
      super(path.toString());
      this.path = path;
      this.length = Files.size(path);
    }

    @Override
    long length() {
      return length;
    }

    @Override
    void readAt(long position, byte[] dst) throws IOException {
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
        ByteBuffer buf = ByteBuffer.wrap(dst);
        long pos = position;
        while (buf.hasRemaining()) {
          int n = ch.read(buf, pos);
          if (n < 0) {
            throw new EOFException(path + ": file shrank while being read");
          }
          pos += n;
        }
      }
    }

    @Override
    InputStream open() throws IOException {
      return Files.newInputStream(path);
    }
  }

  private static final class InMemory extends StoredBytes {
    private final byte[] bytes;

    InMemory(byte[] bytes, String name) {
      super(name);
      this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    long length() {
      return bytes.length;
    }

    @Override
    void readAt(long position, byte[] dst) {
      System.arraycopy(bytes, (int) position, dst, 0, dst.length);
    }

    @Override
    InputStream open() {
      return new ByteArrayInputStream(bytes);
    }
  }
}
