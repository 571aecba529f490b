# cp_atspi.py: what the AT-SPI tests share: a session bus of their own, the app found on
# it, and its accessible tree walked as a screen reader would
#
# Copyright 2026 The Connecting People Kit authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Import this module, call private_session_bus() before anything imports pyatspi (pyatspi
# connects to the session bus named in the environment when it is imported), then load().

import os
import subprocess
import time

pyatspi = None  # set by load(), once the private session bus is up


def private_session_bus():
    """A session bus of the test's own, whose daemons print nowhere: the AT-SPI registry,
    started on it by D-Bus activation, announces itself on the bus daemon's stdout, which
    under dbus-run-session would be the test's TAP output. Returns the daemon; terminate
    it when done."""
    r, w = os.pipe()
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--nopidfile",
                               f"--print-address={w}"], pass_fds=(w,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(w)
    with os.fdopen(r) as f:
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = f.readline().strip()
    return daemon


def load():
    """Imports pyatspi (on the bus private_session_bus() set up) and returns it"""
    global pyatspi
    if pyatspi is None:
        import pyatspi as module
        pyatspi = module
    return pyatspi


def find_app(name, timeout=20, process=None):
    """The application called NAME on the accessibility bus, waiting for it to register
    (and failing at once if PROCESS, a subprocess.Popen, has ended)"""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"{name} exited with status {process.returncode}")
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == name:
                return app
        time.sleep(0.1)
    raise AssertionError(f"{name} never showed up on the accessibility bus")


def walk(node, found, depth=0):
    """Appends (role, name) of NODE and everything under it to FOUND"""
    if node is None or depth > 40:
        return
    found.append((node.getRoleName(), node.name))
    for i in range(node.childCount):
        walk(node.getChildAtIndex(i), found, depth + 1)


def extents(node):
    """NODE's (x, y, width, height) in its window, or None if it has no Component"""
    try:
        e = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except Exception:
        return None
    return e.x, e.y, e.width, e.height


def on_screen(node):
    """GTK 4.8 marks every node VISIBLE and every window SHOWING, shown or not. A window
    is listed only while it is shown; below a window, a node is on screen when it has an
    area: a stack's hidden pages, a closed revealer's child and a folded leaflet's other
    pane are 0 x 0. Nodes with no Component (GtkStackPage) pass."""
    try:
        if node.getRoleName() in WINDOW_ROLES:
            return True
    except Exception:
        return False
    area = extents(node)
    return area is None or (area[2] > 0 and area[3] > 0)


WINDOW_ROLES = ("frame", "dialog", "window", "alert", "file chooser")


def walk_showing(node, path=(), depth=0):
    """Yields (path, node) for NODE and each node under it that is on screen. A path is a
    tuple of "role" or "role 'name'" steps from NODE down, one per level, which names a
    node well enough to allow-list it without depending on the order of its siblings.
    NODE itself is walked whether it shows or not (an application never does)."""
    if node is None or depth > 60 or (depth and not on_screen(node)):
        return
    try:
        role, name = node.getRoleName(), node.name or ""
        children = [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Exception:
        return  # gone while we looked
    step = f"{role} '{name}'" if name else role
    here = path + (step,)
    yield here, node
    for child in children:
        yield from walk_showing(child, here, depth + 1)


def find(root, role, name=None):
    """The first node on screen under ROOT with ROLE (and NAME, when given), or None"""
    for _, node in walk_showing(root):
        if node.getRoleName() == role and (name is None or node.name == name):
            return node
    return None


def wait_for(what, probe, timeout=10):
    """Calls PROBE until it returns something true, and returns that"""
    deadline = time.monotonic() + timeout
    while True:
        result = probe()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def click(node):
    """Presses NODE through its AT-SPI action, as a screen reader user would"""
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "press", "activate"):
            action.doAction(i)
            return
    raise AssertionError(f"{node.getRoleName()} '{node.name}' has no click action")


# ---- A fast reader -------------------------------------------------------------------
#
# pyatspi asks for each property of each node in turn, and GTK 4.8 offers no cache, so a
# screen of a thousand nodes takes seconds on a busy machine. Tree reads every node of a
# level at once, over the accessibility bus with Gio: every question is in flight
# together and the replies come back as the app gets to them.

