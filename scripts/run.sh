#!/usr/bin/env bash
# Builds latentj (no tests) and runs a main class from the examples module with its classpath.
# Usage: scripts/run.sh <main class> [arguments...]   (JAVA_OPTS adds JVM options)
# As the latentj launcher, it passes --add-modules jdk.incubator.vector, so the Vector API kernel
# is the fallback when no native BLAS loads.
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
# One reactor run: the sibling modules resolve to the jars just packaged (nothing is installed).
# The classpath file is written per module; examples comes last, so it holds the examples one.
mvn -B -ntp -q -pl examples -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
classpath="examples/target/classes:$(cat "$cp_file")"
java --add-modules jdk.incubator.vector ${JAVA_OPTS:-} -cp "$classpath" "$@"
