package org.latentj.inference.guice;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A component chosen by name, with an optional argument after a colon: {@code standard-normal},
 * {@code mog:10}, {@code vamp:500}. The name picks a binding in a registry; the binding parses the
 * argument (for example with {@link #positiveIntArgument()}). Written to provenance as its text.
 *
 * @param name the registered name, lower case with hyphens
 * @param argument the text after the first colon, or null when there is none
 */
public record ComponentSpec(String name, String argument)
    implements java.io.Serializable {

  public ComponentSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("ComponentSpec: the name is empty");
    }
    name = canonicalName(name);
    if (argument != null && argument.isEmpty()) {
      throw new IllegalArgumentException("ComponentSpec '" + name + ":': the argument after"
          + " the colon is empty");
    }
  }

  /** A component with no argument. */
  public static ComponentSpec of(String name) {
    return new ComponentSpec(name, null);
  }

  /** Parses {@code "name"} or {@code "name:argument"}. */
  @JsonCreator
  public static ComponentSpec parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("ComponentSpec: the text is null");
    }
    int colon = text.indexOf(':');
    return colon < 0 ? new ComponentSpec(text, null)
        : new ComponentSpec(text.substring(0, colon), text.substring(colon + 1));
  }

  /** Fails unless there is no argument: for components that take none. */
  public void requireNoArgument() {
    if (argument != null) {
      throw new IllegalArgumentException("'" + this + "': " + name + " takes no argument");
    }
  }

  /**
   * The argument as a positive integer ({@code mog:10} gives 10).
   *
   * @throws IllegalArgumentException naming the spec when it is missing or not a positive int
   */
  public int positiveIntArgument() {
    if (argument == null) {
      throw new IllegalArgumentException("'" + this + "': " + name + " needs a positive integer"
          + " argument, e.g. " + name + ":10");
    }
    try {
      int n = Integer.parseInt(argument.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // the message below says what was wrong
    }
    throw new IllegalArgumentException("'" + this + "': the argument of " + name
        + " must be a positive integer, got '" + argument + "'");
  }

  @JsonValue
  @Override
  public String toString() {
    return argument == null ? name : name + ":" + argument;
  }

  /**
   * A registry name as written by a user, spelled as registries hold it: lower case with
   * hyphens ({@code IWAE_DREG} gives {@code iwae-dreg}).
   */
  public static String canonicalName(String name) {
    return name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
