package org.latentj.spark;

import com.google.inject.Guice;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.training.Svi;
import org.latentj.tensor.DType;

/** The VAE of {@link VaeSettings}, wired by {@link VaeModule} as on the driver. */
public record VaeRecipe(VaeSettings settings, DType dtype) implements SviRecipe {

  private static final long serialVersionUID = 1L;

  public VaeRecipe {
    if (settings == null || dtype == null) {
      throw new IllegalArgumentException("VaeRecipe: settings and dtype must be given");
    }
  }

  @Override
  public Svi build() {
    return Guice.createInjector(new VaeModule(settings), VaeModule.dtype(dtype))
        .getInstance(Svi.class);
  }
}
