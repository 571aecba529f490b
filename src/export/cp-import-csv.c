/* cp-import-csv.c: a network map from a members CSV file and, optionally, a ties file
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-export"

#include <string.h>

#include <glib/gi18n.h>

#include "cp-import-network.h"
#include "cp-network-private.h"

#define MAX_COLUMNS 200

/* RFC 4180, read leniently where that is safe: LF or CRLF line ends, a comma or (as
 * spreadsheets in many languages write it) a semicolon between cells. */
typedef struct
{
  const char *p;
  const char *end;
  int         line;       /* the line p is on, from 1 */
  char        delimiter;
  const char *file;       /* "members" or "ties", for messages */
} CsvReader;

static void
csv_reader_init (CsvReader  *r,
                 const char *data,
                 gsize       length)
{
  const char *first_end;

  r->p = data;
  r->end = data + length;
  r->line = 1;
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    r->p += 3;
  first_end = memchr (r->p, '\n', (gsize) (r->end - r->p));
  if (first_end == NULL)
    first_end = r->end;
  r->delimiter = memchr (r->p, ',', (gsize) (first_end - r->p)) == NULL &&
                 memchr (r->p, ';', (gsize) (first_end - r->p)) != NULL ? ';' : ',';
}

/* A cell written neutralised against formulas ('=…) reads back as it was. */
static char *
cell_text (GString *cell)
{
  if (cell->len >= 2 && cell->str[0] == '\'' && strchr ("=+-@\t\r", cell->str[1]) != NULL)
    g_string_erase (cell, 0, 1);
  return g_strdup (cell->str);
}

/* The next record's cells, with the line it starts on; NULL at the end (*@error unset)
 * or on a problem. */
static GPtrArray *
next_record (CsvReader  *r,
             int        *start,
             GError    **error)
{
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GString) cell = NULL;

  /* Blank lines between records are nothing. */
  while (r->p < r->end && (*r->p == '\n' || *r->p == '\r'))
    {
      if (*r->p == '\n')
        r->line++;
      r->p++;
    }
  if (r->p >= r->end)
    return NULL;

  cells = g_ptr_array_new_with_free_func (g_free);
  cell = g_string_new (NULL);
  *start = r->line;
  for (;;)
    {
      if (r->p < r->end && *r->p == '"')
        {
          r->p++;
          for (;;)
            {
              if (r->p >= r->end)
                {
                  _cp_network_problem (error, *start, _("The %s file ends inside a quoted cell: "
                                                        "it may have been cut short."), r->file);
                  return NULL;
                }
              if (*r->p == '"')
                {
                  if (r->p + 1 < r->end && r->p[1] == '"')
                    {
                      g_string_append_c (cell, '"');
                      r->p += 2;
                      continue;
                    }
                  r->p++;
                  break;
                }
              if (*r->p == '\n')
                r->line++;
              g_string_append_c (cell, *r->p++);
            }
          if (r->p < r->end && *r->p != r->delimiter && *r->p != '\r' && *r->p != '\n')
            {
              _cp_network_problem (error, r->line, _("In the %s file, a quoted cell goes on "
                                                     "after its closing quote."), r->file);
              return NULL;
            }
        }
      else
        {
          while (r->p < r->end && *r->p != r->delimiter && *r->p != '\r' && *r->p != '\n')
            g_string_append_c (cell, *r->p++);
        }

      if (cells->len >= MAX_COLUMNS)
        {
          _cp_network_problem (error, *start, _("The %s file has more than %d columns."),
                               r->file, MAX_COLUMNS);
          return NULL;
        }
      g_ptr_array_add (cells, cell_text (cell));
      g_string_truncate (cell, 0);

      if (r->p < r->end && *r->p == r->delimiter)
        {
          r->p++;
          continue;
        }
      /* the end of the record */
      if (r->p < r->end && *r->p == '\r')
        r->p++;
      if (r->p < r->end && *r->p == '\n')
        {
          r->p++;
          r->line++;
        }
      return g_steal_pointer (&cells);
    }
}

/* The header's columns as field names; each once. */
static GPtrArray *
read_header (CsvReader  *r,
             GError    **error)
{
  g_autoptr(GPtrArray) header = NULL;
  GError *local = NULL;
  int start;

  if ((header = next_record (r, &start, &local)) == NULL)
    {
      if (local != NULL)
        g_propagate_error (error, local);
      else
        _cp_network_problem (error, 0, _("The %s file is empty."), r->file);
      return NULL;
    }
  for (guint i = 0; i < header->len; i++)
    {
      char *name = _cp_network_canonical_name (g_ptr_array_index (header, i));

      g_free (g_ptr_array_index (header, i));
      header->pdata[i] = name;
      for (guint j = 0; j < i; j++)
        if (*name != '\0' && strcmp (name, g_ptr_array_index (header, j)) == 0)
          {
            g_autofree char *quoted = _cp_network_quote (name);

            _cp_network_problem (error, start, _("The %s file has the column %s twice."),
                                 r->file, quoted);
            return NULL;
          }
    }
  return g_steal_pointer (&header);
}

