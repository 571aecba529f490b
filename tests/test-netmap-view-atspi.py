#!/usr/bin/python3
# test-netmap-view-atspi.py: every member of a map, found by a screen reader's means
#
# Copyright 2026 The Connecting People Kit authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs cp-netmap-view-demo with GTK's AT-SPI backend (GTK_A11Y=atspi) on a session bus of
# its own, reads its accessible tree with pyatspi, as
# Orca would, and finds every member of the practice maps by the name a screen reader
# says: "Sam (sister), person, family & home, closest to me". The names expected are
# made here from resources/practice/practice.ini, not taken from the app.
#
# Usage: test-netmap-view-atspi.py DEMO PRACTICE.ini   (prints TAP)

import configparser
import os
import subprocess
import sys
import time

pyatspi = None  # imported once the private session bus is up

DEMO, PRACTICE = sys.argv[1], sys.argv[2]
APP = "cp-netmap-view-demo"

# The everyday words of the map (src/netmap/cp-netmap-model.c), by the stored names
KINDS = {"person": "person", "place": "place", "activity": "activity"}
SECTORS = {
    "family": "family & home",
    "friends": "friends",
    "neighbours": "neighbours & local",
    "work": "work, learning & volunteering",
    "groups": "clubs, groups & faith",
    "services": "services & paid support",
}
RINGS = {"1": "closest to me", "2": "important to me", "3": "around me",
         "4": "I\u2019d like / lost touch"}


def members(person, key):
    practice = configparser.ConfigParser(interpolation=None)
    practice.read(PRACTICE, encoding="utf-8")
    entries = practice[f"person:{person}"][key].split(";")
    return [e.strip().split("|") for e in entries if e.strip()]


def expected_names(person, review):
    """The accessible names, each with its place in the order Tab goes"""
    baseline = {m[0] for m in members(person, "members")}
    names = {}
    for name, kind, sector, ring in members(person, "review-members" if review else "members"):
        words = [name, KINDS[kind], SECTORS[sector], RINGS[ring]]
        if review and name not in baseline:
            words.append("new on this map")
        names[", ".join(words)] = (list(SECTORS).index(sector), int(ring))
    return names


def find_app(timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == APP:
                return app
        time.sleep(0.2)
    raise AssertionError(f"{APP} never showed up on the accessibility bus")


def walk(node, found, depth=0):
    if node is None or depth > 40:
        return
    found.append((node.getRoleName(), node.name))
    for i in range(node.childCount):
        walk(node.getChildAtIndex(i), found, depth + 1)


def check(person, review):
    args = [DEMO, "--events", "--person", person] + (["--review"] if review else [])
    demo = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        line = demo.stdout.readline()
        assert line.startswith("ready"), f"the demo said {line!r}"
        order_key = expected_names(person, review)
        expected = list(order_key)
        deadline = time.monotonic() + 20
        while True:
            found = []
            walk(find_app(), found)
            buttons = [name for role, name in found if role == "push button"]
            missing = [n for n in expected if n not in buttons]
            if not missing or time.monotonic() > deadline:
                break
            time.sleep(0.3)
        assert not missing, f"not found: {missing}; found: {buttons}"
        # each member once, and nothing else named as a member
        for n in expected:
            assert buttons.count(n) == 1, f"{n!r} found {buttons.count(n)} times"
        assert ("panel", "Network map") in found, "the map itself has no name"
        # listed as Tab goes: sector by sector clockwise, ring by ring outwards
        order = [order_key[n] for n in buttons if n in order_key]
        assert order == sorted(order), f"not in sector and ring order: {buttons}"
    finally:
        try:
            demo.stdin.write("quit\n")
            demo.stdin.close()
            demo.wait(timeout=20)
        except Exception:
            demo.kill()
            demo.wait()


CASES = [("jo", False), ("edna", False), ("tariq", False), ("tariq", True)]


def private_session_bus():
    """A session bus of this test's own, whose daemons print nowhere: the AT-SPI registry,
    started on it by D-Bus activation, announces itself on the bus daemon's stdout, which
    under dbus-run-session would be this test's TAP output."""
    r, w = os.pipe()
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--nopidfile",
                               f"--print-address={w}"], pass_fds=(w,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(w)
    with os.fdopen(r) as f:
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = f.readline().strip()
    return daemon


def main():
    global pyatspi
    bus = private_session_bus()
    try:
        import pyatspi as module
        pyatspi = module
        return run_cases()
    finally:
        bus.terminate()
        bus.wait()


def run_cases():
    print(f"1..{len(CASES)}", flush=True)
    failed = 0
    for n, (person, review) in enumerate(CASES, 1):
        what = f"{person}{' review' if review else ''}: every member by its accessible name"
        try:
            check(person, review)
            print(f"ok {n} - {what}", flush=True)
        except AssertionError as e:
            failed += 1
            print(f"not ok {n} - {what}: {e}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
