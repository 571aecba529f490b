/* test-manuals-text.c: what the manuals say, as a reader sees it in the built PDFs (and, where
 * the paragraph a statement sits in matters, in the sources): corrections that a later edit
 * could undo, references cited, no surnames in the practice maps, "in England" where the law
 * is England's
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-manuals-text"

#include <poppler.h>
#include <string.h>

#include "test-manuals-util.h"

#define TRAINING 0
#define GUIDE 1
#define GUIDE_LARGE 2

/* ---- the text a reader sees ---- */

/* Each PDF is opened, and each page's text read, once: poppler is slow under the
 * sanitizers. */
static PopplerDocument *docs[G_N_ELEMENTS (manuals)];
static GPtrArray *page_texts[G_N_ELEMENTS (manuals)];

static PopplerDocument *
manual_pdf (gsize manual)
{
  if (docs[manual] == NULL)
    {
      PopplerDocument *doc = open_pdf (&manuals[manual]);
      int p;

      page_texts[manual] = g_ptr_array_new_with_free_func (g_free);
      for (p = 0; p < poppler_document_get_n_pages (doc); p++)
        {
          PopplerPage *page = poppler_document_get_page (doc, p);
          char *text = poppler_page_get_text (page);

          g_ptr_array_add (page_texts[manual], text != NULL ? text : g_strdup (""));
          g_object_unref (page);
        }
      docs[manual] = doc;
    }
  return docs[manual];
}

/* The text of page @page_num (1-based) as poppler reads it. */
static const char *
page_text (gsize manual,
           int   page_num)
{
  manual_pdf (manual);
  return g_ptr_array_index (page_texts[manual], page_num - 1);
}

/* A running head ("2 · Social connection and the evidence") or a page number. */
static gboolean
is_running_line (const char *line)
{
  const char *p = line;

  while (g_ascii_isdigit (*p))
    p++;
  if (p == line)
    return FALSE;
  return *p == '\0' || g_str_has_prefix (p, " \xc2\xb7 ");
}

/* Pages @from..@to (1-based) as one line of text: running heads and page numbers dropped,
 * line breaks made spaces (a word broken after its hyphen joined up again), typographic
 * apostrophes and quotes made straight, runs of spaces made one, all in lower case. */
static char *
pages_text (gsize manual,
            int   from,
            int   to)
{
  g_autoptr(GString) out = g_string_new (NULL);
  int p;

  for (p = from; p <= to; p++)
    {
      g_auto(GStrv) lines = g_strsplit (page_text (manual, p), "\n", -1);
      int l;

      for (l = 0; lines[l] != NULL; l++)
        {
          char *line = g_strstrip (lines[l]);
          gsize n = out->len;

          if (*line == '\0' || is_running_line (line))
            continue;
          if (n > 1 && out->str[n - 1] == '-' && g_ascii_isalpha (out->str[n - 2]))
            g_string_append (out, line);
          else
            {
              if (n > 0)
                g_string_append_c (out, ' ');
              g_string_append (out, line);
            }
        }
    }

  {
    static const char *const from_to[][2] = {
      { "\xe2\x80\x98", "'" }, { "\xe2\x80\x99", "'" },
      { "\xe2\x80\x9c", "\"" }, { "\xe2\x80\x9d", "\"" },
      { "\xc2\xa0", " " },
    };
    char *text = g_ascii_strdown (out->str, -1);
    gsize i;

    for (i = 0; i < G_N_ELEMENTS (from_to); i++)
      {
        g_auto(GStrv) parts = g_strsplit (text, from_to[i][0], -1);

        g_free (text);
        text = g_strjoinv (from_to[i][1], parts);
      }
    while (strstr (text, "  ") != NULL)
      {
        g_auto(GStrv) parts = g_strsplit (text, "  ", -1);

        g_free (text);
        text = g_strjoinv (" ", parts);
      }
    return text;
  }
}

/* The pages of one chapter (by its heading id), or of the whole body when @chapter is NULL:
 * from the first chapter to the end, or to the page before @stop_before. Chapters start on a
 * new page. */
