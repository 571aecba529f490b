/* cp-typeset-parse.c: UTF-8 check, CommonMark parsing, heading ids, link and figure checks
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-typeset"

#include <string.h>

#include "cp-typeset-figures.h"
#include "cp-typeset-private.h"
#include "util/cp-file.h"

gboolean
_cp_ts_validate_utf8 (const char  *file,
                      const char  *text,
                      gsize        length,
                      GError     **error)
{
  const char *end = NULL;
  const char *p;
  const char *line_start = text;
  int line = 1;

  if (g_utf8_validate (text, length, &end))
    return TRUE;

  for (p = text; p < end; p++)
    {
      if (*p == '\n')
        {
          line++;
          line_start = p + 1;
        }
    }
  g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_INVALID_UTF8,
               "%s:%d: invalid UTF-8 (byte 0x%02x at column %d); save the file as UTF-8",
               file, line, (guint) (guchar) *end, (int) (end - line_start) + 1);
  return FALSE;
}

/* The first line at or after @from_line (1-based) that contains @needle, or @from_line. */
int
_cp_ts_find_line (const char *text,
                  int         from_line,
                  const char *needle)
{
  const char *p = text;
  int line = 1;

  while (*p != '\0' && line < from_line)
    {
      if (*p == '\n')
        line++;
      p++;
    }
  while (*p != '\0')
    {
      const char *eol = strchr (p, '\n');
      gsize len = eol != NULL ? (gsize) (eol - p) : strlen (p);
      g_autofree char *copy = g_strndup (p, len);

      if (strstr (copy, needle) != NULL)
        return line;
      if (eol == NULL)
        break;
      p = eol + 1;
      line++;
    }
  return from_line;
}

static void
append_plain (GString    *out,
              cmark_node *node)
{
  cmark_node *child;

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      g_string_append (out, cmark_node_get_literal (node));
      return;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      g_string_append_c (out, ' ');
      return;
    default:
      break;
    }
  for (child = cmark_node_first_child (node); child != NULL; child = cmark_node_next (child))
    append_plain (out, child);
}

char *
_cp_ts_node_plain_text (cmark_node *node)
{
  GString *out = g_string_new (NULL);

  append_plain (out, node);
  return g_string_free (out, FALSE);
}

void
_cp_ts_heading_free (gpointer data)
{
  CpTsHeading *h = data;

  g_free (h->id);
  g_free (h->title);
  g_free (h->number);
  g_free (h);
}

static int
block_line (cmark_node *node)
{
  while (node != NULL && cmark_node_get_start_line (node) <= 0)
    node = cmark_node_parent (node);
  return node != NULL ? cmark_node_get_start_line (node) : 1;
}

static gboolean
id_is_valid (const char *id)
{
  const char *p;

  if (*id == '\0')
    return FALSE;
  for (p = id; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
        return FALSE;
    }
  return TRUE;
}

/* Strips a trailing "{#id}" from the heading's last text node. */
static gboolean
take_heading_id (CpTsChapter  *chapter,
                 cmark_node   *heading,
                 char        **id_out,
                 GError      **error)
{
  cmark_node *last = cmark_node_last_child (heading);
  int line = block_line (heading);
  g_autofree char *plain = _cp_ts_node_plain_text (heading);
  g_autofree char *lit = NULL;
  char *open;
  char *close;

  *id_out = NULL;
  g_strchomp (plain);
  if (!g_str_has_suffix (plain, "}") || strstr (plain, "{#") == NULL)
    {
      if (strstr (plain, "{#") != NULL)
        {
          g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_SYNTAX,
                       "%s:%d: a heading id must end the heading: '## Title {#id}'",
                       chapter->file, line);
          return FALSE;
        }
      return TRUE;
    }
  if (last == NULL || cmark_node_get_type (last) != CMARK_NODE_TEXT)
    goto bad;
  lit = g_strdup (cmark_node_get_literal (last));
  g_strchomp (lit);
  open = g_strrstr (lit, "{#");
  close = lit + strlen (lit) - 1;
  if (open == NULL || *close != '}')
    goto bad;
  *close = '\0';
  if (!id_is_valid (open + 2))
    {
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_SYNTAX,
                   "%s:%d: heading id '%s' may only hold letters, digits, '-', '_' and '.'",
                   chapter->file, line, open + 2);
      return FALSE;
    }
  *id_out = g_strdup (open + 2);
  *open = '\0';
  g_strchomp (lit);
  cmark_node_set_literal (last, lit);
  return TRUE;

bad:
  g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_SYNTAX,
               "%s:%d: malformed heading id; write '## Title {#id}'", chapter->file, line);
  return FALSE;
}

