/**
 * latentj on Apache Spark: synchronous data-parallel training
 * ({@link org.latentj.spark.SparkGradients}, plugged into {@code Svi} as its gradient source) and
 * distributed evaluation, both with keyed noise so that any partitioning gives the numbers one
 * machine gives. See docs/spark.md.
 */
package org.latentj.spark;
