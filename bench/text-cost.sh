#!/usr/bin/env bash
# Time per applied typing operation in a 1 KB versus a 1 MB document (Rope and String).
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -o test-compile
classpath_file=target/text-cost.classpath
mvn -q -o dependency:build-classpath -Dmdep.outputFile="$classpath_file" >/dev/null
java -Xms1g -Xmx1g -cp "target/test-classes:target/classes:$(cat "$classpath_file")" io.pairpad.ot.TextCostBench
