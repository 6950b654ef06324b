package org.latentj.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/** A module's dotted path in its tree, and the shape errors of a layer that name it. */
class ModulePathTest {

  /** A root with one child network, as a guide holds its encoder. */
  static final class Root extends Module {
    final Mlp encoder;

    Root(Mlp encoder) {
      this.encoder = register("encoder", encoder);
    }
  }

  static Mlp mlp(int... sizes) {
    return new Mlp(sizes, Activation.RELU, Initializer.heNormal(), Rngs.create(3));
  }

  @Test
  void pathsFollowTheParameterNames() {
    Root root = new Root(mlp(4, 3, 2));
    Layer first = root.encoder.layers().get(0);
    Layer last = root.encoder.layers().get(2);
    assertThat(root.path()).isEmpty();
    assertThat(root.encoder.path()).isEqualTo("encoder");
    assertThat(first.path()).isEqualTo("encoder.layer0");
    assertThat(last.path()).isEqualTo("encoder.layer2");
    assertThat(root.parameters()).containsKey(last.path() + ".weight");
  }

  @Test
  void aSharedModuleKeepsThePathOfItsFirstParent() {
    Linear shared = new Linear(2, 2, Initializer.heNormal(), Rngs.create(1));
    Sequential a = new Sequential(List.of(shared));
    new Sequential(List.of(new Linear(2, 2, Initializer.heNormal(), Rngs.create(2)), shared));
    assertThat(shared.path()).isEqualTo("layer0");
    assertThat(a.path()).isEmpty();
  }

  /** A module whose children are added from outside. */
  static final class Holder extends Module {
    <M extends Module> M add(String name, M child) {
      return register(name, child);
    }
  }

  @Test
  void aModuleCannotBecomeItsOwnAncestor() {
    Holder a = new Holder();
    Holder b = a.add("b", new Holder());
    Holder c = b.add("c", new Holder());
    assertThat(c.path()).isEqualTo("b.c");
    assertThatThrownBy(() -> c.add("a", a)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a' would make the module its own ancestor");
    assertThatThrownBy(() -> a.add("self", a))
        .hasMessageContaining("its own ancestor");
  }

  @Test
  void aLinearLayerNamesItsPathWhenTheInputDoesNotFit() {
    Root root = new Root(mlp(784, 16, 2));
    assertThatThrownBy(() -> root.encoder.forward(Tensor.zeros(5, 785)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("encoder.layer0, Linear(784 -> 16): input is 5x785 (785 columns) but the "
            + "layer expects 784 columns");
  }

  @Test
  void aLinearLayerOutsideAnyModelNamesItself() {
    Linear alone = new Linear(3, 1, Initializer.heNormal(), Rngs.create(1));
    assertThatThrownBy(() -> alone.forward(Tensor.zeros(2, 4)))
        .hasMessage("Linear(3 -> 1): input is 2x4 (4 columns) but the layer expects 3 columns");
  }
}
