/**
 * Neural-network building blocks: parameters and buffers, modules with a train / eval mode,
 * linear layers, activations, MLPs; convolutions and transpose convolutions on row-flattened
 * images ({@link org.latentj.nn.ImageShape}); batch norm, layer norm and dropout.
 */
package org.latentj.nn;
