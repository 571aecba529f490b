/* cp-test-lsan-gtk.c: leak-check scope for the tests that open many windows
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-test-lsan-gtk"

/* GTK 4.8's X11 backend now and then leaks a few bookkeeping objects (a GSList node
 * and an object holding a GAsyncQueue) in its own frame-clock paint path, when these
 * tests open and destroy many windows quickly on a loaded machine. The stacks hold
 * only GTK and GLib frames. This suppression is linked into the PDF view, viewer and
 * Library test programs and the Reviews and Overview widget tests only; every other test
 * program keeps full leak checking, and allocations
 * made by the document layer's worker thread (no GTK frames) are still checked here. */
const char *__lsan_default_suppressions (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:libgtk-4.so.1\n";
}
