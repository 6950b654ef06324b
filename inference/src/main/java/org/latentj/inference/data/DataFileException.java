package org.latentj.inference.data;

import java.io.IOException;

/**
 * A data file that cannot be read as what it claims to be: empty, wrong magic number, truncated,
 * inconsistent header, a cell that is not a number, images of different sizes. The message starts
 * with the file ({@link #source()}) and then says what is wrong and where (byte offset and header
 * field, or line and column).
 *
 * <p>It is an {@link IOException}, so a caller that reads files handles one checked type for
 * "cannot open" and "cannot make sense of"; {@link #source()} and {@link #problem()} separate the
 * two parts of the message for programs that report them differently.
 */
public final class DataFileException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final String problem;

  /** {@code source} names the file (a path or a resource name); {@code problem} says the rest. */
  public DataFileException(String source, String problem) {
    super(source + ": " + problem);
    this.source = source;
    this.problem = problem;
  }

  /** As {@link #DataFileException(String, String)}, keeping the lower-level {@code cause}. */
  public DataFileException(String source, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
    this.source = source;
    this.problem = problem;
  }

  /** The file or resource the problem is in. */
  public String source() {
    return source;
  }

  /** What is wrong and where, without the file name. */
  public String problem() {
    return problem;
  }
}
