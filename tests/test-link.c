/* test-link.c: which links from a PDF may leave the app, and what the user is shown
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-link"

#include "util/cp-link.h"

typedef struct
{
  const char *uri;
  CpLinkKind  kind;
  const char *shown;    /* for WEB and MAIL */
  const char *handed;   /* what goes to the system; NULL: not checked */
} Case;

static void
check_cases (const Case *cases,
             guint       n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *handed = NULL;
      g_autofree char *shown = NULL;
      CpLinkKind kind = cp_link_check (cases[i].uri, &handed, &shown);

      g_test_message ("%s", cases[i].uri);
      g_assert_cmpint (kind, ==, cases[i].kind);
      if (kind == CP_LINK_REFUSED)
        {
          /* Nothing to hand over, nothing to show. */
          g_assert_null (handed);
          g_assert_null (shown);
          continue;
        }
      g_assert_cmpstr (shown, ==, cases[i].shown);
      if (cases[i].handed != NULL)
        g_assert_cmpstr (handed, ==, cases[i].handed);
    }
}

static void
test_web_and_mail (void)
{
  const Case cases[] = {
    { "https://example.org/guide", CP_LINK_WEB, "example.org", "https://example.org/guide" },
    { "http://example.org", CP_LINK_WEB, "example.org", "http://example.org" },
    { "HTTP://Example.ORG/Path", CP_LINK_WEB, "example.org", "http://Example.ORG/Path" },
    { "  https://example.org/a?b=c#d \n", CP_LINK_WEB, "example.org",
      "https://example.org/a?b=c#d" },
    { "https://example.org:8443/x", CP_LINK_WEB, "example.org:8443", NULL },
    { "https://[2001:db8::1]/x", CP_LINK_WEB, "[2001:db8::1]", NULL },
    { "https://xn--bcher-kva.example/", CP_LINK_WEB, "xn--bcher-kva.example", NULL },
    /* The user part is not where the link goes: the real host is shown. */
    { "https://good.example@evil.example/login", CP_LINK_WEB, "evil.example", NULL },
    { "https://good.example:pw@evil.example", CP_LINK_WEB, "evil.example", NULL },
    /* A percent-encoded host is shown as the browser would reach it. */
    { "http://%65vil.example/", CP_LINK_WEB, "evil.example", NULL },
    { "mailto:team@example.org", CP_LINK_MAIL, "team@example.org", "mailto:team@example.org" },
    { "MailTo:team@example.org?subject=Hello", CP_LINK_MAIL, "team@example.org", NULL },
    { "mailto:a@example.org,b@example.net", CP_LINK_MAIL, "a@example.org, b@example.net",
      NULL },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_refused (void)
{
  const Case cases[] = {
    { "file:///etc/passwd", CP_LINK_REFUSED },
    { "FILE:///home/user/.ssh/id_rsa", CP_LINK_REFUSED },
    { "smb://server/share/run.exe", CP_LINK_REFUSED },
    { "javascript:alert(1)", CP_LINK_REFUSED },
    { "  JavaScript:alert(1)", CP_LINK_REFUSED },
    { "java\tscript:alert(1)", CP_LINK_REFUSED },
    { "data:text/html,<script>alert(1)</script>", CP_LINK_REFUSED },
    { "vscode://file/etc/passwd", CP_LINK_REFUSED },
    { "ms-settings:privacy", CP_LINK_REFUSED },
    { "ftp://example.org/file", CP_LINK_REFUSED },
    { "sftp://example.org/", CP_LINK_REFUSED },
    { "help:gnome-help", CP_LINK_REFUSED },
    /* Forms where the host is missing or could be read two ways. */
    { "http:/\\evil.example", CP_LINK_REFUSED },
    { "http:\\\\evil.example", CP_LINK_REFUSED },
    { "https:\\/evil.example", CP_LINK_REFUSED },
    { "http:/evil.example", CP_LINK_REFUSED },
    { "http:evil.example", CP_LINK_REFUSED },
    { "http:///evil.example", CP_LINK_REFUSED },
    { "https://", CP_LINK_REFUSED },
    { "https://exa mple.org/", CP_LINK_REFUSED },
    { "https://example.org/a\x01" "b", CP_LINK_REFUSED },
    { "https://example.org\r\n.evil.example/", CP_LINK_REFUSED },
    { "https://exam\xe2\x80\xaeple.org/", CP_LINK_REFUSED },
    { "https://b\xc3\xbc" "cher.example/", CP_LINK_REFUSED },
    { "http://evil.example%2f@good.example", CP_LINK_WEB },
    { "mailto:", CP_LINK_REFUSED },
    { "mailto:?to=a@example.org", CP_LINK_REFUSED },
    { "mailto:not-an-address", CP_LINK_REFUSED },
    { "guide.html", CP_LINK_REFUSED },
    { "/etc/passwd", CP_LINK_REFUSED },
    { "", CP_LINK_REFUSED },
    { "   ", CP_LINK_REFUSED },
  };

  /* The one above that is allowed goes where its host says, and shows that. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = NULL;
      CpLinkKind kind = cp_link_check (cases[i].uri, NULL, &shown);

      g_test_message ("%s", cases[i].uri);
      g_assert_cmpint (kind, ==, cases[i].kind);
      if (kind == CP_LINK_WEB)
        g_assert_cmpstr (shown, ==, "good.example");
      else
        g_assert_null (shown);
    }
  g_assert_cmpint (cp_link_check (NULL, NULL, NULL), ==, CP_LINK_REFUSED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cp/util/link/web-and-mail", test_web_and_mail);
  g_test_add_func ("/cp/util/link/refused", test_refused);

  return g_test_run ();
}
