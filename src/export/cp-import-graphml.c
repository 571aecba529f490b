/* cp-import-graphml.c: a network map from GraphML, read through libxml2 with every
 * door to the outside and to entity expansion shut
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-export"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "cp-import-network.h"
#include "cp-network-private.h"
#include "util/cp-lazy-lib.h"

/* libxml2 is loaded when the first GraphML file is read (see util/cp-lazy-lib.h): these
 * are the functions called, through the loaded library. xmlFree is not a function but a
 * variable of libxml2's holding one, so its name reads that variable. */
#define CP_XML2_SYMBOLS(X) \
  X (xmlCtxtGetLastError) \
  X (xmlCtxtReadMemory) \
  X (xmlDocGetRootElement) \
  X (xmlFree) \
  X (xmlFreeDoc) \
  X (xmlFreeParserCtxt) \
  X (xmlGetLineNo) \
  X (xmlGetProp) \
  X (xmlInitParser) \
  X (xmlNewParserCtxt) \
  X (xmlStopParser)

CP_LAZY_LIB_DECLARE (cp_xml2, CP_XML2_SYMBOLS)

#define xmlCtxtGetLastError CP_LAZY_LIB_CALL (cp_xml2, xmlCtxtGetLastError)
#define xmlCtxtReadMemory CP_LAZY_LIB_CALL (cp_xml2, xmlCtxtReadMemory)
#define xmlDocGetRootElement CP_LAZY_LIB_CALL (cp_xml2, xmlDocGetRootElement)
#define xmlFree (*CP_LAZY_LIB_CALL (cp_xml2, xmlFree))
#define xmlFreeDoc CP_LAZY_LIB_CALL (cp_xml2, xmlFreeDoc)
#define xmlFreeParserCtxt CP_LAZY_LIB_CALL (cp_xml2, xmlFreeParserCtxt)
#define xmlGetLineNo CP_LAZY_LIB_CALL (cp_xml2, xmlGetLineNo)
#define xmlGetProp CP_LAZY_LIB_CALL (cp_xml2, xmlGetProp)
#define xmlInitParser CP_LAZY_LIB_CALL (cp_xml2, xmlInitParser)
#define xmlNewParserCtxt CP_LAZY_LIB_CALL (cp_xml2, xmlNewParserCtxt)
#define xmlStopParser CP_LAZY_LIB_CALL (cp_xml2, xmlStopParser)

/* The parser's tables are made once, before any thread parses. */
static gboolean
xml2_started (char **reason)
{
  xmlInitParser ();
  return TRUE;
}

CP_LAZY_LIB_DEFINE (cp_xml2, CP_XML2_SYMBOLS, CP_XML2_SONAME, xml2_started)

/* No network, no messages on stderr. Never XML_PARSE_NOENT (substitutes entities),
 * XML_PARSE_DTDLOAD or XML_PARSE_DTDATTR (read a DTD), XML_PARSE_HUGE (lifts the limits
 * that stop runaway expansion and depth) or XML_PARSE_XINCLUDE. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
                       XML_PARSE_NOCDATA)

typedef struct
{
  gboolean doctype;
} ReadState;

/* A document type is where entities (and the billion laughs) are declared, and where an
 * external one would be fetched: its first sign stops the parser. */
