/* cp-export-plan.c: a person's plan as a PDF: options, file name, typesetting, the log
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-export"

#include <string.h>

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "cp-export-file.h"
#include "cp-export-markdown.h"
#include "cp-export-plan-private.h"
#include "goals/cp-goal-chart.h"
#include "goals/cp-goal-symbols.h"
#include "store/cp-store-disclosure.h"
#include "store/cp-store-reviews.h"
#include "typeset/cp-typeset.h"
#include "typeset/cp-typeset-crisis.h"
#include "util/cp-date.h"
#include "util/cp-enum.h"
#include "util/cp-locale.h"

#define CRISIS_RESOURCE RESOURCE_PATH "/crisis/crisis-numbers.ini"

/* Body sizes in points. Easy read sets a shorter line (wider margins) at a larger size,
 * so each line holds one short idea; large print is larger again. */
#define NORMAL_SIZE     11.0
#define EASY_READ_SIZE  14.0
#define LARGE_SIZE      16.0
#define EASY_READ_WIDTH 340.0   /* the text's width in easy read, points */

/* ---- Shared by the writers ----------------------------------------------------------- */

void
_cp_plan_text (PlanWriter *w,
               const char *text)
{
  g_autofree char *redacted = NULL;

  if (w->redact != NULL && text != NULL)
    text = redacted = _cp_plan_redact (text, w->redact);
  cp_export_markdown_escape (w->out, text);
}

/* Whether @word (a run of letters and digits) is, whatever its case, one of @redact's
 * words: then what stands for it there, else NULL. */
static const char *
redaction_for (const char         *word,
               gsize               len,
               const char * const *redact)
{
  g_autofree char *folded = g_utf8_casefold (word, len);

  for (guint i = 0; redact[i] != NULL && redact[i + 1] != NULL; i += 2)
    {
      g_autofree char *other = g_utf8_casefold (redact[i], -1);

      if (g_str_equal (folded, other))
        return redact[i + 1];
    }
  return NULL;
}

/* Past the letters and digits at @p. */
static const char *
word_end (const char *p)
{
  while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

char *
_cp_plan_redact (const char         *text,
                 const char * const *redact)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;
      const char *with;

      if (!g_unichar_isalnum (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          g_string_append_len (out, start, p - start);
          continue;
        }
      p = word_end (p);
      with = redaction_for (start, p - start, redact);
      if (with == NULL)
        {
          g_string_append_len (out, start, p - start);
          continue;
        }
      g_string_append (out, with);
      /* "Jo Smith" is "JS", not "JS JS": the next words go when they stand for the same */
      for (;;)
        {
          const char *next = p + strspn (p, " ");
          const char *end = word_end (next);

          if (end == next || g_strcmp0 (redaction_for (next, end - next, redact), with) != 0)
            break;
          p = end;
        }
    }
  return g_string_free (out, FALSE);
}

void
_cp_plan_typeset_options (CpTypesetOptions *topts,
                          double            size,
                          const char       *header,
                          const char       *created)
{
  cp_typeset_options_init_a4 (topts, size);
  topts->title_page = FALSE;
  topts->contents = FALSE;
  topts->number_headings = FALSE;
  topts->chapter_new_page = FALSE;
  topts->header_text = header;
  topts->date = created;
}

char *
_cp_plan_date (const char *iso)
{
  if (iso == NULL || *iso == '\0')
    return NULL;
  return cp_date_format_long (iso);
}

char *
_cp_plan_area_figure (CpLifeArea area)
{
  const char *nick = area == CP_LIFE_AREA_NONE ? "none"
                                               : cp_enum_to_nick (CP_TYPE_LIFE_AREA, area);

  return g_strdup_printf ("area-%s", nick != NULL ? nick : "none");
}

char *
_cp_plan_crisis_markdown (gboolean   easy_read,
                          GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) crisis = NULL;
  gsize len = 0;
  const char *data;

  bytes = g_resources_lookup_data (CRISIS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  crisis = cp_typeset_crisis_load (data, len, "crisis-numbers.ini", error);
  if (crisis == NULL)
    return NULL;
  return cp_typeset_crisis_markdown (crisis, "crisis-numbers.ini",
                                     easy_read ? CP_TYPESET_CRISIS_EASY_READ
                                               : CP_TYPESET_CRISIS_BOX,
                                     error);
}

char *
_cp_plan_first_name (CpPerson *person)
{
  g_autofree char *name = g_strstrip (g_strdup (cp_person_get_name (person)));
  char *space = strpbrk (name, " \t");

  if (space != NULL)
    *space = '\0';
  return g_steal_pointer (&name);
}

/* ---- Options and names --------------------------------------------------------------- */

