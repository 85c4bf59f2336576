#!/usr/bin/env bash
# Renders resources/icons/*.svg into the PNG sizes desktops ask for, a Windows .ico and a macOS .icns.
# Needs rsvg-convert (Debian: librsvg2-bin), ImageMagick's convert (imagemagick) and png2icns (icnsutils).
# The results are committed; run this again only after changing an SVG.
set -euo pipefail
cd "$(dirname "$0")/../resources/icons"
for size in 16 32 48; do   # pixel-grid variant: sharp at whole multiples of 16
  rsvg-convert -w "$size" -h "$size" turnladder-small.svg -o "turnladder-$size.png"
done
for size in 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" turnladder.svg -o "turnladder-$size.png"
done
convert turnladder-16.png turnladder-32.png turnladder-48.png turnladder-64.png turnladder-128.png \
  turnladder-256.png turnladder.ico
png2icns turnladder.icns turnladder-16.png turnladder-32.png turnladder-48.png turnladder-128.png \
  turnladder-256.png turnladder-512.png >/dev/null
