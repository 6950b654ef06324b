/**
 * The data sets the examples use: {@link org.latentj.examples.data.EmbeddedDigits}, 10,000 real
 * MNIST digits shipped inside the jar (so every example and test runs without a download), and
 * {@link org.latentj.examples.data.FashionMnist}, which finds the full Fashion-MNIST on the
 * machine and says how to install it when it is missing.
 */
package org.latentj.examples.data;
