/**
 * Checkpoints: a training run's parameters, optimizer state, random-generator state, position and
 * provenance in one safetensors file, written atomically and verified on load.
 *
 * <p>{@link org.latentj.inference.checkpoint.SafeTensors} reads and writes the
 * <a href="https://github.com/huggingface/safetensors">safetensors</a> format, so PyTorch users
 * can open the parameters with {@code safetensors.torch.load_file}.
 * {@link org.latentj.inference.checkpoint.AtomicFiles} makes a write all-or-nothing.
 * {@link org.latentj.inference.checkpoint.CheckpointStore} saves and loads a
 * {@link org.latentj.inference.checkpoint.Checkpoint}; every damaged or foreign file is reported
 * as a {@link org.latentj.inference.checkpoint.CheckpointFormatException} that names the file and
 * the problem.
 */
package org.latentj.inference.checkpoint;
