#!/usr/bin/python3
# test-netmap-page-keyboard.py: a 10-member map entered through list entry, keyboard only
#
# Copyright 2026 The Connecting People Kit authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives cp-netmap-page-demo (the Network tab on a fresh workspace, an empty baseline map,
# list entry open) with xdotool under an X server of its own, as a user at a keyboard
# would: type a name, Tab to the sector, Tab to the ring, Enter adds the row and starts
# the next. Then it quits the demo and reads the workspace file with sqlite3: the ten
# members must be in the store, each in the sector and ring typed. No mouse is used.
#
# Usage: test-netmap-page-keyboard.py DEMO      (prints TAP)

import os
import shutil
import sqlite3
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from netmapdemo import DemoProcess  # noqa: E402

DEMO = sys.argv[1]

# (name, what is typed for the sector, for the ring; the sector and ring meant).
# An empty field keeps what the row before had: people of one sector are a name and Enter.
ROWS = [
    ("Sam", "fam", "1", "family", 1),
    ("Mum", "", "", "family", 1),
    ("Lena", "fr", "2", "friends", 2),
    ("Mo", "", "closest", "friends", 1),
    ("Pat next door", "3", "3", "neighbours", 3),
    ("Warehouse", "work", "2", "work", 2),
    ("Choir", "clubs", "around", "groups", 3),
    ("Mosque", "", "4", "groups", 4),
    ("GP", "6", "3", "services", 3),
    ("Ben", "serv", "1", "services", 1),
]


class Demo(DemoProcess):
    def __init__(self, workspace):
        super().__init__([DEMO, "--workspace", workspace, "--list", "--width", "1100",
                          "--height", "760"])

    def members(self, want):
        """How many members the map has in the store, once it has @want or a while has
        passed (the demo takes keys and commands in its own order)"""
        deadline = time.monotonic() + 5
        while True:
            self.send("members")
            got = int(self.expect("members")[0])
            if got == want or time.monotonic() > deadline:
                return got
            time.sleep(0.05)


def enter_rows(demo):
    """Ten rows typed into list entry's new row; each Enter adds one member."""
    # no window manager: give the window the keyboard (the page put it in the new row)
    demo.xdo("windowfocus", "--sync", demo.xid)
    time.sleep(0.3)
    for n, (name, sector, ring, _, _) in enumerate(ROWS, 1):
        demo.xdo("type", "--delay", "15", name)
        demo.xdo("key", "Tab")
        if sector:
            demo.xdo("key", "ctrl+a")
            demo.xdo("type", "--delay", "15", sector)
        demo.xdo("key", "Tab")
        if ring:
            demo.xdo("key", "ctrl+a")
            demo.xdo("type", "--delay", "15", ring)
        demo.xdo("key", "Return")
        got = demo.members(n)
        assert got == n, f"after row {n} ({name}) the map has {got} members"


def in_the_store(path):
    """The members of the person's only map, read from the workspace file itself."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = db.execute("SELECT name, sector, ring, kind FROM member "
                          "ORDER BY id").fetchall()
    finally:
        db.close()
    want = [(name, sector, ring, "person") for name, _, _, sector, ring in ROWS]
    assert rows == want, f"the store has {rows}"


def main():
    print("1..3", flush=True)
    failed = 0
    tmp = tempfile.mkdtemp(prefix="cp-netmap-keyboard-")
    path = os.path.join(tmp, "keyboard.cpkit")
    demo = None
    try:
        demo = Demo(path)
        enter_rows(demo)
        print("ok 1 - ten members entered by keyboard, one Enter each", flush=True)
    except AssertionError as e:
        failed += 1
        print(f"not ok 1 - ten members entered by keyboard: {e}", flush=True)
    finally:
        status = demo.close() if demo else 1
    if status == 0:
        print("ok 2 - the demo quit cleanly", flush=True)
    else:
        failed += 1
        print(f"not ok 2 - the demo exited with {status}", flush=True)
    try:
        in_the_store(path)
        print("ok 3 - the ten are in the store, in the sectors and rings typed", flush=True)
    except (AssertionError, sqlite3.Error) as e:
        failed += 1
        print(f"not ok 3 - the ten in the store: {e}", flush=True)
    shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
