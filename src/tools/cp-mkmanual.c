/* cp-mkmanual.c: build a manual's PDF from its CommonMark sources (run by meson)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   cp-mkmanual --manual DIR --practice FILE [--large-print] --output OUT.pdf
 *               [--depfile FILE] [--font-dir DIR]
 *
 * DIR/manual.ini (group [manual]) names the chapters in order and the metadata (and, as
 * crisis=, the crisis numbers file a chapter's {{crisis-numbers}} line takes). Errors
 * are printed as "FILE:LINE: message"; the exit status is then 1 and no PDF is written.
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-mkmanual"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "typeset/cp-typeset.h"
#include "typeset/cp-typeset-crisis.h"

#define LARGE_PRINT_SIZE 16.0
#define NORMAL_SIZE 10.5

static char *
read_source (const char  *path,
             gsize       *len,
             GError     **error)
{
  char *data = NULL;

  if (!g_file_get_contents (path, &data, len, error))
    return NULL;
  return data;
}

static int
key_line (const char *ini_text,
          const char *key)
{
  g_auto(GStrv) lines = g_strsplit (ini_text, "\n", -1);
  gsize klen = strlen (key);
  int i;

  for (i = 0; lines[i] != NULL; i++)
    {
      const char *l = lines[i];

      while (*l == ' ' || *l == '\t')
        l++;
      if (strncmp (l, key, klen) == 0 && (l[klen] == '=' || l[klen] == ' '))
        return i + 1;
    }
  return 1;
}

static char *
required (GKeyFile    *ini,
          const char  *ini_path,
          const char  *key,
          GError     **error)
{
  char *value = g_key_file_get_string (ini, "manual", key, NULL);

  if (value == NULL || *g_strstrip (value) == '\0')
    {
      g_free (value);
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_SYNTAX,
                   "%s:1: [manual] needs the key '%s'", ini_path, key);
      return NULL;
    }
  return value;
}

/* A make-style depfile, so that meson rebuilds when any source changes. */
static void
depfile_add (GString    *dep,
             const char *path)
{
  const char *p;

  g_string_append_c (dep, ' ');
  for (p = path; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '#' || *p == '$')
        g_string_append_c (dep, *p == '$' ? '$' : '\\');
      g_string_append_c (dep, *p);
    }
}

