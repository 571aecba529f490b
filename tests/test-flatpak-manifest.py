#!/usr/bin/python3
# test-flatpak-manifest.py: the flatpak manifest keeps the app private and buildable
#
# Copyright 2026 The Connecting People Kit authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# flatpak-builder --show-manifest only checks that the manifest parses. This checks
# what it means: the app ID and command, the GNOME 43 runtime (GTK 4.8, libadwaita
# 1.2, as Debian 12), a sandbox with no network and no file-system access (files
# come through the file chooser portal), pinned https sources, and the modules the
# root meson.build needs (poppler-glib, cmark-gfm, SQLite with the session
# extension) built before the app itself. It then breaks a copy of the manifest in
# each of those ways and checks that every break is caught.
#
# Usage: test-flatpak-manifest.py MANIFEST APP_ID COMMAND

import copy
import json
import re
import sys

REQUIRED_ARGS = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}
# Anything that reaches outside the sandbox beyond the display.
FORBIDDEN_ARG = re.compile(
    r"^--(share=network|filesystem=|socket=x11$|socket=session-bus|socket=system-bus"
    r"|device=all|talk-name=org\.freedesktop\.Flatpak|persist=)")
SHA256 = re.compile(r"^[0-9a-f]{64}$")


def modules_in_order(modules):
    """Flattens nested modules, dependencies first."""
    for m in modules:
        if isinstance(m, dict):
            yield from modules_in_order(m.get("modules", []))
            yield m


def check(manifest, app_id, command):
    problems = []
    want = {"id": app_id, "command": command, "runtime": "org.gnome.Platform",
            "runtime-version": "43", "sdk": "org.gnome.Sdk"}
    for key, value in want.items():
        if manifest.get(key) != value:
            problems.append(f"{key} is {manifest.get(key)!r}, not {value!r}")

    args = manifest.get("finish-args", [])
    for arg in sorted(REQUIRED_ARGS - set(args)):
        problems.append(f"finish-args lacks {arg}")
    for arg in args:
        if FORBIDDEN_ARG.match(arg):
            problems.append(f"finish-args must not have {arg} (no network, files only through portals)")

    modules = list(modules_in_order(manifest.get("modules", [])))
    names = [m.get("name") for m in modules]
    if not modules or names[-1] != "cpkit":
        problems.append("the last module is not cpkit")
    else:
        app = modules[-1]
        if app.get("buildsystem") != "meson":
            problems.append("cpkit is not built with meson")
        if app.get("sources") != [{"type": "dir", "path": ".."}]:
            problems.append("cpkit's source is not the work tree (type dir, path ..)")
    for needed in ("sqlite", "poppler", "cmark-gfm"):
        if needed not in names[:-1]:
            problems.append(f"no {needed} module before cpkit")

    for m in modules:
        for s in m.get("sources", []):
            if s.get("type") in ("archive", "file"):
                if not str(s.get("url", "")).startswith("https://"):
                    problems.append(f"{m.get('name')}: source URL is not https")
                if not SHA256.match(str(s.get("sha256", ""))) or set(s["sha256"]) == {"0"}:
                    problems.append(f"{m.get('name')}: source has no real sha256")

    by_name = {m.get("name"): m for m in modules}
    opts = set(by_name.get("poppler", {}).get("config-opts", []))
    for opt in ("-DENABLE_GLIB=ON", "-DENABLE_QT5=OFF", "-DENABLE_QT6=OFF"):
        if opt not in opts:
            problems.append(f"poppler is not built with {opt}")
    cflags = by_name.get("sqlite", {}).get("build-options", {}).get("cflags", "")
    for define in ("SQLITE_ENABLE_SESSION", "SQLITE_ENABLE_PREUPDATE_HOOK"):
        if define not in cflags:
            problems.append(f"sqlite is built without {define} (undo needs it)")
    return problems


def self_test(manifest, app_id, command):
    """Every way of breaking the manifest below must be reported."""
    def with_arg(m, arg):
        m["finish-args"].append(arg)

    def module(m, name):
        return next(x for x in modules_in_order(m["modules"]) if x.get("name") == name)

    breaks = {
        "network": lambda m: with_arg(m, "--share=network"),
        "home access": lambda m: with_arg(m, "--filesystem=home"),
        "plain x11": lambda m: with_arg(m, "--socket=x11"),
        "no wayland": lambda m: m["finish-args"].remove("--socket=wayland"),
        "other app id": lambda m: m.update(id="org.example.Other"),
        "newer runtime": lambda m: m.update({"runtime-version": "47"}),
        "no poppler": lambda m: m["modules"].remove(module(m, "poppler")),
        "app not last": lambda m: m["modules"].append({"name": "extra"}),
        "zero sha256": lambda m: module(m, "cmark-gfm")["sources"][0].update(sha256="0" * 64),
        "http source": lambda m: module(m, "poppler")["sources"][0].update(url="http://example.org/p.tar.xz"),
        "qt on": lambda m: module(m, "poppler")["config-opts"].remove("-DENABLE_QT5=OFF"),
        "no session": lambda m: module(m, "sqlite")["build-options"].update(cflags="-O2"),
    }
    ok = True
    for label, brk in breaks.items():
        broken = copy.deepcopy(manifest)
        brk(broken)
        caught = bool(check(broken, app_id, command))
        print(("ok" if caught else "not ok") + f" - a manifest with {label} is rejected")
        ok = ok and caught
    return ok


def main(argv):
    if len(argv) != 4:
        print(__doc__ or "usage: test-flatpak-manifest.py MANIFEST APP_ID COMMAND", file=sys.stderr)
        return 2
    path, app_id, command = argv[1:]
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    problems = check(manifest, app_id, command)
    for p in problems:
        print(f"not ok - {p}")
    if not problems:
        print("ok - the manifest is sandboxed and pins its modules")
    caught_all = self_test(manifest, app_id, command)
    return 0 if not problems and caught_all else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
