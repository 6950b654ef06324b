/** The Variational Autoencoder as a model/guide pair of programs with sites "z" and "x". */
package org.latentj.inference.vae;
