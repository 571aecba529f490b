/* cp-export-supervision.c: the supervision sheet: reading, typesetting, the log
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-export"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "cp-export-plan-private.h"
#include "cp-export-supervision-private.h"
#include "cp-network-private.h"
#include "netmap/cp-netmap-render.h"
#include "store/cp-store-disclosure.h"
#include "store/cp-store-netmap.h"
#include "store/cp-store-reviews.h"
#include "util/cp-date.h"
#include "util/cp-locale.h"

#define BODY_SIZE     10.0
#define MAP_FONT_SIZE 7.0
#define MAP_ASPECT    0.68

/* ---- People ---------------------------------------------------------------------------- */

static void
sheet_person_free (SheetPerson *p)
{
  g_clear_object (&p->person);
  g_free (p->initials);
  g_free (p->reference);
  g_clear_pointer (&p->plan, cp_plan_free);
  g_clear_object (&p->map);
  g_clear_object (&p->baseline);
  g_free (p->map_label);
  g_free (p->map_on);
  g_free (p->baseline_label);
  g_free (p->baseline_on);
  g_free (p);
}

/* The person's maps: the current one and, when there are two or more, the first. */
static gboolean
read_maps (CpStore      *store,
           SheetPerson  *p,
           GError      **error)
{
  g_autoptr(GPtrArray) maps = cp_store_list_snapshots (store, p->person_id, error);
  g_autoptr(CpNetmapModel) current = NULL;
  g_autoptr(CpNetmapModel) first = NULL;
  const CpSnapshotInfo *now;
  const CpSnapshotInfo *then;

  if (maps == NULL)
    return FALSE;
  if (maps->len == 0)
    return TRUE;
  now = g_ptr_array_index (maps, maps->len - 1);
  if (!(current = cp_store_load_snapshot (store, now->id, error)))
    return FALSE;
  /* Names become initials here, so no name reaches the worker that draws the map. */
  p->map = _cp_network_prepare_model (current, FALSE);
  p->map_label = g_strdup (now->label);
  p->map_on = g_strdup (now->taken_on);
  if (maps->len < 2)
    return TRUE;
  then = g_ptr_array_index (maps, 0);
  if (!(first = cp_store_load_snapshot (store, then->id, error)))
    return FALSE;
  p->baseline = _cp_network_prepare_model (first, FALSE);
  p->baseline_label = g_strdup (then->label);
  p->baseline_on = g_strdup (then->taken_on);
  return TRUE;
}

/* The case reference as it may be shown: not when it holds a word of their name. */
static char *
shown_reference (CpPerson *person)
{
  const char *ref = cp_person_get_case_ref (person);
  g_autofree char *safe = cp_export_file_reference (person);

  if (ref != NULL && *ref != '\0' && safe != NULL)
    return g_strdup (ref);
  return g_strdup_printf (_("Record %" G_GINT64_FORMAT), cp_person_get_id (person));
}

/* Whether a review of @plan has a T-score to draw. */
static gboolean
has_score (const CpPlan *plan)
{
  g_autoptr(GArray) history = cp_plan_dup_history (plan);

  for (guint i = 0; i < history->len; i++)
    if (g_array_index (history, CpGoalChartPoint, i).has_score)
      return TRUE;
  return FALSE;
}

static SheetPerson *
read_person (CpStore     *store,
             gint64       person_id,
             guint        index,
             GError     **error)
{
  CpPerson *person = cp_store_find_person (store, person_id);
  SheetPerson *p;

  if (person == NULL)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                   _("This person is no longer in the workspace."));
      return NULL;
    }
  p = g_new0 (SheetPerson, 1);
  p->person_id = person_id;
  p->person = g_object_ref (person);
  p->initials = cp_netmap_initials (cp_person_get_name (person));
  p->reference = shown_reference (person);
  p->index = index;
  if (!(p->plan = cp_store_read_plan (store, person_id, error)) || !read_maps (store, p, error))
    {
      sheet_person_free (p);
      return NULL;
    }
  p->has_score = has_score (p->plan);
  return p;
}

/* Every word of each person's name (two letters or more), paired with their initials. */
static GStrv
redactions (GPtrArray *people)
{
  g_autoptr(GStrvBuilder) pairs = g_strv_builder_new ();

  for (guint i = 0; i < people->len; i++)
    {
      SheetPerson *p = g_ptr_array_index (people, i);
      const char *s = cp_person_get_name (p->person);

      while (*s != '\0')
        {
          const char *start = s;

          while (*s != '\0' && g_unichar_isalnum (g_utf8_get_char (s)))
            s = g_utf8_next_char (s);
          if (g_utf8_strlen (start, s - start) >= 2)
            {
              g_autofree char *word = g_strndup (start, s - start);

              g_strv_builder_add (pairs, word);
              g_strv_builder_add (pairs, p->initials);
            }
          if (*s != '\0')
            s = g_utf8_next_char (s);
        }
    }
  return g_strv_builder_end (pairs);
}

