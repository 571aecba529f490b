/* cp-lazy-lib.h: a shared library loaded the first time one of its functions is needed
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Libraries the first frame does not need (poppler, cmark-gfm, libxml2, libsodium) are
 * not linked: start-up would load and relocate them, and every later symbol lookup (Mesa's
 * thousands, as GDK starts) would search them too. Each is described once by an X-macro
 * list of the functions the app calls; a private header redefines each name to a call
 * through a pointer looked up when the library is first loaded, with the library's own
 * prototype, so the calling code reads as if the library were linked:
 *
 *   #define CP_FOO_SYMBOLS(X) X (foo_open) X (foo_close)
 *   CP_LAZY_LIB_DECLARE (cp_foo, CP_FOO_SYMBOLS)
 *   #define foo_open CP_LAZY_LIB_CALL (cp_foo, foo_open)
 *
 * and in one .c file CP_LAZY_LIB_DEFINE (cp_foo, CP_FOO_SYMBOLS, "libfoo.so.1", NULL).
 * Within its own expansion a macro's name is not expanded again, so the prototype taken
 * is the library header's.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char         *soname;
  const char * const *names;
  gpointer           *symbols;
  guint               n_symbols;
  /* Run once after a successful load (a library's own set-up), or NULL; FALSE, with
   * the reason set, makes the load fail. */
  gboolean          (*ready) (char **reason);
  GOnce               once;
  char               *error;
} CpLazyLib;

gboolean cp_lazy_lib_load   (CpLazyLib  *lib,
                             GError    **error);
gpointer cp_lazy_lib_symbol (CpLazyLib  *lib,
                             guint       index);

#define _CP_LAZY_LIB_FIELD(name) gpointer name;
#define _CP_LAZY_LIB_NAME(name) #name,

/* Declares the library's place for each of @symbols, its loader prefix_load (GError **)
 * and what CP_LAZY_LIB_CALL needs. Comes before the names are redefined. */
#define CP_LAZY_LIB_DECLARE(prefix, symbols) \
  typedef struct { symbols (_CP_LAZY_LIB_FIELD) } prefix##_Symbols; \
  extern CpLazyLib prefix##_lib; \
  gboolean prefix##_load (GError **error);

#define CP_LAZY_LIB_DEFINE(prefix, symbols, soname_, ready_) \
  static const char * const prefix##_names[] = { symbols (_CP_LAZY_LIB_NAME) }; \
  static gpointer prefix##_symbols[sizeof (prefix##_Symbols) / sizeof (gpointer)]; \
  CpLazyLib prefix##_lib = { soname_, prefix##_names, prefix##_symbols, \
                             G_N_ELEMENTS (prefix##_symbols), ready_, G_ONCE_INIT, NULL }; \
  gboolean prefix##_load (GError **error) { return cp_lazy_lib_load (&prefix##_lib, error); }

/* @name, with its own prototype, from the loaded library. */
#define CP_LAZY_LIB_CALL(prefix, name) \
  ((__typeof__ (&name)) cp_lazy_lib_symbol (&prefix##_lib, \
                                            G_STRUCT_OFFSET (prefix##_Symbols, name) \
                                            / sizeof (gpointer)))

G_END_DECLS
