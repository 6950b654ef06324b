package org.latentj.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.latentj.inference.training.Svi;

/**
 * The executor's copies of a run's model, one per (run, partition), built once from the recipe
 * and kept for the run's later steps. One per partition rather than per executor because tasks of
 * one executor run at once on its cores and a copy's gradient buffers are not shared.
 */
final class Replicas {

  private static final Map<String, Svi> COPIES = new ConcurrentHashMap<>();

  private Replicas() {}

  /** The copy of run {@code run} for {@code partition}, built from {@code recipe} on first use. */
  static Svi of(String run, int partition, SviRecipe recipe) {
    return COPIES.computeIfAbsent(run + "/" + partition, key -> recipe.build());
  }

  /** Forgets run {@code run}'s copies in this JVM (the driver's, in local mode). */
  static void forget(String run) {
    COPIES.keySet().removeIf(key -> key.startsWith(run + "/"));
  }
}