/* ---- Reading --------------------------------------------------------------------------- */

static CpSupervisionSheet *
sheet_new (const CpSupervisionSheetOptions *options)
{
  CpSupervisionSheet *self = g_new0 (CpSupervisionSheet, 1);

  self->options = *options;
  self->options.date = NULL;
  self->day = options->date != NULL ? g_strdup (options->date) : cp_date_today ();
  self->people = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_person_free);
  self->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_supervision_session_free);
  return self;
}

/* The text, once everything is read. */
static CpSupervisionSheet *
sheet_finish (CpSupervisionSheet *self)
{
  self->redact = redactions (self->people);
  self->chapters = _cp_supervision_sheet_write (self);
  self->markdown = g_strjoinv ("\n", self->chapters);
  return self;
}

CpSupervisionSheet *
cp_supervision_sheet_new_for_person (CpStore                          *store,
                                     gint64                            person_id,
                                     const CpSupervisionSheetOptions  *options,
                                     GError                          **error)
{
  g_autoptr(CpSupervisionSheet) self = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  SheetPerson *p;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = sheet_new (options);
  if (!(p = read_person (store, person_id, 1, error)))
    return NULL;
  g_ptr_array_add (self->people, p);
  if (!(sessions = cp_store_list_supervision_sessions (store, error)))
    return NULL;
  /* The store lists the newest first; the sheet reads as it happened. */
  for (guint i = sessions->len; i-- > 0;)
    if (cp_supervision_session_find (g_ptr_array_index (sessions, i), person_id) != NULL)
      g_ptr_array_add (self->sessions, g_ptr_array_steal_index (sessions, i));

  self->file_name = cp_supervision_sheet_person_file_name (p->person, self->day);
  return sheet_finish (g_steal_pointer (&self));
}

