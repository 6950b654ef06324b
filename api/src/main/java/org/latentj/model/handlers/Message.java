package org.latentj.model.handlers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentj.model.Distribution;
import org.latentj.tensor.Tensor;

/**
 * One sample site in flight: what a program's {@code sample} or {@code observe} call becomes on
 * its way through the handler stack (Pyro's message dictionary). Handlers read and rewrite it in
 * {@link Handler#process} and see the finished site in {@link Handler#postprocess}.
 *
 * <ul>
 *   <li>{@link #name()}, {@link #distribution()}: as the program gave them;
 *   <li>{@link #value()}: null until a handler sets it (replay, condition, substitute) or the
 *       stack draws it after every handler has processed the message;
 *   <li>{@link #isObserved()}: data rather than a latent variable;
 *   <li>{@link #scale()}: the factor on this site's log-probability term (product of scale
 *       handlers and plate subsample factors), {@link #mask()}: an {@code n x 1} column of 0/1
 *       that zeroes rows of the term, or null for none;
 *   <li>{@link #options()}: free-form settings for objectives (Pyro's {@code infer}), e.g.
 *       {@code "enumerate" -> "parallel"};
 *   <li>{@link #plates()}: the plates the site is inside, outermost first, and
 *       {@link #particles()}: how many particles each example's rows are repeated for.
 * </ul>
 */
public final class Message {

  private final String name;
  private final Distribution distribution;
  private Tensor value;
  private boolean observed;
  private double scale = 1.0;
  private Tensor mask;
  private final Map<String, Object> options;
  private final List<PlateFrame> plates = new ArrayList<>();
  private int particles = 1;
  private boolean reparameterize = true;
  private boolean drawIfMissing;
  private boolean drawn;
  private boolean stopped;

  Message(String name, Distribution distribution, Tensor value, boolean observed,
      Map<String, ?> options) {
    this.name = name;
    this.distribution = distribution;
    this.value = value;
    this.observed = observed;
    this.options = new LinkedHashMap<>(options);
  }

  public String name() {
    return name;
  }

  public Distribution distribution() {
    return distribution;
  }

  /** The value, or null while no handler has given one. */
  public Tensor value() {
    return value;
  }

  /** Gives the site a value; the stack then draws none. */
  public void setValue(Tensor value) {
    this.value = value;
  }

  public boolean isObserved() {
    return observed;
  }

  /** Makes the site data ({@code true}) or a latent variable ({@code false}). */
  public void setObserved(boolean observed) {
    this.observed = observed;
  }

  public double scale() {
    return scale;
  }

  /** Multiplies the site's scale by {@code factor}. */
  public void scaleBy(double factor) {
    this.scale *= factor;
  }

  /** The {@code n x 1} 0/1 mask, or null. */
  public Tensor mask() {
    return mask;
  }

  /** Combines {@code m} ({@code n x 1}, 0 or 1) with the current mask by logical and. */
  public void andMask(Tensor m) {
    this.mask = mask == null ? m : mask.mul(m);
  }

  /** The site's options (mutable while in flight). */
  public Map<String, Object> options() {
    return options;
  }

  /** The plates around the site, outermost first. */
  public List<PlateFrame> plates() {
    return Collections.unmodifiableList(plates);
  }

  /** Adds a plate that is outside every plate added so far (handlers run innermost first). */
  public void enterPlate(PlateFrame frame) {
    for (PlateFrame f : plates) {
      if (f.name().equals(frame.name())) {
        throw new IllegalStateException("site '" + name + "' is inside plate '" + frame.name()
            + "' twice");
      }
    }
    plates.add(0, frame);
  }

  public int particles() {
    return particles;
  }

  /** Says that each example's rows are repeated {@code k} times, one per particle. */
  public void setParticles(int k) {
    this.particles = k;
  }

  /** Whether a draw should be reparameterized ({@code rsample}) where the family allows it. */
  public boolean reparameterize() {
    return reparameterize;
  }

  public void setReparameterize(boolean on) {
    this.reparameterize = on;
  }

  /** Whether an observed site with no data may be drawn (ancestral sampling). */
  public boolean drawIfMissing() {
    return drawIfMissing;
  }

  public void setDrawIfMissing(boolean on) {
    this.drawIfMissing = on;
  }

  /** Whether the stack drew the value (rather than a handler or the program giving it). */
  public boolean isDrawn() {
    return drawn;
  }

  void markDrawn() {
    this.drawn = true;
  }

  /** Whether the value is a reparameterized draw, differentiable in the parameters. */
  public boolean isReparameterized() {
    return drawn && reparameterize && distribution.hasRsample();
  }

  /** Hides the site from every handler outside the one calling this (Pyro's {@code stop}). */
  public void stop() {
    this.stopped = true;
  }

  public boolean isStopped() {
    return stopped;
  }

  /** The number of rows of the site's distribution. */
  public int rows() {
    return distribution.batchSize();
  }

  @Override
  public String toString() {
    return "Message(" + name + (observed ? ", observed" : ", latent") + ", scale=" + scale
        + (mask == null ? "" : ", masked") + ", plates=" + plates + ")";
  }
}
