/* cp-store-capture.c: the rows one edit changes, as a changeset
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store"

#include <string.h>

#include "cp-store-private.h"

/* SQLite's pre-update hook sees every row an edit's statements change, in every table,
 * cascades included, with its values before and after. Each change is written here in
 * the session extension's changeset format, so that the undo stack, the models' refresh
 * and cp-store-settle.c read, invert, concatenate and apply it with the changeset API.
 *
 * The session extension would do the same, but for each edit it prepares a statement to
 * read each table's columns, and another to read back every row changed: two parses
 * of SQL per table, a third of a durable edit's own cost beyond the bare statement
 * (bench-store). Here a table's columns are read once per connection, and the values
 * come from the hook itself.
 *
 * As with the session extension: only tables with a primary key in "main" are recorded;
 * an UPDATE that changes nothing is left out; an UPDATE of a primary key is a DELETE
 * and an INSERT; and a row changed more than once comes out as one change
 * (sqlite3changegroup merges them, as the session extension would). */

typedef struct
{
  int    n_columns;
  guint8 pk[];          /* per column: its place in the primary key from 1, or 0 */
} Table;

/* Reads @name's columns and primary key; %NULL if it has no primary key. */
static Table *
read_table (sqlite3    *db,
            const char *name,
            int        *rc)
{
  char *sql = sqlite3_mprintf ("PRAGMA main.table_info(%Q)", name);
  g_autoptr(GByteArray) pk = g_byte_array_new ();
  sqlite3_stmt *stmt = NULL;
  gboolean has_pk = FALSE;
  Table *table;
  int step;

  *rc = sql == NULL ? SQLITE_NOMEM : sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  sqlite3_free (sql);
  if (*rc != SQLITE_OK)
    return NULL;
  while ((step = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint8 place = (guint8) sqlite3_column_int (stmt, 5);

      g_byte_array_append (pk, &place, 1);
      has_pk |= place != 0;
    }
  *rc = step == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (db);
  sqlite3_finalize (stmt);
  if (*rc != SQLITE_OK || !has_pk)
    return NULL;

  table = g_malloc (sizeof (Table) + pk->len);
  table->n_columns = (int) pk->len;
  memcpy (table->pk, pk->data, pk->len);
  return table;
}

/* @name's columns, read once per connection (NULL: no primary key, not recorded). */
static const Table *
lookup_table (CpStore    *self,
              const char *name,
              int         n_columns)
{
  Table *table;

  if (self->capture_tables == NULL)
    self->capture_tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  else if (g_hash_table_lookup_extended (self->capture_tables, name, NULL, (gpointer *) &table)
           && (table == NULL || table->n_columns == n_columns))
    return table;

  table = read_table (self->db, name, &self->capture_rc);
  if (table != NULL && table->n_columns != n_columns)
    {
      g_free (table);
      table = NULL;
      self->capture_rc = SQLITE_SCHEMA;
    }
  if (self->capture_rc == SQLITE_OK)
    g_hash_table_insert (self->capture_tables, g_strdup (name), table);
  return table;
}

/* SQLite's variable-length integer (sqlite3PutVarint). */
static void
put_varint (GByteArray *out,
            guint64     v)
{
  guint8 buf[9];
  int n = 0;

  if (v & (G_GUINT64_CONSTANT (0xff000000) << 32))
    {
      buf[8] = (guint8) v;
      v >>= 8;
      for (int i = 7; i >= 0; i--, v >>= 7)
        buf[i] = (guint8) ((v & 0x7f) | 0x80);
      g_byte_array_append (out, buf, 9);
      return;
    }
  do
    {
      buf[n++] = (guint8) ((v & 0x7f) | 0x80);
      v >>= 7;
    }
  while (v != 0);
  buf[0] &= 0x7f;
  for (int i = n - 1; i >= 0; i--)
    g_byte_array_append (out, &buf[i], 1);
}

static void
put_u64 (GByteArray *out,
         guint64     v)
{
  guint64 big = GUINT64_TO_BE (v);

  g_byte_array_append (out, (const guint8 *) &big, 8);
}

/* One value as the changeset format has it; %NULL for "undefined" (not recorded). */
static void
put_value (GByteArray    *out,
           sqlite3_value *value)
{
  guint8 type = value == NULL ? 0 : (guint8) sqlite3_value_type (value);
  double real;
  guint64 bits;

  g_byte_array_append (out, &type, 1);
  switch (type)
    {
    case SQLITE_INTEGER:
      put_u64 (out, (guint64) sqlite3_value_int64 (value));
      break;
    case SQLITE_FLOAT:
      real = sqlite3_value_double (value);
      memcpy (&bits, &real, 8);
      put_u64 (out, bits);
      break;
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      {
        const void *data = type == SQLITE_TEXT ? (const void *) sqlite3_value_text (value)
                                               : sqlite3_value_blob (value);
        int n = sqlite3_value_bytes (value);

        put_varint (out, (guint64) n);
        if (n > 0)
          g_byte_array_append (out, data, (guint) n);
      }
      break;
    default:
      break;
    }
}

static gboolean
same_value (sqlite3_value *a,
            sqlite3_value *b)
{
  int type = sqlite3_value_type (a);

  if (type != sqlite3_value_type (b))
    return FALSE;
  switch (type)
    {
    case SQLITE_INTEGER:
      return sqlite3_value_int64 (a) == sqlite3_value_int64 (b);
    case SQLITE_FLOAT:
      {
        double x = sqlite3_value_double (a), y = sqlite3_value_double (b);

        return memcmp (&x, &y, sizeof x) == 0;
      }
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      {
        const void *x = type == SQLITE_TEXT ? (const void *) sqlite3_value_text (a)
                                            : sqlite3_value_blob (a);
        const void *y = type == SQLITE_TEXT ? (const void *) sqlite3_value_text (b)
                                            : sqlite3_value_blob (b);
        int n = sqlite3_value_bytes (a);

        return n == sqlite3_value_bytes (b) && (n == 0 || memcmp (x, y, (size_t) n) == 0);
      }
    default:
      return TRUE;
    }
}

/* The table's heading, when this change is not in the same table as the one before. */
static void
put_change_start (CpStore     *self,
                  const Table *table,
                  const char  *name,
                  int          op)
{
  guint8 head[2] = { (guint8) op, sqlite3_preupdate_depth (self->db) > 0 };

  if (self->capture_last != table)
    {
      guint8 t = 'T';

      g_byte_array_append (self->capture, &t, 1);
      put_varint (self->capture, (guint64) table->n_columns);
      g_byte_array_append (self->capture, table->pk, (guint) table->n_columns);
      g_byte_array_append (self->capture, (const guint8 *) name, (guint) strlen (name) + 1);
      self->capture_last = table;
    }
  g_byte_array_append (self->capture, head, 2);
  self->capture_n_changes++;
}

/* An INSERT's new row or a DELETE's old one, every column. */
static gboolean
put_whole_row (CpStore     *self,
               const Table *table,
               const char  *name,
               int          op)
{
  put_change_start (self, table, name, op);
  for (int i = 0; i < table->n_columns; i++)
    {
      sqlite3_value *value = NULL;
      int rc = op == SQLITE_INSERT ? sqlite3_preupdate_new (self->db, i, &value)
                                   : sqlite3_preupdate_old (self->db, i, &value);

      if (rc != SQLITE_OK)
        {
          self->capture_rc = rc;
          return FALSE;
        }
      put_value (self->capture, value);
    }
  return TRUE;
}

static void
put_update (CpStore     *self,
            const Table *table,
            const char  *name)
{
  g_autofree sqlite3_value **old = g_new0 (sqlite3_value *, table->n_columns);
  g_autofree sqlite3_value **new = g_new0 (sqlite3_value *, table->n_columns);
  gboolean any = FALSE;
  gboolean key_moved = FALSE;

  for (int i = 0; i < table->n_columns; i++)
    {
      if ((self->capture_rc = sqlite3_preupdate_old (self->db, i, &old[i])) != SQLITE_OK ||
          (self->capture_rc = sqlite3_preupdate_new (self->db, i, &new[i])) != SQLITE_OK)
        return;
      if (same_value (old[i], new[i]))
        new[i] = NULL;
      else if (table->pk[i] != 0)
        key_moved = TRUE;
      else
        any = TRUE;
    }

  if (key_moved)
    {
      if (put_whole_row (self, table, name, SQLITE_DELETE))
        put_whole_row (self, table, name, SQLITE_INSERT);
      return;
    }
  if (!any)
    return;

  /* Before: the key and what changed; after: what changed. */
  put_change_start (self, table, name, SQLITE_UPDATE);
  for (int i = 0; i < table->n_columns; i++)
    put_value (self->capture, table->pk[i] != 0 || new[i] != NULL ? old[i] : NULL);
  for (int i = 0; i < table->n_columns; i++)
    put_value (self->capture, new[i]);
}

static void
preupdate_cb (void          *data,
              sqlite3       *db,
              int            op,
              const char    *db_name,
              const char    *name,
              sqlite3_int64  key,
              sqlite3_int64  new_key)
{
  CpStore *self = data;
  const Table *table;

  if (self->capture_rc != SQLITE_OK || strcmp (db_name, "main") != 0 ||
      g_str_has_prefix (name, "sqlite_"))
    return;
  if ((table = lookup_table (self, name, sqlite3_preupdate_count (db))) == NULL)
    return;

  if (op == SQLITE_UPDATE)
    put_update (self, table, name);
  else
    put_whole_row (self, table, name, op);
}

/* Starts recording the changes of the edit that has just begun. */
void
_cp_store_capture_start (CpStore *self)
{
  g_assert (self->capture == NULL);

  self->capture = g_byte_array_new ();
  self->capture_n_changes = 0;
  self->capture_last = NULL;
  self->capture_rc = SQLITE_OK;
  sqlite3_preupdate_hook (self->db, preupdate_cb, self);
}

/* Stops recording and throws away what was recorded (the edit is rolled back). */
void
_cp_store_capture_stop (CpStore *self)
{
  if (self->capture == NULL)
    return;
  if (self->db != NULL)
    sqlite3_preupdate_hook (self->db, NULL, NULL);
  /* It may hold a row that was about to be erased. */
  if (self->capture->len > 0)
    memset (self->capture->data, 0, self->capture->len);
  g_clear_pointer (&self->capture, g_byte_array_unref);
}

/* Stops recording and gives the changeset: *@changeset (sqlite3_free) and its size, 0
 * and %NULL when nothing changed. */
int
_cp_store_capture_finish (CpStore  *self,
                          int      *n,
                          void    **changeset)
{
  int rc = self->capture_rc;

  *n = 0;
  *changeset = NULL;
  if (rc == SQLITE_OK && self->capture_n_changes == 1)
    {
      if ((*changeset = sqlite3_malloc ((int) self->capture->len)) == NULL)
        rc = SQLITE_NOMEM;
      else
        {
          memcpy (*changeset, self->capture->data, self->capture->len);
          *n = (int) self->capture->len;
        }
    }
  else if (rc == SQLITE_OK && self->capture_n_changes > 1)
    {
      sqlite3_changegroup *group = NULL;

      rc = sqlite3changegroup_new (&group);
      if (rc == SQLITE_OK)
        rc = sqlite3changegroup_add (group, (int) self->capture->len, self->capture->data);
      if (rc == SQLITE_OK)
        rc = sqlite3changegroup_output (group, n, changeset);
      sqlite3changegroup_delete (group);
    }
  _cp_store_capture_stop (self);
  return rc;
}

/* Forgets the tables' columns with the connection they were read on. */
void
_cp_store_capture_forget_tables (CpStore *self)
{
  g_clear_pointer (&self->capture_tables, g_hash_table_unref);
}
