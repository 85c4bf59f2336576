#!/usr/bin/env bash
# Builds TurnLadder's desktop package with jpackage: first an app image (a launcher, the app's jars and a Java
# runtime linked with JavaFX as modules), then from it an installer of the platform's kind.
#
#   packaging/build.sh [--type TYPE] [--out DIR] [--skip-maven]
#
# TYPE: app-image (the image only), deb or rpm on Linux (rpm not tried, and without the turnladder command
# on the PATH that the .deb's scripts add), msi or exe on Windows (needs WiX 3 on the PATH),
# dmg or pkg on macOS; the default is deb, msi or dmg by platform. Results go to packaging/out/ (or DIR):
# image/TurnLadder[.app] and the installer. Needs a JDK 17+ with jpackage and jmods (JPACKAGE_JDK, else
# JAVA_HOME, else the java on the PATH), Maven and unzip; on Linux, dpkg-deb and fakeroot (deb) or rpmbuild (rpm).
# dpkg-deb compresses with xz (about 45 s here); DPKG_DEB_COMPRESSOR_TYPE=gzip takes 4 s for a third more bytes.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/packaging/out
TYPE=
SKIP_MAVEN=
while [ $# -gt 0 ]; do
  case "$1" in
    --type) TYPE=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --skip-maven) SKIP_MAVEN=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

fail() { echo "build.sh: $*" >&2; exit 1; }
step() { echo "== $* ($(date +%T))"; }

case "$(uname -s)" in
  Linux) OS=linux; DEFAULT_TYPE=deb; ICON=$ROOT/resources/icons/turnladder-256.png ;;
  Darwin) OS=mac; DEFAULT_TYPE=dmg; ICON=$ROOT/resources/icons/turnladder.icns ;;
  MINGW*|MSYS*|CYGWIN*) OS=windows; DEFAULT_TYPE=msi; ICON=$ROOT/resources/icons/turnladder.ico ;;
  *) fail "unsupported platform $(uname -s)" ;;
esac
TYPE=${TYPE:-$DEFAULT_TYPE}

# The JDK whose jpackage (and whose jmods, linked into the runtime) we use.
JDK=${JPACKAGE_JDK:-${JAVA_HOME:-}}
if [ -z "$JDK" ] && command -v java >/dev/null; then
  JDK=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')
fi
EXE=; [ "$OS" = windows ] && EXE=.exe
[ -n "$JDK" ] && [ -x "$JDK/bin/jpackage$EXE" ] || fail "no jpackage in '${JDK:-?}': set JPACKAGE_JDK to a JDK 17+"
[ -d "$JDK/jmods" ] || fail "$JDK has no jmods/ to link a runtime from (Debian: apt-get install openjdk-17-jdk-headless)"
command -v unzip >/dev/null || fail "unzip is missing (Debian: apt-get install unzip)"
JPACKAGE=$JDK/bin/jpackage$EXE
JDEPS=$JDK/bin/jdeps$EXE

# 1. The jars: turnladder.jar (for jdeps) and, with -Pjpackage, the class path and JavaFX jars apart.
if [ -z "$SKIP_MAVEN" ]; then
  step "Maven: package with the jpackage profile"
  (cd "$ROOT" && JAVA_HOME=${JAVA_HOME:-$JDK} mvn -q -B -Pjpackage package -DskipTests)
fi
STAGE=$ROOT/app/target/jpackage
APP_JAR=$(ls "$ROOT"/app/target/turnladder-app-*.jar 2>/dev/null | head -n 1)
[ -n "$APP_JAR" ] && [ -d "$STAGE/lib" ] && [ -d "$STAGE/javafx" ] && [ -f "$ROOT/app/target/turnladder.jar" ] \
  || fail "app/target has no jpackage layout: run without --skip-maven (mvn -Pjpackage package)"
