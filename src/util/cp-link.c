/* cp-link.c: which links from a document may leave the app
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-link"

#include "config.h"

#include <string.h>

#include "cp-link.h"

/* Blanks and controls that may stand around a link (as browsers drop them). */
static gboolean
is_blank (char c)
{
  return (guchar) c <= 0x20 || c == 0x7f;
}

/* TRUE when @text holds only printable ASCII and no backslash: the forms where
 * browsers and GLib could read the host differently ("http:/\evil", tabs inside a
 * scheme, bidi controls) never get this far. */
static gboolean
is_plain_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (is_blank (*p) || (guchar) *p >= 0x80 || *p == '\\')
      return FALSE;
  return TRUE;
}

/* What to show for the host of a web link; NULL when it is not a plain host name or
 * IP address. */
static char *
dup_shown_host (GUri *uri)
{
  const char *host = g_uri_get_host (uri);
  int port = g_uri_get_port (uri);
  gboolean ipv6;
  g_autofree char *lower = NULL;

  if (host == NULL || *host == '\0')
    return NULL;

  ipv6 = strchr (host, ':') != NULL;
  for (const char *p = host; *p != '\0'; p++)
    {
      gboolean ok = ipv6 ? (g_ascii_isxdigit (*p) || *p == ':' || *p == '.')
                         : (g_ascii_isalnum (*p) || *p == '.' || *p == '-' || *p == '_');

      if (!ok)
        return NULL;
    }

  lower = g_ascii_strdown (host, -1);
  if (ipv6)
    return port >= 0 ? g_strdup_printf ("[%s]:%d", lower, port) : g_strdup_printf ("[%s]", lower);
  return port >= 0 ? g_strdup_printf ("%s:%d", lower, port) : g_steal_pointer (&lower);
}

/* The addresses of a mailto: link, comma-separated; NULL unless each looks like one. */
static char *
dup_shown_addresses (GUri *uri)
{
  g_autofree char *path = g_uri_unescape_string (g_uri_get_path (uri), NULL);
  g_auto(GStrv) addresses = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);

  if (path == NULL || *path == '\0' || !is_plain_ascii (path))
    return NULL;

  addresses = g_strsplit (path, ",", -1);
  for (guint i = 0; addresses[i] != NULL; i++)
    {
      const char *at = strchr (addresses[i], '@');

      if (at == NULL || at == addresses[i] || at[1] == '\0' || strchr (at + 1, '@') != NULL)
        return NULL;
      if (shown->len > 0)
        g_string_append (shown, ", ");
      g_string_append (shown, addresses[i]);
    }
  return g_string_free (g_steal_pointer (&shown), FALSE);
}

CpLinkKind
cp_link_check (const char  *uri,
               char       **out_uri,
               char       **out_shown)
{
  g_autofree char *trimmed = NULL;
  const char *scheme = NULL;
  g_autoptr(GUri) parsed = NULL;
  g_autofree char *shown = NULL;
  CpLinkKind kind;
  gsize start, end;

  if (out_uri != NULL)
    *out_uri = NULL;
  if (out_shown != NULL)
    *out_shown = NULL;
  if (uri == NULL)
    return CP_LINK_REFUSED;

  for (start = 0; uri[start] != '\0' && is_blank (uri[start]); start++)
    ;
  for (end = strlen (uri); end > start && is_blank (uri[end - 1]); end--)
    ;
  trimmed = g_strndup (uri + start, end - start);
  if (!is_plain_ascii (trimmed) || (scheme = g_uri_peek_scheme (trimmed)) == NULL)
    return CP_LINK_REFUSED;

  if (g_str_equal (scheme, "http") || g_str_equal (scheme, "https"))
    {
      /* Exactly scheme://host: "http:evil" and "http:/evil" have no host to show. */
      if (!g_str_has_prefix (trimmed + strlen (scheme), "://"))
        return CP_LINK_REFUSED;
      kind = CP_LINK_WEB;
    }
  else if (g_str_equal (scheme, "mailto"))
    kind = CP_LINK_MAIL;
  else
    return CP_LINK_REFUSED;

  if ((parsed = g_uri_parse (trimmed, G_URI_FLAGS_NONE, NULL)) == NULL)
    return CP_LINK_REFUSED;

  shown = kind == CP_LINK_WEB ? dup_shown_host (parsed) : dup_shown_addresses (parsed);
  if (shown == NULL)
    return CP_LINK_REFUSED;

  if (out_uri != NULL)
    *out_uri = g_uri_to_string (parsed);
  if (out_shown != NULL)
    *out_shown = g_steal_pointer (&shown);
  return kind;
}
