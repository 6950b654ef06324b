/** Neural-network building blocks: parameters, modules, linear layers, activations, MLPs. */
package org.latentj.nn;