static gboolean
check_heading (CpTypesetDocument *doc,
               CpTsChapter       *chapter,
               cmark_node        *node,
               gboolean           first_block,
               GError           **error)
{
  int level = cmark_node_get_heading_level (node);
  int line = block_line (node);
  char *id = NULL;
  CpTsHeading *h;

  if (level > CP_TS_MAX_HEADING_LEVEL)
    {
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_SYNTAX,
                   "%s:%d: headings go down to ### only", chapter->file, line);
      return FALSE;
    }
  if (level == 1 && !first_block)
    {
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_SYNTAX,
                   "%s:%d: only the first line of a chapter is a '#' heading",
                   chapter->file, line);
      return FALSE;
    }
  if (!take_heading_id (chapter, node, &id, error))
    return FALSE;

  h = g_new0 (CpTsHeading, 1);
  h->level = level;
  h->id = id;
  h->explicit_id = id != NULL;
  h->title = _cp_ts_node_plain_text (node);
  g_strstrip (h->title);
  h->file = chapter->file;
  h->line = line;
  h->chapter = chapter->index;
  h->node = node;
  if (*h->title == '\0')
    {
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_SYNTAX,
                   "%s:%d: empty heading", chapter->file, line);
      _cp_ts_heading_free (h);
      return FALSE;
    }
  if (id != NULL)
    {
      CpTsHeading *other = g_hash_table_lookup (doc->ids, id);

      if (other != NULL)
        {
          g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_DUPLICATE_ID,
                       "%s:%d: duplicate heading id '%s' (first used at %s:%d)",
                       chapter->file, line, id, other->file, other->line);
          _cp_ts_heading_free (h);
          return FALSE;
        }
      g_hash_table_insert (doc->ids, h->id, h);
    }
  if (level == 1)
    chapter->id = h->id;
  g_ptr_array_add (doc->headings, h);
  return TRUE;
}

static gboolean
check_inline (CpTypesetDocument *doc,
              CpTsChapter       *chapter,
              cmark_node        *node,
              GError           **error)
{
  cmark_node_type type = cmark_node_get_type (node);
  const char *url = cmark_node_get_url (node);
  int line = block_line (node);

  if (type == CMARK_NODE_IMAGE)
    {
      cmark_node *parent = cmark_node_parent (node);
      const char *name = url;

      line = _cp_ts_find_line (chapter->text, line, url != NULL ? url : "![");
      if (url == NULL || !g_str_has_prefix (url, "figure:"))
        {
          g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_UNKNOWN_FIGURE,
                       "%s:%d: images must be figures drawn by code: '![caption](figure:NAME)'",
                       chapter->file, line);
          return FALSE;
        }
      name = url + strlen ("figure:");
      if (!cp_typeset_figure_exists (name) && _cp_ts_caller_figure (doc, name) == NULL)
        {
          g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_UNKNOWN_FIGURE,
                       "%s:%d: unknown figure '%s'", chapter->file, line, name);
          return FALSE;
        }
      if (parent == NULL || cmark_node_get_type (parent) != CMARK_NODE_PARAGRAPH ||
          cmark_node_first_child (parent) != node || cmark_node_next (node) != NULL ||
          cmark_node_parent (parent) != chapter->root)
        {
          g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_SYNTAX,
                       "%s:%d: a figure must stand alone on its own line, outside lists and quotes",
                       chapter->file, line);
          return FALSE;
        }
    }
  else if (type == CMARK_NODE_LINK)
    {
      if (url == NULL || *url == '\0')
        {
          g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_SYNTAX,
                       "%s:%d: a link needs a target: '[text](#id)'", chapter->file, line);
          return FALSE;
        }
      if (url[0] != '#' && !g_str_has_prefix (url, "https://") &&
          !g_str_has_prefix (url, "http://") && !g_str_has_prefix (url, "mailto:"))
        {
          line = _cp_ts_find_line (chapter->text, line, url);
          g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_SYNTAX,
                       "%s:%d: link target '%s' is neither '#id' nor a web address",
                       chapter->file, line, url);
          return FALSE;
        }
    }
  else if (type == CMARK_NODE_HTML_INLINE)
    {
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_SYNTAX,
                   "%s:%d: raw HTML is not supported", chapter->file, line);
      return FALSE;
    }
  (void) doc;
  return TRUE;
}

