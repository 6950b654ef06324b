/**
 * The seam through which a cluster (the {@code spark} module) trains and evaluates data-parallel:
 * {@link org.latentj.inference.scaleout.ScaleOut}, found at run time.
 */
package org.latentj.inference.scaleout;
