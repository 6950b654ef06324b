package org.latentj.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.latentj.tensor.NetlibMatMulKernel.Choice;
import org.latentj.tensor.NetlibMatMulKernel.Source;

/**
 * Where the native BLAS comes from ({@link NetlibMatMulKernel#choose}) and what {@code auto}
 * picks. The surefire configuration runs this class and {@link MatMulKernelTest} three times:
 * as the machine is, with {@code -Dlatentj.blas=bundled} (the OpenBLAS Maven brings, even where
 * a system one is installed) and with {@code -Dlatentj.blas=none} (as on a platform without
 * natives).
 */
class NativeBlasTest {

  private static final String PROPERTY = System.getProperty(NetlibMatMulKernel.SOURCE_PROPERTY,
      "auto");

  /** A source that records that it was asked. */
  private static Supplier<String> source(String answer, List<String> asked, String name) {
    return () -> {
      asked.add(name);
      if (answer == null && name.equals("bundled")) {
        throw new IllegalStateException("no natives here");
      }
      return answer;
    };
  }

  private static Choice choose(String property, String named, String system, String bundled,
      List<String> asked) {
    return NetlibMatMulKernel.choose(property, named, source(system, asked, "system"),
        source(bundled, asked, "bundled"));
  }

  @Test
  void autoTriesNamedThenBundledThenSystemThenGeneric() {
    List<String> asked = new ArrayList<>();
    assertThat(choose("auto", "/x/libmkl.so", "/sys", "/jar", asked))
        .isEqualTo(new Choice("/x/libmkl.so", Source.NAMED));
    assertThat(asked).isEmpty();
    assertThat(choose(" AUTO ", null, "/sys", "/jar", asked))
        .isEqualTo(new Choice("/jar", Source.BUNDLED));
    assertThat(asked).containsExactly("bundled");
    asked.clear();
    assertThat(choose("auto", null, "/sys", null, asked))
        .isEqualTo(new Choice("/sys", Source.SYSTEM, null));
    assertThat(asked).containsExactly("bundled", "system");
    Choice generic = choose("auto", null, null, null, asked);
    assertThat(generic.source()).isEqualTo(Source.GENERIC);
    assertThat(generic.library()).isEqualTo("libblas.so.3");
    assertThat(generic.bundledProblem()).isEqualTo("no natives here");
  }

  @Test
  void theSourcePropertyNarrowsTheSearch() {
    List<String> asked = new ArrayList<>();
    assertThat(choose("bundled", "/x/libmkl.so", "/sys", "/jar", asked))
        .isEqualTo(new Choice("/jar", Source.BUNDLED));
    assertThat(asked).containsExactly("bundled");
    asked.clear();
    assertThat(choose("system", null, null, "/jar", asked).source()).isEqualTo(Source.GENERIC);
    assertThat(asked).containsExactly("system");
    assertThatThrownBy(() -> choose("bundled", null, "/sys", null, asked))
        .isInstanceOf(IllegalStateException.class).hasMessage("no natives here");
    assertThatThrownBy(() -> choose("none", null, "/sys", "/jar", asked))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("latentj.blas=none");
    assertThatThrownBy(() -> choose("mkl", null, "/sys", "/jar", asked))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'mkl'");
  }

  @Test
  void aFreshCloneOnLinuxX8664GetsANativeBlas() {
    assumeThat(PROPERTY).isNotEqualToIgnoringCase("none");
    assumeThat(System.getProperty("os.name")).isEqualTo("Linux");
    assumeThat(System.getProperty("os.arch")).isIn("amd64", "x86_64");
    MatMulKernel best = MatMulKernels.best();
    assertThat(best).isInstanceOf(NetlibMatMulKernel.class);
    NetlibMatMulKernel netlib = (NetlibMatMulKernel) best;
    assertThat(netlib.source()).isIn(Source.NAMED, Source.SYSTEM, Source.BUNDLED);
    if (PROPERTY.equalsIgnoreCase("bundled")) {
      assertThat(netlib.source()).isEqualTo(Source.BUNDLED);
      assertThat(netlib.library()).endsWith("libopenblas_nolapack.so.0");
      assertThat(MatMulKernels.name(netlib)).isEqualTo("openblas-bundled");
      assertThat(netlib.toString()).contains(BundledOpenBlas.COORDINATES);
      assertThat(MatMulKernels.byName("openblas-bundled")).isInstanceOf(NetlibMatMulKernel.class);
      assertThatThrownBy(() -> NetlibMatMulKernel.load("none", 1))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("already loaded");
    }
  }

  @Test
  void withTheNativeBlasOffAutoIsAJavaKernel() {
    assumeThat(PROPERTY).isEqualToIgnoringCase("none");
    MatMulKernel best = MatMulKernels.best();
    assertThat(MatMulKernels.name(best)).isIn("vector", "blocked");
    assertThat(MatMul.kernel()).isNotInstanceOf(NetlibMatMulKernel.class);
    assertThatThrownBy(() -> MatMulKernels.byName("netlib"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("none");
  }

  @Test
  void everyKernelHasAShortName() {
    assertThat(MatMulKernels.name(new EjmlMatMulKernel())).isEqualTo("ejml");
    assertThat(MatMulKernels.name(new BlockedMatMulKernel(1))).isEqualTo("blocked");
    if (MatMulKernels.vectorApiPresent()) {
      assertThat(MatMulKernels.name(MatMulKernels.vector(1))).isEqualTo("vector");
    }
  }
}
