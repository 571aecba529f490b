#!/usr/bin/python3
# test-desktop-consistency.py: the desktop file, metainfo and icons agree with each other
#
# Copyright 2026 The Connecting People Kit authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# desktop-file-validate and appstreamcli check each file on its own. This checks
# what they cannot: that the desktop file's Icon names the icons we install, that
# the metainfo launches that desktop file, that the newest release in the metainfo
# is the version being built (so a version bump cannot ship without release notes),
# and that the symbolic icon is a 16×16, fill-only, single-colour #2e3436 drawing
# (GTK recolours fills of symbolic icons; a stroke or another colour would not
# follow the theme). It also checks that the GSettings schema names the gettext
# domain, so its summaries are translated.
#
# Usage: test-desktop-consistency.py SOURCE_DIR APP_ID VERSION DESKTOP_FILE METAINFO_FILE

import configparser
import os
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
SCREENSHOT_PREFIX = ("https://raw.githubusercontent.com/cpkit/connecting-people-kit/main/"
                     "data/screenshots/")
SYMBOLIC_COLOUR = "#2e3436"


def version_key(v):
    return [int(p) if p.isdigit() else p for p in re.split(r"[.-]", v)]


def check_desktop(path, app_id):
    problems = []
    parser = configparser.RawConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    entry = parser["Desktop Entry"] if parser.has_section("Desktop Entry") else {}
    want = {"Name": "Connecting People Kit", "Icon": app_id, "Terminal": "false",
            "Type": "Application", "StartupNotify": "true", "DBusActivatable": "false"}
    for key, value in want.items():
        if entry.get(key) != value:
            problems.append(f"desktop file: {key} is {entry.get(key)!r}, not {value!r}")
    if not entry.get("Exec", "").startswith("cpkit "):
        problems.append("desktop file: Exec does not run cpkit")
    if "application/pdf" not in entry.get("MimeType", "").split(";"):
        problems.append("desktop file: MimeType lacks application/pdf")
    return problems


def check_metainfo(path, app_id, version, desktop_name):
    problems = []
    root = ET.parse(path).getroot()
    if root.findtext("id") != app_id:
        problems.append(f"metainfo: id is {root.findtext('id')!r}")
    launchables = [l.text for l in root.findall("launchable") if l.get("type") == "desktop-id"]
    if launchables != [desktop_name]:
        problems.append(f"metainfo: launchable is {launchables}, not [{desktop_name!r}]")
    releases = [r.get("version") for r in root.findall("releases/release")]
    if not releases:
        problems.append("metainfo: no releases")
    elif max(releases, key=version_key) != version:
        problems.append(f"metainfo: newest release is {max(releases, key=version_key)}, "
                        f"but meson builds {version}: add a <release> for it")
    if root.findtext("translation[@type='gettext']") != "cpkit":
        problems.append("metainfo: no <translation type=\"gettext\">cpkit</translation>")
    if root.find("content_rating[@type='oars-1.1']") is None:
        problems.append("metainfo: no OARS 1.1 content rating")
    images = [i.text or "" for i in root.findall("screenshots/screenshot/image")]
    if not images:
        problems.append("metainfo: no screenshots")
    for url in images:
        if not url.startswith(SCREENSHOT_PREFIX):
            problems.append(f"metainfo: screenshot {url} is not under {SCREENSHOT_PREFIX}")
    return problems


def svg_size(root):
    return root.get("width"), root.get("height"), root.get("viewBox")


def check_icons(srcdir, icon):
    problems = []
    base = os.path.join(srcdir, "data", "icons", "hicolor")
    scalable = os.path.join(base, "scalable", "apps", icon + ".svg")
    symbolic = os.path.join(base, "symbolic", "apps", icon + "-symbolic.svg")
    for path in (scalable, symbolic):
        if not os.path.isfile(path):
            problems.append(f"icon missing: {os.path.relpath(path, srcdir)}")
    if problems:
        return problems

    root = ET.parse(scalable).getroot()
    if root.tag != SVG + "svg" or svg_size(root) != ("128", "128", "0 0 128 128"):
        problems.append("scalable icon is not a 128×128 SVG")

    root = ET.parse(symbolic).getroot()
    if root.tag != SVG + "svg" or svg_size(root) != ("16", "16", "0 0 16 16"):
        problems.append("symbolic icon is not a 16×16 SVG")
    for el in root.iter():
        tag = el.tag.replace(SVG, "")
        if tag in ("text", "image", "use", "linearGradient", "radialGradient", "filter"):
            problems.append(f"symbolic icon has a <{tag}>")
        style = el.get("style", "")
        if el.get("stroke") not in (None, "none") or "stroke:" in style.replace(" ", ""):
            problems.append(f"symbolic icon: <{tag}> has a stroke")
        colours = [el.get("fill")] + re.findall(r"fill\s*:\s*([^;]+)", style)
        for colour in colours:
            if colour not in (None, "none", SYMBOLIC_COLOUR):
                problems.append(f"symbolic icon: <{tag}> is filled with {colour}")
    return problems


def check_schema(srcdir, app_id):
    """The schema's summaries reach translators only through its gettext domain."""
    path = os.path.join(srcdir, "data", app_id + ".gschema.xml")
    if not os.path.isfile(path):
        return [f"schema missing: data/{app_id}.gschema.xml"]
    root = ET.parse(path).getroot()
    if root.get("gettext-domain") != "cpkit":
        return ["schema: <schemalist> has no gettext-domain=\"cpkit\""]
    return []


def main(argv):
    if len(argv) != 6:
        print("usage: test-desktop-consistency.py SOURCE_DIR APP_ID VERSION DESKTOP METAINFO",
              file=sys.stderr)
        return 2
    srcdir, app_id, version, desktop, metainfo = argv[1:]
    problems = check_desktop(desktop, app_id)
    problems += check_metainfo(metainfo, app_id, version, os.path.basename(desktop))
    problems += check_icons(srcdir, app_id)
    problems += check_schema(srcdir, app_id)
    for p in problems:
        print(p)
    if problems:
        return 1
    print("desktop file, metainfo and icons agree")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
