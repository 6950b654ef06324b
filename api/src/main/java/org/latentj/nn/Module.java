package org.latentj.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentj.tensor.DType;

/**
 * A named tree of parameters. A module owns parameters and child modules, registered in its
 * constructor; {@link #parameters()} lists the whole tree in registration order under dotted
 * paths ({@code encoder.layer0.weight}), which checkpoints use as names. A module knows where it
 * sits in the tree it was first registered in ({@link #path()}), so its errors can say which
 * layer of a model failed.
 *
 * <p>Buffers ({@link #buffers()}) are persistent values that are not trained by gradients, such
 * as batch norm's running statistics: checkpoints keep them, optimizers never see them.
 *
 * <p>Mode. A module is in training mode or in evaluation mode ({@link #isTraining()}); layers such
 * as {@link Dropout} and {@link BatchNorm} behave differently in the two. Modules start in
 * evaluation mode, so evaluation, sampling and pictures need nothing; {@code Svi.step} switches
 * its model and guide to training mode for the step, and users with their own training loop call
 * {@link #setTraining(boolean)}.
 */
public abstract class Module {

  private final Map<String, Parameter> ownParameters = new LinkedHashMap<>();
  private final Map<String, Module> children = new LinkedHashMap<>();
  private final Map<String, Parameter> ownBuffers = new LinkedHashMap<>();
  private Module parent;
  private String nameInParent;
  private boolean training;

  /** Registers and returns a parameter of this module. */
  protected final Parameter register(Parameter p) {
    requireFreeName(p.name());
    ownParameters.put(p.name(), p);
    return p;
  }

  /**
   * Registers and returns a buffer of this module: a persistent value that checkpoints keep and
   * {@link #convertTo} converts, but that is not a parameter (no optimizer updates it).
   */
  protected final Parameter registerBuffer(Parameter buffer) {
    requireFreeName(buffer.name());
    ownBuffers.put(buffer.name(), buffer);
    return buffer;
  }

  private void requireFreeName(String name) {
    if (ownParameters.containsKey(name) || children.containsKey(name)
        || ownBuffers.containsKey(name)) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": name '" + name
          + "' is already registered");
    }
  }

  /** Registers and returns a child module under {@code name}. */
  protected final <M extends Module> M register(String name, M child) {
    requireFreeName(name);
    for (Module m = this; m != null; m = m.parent) {
      if (m == child) {
        throw new IllegalArgumentException(getClass().getSimpleName() + ": registering '" + name
            + "' would make the module its own ancestor");
      }
    }
    children.put(name, child);
    Module c = child;
    if (c.parent == null) {
      // A module shared by several parents keeps the path of its first one.
      c.parent = this;
      c.nameInParent = name;
    }
    return child;
  }

  /**
   * The dotted path of this module from the root of its tree ({@code encoder.network.layer0}),
   * as in {@link #parameters()}; empty for a root or a module not registered anywhere.
   */
  public final String path() {
    if (parent == null) {
      return "";
    }
    String up = parent.path();
    return up.isEmpty() ? nameInParent : up + "." + nameInParent;
  }

  /** Every parameter of the tree under its dotted path, in registration order. */
  public final Map<String, Parameter> parameters() {
    Map<String, Parameter> all = new LinkedHashMap<>();
    collect("", all);
    return Collections.unmodifiableMap(all);
  }

  private void collect(String prefix, Map<String, Parameter> into) {
    for (Parameter p : ownParameters.values()) {
      into.put(prefix + p.name(), p);
    }
    for (Map.Entry<String, Module> child : children.entrySet()) {
      child.getValue().collect(prefix + child.getKey() + ".", into);
    }
  }

  /** Every buffer of the tree under its dotted path, in registration order. */
  public final Map<String, Parameter> buffers() {
    Map<String, Parameter> all = new LinkedHashMap<>();
    collectBuffers("", all);
    return Collections.unmodifiableMap(all);
  }

  private void collectBuffers(String prefix, Map<String, Parameter> into) {
    for (Parameter b : ownBuffers.values()) {
      into.put(prefix + b.name(), b);
    }
    for (Map.Entry<String, Module> child : children.entrySet()) {
      child.getValue().collectBuffers(prefix + child.getKey() + ".", into);
    }
  }

  /**
   * Puts this module and every module under it in training mode ({@code true}: batch statistics,
   * dropout) or evaluation mode ({@code false}: running statistics, no dropout).
   */
  public final void setTraining(boolean on) {
    training = on;
    for (Module child : children.values()) {
      child.setTraining(on);
    }
  }

  /** True in training mode; modules start in evaluation mode. */
  public final boolean isTraining() {
    return training;
  }

  /** The direct children, in registration order. */
  public final List<Module> children() {
    return new ArrayList<>(children.values());
  }

  /** Sets every parameter's gradient to zero. */
  public final void zeroGrad() {
    for (Parameter p : parameters().values()) {
      p.zeroGrad();
    }
  }

  /**
   * Converts every parameter of the tree to {@code dtype} (see {@link Parameter#convertTo}): how
   * a model built in float64 becomes a float32 model. Convert before building an optimizer.
   */
  public final void convertTo(DType dtype) {
    for (Parameter p : parameters().values()) {
      p.convertTo(dtype);
    }
    for (Parameter b : buffers().values()) {
      b.convertTo(dtype);
    }
  }

  /**
   * The dtype every parameter of the tree shares; {@link DType#FLOAT64} for a tree without
   * parameters.
   *
   * @throws IllegalStateException naming two parameters of different dtypes
   */
  public final DType dtype() {
    DType d = null;
    String first = null;
    for (Map.Entry<String, Parameter> e : parameters().entrySet()) {
      DType here = e.getValue().dtype();
      if (d == null) {
        d = here;
        first = e.getKey();
      } else if (here != d) {
        throw new IllegalStateException(getClass().getSimpleName() + ": parameter '" + first
            + "' is " + d + " but '" + e.getKey() + "' is " + here
            + "; convert the whole model with convertTo(DType)");
      }
    }
    return d == null ? DType.FLOAT64 : d;
  }

  /** The total number of scalar parameters. */
  public final long parameterCount() {
    long n = 0;
    for (Parameter p : parameters().values()) {
      n += (long) p.rows() * p.cols();
    }
    return n;
  }
}
