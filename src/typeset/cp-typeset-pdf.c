/* cp-typeset-pdf.c: what cairo 1.16 cannot write: /Lang, figure /Alt text, viewer preferences
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-typeset"

#include <stdio.h>
#include <string.h>

#include "cp-typeset-private.h"

/* cairo 1.16 writes an uncompressed classic cross-reference table with 20-byte entries
 * and dictionaries in a fixed layout. We insert entries into two kinds of dictionary and
 * then shift every offset in the table: the output stays byte-reproducible. */

#define CATALOG "<< /Type /Catalog\n"
#define FIGURE "<< /Type /StructElem\n   /S /Figure\n"

typedef struct
{
  gsize  pos;
  char  *text;
} Insertion;

static void
insertion_clear (gpointer data)
{
  Insertion *in = data;

  g_free (in->text);
}

static char *
utf16_hex (const char *utf8)
{
  g_autofree gunichar2 *u = g_utf8_to_utf16 (utf8, -1, NULL, NULL, NULL);
  GString *out = g_string_new ("<FEFF");
  gsize i;

  for (i = 0; u != NULL && u[i] != 0; i++)
    g_string_append_printf (out, "%04X", (guint) u[i]);
  g_string_append_c (out, '>');
  return g_string_free (out, FALSE);
}

static const char *
find_from (const char *data,
           gsize       len,
           gsize       from,
           const char *needle)
{
  gsize n = strlen (needle);
  gsize i;

  for (i = from; i + n <= len; i++)
    {
      if (data[i] == needle[0] && memcmp (data + i, needle, n) == 0)
        return data + i;
    }
  return NULL;
}

static gboolean
fail (const char  *path,
      const char  *what,
      GError     **error)
{
  g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_OUTPUT,
               "%s: unexpected PDF from cairo (%s)", path, what);
  return FALSE;
}

gboolean
_cp_ts_postprocess (const char  *path,
                    const char  *language,
                    GPtrArray   *figure_alts,
                    GError     **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(GArray) ins = g_array_new (FALSE, TRUE, sizeof (Insertion));
  g_autoptr(GString) out = NULL;
  const char *p;
  const char *xref;
  const char *trailer;
  gsize from = 0;
  gsize copied = 0;
  gsize xref_pos;
  guint fig = 0;
  guint i;
  int first = 0;
  int count = 0;
  int k;

  g_array_set_clear_func (ins, insertion_clear);
  if (!g_file_get_contents (path, &data, &len, error))
    return FALSE;

  /* figures, in document order */
  while ((p = find_from (data, len, from, FIGURE)) != NULL)
    {
      Insertion in;
      const char *alt = fig < figure_alts->len ? g_ptr_array_index (figure_alts, fig) : NULL;
      g_autofree char *hex = utf16_hex (alt != NULL ? alt : "Figure");

      in.pos = (gsize) (p - data) + strlen (FIGURE);
      in.text = g_strdup_printf ("   /Alt %s\n", hex);
      g_array_append_val (ins, in);
      from = in.pos;
      fig++;
    }
  if (fig != figure_alts->len)
    return fail (path, "figure count", error);

  p = find_from (data, len, 0, CATALOG);
  if (p == NULL)
    return fail (path, "no catalog", error);
  {
    Insertion in;
    GString *lang = g_string_new (NULL);
    const char *c;

    for (c = language != NULL ? language : "en"; *c != '\0'; c++)
      {
        if (g_ascii_isalnum (*c) || *c == '-')
          g_string_append_c (lang, *c);
      }
    in.pos = (gsize) (p - data) + strlen (CATALOG);
    in.text = g_strdup_printf ("   /Lang (%s)\n   /ViewerPreferences << /DisplayDocTitle true >>\n",
                               lang->str);
    g_string_free (lang, TRUE);
    g_array_append_val (ins, in);
  }

  /* the last cross-reference table */
  xref = NULL;
  for (from = 0; (p = find_from (data, len, from, "\nxref\n")) != NULL; from = (gsize) (p - data) + 1)
    xref = p + 1;
  if (xref == NULL || sscanf (xref, "xref\n%d %d\n", &first, &count) != 2 || first != 0)
    return fail (path, "cross-reference table", error);
  xref_pos = (gsize) (xref - data);
  p = strchr (xref + 5, '\n') + 1;               /* first entry */
  trailer = p + (gsize) count * 20;
  if ((gsize) (trailer - data) > len || !g_str_has_prefix (trailer, "trailer"))
    return fail (path, "cross-reference entries", error);

  /* insertions are in ascending order except the catalog, which cairo writes last */
  for (i = 1; i < ins->len; i++)
    {
      if (g_array_index (ins, Insertion, i).pos < g_array_index (ins, Insertion, i - 1).pos)
        return fail (path, "object order", error);
    }

  out = g_string_sized_new (len + 4096);
  for (i = 0; i < ins->len; i++)
    {
      Insertion *in = &g_array_index (ins, Insertion, i);

      g_string_append_len (out, data + copied, (gssize) (in->pos - copied));
      g_string_append (out, in->text);
      copied = in->pos;
    }
  g_string_append_len (out, data + copied, (gssize) (xref_pos - copied));
  g_string_append_printf (out, "xref\n0 %d\n", count);
  for (k = 0; k < count; k++)
    {
      const char *e = p + (gsize) k * 20;
      long offset = strtol (e, NULL, 10);
      gsize shift = 0;

      if (e[17] == 'n')
        {
          for (i = 0; i < ins->len; i++)
            {
              Insertion *in = &g_array_index (ins, Insertion, i);

              if (in->pos <= (gsize) offset)
                shift += strlen (in->text);
            }
          g_string_append_printf (out, "%010ld", offset + (long) shift);
          g_string_append_len (out, e + 10, 10);
        }
      else
        g_string_append_len (out, e, 20);
    }
  {
    const char *sx = strstr (trailer, "startxref\n");
    gsize total = 0;

    if (sx == NULL)
      return fail (path, "startxref", error);
    for (i = 0; i < ins->len; i++)
      total += strlen (g_array_index (ins, Insertion, i).text);
    g_string_append_len (out, trailer, sx - trailer);
    g_string_append_printf (out, "startxref\n%lu\n%%%%EOF\n", (unsigned long) (xref_pos + total));
  }
  /* owner only, like the temporary file it replaces: exports may hold personal data */
  return g_file_set_contents_full (path, out->str, (gssize) out->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
