/* test-supervision-flow.c: a supervision pack sent, opened by the supervisor, answered
 * and merged back; and every way a pack or reply can be refused
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-supervision-flow"

#include <string.h>

#include "cp-test-util.h"
#include "store/cp-store-disclosure.h"
#include "store/cp-store-goals.h"
#include "store/cp-store-netmap.h"
#include "store/cp-store-private.h"
#include "store/cp-store-supervision.h"
#include "supervision/cp-supervision-pack.h"
#include "util/cp-date.h"

#define CANARY       "Zebedee Quartermaine"
#define MEMBER       "Okonkwo-Featherstonehaugh"
#define NOTES        "Person notes Vortigern-4409"
#define MEMBER_NOTES "Member notes Leontyne-7002"
#define MAP_NOTES    "Map notes Hortensia-3390"
#define REFLECTION   "Boundaries Peregrine-4471"
#define DISCLOSED    "Disclosure Lysander-9942"
#define SHARING      "Share with Oriel-5530"
#define REVIEW_TEXT  "choir at St Mary's"
#define PASSPHRASE   "river maple stone lamp"

/* Words that must never leave in a pack or a reply. */
static const char * const never_leaves[] = {
  "Zebedee", "Quartermaine", "Okonkwo", "Featherstonehaugh", "Vortigern", "Leontyne",
  "Hortensia", "Peregrine", "Lysander", "Oriel", "Tariq",
};

typedef struct
{
  CpTestWorkspace  ws;
  gint64           zeb;       /* the practice workspace's Jo, renamed */
  gint64           edna;
  gint64           tariq;     /* never in a pack */
  char            *session;   /* the practitioner's own session with Jo and Edna */
} Flow;

static void
assert_holds_none (GBytes     *bytes,
                   const char *what)
{
  for (guint i = 0; i < G_N_ELEMENTS (never_leaves); i++)
    if (cp_test_bytes_hold (bytes, never_leaves[i]))
      g_error ("%s holds \"%s\"", what, never_leaves[i]);
}

static void
flow_set_up (Flow          *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *today = cp_date_today ();
  gint64 snapshot = 0;
  gint64 member;
  gint64 people[2];

  cp_test_workspace_set_up_practice (&f->ws, NULL);
  f->zeb = cp_test_person_id (f->ws.store, "Jo");
  f->edna = cp_test_person_id (f->ws.store, "Edna");
  f->tariq = cp_test_person_id (f->ws.store, "Tariq");

  g_assert_true (cp_store_rename_person (f->ws.store, f->zeb, CANARY, &error));
  g_assert_true (cp_store_set_person_notes (f->ws.store, f->zeb, NOTES, &error));
  g_assert_true (cp_store_set_person_sharing (f->ws.store, f->zeb, SHARING, &error));
  g_assert_true (cp_store_get_current_snapshot (f->ws.store, f->zeb, &snapshot, &error));
  g_assert_no_error (error);
  member = cp_store_add_member (f->ws.store, snapshot, CP_NETMAP_KIND_PERSON, MEMBER,
                                CP_NETMAP_SECTOR_FRIENDS, 2, &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_set_member_notes (f->ws.store, member, MEMBER_NOTES, &error));
  g_assert_true (cp_store_set_snapshot_notes (f->ws.store, snapshot, MAP_NOTES, &error));
  sql = g_strdup_printf ("UPDATE member SET caution = 1 WHERE id = %" G_GINT64_FORMAT ";"
                         "UPDATE review SET notes = '" "choir at St Mary''s" "' "
                         "WHERE person_id = %" G_GINT64_FORMAT, member, f->zeb);
  cp_test_edit (f->ws.store, "Caution and review text", sql);
  g_assert_true (cp_store_add_disclosure (f->ws.store, f->zeb, CP_DISCLOSURE_SUMMARY,
                                          DISCLOSED, NULL, &error) > 0);

  people[0] = f->zeb;
  people[1] = f->edna;
  f->session = cp_store_add_supervision_session (f->ws.store, today, "team manager", people,
                                                 2, &error);
  g_assert_no_error (error);
  comment = cp_store_add_supervision_comment (f->ws.store, f->session, f->zeb,
                                              "Before the pack", &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_set_worker_reflection (f->ws.store, f->session, REFLECTION,
                                                 &error));
  /* Tariq was discussed at another session: it must not travel. */
  people[0] = f->tariq;
  g_free (cp_store_add_supervision_session (f->ws.store, today, "", people, 1, &error));
  g_assert_no_error (error);
}

