#!/usr/bin/env bash
# latentj against PyTorch at its best on the same machine: the VAE-400-20 on Fashion-MNIST
# (batch 128, Adam 1e-3, analytic KL) for N epochs. First latentj's VaeBenchmark in each latentj
# configuration below, then examples/python/vae_pytorch.py in each PyTorch configuration, one run
# after another, never two at a time. Prints every run, then a table (seconds per epoch as the
# median of epochs 2..N, test ELBO after epochs 1, 5 and 10, peak RSS) and the ratio of the
# fastest latentj configuration's seconds per epoch to the fastest PyTorch configuration's.
#
# Usage: scripts/compare-pytorch.sh [epochs (default 10)] [fashion-mnist folder]
#   Check the script itself with 1 epoch: scripts/compare-pytorch.sh 1
# Environment:
#   JAVA_OPTS      latentj's JVM options (default -Xmx1g); e.g. -Dlatentj.blas=bundled for the
#                  OpenBLAS Maven brings, -Dlatentj.matmul=blocked for the pure-Java kernel
#   TORCH_CONFIGS  which PyTorch configurations to run (default: "1t 2t-passive 2t-bind");
#                  also 2t-spin, PyTorch's default OpenMP wait policy, which spins and is slow
#   PYTHON         the Python with torch (default: the first of /usr/bin/python3, python3)
#   LATENTJ_DTYPE  latentj's dtype, float32 (the default; PyTorch runs float32) or float64
#   LATENTJ_FLOAT64  "fastest" (the default): after the configurations below, run the fastest of
#                  them once more in float64, for the float64 column (not in the ratio); "none"
#                  skips it
#   LATENTJ_CONFIGS  which latentj configurations to run (default: "blas2 1t java2 data2"):
#     blas2   one Java thread, the native BLAS's own threads (OPENBLAS_NUM_THREADS unset: one
#             per core)
#     1t      one thread: OPENBLAS_NUM_THREADS=1 -Dlatentj.matmul.threads=1
#     java2   two Java threads, each multiplying half the rows of a product with a one-thread
#             BLAS: OPENBLAS_NUM_THREADS=1 -Dlatentj.matmul.threads=2
#     data2   two Java threads, each running forward and backward on half of every minibatch
#             with a one-thread BLAS (ParallelGradients): OPENBLAS_NUM_THREADS=1
#             -Dlatentj.matmul.threads=1 -Dlatentj.training.workers=2
#
# PyTorch's configurations (each also OPENBLAS_NUM_THREADS unset, the OpenMP build of OpenBLAS,
# libopenblas0-openmp, first on LD_LIBRARY_PATH, so PyTorch's OpenMP threads and OpenBLAS's
# are the same threads; the pthread build under PyTorch's OpenMP fights it):
#   1t        torch.set_num_threads(1), set_num_interop_threads(1), OMP_NUM_THREADS=1
#   2t-passive  2 threads, OMP_WAIT_POLICY=PASSIVE (idle threads sleep instead of spinning)
#   2t-bind   2 threads, PASSIVE, 1 interop thread, OMP_PROC_BIND=close OMP_PLACES=cores
#   2t-spin   2 threads, PyTorch's default (active) wait policy: the old script's setup
#
# Installs python3-torch and libopenblas0-openmp with apt-get when missing (needs root or sudo;
# runs apt-get update once). The pthread build (libopenblas0-pthread) may stay installed: the
# OpenMP one is put first for PyTorch by LD_LIBRARY_PATH, and the script prints which BLAS each
# PyTorch process actually mapped. latentj uses its default kernel (README, "Matrix kernels");
# the last line names the fastest latentj configuration's kernel, dtype and threads.
set -euo pipefail
cd "$(dirname "$0")/.."
epochs="${1:-10}"
folder="${2:-}"
configs="${TORCH_CONFIGS:-1t 2t-passive 2t-bind}"
jconfigs="${LATENTJ_CONFIGS:-blas2 1t java2 data2}"
openmp_dir=/usr/lib/x86_64-linux-gnu/openblas-openmp

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
[[ -e $openmp_dir/libopenblas.so.0 ]] || missing+=(libopenblas0-openmp)
if ((${#missing[@]})); then
  echo "installing ${missing[*]} with apt-get"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi
python=$(find_python)
[[ -n $python ]] || { echo "no Python with torch found (set PYTHON)" >&2; exit 1; }
echo "installed: $(dpkg-query -W -f='${db:Status-Abbrev} ${Package} ${Version}\n' \
  'libopenblas0*' 'libblas3' python3-torch 2>/dev/null | awk '/^ii/ { printf "%s %s; ", $2, $3 }')"
echo "OpenBLAS environment (both sides): $(env | grep '^OPENBLAS_' | sort | xargs || true)"
echo "libblas.so.3 -> $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null \
  || echo none); PyTorch runs with LD_LIBRARY_PATH=$openmp_dir"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs);" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
# latentj_run <configuration> [dtype]: logs to latentj-<configuration>[-<dtype>].txt
latentj_run() {
  local name=$1 dtype=${2:-${LATENTJ_DTYPE:-float32}} log=$1${2:+-$2} opts="${JAVA_OPTS:--Xmx1g}"
  local -a env_vars
  case $name in
    blas2) env_vars=(-u OPENBLAS_NUM_THREADS) ;;
    1t) env_vars=(OPENBLAS_NUM_THREADS=1); opts="$opts -Dlatentj.matmul.threads=1" ;;
    java2) env_vars=(OPENBLAS_NUM_THREADS=1); opts="$opts -Dlatentj.matmul.threads=2" ;;
    data2) env_vars=(OPENBLAS_NUM_THREADS=1)
      opts="$opts -Dlatentj.matmul.threads=1 -Dlatentj.training.workers=2" ;;
    *) echo "LATENTJ_CONFIGS: unknown configuration '$name'" >&2; exit 2 ;;
  esac
  echo "== latentj $name: ${env_vars[*]} JAVA_OPTS=$opts, $dtype, $epochs epochs"
  env "${env_vars[@]}" JAVA_OPTS="$opts" scripts/run.sh org.latentj.examples.bench.VaeBenchmark \
    "$epochs" "${folder:--}" "$dtype" | tee "$logs/latentj-$log.txt"
}
for c in $jconfigs; do
  latentj_run "$c"
