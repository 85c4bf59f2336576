#!/usr/bin/env bash
# Checks an installed TurnLadder package as a user meets it: the turnladder command on the PATH decodes a capture,
# pcap/pcapng/cap files are associated with TurnLadder, and opening a capture the way a double-click does
# (xdg-open) shows the window, under Xvfb. The screenshot is left in packaging/out/ (not committed).
#
#   packaging/test-installed.sh      (needs xvfb-run, xauth, xdotool, ImageMagick and xdg-utils)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CAPTURE=$ROOT/test-captures/coturn-rfc6062.pcapng
PCAP=$ROOT/test-captures/coturn-tcp-allocation.pcap
SHOT=$ROOT/packaging/out/screenshot.png
DESKTOP_FILE=turnladder-TurnLadder.desktop

fail() { echo "test-installed: FAIL: $*" >&2; exit 1; }
ok() { echo "test-installed: ok: $*"; }

# Run by xvfb-run below, with DISPLAY set: open the capture as a file manager would, wait for the window,
# keep a screenshot, close the app again.
if [ "${1:-}" = --gui ]; then
  setsid xdg-open "$2" >"$3.log" 2>&1 &
  group=$!
  window=
  for _ in $(seq 1 150); do   # up to 30 s
    window=$(xdotool search --name TurnLadder 2>/dev/null | head -n 1) && [ -n "$window" ] && break
    kill -0 "$group" 2>/dev/null || break
    sleep 0.2
  done
  if [ -n "$window" ]; then
    sleep 2   # let it lay out and paint
    echo "window '$(xdotool getwindowname "$window" 2>/dev/null || true)' after $SECONDS s"
  fi
  import -window root "$3"
  kill -- "-$group" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 -- "-$group" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$group" 2>/dev/null || true
  if [ -z "$window" ]; then
    echo "no TurnLadder window appeared; xdg-open and the app printed:" >&2
    cat "$3.log" >&2
    exit 1
  fi
  exit 0
fi

# 1. The command line, from the PATH, in another directory.
command -v turnladder >/dev/null || fail "no turnladder command on the PATH"
json=$(cd / && timeout 120 turnladder decode "$CAPTURE" --format json) || fail "turnladder decode exited with $?"
lines=$(printf '%s\n' "$json" | grep -c . || true)
objects=$(printf '%s\n' "$json" | grep -c '^{.*}$' || true)
[ "$lines" -ge 10 ] && [ "$objects" -eq "$lines" ] \
  || fail "turnladder decode printed $lines lines, $objects of them JSON objects; first: $(printf '%s\n' "$json" | head -n 1)"
printf '%s\n' "$json" | grep -q '"protocol":"STUN"' || fail "turnladder decode found no STUN message"
ok "turnladder decode --format json: $lines JSON lines"

# 1b. The headless PNG export, from the PATH, without a display: it needs Monocle and the launcher's module options
#     in the command's own JVM.
png=$(mktemp --suffix=.png)
(cd / && env -u DISPLAY -u WAYLAND_DISPLAY timeout 120 turnladder export "$CAPTURE" --png "$png") \
  || fail "turnladder export without a display exited with $?"
size=$(identify -format '%w %h' "$png") || fail "turnladder export wrote no readable PNG"
colours=$(convert "$png" -format '%k' info:)
read -r width height <<<"$size"
[ "$width" -ge 600 ] && [ "$height" -ge 600 ] && [ "$colours" -ge 20 ] \
  || fail "turnladder export drew a ${width}x${height} picture with $colours colours"
rm -f "$png"
ok "turnladder export without a display: ${width}x${height} px, $colours colours"

# 2. The file associations: MIME types of the three extensions, and TurnLadder as their application.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$PCAP" "$tmp/a.pcap"; cp "$PCAP" "$tmp/a.cap"; cp "$CAPTURE" "$tmp/a.pcapng"
for pair in a.pcap=application/vnd.tcpdump.pcap a.cap=application/vnd.tcpdump.pcap a.pcapng=application/x-pcapng; do
  type=$(xdg-mime query filetype "$tmp/${pair%%=*}")
  [ "$type" = "${pair#*=}" ] || fail "${pair%%=*} has MIME type '$type', expected ${pair#*=}"
done
for mime in application/vnd.tcpdump.pcap application/x-pcapng; do
  default=$(xdg-mime query default "$mime")
  [ "$default" = "$DESKTOP_FILE" ] || fail "xdg-mime query default $mime names '$default', not $DESKTOP_FILE"
done
ok "pcap, cap and pcapng open with $DESKTOP_FILE"

# 3. The window, opened by xdg-open on a capture under a virtual display.
mkdir -p "$(dirname "$SHOT")"
rm -f "$SHOT"
timeout 90 xvfb-run -a -s "-screen 0 1280x800x24" "$0" --gui "$CAPTURE" "$SHOT" \
  || fail "the window did not show (see above)"
[ -s "$SHOT" ] || fail "no screenshot was taken"
# An empty Xvfb screen is black; the window is mostly light grey.
mean=$(convert "$SHOT" -colorspace Gray -format '%[fx:mean]' info:)
awk -v m="$mean" 'BEGIN { exit !(m > 0.2) }' || fail "the screenshot is almost black (mean $mean): nothing was drawn"
ok "window shown (screenshot $SHOT, mean brightness $mean)"
# The ladder, not just a window: the capture's TURN arrows and labels are drawn in the ladder's TURN purple.
turn=$(convert "$SHOT" -fuzz 10% -fill black +opaque '#7b3fb5' -fill white -opaque '#7b3fb5' -format '%[fx:round(mean*w*h)]' info:)
[ "$turn" -ge 500 ] || fail "the window shows no ladder: $turn pixels of the TURN arrow colour (expected ≥ 500)"
ok "the ladder is drawn ($turn pixels of TURN arrows)"
