#!/usr/bin/env bash
# TurnLadder `decode` against tshark on one large capture: wall time, CPU time, peak RSS, packets/s, output lines.
#
# usage: benchmark/run.sh [--jar PATH] [--capture FILE] [--size-mb N] [--sessions DIR] [--seed N]
#   --jar PATH      TurnLadder jar (default app/target/turnladder.jar, built with Maven when missing)
#   --capture FILE  capture to measure (default benchmark/out/bench-<size>mb.pcap, made by make-capture.py if absent)
#   --size-mb N     size of the capture to make (default 1024)
#   --sessions DIR  session captures to replay in it (default test-captures/ of the repository)
#   --seed N        seed for make-capture.py (default: its own)
#   --runs N        measured runs of each tool after the warm-up (default 3; median times, largest RSS)
# Environment: MVN_FLAGS (e.g. -o) is passed to Maven, JAVA_OPTS to java.
# Results go to benchmark/out/results.txt (and stdout); time -v output, stderr and RSS samples of each run beside it.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/benchmark/out"
jar="$root/app/target/turnladder.jar"
jar_given=no
capture=""
size_mb=1024
sessions="$root/test-captures"
seed_args=()
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar=$(realpath "$2"); jar_given=yes; shift 2 ;;
    --capture) capture=$(realpath -m "$2"); shift 2 ;;
    --size-mb) size_mb="$2"; shift 2 ;;
    --sessions) sessions=$(realpath "$2"); shift 2 ;;
    --seed) seed_args=(--seed "$2"); shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
[ -n "$capture" ] || capture="$out/bench-${size_mb}mb.pcap"
mkdir -p "$out"
for tool in java tshark capinfos /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed" >&2; exit 2; }
done

if [ ! -f "$jar" ]; then
  if [ "$jar_given" = yes ]; then echo "run.sh: no jar at $jar" >&2; exit 2; fi
  echo "== building $jar"
  (cd "$root" && mvn -q -B ${MVN_FLAGS:-} package -DskipTests)
fi

if [ ! -f "$capture" ]; then
  echo "== making $capture"
  python3 "$root/benchmark/make-capture.py" --sessions "$sessions" --size-mb "$size_mb" --out "$capture" \
    "${seed_args[@]}" | tee "$capture.made.txt"
fi

# Seconds from time -v's "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.34".
wall_seconds() {
  sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" |
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }'
}
cpu_seconds() {
  awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' "$1"
}
rss_mib() {
  awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"
}

echo "== counting packets"
packets=$(capinfos -T -M -c -r "$capture" | awk -F'\t' '{ print $2 }')
bytes=$(stat -c %s "$capture")
cat "$capture" > /dev/null  # page cache

# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
decode=(java ${JAVA_OPTS:-} -jar "$jar" decode "$capture" --format json)
tshark_cmd=(tshark -r "$capture" -Y "stun || sip" -T fields -e frame.number)

echo "== TurnLadder warm-up run (also counts its messages)"
tl_lines=$("${decode[@]}" 2> "$out/decode-warmup.stderr" | wc -l)

