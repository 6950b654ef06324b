package org.latentj.model;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.DType;

/**
 * Updates a fixed set of {@link org.latentj.nn.Parameter}s in place from the gradients that
 * backward passes have accumulated in them.
 *
 * <p>Lifecycle:
 *
 * <ol>
 *   <li>Construct on named parameters, usually {@code module.parameters()}; the names key the
 *       state buffers, so a checkpoint matches parameters by name, not by position. State
 *       buffers are allocated once, here.
 *   <li>Per minibatch: {@link #zeroGrad()}, build the loss and call {@code backward()}, then
 *       {@link #step()}. A schedule may call {@link #setLearningRate(double)} between steps.
 *   <li>For a checkpoint, save {@link #state()} and {@link #scalarState()} next to the parameter
 *       values; to resume, build an optimizer with the same settings on parameters holding the
 *       saved values and call {@link #loadState(Map, Map)}: it then continues bit-for-bit.
 * </ol>
 *
 * <p>{@code toString()} names the algorithm and every hyperparameter, for run provenance.
 */
public interface Optimizer {

  /**
   * One update of every parameter from its current gradient. Gradients are Not modified (call
   * {@link #zeroGrad()} before the next backward pass); parameter values are Modified.
   */
  void step();

  /** Sets the accumulated gradient of every parameter to zero. */
  void zeroGrad();

  /** The number of {@link #step()} calls so far (restored by {@link #loadState}). */
  long steps();

  /** The learning rate the next {@link #step()} uses. */
  double learningRate();

  /**
   * Sets the learning rate for the following steps (a schedule drives this).
   *
   * @throws IllegalArgumentException if {@code rate} is NaN, infinite or negative
   */
  void setLearningRate(double rate);

  /**
   * A snapshot copy of every state buffer, keyed {@code <kind>/<parameterName>} (e.g.
   * {@code m/encoder.layer0.weight}), each shaped like its parameter. Empty for stateless
   * algorithms. Later steps do not change the returned matrices. A buffer kept in float32 (for
   * a float32 parameter) is widened to float64 here, exactly; see {@link #stateDtype}.
   */
  Map<String, DMatrixRMaj> state();

  /**
   * The dtype the state buffer {@code key} of {@link #state()} is kept in, so a checkpoint can
   * store it as such; {@link DType#FLOAT64} unless its parameter is float32.
   */
  default DType stateDtype(String key) {
    return DType.FLOAT64;
  }

  /** A snapshot of the scalar state: at least {@code steps} and {@code learningRate}. */
  Map<String, Double> scalarState();

  /**
   * Replaces the whole state by copies of {@code buffers} and {@code scalars} (Not modified), as
   * returned by {@link #state()} and {@link #scalarState()} of an optimizer with the same
   * settings on same-named, same-shaped parameters. Everything is checked before anything
   * changes.
   *
   * @throws IllegalArgumentException naming the buffer or scalar that is missing, unknown,
   *     wrongly shaped or holds an impossible value
   */
  void loadState(Map<String, DMatrixRMaj> buffers, Map<String, Double> scalars);
}
