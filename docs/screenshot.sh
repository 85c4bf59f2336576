#!/usr/bin/env bash
# Starts the real app under Xvfb on a capture and saves a screenshot of the screen.
# Usage: docs/screenshot.sh [capture] [out.png] [seconds to wait]   (build first: mvn -o -q -B install -DskipTests)
# Needs xvfb-run and ImageMagick's import (and xdotool to keep only the window). Nothing is written beside the capture.
set -euo pipefail
cd "$(dirname "$0")/.."
capture=${1:-test-captures/sipp-appsharing-rejected.pcap}
out=${2:-docs/screenshot.png}
wait=${3:-8}
jar=app/target/turnladder.jar
[ -f "$jar" ] || { echo "build first: mvn -o -q -B install -DskipTests" >&2; exit 1; }
out_abs=$(realpath -m "$out")
xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
  java -jar "$1" "$2" >/dev/null 2>&1 &
  app=$!
  sleep "$4"
  # just the window when xdotool can find it (no window manager here: the window does not fill the screen)
  win=$(command -v xdotool >/dev/null && xdotool search --name "^TurnLadder" 2>/dev/null | tail -n 1 || true)
  import -window "${win:-root}" "$3"
  kill "$app"
' _ "$jar" "$capture" "$out_abs" "$wait"
echo "saved $out_abs"
