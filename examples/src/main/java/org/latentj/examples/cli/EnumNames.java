package org.latentj.examples.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * Enum values as the command line spells them: lower case with hyphens
 * ({@code nearest-neighbour}), the enum's own name accepted too ({@code NEAREST_NEIGHBOUR}).
 */
final class EnumNames {

  private EnumNames() {}

  /** The command-line name of {@code value}. */
  static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The command-line names of every value of {@code type}, in declaration order. */
  static <E extends Enum<E>> List<String> names(Class<E> type) {
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(name(e));
    }
    return names;
  }

  /**
   * Registers a converter for {@code type} that accepts the command-line name or the enum's
   * name, in any case, and otherwise fails listing the names.
   */
  static <E extends Enum<E>> void register(CommandLine cl, Class<E> type) {
    Map<String, E> byName = new LinkedHashMap<>();
    for (E e : type.getEnumConstants()) {
      byName.put(name(e), e);
      byName.put(e.name().toLowerCase(Locale.ROOT), e);
    }
    List<String> shown = names(type);
    cl.registerConverter(type, text -> {
      String lower = text.toLowerCase(Locale.ROOT);
      E e = byName.containsKey(lower) ? byName.get(lower) : byName.get(lower.replace('_', '-'));
      if (e == null) {
        throw new CommandLine.TypeConversionException("'" + text + "' is not one of "
            + String.join(", ", shown));
      }
      return e;
    });
  }

  /** Completion candidates, for {@code completionCandidates = ...} in option annotations. */
  abstract static class Candidates<E extends Enum<E>> implements Iterable<String> {
    private final Class<E> type;

    Candidates(Class<E> type) {
      this.type = type;
    }

    @Override
    public Iterator<String> iterator() {
      return names(type).iterator();
    }
  }
}
