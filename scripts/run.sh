#!/usr/bin/env bash
# Builds latentj (no tests) and runs a main class from the examples module with its classpath.
# Usage: scripts/run.sh <main class> [arguments...]   (JAVA_OPTS adds JVM options)
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=$(mktemp)
# One reactor build, so the classpath names the modules' fresh jars (no `mvn install` needed).
mvn -B -ntp -q -pl examples -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime >/dev/null
classpath="examples/target/classes:$(cat "$cp_file")"
rm -f "$cp_file"
exec java ${JAVA_OPTS:-} -cp "$classpath" "$@"