static gboolean
has_column (GPtrArray  *header,
            const char *name)
{
  for (guint i = 0; i < header->len; i++)
    if (strcmp (g_ptr_array_index (header, i), name) == 0)
      return TRUE;
  return FALSE;
}

/* The rows after the header, each as column name → cell; calls @row for each. */
typedef gboolean (*RowFunc) (GHashTable        *values,
                             int                line,
                             guint              index,
                             CpNetworkBuilder  *builder,
                             GError           **error);

static gboolean
read_rows (CsvReader         *r,
           GPtrArray         *header,
           RowFunc            row,
           CpNetworkBuilder  *builder,
           GError           **error)
{
  for (guint index = 0;; index++)
    {
      g_autoptr(GPtrArray) cells = NULL;
      g_autoptr(GHashTable) values = NULL;
      GError *local = NULL;
      int start;

      if ((cells = next_record (r, &start, &local)) == NULL)
        {
          if (local == NULL)
            return TRUE;
          g_propagate_error (error, local);
          return FALSE;
        }
      if (cells->len != header->len)
        {
          _cp_network_problem (error, start,
                               _("This row of the %s file has %u cells, but its header has %u: "
                                 "the file may have been cut short, or a cell holds a stray "
                                 "delimiter."), r->file, cells->len, header->len);
          return FALSE;
        }
      values = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < cells->len; i++)
        g_hash_table_insert (values, g_ptr_array_index (header, i), g_ptr_array_index (cells, i));
      if (!row (values, start, index, builder, error))
        return FALSE;
    }
}

static gboolean
member_row (GHashTable        *values,
            int                line,
            guint              index,
            CpNetworkBuilder  *builder,
            GError           **error)
{
  const char *id = g_hash_table_lookup (values, CP_NETWORK_COLUMN_ID);
  g_autofree char *row_id = NULL;

  /* Without an id column a member is known by its row. */
  if (!g_hash_table_contains (values, CP_NETWORK_COLUMN_ID))
    id = row_id = g_strdup_printf ("%u", index + 1);
  return _cp_network_builder_add_member (builder, id, values, line, error);
}

static gboolean
tie_row (GHashTable        *values,
         int                line,
         guint              index,
         CpNetworkBuilder  *builder,
         GError           **error)
{
  return _cp_network_builder_add_tie (builder,
                                      g_hash_table_lookup (values, CP_NETWORK_COLUMN_SOURCE),
                                      g_hash_table_lookup (values, CP_NETWORK_COLUMN_TARGET),
                                      g_hash_table_lookup (values, CP_NETWORK_COLUMN_STRENGTH),
                                      line, error);
}

gboolean
_cp_network_read_csv (const char        *members,
                      gsize              members_length,
                      const char        *ties,
                      gsize              ties_length,
                      CpNetworkBuilder  *builder,
                      GError           **error)
{
  static const char * const needed[] = { "name", "sector", "ring" };
  g_autoptr(GPtrArray) header = NULL;
  CsvReader r;

  csv_reader_init (&r, members, members_length);
  r.file = C_("an imported file", "members");
  if (!(header = read_header (&r, error)))
    return FALSE;
  if (!has_column (header, "name") && has_column (header, CP_NETWORK_COLUMN_SOURCE))
    {
      _cp_network_problem (error, 0, _("This is a ties file. Choose the members file, with "
                                       "the ties file beside it."));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    if (!has_column (header, needed[i]))
      {
        _cp_network_problem (error, 1, _("The members file has no “%s” column; it needs name, "
                                         "kind, sector and ring."), needed[i]);
        return FALSE;
      }
  if (ties != NULL && !has_column (header, CP_NETWORK_COLUMN_ID))
    {
      _cp_network_problem (error, 1, _("The members file has no “id” column, so the ties "
                                       "file cannot say which members it links."));
      return FALSE;
    }
  if (!read_rows (&r, header, member_row, builder, error))
    return FALSE;
  if (ties == NULL)
    return TRUE;

  g_clear_pointer (&header, g_ptr_array_unref);
  csv_reader_init (&r, ties, ties_length);
  r.file = C_("an imported file", "ties");
  if (!(header = read_header (&r, error)))
    return FALSE;
  if (!has_column (header, CP_NETWORK_COLUMN_SOURCE) ||
      !has_column (header, CP_NETWORK_COLUMN_TARGET))
    {
      _cp_network_problem (error, 1, _("The ties file needs a “source” and a “target” "
                                       "column, naming members by their ids."));
      return FALSE;
    }
  _cp_network_builder_set_ties_file (builder, TRUE);
  return read_rows (&r, header, tie_row, builder, error);
}