class Node:
    """One node as read: bus name and object path, role name, name, state bits, extents
    in its window (None without a Component), children (on screen ones only), and its
    path of "role 'name'" steps from the application"""

    __slots__ = ("bus", "obj", "role", "name", "states", "area", "children", "path",
                 "parent", "clip", "_replies", "_children")

    def __init__(self, bus, obj, path=(), parent=None):
        self.bus, self.obj, self.path, self.parent = bus, obj, path, parent
        self.clip = None  # the part of its window a scrolled ancestor shows
        self.role, self.name, self.states, self.area = "", "", 0, None
        self.children = []
        self._replies = 0
        self._children = []

    def has(self, state):
        return bool(self.states >> int(state) & 1)

    def __repr__(self):
        return " > ".join(self.path)


class Tree:
    """The accessibility bus and the application NAME on it (which must have registered)"""

    def __init__(self, name, timeout=20, process=None):
        import gi
        gi.require_version("Atspi", "2.0")
        from gi.repository import Atspi, Gio, GLib
        self.Atspi, self.Gio, self.GLib = Atspi, Gio, GLib
        session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        address = session.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus",
                                    "GetAddress", None, GLib.VariantType("(s)"),
                                    Gio.DBusCallFlags.NONE, -1, None).unpack()[0]
        flags = (Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT
                 | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION)
        self.conn = Gio.DBusConnection.new_for_address_sync(address, flags, None, None)
        self.app = wait_for(f"{name} on the accessibility bus",
                            lambda: self._find_app(name, process), timeout)

    def _call(self, bus, obj, iface, method, args=None, reply="()"):
        return self.conn.call_sync(bus, obj, iface, method, args,
                                   self.GLib.VariantType(reply),
                                   self.Gio.DBusCallFlags.NONE, 10000, None).unpack()

    def _find_app(self, name, process):
        if process is not None and process.poll() is not None:
            raise AssertionError(f"{name} exited with status {process.returncode}")
        apps = self._call("org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root",
                          "org.a11y.atspi.Accessible", "GetChildren", None, "(a(so))")[0]
        for bus, obj in apps:
            try:
                found = self._call(bus, obj, "org.freedesktop.DBus.Properties", "Get",
                                   self.GLib.Variant("(ss)", ("org.a11y.atspi.Accessible",
                                                              "Name")), "(v)")[0]
            except Exception:
                continue
            if found == name:
                return Node(bus, obj, (f"application '{name}'",))
        return None

    def actions(self, node):
        """The names of NODE's AT-SPI actions, in order ([] if it has none), in lower case
        (GTK says "Click", libatspi "click")"""
        try:
            found = self._call(node.bus, node.obj, "org.a11y.atspi.Action", "GetActions",
                               None, "(a(sss))")[0]
        except self.GLib.Error:
            return []
        return [a[0].lower() for a in found]

    def act(self, node, name):
        """Does NODE's action called NAME, as a screen reader would"""
        names = self.actions(node)
        if name not in names:
            raise AssertionError(f"{node.path[-1]} has no action {name} (only {names})")
        self._call(node.bus, node.obj, "org.a11y.atspi.Action", "DoAction",
                   self.GLib.Variant("(i)", (names.index(name),)), "(b)")

    def read(self, root=None, depth=60):
        """Reads ROOT (the application when None) and every node under it that is on
        screen (see on_screen() for what that means with GTK 4.8), DEPTH levels down at
        most; returns ROOT's Node, whose children are filled in."""
        GLib = self.GLib
        base = root or self.app
        root = Node(base.bus, base.obj, base.path)
        loop = GLib.MainLoop()
        pending = [0]
        window = int(self.Atspi.CoordType.WINDOW)

        def ask(node, iface, method, args, reply, store):
            pending[0] += 1

            def done(conn, result):
                try:
                    value = conn.call_finish(result).unpack()
                except GLib.Error:
                    value = None
                store(node, value)
                node._replies += 1
                if node._replies == 5:
                    settle(node)
                pending[0] -= 1
                if pending[0] == 0:
                    loop.quit()
            self.conn.call(node.bus, node.obj, iface, method, args, GLib.VariantType(reply),
                           self.Gio.DBusCallFlags.NONE, 10000, None, done)

        def set_role(node, v):
            node.role = self.Atspi.role_get_name(self.Atspi.Role(v[0])) if v else ""

        def set_name(node, v):
            node.name = v[0] if v else ""

        def set_states(node, v):
            node.states = (v[0][0] | v[0][1] << 32) if v and len(v[0]) == 2 else 0

        def set_area(node, v):
            node.area = tuple(v[0]) if v else None

        def set_children(node, v):
            node._children = v[0] if v else []

        def start(node):
            acc = "org.a11y.atspi.Accessible"
            ask(node, acc, "GetRole", None, "(u)", set_role)
            ask(node, "org.freedesktop.DBus.Properties", "Get",
                GLib.Variant("(ss)", (acc, "Name")), "(v)", set_name)
            ask(node, acc, "GetState", None, "(au)", set_states)
            ask(node, "org.a11y.atspi.Component", "GetExtents", GLib.Variant("(u)", (window,)),
                "((iiii))", set_area)
            ask(node, acc, "GetChildren", None, "(a(so))", set_children)

        def settle(node):
            step = f"{node.role} '{node.name}'" if node.name else node.role
            node.path = (node.path[:-1] if node.path else ()) + (step,)
            if node is not root and not _on_screen(node):
                node.children = None  # dropped below
                return
            if node.role in SURFACE_ROLES:
                node.clip = None  # a surface of its own: its own coordinates
            elif node.role == "scroll pane" and node.area:
                node.clip = _intersection(node.clip, node.area)
            if len(node.path) - len(root.path) >= depth:
                return
            for bus, obj in node._children:
                child = Node(bus, obj, node.path + ("",), node)
                child.clip = node.clip
                node.children.append(child)
                start(child)

        start(root)
        loop.run()
        prune(root)
        self._drop_hidden_pages(root)
        return root

    def _drop_hidden_pages(self, root):
        """GTK 4.8 keeps the last size and place of a stack's pages once they are hidden,
        so a page shown earlier looks on screen still, in the same place as the one shown
        now. Where siblings overlap, ask GTK what is at the middle of each (it picks only
        among widgets on screen), and drop a sibling when what is there is another's."""
        known = {(n.bus, n.obj): n for n in nodes(root)}
        window = int(self.Atspi.CoordType.WINDOW)
        for parent in list(nodes(root)):
            sized = [c for c in parent.children if c.area and c.role not in SURFACE_ROLES]
            if len(sized) < 2 or not any(_overlap(a.area, b.area) for a in sized
                                         for b in sized if a is not b):
                continue
            hidden = []
            for child in sized:
                if not any(_overlap(child.area, o.area) for o in sized if o is not child):
                    continue
                x, y, w, h = child.area
                try:
                    bus, obj = self._call(parent.bus, parent.obj, "org.a11y.atspi.Component",
                                          "GetAccessibleAtPoint",
                                          self.GLib.Variant("(iiu)", (x + w // 2, y + h // 2,
                                                                      window)),
                                          "((so))")[0]
                except self.GLib.Error:
                    continue
                owner = self._sibling_holding(parent, known, bus, obj)
                if owner is not None and owner is not child:
                    hidden.append(child)
            parent.children = [c for c in parent.children if c not in hidden]

    def _sibling_holding(self, parent, known, bus, obj):
        """Which child of PARENT the node (BUS, OBJ) is in, or None"""
        for _ in range(40):
            node = known.get((bus, obj))
            while node is not None and node.parent is not parent:
                node = node.parent
            if node is not None:
                return node
            if (bus, obj) in known or obj == "/org/a11y/atspi/null":
                return None
            try:
                bus, obj = self._call(bus, obj, "org.freedesktop.DBus.Properties", "Get",
                                      self.GLib.Variant("(ss)", ("org.a11y.atspi.Accessible",
                                                                 "Parent")), "(v)")[0]
            except self.GLib.Error:
                return None
        return None