static char *
chapter_text (gsize       manual,
              const char *chapter,
              const char *stop_before)
{
  g_autoptr(GArray) chapters = load_chapters (&manuals[manual], NULL, NULL);
  PopplerDocument *doc = manual_pdf (manual);
  int from;
  int to = poppler_document_get_n_pages (doc);
  char *text;
  guint c;

  if (chapter == NULL)
    from = cp_test_poppler_dest_page (doc, g_array_index (chapters, Chapter, 0).id);
  else
    from = cp_test_poppler_dest_page (doc, chapter);
  if (from < 1)
    g_error ("%s: no chapter '%s'", manuals[manual].pdf, chapter);
  for (c = 0; chapter != NULL && c + 1 < chapters->len; c++)
    {
      if (g_str_equal (g_array_index (chapters, Chapter, c).id, chapter))
        to = cp_test_poppler_dest_page (doc, g_array_index (chapters, Chapter, c + 1).id) - 1;
    }
  if (stop_before != NULL)
    to = cp_test_poppler_dest_page (doc, stop_before) - 1;
  g_assert_cmpint (to, >=, from);
  text = pages_text (manual, from, to);
  chapters_free (g_steal_pointer (&chapters));
  return text;
}

/* ---- one check per correction ---- */

typedef struct
{
  const char *name;
  gsize       manual;         /* GUIDE means both the guide and its large print */
  const char *chapter;        /* heading id, or NULL for the whole body */
  const char *must[6];        /* lower case, as pages_text gives it */
  const char *must_not[4];
} Wording;

static const Wording wordings[] = {
  /* the guide's evidence: the later study was not bigger, and the pilot was not "small" */
  { "guide-later-study", GUIDE, NULL,
    { "a later study found no difference" },
    { "a bigger study", "that study was small" } },
  { "guide-can-stay", GUIDE, "reviews",
    { "can stay in your life" },
    { "activities you found stay in your life" } },
  { "guide-crisis-a-and-e", GUIDE, "crisis",
    { "call 999 or go to a&e", "a&e is the emergency department" },
    { NULL } },
  { "guide-confidentiality-limit", GUIDE, "your-information",
    { "if someone is at serious risk of harm, "
      "your worker may have to share information without asking" },
    { NULL } },
  { "guide-ombudsman", GUIDE, "your-information",
    { "local government and social care ombudsman", "parliamentary and health service ombudsman",
      "it only deals with nhs services" },
    { NULL } },
  /* references: Pinfold et al. 2015 is HS&DR 3(5); Sweet et al. 2018 is in the BJPsych */
  { "references-volumes", TRAINING, "references",
    { "health services and delivery research 3(5)",
      "british journal of psychiatry 212(5): 308\xe2\x80\x93" "317" },
    { "3(50)", "bjpsych open", "named in this manual" } },
  { "dialog-no-single-total", TRAINING, "uk-context",
    { "no single total is needed", "(priebe et al. 2015)" },
    { "there is no total score" } },
  { "carers-assessment", TRAINING, "uk-context",
    { "section 10 of the care act 2014" },
    { NULL } },
  { "mental-capacity-principles", TRAINING, "uk-context",
    { "the mental capacity act 2005", "must be assumed to have capacity",
      "merely because they make an unwise decision" },
    { NULL } },
  { "gas-exceeded-expectations", TRAINING, "goal-planning",
    { "the same number of goals exceeded expectations" },
    { "the same number of goals moved" } },
  { "gas-weights", TRAINING, "goal-planning",
    { "the person rates how important the goal is", "difficulty counts in the weight",
      "a weight of 0 drops the goal out of the score" },
    { NULL } },
  { "gas-example-hypothetical", TRAINING, "goal-planning",
    { "they are not what happened at edna's review", "had not yet moved" },
    { NULL } },
  { "scores-and-the-person", TRAINING, "goal-planning",
    { "not shown to the person by default", "a subject access request would show it" },
    { NULL } },
  { "evidence-second-reading", TRAINING, "connection-and-evidence",
    { "may not improve outcomes for people using community mental health teams",
      "(webber and shires 2024)", "(putnam 2000)" },
    { "does not need a great deal of extra time" } },
  { "support-not-overclaimed", TRAINING, "support",
    { "did better than those who received only part of it" },
    { "makes the most difference" } },
  { "boundaries-not-overclaimed", TRAINING, "twelve-questions",
    { "follow the official materials" },
    { "part of why the model works" } },
  { "developers-named", TRAINING, "about",
    { "martin webber", "university of york", "mcpin foundation", "think ahead",
      "nihr school for social care research" },
    { NULL } },
  { "crisis-at-a-venue", TRAINING, "community",
    { "call 999", "follow your team's crisis procedure",
      "tell the person's care coordinator the same day", "crisis page of your guide" },
    { NULL } },
  { "home-visits-and-cars", TRAINING, "community",
    { "read the risk information", "in your own car" },
    { "meet in public places for first meetings" } },
  { "safeguarding", TRAINING, "community",
    { "section 42 of the care act 2014", "mate crime", "possible financial abuse" },
    { NULL } },
  { "borrowing-friend-is-abuse", TRAINING, "network-mapping",
    { "possible financial abuse" },
    { NULL } },
  { "pause-does-not-hide", TRAINING, "community",
    { "agree a check-in date", "care coordination carries on" },
    { NULL } },
  { "pause-and-lost-contact", TRAINING, "endings",
    { "a pause must never hide a person", "agree a check-in date",
      "tell the person's care coordinator promptly" },
    { NULL } },
  { "concessionary-travel", TRAINING, "community",
    { "national scheme", "councils decide only the extras" },
    { "depend on local rules" } },
  { "tariq-decides", TRAINING, "case-studies",
    { "that is tariq's decision, with the support he chooses" },
    { "involving his family" } },
  { "cooking-programmes-family", TRAINING, "case-studies",
    { "cooking programmes, in the family and home sector" },
    { "cooking programmes, in the friends sector" } },
};

