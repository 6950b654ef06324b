package org.latentj.examples.reproduction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.examples.data.EmbeddedDigits;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.guice.LikelihoodsModule;

class AevbDatasetTest {

  @Test
  void digitsAreBinarizedAtOneHalf() throws Exception {
    ReproductionData d = AevbDataset.DIGITS.load(null);
    assertThat(d.train().numRows).isEqualTo(8000);
    assertThat(d.test().numRows).isEqualTo(2000);
    DMatrixRMaj grey = EmbeddedDigits.train().features();
    for (int i = 0; i < 784 * 50; i++) {
      assertThat(d.train().data[i]).isEqualTo(grey.data[i] / 255.0 > 0.5 ? 1.0 : 0.0);
    }
  }

  @Test
  void dequantizedGreyLevelsStayInTheirBinInsideTheOpenUnitInterval() {
    Dataset raw = EmbeddedDigits.test().rows(0, 20);
    DMatrixRMaj x = AevbDataset.dequantized(raw, "test");
    DMatrixRMaj k = raw.features();
    for (int i = 0; i < k.getNumElements(); i++) {
      assertThat(x.data[i]).isGreaterThan(0.0).isLessThan(1.0);
      assertThat(Math.floor(256 * x.data[i])).isEqualTo(k.data[i]);
    }
    assertThat(AevbDataset.dequantized(raw, "test").data).isEqualTo(x.data);
  }

  @Test
  void namesAreTheCommandLineNames() {
    assertThat(AevbDataset.named("fashion-gaussian")).isEqualTo(AevbDataset.FASHION_GAUSSIAN);
    assertThat(AevbDataset.named("fashion-gaussian-sigmoid"))
        .isEqualTo(AevbDataset.FASHION_GAUSSIAN_SIGMOID);
    assertThat(AevbDataset.FASHION_GAUSSIAN_SIGMOID.likelihood())
        .isEqualTo(LikelihoodsModule.GAUSSIAN_SIGMOID_MEAN);
    assertThat(AevbDataset.FASHION_GAUSSIAN_SIGMOID.greyLevels()).isTrue();
    assertThat(AevbDataset.DIGITS.greyLevels()).isFalse();
    assertThatThrownBy(() -> AevbDataset.named("frey")).hasMessageContaining("'frey'");
  }
}
