#!/usr/bin/env bash
# The ladder on a large capture: LadderModel.build and LadderLayout.compute timed for a few option sets.
#
# usage: benchmark/ladder.sh [--capture FILE] [--runs N]
#   --capture FILE  capture to load (default benchmark/out/bench-1024mb.pcap, see run.sh / make-capture.py)
#   --runs N        builds and layouts per option set (default 3; the median time is printed)
# Environment: MVN_FLAGS (e.g. -o) is passed to Maven, JAVA_OPTS to java.
# Compiles the model and its test classes (LadderBench is a main class there), then runs LadderBench. Prints
# per option set: columns, rows, median milliseconds of build and layout, MiB allocated by each.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
capture="$root/benchmark/out/bench-1024mb.pcap"
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --capture) capture=$(realpath "$2"); shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "ladder.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
[ -f "$capture" ] || { echo "ladder.sh: no capture at $capture (make one with benchmark/run.sh)" >&2; exit 2; }
mkdir -p "$root/benchmark/out"
cp_file="$root/benchmark/out/model-classpath.txt"
if ! (cd "$root" && mvn -q -B -Dstyle.color=never ${MVN_FLAGS:-} -pl model test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" > "$root/benchmark/out/ladder-build.log" 2>&1); then
  cat "$root/benchmark/out/ladder-build.log" >&2; exit 1
fi
cp="$root/model/target/classes:$root/model/target/test-classes:$(cat "$cp_file")"
echo "ladder benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)," \
     "$(java -version 2>&1 | head -1)${JAVA_OPTS:+, JAVA_OPTS=$JAVA_OPTS}"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
java ${JAVA_OPTS:-} -cp "$cp" org.turnladder.ladder.LadderBench "$capture" "$runs"
