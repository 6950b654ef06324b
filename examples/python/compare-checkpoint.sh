#!/usr/bin/env bash
# Scores a latentj run's test set twice, with PyTorch (load_checkpoint.py, which rebuilds the
# VAE from the checkpoint) and with latentj itself, so the two can be compared; they should
# agree up to Monte Carlo noise. Installs Debian's python3-torch if no Python here has torch.
#
# Usage: examples/python/compare-checkpoint.sh RUN_DIR [SAMPLES]   (SAMPLES of z per example,
# default 10)
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 RUN_DIR [SAMPLES]" >&2
  exit 2
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
run_dir="$1"
samples="${2:-10}"

# Debian's torch lives in /usr/bin/python3's dist-packages, which a pyenv or venv python3
# does not see, so both are tried.
python=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import torch' 2>/dev/null; then
    python="$candidate"
    break
  fi
done
if [[ -z "$python" ]]; then
  echo "compare-checkpoint: installing python3-torch (apt-get; a few minutes)..." >&2
  sudo_cmd=()
  if [[ "$(id -u)" != 0 ]]; then
    sudo_cmd=(sudo)
  fi
  "${sudo_cmd[@]}" apt-get update
  "${sudo_cmd[@]}" apt-get install -y python3-torch
  python=/usr/bin/python3
fi

"$python" "$here/load_checkpoint.py" "$run_dir" --samples "$samples"
json="$(mktemp)"
trap 'rm -f "$json"' EXIT
"$root/latentj" evaluate "$run_dir" -k 0 --elbo-samples "$samples" --json "$json" \
  | grep -E "ELBO|epoch"
