/* test-lazy-lib.c: libraries loaded when first needed, and what is said when they cannot be
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-lazy-lib"

#include <string.h>

#include <gio/gio.h>
#include <sodium.h>

#include "util/cp-lazy-lib.h"

#define SODIUM_SYMBOLS(X) \
  X (sodium_library_version_major) \
  X (sodium_version_string)

CP_LAZY_LIB_DECLARE (test_sodium, SODIUM_SYMBOLS)
CP_LAZY_LIB_DEFINE (test_sodium, SODIUM_SYMBOLS, CP_SODIUM_SONAME, NULL)

#define MISSING_FUNCTION_SYMBOLS(X) \
  X (sodium_version_string) \
  X (cp_no_such_function)

CP_LAZY_LIB_DECLARE (test_missing_function, MISSING_FUNCTION_SYMBOLS)
CP_LAZY_LIB_DEFINE (test_missing_function, MISSING_FUNCTION_SYMBOLS, CP_SODIUM_SONAME, NULL)

#define MISSING_LIBRARY_SYMBOLS(X) X (sodium_version_string)

CP_LAZY_LIB_DECLARE (test_missing_library, MISSING_LIBRARY_SYMBOLS)
CP_LAZY_LIB_DEFINE (test_missing_library, MISSING_LIBRARY_SYMBOLS,
                    "libcpkit-no-such-library.so.0", NULL)

static guint n_refusals;

static gboolean
refuse (char **reason)
{
  n_refusals++;
  *reason = g_strdup ("its set-up failed");
  return FALSE;
}

CP_LAZY_LIB_DECLARE (test_refused, SODIUM_SYMBOLS)
CP_LAZY_LIB_DEFINE (test_refused, SODIUM_SYMBOLS, CP_SODIUM_SONAME, refuse)

static void
assert_all_null (CpLazyLib *lib)
{
  for (guint i = 0; i < lib->n_symbols; i++)
    g_assert_null (lib->symbols[i]);
}

/* A function called through the loader is the library's own. */
static void
test_loads (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (test_sodium_load (&error));
  g_assert_no_error (error);
  g_assert_true (CP_LAZY_LIB_CALL (test_sodium, sodium_version_string) ()
                 == sodium_version_string ());
  g_assert_cmpint (CP_LAZY_LIB_CALL (test_sodium, sodium_library_version_major) (), ==,
                   sodium_library_version_major ());
  /* Loaded once: a second load is the same library. */
  g_assert_true (test_sodium_load (NULL));
}

/* No such file: the user reads which library is missing and why, every time asked. */
static void
test_missing_library (void)
{
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (test_missing_library_load (&error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
      g_assert_nonnull (strstr (error->message, "libcpkit-no-such-library.so.0"));
      g_assert_nonnull (strstr (error->message, "could not be loaded"));
    }
  assert_all_null (&test_missing_library_lib);
}

/* A library without a function the app calls (another version): refused whole, naming
 * the function, with none of its functions left half-found. */
static void
test_missing_function (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (test_missing_function_load (&error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "cp_no_such_function"));
  g_assert_nonnull (strstr (error->message, CP_SODIUM_SONAME));
  assert_all_null (&test_missing_function_lib);
}

/* A library whose own set-up fails is not used, and its set-up is tried once. */
static void
test_refused (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (test_refused_load (&error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "its set-up failed"));
  assert_all_null (&test_refused_lib);
  g_assert_false (test_refused_load (NULL));
  g_assert_cmpuint (n_refusals, ==, 1);
}

/* The app itself links none of the libraries it loads when first needed. */
static void
test_app_links_none (void)
{
  const char *bin = g_getenv ("CPKIT_BIN");
  const char *lazy[] = { CP_POPPLER_GLIB_SONAME, CP_CMARK_SONAME, CP_CMARK_EXTENSIONS_SONAME,
                         CP_XML2_SONAME, CP_SODIUM_SONAME };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  if (bin == NULL)
    {
      g_test_skip ("CPKIT_BIN is not set");
      return;
    }
  {
    const char *argv[] = { "objdump", "-p", bin, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &out, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* What it does link is listed: the check reads the right table. */
  g_assert_nonnull (strstr (out, "NEEDED               libgtk-4.so.1"));
  for (guint i = 0; i < G_N_ELEMENTS (lazy); i++)
    {
      g_autofree char *needed = g_strdup_printf ("NEEDED               %s\n", lazy[i]);

      g_test_message ("%s", lazy[i]);
      g_assert_null (strstr (out, needed));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lazy-lib/loads", test_loads);
  g_test_add_func ("/lazy-lib/missing-library", test_missing_library);
  g_test_add_func ("/lazy-lib/missing-function", test_missing_function);
  g_test_add_func ("/lazy-lib/refused", test_refused);
  g_test_add_func ("/lazy-lib/app-links-none", test_app_links_none);
  return g_test_run ();
}