# Summed RSS (KiB) of every process below pid $1: the tool and, for TurnLadder, the lean child JVM its launcher
# starts (time -v reports the largest single process; this counts them together).
tree_rss_kib() {
  local pid=$1 kids k total=0
  kids=$(cat /proc/"$pid"/task/*/children 2>/dev/null || true)
  for k in $kids; do
    total=$((total + $(awk '/^VmRSS/ { print $2 }' "/proc/$k/status" 2>/dev/null || echo 0) + $(tree_rss_kib "$k")))
  done
  echo "$total"
}

# RSS of everything that time -v ($1) runs, every half second: "seconds<TAB>MiB" lines.
sample_rss() {
  local tpid=$1 begin now kib
  begin=$(date +%s.%N)
  while kill -0 "$tpid" 2>/dev/null; do
    kib=$(tree_rss_kib "$tpid")
    if [ "$kib" -gt 0 ]; then
      now=$(date +%s.%N)
      awk -v a="$begin" -v b="$now" -v k="$kib" 'BEGIN { printf "%.1f\t%d\n", b - a, k / 1024 }'
    fi
    sleep 0.5
  done
}

# measure NAME STDOUT CMD...: runs CMD $runs times under time -v, sampling the RSS of the first run.
measure() {
  local name=$1 dest=$2 i tpid status
  shift 2
  for i in $(seq 1 "$runs"); do
    echo "== $name measured run $i/$runs"
    /usr/bin/time -v -o "$out/time-$name-$i.txt" "$@" > "$dest" 2> "$out/$name-$i.stderr" &
    tpid=$!
    [ "$i" != 1 ] || sample_rss "$tpid" > "$out/rss-$name.tsv" &
    status=0
    wait "$tpid" || status=$?
    echo "$status" > "$out/status-$name-$i"
  done
  wait
}

median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
over_runs() {  # over_runs NAME FUNCTION: FUNCTION's value for every run, one a line
  local i
  for i in $(seq 1 "$runs"); do "$2" "$out/time-$1-$i.txt"; echo; done
}
rss_curve() {  # ten samples spread over the first run
  awk -F'\t' '{ v[NR] = $2 } END { for (k = 1; k <= 10 && NR > 0; k++) printf "%s%s", (k > 1 ? " " : ""), v[int((NR - 1) * k / 10) + 1] }' "$1"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
measure decode /dev/null "${decode[@]}"
measure tshark "$out/tshark-frames.txt" "${tshark_cmd[@]}"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
ts_lines=$(wc -l < "$out/tshark-frames.txt")

tl_wall=$(over_runs decode wall_seconds | median); ts_wall=$(over_runs tshark wall_seconds | median)
tl_cpu=$(over_runs decode cpu_seconds | median);   ts_cpu=$(over_runs tshark cpu_seconds | median)
tl_rss=$(over_runs decode rss_mib | sort -n | tail -1); ts_rss=$(over_runs tshark rss_mib | sort -n | tail -1)
tl_status=$(cat "$out"/status-decode-* | sort -n | tail -1); ts_status=$(cat "$out"/status-tshark-* | sort -n | tail -1)
rate() { awk -v p="$packets" -v s="$1" 'BEGIN { if (s > 0) printf "%.0f", p / s; else print "-" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

{
  echo "TurnLadder decode vs tshark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "capture:  $capture"
  echo "          $(awk -v b="$bytes" 'BEGIN { printf "%.0f MiB", b / 1048576 }'), $packets packets"
  echo "machine:  $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)),"\
       "$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
  echo "java:     $(java -version 2>&1 | head -1)${JAVA_OPTS:+, JAVA_OPTS=$JAVA_OPTS}"
  echo "jar:      $jar"
  echo "tshark:   $(tshark --version 2>/dev/null | head -1)"
  echo "commands: ${decode[*]} > /dev/null"
  echo "          tshark -r $capture -Y \"stun || sip\" -T fields -e frame.number > benchmark/out/tshark-frames.txt"
  echo "load:     $load_before before, $load_after after (1/5/15 min; other work on the machine disturbs the times)"
  echo
  echo "median of $runs runs for wall and CPU time, the largest peak RSS of the runs"
  printf '%-18s %9s %9s %13s %12s %13s %7s\n' "" "wall s" "CPU s" "peak RSS MiB" "packets/s" "output lines" "exit"
  printf '%-18s %9s %9s %13s %12s %13s %7s\n' "turnladder decode" "$tl_wall" "$tl_cpu" "$tl_rss" "$(rate "$tl_wall")" \
    "$tl_lines" "$tl_status"
  printf '%-18s %9s %9s %13s %12s %13s %7s\n' "tshark" "$ts_wall" "$ts_cpu" "$ts_rss" "$(rate "$ts_wall")" \
    "$ts_lines" "$ts_status"
  echo
  echo "tshark / turnladder: wall time $(ratio "$ts_wall" "$tl_wall")x, CPU time $(ratio "$ts_cpu" "$tl_cpu")x,"\
       "peak RSS $(ratio "$ts_rss" "$tl_rss")x"
  echo "wall times of the runs: turnladder $(over_runs decode wall_seconds | paste -sd' '), tshark" \
       "$(over_runs tshark wall_seconds | paste -sd' ')"
  echo "RSS MiB over the first run, all processes summed (10 samples): turnladder" \
       "$(rss_curve "$out/rss-decode.tsv"), tshark $(rss_curve "$out/rss-tshark.tsv")"
  echo "peak summed RSS sampled: turnladder $(cut -f2 "$out/rss-decode.tsv" | sort -n | tail -1) MiB" \
       "(launcher JVM + lean child JVM), tshark $(cut -f2 "$out/rss-tshark.tsv" | sort -n | tail -1) MiB"
  echo "output lines: turnladder = decoded messages (JSON lines), tshark = frames matching stun || sip"
  if [ -s "$out/decode-1.stderr" ]; then
    echo "turnladder stderr ($(wc -l < "$out/decode-1.stderr") lines, first 5):"
    head -5 "$out/decode-1.stderr" | cut -c1-200 | sed 's/^/  /'
  fi
  if grep -qv 'Running as user "root"' "$out/tshark-1.stderr" 2>/dev/null; then
    echo "tshark stderr (first 5 lines):"
    grep -v 'Running as user "root"' "$out/tshark-1.stderr" | head -5 | cut -c1-200 | sed 's/^/  /'
  fi
} | tee "$out/results.txt"
