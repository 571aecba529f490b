/* test-manuals-app.c: "In the app" says what the app has. Every bold term in an "In the app"
 * box is a name the app shows (a tab, menu item, button, field or choice, read from the
 * .ui files and the translatable strings in src/ as the test runs); the person's tabs and
 * Person Menu items are named there; the guide names the with-person view's tabs; the
 * worksheets use the map's own ring and sector words and the review's own level words.
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-manuals-app"

#include <poppler.h>
#include <string.h>

#include "goals/cp-goal-words.h"
#include "netmap/cp-netmap-model.h"
#include "test-manuals-util.h"

#define TRAINING 0
#define GUIDE 1
#define GUIDE_LARGE 2

/* ---- the names the app shows ---- */

/* A name as a reader compares it: no mnemonic underscores, a straight apostrophe, no
 * trailing "…", no surrounding space. */
static char *
normalise (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            g_string_append_c (out, *++p);
          continue;
        }
      if (g_str_has_prefix (p, "\xe2\x80\x99"))
        {
          g_string_append_c (out, '\'');
          p += 2;
          continue;
        }
      g_string_append_c (out, *p);
    }
  g_strstrip (out->str);
  out->len = strlen (out->str);
  if (g_str_has_suffix (out->str, "\xe2\x80\xa6"))
    g_string_truncate (out, out->len - 3);
  else if (g_str_has_suffix (out->str, "..."))
    g_string_truncate (out, out->len - 3);
  return g_string_free (out, FALSE);
}

static char *
read_source (const char *relative)
{
  g_autofree char *path = g_build_filename (g_getenv ("CPKIT_SOURCE_DIR"), relative, NULL);
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    g_error ("cannot read %s", path);
  return text;
}

/* The C string literal at @p, and any literals right after it ("a" "b"), escapes resolved;
 * NULL when @p is not at a literal. */
static char *
c_literal (const char *p)
{
  GString *out = g_string_new (NULL);
  gboolean any = FALSE;

  for (;;)
    {
      while (g_ascii_isspace (*p))
        p++;
      if (*p != '"')
        break;
      any = TRUE;
      for (p++; *p != '\0' && *p != '"'; p++)
        {
          if (*p != '\\')
            {
              g_string_append_c (out, *p);
              continue;
            }
          p++;
          if (*p == 'x')
            {
              int value = 0;

              while (g_ascii_isxdigit (p[1]))
                value = value * 16 + g_ascii_xdigit_value (*++p);
              g_string_append_c (out, (char) value);
            }
          else if (*p == 'n')
            g_string_append_c (out, '\n');
          else if (*p != '\0')
            g_string_append_c (out, *p);
        }
      if (*p == '"')
        p++;
    }
  if (!any)
    return g_string_free (out, TRUE);
  return g_string_free (out, FALSE);
}