static void
check_wording (gsize          manual,
               const Wording *w)
{
  g_autofree char *text = chapter_text (manual, w->chapter, NULL);
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (w->must) && w->must[i] != NULL; i++)
    {
      if (strstr (text, w->must[i]) == NULL)
        g_error ("%s, %s: \"%s\" is missing", manuals[manual].pdf,
                 w->chapter != NULL ? w->chapter : "body", w->must[i]);
    }
  for (i = 0; i < G_N_ELEMENTS (w->must_not) && w->must_not[i] != NULL; i++)
    {
      if (strstr (text, w->must_not[i]) != NULL)
        g_error ("%s, %s: \"%s\" is back", manuals[manual].pdf,
                 w->chapter != NULL ? w->chapter : "body", w->must_not[i]);
    }
}

static void
test_wording (gconstpointer data)
{
  const Wording *w = data;

  check_wording (w->manual, w);
  /* the large print is the same text, set larger */
  if (w->manual == GUIDE)
    check_wording (GUIDE_LARGE, w);
}

/* ---- no surnames: a first name or a role ---- */

static GRegex *
surname_regex (void)
{
  return g_regex_new ("\\b(Mr|Mrs|Ms|Miss|Dr)\\.? +[A-Z][a-z]", 0, 0, NULL);
}

static void
test_no_surnames_in_practice_data (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CPKIT_SOURCE_DIR"), "resources",
                                            "practice", "practice.ini", NULL);
  g_autoptr(GKeyFile) ini = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) surname = surname_regex ();
  g_auto(GStrv) groups = NULL;
  int names = 0;
  int g;

  g_assert_true (g_key_file_load_from_file (ini, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  groups = g_key_file_get_groups (ini, NULL);
  for (g = 0; groups[g] != NULL; g++)
    {
      static const char *const keys[] = { "members", "review-members" };
      gsize k;

      if (!g_str_has_prefix (groups[g], "person:"))
        continue;
      for (k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          g_autofree char *value = g_key_file_get_string (ini, groups[g], keys[k], NULL);
          g_auto(GStrv) members = g_strsplit (value != NULL ? value : "", ";", -1);
          int m;

          for (m = 0; members[m] != NULL; m++)
            {
              g_auto(GStrv) fields = g_strsplit (members[m], "|", 2);

              if (fields[0] == NULL || *fields[0] == '\0')
                continue;
              if (g_regex_match (surname, fields[0], 0, NULL))
                g_error ("practice.ini [%s] %s: \"%s\" names someone by surname", groups[g],
                         keys[k], fields[0]);
              names++;
            }
        }
    }
  g_assert_cmpint (names, >, 30);
}

/* Every page of every manual, map figures included: they are drawn from the practice data. */
static void
test_no_surnames_in_manuals (void)
{
  g_autoptr(GRegex) surname = surname_regex ();
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (manuals); i++)
    {
      PopplerDocument *doc = manual_pdf (i);
      int p;

      for (p = 0; p < poppler_document_get_n_pages (doc); p++)
        {
          g_autoptr(GMatchInfo) match = NULL;

          if (g_regex_match (surname, page_text (i, p + 1), 0, &match))
            {
              g_autofree char *found = g_match_info_fetch (match, 0);

              g_error ("%s page %d: \"%s…\" names someone by surname", manuals[i].pdf, p + 1,
                       found);
            }
        }
    }
}

