#!/usr/bin/env bash
# Runs every test, exactly what CI runs (.ci/run): the whole build with its unit tests, the
# bad-input tables and the replay of the fuzz corpora (mvn verify), then each of the six fuzz
# targets for a bounded time (scripts/fuzz.sh, 30 s each by default; LATENTJ_FUZZ_SECONDS
# changes it): 9 minutes on two shared cores (548 s measured: 3 min of build, 56 s per target).
# Fails if the build fails or a fuzz target crashes (naming the target).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp verify
exec scripts/fuzz.sh "${LATENTJ_FUZZ_SECONDS:-30}"