static gboolean
build (const char  *dir,
       const char  *practice_path,
       const char  *font_dir,
       gboolean     large_print,
       const char  *output,
       GString     *dep,
       GError     **error)
{
  g_autofree char *ini_path = g_build_filename (dir, "manual.ini", NULL);
  g_autofree char *ini_text = NULL;
  g_autoptr(GKeyFile) ini = g_key_file_new ();
  g_autoptr(GKeyFile) practice = NULL;
  g_autoptr(CpTypesetDocument) doc = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *author = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *keywords = NULL;
  g_autofree char *language = NULL;
  g_autofree char *licence = NULL;
  g_autofree char *chapters = NULL;
  g_autofree char *worksheets = NULL;
  g_autofree char *crisis = NULL;
  g_autofree char *crisis_md = NULL;
  g_autofree char *full_title = NULL;
  g_auto(GStrv) files = NULL;
  CpTypesetOptions options;
  CpTypesetMetadata meta = { 0 };
  GError *local = NULL;
  gsize len = 0;
  int n = 0;
  int i;

  depfile_add (dep, ini_path);
  ini_text = read_source (ini_path, &len, error);
  if (ini_text == NULL)
    return FALSE;
  if (!g_utf8_validate (ini_text, len, NULL))
    {
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_INVALID_UTF8,
                   "%s:1: invalid UTF-8; save the file as UTF-8", ini_path);
      return FALSE;
    }
  if (!g_key_file_load_from_data (ini, ini_text, len, G_KEY_FILE_NONE, &local))
    {
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_SYNTAX, "%s:1: %s", ini_path,
                   local->message);
      g_error_free (local);
      return FALSE;
    }
  if ((title = required (ini, ini_path, "title", error)) == NULL ||
      (author = required (ini, ini_path, "author", error)) == NULL ||
      (language = required (ini, ini_path, "language", error)) == NULL ||
      (chapters = required (ini, ini_path, "chapters", error)) == NULL)
    return FALSE;
  subtitle = g_key_file_get_string (ini, "manual", "subtitle", NULL);
  subject = g_key_file_get_string (ini, "manual", "subject", NULL);
  keywords = g_key_file_get_string (ini, "manual", "keywords", NULL);
  licence = g_key_file_get_string (ini, "manual", "licence", NULL);
  worksheets = g_key_file_get_string (ini, "manual", "worksheets", NULL);
  crisis = g_key_file_get_string (ini, "manual", "crisis", NULL);

  cp_typeset_options_init_a4 (&options, large_print ? LARGE_PRINT_SIZE : NORMAL_SIZE);
  options.font_dir = font_dir;
  full_title = large_print ? g_strdup_printf ("%s (large print)", title) : g_strdup (title);
  meta.title = full_title;
  meta.subtitle = subtitle;
  meta.author = author;
  meta.subject = subject;
  meta.keywords = keywords;
  meta.language = language;
  meta.licence = licence;
  doc = cp_typeset_document_new (&options, &meta);

  if (practice_path != NULL)
    {
      g_autofree char *ptext = NULL;

      depfile_add (dep, practice_path);
      ptext = read_source (practice_path, &len, error);

      if (ptext == NULL)
        return FALSE;
      if (!g_utf8_validate (ptext, len, NULL))
        {
          g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_INVALID_UTF8,
                       "%s:1: invalid UTF-8", practice_path);
          return FALSE;
        }
      practice = g_key_file_new ();
      if (!g_key_file_load_from_data (practice, ptext, len, G_KEY_FILE_NONE, &local))
        {
          g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_DATA, "%s:1: %s",
                       practice_path, local->message);
          g_error_free (local);
          return FALSE;
        }
      cp_typeset_document_set_practice_data (doc, practice, practice_path);
    }

  if (crisis != NULL)
    {
      /* the crisis numbers' one source, shared with the person's copy of their plan */
      g_autofree char *crisis_path = g_build_filename (dir, g_strstrip (crisis), NULL);
      g_autofree char *ctext = NULL;
      g_autoptr(GKeyFile) numbers = NULL;

      depfile_add (dep, crisis_path);
      if ((ctext = read_source (crisis_path, &len, error)) == NULL ||
          (numbers = cp_typeset_crisis_load (ctext, len, crisis_path, error)) == NULL ||
          (crisis_md = cp_typeset_crisis_markdown (numbers, crisis_path,
                                                   CP_TYPESET_CRISIS_BOX, error)) == NULL)
        return FALSE;
    }

  files = g_strsplit (chapters, ";", -1);
  for (i = 0; files[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      g_strstrip (files[i]);
      if (*files[i] == '\0')
        continue;
      path = g_build_filename (dir, files[i], NULL);
      depfile_add (dep, path);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_SYNTAX,
                       "%s:%d: chapter '%s' is listed but missing", ini_path,
                       key_line (ini_text, "chapters"), files[i]);
          return FALSE;
        }
      text = read_source (path, &len, error);
      if (text == NULL)
        return FALSE;
      if (strstr (text, CP_TYPESET_CRISIS_PLACEHOLDER) != NULL)
        {
          const char *hit = strstr (text, CP_TYPESET_CRISIS_PLACEHOLDER);
          char *expanded;
          int line = 1;

          for (const char *p = text; p < hit; p++)
            line += *p == '\n';
          if (crisis_md == NULL)
            {
              g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_DATA,
                           "%s:%d: %s needs crisis=FILE in manual.ini", path, line,
                           CP_TYPESET_CRISIS_PLACEHOLDER);
              return FALSE;
            }
          expanded = cp_typeset_crisis_expand (text, crisis_md);
          g_free (text);
          text = expanded;
          len = strlen (text);
        }
      if (!cp_typeset_document_add_chapter (doc, path, text, (gssize) len, error))
        return FALSE;
      if (worksheets != NULL && g_str_equal (g_strstrip (worksheets), files[i]) &&
          !cp_typeset_document_add_marker (doc, "worksheets", (guint) n, error))
        return FALSE;
      n++;
    }
  if (worksheets != NULL && !g_strv_contains ((const char * const *) files, worksheets))
    {
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_SYNTAX,
                   "%s:%d: worksheets chapter '%s' is not in the chapter list", ini_path,
                   key_line (ini_text, "worksheets"), worksheets);
      return FALSE;
    }
  return cp_typeset_document_write_pdf (doc, output, error);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *manual = NULL;
  g_autofree char *practice = NULL;
  g_autofree char *output = NULL;
  g_autofree char *depfile = NULL;
  g_autofree char *font_dir = NULL;
  g_autoptr(GString) dep = g_string_new (NULL);
  gboolean large_print = FALSE;
  GOptionEntry entries[] = {
    { "manual", 0, 0, G_OPTION_ARG_FILENAME, &manual, "Folder with manual.ini and chapters", "DIR" },
    { "practice", 0, 0, G_OPTION_ARG_FILENAME, &practice, "Practice data for the network maps", "FILE" },
    { "large-print", 0, 0, G_OPTION_ARG_NONE, &large_print, "Large-print edition (16 pt)", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The PDF to write", "OUT.pdf" },
    { "depfile", 0, 0, G_OPTION_ARG_FILENAME, &depfile, "Write the sources read as a make depfile", "FILE" },
    { "font-dir", 0, 0, G_OPTION_ARG_FILENAME, &font_dir, "Folder with the DejaVu font files", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- typeset a manual as PDF");
  g_autoptr(GError) error = NULL;

  /* The output must not depend on the caller's locale. */
  setlocale (LC_ALL, "C.UTF-8");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("cp-mkmanual: %s\n", error->message);
      return 2;
    }
  if (manual == NULL || output == NULL)
    {
      g_printerr ("usage: cp-mkmanual --manual DIR --practice FILE [--large-print] --output OUT.pdf\n");
      return 2;
    }
  if (!build (manual, practice, font_dir, large_print, output, dep, &error))
    {
      g_printerr ("%s\n", error->message);
      /* a stale PDF from an earlier run must not pass for this one */
      g_unlink (output);
      return 1;
    }
  if (depfile != NULL)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      depfile_add (text, output);
      g_string_erase (text, 0, 1);
      g_string_append_printf (text, ":%s\n", dep->str);
      if (!g_file_set_contents (depfile, text->str, (gssize) text->len, &error))
        {
          g_printerr ("%s\n", error->message);
          g_unlink (output);
          return 1;
        }
    }
  return 0;
}