/* ---- every reference cited, or under Further reading ---- */

typedef struct
{
  char *author;               /* first author's surname (or a statute's short title) */
  char *year;
} Reference;

static void
reference_clear (gpointer data)
{
  Reference *r = data;

  g_free (r->author);
  g_free (r->year);
}

/* Entries of the reference chapter, paragraph by paragraph, outside "Further reading". */
static GArray *
load_references (int *n_further)
{
  g_autofree char *dir = source_dir (&manuals[TRAINING]);
  g_autofree char *path = g_build_filename (dir, "16-references.md", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GRegex) dated = g_regex_new ("^(.+?) \\(((1[89]|20)[0-9][0-9])\\)", 0, 0, NULL);
  g_autoptr(GRegex) statute = g_regex_new ("^(.+?) ((1[89]|20)[0-9][0-9])\\b", 0, 0, NULL);
  g_autoptr(GString) para = g_string_new (NULL);
  GArray *refs = g_array_new (FALSE, TRUE, sizeof (Reference));
  gboolean in_section = FALSE;
  gboolean further = FALSE;
  int l;

  g_array_set_clear_func (refs, reference_clear);
  *n_further = 0;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (l = 0; ; l++)
    {
      const char *line = lines[l];

      if (line == NULL || *line == '\0' || g_str_has_prefix (line, "## "))
        {
          if (para->len > 0 && in_section && further)
            (*n_further)++;
          else if (para->len > 0 && in_section)
            {
              g_autoptr(GMatchInfo) match = NULL;
              Reference r = { NULL, NULL };
              g_autofree char *who = NULL;
              char *cut;

              if (!g_regex_match (dated, para->str, 0, &match))
                {
                  g_clear_pointer (&match, g_match_info_free);
                  if (!g_regex_match (statute, para->str, 0, &match))
                    g_error ("16-references.md: no year in \"%.60s…\"", para->str);
                }
              who = g_match_info_fetch (match, 1);
              r.year = g_match_info_fetch (match, 2);
              /* the first author: up to the first comma, " and " or bracket */
              if ((cut = strchr (who, ',')) != NULL)
                *cut = '\0';
              if ((cut = strstr (who, " and ")) != NULL)
                *cut = '\0';
              if ((cut = strstr (who, " (")) != NULL)
                *cut = '\0';
              r.author = g_ascii_strdown (g_strstrip (who), -1);
              g_array_append_val (refs, r);
            }
          g_string_truncate (para, 0);
          if (line == NULL)
            break;
          if (g_str_has_prefix (line, "## "))
            {
              in_section = TRUE;
              further = g_str_has_prefix (line, "## Further reading");
            }
          continue;
        }
      if (para->len > 0)
        g_string_append_c (para, ' ');
      g_string_append (para, line);
    }
  return refs;
}

