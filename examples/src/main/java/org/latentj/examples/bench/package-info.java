/**
 * Benchmarks of latentj's hot paths. JMH micro-benchmarks, run with
 * {@code scripts/jmh.sh [regex] [JMH options]} one at a time on an otherwise idle machine:
 * {@link org.latentj.examples.bench.MatMulKernelBenchmark} (every kernel, all six forms, at the
 * VAE's layer shapes), {@link org.latentj.examples.bench.VaeStepBenchmark} (one whole training
 * step per kernel; {@code -prof gc} gives the bytes allocated per step),
 * {@link org.latentj.examples.bench.TensorOpsBenchmark} (the step's elementwise ops and the fused
 * dense layer) and {@link org.latentj.examples.bench.DenseLayerBenchmark} (autodiff overhead).
 * End to end: {@link org.latentj.examples.bench.VaeBenchmark} trains the VAE-400-20 on
 * Fashion-MNIST, and {@code scripts/compare-pytorch.sh [epochs]} runs it and the same model in
 * PyTorch ({@code examples/python/vae_pytorch.py}) one after the other and prints their ratio.
 * {@link org.latentj.examples.bench.ConvStepCpuTime} times a conv VAE network step in CPU
 * milliseconds, for A/B comparisons on a loaded machine.
 */
package org.latentj.examples.bench;
