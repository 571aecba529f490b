/* cp-link.h: which links from a document may leave the app
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CP_LINK_REFUSED,  /* anything else: file:, smb:, javascript:, data:, custom schemes … */
  CP_LINK_WEB,      /* http:// or https:// with a host */
  CP_LINK_MAIL,     /* mailto: with one or more addresses */
} CpLinkKind;

/* Decides whether @uri, a link found in a document (so written by anyone), may be handed
 * to the system. Only web pages (http, https) and email addresses (mailto) may; the rest
 * is refused, and so is anything ambiguous: no host, a backslash, a space or control
 * character inside, a byte outside ASCII (PDF links are ASCII; a host in another script
 * comes as xn--…), a "http:/x" with one slash. Leading and trailing blanks are dropped
 * and the scheme is matched in any case ("HTTP:").
 *
 * For WEB and MAIL, @out_uri (may be NULL) gets the link to hand over, as parsed (scheme
 * in lower case), and @out_shown (may be NULL) what the user must see before it opens:
 * the host that will be contacted (with its port when one is given; never the user
 * part of "https://good.example@evil.example", which shows as "evil.example"), or the
 * email addresses, comma-separated. Both stay NULL when it is refused. No GTK. */
CpLinkKind cp_link_check (const char  *uri,
                          char       **out_uri,
                          char       **out_shown);

G_END_DECLS