/* "Cited" means the first author and, within a short distance after, the year. */
static gboolean
is_cited (const char      *body,
          const Reference *r)
{
  const char *p;

  gsize n = strlen (r->author);

  for (p = strstr (body, r->author); p != NULL; p = strstr (p + 1, r->author))
    {
      g_autofree char *window = NULL;

      /* whole words only: "lin" is not "line" */
      if ((p > body && g_ascii_isalpha (p[-1])) || g_ascii_isalpha (p[n]))
        continue;
      window = g_strndup (p, 160);
      if (strstr (window, r->year) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_references_cited (void)
{
  int n_further = 0;
  g_autoptr(GArray) refs = load_references (&n_further);
  g_autofree char *body = chapter_text (TRAINING, NULL, "references");
  guint i;

  g_test_message ("%u references to be cited, %d under Further reading", refs->len, n_further);
  g_assert_cmpuint (refs->len, >=, 20);
  g_assert_cmpint (n_further, >, 0);
  for (i = 0; i < refs->len; i++)
    {
      const Reference *r = &g_array_index (refs, Reference, i);

      if (!is_cited (body, r))
        g_error ("reference \"%s (%s)\" is not cited in the text: cite it or move it to "
                 "Further reading", r->author, r->year);
    }
}

/* ---- "in England" beside England's law ---- */

/* Blocks of a chapter's source: paragraphs, list items and table rows, without headings. */
static GPtrArray *
source_blocks (const char *path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) block = g_string_new (NULL);
  GPtrArray *blocks = g_ptr_array_new_with_free_func (g_free);
  int l;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (l = 0; ; l++)
    {
      const char *line = lines[l];
      gboolean starts;

      while (line != NULL && *line == '>')
        line = *(line + 1) == ' ' ? line + 2 : line + 1;
      starts = line == NULL || *line == '\0' || *line == '#' || *line == '|' ||
               g_str_has_prefix (line, "- ") ||
               (g_ascii_isdigit (*line) && strstr (line, ". ") == line + strspn (line, "0123456789"));
      if (starts && block->len > 0)
        {
          g_ptr_array_add (blocks, g_ascii_strdown (block->str, -1));
          g_string_truncate (block, 0);
        }
      if (line == NULL)
        break;
      if (*line == '\0' || *line == '#')
        continue;
      if (block->len > 0)
        g_string_append_c (block, ' ');
      g_string_append (block, line);
    }
  return blocks;
}

static void
test_in_england (void)
{
  static const char *const laws[] = { "care act", "mental capacity act", "concessionary" };
  static const gsize dirs[] = { TRAINING, GUIDE };
  int statements = 0;
  gsize d;

  for (d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autoptr(GKeyFile) ini = load_ini (&manuals[dirs[d]]);
      g_autofree char *dir = source_dir (&manuals[dirs[d]]);
      g_auto(GStrv) files = g_key_file_get_string_list (ini, "manual", "chapters", NULL, NULL);
      int f;

      for (f = 0; files[f] != NULL; f++)
        {
          g_autofree char *path = g_build_filename (dir, files[f], NULL);
          g_autoptr(GPtrArray) blocks = source_blocks (path);
          guint b;

          for (b = 0; b < blocks->len; b++)
            {
              const char *block = g_ptr_array_index (blocks, b);
              gsize k;

              for (k = 0; k < G_N_ELEMENTS (laws); k++)
                {
                  if (strstr (block, laws[k]) == NULL)
                    continue;
                  statements++;
                  if (strstr (block, "in england") == NULL)
                    g_error ("%s: \"%.80s…\" speaks of the %s without saying \"in England\"",
                             files[f], block, laws[k]);
                }
            }
        }
    }
  g_test_message ("%d statements about England's law", statements);
  g_assert_cmpint (statements, >=, 10);
}

int
main (int    argc,
      char **argv)
{
  gsize i;
  int status;

  g_test_init (&argc, &argv, NULL);
  for (i = 0; i < G_N_ELEMENTS (wordings); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cp/manuals/text/%s", wordings[i].name);

      g_test_add_data_func (path, &wordings[i], test_wording);
    }
  g_test_add_func ("/cp/manuals/text/no-surnames-in-practice-data", test_no_surnames_in_practice_data);
  g_test_add_func ("/cp/manuals/text/no-surnames-in-manuals", test_no_surnames_in_manuals);
  g_test_add_func ("/cp/manuals/text/references-cited", test_references_cited);
  g_test_add_func ("/cp/manuals/text/in-england", test_in_england);
  status = g_test_run ();
  for (i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_clear_object (&docs[i]);
      g_clear_pointer (&page_texts[i], g_ptr_array_unref);
    }
  return status;
}
