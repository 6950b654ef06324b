/**
 * Reliability tests: a growing table of bad inputs, each of which must fail with an exception
 * that names what is wrong and where ({@link org.latentj.inference.reliability.BadInputTest}),
 * and faults a long run must survive: divergence, SIGKILL during a checkpoint save, a failing
 * write, and the determinism that makes a run repeatable. Some tests start separate JVMs on
 * the test class path; their entry points are the small {@code main} classes of this package.
 */
package org.latentj.inference.reliability;
