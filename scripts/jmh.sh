#!/usr/bin/env bash
# Runs latentj's JMH micro-benchmarks (examples/src/main/java/org/latentj/examples/bench).
# Usage: scripts/jmh.sh [benchmark regex] [extra JMH options, e.g. -f 1 -wi 3 -i 5]
# Run one benchmark at a time on an otherwise idle machine; JMH prints the figures and errors.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl examples -am package -DskipTests
cp_file=$(mktemp)
mvn -B -ntp -q -pl examples dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
classpath="examples/target/classes:$(cat "$cp_file")"
rm -f "$cp_file"
exec java -cp "$classpath" org.openjdk.jmh.Main "${1:-.*}" "${@:2}"
