#!/bin/bash
# Takes the screenshots in data/screenshots/ from the real app running the practice
# workspace (fictional people only) under Xvfb. Needs imagemagick and xdotool.
#   tests/bench/screenshots.sh [BUILDDIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-_build}
out=data/screenshots
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

export GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none GSETTINGS_BACKEND=memory
export LANG=C.UTF-8 GSETTINGS_SCHEMA_DIR="$PWD/$build/data" XDG_DATA_HOME="$data"

shoot () {   # shoot FILE WIDTH HEIGHT XDOTOOL-CLICKS…
  local file=$1 w=$2 h=$3; shift 3
  local display=:$((90 + RANDOM % 9))
  Xvfb "$display" -screen 0 "${w}x${h}x24" -nolisten tcp -noreset >/dev/null 2>&1 &
  local xvfb=$!
  sleep 1
  DISPLAY=$display dbus-run-session -- "$build/src/cpkit" --practice >/dev/null 2>&1 &
  local app=$!
  sleep 3
  local win
  win=$(DISPLAY=$display xdotool search --name "Connecting People Kit" | head -n 1)
  DISPLAY=$display xdotool windowsize "$win" "$w" "$h"
  sleep 1
  for click in "$@"; do
    DISPLAY=$display xdotool mousemove $click click 1
    sleep 1
  done
  DISPLAY=$display import -window "$win" "$file"
  kill $app 2>/dev/null || true
  sleep 0.5
  kill $xvfb 2>/dev/null || true
  wait 2>/dev/null || true
}

shoot "$out/people.png" 1000 640
shoot "$out/main.png" 1000 640 "400 178"
shoot "$out/supervision.png" 1280 520 "85 159"
echo "Wrote $out/people.png, $out/main.png and $out/supervision.png"
