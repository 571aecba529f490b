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
import subprocess
import sys
import time

import cp_atspi

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
            cp_atspi.walk(cp_atspi.find_app(APP), found)
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


def main():
    bus = cp_atspi.private_session_bus()
    try:
        cp_atspi.load()
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
