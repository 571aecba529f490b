#!/usr/bin/python3
# test-po-potfiles.py: po/POTFILES.in lists every file with translatable strings
#
# Copyright 2026 The Connecting People Kit authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Scans src/, resources/ and data/ for files that hold translatable strings and
# fails(exit 1, listing them) when one is missing from po/POTFILES.in, when
# POTFILES.in names a file that does not exist, or when its lines are not sorted
# or repeat. Files that must stay out of the catalogue go in po/POTFILES.skip.
#
# Usage: test-po-potfiles.py [SOURCE_DIR]   (default: $CPKIT_SOURCE_DIR, else ..)
#        test-po-potfiles.py --self-test    (checks that the checks can fail)
#        test-po-potfiles.py --list [SOURCE_DIR]  (prints the list POTFILES.in needs)

import os
import re
import sys
import tempfile

SCAN_DIRS = ("src", "resources", "data")

# C: _("…"), N_(), C_(), NC_(), Q_(), and the ngettext/pgettext family.
C_MARKERS = re.compile(
    r"(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_)\s*\("
    r"|(?<![A-Za-z0-9_])(?:g_)?d?n?p?gettext2?\s*\(")
C_COMMENTS_AND_STRINGS = re.compile(
    r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)
UI_MARKER = re.compile(r'\btranslatable\s*=\s*"(?:yes|true|1)"', re.I)

# Files whose whole purpose carries user-visible, translatable text.
ALWAYS = (".desktop.in", ".desktop.in.in", ".metainfo.xml.in",
          ".metainfo.xml.in.in", ".gschema.xml")


def _strip_c(text):
    """Blank out comments; keep string literals as empty quotes."""
    def repl(m):
        s = m.group(0)
        if s.startswith("/"):
            return " "
        return s[0] + s[0]
    return C_COMMENTS_AND_STRINGS.sub(repl, text)


def has_translatable_strings(path):
    name = os.path.basename(path)
    if name.endswith(ALWAYS):
        return True
    if name.endswith((".c", ".h")):
        with open(path, encoding="utf-8", errors="replace") as f:
            return C_MARKERS.search(_strip_c(f.read())) is not None
    if name.endswith((".ui", ".ui.in")):
        with open(path, encoding="utf-8", errors="replace") as f:
            return UI_MARKER.search(f.read()) is not None
    return False


def read_list(path):
    """Non-empty, non-comment lines of a POTFILES-style file, in order."""
    if not os.path.exists(path):
        return []
    entries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                entries.append(line)
    return entries


def scan(srcdir):
    found = []
    for top in SCAN_DIRS:
        for root, dirs, files in os.walk(os.path.join(srcdir, top)):
            dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_build")))
            for name in sorted(files):
                path = os.path.join(root, name)
                if has_translatable_strings(path):
                    found.append(os.path.relpath(path, srcdir).replace(os.sep, "/"))
    return found


def check(srcdir):
    """Returns a list of problems (empty when POTFILES.in is right)."""
    problems = []
    listed = read_list(os.path.join(srcdir, "po", "POTFILES.in"))
    skipped = set(read_list(os.path.join(srcdir, "po", "POTFILES.skip")))

    for entry in sorted(set(scan(srcdir)) - set(listed) - skipped):
        problems.append(f"missing from po/POTFILES.in: {entry}")
    for entry in listed:
        if not os.path.isfile(os.path.join(srcdir, entry)):
            problems.append(f"listed in po/POTFILES.in but does not exist: {entry}")
    dups = sorted(set(e for e in listed if listed.count(e) > 1))
    for entry in dups:
        problems.append(f"listed more than once in po/POTFILES.in: {entry}")
    if listed != sorted(listed):
        problems.append("po/POTFILES.in is not sorted (LC_ALL=C sort -u it)")
    return problems


def _write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def self_test():
    """Each check must fire on a broken tree and stay quiet on a good one."""
    ok = True

    def expect(label, tree, potfiles, wanted):
        nonlocal ok
        with tempfile.TemporaryDirectory() as d:
            for rel, text in tree.items():
                _write(os.path.join(d, rel), text)
            _write(os.path.join(d, "po", "POTFILES.in"), potfiles)
            problems = check(d)
        good = (wanted in " | ".join(problems)) if wanted else not problems
        print(("ok" if good else "not ok") + f" - self-test: {label} {problems}")
        ok = ok and good

    tree = {
        "src/a.c": '#include <glib/gi18n.h>\nconst char *s = _("Hello");\n',
        "src/b.c": 'static int n = sizeof(long);\n/* _("in a comment") */\n'
                   'const char *t = "_(not code)";\n',
        "src/c.c": 'const char *u = ngettext("a", "b", 2);\n',
        "resources/ui/w.ui": '<object><property name="label" translatable="yes">Hi'
                             '</property></object>\n',
        "resources/ui/x.ui": '<object><property name="label">Hi</property></object>\n',
        "data/app.desktop.in": "[Desktop Entry]\nName=App\n",
    }
    full = "data/app.desktop.in\nresources/ui/w.ui\nsrc/a.c\nsrc/c.c\n"
    expect("complete list passes", tree, full, None)
    expect("C file missing", tree, full.replace("src/a.c\n", ""), "missing from po/POTFILES.in: src/a.c")
    expect("ngettext file missing", tree, full.replace("src/c.c\n", ""), "missing from po/POTFILES.in: src/c.c")
    expect("ui file missing", tree, full.replace("resources/ui/w.ui\n", ""), "resources/ui/w.ui")
    expect("desktop file missing", tree, full.replace("data/app.desktop.in\n", ""), "data/app.desktop.in")
    expect("listed file gone", tree, full + "src/zz-gone.c\n", "does not exist: src/zz-gone.c")
    expect("unsorted", tree, "src/a.c\n" + full.replace("src/a.c\n", ""), "not sorted")
    expect("duplicate", tree, full.replace("src/c.c\n", "src/c.c\nsrc/c.c\n"), "more than once")
    return ok


def main(argv):
    if len(argv) > 1 and argv[1] == "--self-test":
        return 0 if self_test() else 1
    if len(argv) > 1 and argv[1] == "--list":
        srcdir = argv[2] if len(argv) > 2 else os.environ.get("CPKIT_SOURCE_DIR", "..")
        skipped = set(read_list(os.path.join(srcdir, "po", "POTFILES.skip")))
        print("\n".join(sorted(set(scan(srcdir)) - skipped)))
        return 0
    srcdir = argv[1] if len(argv) > 1 else os.environ.get("CPKIT_SOURCE_DIR", "..")
    problems = check(srcdir)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) in po/POTFILES.in; "
              "tests/test-po-potfiles.py --list prints the list it needs", file=sys.stderr)
        return 1
    print("po/POTFILES.in lists every file with translatable strings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
