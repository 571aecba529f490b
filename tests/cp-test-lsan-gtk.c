/* cp-test-lsan-gtk.c: leak-check scope for the tests that open windows
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-test-lsan-gtk"

/* GTK 4.8's X11 backend now and then leaks a few bookkeeping objects (a GSList node
 * and an object holding a GAsyncQueue) in its own frame-clock paint path, when these
 * tests open and destroy windows on a loaded machine. The stacks hold only GTK and GLib
 * frames. This suppression is linked into every 'ui' test program (tests/meson.build);
 * the core tests keep full leak checking, and here allocations made outside GTK's
 * call stacks (the store, the document layer's worker thread) are still checked. */
const char *__lsan_default_suppressions (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:libgtk-4.so.1\n";
}
