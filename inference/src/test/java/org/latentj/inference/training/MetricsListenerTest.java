package org.latentj.inference.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentj.inference.checkpoint.Checkpoint;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.guice.ObjectivesModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.tensor.Rngs;

class MetricsListenerTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void writesOneJsonObjectPerEpochWithTheValidationBound(@TempDir Path run) throws IOException {
    VaeSettings s = CheckpointResumeTest.settings(ObjectivesModule.ANALYTIC_KL);
    Svi svi = CheckpointResumeTest.svi(s);
    DMatrixRMaj x = CheckpointResumeTest.data();
    DMatrixRMaj validation = CheckpointResumeTest.data();
    MetricsListener metrics = MetricsListener.in(run).withValidation(validation, 64, 77);
    List<EpochSummary> summaries = new ArrayList<>();
    List<Double> independent = new ArrayList<>();
    new Trainer(svi, MinibatchData.of(x, 50)).addListener(metrics)
        .addListener(new TrainingListener() {
          @Override
          public void onEpochEnd(TrainingState state, EpochSummary summary) {
            summaries.add(summary);
            independent.add(new Evaluator(svi.model(), svi.guide()).meanBound(svi.objective(),
                validation, 64, Rngs.derive(77, "validation")));
          }
        }).fit(3, Rngs.create(2));

    List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"));
    assertThat(lines).hasSize(3);
    for (int i = 0; i < 3; i++) {
      JsonNode n = JSON.readTree(lines.get(i));
      EpochSummary e = summaries.get(i);
      assertThat(n.get("epoch").asInt()).isEqualTo(i + 1);
      assertThat(n.get("step").asLong()).isEqualTo(6L * (i + 1));
      assertThat(n.get("examples_seen").asLong()).isEqualTo(300L * (i + 1));
      assertThat(n.get("train_bound").asDouble()).isEqualTo(e.trainBound());
      assertThat(n.get("validation_bound").asDouble()).isEqualTo(independent.get(i));
      assertThat(n.get("seconds").asDouble()).isEqualTo(e.seconds()).isPositive();
      assertThat(n.get("examples_per_s").asDouble()).isEqualTo(e.examplesPerSecond());
      assertThat(n.size()).isEqualTo(7);
    }
    // The model learns, and validation sees it.
    assertThat(metrics.records().get(2).validationBound())
        .isGreaterThan(metrics.records().get(0).validationBound());
    assertThat(MetricsRecord.readAll(metrics.file())).isEqualTo(metrics.records());
  }

  @Test
  void withoutValidationTheFieldIsLeftOut(@TempDir Path run) throws IOException {
    VaeSettings s = CheckpointResumeTest.settings(ObjectivesModule.ANALYTIC_KL);
    new Trainer(CheckpointResumeTest.svi(s), MinibatchData.of(CheckpointResumeTest.data(), 100))
        .addListener(MetricsListener.in(run)).fit(1, Rngs.create(2));
    JsonNode n = JSON.readTree(Files.readString(run.resolve("metrics.jsonl")));
    assertThat(n.has("validation_bound")).isFalse();
    assertThat(MetricsRecord.fromJson(n.toString()).hasValidation()).isFalse();
  }

  @Test
  void aResumedRunKeepsTheHistoryUpToItsCheckpointAndDropsATornLine(@TempDir Path run)
      throws IOException {
    VaeSettings s = CheckpointResumeTest.settings(ObjectivesModule.ANALYTIC_KL);
    Svi svi = CheckpointResumeTest.svi(s);
    DMatrixRMaj x = CheckpointResumeTest.data();
    new Trainer(svi, MinibatchData.of(x, 100)).addListener(MetricsListener.in(run))
        .addListener(CheckpointListener.every(2, run, CheckpointResumeTest.provenance(s, svi)))
        .fit(3, Rngs.create(2));
    // A crash tore the line of an epoch 4 that was never checkpointed.
    Path file = run.resolve("metrics.jsonl");
    Files.writeString(file, "{\"epoch\":4,\"st", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    Checkpoint cp = CheckpointStore.load(run.resolve("checkpoint.safetensors"));
    assertThat(cp.position().epoch()).isEqualTo(3);

    // Resume from an epoch-2 checkpoint written separately, as if epoch 3 had not been saved.
    Svi again = CheckpointResumeTest.svi(s);
    Checkpoint at2 = Checkpoints.capture(again, Rngs.create(2),
        new org.latentj.inference.checkpoint.TrainingPosition(2, 6, 600),
        CheckpointResumeTest.provenance(s, again));
    MetricsListener metrics = MetricsListener.in(run);
    Checkpoints.resume(new Trainer(again, MinibatchData.of(x, 100)).addListener(metrics), at2,
        again, Rngs.create(0), 4);
    List<MetricsRecord> records = MetricsRecord.readAll(file);
    assertThat(records).extracting(MetricsRecord::epoch).containsExactly(1, 2, 3, 4);
    assertThat(records.get(2).examplesSeen()).isEqualTo(900);
    assertThat(metrics.records()).isEqualTo(records);
  }

  @Test
  void malformedRecordsAreNamed() {
    assertThatThrownBy(() -> MetricsRecord.fromJson("{\"epoch\":1}"))
        .hasMessageContaining("step");
    assertThatThrownBy(() -> MetricsRecord.fromJson("{\"epoch\":-1}"))
        .hasMessageContaining("epoch");
    MetricsRecord r = new MetricsRecord(1, 2, 3, Double.NEGATIVE_INFINITY, Double.NaN, 1, 3);
    assertThat(r.toJson()).contains("\"train_bound\":\"-Infinity\"");
    assertThat(MetricsRecord.fromJson(r.toJson())).isEqualTo(r);
  }
}
