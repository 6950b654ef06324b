/**
 * {@link org.latentj.tensor.Tensor}: an EJML matrix with reverse-mode gradients, the one value
 * type every latentj component speaks. Matrix products pass through the
 * {@link org.latentj.tensor.MatMulKernel} seam.
 */
package org.latentj.tensor;
