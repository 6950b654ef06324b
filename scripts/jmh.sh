#!/usr/bin/env bash
# Runs latentj's JMH micro-benchmarks (examples/src/main/java/org/latentj/examples/bench).
# Usage: scripts/jmh.sh [benchmark regex] [extra JMH options, e.g. -f 1 -wi 3 -i 5]
# Run one benchmark at a time on an otherwise idle machine; JMH prints the figures and errors.
set -euo pipefail
exec "$(dirname "$0")/run.sh" org.openjdk.jmh.Main "${1:-.*}" "${@:2}"
