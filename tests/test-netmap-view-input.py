#!/usr/bin/python3
# test-netmap-view-input.py: the network map view driven by real input under Xvfb
#
# Copyright 2026 The Connecting People Kit authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# GTK 4 cannot make input events, and signals emitted by hand skip focus chains and
# shortcuts, so this drives cp-netmap-view-demo's window with xdotool, as a user would
# with a mouse and a keyboard, and reads what the view asked for from the demo's stdout.
# There is no window manager under Xvfb: the test clicks into the window first.
#
# Usage: test-netmap-view-input.py DEMO      (prints TAP)

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from netmapdemo import DemoProcess  # noqa: E402

DEMO = sys.argv[1]

# Jo's baseline map (resources/practice/practice.ini), lineages in the file's order
SAM, MUM, GP, WAREHOUSE, RUNNING, SHOP = 1, 2, 3, 4, 5, 6


class Demo(DemoProcess):
    def __init__(self, *args):
        super().__init__([DEMO, "--width", "1000", "--height", "700", *args])

    def expect_none(self, what, before):
        """No '@what' comes before the answer to a 'where' command."""
        self.send(f"where {before}")
        while True:
            words = self.next_line()
            if words[0] == what:
                raise AssertionError(f"unexpected: {' '.join(words)}")
            if words[:2] == ["at", str(before)]:
                return

    def where(self, lineage):
        self.send(f"where {lineage}")
        words = self.expect("at", first=str(lineage))
        assert words[1] != "none", f"member {lineage} is not drawn"
        return int(words[1]), int(words[2])

    def point(self, sector, ring, angle=0.5, depth=0.5):
        self.send(f"point {sector} {ring} {angle} {depth}")
        words = self.expect("point")
        return int(words[0]), int(words[1])

    def move(self, x, y):
        self.xdo("mousemove", "--window", self.xid, x, y)

    def focus_window(self):
        # no window manager: give the window the keyboard, then click an empty spot in it
        self.xdo("windowfocus", "--sync", self.xid)
        x, y = self.point("friends", 4, 0.5, 0.5)
        self.move(x, y)
        self.xdo("click", "1")
        time.sleep(0.3)

    def drag(self, start, end, steps=12):
        self.move(*start)
        self.xdo("mousedown", "1")
        for i in range(1, steps + 1):
            self.move(start[0] + (end[0] - start[0]) * i // steps,
                      start[1] + (end[1] - start[1]) * i // steps)
            time.sleep(0.02)
        time.sleep(0.1)
        self.xdo("mouseup", "1")

    def key(self, *keys):
        # (no --clearmodifiers: it would let go of a mouse button held down)
        for k in keys:
            self.xdo("key", k)
            time.sleep(0.1)

    def sync(self):
        """Lets the demo take in the input so far, and forgets what it printed."""
        time.sleep(0.3)
        self.send("where 0")
        self.expect("at", first="0")


def near(a, b, tolerance):
    return abs(a - b) <= tolerance


# ---- the tests ----

def test_add_by_double_click(demo):
    """A double-click on an empty spot of family & home's outer zone asks for a member
    there; the demo adds it and it is drawn where the click was."""
    x, y = demo.point("family", 4, 0.4, 0.6)
    demo.move(x, y)
    demo.xdo("click", "--repeat", "2", "--delay", "80", "1")
    sector, ring, angle, depth = demo.expect("add-requested")
    assert (sector, ring) == ("family", "4"), (sector, ring)
    assert near(float(angle), 0.4, 0.05) and near(float(depth), 0.6, 0.05), (angle, depth)
    lineage = int(demo.expect("added")[0])
    nx, ny = demo.where(lineage)
    assert near(nx, x, 12) and near(ny, y, 12), ((nx, ny), (x, y))


def test_drag_to_another_ring(demo):
    """Dragging the GP (services, around me) into "important to me" of friends asks for
    that cell; the GP is then drawn there."""
    start = demo.where(GP)
    end = demo.point("friends", 2, 0.3, 0.5)
    demo.drag(start, end)
    words = demo.expect("member-moved")
    assert words[:3] == [str(GP), "friends", "2"], words
    assert near(float(words[3]), 0.3, 0.05) and near(float(words[4]), 0.5, 0.08), words
    x, y = demo.where(GP)
    assert near(x, end[0], 25) and near(y, end[1], 25), ((x, y), end)


def test_escape_cancels_drag(demo):
    """Escape during a drag puts the member back: nothing is asked for."""
    start = demo.where(SHOP)
    end = demo.point("work", 1)
    demo.move(*start)
    demo.xdo("mousedown", "1")
    for i in range(1, 9):
        demo.move(start[0] + (end[0] - start[0]) * i // 8, start[1] + (end[1] - start[1]) * i // 8)
        time.sleep(0.02)
    demo.key("Escape")
    demo.xdo("mouseup", "1")
    time.sleep(0.3)
    demo.expect_none("member-moved", SHOP)
    assert demo.where(SHOP) == start


def test_tie_by_shift_drag(demo):
    """Shift+drag from Mum onto Running asks for a tie between them."""
    start = demo.where(MUM)
    end = demo.where(RUNNING)
    demo.xdo("keydown", "shift")
    demo.drag(start, end)
    demo.xdo("keyup", "shift")
    a, b = demo.expect("tie-requested")
    assert {int(a), int(b)} == {MUM, RUNNING}, (a, b)


def test_keyboard_only(demo):
    """Keyboard only: Tab reaches Sam first (family & home, closest to me); Alt+Down moves
    Sam one ring out; Alt+Right to the next sector; F2 and Enter ask to rename and open;
    arrow keys move the focus; Delete asks to remove."""
    demo.focus_window()
    demo.sync()
    demo.key("Tab")
    assert int(demo.expect("selected")[0]) == SAM
    demo.key("alt+Down")
    words = demo.expect("member-moved")
    assert words[:3] == [str(SAM), "family", "2"], words
    demo.key("alt+Right")
    words = demo.expect("member-moved")
    assert words[:3] == [str(SAM), "friends", "2"], words
    demo.key("F2")
    assert int(demo.expect("member-rename-requested")[0]) == SAM
    demo.key("Return")
    assert int(demo.expect("member-activated")[0]) == SAM
    demo.key("Tab")
    following = int(demo.expect("selected")[0])
    assert following != SAM
    demo.key("shift+Tab")
    assert int(demo.expect("selected")[0]) == SAM
    demo.key("Delete")
    assert int(demo.expect("member-delete-requested")[0]) == SAM
    # the demo removed Sam: the focus goes on to another member
    selected = 0
    while selected == 0:
        selected = int(demo.expect("selected")[0])
    assert selected != SAM


TESTS = [
    test_add_by_double_click,
    test_drag_to_another_ring,
    test_escape_cancels_drag,
    test_tie_by_shift_drag,
    test_keyboard_only,
]


def main():
    print(f"1..{len(TESTS) + 1}", flush=True)
    failed = 0
    demo = Demo("--person", "jo")
    try:
        demo.focus_window()
        for n, test in enumerate(TESTS, 1):
            try:
                demo.sync()
                test(demo)
                print(f"ok {n} - {test.__name__}", flush=True)
            except AssertionError as e:
                failed += 1
                print(f"not ok {n} - {test.__name__}: {e}", flush=True)
    finally:
        status = demo.close()
    n = len(TESTS) + 1
    if status == 0:
        print(f"ok {n} - the demo quit cleanly", flush=True)
    else:
        failed += 1
        print(f"not ok {n} - the demo exited with {status}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
