package org.latentj.inference.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

  @TempDir Path dir;

  @Test
  void dataFileIsHashedWithSha256() throws IOException {
    // FIPS 180-2, appendix B.1: SHA-256("abc").
    Path data = Files.writeString(dir.resolve("abc.txt"), "abc");

    Provenance p = Provenance.builder(1).dataFile(data).build();

    assertThat(p.dataSha256())
        .contains("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(p.dataSource()).contains(data.toString());
  }

  @Test
  void jsonRoundTripIsEqual() {
    Provenance p = Provenance.builder(Long.MAX_VALUE)
        .createdAt(Instant.parse("2024-12-31T23:59:59Z"))
        .component("likelihood", Map.of("family", "bernoulli", "sizes", List.of(2, 400, 784)))
        .put("notes", List.of(0.1, 1e300, -3))
        .build();

    Provenance back = Provenance.fromJson(p.toJson());

    assertThat(back).isEqualTo(p).hasSameHashCodeAs(p);
    assertThat(back.seed()).isEqualTo(Long.MAX_VALUE);
    assertThat(back.dataSource()).isEmpty();
    assertThat(back.toJson()).startsWith("{\"seed\":9223372036854775807,"
        + "\"createdAt\":\"2024-12-31T23:59:59Z\",\"latentjVersion\":");
  }

  @Test
  void invalidEntriesAreRefusedByName() {
    assertThatThrownBy(() -> Provenance.builder(1).data("train.csv", "abc"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 hex digits");
    assertThatThrownBy(() -> Provenance.builder(1).put("seed", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Provenance: seed is set by its own builder method");
    assertThatThrownBy(() -> Provenance.fromJson("{\"seed\": 1.5}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Provenance: seed is 1.5, expected an integer");
    assertThatThrownBy(() -> Provenance.fromJson("{\"seed\": 1, \"createdAt\": \"yesterday\", "
        + "\"latentjVersion\": \"0.1.0\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("createdAt \"yesterday\" is not an ISO-8601 instant");
    assertThatThrownBy(() -> Provenance.builder(1).component("encoder", new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("component encoder cannot be written as JSON");
  }
}