CpSupervisionSheet *
cp_supervision_sheet_new_for_session (CpStore                          *store,
                                      const char                       *session_uuid,
                                      const CpSupervisionSheetOptions  *options,
                                      GError                          **error)
{
  g_autoptr(CpSupervisionSheet) self = NULL;
  CpSupervisionSession *session;
  g_autofree char *reflection = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (session_uuid != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = sheet_new (options);
  self->for_session = TRUE;
  if (!(session = cp_store_get_supervision_session (store, session_uuid, error)))
    return NULL;
  g_ptr_array_add (self->sessions, session);
  for (guint i = 0; i < session->people->len; i++)
    {
      const CpSupervisionDiscussed *d = g_ptr_array_index (session->people, i);
      SheetPerson *p = read_person (store, d->person_id, self->people->len + 1, error);

      if (p == NULL)
        return NULL;
      g_ptr_array_add (self->people, p);
    }
  if (!(reflection = cp_store_dup_worker_reflection (store, session_uuid, error)))
    return NULL;
  if (*g_strstrip (reflection) != '\0')
    self->reflection = g_steal_pointer (&reflection);
  self->file_name = cp_supervision_sheet_session_file_name (session->held_on);
  return sheet_finish (g_steal_pointer (&self));
}

char *
cp_supervision_sheet_person_file_name (CpPerson   *person,
                                       const char *day)
{
  g_autofree char *ref = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (CP_IS_PERSON (person), NULL);

  if (day == NULL)
    day = today = cp_date_today ();
  ref = cp_export_file_reference (person);
  if (ref != NULL)
    return g_strdup_printf ("supervision-%s-%s.pdf", ref, day);
  return g_strdup_printf ("supervision-record-%" G_GINT64_FORMAT "-%s.pdf",
                          cp_person_get_id (person), day);
}

char *
cp_supervision_sheet_session_file_name (const char *held_on)
{
  g_return_val_if_fail (held_on != NULL, NULL);

  return g_strdup_printf ("supervision-session-%s.pdf", held_on);
}

const char *
cp_supervision_sheet_get_file_name (CpSupervisionSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->file_name;
}

const char *
cp_supervision_sheet_get_markdown (CpSupervisionSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->markdown;
}

void
cp_supervision_sheet_free (CpSupervisionSheet *self)
{
  if (self == NULL)
    return;
  cp_export_staged_clear (&self->staged);
  g_free (self->day);
  g_free (self->file_name);
  g_free (self->markdown);
  g_strfreev (self->chapters);
  g_ptr_array_unref (self->people);
  g_ptr_array_unref (self->sessions);
  g_free (self->reflection);
  g_strfreev (self->redact);
  g_free (self);
}

/* ---- The PDF --------------------------------------------------------------------------- */

/* The map through the one renderer: initials only, no "hard going", members new since
 * the baseline marked. The default font map is the calling thread's own. */
static void
draw_map (cairo_t  *cr,
          double    width,
          double    height,
          gpointer  user_data)
{
  SheetPerson *p = user_data;
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(CpNetmapRenderer) renderer = cp_netmap_renderer_new (context);
  CpNetmapRenderOptions options;

  g_object_unref (context);
  cp_netmap_render_options_init (&options);
  options.palette = CP_NETMAP_PALETTE_PRINT;
  options.font_size = MAP_FONT_SIZE;
  options.font_family = "DejaVu Sans";
  /* the model's names are initials already (initials_only would shorten them again) */
  options.centre_label = p->initials;
  options.hide_hard_going = TRUE;
  options.since = p->baseline;
  options.since_label = _("new since the baseline");
  options.legend = TRUE;
  cp_netmap_renderer_draw_fitted (renderer, cr, p->map, &options, width, height);
}

static gboolean
typeset (CpSupervisionSheet  *self,
         const char          *path,
         GError             **error)
{
  g_autoptr(CpTypesetDocument) doc = NULL;
  g_autofree char *language = cp_locale_language_tag ();
  g_autofree char *created = g_strdup_printf ("%sT00:00:00Z", self->day);
  CpTypesetOptions topts;
  CpTypesetMetadata meta = {
    .title = _("Supervision sheet"),
    .author = DISPLAY_NAME,
    .subject = _("Pseudonymised: people by initials and case reference"),
    .language = language,
  };

  _cp_plan_typeset_options (&topts, BODY_SIZE, _("Supervision sheet"), created);
  topts.chapter_new_page = TRUE;
  topts.footer_text = _("Special category data (health): keep it secure, share it only "
                        "as your policy allows.");
  doc = cp_typeset_document_new (&topts, &meta);
  for (guint i = 0; i < self->people->len; i++)
    {
      SheetPerson *p = g_ptr_array_index (self->people, i);
      g_autofree char *map = g_strdup_printf ("map-%u", p->index);
      g_autofree char *trend = g_strdup_printf ("trend-%u", p->index);

      if (p->map != NULL)
        cp_typeset_document_add_figure (doc, map, MAP_ASPECT, draw_map, p, NULL);
      if (self->options.goal_scaling && p->has_score)
        _cp_plan_add_history_figure (doc, trend, p->plan, CP_GOAL_CHART_T_SCORE);
    }
  for (guint i = 0; self->chapters[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("supervision-%u.md", i + 1);

      if (!cp_typeset_document_add_chapter (doc, name, self->chapters[i], -1, error))
        return FALSE;
    }
  return cp_typeset_document_write_pdf (doc, path, error);
}

gboolean
cp_supervision_sheet_stage (CpSupervisionSheet  *self,
                            const char          *path,
                            GError             **error)
{
  g_return_val_if_fail (self != NULL && self->staged.tmp_path == NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!cp_export_staged_open (&self->staged, path, self->options.replace, error))
    return FALSE;
  return typeset (self, self->staged.tmp_path, error);
}

gboolean
cp_supervision_sheet_publish (CpSupervisionSheet  *self,
                              CpStore             *store,
                              GError             **error)
{
  g_autofree char *detail = NULL;

  g_return_val_if_fail (self != NULL && self->staged.tmp_path != NULL, FALSE);
  g_return_val_if_fail (CP_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Everyone on it must still be there before anyone's log is written. */
  for (guint i = 0; i < self->people->len; i++)
    {
      SheetPerson *p = g_ptr_array_index (self->people, i);

      if (cp_store_find_person (store, p->person_id) == NULL)
        {
          g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                       _("Someone on the sheet is no longer in the workspace."));
          return FALSE;
        }
    }
  if (self->for_session)
    {
      const CpSupervisionSession *session = g_ptr_array_index (self->sessions, 0);
      g_autofree char *held = cp_date_format_long (session->held_on);

      /* TRANSLATORS: the disclosure log; %s is the session's date */
      detail = g_strdup_printf (_("Supervision sheet of the session on %s (PDF, initials and "
                                  "case reference)"), held);
    }
  else
    detail = g_strdup (_("Supervision sheet (PDF, initials and case reference)"));
  /* The record comes first: no sheet leaves unrecorded. */
  for (guint i = 0; i < self->people->len; i++)
    {
      SheetPerson *p = g_ptr_array_index (self->people, i);

      if (cp_store_add_disclosure (store, p->person_id, CP_DISCLOSURE_SUPERVISION_SHEET, detail,
                                   NULL, error) == 0)
        return FALSE;
    }
  return cp_export_staged_publish (&self->staged, error);
}

gboolean
cp_supervision_sheet_write (CpSupervisionSheet  *self,
                            CpStore             *store,
                            const char          *path,
                            GError             **error)
{
  return cp_supervision_sheet_stage (self, path, error) &&
         cp_supervision_sheet_publish (self, store, error);
}
