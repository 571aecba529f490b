/* cp-pack-helper.c: a supervision pack and its reply for the accessibility walk, made
 * without a display before the app starts.
 *
 *   cp-pack-helper DIR PASSPHRASE
 *       makes the practice workspace ($XDG_DATA_HOME/cpkit/practice.cpkit, as
 *       cpkit --practice would), sends a pack of everyone in it to a line supervisor
 *       (the file in DIR, recorded as sent), opens that pack as the supervisor, records
 *       a session with a comment on the first person, and writes the reply into DIR.
 *       Both are sealed with PASSPHRASE. Prints the pack's path, then the reply's, one
 *       a line; on an error says it on stderr and exits 1.
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pack-helper"

#include <locale.h>

#include "store/cp-person.h"
#include "store/cp-store-supervision.h"
#include "supervision/cp-supervision-pack.h"
#include "util/cp-date.h"

/* Seals @payload under @passphrase into @dir under the heading @h, named as the app names
 * it (by the heading's day and role). The file's own date is now. */
static char *
write_file (const char          *dir,
            const CpPackHeader  *h,
            GBytes              *payload,
            const char          *passphrase,
            GError             **error)
{
  g_autofree char *name = cp_supervision_pack_file_name (h->kind, h->created,
                                                          h->sender_role);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (!cp_supervision_pack_write (path, h->kind, h->workspace_uuid, h->pack_uuid,
                                  h->sender_role, payload, passphrase, FALSE, error))
    return NULL;
  return g_steal_pointer (&path);
}

/* The practitioner: the practice workspace, and a pack of everyone in it. */
static char *
send_pack (const char  *dir,
           const char  *passphrase,
           GError     **error)
{
  g_autofree char *practice = cp_store_dup_practice_path ();
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *pack_uuid = g_uuid_string_random ();
  g_autofree char *workspace_uuid = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(CpPackHeader) heading = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autofree char *path = NULL;
  CpPackChoice choice = { CP_PACK_RECIPIENT_LINE_SUPERVISOR, NULL, 0, FALSE };
  GListModel *people;

  if (!cp_store_create_practice (practice, error)
      || !(store = cp_store_open (practice, CP_STORE_OPEN_NO_BACKUP, error)))
    return NULL;
  people = cp_store_get_people (store);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CpPerson) person = g_list_model_get_item (people, i);
      gint64 id = cp_person_get_id (person);

      g_array_append_val (ids, id);
    }
  choice.person_ids = (const gint64 *) ids->data;
  choice.n_people = ids->len;
  workspace_uuid = cp_store_dup_workspace_uuid (store);
  heading = cp_pack_header_new (CP_PACK_KIND_PACK, workspace_uuid, pack_uuid, now,
                                "Practitioner");
  if (!(payload = cp_store_build_pack_payload (store, &choice, pack_uuid, error))
      || !(path = write_file (dir, heading, payload, passphrase, error))
      || !cp_store_record_sent_pack (store, pack_uuid, &choice, error))
    return NULL;
  cp_store_close (store);
  return g_steal_pointer (&path);
}

/* The supervisor: the pack opened, a session with a comment, the reply. */
static char *
reply_to (const char  *pack_path,
          const char  *dir,
          const char  *passphrase,
          GError     **error)
{
  g_autoptr(CpPackHeader) header = NULL;
  g_autoptr(CpPackHeader) reply = NULL;
  g_autoptr(CpStore) pack = NULL;
  g_autoptr(CpPerson) first = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autofree char *today = cp_date_today ();
  g_autofree char *session = NULL;
  g_autofree char *comment = NULL;
  gint64 id;

  if (!(pack = cp_supervision_pack_open_file (pack_path, passphrase, &header, error)))
    return NULL;
  first = g_list_model_get_item (cp_store_get_people (pack), 0);
  id = cp_person_get_id (first);
  if (!(session = cp_store_add_supervision_session (pack, today, "Line supervisor", &id, 1,
                                                    error))
      || !(comment = cp_store_add_supervision_comment (pack, session, id,
                                                       "Ask about the walking group",
                                                       error))
      || !(payload = cp_store_build_reply_payload (pack, error)))
    return NULL;
  reply = cp_pack_header_new (CP_PACK_KIND_REPLY, header->workspace_uuid, header->pack_uuid,
                              header->created,
                              cp_pack_recipient_get_role (cp_store_get_pack_recipient (pack)));
  return write_file (dir, reply, payload, passphrase, error);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pack = NULL;
  g_autofree char *reply = NULL;

  setlocale (LC_ALL, "");
  if (argc != 3)
    {
      g_printerr ("usage: cp-pack-helper DIR PASSPHRASE\n");
      return 2;
    }
  if (!(pack = send_pack (argv[1], argv[2], &error))
      || !(reply = reply_to (pack, argv[1], argv[2], &error)))
    {
      g_printerr ("cp-pack-helper: %s\n", error->message);
      return 1;
    }
  g_print ("%s\n%s\n", pack, reply);
  return 0;
}