VERSION=$(basename "$APP_JAR" .jar); VERSION=${VERSION#turnladder-app-}; VERSION=${VERSION%-SNAPSHOT}

rm -rf "$OUT/input" "$OUT/javafx" "$OUT/image" "$OUT/runtime"
mkdir -p "$OUT/input" "$OUT/javafx" "$OUT/image"
cp "$APP_JAR" "$STAGE"/lib/*.jar "$OUT/input/"
# Only the platform jars (javafx-graphics-21.0.11-linux.jar) hold the modules; the plain ones are empty.
cp "$STAGE"/javafx/javafx-*-[0-9]*-*.jar "$OUT/javafx/"
FX_MODULES=$(ls "$OUT/javafx" | sed -E 's/^javafx-([a-z]+)-.*/javafx.\1/' | sort -u | paste -sd, -)

# 2. Modules: what the whole class path uses of the JDK (jdeps on the shaded jar, which holds all of it),
#    plus JavaFX. Internal JavaFX packages that ControlsFX and our views call are exported to the class path.
step "jdeps: modules and JavaFX internals"
JDK_MODULES=$("$JDEPS" --multi-release 17 --ignore-missing-deps --print-module-deps "$ROOT/app/target/turnladder.jar")
MODULES=$JDK_MODULES,$FX_MODULES
SEP=:; [ "$OS" = windows ] && SEP=';'
FX_PATH=$(ls -d "$OUT"/javafx/*.jar | paste -sd "$SEP" -)
JAVA_OPTIONS=(--java-options "-XX:MaxRAMPercentage=50")
# (The class path jars go on jdeps' module path too: some are modules that require one another.)
"$JDEPS" --multi-release 17 --ignore-missing-deps -verbose:package --module-path "$FX_PATH$SEP$OUT/input" \
  "$OUT"/input/*.jar >"$OUT/jdeps-packages.txt" || fail "jdeps failed on the class path"
for export in $(awk '$3 ~ /^com\.sun\./ && $4 ~ /^javafx\./ {print $4 "/" $3}' "$OUT/jdeps-packages.txt" | sort -u); do
  JAVA_OPTIONS+=(--java-options "--add-exports=$export=ALL-UNNAMED")
done
# ControlsFX reaches Parent.getChildren() by reflection, which jdeps cannot see.
JAVA_OPTIONS+=(--java-options "--add-opens=javafx.graphics/javafx.scene=ALL-UNNAMED")
echo "modules: $MODULES"

# 3. The runtime: jlink links the JDK modules and the JavaFX jars as modules. bin/java stays (no
#    --strip-native-commands): the headless commands run in a lean child JVM started from it, as they do from
#    turnladder.jar. A CDS archive halves start-up (0.8 s to 0.4 s for a small decode here). JavaFX's native
#    libraries are copied next to the JDK's own, where JavaFX looks first for a linked runtime; otherwise it
#    would unpack them from the modules into every user's ~/.openjfx/cache on first start.
step "jlink: runtime"
rm -rf "$OUT/runtime"
"$JDK/bin/jlink$EXE" --module-path "$FX_PATH" --add-modules "$MODULES" --output "$OUT/runtime" \
  --strip-debug --no-man-pages --no-header-files --generate-cds-archive
case "$OS" in
  windows) NATIVE_DIR=bin; NATIVE_GLOB='*.dll' ;;
  mac) NATIVE_DIR=lib; NATIVE_GLOB='*.dylib' ;;
  *) NATIVE_DIR=lib; NATIVE_GLOB='*.so' ;;
esac
for jar in "$OUT"/javafx/*.jar; do
  unzip -q -o -j "$jar" "$NATIVE_GLOB" -d "$OUT/runtime/$NATIVE_DIR" || [ $? -eq 11 ]   # 11: this jar has none
done

# 4. The app image.
step "jpackage: app image"
IMAGE_OPTIONS=()
[ "$OS" = windows ] && IMAGE_OPTIONS=(--add-launcher "turnladder-cli=$ROOT/packaging/windows/turnladder-cli.properties")
MAIN_JAR=$(basename "$APP_JAR")
"$JPACKAGE" --type app-image --dest "$OUT/image" \
  --name TurnLadder --app-version "$VERSION" --vendor TurnLadder \
  --description "Ladder diagrams and findings for Skype for Business / CMS sharing over RFC 6062 TCP TURN" \
  --input "$OUT/input" --main-jar "$MAIN_JAR" --main-class org.turnladder.app.Launcher \
  --runtime-image "$OUT/runtime" "${JAVA_OPTIONS[@]}" --icon "$ICON" ${IMAGE_OPTIONS[@]+"${IMAGE_OPTIONS[@]}"}
IMAGE=$(ls -d "$OUT"/image/TurnLadder*)
echo "app image: $IMAGE ($(du -sh "$IMAGE" | cut -f1))"
[ "$TYPE" = app-image ] && exit 0

# 5. The installer, from that image.
step "jpackage: $TYPE"
ASSOC=$ROOT/packaging/associations
PACKAGE_OPTIONS=(--file-associations "$ASSOC/pcap.properties" --file-associations "$ASSOC/pcapng.properties")
case "$OS" in
  linux) PACKAGE_OPTIONS+=(--linux-package-name turnladder --linux-shortcut --linux-menu-group Network
           --linux-app-category net --linux-app-release 1 --resource-dir "$ROOT/packaging/linux" --icon "$ICON")
         if [ "$TYPE" = rpm ]; then
           PACKAGE_OPTIONS+=(--linux-package-deps libpcap)
         else
           PACKAGE_OPTIONS+=(--linux-package-deps libpcap0.8
             --linux-deb-maintainer "${TURNLADDER_MAINTAINER_EMAIL:-turnladder@example.invalid}")
         fi ;;
  windows) PACKAGE_OPTIONS+=(--win-menu --win-menu-group TurnLadder --win-shortcut --win-dir-chooser
           --win-upgrade-uuid 6f1d1c52-3d0e-4d1b-9a55-2b1c6c1f6a10 --icon "$ICON") ;;
  mac) PACKAGE_OPTIONS+=(--mac-package-identifier org.turnladder.app --icon "$ICON") ;;
esac
rm -f "$OUT"/*."$TYPE"
"$JPACKAGE" --type "$TYPE" --app-image "$IMAGE" --dest "$OUT" \
  --name TurnLadder --app-version "$VERSION" --vendor TurnLadder \
  --description "Ladder diagrams and findings for Skype for Business / CMS sharing over RFC 6062 TCP TURN" \
  "${PACKAGE_OPTIONS[@]}"
ls -l "$OUT"/*."$TYPE"