done

torch_run() {
  local name=$1
  local -a env_vars args
  case $name in
    1t) env_vars=(OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE); args=(--threads 1 --interop 1) ;;
    2t-passive) env_vars=(OMP_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE); args=(--threads 2) ;;
    2t-bind) env_vars=(OMP_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE OMP_PROC_BIND=close
        OMP_PLACES=cores); args=(--threads 2 --interop 1) ;;
    2t-spin) env_vars=(OMP_NUM_THREADS=2); args=(--threads 2) ;;
    *) echo "TORCH_CONFIGS: unknown configuration '$name'" >&2; exit 2 ;;
  esac
  echo "== PyTorch $name: ${env_vars[*]} ${args[*]}, $epochs epochs"
  env -u OPENBLAS_NUM_THREADS LD_LIBRARY_PATH="$openmp_dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    "${env_vars[@]}" "$python" examples/python/vae_pytorch.py "$epochs" ${folder:+"$folder"} \
    "${args[@]}" | tee "$logs/torch-$name.txt"
}
for c in $configs; do
  torch_run "$c"
done

field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2"; }
final() { grep '^epoch_s=' "$1" | tail -1; }
elbo_at() { sed -n "s/^epoch $2: .*test ELBO \([^ ]*\).*/\1/p" "$1"; }
# The configuration among $2.. whose log ($1-<name>.txt) has the smallest s/epoch: "name s".
fastest() {
  local prefix=$1 c s best="" best_s=""
  shift
  for c in "$@"; do
    s=$(field epoch_s "$(final "$logs/$prefix-$c.txt")")
    if [[ -z $best_s ]] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then
      best=$c best_s=$s
    fi
  done
  echo "$best $best_s"
}
# shellcheck disable=SC2086 # the configuration lists are words on purpose
read -r jbest jbest_s < <(fastest latentj $jconfigs)
# The float64 column: the fastest configuration again, after PyTorch's runs (not in the ratio).
jcolumns=$jconfigs
if [[ ${LATENTJ_FLOAT64:-fastest} == fastest && ${LATENTJ_DTYPE:-float32} != float64 ]]; then
  latentj_run "$jbest" float64
  jcolumns="$jconfigs $jbest-float64"
fi
# shellcheck disable=SC2086
read -r best best_s < <(fastest torch $configs)
latentj=$(final "$logs/latentj-$jbest.txt")

echo
for c in $jcolumns; do
  echo "latentj $c: $(final "$logs/latentj-$c.txt")"
done
for c in $configs; do
  echo "pytorch $c: $(final "$logs/torch-$c.txt")"
done
echo
row() { printf '%-22s' "$1"; shift; printf ' %15s' "$@"; echo; }
header=() rss=() seconds=()
for c in $jcolumns; do
  header+=("latentj $c")
  seconds+=("$(field epoch_s "$(final "$logs/latentj-$c.txt")")")
  rss+=("$(field peak_rss_mb "$(final "$logs/latentj-$c.txt")")")
done
for c in $configs; do
  header+=("PyTorch $c")
  seconds+=("$(field epoch_s "$(final "$logs/torch-$c.txt")")")
  rss+=("$(field peak_rss_mb "$(final "$logs/torch-$c.txt")")")
done
row "" "${header[@]}"
row "s/epoch (median 2..N)" "${seconds[@]}"
for e in 1 5 10; do
  if ((e <= epochs)); then
    elbos=()
    for c in $jcolumns; do
      elbos+=("$(elbo_at "$logs/latentj-$c.txt" $e)")
    done
    for c in $configs; do
      elbos+=("$(elbo_at "$logs/torch-$c.txt" $e)")
    done
    row "test ELBO, epoch $e" "${elbos[@]}"
  fi
done
row "peak RSS (MB)" "${rss[@]}"
echo "latentj dtype $(field dtype "$latentj") (a -float64 column: float64); PyTorch float32"
awk -v a="$jbest_s" -v b="$best_s" -v c="$best" -v j="$jbest" \
  -v k="$(field kernel "$latentj")" -v d="$(field dtype "$latentj")" \
  -v t="$(field threads "$latentj")" \
  'BEGIN { printf "ratio latentj at its best (%s: kernel %s, dtype %s, threads %s) / PyTorch at" \
    " its best (%s) of s/epoch: %.3f\n", j, k, d, t, c, a / b }'
