#!/usr/bin/env python3
"""Load a latentj checkpoint into the equivalent PyTorch VAE and print its test ELBO.

    python3 load_checkpoint.py RUN_DIR [--samples S] [--seed N]

Reads RUN_DIR/checkpoint.safetensors (parsed here with the standard library: an 8-byte
little-endian header length, a JSON header, then the raw tensors), rebuilds the encoder and
decoder from the settings latentj stored in the checkpoint's provenance, verifies the checksum,
and scores the run's test set with the ELBO

    ELBO(x) = (1/S) sum_s log p(x | z_s) - KL(q(z|x) || N(0, I)),   z_s ~ q(z|x),

the KL in closed form, as `latentj evaluate RUN_DIR -k 0 --elbo-samples S` does. The two
figures differ only by Monte Carlo noise (different random streams).

Conventions that matter when porting latentj weights:
  * latentj's Linear computes y = x W + b with W of shape (in, out); torch.nn.Linear stores
    weight as (out, in), so W is transposed on the way in; biases are 1 x out rows.
  * An Mlp is a Sequential of children layer0, layer1, ...: Linear layers and parameter-free
    activations in between, so Linear layers sit at the indices that have weights.
  * The encoder outputs [mean | log-variance] (2 x latent columns); the decoder outputs one
    block per parameter of the likelihood (Bernoulli logits; Gaussian [mean | log-variance]).

Needs only PyTorch (Debian: apt-get install python3-torch).
"""

import argparse
import gzip
import hashlib
import json
import math
import os
import struct
import sys

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
EMBEDDED = os.path.join(HERE, "..", "src", "main", "resources", "org", "latentj", "examples",
                        "data", "mnist-10k")
FASHION_PLACES = [os.environ.get("LATENTJ_FASHION_MNIST", ""),
                  os.path.join("..", "shared", "data", "fashion-mnist"),
                  os.path.join(HERE, "..", "..", "..", "shared", "data", "fashion-mnist"),
                  "/usr/share/datasets/fashion-mnist"]
DTYPES = {"F64": (torch.float64, 8), "F32": (torch.float32, 4)}


def read_safetensors(path):
    """Return ({name: float64 tensor}, metadata) and check latentj's SHA-256 of the data."""
    with open(path, "rb") as f:
        (length,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(length).decode("utf-8"))
        data = f.read()
    metadata = header.pop("__metadata__", {})
    expected = metadata.get("latentj.sha256")
    if expected and hashlib.sha256(data).hexdigest() != expected.lower():
        sys.exit(f"{path}: checksum mismatch, the file is damaged")
    tensors = {}
    for name, info in header.items():
        dtype, size = DTYPES[info["dtype"]]
        begin, end = info["data_offsets"]
        flat = torch.frombuffer(bytearray(data[begin:end]), dtype=dtype)
        tensors[name] = flat.reshape(info["shape"]).to(torch.float64)
    return tensors, metadata


ACTIVATIONS = {
    "IDENTITY": nn.Identity, "RELU": nn.ReLU, "TANH": nn.Tanh, "SIGMOID": nn.Sigmoid,
    "SOFTPLUS": nn.Softplus, "ELU": lambda: nn.ELU(1.0), "LEAKY_RELU": lambda: nn.LeakyReLU(0.01),
}


def mlp(params, prefix, activation):
    """The Sequential whose Linear layers are prefix.layerN.{weight,bias}, activations between."""
    indices = sorted(int(k[len(prefix) + len(".layer"):].split(".")[0])
                     for k in params if k.startswith(prefix + ".layer") and k.endswith(".weight"))
    layers = []
    for i, n in enumerate(indices):
        w = params[f"{prefix}.layer{n}.weight"]          # (in, out) in latentj
        b = params[f"{prefix}.layer{n}.bias"]            # (1, out)
        linear = nn.Linear(w.shape[0], w.shape[1]).double()
        with torch.no_grad():
            linear.weight.copy_(w.T)                     # torch wants (out, in)
            linear.bias.copy_(b.reshape(-1))
        layers.append(linear)
        if i + 1 < len(indices):
            layers.append(ACTIVATIONS[activation]())
    return nn.Sequential(*layers)


def likelihood(family, raw, params, d):
    """p(x | z) for the decoder's raw output, as latentj's head for `family` makes it."""
    if family == "BERNOULLI":
        return torch.distributions.Bernoulli(logits=raw, validate_args=False)
    if family == "CONTINUOUS_BERNOULLI":
        return torch.distributions.ContinuousBernoulli(logits=raw, validate_args=False)
    if family == "GAUSSIAN":
        return torch.distributions.Normal(raw[:, :d], torch.exp(0.5 * raw[:, d:]))
    if family == "GAUSSIAN_LEARNED_VARIANCE":
        log_var = params["model.decoder.head.logVariance"]
        return torch.distributions.Normal(raw, torch.exp(0.5 * log_var))
    if family == "LAPLACE":
        return torch.distributions.Laplace(raw[:, :d], torch.exp(raw[:, d:]))
    sys.exit(f"likelihood {family} is not ported to PyTorch here")