SURFACE_ROLES = ("menu", "popup menu", "dialog", "window", "frame", "tool tip", "alert")


def _overlap(a, b):
    """Whether areas A and B share more than half of the smaller one"""
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return w > 0 and h > 0 and w * h * 2 > min(a[2] * a[3], b[2] * b[3])


def _intersection(a, b):
    if a is None:
        return b
    x, y = max(a[0], b[0]), max(a[1], b[1])
    return (x, y, max(0, min(a[0] + a[2], b[0] + b[2]) - x),
            max(0, min(a[1] + a[3], b[1] + b[3]) - y))


def _on_screen(node):
    """on_screen() for a read Node; and a node scrolled out of view is not on screen"""
    if node.role in WINDOW_ROLES:
        return True
    area = node.area
    if area is None:
        return True
    if area[2] <= 0 or area[3] <= 0:
        return False
    if node.clip is not None:
        seen = _intersection(node.clip, area)
        return seen[2] > 0 and seen[3] > 0
    return True


def prune(node):
    node.children = [c for c in node.children if c.children is not None]
    for c in node.children:
        prune(c)


def nodes(root):
    """ROOT and every node under it, depth first, in the order a reader meets them"""
    yield root
    for child in root.children:
        yield from nodes(child)


def find_node(root, role, name=None):
    """The first node under ROOT (a read Node) with ROLE (and NAME, when given), or None"""
    for node in nodes(root):
        if node.role == role and (name is None or node.name == name):
            return node
    return None