static void
internal_subset_cb (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  ReadState *state = ctxt->_private;

  state->doctype = TRUE;
  xmlStopParser (ctxt);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

static int
line_of (xmlNode *node)
{
  long line = xmlGetLineNo (node);

  return line > 0 && line < G_MAXINT ? (int) line : 0;
}

/* An attribute's value (free it), or NULL. */
static char *
attribute (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* The element's own text, never through xmlNodeGetContent (which would expand entity
 * references). Child elements (another tool's graphics) are skipped. */
static char *
text_of (xmlNode  *node,
         GError  **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        g_string_append (out, (const char *) c->content);
      else if (c->type == XML_ENTITY_REF_NODE || c->type == XML_ENTITY_NODE)
        {
          g_set_error (error, CP_NETWORK_IMPORT_ERROR, CP_NETWORK_IMPORT_ERROR_UNSAFE,
                       _("Line %d: the file refers to an entity; this app never expands "
                         "entities."), line_of (c));
          return NULL;
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  GHashTable *node_keys;     /* key id → field name */
  GHashTable *edge_keys;
  GHashTable *defaults;      /* key id → default text (nodes) */
} Keys;

static void
keys_clear (Keys *keys)
{
  g_clear_pointer (&keys->node_keys, g_hash_table_unref);
  g_clear_pointer (&keys->edge_keys, g_hash_table_unref);
  g_clear_pointer (&keys->defaults, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Keys, keys_clear)

static gboolean
is_known_name (const char *name)
{
  for (CpNetworkField f = 0; f < CP_NETWORK_N_FIELDS; f++)
    if (strcmp (name, _cp_network_fields[f].name) == 0)
      return TRUE;
  return strcmp (name, CP_NETWORK_KEY_CENTRE) == 0 ||
         strcmp (name, CP_NETWORK_COLUMN_STRENGTH) == 0;
}

/* What a key stands for: its attr.name when that names one of ours, else its id. */
static gboolean
read_keys (xmlNode  *root,
           Keys     *keys,
           GError  **error)
{
  keys->node_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  keys->edge_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  keys->defaults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (xmlNode *k = root->children; k != NULL; k = k->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *what = NULL;
      g_autofree char *attr_name = NULL;
      g_autofree char *field = NULL;

      if (!is_element (k, "key"))
        continue;
      if ((id = attribute (k, "id")) == NULL)
        {
          _cp_network_problem (error, line_of (k), _("A <key> has no id."));
          return FALSE;
        }
      what = attribute (k, "for");
      attr_name = attribute (k, "attr.name");
      if (attr_name != NULL)
        field = _cp_network_canonical_name (attr_name);
      if (field == NULL || !is_known_name (field))
        {
          g_free (field);
          field = _cp_network_canonical_name (id);
        }
      if (what == NULL || strcmp (what, "node") == 0 || strcmp (what, "all") == 0)
        {
          g_hash_table_replace (keys->node_keys, g_strdup (id), g_strdup (field));
          for (xmlNode *d = k->children; d != NULL; d = d->next)
            if (is_element (d, "default"))
              {
                char *text = text_of (d, error);

                if (text == NULL)
                  return FALSE;
                g_hash_table_replace (keys->defaults, g_strdup (id), text);
              }
        }
      if (what == NULL || strcmp (what, "edge") == 0 || strcmp (what, "all") == 0)
        g_hash_table_replace (keys->edge_keys, g_strdup (id), g_steal_pointer (&field));
    }
  return TRUE;
}

/* The <data> of @element by field name (values owned by the table). */
static GHashTable *
read_data (xmlNode     *element,
           GHashTable  *key_fields,
           GHashTable  *defaults,
           GError     **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (defaults != NULL)
    {
      GHashTableIter iter;
      gpointer key;
      gpointer text;

      g_hash_table_iter_init (&iter, defaults);
      while (g_hash_table_iter_next (&iter, &key, &text))
        {
          const char *field = g_hash_table_lookup (key_fields, key);

          if (field != NULL)
            g_hash_table_replace (values, g_strdup (field), g_strdup (text));
        }
    }
  for (xmlNode *d = element->children; d != NULL; d = d->next)
    {
      g_autofree char *key = NULL;
      const char *field;
      char *text;

      if (is_element (d, "graph"))
        {
          _cp_network_problem (error, line_of (d), _("The file nests one network inside "
                                                     "another; a map is one network."));
          return NULL;
        }
      if (!is_element (d, "data"))
        continue;
      if ((key = attribute (d, "key")) == NULL)
        {
          _cp_network_problem (error, line_of (d), _("A <data> element has no key."));
          return NULL;
        }
      if ((field = g_hash_table_lookup (key_fields, key)) == NULL)
        field = key;   /* no <key> for it: take the key as a name */
      if ((text = text_of (d, error)) == NULL)
        return NULL;
      g_hash_table_replace (values, _cp_network_canonical_name (field), text);
    }
  return g_steal_pointer (&values);
}

static gboolean
is_true (const char *text)
{
  return text != NULL && (g_ascii_strcasecmp (text, "true") == 0 || strcmp (text, "1") == 0);
}

static gboolean
read_graph (xmlNode           *graph,
            Keys              *keys,
            CpNetworkBuilder  *builder,
            GError           **error)
{
  g_autoptr(GHashTable) centres = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *n = graph->children; n != NULL; n = n->next)
    {
      g_autoptr(GHashTable) values = NULL;
      g_autofree char *id = NULL;

      if (!is_element (n, "node"))
        continue;
      id = attribute (n, "id");
      if (!(values = read_data (n, keys->node_keys, keys->defaults, error)))
        return FALSE;
      if (is_true (g_hash_table_lookup (values, CP_NETWORK_KEY_CENTRE)))
        {
          if (id != NULL)
            g_hash_table_add (centres, g_steal_pointer (&id));
          continue;
        }
      /* Another tool may keep the name in the id alone. */
      if (id != NULL && g_hash_table_lookup (values, "name") == NULL)
        g_hash_table_replace (values, g_strdup ("name"), g_strdup (id));
      if (!_cp_network_builder_add_member (builder, id, values, line_of (n), error))
        return FALSE;
    }

  /* Edges may come before the nodes they link. */
  for (xmlNode *e = graph->children; e != NULL; e = e->next)
    {
      g_autoptr(GHashTable) values = NULL;
      g_autofree char *source = NULL;
      g_autofree char *target = NULL;

      if (!is_element (e, "edge"))
        continue;
      source = attribute (e, "source");
      target = attribute (e, "target");
      /* The person is at the centre of every map already. */
      if ((source != NULL && g_hash_table_contains (centres, source)) ||
          (target != NULL && g_hash_table_contains (centres, target)))
        continue;
      if (!(values = read_data (e, keys->edge_keys, NULL, error)) ||
          !_cp_network_builder_add_tie (builder, source, target,
                                        g_hash_table_lookup (values, CP_NETWORK_COLUMN_STRENGTH),
                                        line_of (e), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_failed (xmlParserCtxtPtr   ctxt,
              ReadState         *state,
              GError           **error)
{
  const xmlError *last = xmlCtxtGetLastError (ctxt);
  int line = last != NULL ? last->line : 0;

  if (state->doctype)
    g_set_error_literal (error, CP_NETWORK_IMPORT_ERROR, CP_NETWORK_IMPORT_ERROR_UNSAFE,
                         _("The file holds a document type declaration (<!DOCTYPE …>). "
                           "Such a declaration can make a file grow without end or reach "
                           "outside it, so this app never reads one: nothing was imported."));
  else if (last == NULL)
    g_set_error_literal (error, CP_NETWORK_IMPORT_ERROR, CP_NETWORK_IMPORT_ERROR_INVALID,
                         _("The file is not well-formed XML."));
  else if (last->code == XML_ERR_UNKNOWN_ENCODING || last->code == XML_ERR_UNSUPPORTED_ENCODING ||
           last->code == XML_ERR_INVALID_ENCODING)
    g_set_error_literal (error, CP_NETWORK_IMPORT_ERROR, CP_NETWORK_IMPORT_ERROR_ENCODING,
                         _("The file says it is in an encoding this app does not read. Save "
                           "it as UTF-8 and try again."));
  else if (last->code == XML_ERR_DOCUMENT_EMPTY)
    g_set_error_literal (error, CP_NETWORK_IMPORT_ERROR, CP_NETWORK_IMPORT_ERROR_INVALID,
                         _("The file is empty."));
  else if (last->code == XML_ERR_DOCUMENT_END || last->code == XML_ERR_TAG_NOT_FINISHED ||
           last->code == XML_ERR_LT_REQUIRED)
    g_set_error (error, CP_NETWORK_IMPORT_ERROR, CP_NETWORK_IMPORT_ERROR_INVALID,
                 _("Line %d: the file ends before its XML does: it may have been cut short."),
                 line);
  else if (last->code == XML_ERR_UNDECLARED_ENTITY || last->code == XML_WAR_UNDECLARED_ENTITY ||
           last->code == XML_ERR_ENTITY_LOOP)
    g_set_error (error, CP_NETWORK_IMPORT_ERROR, CP_NETWORK_IMPORT_ERROR_UNSAFE,
                 _("Line %d: the file refers to an entity; this app never expands entities."),
                 line);
  else if (last->code == XML_ERR_INTERNAL_ERROR || last->code == XML_ERR_NO_MEMORY)
    /* libxml2 2.9's limits without XML_PARSE_HUGE: nesting, text and names too big */
    g_set_error (error, CP_NETWORK_IMPORT_ERROR, CP_NETWORK_IMPORT_ERROR_TOO_LARGE,
                 _("Line %d: the file nests its elements too deeply or holds too long a "
                   "piece of text, past a limit that keeps this app safe. Nothing was "
                   "imported."), line);
  else
    {
      g_autofree char *why = g_strstrip (g_strdup (last->message != NULL ? last->message : ""));

      g_set_error (error, CP_NETWORK_IMPORT_ERROR, CP_NETWORK_IMPORT_ERROR_INVALID,
                   _("Line %d: the file is not well-formed XML (%s)."), line, why);
    }
  return FALSE;
}

static gboolean
declared_utf8 (xmlDoc *doc)
{
  const char *encoding = (const char *) doc->encoding;

  return encoding == NULL || g_ascii_strcasecmp (encoding, "UTF-8") == 0 ||
         g_ascii_strcasecmp (encoding, "UTF8") == 0 ||
         g_ascii_strcasecmp (encoding, "US-ASCII") == 0 ||
         g_ascii_strcasecmp (encoding, "ASCII") == 0;
}

gboolean
_cp_network_read_graphml (const char        *data,
                          gsize              length,
                          CpNetworkBuilder  *builder,
                          GError           **error)
{
  ReadState state = { FALSE };
  g_auto(Keys) keys = { NULL };
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;
  xmlNode *root;
  xmlNode *graph = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (length <= G_MAXINT, FALSE);

  if (!cp_xml2_load (error))
    return FALSE;

  if ((ctxt = xmlNewParserCtxt ()) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Out of memory."));
      return FALSE;
    }
  ctxt->sax->internalSubset = internal_subset_cb;
  ctxt->_private = &state;
  doc = xmlCtxtReadMemory (ctxt, data, (int) length, "network.graphml", NULL, PARSE_OPTIONS);

  if (doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL))
    state.doctype = TRUE;
  if (doc == NULL || !ctxt->wellFormed || state.doctype)
    {
      parse_failed (ctxt, &state, error);
      goto out;
    }
  if (!declared_utf8 (doc))
    {
      g_set_error_literal (error, CP_NETWORK_IMPORT_ERROR, CP_NETWORK_IMPORT_ERROR_ENCODING,
                           _("The file says it is in an encoding this app does not read. "
                             "Save it as UTF-8 and try again."));
      goto out;
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is_element (root, "graphml"))
    {
      g_set_error_literal (error, CP_NETWORK_IMPORT_ERROR, CP_NETWORK_IMPORT_ERROR_FORMAT,
                           _("The file is XML but not GraphML: it has no <graphml> element."));
      goto out;
    }
  if (!read_keys (root, &keys, error))
    goto out;
  for (xmlNode *g = root->children; g != NULL; g = g->next)
    {
      if (!is_element (g, "graph"))
        continue;
      if (graph != NULL)
        {
          _cp_network_problem (error, line_of (g), _("The file holds more than one network; "
                                                     "a map is one network."));
          goto out;
        }
      graph = g;
    }
  if (graph == NULL)
    {
      _cp_network_problem (error, 0, _("The file holds no network (no <graph> element)."));
      goto out;
    }
  ok = read_graph (graph, &keys, builder, error);

out:
  if (doc != NULL)
    xmlFreeDoc (doc);
  xmlFreeParserCtxt (ctxt);
  return ok;
}
