/* test-store-labels.c: every kind of edit names its undo step in sentence case
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-store-labels"

#include "cp-test-util.h"
#include "store/cp-store-library.h"
#include "store/cp-store-netmap.h"

#define SHA256 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

typedef struct
{
  CpTestWorkspace  ws;
  guint            n_changed;
  GHashTable      *labels;     /* every label seen */
} Fixture;

static void
on_changed (CpStore            *store,
            const char * const *tables,
            Fixture            *f)
{
  f->n_changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  cp_test_workspace_init (&f->ws, "labels.cpkit");
  f->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect (f->ws.store, "changed", G_CALLBACK (on_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (f->ws.store, f);
  cp_test_workspace_clear (&f->ws);
  g_clear_pointer (&f->labels, g_hash_table_unref);
}

/* The first character upper case, no other: GNOME's sentence case for labels (the
 * store's labels name no one, so there is no proper noun to allow for). */
static gboolean
is_sentence_case (const char *label)
{
  if (label == NULL || !g_utf8_validate (label, -1, NULL) ||
      !g_unichar_isupper (g_utf8_get_char (label)))
    return FALSE;

  for (const char *p = g_utf8_next_char (label); *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_isupper (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* Checks that the edit just made committed one new undo step, named in sentence case. */
static void
check_step (Fixture    *f,
            guint       n_changed_before,
            const char *what)
{
  const char *label = cp_store_get_undo_label (f->ws.store);

  if (f->n_changed != n_changed_before + 1)
    g_error ("%s: the edit did not commit once", what);
  if (!is_sentence_case (label))
    g_error ("%s: undo label \"%s\" is not in sentence case", what, label ? label : "(none)");
  /* Each kind of edit has its own label, so the one read is this edit's. */
  if (!g_hash_table_add (f->labels, g_strdup (label)))
    g_error ("%s: undo label \"%s\" was already used by another kind of edit", what, label);
}

#define EDIT(f, what, call)                          \
  G_STMT_START {                                     \
    g_autoptr(GError) edit_error = NULL;             \
    GError **error = &edit_error;                    \
    guint before = (f)->n_changed;                   \
                                                     \
    g_assert_true (call);                            \
    g_assert_no_error (edit_error);                  \
    check_step ((f), before, (what));                \
  } G_STMT_END

static void
test_sentence_case (Fixture       *f,
                    gconstpointer  data)
{
  CpStore *store = f->ws.store;
  CpLibraryMark bookmark = { .doc_key = (char *) CP_LIBRARY_SHA256_PREFIX SHA256,
                             .kind = CP_LIBRARY_MARK_BOOKMARK, .page = 1,
                             .quote = (char *) "Quote" };
  CpLibraryMark highlight = bookmark;
  gint64 id = 0;
  gint64 mark = 0;
  gint64 map = 0;
  gint64 review = 0;
  gint64 imported = 0;
  gint64 a = 0;
  gint64 b = 0;
  g_autoptr(CpNetmapModel) model = cp_netmap_model_new ();

  g_assert_true (is_sentence_case ("Remove from library"));
  g_assert_false (is_sentence_case ("Remove from Library"));
  g_assert_false (is_sentence_case ("edit note"));
  g_assert_false (is_sentence_case (NULL));

  highlight.kind = CP_LIBRARY_MARK_HIGHLIGHT;

  /* People */
  EDIT (f, "add person", (id = cp_store_add_person (store, "Robin", error)) != 0);
  EDIT (f, "rename", cp_store_rename_person (store, id, "Rob", error));
  EDIT (f, "case reference", cp_store_set_person_case_ref (store, id, "REF-1", error));
  EDIT (f, "status", cp_store_set_person_status (store, id, CP_PERSON_STATUS_PAUSED,
                                                 CP_PAUSE_REASON_CHOICE, NULL, error));
  EDIT (f, "focus", cp_store_set_person_focus (store, id, CP_FOCUS_PLANNING, error));
  EDIT (f, "next review", cp_store_set_person_next_review (store, id, "2030-01-02", error));
  EDIT (f, "notes", cp_store_set_person_notes (store, id, "Some notes", error));
  EDIT (f, "agreed on", cp_store_set_person_agreed_on (store, id, "2026-01-02", error));
  EDIT (f, "keep agreed on",
        cp_store_set_person_keep_agreed_on (store, id, "2026-01-03", error));
  EDIT (f, "sharing", cp_store_set_person_sharing (store, id, "With my GP", error));
  EDIT (f, "communication",
        cp_store_set_person_communication (store, id, CP_COMMUNICATION_LARGE_PRINT, NULL,
                                           "Short sessions", error));

  /* The Library */
  EDIT (f, "add document",
        cp_store_library_add_document (store, SHA256, "A guide", "guide.pdf", 3, error));
  EDIT (f, "add bookmark", (mark = cp_store_library_add_mark (store, &bookmark, error)) != 0);
  EDIT (f, "edit note", cp_store_library_set_mark_note (store, mark, "Read again", error));
  EDIT (f, "remove bookmark", cp_store_library_remove_mark (store, mark, error));
  EDIT (f, "add highlight", cp_store_library_add_mark (store, &highlight, error) != 0);
  EDIT (f, "remove document",
        cp_store_library_remove_document (store, CP_LIBRARY_SHA256_PREFIX SHA256, error));

  /* Network maps */
  cp_netmap_model_add (model, 1, CP_NETMAP_KIND_PLACE, "Park", CP_NETMAP_SECTOR_NEIGHBOURS, 2);
  EDIT (f, "start map", (map = cp_store_start_map (store, id, error)) != 0);
  EDIT (f, "add member", (a = cp_store_add_member (store, map, CP_NETMAP_KIND_PERSON, "Sam",
                                                   CP_NETMAP_SECTOR_FAMILY, 1, error)) != 0);
  b = cp_store_add_member (store, map, CP_NETMAP_KIND_PERSON, "Mo", CP_NETMAP_SECTOR_FRIENDS, 2,
                           NULL);
  EDIT (f, "move member", cp_store_move_member (store, a, CP_NETMAP_SECTOR_FAMILY, 2, 0.3, 0.3,
                                                error));
  EDIT (f, "rename member", cp_store_rename_member (store, a, "Sam (sister)", error));
  EDIT (f, "member kind", cp_store_set_member_kind (store, b, CP_NETMAP_KIND_ACTIVITY, error));
  EDIT (f, "chips", cp_store_set_member_chips (store, a, TRUE, FALSE, FALSE, error));
  EDIT (f, "details", cp_store_set_member_details (store, a, 3, 1, CP_NETMAP_SUPPORT_PRACTICAL,
                                                   CP_NETMAP_DIRECTION_BOTH, 0, error));
  EDIT (f, "met through us", cp_store_set_member_mark (store, a, CP_MEMBER_MARK_MET_THROUGH_US,
                                                       TRUE, error));
  EDIT (f, "mostly online", cp_store_set_member_mark (store, a, CP_MEMBER_MARK_MOSTLY_ONLINE,
                                                      TRUE, error));
  EDIT (f, "died", cp_store_set_member_mark (store, a, CP_MEMBER_MARK_DIED, TRUE, error));
  EDIT (f, "caution", cp_store_set_member_mark (store, a, CP_MEMBER_MARK_CAUTION, TRUE, error));
  EDIT (f, "member notes", cp_store_set_member_notes (store, a, "Notes", error));
  EDIT (f, "link", cp_store_set_tie (store, a, b, CP_NETMAP_TIE_WEAK, error));
  EDIT (f, "remove link", cp_store_remove_tie (store, a, b, error));
  EDIT (f, "tidy", cp_store_tidy_sector (store, map, CP_NETMAP_SECTOR_FAMILY, error));
  EDIT (f, "remove member", cp_store_delete_member (store, b, error));
  EDIT (f, "review map", (review = cp_store_start_review_map (store, id, error)) != 0);
  EDIT (f, "rename map", cp_store_rename_snapshot (store, review, "Second look", error));
  EDIT (f, "map date", cp_store_set_snapshot_date (store, review, "2030-01-01", error));
  EDIT (f, "map notes", cp_store_set_snapshot_notes (store, review, "Notes", error));
  EDIT (f, "import map",
        (imported = cp_store_import_snapshot (store, id, model, NULL, NULL, error)) != 0);
  EDIT (f, "delete map", cp_store_delete_snapshot (store, imported, error));

  /* Last, as it takes the person away. */
  EDIT (f, "delete person", cp_store_delete_person (store, id, error));

  g_assert_cmpuint (g_hash_table_size (f->labels), ==, 18 + 22);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cp/store/labels/sentence-case", Fixture, NULL, fixture_set_up,
              test_sentence_case, fixture_tear_down);

  return g_test_run ();
}
