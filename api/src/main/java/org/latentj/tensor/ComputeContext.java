package org.latentj.tensor;

/**
 * What a model computes with, carried by the model's run rather than held in process-wide
 * statics: the matrix-multiply kernel, the dtype the run computes in, and whether distributions
 * check their arguments ({@code org.latentj.model.Validation}). Two models in one JVM can differ:
 * each run enters its own context around its work ({@link #enter()}, scoped to the thread like
 * {@link GradMode}), and {@link MatMul} and {@code Validation} read the innermost entered one.
 * Code that enters none sees the process default ({@link #processDefault()}): the kernel chosen
 * by {@link MatMulKernels#fromSystemProperties()}, float64, validation on.
 */
public final class ComputeContext {

  private static volatile ComputeContext processDefault = new ComputeContext(
      MatMulKernels.fromSystemProperties(), DType.FLOAT64, true);
  private static final ThreadLocal<ComputeContext> CURRENT = new ThreadLocal<>();

  private final MatMulKernel kernel;
  private final DType dtype;
  private final boolean validation;

  private ComputeContext(MatMulKernel kernel, DType dtype, boolean validation) {
    if (kernel == null || dtype == null) {
      throw new IllegalArgumentException("ComputeContext: kernel and dtype must be given");
    }
    this.kernel = kernel;
    this.dtype = dtype;
    this.validation = validation;
  }

  /** The context of this thread: the innermost entered one, else the process default. */
  public static ComputeContext current() {
    ComputeContext c = CURRENT.get();
    return c != null ? c : processDefault;
  }

  /** The context of code that enters none. */
  public static ComputeContext processDefault() {
    return processDefault;
  }

  /**
   * Makes {@code c} the context of every thread that enters none (a program's start-up choice,
   * e.g. the command line's kernel); returns the previous one.
   */
  public static ComputeContext setProcessDefault(ComputeContext c) {
    if (c == null) {
      throw new IllegalArgumentException("ComputeContext.setProcessDefault: context is null");
    }
    ComputeContext previous = processDefault;
    processDefault = c;
    return previous;
  }

  public MatMulKernel kernel() {
    return kernel;
  }

  public DType dtype() {
    return dtype;
  }

  public boolean validation() {
    return validation;
  }

  /** This context with {@code k} for every product. */
  public ComputeContext withKernel(MatMulKernel k) {
    return new ComputeContext(k, dtype, validation);
  }

  /** This context computing in {@code d}. */
  public ComputeContext withDtype(DType d) {
    return new ComputeContext(kernel, d, validation);
  }

  /** This context with distributions' argument checks on or off. */
  public ComputeContext withValidation(boolean on) {
    return new ComputeContext(kernel, dtype, on);
  }

  /**
   * Refuses this context for a model whose parameters are in another dtype: its figures would
   * mix dtypes op by op, so the model's run says so once, where it is given or entered.
   *
   * @param parameters the dtype of the model's parameters
   * @param who what is given the context, named in the message (e.g. {@code "Svi"})
   * @throws IllegalArgumentException naming both dtypes when they differ
   */
  public void requireDtype(DType parameters, String who) {
    if (dtype != parameters) {
      throw new IllegalArgumentException(who + ": the context computes in " + dtype
          + " but the model's parameters are " + parameters + "; give the context the"
          + " model's dtype (ComputeContext.withDtype)");
    }
  }

  /**
   * Enters this context for a model whose parameters are in {@code parameters}, after
   * {@link #requireDtype}; every run's entry point (a step, an evaluation) comes through here.
   */
  public Scope enterFor(DType parameters, String who) {
    requireDtype(parameters, who);
    return enter();
  }

  /** Makes this the thread's context until the scope closes (then the previous one again). */
  public Scope enter() {
    ComputeContext previous = CURRENT.get();
    CURRENT.set(this);
    return new Scope(previous);
  }

  /** An entered context; closing it restores the one before. */
  public static final class Scope implements AutoCloseable {
    private final ComputeContext previous;

    private Scope(ComputeContext previous) {
      this.previous = previous;
    }

    @Override
    public void close() {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  @Override
  public String toString() {
    return "ComputeContext(kernel=" + MatMulKernels.name(kernel) + ", dtype=" + dtype
        + ", validation=" + validation + ")";
  }
}
