/**
 * What models are written against: distributions and heads, programs over traces with named
 * sample sites, the prior / likelihood / posterior components, objectives and optimizers.
 */
package org.latentj.model;
