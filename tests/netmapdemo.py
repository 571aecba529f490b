# netmapdemo.py: driving a network map demo (cp-netmap-view-demo, cp-netmap-page-demo)
# from a test script: start it with --events, read what it says, send it commands, type
# and click with xdotool
#
# Copyright 2026 The Connecting People Kit authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

import queue
import subprocess
import threading
import time

TIMEOUT = 20.0


class DemoProcess:
    """A demo run with --events: self.xid is its X11 window once it said "ready"."""

    def __init__(self, argv):
        self.proc = subprocess.Popen([*argv, "--events"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, bufsize=1)
        self.lines = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.xid = self.expect("ready")[0]

    def _read(self):
        for line in self.proc.stdout:
            self.lines.put(line.split())
        self.lines.put(None)

    def next_line(self, timeout=TIMEOUT):
        """The words of the next line it says; AssertionError when it has ended."""
        words = self.lines.get(timeout=timeout)
        if words is None:
            raise AssertionError("the demo ended")
        return words

    def expect(self, what, timeout=TIMEOUT, first=None):
        """The words after the next line that starts with @what (and then @first, when
        given); other lines are skipped."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no '{what}' from the demo within {timeout} s")
            try:
                words = self.lines.get(timeout=left)
            except queue.Empty:
                continue
            if words is None:
                raise AssertionError(f"the demo ended before '{what}'")
            if words and words[0] == what and (first is None or words[1:2] == [first]):
                return words[1:]

    def send(self, command):
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()

    def xdo(self, *args):
        subprocess.run(["xdotool", *[str(a) for a in args]], check=True)

    def close(self):
        """Asks it to quit; its exit status"""
        try:
            self.send("quit")
            self.proc.stdin.close()
            self.proc.wait(timeout=TIMEOUT)
        except Exception:
            self.proc.kill()
            self.proc.wait()
        return self.proc.returncode