/* The translatable strings of one C file: _("…"), N_("…"), C_/NC_("context", "…"). */
static void
add_c_strings (GHashTable *names,
               const char *text)
{
  g_autoptr(GRegex) mark = g_regex_new ("(?<![A-Za-z0-9_])(N?C_\\s*\\(\\s*\"[^\"]*\"\\s*,|N_\\s*\\(|_\\s*\\()",
                                        0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (mark, text, 0, &match);
  while (g_match_info_matches (match))
    {
      int end;
      g_autofree char *literal = NULL;

      g_match_info_fetch_pos (match, 0, NULL, &end);
      literal = c_literal (text + end);
      if (literal != NULL)
        g_hash_table_add (names, normalise (literal));
      g_match_info_next (match, NULL);
    }
}

/* The translatable strings of one .ui file, XML entities resolved. */
static void
add_ui_strings (GHashTable *names,
                const char *text)
{
  g_autoptr(GRegex) string = g_regex_new ("translatable=\"yes\"[^>]*>([^<]*)<", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (string, text, 0, &match);
  while (g_match_info_matches (match))
    {
      static const char *const entities[][2] = {
        { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
        { "&apos;", "'" },
      };
      g_autofree char *plain = g_match_info_fetch (match, 1);
      gsize i;

      for (i = 0; i < G_N_ELEMENTS (entities); i++)
        {
          g_auto(GStrv) parts = g_strsplit (plain, entities[i][0], -1);

          g_free (plain);
          plain = g_strjoinv (entities[i][1], parts);
        }
      g_hash_table_add (names, normalise (plain));
      g_match_info_next (match, NULL);
    }
}

static void
add_dir_strings (GHashTable *names,
                 const char *relative,
                 const char *suffix)
{
  g_autofree char *path = g_build_filename (g_getenv ("CPKIT_SOURCE_DIR"), relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (relative, name, NULL);
      g_autofree char *full = g_build_filename (path, name, NULL);
      g_autofree char *text = NULL;

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        {
          add_dir_strings (names, child, suffix);
          continue;
        }
      if (!g_str_has_suffix (name, suffix))
        continue;
      text = read_source (child);
      if (g_str_equal (suffix, ".ui"))
        add_ui_strings (names, text);
      else
        add_c_strings (names, text);
    }
}

/* Every name the app shows, normalised: the set is made once. */
static GHashTable *
app_names (void)
{
  static GHashTable *names;

  if (names == NULL)
    {
      names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      add_dir_strings (names, "resources/ui", ".ui");
      add_dir_strings (names, "src", ".c");
    }
  return names;
}

/* The labels of the items of <menu id="@menu"> in a .ui file, in order. */
static GPtrArray *
menu_labels (const char *ui,
             const char *menu)
{
  g_autofree char *text = read_source (ui);
  g_autofree char *open = g_strdup_printf ("<menu id=\"%s\">", menu);
  const char *start = strstr (text, open);
  const char *end = start != NULL ? strstr (start, "</menu>") : NULL;
  g_autofree char *part = NULL;
  g_autoptr(GRegex) label = g_regex_new ("<attribute name=\"label\" translatable=\"yes\">"
                                         "([^<]*)<", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (end);
  part = g_strndup (start, end - start);
  g_regex_match (label, part, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *raw = g_match_info_fetch (match, 1);

      g_ptr_array_add (labels, normalise (raw));
      g_match_info_next (match, NULL);
    }
  return labels;
}

/* The titles the person page gives its tabs (adw_view_stack_add_titled (…, _("Overview"))),
 * in order. */
static GPtrArray *
person_tabs (void)
{
  g_autofree char *text = read_source ("src/people/cp-people-page.c");
  g_autoptr(GRegex) tab = g_regex_new ("adw_view_stack_add_titled \\([^;]*?\"[a-z]+\", _\\(\"([^\"]+)\"\\)",
                                       G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *tabs = g_ptr_array_new_with_free_func (g_free);

  g_regex_match (tab, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_ptr_array_add (tabs, g_match_info_fetch (match, 1));
      g_match_info_next (match, NULL);
    }
  return tabs;
}

/* The with-person view's tabs: the titles of its AdwViewStackPages. */
static GPtrArray *
with_person_tabs (void)
{
  g_autofree char *text = read_source ("resources/ui/cp-with-person-view.ui");
  g_autoptr(GRegex) tab = g_regex_new ("class=\"AdwViewStackPage\".*?<property name=\"title\" "
                                       "translatable=\"yes\">([^<]*)<", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *tabs = g_ptr_array_new_with_free_func (g_free);

  g_regex_match (tab, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *raw = g_match_info_fetch (match, 1);

      g_ptr_array_add (tabs, normalise (raw));
      g_match_info_next (match, NULL);
    }
  return tabs;
}

/* ---- the "In the app" boxes ---- */

typedef struct
{
  char *file;
  char *text;               /* the box without its "> " marks */
} Box;

static void
box_clear (gpointer data)
{
  Box *b = data;

  g_free (b->file);
  g_free (b->text);
}

/* Every block quote whose first line is a bold "In the app…" title, in both manuals. */
static GArray *
load_boxes (void)
{
  static const gsize dirs[] = { TRAINING, GUIDE };
  GArray *boxes = g_array_new (FALSE, TRUE, sizeof (Box));
  gsize d;

  g_array_set_clear_func (boxes, box_clear);
  for (d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autoptr(GKeyFile) ini = load_ini (&manuals[dirs[d]]);
      g_autofree char *dir = source_dir (&manuals[dirs[d]]);
      g_auto(GStrv) files = g_key_file_get_string_list (ini, "manual", "chapters", NULL, NULL);
      int f;

      for (f = 0; files[f] != NULL; f++)
        {
          g_autofree char *path = g_build_filename (dir, files[f], NULL);
          g_autofree char *text = NULL;
          g_auto(GStrv) lines = NULL;
          int l;

          g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
          lines = g_strsplit (text, "\n", -1);
          for (l = 0; lines[l] != NULL; l++)
            {
              GString *box;
              Box b;

              if (!g_str_has_prefix (lines[l], "> **In the app"))
                continue;
              box = g_string_new (NULL);
              for (; lines[l] != NULL && lines[l][0] == '>'; l++)
                {
                  g_string_append (box, lines[l] + (lines[l][1] == ' ' ? 2 : 1));
                  g_string_append_c (box, '\n');
                }
              b.file = g_strdup (files[f]);
              b.text = g_string_free (box, FALSE);
              g_array_append_val (boxes, b);
              if (lines[l] == NULL)
                break;
            }
        }
    }
  return boxes;
}

/* The bold terms of a box after its title, normalised. */
static GPtrArray *
bold_terms (const char *box)
{
  g_autoptr(GRegex) bold = g_regex_new ("\\*\\*(.+?)\\*\\*", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  gboolean title = TRUE;

  g_regex_match (bold, box, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *raw = g_match_info_fetch (match, 1);

      if (!title)
        {
          g_strdelimit (raw, "\n", ' ');
          g_ptr_array_add (terms, normalise (raw));
        }
      title = FALSE;
      g_match_info_next (match, NULL);
    }
  return terms;
}

/* In a box, bold is kept for the app's own names: a tab, a menu item, a button, a field
 * or a choice, spelt as the app spells it. */
static void
test_bold_terms_are_the_apps (void)
{
  g_autoptr(GArray) boxes = load_boxes ();
  GHashTable *names = app_names ();
  guint checked = 0;
  guint i;

  g_test_message ("%u names in the app, %u \"In the app\" boxes", g_hash_table_size (names),
                  boxes->len);
  g_assert_cmpuint (g_hash_table_size (names), >, 500);
  g_assert_cmpuint (boxes->len, >=, 8);
  for (i = 0; i < boxes->len; i++)
    {
      const Box *b = &g_array_index (boxes, Box, i);
      g_autoptr(GPtrArray) terms = bold_terms (b->text);
      guint t;

      if (terms->len == 0)
        g_error ("%s: an \"In the app\" box names nothing in the app in bold", b->file);
      for (t = 0; t < terms->len; t++)
        {
          const char *term = g_ptr_array_index (terms, t);

          if (!g_hash_table_contains (names, term))
            g_error ("%s: \"In the app\" names **%s**, which the app does not show (bold is "
                     "for the app's own names, spelt as the app spells them)", b->file, term);
          checked++;
        }
    }
  g_test_message ("%u bold names checked", checked);
  g_assert_cmpuint (checked, >=, 100);
}

/* The boxes, together, walk through the person's tabs and the Person Menu (Delete Person
 * aside: the manuals speak of erasing, not deleting). */
static void
test_boxes_name_the_screens (void)
{
  g_autoptr(GArray) boxes = load_boxes ();
  g_autoptr(GHashTable) named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) tabs = person_tabs ();
  g_autoptr(GPtrArray) menu = menu_labels ("resources/ui/cp-people-page.ui", "person_menu");
  guint i;

  for (i = 0; i < boxes->len; i++)
    {
      g_autoptr(GPtrArray) terms = bold_terms (g_array_index (boxes, Box, i).text);
      guint t;

      for (t = 0; t < terms->len; t++)
        g_hash_table_add (named, g_strdup (g_ptr_array_index (terms, t)));
    }
  g_assert_cmpuint (tabs->len, ==, 5);
  for (i = 0; i < tabs->len; i++)
    {
      if (!g_hash_table_contains (named, g_ptr_array_index (tabs, i)))
        g_error ("no \"In the app\" box names the %s tab", (char *) g_ptr_array_index (tabs, i));
    }
  g_assert_cmpuint (menu->len, >=, 5);
  for (i = 0; i < menu->len; i++)
    {
      const char *item = g_ptr_array_index (menu, i);

      if (g_str_equal (item, "Delete Person"))
        continue;
      if (!g_hash_table_contains (named, item))
        g_error ("no \"In the app\" box names the Person Menu's \"%s\"", item);
    }
  g_assert_true (g_hash_table_contains (named, "Person Menu"));
}

/* ---- the guide ---- */

/* The text of the page holding @dest and of the page after it (a section may run on), its
 * lines joined by single spaces and typographic apostrophes made straight, as a reader
 * sees the words. */
static char *
dest_page_words (PopplerDocument *doc,
                 const char      *dest)
{
  int page_num = cp_test_poppler_dest_page (doc, dest);
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  g_autofree char *joined = NULL;
  int p;

  if (page_num < 1)
    g_error ("no destination '%s'", dest);
  for (p = page_num; p <= MIN (page_num + 1, poppler_document_get_n_pages (doc)); p++)
    {
      PopplerPage *page = poppler_document_get_page (doc, p - 1);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append_printf (text, "%s\n", page_text != NULL ? page_text : "");
      g_object_unref (page);
    }
  words = g_strsplit_set (text->str, " \n\t", -1);
  joined = g_strjoinv (" ", words);
  while (strstr (joined, "  ") != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (joined, "  ", -1);

      g_free (joined);
      joined = g_strjoinv (" ", parts);
    }
  return normalise (joined);
}

static void
assert_on_page (const char *words,
                const char *pdf,
                const char *dest,
                const char *name)
{
  g_autofree char *plain = normalise (name);

  if (strstr (words, plain) == NULL)
    g_error ("%s, page of '%s': \"%s\" (the app's word) is not there", pdf, dest, plain);
}

/* The guide says where the person's own things are: the with-person view's tabs by name,
 * in both editions (the large print is the same text). */
static void
test_guide_names_with_person_tabs (void)
{
  g_autoptr(GPtrArray) tabs = with_person_tabs ();
  gsize m;

  g_assert_cmpuint (tabs->len, ==, 3);
  for (m = GUIDE; m <= GUIDE_LARGE; m++)
    {
      PopplerDocument *doc = open_pdf (&manuals[m]);
      g_autofree char *words = dest_page_words (doc, "what-app");
      guint i;

      for (i = 0; i < tabs->len; i++)
        assert_on_page (words, manuals[m].pdf, "what-app", g_ptr_array_index (tabs, i));
      g_object_unref (doc);
    }
}

/* The blank map is the app's map (its rings and sectors, drawn by its renderer), and the
 * guide's words for them are the app's: "family & home", never "family and home". The
 * review sheet's levels are the words the review shows the person. */
static void
test_worksheet_words_are_the_apps (void)
{
  static const char *const sources[] = { "04-your-map.md", "11-worksheets.md" };
  g_autofree char *dir = source_dir (&manuals[GUIDE]);
  g_autoptr(GPtrArray) map_words = g_ptr_array_new_with_free_func (g_free);
  /* the goal plan sheet's headings: the goal editor's own */
  static const char *const goal_words[] = { "What is the step?", "Who does it", "Due",
                                            "Who helps", "What gets in the way" };
  GHashTable *names = app_names ();
  gsize i;
  gsize m;

  for (i = 0; i < CP_NETMAP_N_SECTORS; i++)
    g_ptr_array_add (map_words, normalise (cp_netmap_sector_label (i)));
  for (i = 1; i <= 4; i++)
    g_ptr_array_add (map_words, normalise (cp_netmap_ring_label (i)));
  g_assert_cmpstr (g_ptr_array_index (map_words, 0), ==, "family & home");

  for (i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autofree char *path = g_build_filename (dir, sources[i], NULL);
      g_autofree char *text = NULL;
      g_autofree char *plain = NULL;
      g_autofree char *lower = NULL;
      guint w;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      plain = normalise (text);
      lower = g_ascii_strdown (plain, -1);
      for (w = 0; w < map_words->len; w++)
        {
          g_autofree char *word = g_ascii_strdown (g_ptr_array_index (map_words, w), -1);
          g_auto(GStrv) parts = g_strsplit (word, " & ", -1);
          g_autofree char *spelt_out = g_strjoinv (" and ", parts);

          if (strstr (lower, word) == NULL)
            g_error ("%s: the map's \"%s\" is missing", sources[i], word);
          if (strstr (word, " & ") != NULL && strstr (lower, spelt_out) != NULL)
            g_error ("%s: \"%s\" where the app says \"%s\"", sources[i], spelt_out, word);
        }
    }

  for (i = 0; i < G_N_ELEMENTS (goal_words); i++)
    {
      if (!g_hash_table_contains (names, goal_words[i]))
        g_error ("the goal sheet's \"%s\" is no longer a name in the app", goal_words[i]);
    }
  for (m = GUIDE; m <= GUIDE_LARGE; m++)
    {
      PopplerDocument *doc = open_pdf (&manuals[m]);
      g_autofree char *map_page = dest_page_words (doc, "sheet-map");
      g_autofree char *goal_page = dest_page_words (doc, "sheet-goal");
      g_autofree char *review_page = dest_page_words (doc, "sheet-review");

      for (i = 0; i < map_words->len; i++)
        assert_on_page (map_page, manuals[m].pdf, "sheet-map", g_ptr_array_index (map_words, i));
      for (i = 0; i < G_N_ELEMENTS (goal_words); i++)
        assert_on_page (goal_page, manuals[m].pdf, "sheet-goal", goal_words[i]);
      for (i = 0; i < 5; i++)
        assert_on_page (review_page, manuals[m].pdf, "sheet-review",
                        cp_gas_level_label ((int) i - 2));
      g_object_unref (doc);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cp/manuals/app/bold-terms-are-the-apps", test_bold_terms_are_the_apps);
  g_test_add_func ("/cp/manuals/app/boxes-name-the-screens", test_boxes_name_the_screens);
  g_test_add_func ("/cp/manuals/app/guide-names-with-person-tabs",
                   test_guide_names_with_person_tabs);
  g_test_add_func ("/cp/manuals/app/worksheet-words-are-the-apps",
                   test_worksheet_words_are_the_apps);
  return g_test_run ();
}
