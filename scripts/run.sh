#!/usr/bin/env bash
# Builds latentj (no tests) and runs a main class from the examples module with its classpath.
# Usage: scripts/run.sh <main class> [arguments...]   (JAVA_OPTS adds JVM options)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl examples -am package -DskipTests
cp_file=$(mktemp)
mvn -B -ntp -q -pl examples dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
classpath="examples/target/classes:$(cat "$cp_file")"
rm -f "$cp_file"
exec java ${JAVA_OPTS:-} -cp "$classpath" "$@"