gboolean
_cp_ts_parse_chapter (CpTypesetDocument *doc,
                      CpTsChapter       *chapter,
                      GError           **error)
{
  cmark_parser *parser = cmark_parser_new (CMARK_OPT_SMART);
  cmark_iter *iter;
  cmark_event_type ev;
  cmark_node *first;
  gboolean ok = TRUE;

  cmark_parser_attach_syntax_extension (parser, doc->table_ext);
  cmark_parser_feed (parser, chapter->text, strlen (chapter->text));
  chapter->root = cmark_parser_finish (parser);
  cmark_parser_free (parser);

  first = cmark_node_first_child (chapter->root);
  if (first == NULL || cmark_node_get_type (first) != CMARK_NODE_HEADING ||
      cmark_node_get_heading_level (first) != 1)
    {
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_SYNTAX,
                   "%s:%d: a chapter starts with its title: '# Title {#id}'",
                   chapter->file, first != NULL ? block_line (first) : 1);
      return FALSE;
    }

  iter = cmark_iter_new (chapter->root);
  while (ok && (ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (ev != CMARK_EVENT_ENTER)
        continue;
      switch (type)
        {
        case CMARK_NODE_HEADING:
          ok = check_heading (doc, chapter, node, node == first, error);
          break;
        case CMARK_NODE_HTML_BLOCK:
          g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_SYNTAX,
                       "%s:%d: raw HTML is not supported", chapter->file, block_line (node));
          ok = FALSE;
          break;
        case CMARK_NODE_IMAGE:
        case CMARK_NODE_LINK:
        case CMARK_NODE_HTML_INLINE:
          ok = check_inline (doc, chapter, node, error);
          break;
        default:
          break;
        }
    }
  cmark_iter_free (iter);
  return ok;
}

static gboolean
check_links (CpTypesetDocument *doc,
             CpTsChapter       *chapter,
             GError           **error)
{
  cmark_iter *iter = cmark_iter_new (chapter->root);
  cmark_event_type ev;
  gboolean ok = TRUE;

  while (ok && (ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      const char *url;

      if (ev != CMARK_EVENT_ENTER || cmark_node_get_type (node) != CMARK_NODE_LINK)
        continue;
      url = cmark_node_get_url (node);
      if (url[0] == '#' && !g_hash_table_contains (doc->ids, url + 1))
        {
          g_autofree char *needle = g_strdup_printf ("(%s)", url);
          int line = _cp_ts_find_line (chapter->text, block_line (node), needle);

          g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_MISSING_ID,
                       "%s:%d: link to '%s', but no heading has the id '%s'",
                       chapter->file, line, url, url + 1);
          ok = FALSE;
        }
    }
  cmark_iter_free (iter);
  return ok;
}

/* After all chapters: slug ids, numbers, links and markers. */
gboolean
_cp_ts_resolve (CpTypesetDocument *doc,
                GError           **error)
{
  int counters[CP_TS_MAX_HEADING_LEVEL + 1] = { 0 };
  guint i;

  for (i = 0; i < doc->headings->len; i++)
    {
      CpTsHeading *h = g_ptr_array_index (doc->headings, i);
      int l;

      if (h->id == NULL)
        {
          g_autofree char *base = cp_file_slug (h->title, "section");
          char *id = g_strdup (base);
          int n = 2;

          while (g_hash_table_contains (doc->ids, id))
            {
              g_free (id);
              id = g_strdup_printf ("%s-%d", base, n++);
            }
          h->id = id;
          g_hash_table_insert (doc->ids, h->id, h);
          if (h->level == 1)
            {
              CpTsChapter *c = g_ptr_array_index (doc->chapters, h->chapter);
              c->id = h->id;
            }
        }
      counters[h->level]++;
      for (l = h->level + 1; l <= CP_TS_MAX_HEADING_LEVEL; l++)
        counters[l] = 0;
      if (doc->options.number_headings)
        {
          GString *num = g_string_new (NULL);

          for (l = 1; l <= h->level; l++)
            g_string_append_printf (num, l > 1 ? ".%d" : "%d", counters[l]);
          g_free (h->number);
          h->number = g_string_free (num, FALSE);
        }
    }

  for (i = 0; i < doc->chapters->len; i++)
    {
      if (!check_links (doc, g_ptr_array_index (doc->chapters, i), error))
        return FALSE;
    }

  for (i = 0; i < doc->markers->len; i++)
    {
      CpTsMarker *m = g_ptr_array_index (doc->markers, i);
      CpTsHeading *h = g_hash_table_lookup (doc->ids, m->name);

      if (h != NULL && !(h->level == 1 && h->chapter == m->chapter))
        {
          g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_DUPLICATE_ID,
                       "%s:%d: the id '%s' is reserved for the start of the worksheets",
                       h->file, h->line, m->name);
          return FALSE;
        }
    }
  return TRUE;
}