def read_idx_images(path):
    """An IDX3 ubyte file (optionally .gz) as an n x (rows * cols) float64 tensor of 0..255."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        magic, n, rows, cols = struct.unpack(">IIII", f.read(16))
        if magic != 0x00000803:
            sys.exit(f"{path}: not an IDX3 ubyte file (magic {magic:#x})")
        pixels = bytearray(f.read(n * rows * cols))
    return torch.frombuffer(pixels, dtype=torch.uint8).reshape(n, rows * cols).to(torch.float64)


def find(folder, base):
    for name in (base + ".gz", base):
        if os.path.isfile(os.path.join(folder, name)):
            return os.path.join(folder, name)
    return None


def test_images(run):
    """The run's test images, as latentj's RunData loads them (before binarization)."""
    spec = run["data"]
    if spec == "embedded-digits":
        folder = EMBEDDED
    elif spec == "fashion-mnist":
        folder = next((p for p in FASHION_PLACES if p and find(p, "t10k-images-idx3-ubyte")),
                      None)
        if folder is None:
            sys.exit("Fashion-MNIST not found (set LATENTJ_FASHION_MNIST)")
    elif os.path.isdir(spec):
        folder = spec
    else:
        sys.exit(f"data {spec}: only IDX image folders are ported here (a CSV run's test rows "
                 "come from latentj's seeded split)")
    x = read_idx_images(find(folder, "t10k-images-idx3-ubyte"))
    if run["limit"] > 0:
        x = x[: run["limit"]]
    if x.min() >= 0 and 1 < x.max() <= 255:
        x = x / 255.0
    return x


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("run_dir")
    parser.add_argument("--samples", type=int, default=10, help="samples of z per example")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    params, meta = read_safetensors(os.path.join(args.run_dir, "checkpoint.safetensors"))
    params = {k[len("param/"):]: v for k, v in params.items() if k.startswith("param/")}
    provenance = json.loads(meta["latentj.provenance"])
    vae, run = provenance["components"]["vae"], provenance["components"]["run"]
    d, latent = vae["inputSize"], vae["latentSize"]
    encoder = mlp(params, "guide.encoder.network", vae["activation"])
    decoder = mlp(params, "model.decoder.network", vae["activation"])

    x = test_images(run)
    if x.shape[1] != d:
        sys.exit(f"test images have {x.shape[1]} values but the model takes {d}")
    torch.manual_seed(args.seed)
    if run["binarize"] == "FIXED":
        x = (x > 0.5).to(torch.float64)
    elif run["binarize"] == "DYNAMIC":
        print("note: latentj scores one fixed Bernoulli draw of the test set made with its own "
              "generator; this is another draw, so the figures differ by that noise too")
        x = torch.bernoulli(x)

    with torch.no_grad():
        h = encoder(x)
        mean, log_var = h[:, :latent], h[:, latent:]
        kl = 0.5 * (mean ** 2 + log_var.exp() - log_var - 1).sum(dim=1)
        total = torch.zeros(x.shape[0], dtype=torch.float64)
        squares = torch.zeros(x.shape[0], dtype=torch.float64)
        for _ in range(args.samples):
            z = mean + torch.exp(0.5 * log_var) * torch.randn_like(mean)
            p = likelihood(vae["likelihood"], decoder(z), params, d)
            term = p.log_prob(x).sum(dim=1)
            total += term
            squares += term ** 2
        elbo = total / args.samples - kl
        # Monte Carlo standard error of the mean ELBO: the sampling noise of z only.
        variance = (squares / args.samples - (total / args.samples) ** 2).clamp(min=0)
        noise = math.sqrt(variance.sum().item() / args.samples) / x.shape[0]

    shape = "-".join(str(s) for s in [d, *vae["hiddenSizes"], latent,
                                      *reversed(vae["hiddenSizes"]), d])
    print(f"PyTorch {torch.__version__}: VAE {shape} ({vae['likelihood'].lower()}), epoch "
          f"{meta['latentj.epoch']}")
    print(f"PyTorch test ELBO: {elbo.mean().item():9.3f} nats ({x.shape[0]} examples, "
          f"{args.samples} samples of z each, analytic KL; Monte Carlo standard error "
          f"{noise:.3f})")


if __name__ == "__main__":
    main()
