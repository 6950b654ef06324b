package org.latentj.inference.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that is not a well-formed safetensors file or latentj checkpoint. The message names the
 * file first, then the tensor or metadata key at fault, then what is wrong with it.
 */
public final class CheckpointFormatException extends IOException {

  public CheckpointFormatException(Path file, String problem) {
    super(file + ": " + problem);
  }

  public CheckpointFormatException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