static void
flow_tear_down (Flow          *f,
                gconstpointer  data)
{
  g_free (f->session);
  cp_test_workspace_tear_down (&f->ws, NULL);
}

static char *
dir_file (Flow       *f,
          const char *name)
{
  return g_build_filename (f->ws.dir, name, NULL);
}

/* Sends a pack for @people to @recipient: the file's path, its UUID in @out_uuid. */
static char *
send_pack (Flow            *f,
           const gint64    *people,
           guint            n_people,
           CpPackRecipient  recipient,
           gboolean         review_text,
           char           **out_uuid)
{
  CpPackChoice choice = { recipient, people, n_people, review_text };
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *workspace = cp_store_dup_workspace_uuid (f->ws.store);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *name = cp_supervision_pack_file_name (CP_PACK_KIND_PACK, now,
                                                          "Practitioner");
  g_autofree char *path = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GError) error = NULL;
  static guint n;

  payload = cp_store_build_pack_payload (f->ws.store, &choice, uuid, &error);
  g_assert_no_error (error);
  assert_holds_none (payload, "The pack's payload");

  path = g_strdup_printf ("%s/%u-%s", f->ws.dir, n++, name);
  g_assert_true (cp_supervision_pack_write (path, CP_PACK_KIND_PACK, workspace, uuid,
                                            "Practitioner", payload, PASSPHRASE, FALSE,
                                            &error));
  g_assert_no_error (error);
  g_assert_true (cp_store_record_sent_pack (f->ws.store, uuid, &choice, &error));
  g_assert_no_error (error);

  if (out_uuid != NULL)
    *out_uuid = g_steal_pointer (&uuid);
  return g_steal_pointer (&path);
}

static GBytes *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  return g_bytes_new_take (data, len);
}

/* The supervision tables of @store, as text. */
static char *
dump_supervision (CpStore *store)
{
  sqlite3 *db = _cp_store_get_db (store);
  const char *tables[] = { "supervision_session", "supervision_person", "supervision_comment",
                           "supervision_action", "supervision_signoff" };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[i]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (out, FALSE);
}

static int
count (CpStore    *store,
       const char *sql)
{
  return cp_test_db_int (_cp_store_get_db (store), sql);
}

/* The person's part of @session in @store as text (comments, actions, sign-off). */
static char *
discussed_text (CpStore    *store,
                const char *session_uuid,
                gint64      person)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSupervisionSession) session = cp_store_get_supervision_session (store,
                                                                              session_uuid,
                                                                              &error);
  const CpSupervisionDiscussed *d;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  d = cp_supervision_session_find (session, person);
  g_assert_nonnull (d);
  for (guint i = 0; i < d->comments->len; i++)
    {
      CpSupervisionComment *c = g_ptr_array_index (d->comments, i);

      g_string_append_printf (out, "comment %s %s\n", c->uuid, c->text);
    }
  for (guint i = 0; i < d->actions->len; i++)
    {
      CpSupervisionAction *a = g_ptr_array_index (d->actions, i);

      g_string_append_printf (out, "action %s %s %s %s\n", a->uuid, a->text, a->owner,
                              a->due_on ? a->due_on : "-");
    }
  if (d->signoff != NULL)
    g_string_append_printf (out, "signoff %s %s %s %s\n", d->signoff->uuid, d->signoff->name,
                            d->signoff->role, d->signoff->signed_on);
  return g_string_free (out, FALSE);
}

/* ---- The round trip ------------------------------------------------------------------ */

