/**
 * Coverage-guided fuzz tests (Jazzer's {@code @FuzzTest}) of the readers that take files from
 * outside: IDX (plain and gzip), CSV, safetensors and checkpoints. Every input must end in a
 * value or the reader's documented exception, whose message names the file; any other
 * exception, an {@link OutOfMemoryError}, an allocation out of proportion to the input, or a
 * hang is a finding.
 *
 * <p>{@code mvn verify} replays the seed corpora kept beside the classes, under
 * {@code src/test/resources/org/latentj/inference/fuzz/<Class>Inputs/<method>/} (with
 * {@code JAZZER_FUZZ} unset Jazzer runs in regression mode). {@code scripts/fuzz.sh} fuzzes each
 * target for a bounded time; inputs that fail are written into those folders and replayed from
 * then on.
 */
package org.latentj.inference.fuzz;
