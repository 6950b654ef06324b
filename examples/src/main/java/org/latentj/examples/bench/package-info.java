/**
 * JMH micro-benchmarks of latentj's hot paths. Run them with {@code scripts/jmh.sh [regex]},
 * one at a time on an otherwise idle machine.
 */
package org.latentj.examples.bench;
