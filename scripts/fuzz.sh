#!/usr/bin/env bash
# Fuzzes every Jazzer target of the inference module (org.latentj.inference.fuzz) for a bounded
# time each and reports, per target, the executions and the crashes found.
#
#   scripts/fuzz.sh [seconds per target] [Class#method ...]
#   (default $LATENTJ_FUZZ_SECONDS, else 30 s; all six targets)
#
# The README's test command, which .ci/run runs, calls this after `mvn -B -ntp verify`, with
# 30 s per target: each target also costs some 25 s of Maven and Jazzer start-up (more on
# a loaded machine), so the six take about 6 minutes. `mvn verify` alone only replays the seed
# corpora; this runs Jazzer in fuzzing mode (JAZZER_FUZZ=1), one target per Maven run
# (`-pl inference -am test` restricted to that one test, so nothing else is rebuilt or rerun),
# as Jazzer fuzzes one test per run. An input that fails is written by Jazzer to
# inference/src/test/resources/org/latentj/inference/fuzz/<Class>Inputs/<method>/ (crash-<sha1>),
# from where `mvn verify` replays it: fix the bug and commit the input. Inputs that only add
# coverage go to inference/.cifuzz-corpus, which is removed at the end.
# Exits non-zero, naming the target, if any target crashed or could not run.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-${LATENTJ_FUZZ_SECONDS:-30}}
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [seconds per target] [Class#method ...]  (seconds: a positive" \
    "whole number, got '$seconds')" >&2
  exit 2
fi
shift $(($# > 0 ? 1 : 0))
targets=(
  IdxReaderFuzzTest#plainOrGzip
  IdxReaderFuzzTest#gzipped
  IdxReaderFuzzTest#labelled
  CsvReaderFuzzTest#read
  CheckpointFuzzTest#safeTensors
  CheckpointFuzzTest#checkpoint
)
if [[ $# -gt 0 ]]; then
  for target in "$@"; do
    if ! [[ " ${targets[*]} " == *" $target "* ]]; then
      echo "scripts/fuzz.sh: unknown target '$target' (one of: ${targets[*]})" >&2
      exit 2
    fi
  done
  targets=("$@")
fi
inputs=inference/src/test/resources/org/latentj/inference/fuzz
logs=$(mktemp -d)
trap 'rm -rf inference/.cifuzz-corpus' EXIT

count_crashes() {
  find "$inputs/$1Inputs/$2" -maxdepth 1 -name 'crash-*' 2>/dev/null | wc -l
}

passed=0
failed=0
crashed=()
broken=()
total_runs=0
total_crashes=0
printf '%-32s %12s %8s  %s\n' target executions crashes result
for target in "${targets[@]}"; do
  class=${target%#*}
  method=${target#*#}
  log="$logs/$class.$method.log"
  before=$(count_crashes "$class" "$method")
  # jazzer.hooks=true overrides the replay-only setting of junit-platform.properties; JUnit's
  # own timeout is off because Jazzer turns each test's @Timeout into libFuzzer's per-input
  # -timeout, and the whole fuzzing run is one JUnit invocation.
  JAZZER_FUZZ=1 mvn -B -ntp -pl inference -am test \
    -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.hooks=true -Djazzer.max_duration="${seconds}s" \
    -Djunit.jupiter.execution.timeout.mode=disabled >"$log" 2>&1
  status=$?
  runs=$(grep -oE 'Done [0-9]+ runs' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  crashes=$(( $(count_crashes "$class" "$method") - before ))
  if [[ $status -eq 0 && -n "$runs" ]]; then
    result=ok
    passed=$((passed + 1))
  elif [[ $crashes -gt 0 ]]; then
    result="CRASH: see $inputs/${class}Inputs/$method and $log"
    crashed+=("$target")
    failed=$((failed + 1))
  else
    result="FAILED to run: see $log"
    broken+=("$target")
    failed=$((failed + 1))
  fi
  total_runs=$((total_runs + ${runs:-0}))
  total_crashes=$((total_crashes + crashes))
  printf '%-32s %12s %8d  %s\n' "$target" "${runs:-?}" "$crashes" "$result"
done
echo "fuzzing ${seconds} s per target: $total_runs executions, $total_crashes crashes"
echo "(logs in $logs)"
echo "fuzz: $passed passed, $failed failed"
if [[ ${#crashed[@]} -gt 0 ]]; then
  echo "fuzz: CRASH in ${crashed[*]}" >&2
fi
if [[ ${#broken[@]} -gt 0 ]]; then
  echo "fuzz: could not run ${broken[*]}" >&2
fi
[[ $failed -eq 0 ]]
