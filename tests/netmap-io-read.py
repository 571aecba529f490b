#!/usr/bin/python3
# netmap-io-read.py: reads an exported network map the way a researcher's tools do, and
# prints what they saw, one line per graph, node, edge or row, for test-netmap-io.c
#
# Copyright 2026 The Connecting People Kit authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: netmap-io-read.py graphml FILE
#        netmap-io-read.py csv MEMBERS-FILE TIES-FILE
#
# Each value is printed as TYPE:VALUE (str, int, float, bool) so the test can tell a
# number from the text of one; every line ends in a tab so a test can look for
# "\tkey=TYPE:VALUE\t". Debian's python3 with python3-networkx (not a python on PATH).

import csv
import sys


def cell(key, value):
    return "%s=%s:%s" % (key, type(value).__name__, value)


def line(words):
    print("\t".join(words) + "\t")


def read_graphml(path):
    import networkx

    graph = networkx.read_graphml(path)
    # (networkx keeps its own node_default and edge_default dictionaries there too)
    line(["graph", type(graph).__name__, cell("directed", graph.is_directed())]
         + [cell(k, v) for k, v in sorted(graph.graph.items()) if not isinstance(v, dict)])
    line(["counts", cell("nodes", graph.number_of_nodes()),
          cell("edges", graph.number_of_edges())])
    for node, data in graph.nodes(data=True):
        line(["node", node] + [cell(k, data[k]) for k in sorted(data)])
    for source, target, data in graph.edges(data=True):
        a, b = sorted((source, target))
        line(["edge", a, b] + [cell(k, data[k]) for k in sorted(data)])


def read_csv(members_path, ties_path):
    # RFC 4180 as a spreadsheet reads it: UTF-8, newlines inside quoted cells kept
    with open(members_path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, strict=True))
        line(["members", cell("rows", len(rows))])
    for row in rows:
        line(["member", row["id"]] + [cell(k, row[k]) for k in sorted(row)])
    with open(ties_path, encoding="utf-8", newline="") as f:
        ties = list(csv.DictReader(f, strict=True))
        line(["ties", cell("rows", len(ties))])
    for tie in ties:
        a, b = sorted((tie["source"], tie["target"]))
        line(["tie", a, b, cell("strength", tie["strength"])])


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "graphml":
        read_graphml(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "csv":
        read_csv(sys.argv[2], sys.argv[3])
    else:
        sys.exit("usage: netmap-io-read.py graphml FILE | csv MEMBERS TIES")