void
cp_plan_export_options_init (CpPlanExportOptions *options,
                             CpPlanCopy           copy,
                             CpPerson            *person)
{
  CpCommunicationNeeds needs = person != NULL ? cp_person_get_communication_needs (person) : 0;

  g_return_if_fail (options != NULL);

  *options = (CpPlanExportOptions) { 0 };
  options->copy = copy;
  if (copy == CP_PLAN_COPY_PERSON)
    {
      options->large_print = (needs & CP_COMMUNICATION_LARGE_PRINT) != 0;
      options->easy_read = (needs & CP_COMMUNICATION_EASY_READ) != 0;
    }
}

char *
cp_export_plan_file_name (CpPerson   *person,
                          CpPlanCopy  copy)
{
  g_autofree char *ref = cp_export_file_reference (person);
  const char *suffix = copy == CP_PLAN_COPY_PRACTITIONER ? "-practitioner" : "";
  g_autoptr(GString) name = g_string_new ("plan-");

  g_return_val_if_fail (CP_IS_PERSON (person), NULL);

  if (ref != NULL)
    g_string_append (name, ref);
  else
    g_string_append_printf (name, "person-%" G_GINT64_FORMAT, cp_person_get_id (person));
  g_string_append_printf (name, "%s.pdf", suffix);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* ---- The text ------------------------------------------------------------------------ */

static char *
write_markdown (CpStore                    *store,
                gint64                      person_id,
                const CpPlanExportOptions  *options,
                CpPlan                    **out_plan,
                GError                    **error)
{
  g_autoptr(CpPlan) plan = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *today = NULL;
  CpPerson *person = cp_store_find_person (store, person_id);
  PlanWriter w = { 0 };

  if (person == NULL)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                   _("This person is no longer in the workspace."));
      return NULL;
    }
  if (!(plan = cp_store_read_plan (store, person_id, error)))
    return NULL;

  today = options->date != NULL ? g_strdup (options->date) : cp_date_today ();
  w.out = out;
  w.person = person;
  w.plan = plan;
  w.options = options;
  w.date = today;
  if (options->copy == CP_PLAN_COPY_PERSON)
    {
      if (!_cp_plan_write_person (&w, error))
        return NULL;
    }
  else
    _cp_plan_write_practitioner (&w);
  if (out_plan != NULL)
    *out_plan = g_steal_pointer (&plan);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
cp_export_plan_markdown (CpStore                    *store,
                         gint64                      person_id,
                         const CpPlanExportOptions  *options,
                         GError                    **error)
{
  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return write_markdown (store, person_id, options, NULL, error);
}

/* ---- Pictures ------------------------------------------------------------------------ */

static void
draw_area_symbol (cairo_t  *cr,
                  double    width,
                  double    height,
                  gpointer  user_data)
{
  cp_life_area_symbol_draw (cr, GPOINTER_TO_INT (user_data), MIN (width, height));
}

typedef struct
{
  GArray          *points;
  CpGoalChartMode  mode;
} ChartData;

static void
chart_data_free (gpointer data)
{
  ChartData *chart = data;

  g_array_unref (chart->points);
  g_free (chart);
}

static void
draw_chart (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  ChartData *chart = user_data;
  CpGoalChartStyle style;

  cp_goal_chart_style_init (&style);
  cp_goal_chart_draw (cr, width, height, (const CpGoalChartPoint *) (gpointer) chart->points->data,
                      chart->points->len, chart->mode, &style);
}

void
_cp_plan_add_history_figure (CpTypesetDocument *doc,
                             const char        *name,
                             const CpPlan      *plan,
                             CpGoalChartMode    mode)
{
  ChartData *chart = g_new0 (ChartData, 1);

  chart->points = cp_plan_dup_history (plan);
  chart->mode = mode;
  cp_typeset_document_add_figure (doc, name, 0.45, draw_chart, chart, chart_data_free);
}

/* ---- The PDF ------------------------------------------------------------------------- */

