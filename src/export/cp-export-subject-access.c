/* cp-export-subject-access.c: "everything held about this person" as a PDF
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-export"

#include <string.h>

#include <glib/gi18n.h>

#include "cp-export-subject-access.h"
#include "cp-export-markdown.h"
#include "typeset/cp-typeset.h"
#include "util/cp-file.h"
#include "util/cp-locale.h"

/* The report's text (cp-export-subject-text.c) is plain: a title line, "== Section =="
 * headings, "- item" lines and "Label: value" lines. Each becomes the matching
 * CommonMark. */
char *
cp_export_subject_access_markdown (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  guint section = 0;
  gboolean titled = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gsize len = strlen (line);

      if (len == 0)
        continue;
      if (!titled)
        {
          g_string_append (out, "# ");
          cp_export_markdown_escape (out, line);
          g_string_append (out, " {#subject-access}\n\n");
          titled = TRUE;
        }
      else if (g_str_has_prefix (line, "== ") && g_str_has_suffix (line, " ==") && len > 6)
        {
          g_autofree char *title = g_strndup (line + 3, len - 6);

          g_string_append (out, "\n## ");
          cp_export_markdown_escape (out, title);
          g_string_append_printf (out, " {#record-%u}\n\n", ++section);
        }
      else
        {
          const char *item = g_str_has_prefix (line, "- ") ? line + 2 : line;
          const char *colon = strstr (item, ": ");

          g_string_append (out, "- ");
          /* A label is short and holds no marked text ("[REDACT: …]"). */
          if (colon != NULL && colon - item < 64 && memchr (item, '[', colon - item) == NULL)
            {
              g_autofree char *label = g_strndup (item, colon - item);

              g_string_append (out, "**");
              cp_export_markdown_escape (out, label);
              g_string_append (out, ":** ");
              cp_export_markdown_escape (out, colon + 2);
            }
          else
            cp_export_markdown_escape (out, item);
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  const CpTypesetOptions  *options;
  const CpTypesetMetadata *metadata;
  const char              *markdown;
} PdfJob;

static gboolean
write_pdf (const char  *tmp_path,
           gpointer     user_data,
           GError     **error)
{
  PdfJob *job = user_data;
  const char *names[] = { "subject-access.md" };
  const char *texts[] = { job->markdown };

  /* The typesetting library writes through a private (0600) temporary file of its own. */
  return cp_typeset_write_pdf (job->options, job->metadata, names, texts, 1, tmp_path, error);
}

gboolean
cp_export_subject_access_pdf (CpStore     *store,
                              gint64       id,
                              const char  *path,
                              gboolean     replace,
                              GError     **error)
{
  g_autoptr(CpSubjectAccess) access = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *workspace = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *language = cp_locale_language_tag ();
  CpTypesetOptions options;
  CpTypesetMetadata metadata = {
    .title = _("Everything held about this person"),
    .subtitle = NULL,
    .author = DISPLAY_NAME,
    .subject = _("Subject access: every record this workspace holds about one person"),
    .keywords = "subject access",
    .language = language,
    .licence = NULL,
  };
  PdfJob job = { &options, &metadata, NULL };
  gboolean large;

  g_return_val_if_fail (CP_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(access = cp_store_read_subject_access (store, id, error)))
    return FALSE;

  workspace = cp_store_dup_display_name (store);
  text = cp_export_subject_access_write_text (access, workspace, now);
  large = (access->needs & CP_COMMUNICATION_LARGE_PRINT) != 0;

  markdown = cp_export_subject_access_markdown (text);
  job.markdown = markdown;
  cp_typeset_options_init_a4 (&options, large ? 16.0 : 11.0);
  options.title_page = FALSE;
  options.contents = FALSE;
  options.number_headings = FALSE;
  options.chapter_new_page = FALSE;
  options.header_text = metadata.title;

  return cp_file_publish (path, replace, write_pdf, &job, error);
}
