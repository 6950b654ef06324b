#!/usr/bin/env bash
# latentj against PyTorch on the same machine: the VAE-400-20 on Fashion-MNIST for N epochs,
# first latentj's VaeBenchmark, then examples/python/vae_pytorch.py (one after the other, never
# at the same time), then both final lines, a table and the ratio latentj / PyTorch of the
# seconds per epoch (median of epochs 2..N).
#
# Usage: scripts/compare-pytorch.sh [epochs (default 10)] [fashion-mnist folder]
# Environment: JAVA_OPTS (default -Xmx1g) for latentj's JVM, TORCH_THREADS (default 2), PYTHON
# (default: the first of /usr/bin/python3 and python3 that imports torch).
# Installs python3-torch and libopenblas0 with apt-get when they are missing (needs root or
# sudo). With OpenBLAS installed latentj's default kernel (-Dlatentj.matmul=auto) is OpenBLAS's
# dgemm too; pass JAVA_OPTS=-Dlatentj.matmul=blocked to compare the pure-Java kernel instead.
set -euo pipefail
cd "$(dirname "$0")/.."
epochs="${1:-10}"
folder="${2:-}"

# Debian's python3-torch lives in the system Python (/usr/bin/python3), which a pyenv or venv
# python3 earlier on PATH does not see.
find_python() {
  local p
  for p in ${PYTHON:-} /usr/bin/python3 python3; do
    if "$p" -c 'import torch' 2>/dev/null; then
      echo "$p"
      return
    fi
  done
}
missing=()
[[ -n $(find_python) ]] || missing+=(python3-torch)
ldconfig -p 2>/dev/null | grep -q 'libopenblas\.so\.0' || missing+=(libopenblas0)
if ((${#missing[@]})); then
  echo "installing ${missing[*]} with apt-get"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python=$(find_python)
[[ -n $python ]] || { echo "no Python with torch found (set PYTHON)" >&2; exit 1; }
blas=$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || echo unknown)
echo "libblas.so.3 (PyTorch's BLAS) -> $blas"

logs=$(mktemp -d)
echo "== latentj VaeBenchmark, $epochs epochs"
JAVA_OPTS="${JAVA_OPTS:--Xmx1g}" scripts/run.sh org.latentj.examples.bench.VaeBenchmark \
  "$epochs" ${folder:+"$folder"} | tee "$logs/latentj.txt"
echo "== PyTorch, $epochs epochs"
"$python" examples/python/vae_pytorch.py "$epochs" ${folder:+"$folder"} \
  --threads "${TORCH_THREADS:-2}" | tee "$logs/pytorch.txt"

latentj=$(grep '^epoch_s=' "$logs/latentj.txt" | tail -1)
pytorch=$(grep '^epoch_s=' "$logs/pytorch.txt" | tail -1)
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2"; }
elbo_at() { sed -n "s/^epoch $2: .*test ELBO \([^ ]*\).*/\1/p" "$1"; }
echo
echo "latentj: $latentj"
echo "pytorch: $pytorch"
echo
printf '%-22s %12s %12s\n' "" latentj PyTorch
printf '%-22s %12s %12s\n' "s/epoch (median 2..N)" "$(field epoch_s "$latentj")" \
  "$(field epoch_s "$pytorch")"
for e in 1 5 10; do
  if ((e <= epochs)); then
    printf '%-22s %12s %12s\n' "test ELBO, epoch $e" "$(elbo_at "$logs/latentj.txt" $e)" \
      "$(elbo_at "$logs/pytorch.txt" $e)"
  fi
done
printf '%-22s %12s %12s\n' "peak RSS (MB)" "$(field peak_rss_mb "$latentj")" \
  "$(field peak_rss_mb "$pytorch")"
awk -v a="$(field epoch_s "$latentj")" -v b="$(field epoch_s "$pytorch")" \
  'BEGIN { printf "ratio latentj/PyTorch of s/epoch: %.3f\n", a / b }'
rm -rf "$logs"