static gboolean
typeset (const CpPlanExportOptions  *options,
         const char                 *day,
         const CpPlan               *plan,
         const char                 *markdown,
         const char                 *path,
         GError                    **error)
{
  g_autoptr(CpTypesetDocument) doc = NULL;
  g_autofree char *language = cp_locale_language_tag ();
  g_autofree char *created = g_strdup_printf ("%sT00:00:00Z", day);
  gboolean person_copy = options->copy == CP_PLAN_COPY_PERSON;
  CpTypesetOptions topts;
  CpTypesetMetadata meta = {
    .title = person_copy ? _("My plan") : _("Plan: practitioner’s copy"),
    /* a discreet copy says nothing about where it comes from, even in its properties */
    .author = person_copy && options->discreet ? NULL : DISPLAY_NAME,
    .subject = person_copy ? NULL : _("Goals, steps, reviews and ratings over time"),
    .language = language,
  };
  double size = NORMAL_SIZE;

  if (person_copy && options->easy_read)
    size = EASY_READ_SIZE;
  if (person_copy && options->large_print)
    size = LARGE_SIZE;
  _cp_plan_typeset_options (&topts, size, NULL, created);
  if (person_copy && options->easy_read)
    {
      /* a short line: the text block narrowed from the right */
      topts.margin_right = MAX (topts.margin_right,
                                topts.page_width - topts.margin_left - EASY_READ_WIDTH);
    }
  if (person_copy)
    topts.header_text = options->discreet ? _("My plan")
                                          : _("Connecting People · your mental health team");
  else
    topts.header_text = _("Plan: practitioner’s copy");

  doc = cp_typeset_document_new (&topts, &meta);
  for (int area = CP_LIFE_AREA_NONE; area <= CP_LIFE_AREA_LAST; area++)
    {
      g_autofree char *name = _cp_plan_area_figure (area);

      cp_typeset_document_add_symbol (doc, name, draw_area_symbol, GINT_TO_POINTER (area), NULL);
    }
  _cp_plan_add_history_figure (doc, "plan-history", plan,
                               options->goal_scaling ? CP_GOAL_CHART_T_SCORE
                                                     : CP_GOAL_CHART_FURTHER_ON);

  if (!cp_typeset_document_add_chapter (doc, "plan.md", markdown, -1, error))
    return FALSE;
  return cp_typeset_document_write_pdf (doc, path, error);
}

/* ---- Read, stage, publish ------------------------------------------------------------ */

struct _CpPlanExport
{
  gint64               person_id;
  CpPlanExportOptions  options;    /* team_phone and date are not kept: used up by now */
  char                *day;
  CpPlan              *plan;
  char                *markdown;
  CpExportStaged       staged;     /* the file beside where it goes, once staged */
};

void
cp_plan_export_free (CpPlanExport *self)
{
  if (self == NULL)
    return;
  cp_export_staged_clear (&self->staged);
  g_clear_pointer (&self->plan, cp_plan_free);
  g_free (self->day);
  g_free (self->markdown);
  g_free (self);
}

CpPlanExport *
cp_plan_export_new (CpStore                    *store,
                    gint64                      person_id,
                    const CpPlanExportOptions  *options,
                    GError                    **error)
{
  g_autoptr(CpPlanExport) self = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (CpPlanExport, 1);
  self->person_id = person_id;
  self->options = *options;
  self->options.team_phone = NULL;
  self->options.date = NULL;
  self->day = options->date != NULL ? g_strdup (options->date) : cp_date_today ();
  if (!(self->markdown = write_markdown (store, person_id, options, &self->plan, error)))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
cp_plan_export_stage (CpPlanExport  *self,
                      const char    *path,
                      GError       **error)
{
  g_return_val_if_fail (self != NULL && self->staged.tmp_path == NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!cp_export_staged_open (&self->staged, path, self->options.replace, error))
    return FALSE;
  return typeset (&self->options, self->day, self->plan, self->markdown,
                  self->staged.tmp_path, error);
}

gboolean
cp_plan_export_publish (CpPlanExport  *self,
                        CpStore       *store,
                        GError       **error)
{
  const CpPlanExportOptions *options;
  gboolean person_copy;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (self != NULL && self->staged.tmp_path != NULL, FALSE);
  g_return_val_if_fail (CP_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  options = &self->options;
  person_copy = options->copy == CP_PLAN_COPY_PERSON;
  if (person_copy)
    detail = g_strdup_printf ("%s%s%s%s%s", _("their plan as a PDF"),
                              options->easy_read ? _(", easy read") : "",
                              options->large_print ? _(", large print") : "",
                              options->discreet ? _(", discreet") : "",
                              options->include_scores ? _(", with scores") : "");
  else
    detail = g_strdup (_("the practitioner’s plan as a PDF"));
  /* The record comes first: no copy leaves unrecorded. */
  if (cp_store_add_disclosure (store, self->person_id,
                               person_copy ? CP_DISCLOSURE_PERSON_COPY
                                           : CP_DISCLOSURE_IDENTIFIABLE_EXPORT,
                               detail, person_copy ? _("the person") : NULL, error) == 0)
    return FALSE;
  return cp_export_staged_publish (&self->staged, error);
}

gboolean
cp_export_plan_pdf (CpStore                    *store,
                    gint64                      person_id,
                    const CpPlanExportOptions  *options,
                    const char                 *path,
                    GError                    **error)
{
  g_autoptr(CpPlanExport) export = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Whole or not at all, and never over a file the user did not agree to replace. */
  export = cp_plan_export_new (store, person_id, options, error);
  return export != NULL && cp_plan_export_stage (export, path, error)
         && cp_plan_export_publish (export, store, error);
}