static void
test_round_trip (Flow          *f,
                 gconstpointer  data)
{
  const gint64 people[] = { f->zeb, f->edna };
  CpPackChoice choice = { CP_PACK_RECIPIENT_LINE_SUPERVISOR, people, 2, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPackHeader) header = NULL;
  g_autoptr(CpStore) pack = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *preview = NULL;
  g_autofree char *pack_uuid = NULL;
  g_autofree char *path = NULL;
  g_autofree char *reply_name = NULL;
  g_autofree char *reply_path = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *action = NULL;
  g_autofree char *in_pack = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *before_import = NULL;
  g_autofree char *after_import = NULL;
  g_autofree char *workspace = cp_store_dup_workspace_uuid (f->ws.store);
  g_autofree char *goals_words = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  CpDisclosure *entry;
  guint64 steps;
  guint n = 99;

  /* The preview names what leaves, in the words the payload bears out. */
  preview = cp_store_describe_pack (f->ws.store, &choice, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (preview, "ZQ\n"));
  g_assert_nonnull (strstr (preview, "PRACTICE-0001"));
  g_assert_nonnull (strstr (preview, "Review notes and rating notes are left out."));
  g_assert_nonnull (strstr (preview, "Never in a pack: names, notes, caution flags"));
  g_assert_null (strstr (preview, "Zebedee"));
  g_assert_null (strstr (preview, "PRACTICE-0003"));
  goals = cp_store_list_goals (f->ws.store, f->zeb, &error);
  g_assert_no_error (error);
  goals_words = g_strdup_printf (", %u goals, ", goals->len);
  g_assert_nonnull (strstr (preview, goals_words));

  path = send_pack (f, people, 2, CP_PACK_RECIPIENT_LINE_SUPERVISOR, FALSE, &pack_uuid);
  g_assert_true (g_str_has_suffix (path, ".cpkpack"));
  g_assert_nonnull (strstr (path, "supervision-pack-"));
  g_assert_nonnull (strstr (path, "-practitioner.cpkpack"));
  file = load (path);
  assert_holds_none (file, "The pack file");

  /* Each person's disclosure log says a pack went, and to whom; Tariq's does not. */
  log = cp_store_list_disclosures (f->ws.store, f->edna, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, >=, 1);
  entry = g_ptr_array_index (log, log->len - 1);
  g_assert_cmpint (entry->what, ==, CP_DISCLOSURE_SUPERVISION_PACK);
  g_assert_cmpstr (entry->to_whom, ==, "line supervisor");
  g_clear_pointer (&log, g_ptr_array_unref);
  log = cp_store_list_disclosures (f->ws.store, f->tariq, &error);
  for (guint i = 0; i < log->len; i++)
    g_assert_cmpint (((CpDisclosure *) g_ptr_array_index (log, i))->what, !=,
                     CP_DISCLOSURE_SUPERVISION_PACK);

  /* The supervisor opens it: initials only, and nothing that never leaves. */
  pack = cp_supervision_pack_open_file (path, PASSPHRASE, &header, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (header->sender_role, ==, "Practitioner");
  g_assert_cmpstr (header->pack_uuid, ==, pack_uuid);
  g_assert_true (cp_store_is_pack (pack));
  g_assert_true (cp_store_get_read_only (pack));
  g_assert_true (cp_store_can_edit_supervision (pack));
  g_assert_false (cp_store_is_pack (f->ws.store));
  g_assert_false (cp_store_pack_has_changes (pack));
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (pack)), ==, 2);
  g_assert_cmpstr (cp_person_get_name (cp_store_find_person (pack, f->zeb)), ==, "ZQ");
  g_assert_cmpstr (cp_person_get_name (cp_store_find_person (pack, f->edna)), ==, "E");
  g_assert_cmpstr (cp_person_get_case_ref (cp_store_find_person (pack, f->zeb)), ==,
                   "PRACTICE-0001");
  g_assert_null (cp_store_find_person (pack, f->tariq));
  g_assert_cmpint (count (pack, "SELECT count(*) FROM member WHERE name = 'O'"), ==, 1);
  g_assert_cmpint (count (pack, "SELECT count(*) FROM person WHERE notes != '' "
                          "OR sharing != ''"), ==, 0);
  g_assert_cmpint (count (pack, "SELECT count(*) FROM member WHERE caution != 0 "
                          "OR notes != ''"), ==, 0);
  g_assert_cmpint (count (pack, "SELECT count(*) FROM snapshot WHERE notes != ''"), ==, 0);
  g_assert_cmpint (count (pack, "SELECT count(*) FROM review WHERE notes != '' "
                          "OR own_view != '' OR attended != ''"), ==, 0);
  g_assert_cmpint (count (pack, "SELECT count(*) FROM review"), >, 0);
  g_assert_cmpint (count (pack, "SELECT count(*) FROM rating WHERE note != ''"), ==, 0);
  g_assert_cmpint (count (pack, "SELECT count(*) FROM worker_reflection"), ==, 0);
  g_assert_cmpint (count (pack, "SELECT count(*) FROM disclosure"), ==, 0);
  g_assert_cmpint (count (pack, "SELECT count(*) FROM sent_pack"), ==, 0);
  g_assert_cmpint (count (pack, "SELECT count(*) FROM document"), ==, 0);
  g_assert_cmpint (count (pack, "SELECT count(*) FROM supervision_session"), ==, 1);
  g_assert_cmpint (count (pack, "SELECT count(*) FROM goal"), ==,
                   count (f->ws.store, "SELECT count(*) FROM goal WHERE person_id IN "
                          "(SELECT id FROM person WHERE name != 'Tariq')"));

  /* Only the supervision record can change there. */
  g_assert_false (cp_store_rename_person (pack, f->zeb, "Someone", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cp_store_set_worker_reflection (pack, f->session, "Mine", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (count (pack, "SELECT count(*) FROM worker_reflection"), ==, 0);

  /* The supervisor's comment, action and sign-off, each one undo step. */
  comment = cp_store_add_supervision_comment (pack, f->session, f->zeb,
                                              "Ask about the smaller group", &error);
  g_assert_no_error (error);
  action = cp_store_add_supervision_action (pack, f->session, f->zeb, "Walk the route",
                                            "practitioner", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_sign_off_supervision (pack, f->session, f->zeb, "Pat Lee",
                                                "Team manager", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cp_store_undo (pack, &error));
  {
    g_autoptr(CpSupervisionSession) undone = cp_store_get_supervision_session (pack,
                                                                               f->session,
                                                                               &error);

    g_assert_no_error (error);
    g_assert_null (cp_supervision_session_find (undone, f->zeb)->signoff);
  }
  g_assert_true (cp_store_redo (pack, &error));
  g_assert_no_error (error);
  g_assert_true (cp_store_pack_has_changes (pack));
  in_pack = discussed_text (pack, f->session, f->zeb);

  /* The reply: only what the supervisor made, no canary. */
  reply = cp_store_build_reply_payload (pack, &error);
  g_assert_no_error (error);
  assert_holds_none (reply, "The reply's payload");
  g_assert_false (cp_test_bytes_hold (reply, "Before the pack"));
  g_assert_true (cp_test_bytes_hold (reply, "Ask about the smaller group"));
  reply_name = cp_supervision_pack_file_name (CP_PACK_KIND_REPLY, now,
                                              cp_pack_recipient_get_role (
                                                cp_store_get_pack_recipient (pack)));
  g_assert_true (g_str_has_prefix (reply_name, "supervision-reply-"));
  g_assert_true (g_str_has_suffix (reply_name, "-line-supervisor.cpkreply"));
  reply_path = dir_file (f, reply_name);
  g_assert_true (cp_supervision_pack_write (reply_path, CP_PACK_KIND_REPLY, header->workspace_uuid,
                                            header->pack_uuid, "Line supervisor", reply,
                                            PASSPHRASE, FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&file, g_bytes_unref);
  file = load (reply_path);
  assert_holds_none (file, "The reply file");
  g_assert_cmpstr (header->workspace_uuid, ==, workspace);

  /* The practitioner imports it: one undo step, the same rows as the supervisor's. */
  before_import = dump_supervision (f->ws.store);
  steps = cp_store_get_n_undo_steps (f->ws.store);
  g_assert_true (cp_supervision_reply_import_file (f->ws.store, reply_path, PASSPHRASE, &n,
                                                   &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (cp_store_get_n_undo_steps (f->ws.store), ==, steps + 1);
  g_assert_cmpstr (cp_store_get_undo_label (f->ws.store), ==, "Import supervision reply");
  merged = discussed_text (f->ws.store, f->session, f->zeb);
  g_assert_cmpstr (merged, ==, in_pack);
  after_import = dump_supervision (f->ws.store);

  /* Again: nothing changes, no step. */
  g_assert_true (cp_supervision_reply_import_file (f->ws.store, reply_path, PASSPHRASE, &n,
                                                   &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (cp_store_get_n_undo_steps (f->ws.store), ==, steps + 1);
  {
    g_autofree char *again = dump_supervision (f->ws.store);

    g_assert_cmpstr (again, ==, after_import);
  }

  /* Undo takes the whole import away in one step; redo brings it back. */
  g_assert_true (cp_store_undo (f->ws.store, &error));
  {
    g_autofree char *undone = dump_supervision (f->ws.store);

    g_assert_cmpstr (undone, ==, before_import);
  }
  g_assert_true (cp_store_redo (f->ws.store, &error));
  {
    g_autofree char *redone = dump_supervision (f->ws.store);

    g_assert_cmpstr (redone, ==, after_import);
  }
}

/* ---- Who it is for, and what goes ------------------------------------------------------ */

static void
test_practice_educator (Flow          *f,
                        gconstpointer  data)
{
  const gint64 people[] = { f->zeb };
  CpPackChoice choice = { CP_PACK_RECIPIENT_PRACTICE_EDUCATOR, people, 1, TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(CpStore) pack = NULL;
  g_autofree char *preview = NULL;
  g_autofree char *uuid = g_uuid_string_random ();

  preview = cp_store_describe_pack (f->ws.store, &choice, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (preview, "Case reference left out"));
  g_assert_nonnull (strstr (preview, "practice educator"));
  g_assert_nonnull (strstr (preview, "Review notes and rating notes go with it."));
  g_assert_null (strstr (preview, "PRACTICE-0001"));

  payload = cp_store_build_pack_payload (f->ws.store, &choice, uuid, &error);
  g_assert_no_error (error);
  assert_holds_none (payload, "An educator's pack");
  g_assert_false (cp_test_bytes_hold (payload, "PRACTICE-0001"));
  /* Review text was ticked: it goes, "choir at St Mary's" and all. */
  g_assert_true (cp_test_bytes_hold (payload, REVIEW_TEXT));

  pack = cp_store_open_pack (payload, &error);
  g_assert_no_error (error);
  g_assert_null (cp_person_get_case_ref (cp_store_find_person (pack, f->zeb)));
  g_assert_cmpint (cp_store_get_pack_recipient (pack), ==, CP_PACK_RECIPIENT_PRACTICE_EDUCATOR);

  /* Unticked, it stays behind. */
  choice.include_review_text = FALSE;
  g_clear_pointer (&payload, g_bytes_unref);
  payload = cp_store_build_pack_payload (f->ws.store, &choice, uuid, &error);
  g_assert_no_error (error);
  g_assert_false (cp_test_bytes_hold (payload, REVIEW_TEXT));

  /* No one chosen: refused. */
  choice.n_people = 0;
  g_assert_null (cp_store_describe_pack (f->ws.store, &choice, &error));
  g_assert_error (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_NO_PEOPLE);
}

/* ---- Refusals ------------------------------------------------------------------------ */

/* @path's bytes with @edit applied, written to a new file. */
static char *
altered_copy (Flow       *f,
              const char *path,
              const char *name,
              gssize      flip_at,    /* from the start, or from the end when negative */
              gsize       cut)
{
  g_autoptr(GBytes) bytes = load (path);
  gsize len = g_bytes_get_size (bytes);
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), len);
  char *out = dir_file (f, name);
  g_autoptr(GError) error = NULL;

  if (flip_at != 0)
    data[flip_at > 0 ? (gsize) flip_at : len + flip_at] ^= 0x20;
  g_assert_true (g_file_set_contents (out, (char *) data, len - cut, &error));
  return out;
}

static void
assert_import_refused (Flow       *f,
                       CpStore    *store,
                       const char *path,
                       const char *passphrase,
                       GQuark      domain,
                       int         code,
                       const char *says)
{
  g_autofree char *before = dump_supervision (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint64 steps = cp_store_get_n_undo_steps (store);
  guint n = 99;

  g_assert_false (cp_supervision_reply_import_file (store, path, passphrase, &n, &error));
  g_assert_error (error, domain, code);
  if (says != NULL)
    g_assert_nonnull (strstr (error->message, says));
  g_assert_cmpuint (n, ==, 0);
  after = dump_supervision (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (cp_store_get_n_undo_steps (store), ==, steps);
}

/* A reply to the pack at @pack_path with one comment on @person's plan. */
static char *
make_reply (Flow       *f,
            const char *pack_path,
            gint64      person,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPackHeader) header = NULL;
  g_autoptr(CpStore) pack = cp_supervision_pack_open_file (pack_path, PASSPHRASE, &header,
                                                           &error);
  g_autoptr(GBytes) reply = NULL;
  g_autofree char *comment = NULL;
  char *path = dir_file (f, name);

  g_assert_no_error (error);
  comment = cp_store_add_supervision_comment (pack, f->session, person, "Looks good", &error);
  g_assert_no_error (error);
  reply = cp_store_build_reply_payload (pack, &error);
  g_assert_no_error (error);
  g_assert_true (cp_supervision_pack_write (path, CP_PACK_KIND_REPLY, header->workspace_uuid,
                                            header->pack_uuid, "Line supervisor", reply,
                                            PASSPHRASE, FALSE, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_bad_files (Flow          *f,
                gconstpointer  data)
{
  const gint64 people[] = { f->zeb };
  g_autoptr(GError) error = NULL;
  g_autofree char *pack_uuid = NULL;
  g_autofree char *pack_path = send_pack (f, people, 1, CP_PACK_RECIPIENT_LINE_SUPERVISOR,
                                          FALSE, &pack_uuid);
  g_autofree char *reply_path = make_reply (f, pack_path, f->zeb, "reply.cpkreply");
  g_autofree char *truncated = altered_copy (f, reply_path, "truncated.cpkreply", 0, 40);
  g_autofree char *flipped_head = altered_copy (f, reply_path, "head.cpkreply", 134, 0);
  g_autofree char *flipped_body = altered_copy (f, reply_path, "body.cpkreply", -30, 0);
  g_autofree char *copy_path = dir_file (f, "copy.cpkit");
  g_autoptr(CpStore) pack = NULL;
  g_autoptr(CpStore) copy = NULL;

  /* A pack: wrong passphrase, cut short, one byte changed in the heading or the body. */
  pack = cp_supervision_pack_open_file (pack_path, "river maple stone lump", NULL, &error);
  g_assert_null (pack);
  g_assert_error (error, CP_PACK_ERROR, CP_PACK_ERROR_BAD_PASSPHRASE_OR_DAMAGED);
  g_clear_error (&error);
  {
    g_autofree char *cut = altered_copy (f, pack_path, "cut.cpkpack", 0, 1);
    g_autofree char *head = altered_copy (f, pack_path, "head.cpkpack", 140, 0);
    g_autofree char *body = altered_copy (f, pack_path, "body.cpkpack", -100, 0);

    g_assert_null (cp_supervision_pack_open_file (cut, PASSPHRASE, NULL, &error));
    g_assert_error (error, CP_PACK_ERROR, CP_PACK_ERROR_TRUNCATED);
    g_clear_error (&error);
    g_assert_null (cp_supervision_pack_open_file (head, PASSPHRASE, NULL, &error));
    g_assert_error (error, CP_PACK_ERROR, CP_PACK_ERROR_BAD_PASSPHRASE_OR_DAMAGED);
    g_clear_error (&error);
    g_assert_null (cp_supervision_pack_open_file (body, PASSPHRASE, NULL, &error));
    g_assert_error (error, CP_PACK_ERROR, CP_PACK_ERROR_BAD_PASSPHRASE_OR_DAMAGED);
    g_clear_error (&error);
  }
  /* A reply opened as a pack, and a pack imported as a reply. */
  g_assert_null (cp_supervision_pack_open_file (reply_path, PASSPHRASE, NULL, &error));
  g_assert_error (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_WRONG_KIND);
  g_clear_error (&error);
  assert_import_refused (f, f->ws.store, pack_path, PASSPHRASE, CP_STORE_PACK_ERROR,
                         CP_STORE_PACK_ERROR_WRONG_KIND, NULL);

  /* A reply: the same damage, and nothing imported. */
  assert_import_refused (f, f->ws.store, reply_path, "not the passphrase", CP_PACK_ERROR,
                         CP_PACK_ERROR_BAD_PASSPHRASE_OR_DAMAGED, NULL);
  assert_import_refused (f, f->ws.store, truncated, PASSPHRASE, CP_PACK_ERROR,
                         CP_PACK_ERROR_TRUNCATED, NULL);
  assert_import_refused (f, f->ws.store, flipped_head, PASSPHRASE, CP_PACK_ERROR,
                         CP_PACK_ERROR_BAD_PASSPHRASE_OR_DAMAGED, NULL);
  assert_import_refused (f, f->ws.store, flipped_body, PASSPHRASE, CP_PACK_ERROR,
                         CP_PACK_ERROR_BAD_PASSPHRASE_OR_DAMAGED, NULL);

  /* Into a copy of the workspace (Save a Copy: a UUID of its own). */
  g_assert_true (cp_store_save_copy (f->ws.store, copy_path, FALSE, &error));
  g_assert_no_error (error);
  copy = cp_store_open (copy_path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  assert_import_refused (f, copy, reply_path, PASSPHRASE, CP_STORE_PACK_ERROR,
                         CP_STORE_PACK_ERROR_OTHER_WORKSPACE,
                         "This reply is for another workspace");
}

/* Replies that a supervisor's app would not make, at the payload: a pack never sent, a
 * person not in the pack, a row that breaks the rules. */
static GBytes *
edit_payload (GBytes     *payload,
              const char *sql)
{
  sqlite3 *db = NULL;
  gsize size = g_bytes_get_size (payload);
  unsigned char *copy = sqlite3_malloc64 (size);
  sqlite3_int64 out_size = 0;
  unsigned char *out;
  GBytes *bytes;

  memcpy (copy, g_bytes_get_data (payload, NULL), size);
  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_deserialize (db, "main", copy, size, size,
                                        SQLITE_DESERIALIZE_FREEONCLOSE |
                                        SQLITE_DESERIALIZE_RESIZEABLE), ==, SQLITE_OK);
  cp_test_db_exec (db, sql);
  out = sqlite3_serialize (db, "main", &out_size, 0);
  bytes = g_bytes_new (out, out_size);
  sqlite3_free (out);
  sqlite3_close (db);
  return bytes;
}

static void
assert_payload_refused (Flow       *f,
                        const char *pack_uuid,
                        GBytes     *payload,
                        int         code,
                        const char *says)
{
  g_autofree char *before = dump_supervision (f->ws.store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint64 steps = cp_store_get_n_undo_steps (f->ws.store);

  g_assert_false (cp_store_import_reply (f->ws.store, pack_uuid, payload, NULL, &error));
  g_assert_error (error, CP_STORE_PACK_ERROR, code);
  if (says != NULL)
    g_assert_nonnull (strstr (error->message, says));
  after = dump_supervision (f->ws.store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (cp_store_get_n_undo_steps (f->ws.store), ==, steps);
}

static void
test_bad_replies (Flow          *f,
                  gconstpointer  data)
{
  const gint64 people[] = { f->zeb };
  g_autoptr(GError) error = NULL;
  g_autofree char *pack_uuid = NULL;
  g_autofree char *pack_path = send_pack (f, people, 1, CP_PACK_RECIPIENT_LINE_SUPERVISOR,
                                          FALSE, &pack_uuid);
  g_autofree char *never = g_uuid_string_random ();
  g_autofree char *sql = NULL;
  g_autoptr(CpStore) pack = cp_supervision_pack_open_file (pack_path, PASSPHRASE, NULL,
                                                           &error);
  g_autoptr(GBytes) reply = NULL;
  g_autofree char *comment = NULL;

  g_assert_no_error (error);
  comment = cp_store_add_supervision_comment (pack, f->session, f->zeb, "Looks good", &error);
  g_assert_no_error (error);
  reply = cp_store_build_reply_payload (pack, &error);
  g_assert_no_error (error);

  /* A pack this workspace never sent. */
  sql = g_strdup_printf ("UPDATE workspace_meta SET value = '%s' WHERE key = 'pack-uuid'",
                         never);
  {
    g_autoptr(GBytes) odd = edit_payload (reply, sql);

    assert_payload_refused (f, never, odd, CP_STORE_PACK_ERROR_NEVER_SENT,
                            "This reply answers a pack this workspace never sent");
  }
  /* Someone who was not in the pack (Edna, discussed at the same session). */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE supervision_comment SET person_id = %" G_GINT64_FORMAT ";"
                         "UPDATE supervision_person SET person_id = %" G_GINT64_FORMAT,
                         f->edna, f->edna);
  {
    g_autoptr(GBytes) odd = edit_payload (reply, sql);

    assert_payload_refused (f, pack_uuid, odd, CP_STORE_PACK_ERROR_NOT_IN_PACK, NULL);
  }
  /* More than supervision rows. */
  {
    g_autoptr(GBytes) odd = edit_payload (reply, "INSERT INTO document_view (key, "
                                          "updated_at) VALUES ('x', '2026-01-01T00:00:00Z')");

    assert_payload_refused (f, pack_uuid, odd, CP_STORE_PACK_ERROR_BAD_ROW,
                            "Nothing was imported");
  }
  /* A sign-off dated tomorrow, and a schema that is not the app's. */
  {
    g_autoptr(GBytes) odd = edit_payload (reply,
                                          "INSERT INTO supervision_signoff (uuid, "
                                          "session_uuid, person_id, name, role, signed_on, "
                                          "created_at, updated_at) SELECT "
                                          "'00000000-0000-4000-8000-000000000001', "
                                          "session_uuid, person_id, 'Pat', 'Lead', "
                                          "'2999-01-01', created_at, created_at "
                                          "FROM supervision_comment");

    assert_payload_refused (f, pack_uuid, odd, CP_STORE_PACK_ERROR_BAD_ROW, NULL);
  }
  {
    g_autoptr(GBytes) odd = edit_payload (reply, "CREATE TABLE extra (x)");

    assert_payload_refused (f, pack_uuid, odd, CP_STORE_PACK_ERROR_NOT_A_PACK, NULL);
  }
  /* A payload of another pack than its heading says. */
  assert_payload_refused (f, never, reply, CP_STORE_PACK_ERROR_BAD_ROW, NULL);
  /* Not a database at all. */
  {
    g_autoptr(GBytes) junk = g_bytes_new_static (never, strlen (never));

    assert_payload_refused (f, pack_uuid, junk, CP_STORE_PACK_ERROR_NOT_A_PACK, NULL);
    g_assert_null (cp_store_open_pack (junk, &error));
    g_assert_error (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_NOT_A_PACK);
    g_clear_error (&error);
  }
  /* A reply is not a pack. */
  g_assert_null (cp_store_open_pack (reply, &error));
  g_assert_error (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_WRONG_KIND);
  g_clear_error (&error);

  /* The good one still goes in. */
  g_assert_true (cp_store_import_reply (f->ws.store, pack_uuid, reply, NULL, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/supervision-flow/round-trip", Flow, NULL, flow_set_up, test_round_trip,
              flow_tear_down);
  g_test_add ("/supervision-flow/practice-educator", Flow, NULL, flow_set_up,
              test_practice_educator, flow_tear_down);
  g_test_add ("/supervision-flow/bad-files", Flow, NULL, flow_set_up, test_bad_files,
              flow_tear_down);
  g_test_add ("/supervision-flow/bad-replies", Flow, NULL, flow_set_up, test_bad_replies,
              flow_tear_down);

  return g_test_run ();
}
