#!/usr/bin/env python3
"""The VAE-400-20 of latentj's VaeBenchmark, in PyTorch, for a side-by-side comparison.

Same model and training as org.latentj.examples.bench.VaeBenchmark: 784-400-20-400-784 with
ReLU, a Bernoulli likelihood on logits, a diagonal Normal posterior from (mean, log-variance),
the analytic KL to N(0, I) (Kingma & Welling 2013, appendix B), one reparameterised sample per
example, Adam with learning rate 1e-3, minibatches of 128 shuffled each epoch, weights drawn as
PyTorch's nn.Linear default U(+-1/sqrt(fan_in)) and biases at zero, as latentj's VaeModule does
(--init torch keeps PyTorch's random biases too; --init he gives He-normal weights and zero
biases), on Fashion-MNIST with pixels / 255. float32, torch.set_num_threads(2) unless --threads
says otherwise; --interop sets torch.set_num_interop_threads.

Prints the threads, the OpenMP settings and the BLAS library actually loaded, each epoch's seconds, the test ELBO (nats per image, one sample, analytic KL) after epochs
1, 5, 10 and the last, the peak RSS, and the final machine-readable line VaeBenchmark prints:
    epoch_s=<median of epochs 2..N> examples_per_s=<..> test_elbo=<..> peak_heap_mb=NaN
    peak_rss_mb=<..>
Usage: python3 examples/python/vae_pytorch.py [epochs] [fashion-mnist folder]
"""

import argparse
import gzip
import os
import resource
import statistics
import struct
import sys
import time

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

FILES = ("train-images-idx3-ubyte", "t10k-images-idx3-ubyte")
ENV = "LATENTJ_FASHION_MNIST"


def locate(explicit):
    """The data folder, searched in VaeBenchmark's order (FashionMnist.locate)."""
    here = os.path.dirname(os.path.abspath(__file__))
    candidates = [explicit] if explicit else []
    if not explicit and os.environ.get(ENV):
        candidates = [os.environ[ENV]]
    if not candidates:
        candidates = [os.path.join(os.getcwd(), "..", "shared", "data", "fashion-mnist"),
                      os.path.join(os.getcwd(), "..", "..", "shared", "data", "fashion-mnist"),
                      os.path.join(here, "..", "..", "..", "shared", "data", "fashion-mnist"),
                      "/usr/share/datasets/fashion-mnist"]
    for folder in candidates:
        if all(os.path.exists(os.path.join(folder, f)) or
               os.path.exists(os.path.join(folder, f + ".gz")) for f in FILES):
            return os.path.normpath(folder)
    sys.exit("Fashion-MNIST not found in " + ", ".join(candidates)
             + " (apt-get install dataset-fashion-mnist, or set " + ENV + ")")


def read_images(folder, name):
    """An IDX image file (magic 2051) as a float32 array of rows, pixels / 255."""
    path = os.path.join(folder, name)
    opener = open
    if not os.path.exists(path):
        path, opener = path + ".gz", gzip.open
    with opener(path, "rb") as f:
        magic, count, rows, cols = struct.unpack(">IIII", f.read(16))
        if magic != 2051:
            sys.exit(f"{path}: magic {magic}, expected 2051 (IDX images)")
        pixels = np.frombuffer(f.read(count * rows * cols), dtype=np.uint8)
    return torch.from_numpy(pixels.reshape(count, rows * cols).astype(np.float32) / 255.0)


class Vae(nn.Module):
    def __init__(self, inputs=784, hidden=400, latent=20, init="torch"):
        super().__init__()
        self.enc = nn.Linear(inputs, hidden)
        self.head = nn.Linear(hidden, 2 * latent)  # mean and log-variance side by side
        self.dec = nn.Linear(latent, hidden)
        self.out = nn.Linear(hidden, inputs)
        self.latent = latent
        for layer in (self.enc, self.head, self.dec, self.out):
            if init == "he":
                nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
            if init != "torch":
                nn.init.zeros_(layer.bias)

    def elbo(self, x):
        """One-sample ELBO per example: E_q log p(x|z) - KL(q(z|x) || N(0, I))."""
        h = F.relu(self.enc(x))
        mean, log_var = self.head(h).split(self.latent, dim=1)
        z = mean + torch.exp(0.5 * log_var) * torch.randn_like(mean)
        logits = self.out(F.relu(self.dec(z)))
        log_lik = -F.binary_cross_entropy_with_logits(logits, x, reduction="none").sum(1)
        kl = 0.5 * (mean.pow(2) + log_var.exp() - 1.0 - log_var).sum(1)
        return log_lik - kl


def test_elbo(model, data, chunk=1000):
    with torch.no_grad():
        return sum(model.elbo(data[i:i + chunk]).sum().item()
                   for i in range(0, len(data), chunk)) / len(data)


def loaded_blas():
    """The BLAS shared libraries this process has mapped (Linux), e.g. OpenBLAS's OpenMP build."""
    try:
        with open("/proc/self/maps") as f:
            paths = {line.split()[-1] for line in f if "blas" in line.lower() and "/" in line}
        return ", ".join(sorted(os.path.realpath(p) for p in paths)) or "none mapped"
    except OSError:
        return "unknown"


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("epochs", nargs="?", type=int, default=5)
    parser.add_argument("folder", nargs="?", default=None)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--interop", type=int, default=0,
                        help="torch.set_num_interop_threads (0: leave PyTorch's default)")
    parser.add_argument("--init", choices=("lecun", "torch", "he"), default="lecun")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    if args.interop > 0:
        torch.set_num_interop_threads(args.interop)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    folder = locate(args.folder)
    train = read_images(folder, FILES[0])
    test = read_images(folder, FILES[1])
    print(f"VAE-400-20 in PyTorch {torch.__version__} on Fashion-MNIST ({folder}): "
          f"{len(train)} train, {len(test)} test, {args.epochs} epochs, batch {args.batch}, "
          f"{torch.get_num_threads()} threads, {torch.get_num_interop_threads()} interop threads, "
          f"float32, init {args.init}")
    omp = " ".join(f"{k}={v}" for k, v in sorted(os.environ.items())
                   if k.startswith(("OMP_", "GOMP_", "OPENBLAS_")))
    print(f"environment: {omp or '(no OMP_/GOMP_/OPENBLAS_ variables)'}")

    model = Vae(init=args.init)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    seconds, last_test = [], float("nan")
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        order = torch.randperm(len(train))
        total = 0.0
        for i in range(0, len(train), args.batch):
            x = train[order[i:i + args.batch]]
            optimizer.zero_grad(set_to_none=True)
            bound = model.elbo(x).mean()
            (-bound).backward()
            optimizer.step()
            total += bound.item() * len(x)
        elapsed = time.perf_counter() - start
        seconds.append(elapsed)
        line = (f"epoch {epoch}: {elapsed:.2f} s, {len(train) / elapsed:.0f} examples/s, "
                f"train bound {total / len(train):.2f}")
        if epoch == 1 or epoch % 5 == 0 or epoch == args.epochs:
            last_test = test_elbo(model, test)
            line += f" test ELBO {last_test:.2f}"
        print(line, flush=True)

    steady = seconds[1:] if len(seconds) > 1 else seconds
    median = statistics.median(steady)
    print(f"BLAS loaded: {loaded_blas()}")
    print(f"peak RSS {peak_rss_mb():.0f} MB")
    print(f"epoch_s={median:.3f} examples_per_s={len(train) / median:.0f} "
          f"test_elbo={last_test:.3f} peak_heap_mb=NaN peak_rss_mb={peak_rss_mb():.0f}")


if __name__ == "__main__":
    main()
