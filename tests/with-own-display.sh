#!/bin/sh
# with-own-display.sh COMMAND [ARG…]: runs COMMAND (a 'ui' test) on an X server of its
# own, and stops the server when the command ends.
#
# Tests run side by side (meson test runs two at once here). On one shared server, with
# no window manager, each window a test presents takes the keyboard focus from the
# windows of the test beside it, and a test that checks where the focus is, or what a
# focused widget draws, fails at random. The server picks its own display number
# (-displayfd): xvfb-run -a can pick one that a parallel run is taking at the same moment.
# -noreset: an empty server otherwise resets itself, and a client connecting then fails.
set -u

dir=$(mktemp -d) || exit 1
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp -noreset \
  3>"$dir/display" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$dir"' EXIT
trap 'exit 143' TERM INT HUP

# The server writes its number once it takes connections.
while [ ! -s "$dir/display" ]; do
  if ! kill -0 "$server" 2>/dev/null; then
    echo "with-own-display.sh: Xvfb did not start" >&2
    exit 1
  fi
  sleep 0.02
done

DISPLAY=:$(head -n 1 "$dir/display")
export DISPLAY
unset XAUTHORITY
"$@"
