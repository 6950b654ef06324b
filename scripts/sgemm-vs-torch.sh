#!/usr/bin/env bash
# Are latentj's float32 products at the machine's speed? The VAE-400-20's six large products
# (scripts/SgemmShapes.java), at batch 128 and 64, by latentj's kernel and by PyTorch (torch.mm, transposes as views, so
# sgemm's own transpose flags), one thread each, alternating latentj / PyTorch twice. Prints
# "form m k n GFLOP/s" per product and run. PyTorch runs as in compare-pytorch.sh: the OpenMP
# OpenBLAS first on LD_LIBRARY_PATH, OMP_NUM_THREADS=1.
# Usage: scripts/sgemm-vs-torch.sh [latentj kernel name, default auto]
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-/usr/bin/python3}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs);" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
torch_shapes() {
  env -u OPENBLAS_NUM_THREADS OMP_NUM_THREADS=1 \
    LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp "$python" - <<'PY'
import time, torch
torch.set_num_threads(1)
g = torch.Generator().manual_seed(1)
shapes = [(f, b, ac, b if f == "tn" else br, bc)
          for b in (128, 64)
          for f, ac, br, bc in (("nn", 784, 784, 400), ("nn", 400, 400, 784), ("tn", 784, 0, 400),
                                ("tn", 400, 0, 784), ("nt", 400, 784, 400), ("nt", 784, 400, 784))]
for form, ar, ac, br, bc in shapes:
    a = torch.randn(ar, ac, generator=g)
    b = torch.randn(br, bc, generator=g)
    x = a.t() if form == "tn" else a
    y = b.t() if form == "nt" else b
    c = torch.empty(x.shape[0], y.shape[1])
    best = float("inf")
    for batch in range(-1, 7):
        t = time.perf_counter()
        for _ in range(300):
            torch.mm(x, y, out=c)
        s = (time.perf_counter() - t) / 300
        if batch >= 0:
            best = min(best, s)
    print(f"{form} {x.shape[0]} {x.shape[1]} {y.shape[1]} {2 * x.shape[0] * x.shape[1] * y.shape[1] / best / 1e9:.1f}")
print("torch", torch.__version__)
PY
}
for round in 1 2; do
  echo "== latentj, round $round"
  # run.sh builds latentj and runs the source file with its classpath.
  OPENBLAS_NUM_THREADS=1 JAVA_OPTS="-Dlatentj.matmul.threads=1" scripts/run.sh \
    scripts/SgemmShapes.java "${1:-auto}" 2>/dev/null
  echo "== PyTorch, round $round"
  torch_shapes
done
