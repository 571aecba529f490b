/* cp-export-graphml.c: the network as GraphML, for network analysis tools
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-export"

#include "cp-network-private.h"
#include "util/cp-enum.h"

/* Text as XML character data or an attribute value. Characters XML 1.0 cannot hold at
 * all (most control characters) become U+FFFD, so every reader can parse the file. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\t':
        case '\n':
        case '\r':
          g_string_append_printf (out, "&#%u;", (guint) c);
          break;
        default:
          if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xfffe || c == 0xffff)
            g_string_append (out, "\xef\xbf\xbd");
          else
            g_string_append_unichar (out, c);
        }
    }
}

static void
append_key (GString    *out,
            const char *id,
            const char *what,
            const char *type,
            const char *fallback)
{
  g_string_append_printf (out, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"",
                          id, what, id, type);
  if (fallback != NULL)
    g_string_append_printf (out, ">\n    <default>%s</default>\n  </key>\n", fallback);
  else
    g_string_append (out, "/>\n");
}

static void
append_data (GString    *out,
             const char *indent,
             const char *key,
             const char *value)
{
  g_string_append_printf (out, "%s<data key=\"%s\">", indent, key);
  append_escaped (out, value);
  g_string_append (out, "</data>\n");
}

GString *
_cp_network_write_graphml (const CpNetworkData *data)
{
  GString *out = g_string_new (NULL);
  CpNetmapModel *model = data->model;
  guint n = cp_netmap_model_get_n_members (model);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);

  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                   "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                   "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                   "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
  append_key (out, "label", "graph", "string", NULL);
  append_key (out, "taken_on", "graph", "string", NULL);
  append_key (out, "pseudonymised", "graph", "boolean", NULL);
  append_key (out, CP_NETWORK_KEY_CENTRE, "node", "boolean", "false");
  for (CpNetworkField f = 0; f < CP_NETWORK_N_FIELDS; f++)
    append_key (out, _cp_network_fields[f].name, "node", _cp_network_fields[f].graphml_type,
                NULL);
  append_key (out, CP_NETWORK_COLUMN_STRENGTH, "edge", "string", NULL);

  g_string_append (out, "  <graph id=\"network\" edgedefault=\"undirected\">\n");
  append_data (out, "    ", "label", data->label);
  append_data (out, "    ", "taken_on", data->taken_on);
  append_data (out, "    ", "pseudonymised", data->identifiable ? "false" : "true");

  /* The person, at the centre */
  g_string_append (out, "    <node id=\"" CP_NETWORK_CENTRE_ID "\">\n");
  append_data (out, "      ", CP_NETWORK_KEY_CENTRE, "true");
  append_data (out, "      ", _cp_network_fields[CP_NETWORK_FIELD_NAME].name, data->centre);
  append_data (out, "      ", _cp_network_fields[CP_NETWORK_FIELD_KIND].name,
               cp_enum_to_nick (CP_TYPE_NETMAP_KIND, CP_NETMAP_KIND_PERSON));
  g_string_append (out, "    </node>\n");

  for (guint i = 0; i < n; i++)
    {
      CpNetmapMember *m = cp_netmap_model_get_member (model, i);
      char *id = _cp_network_member_id (i);

      g_hash_table_insert (ids, &m->lineage, id);
      g_string_append_printf (out, "    <node id=\"%s\">\n", id);
      /* Said on every node, not only by the key's default: networkx, for one, leaves
       * defaults out of the nodes' attributes. */
      append_data (out, "      ", CP_NETWORK_KEY_CENTRE, "false");
      for (CpNetworkField f = 0; f < CP_NETWORK_N_FIELDS; f++)
        {
          g_autofree char *value = _cp_network_field_text (m, f);

          if (value != NULL)
            append_data (out, "      ", _cp_network_fields[f].name, value);
        }
      g_string_append (out, "    </node>\n");
    }

  for (guint i = 0; i < cp_netmap_model_get_n_ties (model); i++)
    {
      const CpNetmapTie *t = cp_netmap_model_get_tie (model, i);

      g_string_append_printf (out, "    <edge id=\"t%u\" source=\"%s\" target=\"%s\">\n", i + 1,
                              (const char *) g_hash_table_lookup (ids, &t->a),
                              (const char *) g_hash_table_lookup (ids, &t->b));
      append_data (out, "      ", CP_NETWORK_COLUMN_STRENGTH,
                   cp_enum_to_nick (CP_TYPE_NETMAP_TIE_STRENGTH, t->strength));
      g_string_append (out, "    </edge>\n");
    }
  g_string_append (out, "  </graph>\n</graphml>\n");
  return out;
}
