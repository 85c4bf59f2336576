#!/usr/bin/env bash
# Decode benchmark: TurnLadder's `decode` against tshark on the same ~1 GB capture, in one run.
# usage: benchmark/run.sh [--size-mb N] [--jar PATH]    (needs python3, tshark, editcap, GNU time: Debian
#        packages python3, tshark, time). Results go to benchmark/out/results.txt.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
size=1024
jar="$root/app/target/turnladder.jar"
while [ $# -gt 0 ]; do
  case "$1" in
    --size-mb) size=$2; shift 2 ;;
    --jar) jar=$2; shift 2 ;;
    *) echo "usage: $0 [--size-mb N] [--jar PATH]" >&2; exit 2 ;;
  esac
done
out="$here/out"
mkdir -p "$out"
capture="$out/bench-${size}mb.pcap"
[ -f "$jar" ] || (cd "$root" && mvn -q -B package -DskipTests)
[ -f "$capture" ] || python3 "$here/make-capture.py" --size-mb "$size" --out "$capture"

measure() { # name, output file, command...
  local name=$1 lines=$2; shift 2
  /usr/bin/time -v -o "$out/$name.time" "$@" > "$lines" 2> "$out/$name.stderr"
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$out/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/$name.time")
  echo "$name $wall $rss $(wc -l < "$lines")"
}

packets=$(capinfos -c -M "$capture" 2>/dev/null | awk -F': *' '/Number of packets/ {print $2}')
bytes=$(stat -c %s "$capture")
cat "$capture" > /dev/null # page cache: both tools read from memory
java -jar "$jar" decode "$capture" --format json > /dev/null # warm-up run, not measured
read -r _ tl_wall tl_rss tl_lines < <(measure turnladder "$out/turnladder.jsonl" java -jar "$jar" decode "$capture" --format json)
read -r _ ts_wall ts_rss ts_lines < <(measure tshark "$out/tshark.txt" tshark -r "$capture" -Y "stun || sip" -T fields -e frame.number)

{
  echo "capture: $capture ($((bytes / 1000000)) MB, $packets packets)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
  printf '%-11s %9s %14s %12s %s\n' tool "wall (s)" "peak RSS (MB)" "packets/s" "lines out"
  printf '%-11s %9.2f %14d %12.0f %s messages\n' turnladder "$tl_wall" $((tl_rss / 1024)) "$(echo "$packets / $tl_wall" | bc -l)" "$tl_lines"
  printf '%-11s %9.2f %14d %12.0f %s frames\n' tshark "$ts_wall" $((ts_rss / 1024)) "$(echo "$packets / $ts_wall" | bc -l)" "$ts_lines"
  printf 'TurnLadder is %.1fx faster and uses %.1fx less memory than tshark\n' \
    "$(echo "$ts_wall / $tl_wall" | bc -l)" "$(echo "$ts_rss / $tl_rss" | bc -l)"
} | tee "$out/results.txt"
