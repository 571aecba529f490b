#!/usr/bin/python3
# test-mime-types.py: the file types of supervision packs and replies are declared and used
#
# Copyright 2026 The Connecting People Kit authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that the shared-mime-info file declares a type for packs (*.cpkpack) and one
# for replies (*.cpkreply), each with its own comment; that the desktop file lists both
# in MimeType (so a double-click on a pack opens the app); and that update-mime-database
# takes the file without a complaint and recognises each extension and each file's first
# bytes (a pack without its extension is still a pack).
#
# Usage: test-mime-types.py MIME_XML DESKTOP_FILE

import configparser
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
WANT = {
    "application/x-cpkit-supervision-pack": "*.cpkpack",
    "application/x-cpkit-supervision-reply": "*.cpkreply",
}
MAGIC = b"\x89CPKPACK"


def check_xml(path):
    problems = []
    root = ET.parse(path).getroot()
    types = {t.get("type"): t for t in root.findall(NS + "mime-type")}
    for name, glob in WANT.items():
        t = types.get(name)
        if t is None:
            problems.append(f"mime xml: no type {name}")
            continue
        globs = [g.get("pattern") for g in t.findall(NS + "glob")]
        if globs != [glob]:
            problems.append(f"mime xml: {name} globs are {globs}, not [{glob!r}]")
        if not (t.findtext(NS + "comment") or "").strip():
            problems.append(f"mime xml: {name} has no comment")
    return problems


def check_desktop(path):
    parser = configparser.RawConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    listed = parser.get("Desktop Entry", "MimeType", fallback="").split(";")
    return [f"desktop file: MimeType lacks {name}" for name in WANT if name not in listed]


def check_database(path):
    """What a desktop would make of the file: update-mime-database on a private folder."""
    tool = shutil.which("update-mime-database")
    if tool is None:
        return ["update-mime-database is not installed (shared-mime-info); CI installs it"]
    problems = []
    with tempfile.TemporaryDirectory() as data_dir:
        tmp = os.path.join(data_dir, "mime")
        os.makedirs(os.path.join(tmp, "packages"))
        shutil.copy(path, os.path.join(tmp, "packages", os.path.basename(path)))
        # (a folder outside the data dirs would earn a note on stderr)
        env = dict(os.environ, XDG_DATA_DIRS=data_dir, XDG_DATA_HOME=data_dir)
        run = subprocess.run([tool, tmp], capture_output=True, text=True, env=env)
        if run.returncode != 0 or run.stderr.strip():
            problems.append(f"update-mime-database: rc {run.returncode}: {run.stderr.strip()}")
            return problems
        with open(os.path.join(tmp, "globs2"), encoding="utf-8") as f:
            globs = f.read()
        for name, glob in WANT.items():
            if f":{name}:{glob}" not in globs:
                problems.append(f"mime database: {glob} is not {name}")
        with open(os.path.join(tmp, "magic"), "rb") as f:
            magic = f.read()
        if magic.count(MAGIC) < 2:
            problems.append("mime database: the packs' first bytes are not recognised")
        for name in WANT:
            if (b"[60:" + name.encode() + b"]") not in magic:
                problems.append(f"mime database: no magic for {name}")
    return problems


def main(argv):
    if len(argv) != 3:
        print("usage: test-mime-types.py MIME_XML DESKTOP_FILE", file=sys.stderr)
        return 2
    problems = check_xml(argv[1]) + check_desktop(argv[2]) + check_database(argv[1])
    for p in problems:
        print(p)
    if problems:
        return 1
    print("pack and reply file types are declared, installed and opened by the app")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
