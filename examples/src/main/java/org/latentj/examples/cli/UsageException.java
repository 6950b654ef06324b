package org.latentj.examples.cli;

/**
 * A command was asked for something its arguments cannot give (a missing run folder, a
 * manifold of a 20-D model, an option value out of range): reported without a stack trace and
 * with exit code 2, like picocli's own parse errors.
 */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
