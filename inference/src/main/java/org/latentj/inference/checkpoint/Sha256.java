package org.latentj.inference.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests as lower-case hex: the one helper for checkpoint checksums, data files and
 * in-memory data sets.
 */
public final class Sha256 {

  private static final int CHUNK = 1 << 20;

  private Sha256() {}

  /** A fresh SHA-256 digest (every Java platform is required to provide one). */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM lacks SHA-256, which every Java SE must have", e);
    }
  }

  /** The digest's result as 64 lower-case hex digits (Modified: digest, which is reset). */
  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The SHA-256 of {@code data} as 64 lower-case hex digits. */
  public static String of(byte[] data) {
    return HexFormat.of().formatHex(newDigest().digest(data));
  }

  /** The SHA-256 of a file's whole content, e.g. a training set, as 64 lower-case hex digits. */
  public static String ofFile(Path file) throws IOException {
    MessageDigest digest = newDigest();
    ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (channel.read(buffer) >= 0) {
        buffer.flip();
        digest.update(buffer);
        buffer.clear();
      }
    }
    return hex(digest);
  }

  /** True if {@code s} is 64 hex digits, as a SHA-256 in hex is. */
  public static boolean isHex(String s) {
    if (s == null || s.length() != 64) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
