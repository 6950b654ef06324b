package org.latentj.inference.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.latentj.tensor.Rngs;

class FlowSpecTest {

  @Test
  void namesParseAndBuildTheirFlows() {
    assertThat(FlowSpec.parse("planar:3").build(4, 0, Rngs.create(1)).layers()).hasSize(3)
        .allMatch(l -> l instanceof PlanarFlow);
    assertThat(FlowSpec.parse("IAF:2").build(4, 4, Rngs.create(1)).layers())
        .extracting(l -> l.getClass().getSimpleName())
        .containsExactly("InverseAutoregressiveFlow", "Permutation", "InverseAutoregressiveFlow");
    assertThat(FlowSpec.parse("realnvp:2").build(4, 0, Rngs.create(1)).contextSize()).isZero();
    assertThat(FlowSpec.parse("radial:1")).hasToString("radial:1");
  }

  @Test
  void badNamesGetOneMessageEach() {
    String usage = " (expected planar:K, radial:K, iaf:K or realnvp:K with K >= 1)";
    assertThatThrownBy(() -> FlowSpec.parse("planar"))
        .hasMessage("flow 'planar' has no layer count" + usage);
    assertThatThrownBy(() -> FlowSpec.parse("maf:2"))
        .hasMessage("flow 'maf:2': unknown kind 'maf'" + usage);
    assertThatThrownBy(() -> FlowSpec.parse("iaf:x"))
        .hasMessage("flow 'iaf:x': layer count 'x' is not a whole number" + usage);
    assertThatThrownBy(() -> FlowSpec.parse("iaf:0"))
        .hasMessage("flow 'iaf:0': layer count must be >= 1" + usage);
  }

  @Test
  void layersOfDifferentSizesDoNotChain() {
    assertThatThrownBy(() -> new Flow(java.util.List.of(new PlanarFlow(2, 0, Rngs.create(1)),
        new PlanarFlow(3, 0, Rngs.create(1)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Flow: layer 1 (PlanarFlow(3)) maps 3 columns but layer 0 maps 2");
  }

  @Test
  void anAmortizedFlowNeedsItsContext() {
    Flow flow = Flows.planar(2, 1, 3, Rngs.create(1));
    assertThatThrownBy(() -> flow.bijection(null))
        .hasMessage("Flow[PlanarFlow(2, context 3)]: needs a context of 3 columns per row (an"
            + " amortized flow) but was given none");
    assertThatThrownBy(() -> flow.bijection(org.latentj.tensor.Tensor.zeros(4, 2)))
        .hasMessage("Flow[PlanarFlow(2, context 3)]: context is 4x2 but the flow reads 3"
            + " columns per row");
  }
}
