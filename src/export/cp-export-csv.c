/* cp-export-csv.c: the network as two CSV files, members and ties (RFC 4180)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-export"

#include <string.h>

#include "cp-network-private.h"
#include "util/cp-enum.h"

void
_cp_network_csv_append_cell (GString    *out,
                             const char *text)
{
  /* A spreadsheet reads a cell starting with one of these as a formula (or, for tab
   * and carriage return, may drop them and then read one): a ' before it keeps it text,
   * and the import takes it away again. */
  gboolean neutral = text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
  gboolean quote = neutral || strpbrk (text, ",\"\r\n;") != NULL ||
                   (text[0] != '\0' && (g_ascii_isspace (text[0]) ||
                                        g_ascii_isspace (text[strlen (text) - 1])));

  if (quote)
    g_string_append_c (out, '"');
  if (neutral)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
end_row (GString *out)
{
  g_string_append (out, "\r\n");
}

GString *
_cp_network_write_csv_members (const CpNetworkData *data)
{
  GString *out = g_string_new (CP_NETWORK_COLUMN_ID);
  CpNetmapModel *model = data->model;

  for (CpNetworkField f = 0; f < CP_NETWORK_N_FIELDS; f++)
    {
      g_string_append_c (out, ',');
      g_string_append (out, _cp_network_fields[f].name);
    }
  end_row (out);

  for (guint i = 0; i < cp_netmap_model_get_n_members (model); i++)
    {
      const CpNetmapMember *m = cp_netmap_model_get_member (model, i);
      g_autofree char *id = _cp_network_member_id (i);

      g_string_append (out, id);
      for (CpNetworkField f = 0; f < CP_NETWORK_N_FIELDS; f++)
        {
          g_autofree char *value = _cp_network_field_text (m, f);

          g_string_append_c (out, ',');
          if (value != NULL)
            _cp_network_csv_append_cell (out, value);
        }
      end_row (out);
    }
  return out;
}

GString *
_cp_network_write_csv_ties (const CpNetworkData *data)
{
  GString *out = g_string_new (CP_NETWORK_COLUMN_SOURCE "," CP_NETWORK_COLUMN_TARGET ","
                               CP_NETWORK_COLUMN_STRENGTH);
  CpNetmapModel *model = data->model;
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);

  end_row (out);
  for (guint i = 0; i < cp_netmap_model_get_n_members (model); i++)
    g_hash_table_insert (index, &cp_netmap_model_get_member (model, i)->lineage,
                         GUINT_TO_POINTER (i));
  for (guint i = 0; i < cp_netmap_model_get_n_ties (model); i++)
    {
      const CpNetmapTie *t = cp_netmap_model_get_tie (model, i);
      g_autofree char *a = _cp_network_member_id (GPOINTER_TO_UINT (g_hash_table_lookup (index, &t->a)));
      g_autofree char *b = _cp_network_member_id (GPOINTER_TO_UINT (g_hash_table_lookup (index, &t->b)));

      g_string_append_printf (out, "%s,%s,%s", a, b,
                              cp_enum_to_nick (CP_TYPE_NETMAP_TIE_STRENGTH, t->strength));
      end_row (out);
    }
  return out;
}
