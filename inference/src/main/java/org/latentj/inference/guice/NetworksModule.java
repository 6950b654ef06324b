package org.latentj.inference.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import org.latentj.nn.Mlp;

/** The registry of network families by name, for the encoder and the decoder. */
public final class NetworksModule extends AbstractModule {

  /** Fully connected layers with the activation between them ({@link Mlp}). */
  public static final String MLP = "mlp";

  /**
   * Stride-2 convolutions on row-flattened images, then fully connected layers; the decoder
   * mirrors it with transposed convolutions ({@link ConvNetworkFactory}). Needs the settings'
   * image shape and channels.
   */
  public static final String CONV = "conv";

  /** Side of every {@link #CONV} layer's kernel (so a size estimate can follow the layout). */
  public static final int CONV_KERNEL = 4;

  /** Stride of every {@link #CONV} layer: each halves (or, transposed, doubles) the image. */
  public static final int CONV_STRIDE = 2;

  /** Zero padding of every {@link #CONV} layer. */
  public static final int CONV_PADDING = 1;

  /** Adds the network family {@code name} to the registry. */
  public static void register(Binder binder, String name, NetworkFactory factory) {
    MapBinder.newMapBinder(binder, String.class, NetworkFactory.class)
        .addBinding(ComponentSpec.canonicalName(name)).toInstance(factory);
  }

  @Override
  protected void configure() {
    register(binder(), MLP, (n, role, out, init, rng, dtype) -> new Mlp(
        role == NetworkFactory.Role.ENCODER ? n.encoderSizes(out) : n.decoderSizes(out),
        n.activation(), init, rng, dtype));
    register(binder(), CONV, new ConvNetworkFactory());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetworksModule;
  }

  @Override
  public int hashCode() {
    return NetworksModule.class.hashCode();
  }
}
