/* cp-person.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-person"

#include <string.h>

#include "cp-person.h"
#include "util/cp-enum.h"
#include "util/cp-locale.h"

struct _CpPerson
{
  GObject         parent_instance;

  gint64          id;
  char           *name;
  char           *name_key;     /* cp_person_get_name_key (), made on first use */
  char           *case_ref;
  CpPersonStatus  status;
  CpPauseReason   pause_reason;
  char           *closed_on;
  CpFocus         focus;
  char           *next_review;
  char           *notes;
  char           *updated_at;

  /* Agreement and communication (schema version 3). */
  guint                 agreement_loaded : 1;
  char                 *agreed_on;
  char                 *keep_agreed_on;
  char                 *sharing;
  CpCommunicationNeeds  communication_needs;
  char                 *interpreter_language;
  char                 *communication_other;

  /* The plan (schema version 7). */
  guint                 plan_loaded : 1;
  char                 *plan_agreed_on;
  char                 *check_in_on;
  char                 *guide_on;
};

G_DEFINE_FINAL_TYPE (CpPerson, cp_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CASE_REF,
  PROP_STATUS,
  PROP_PAUSE_REASON,
  PROP_CLOSED_ON,
  PROP_FOCUS,
  PROP_NEXT_REVIEW,
  PROP_NOTES,
  PROP_UPDATED_AT,
  PROP_AGREED_ON,
  PROP_KEEP_AGREED_ON,
  PROP_SHARING,
  PROP_COMMUNICATION_NEEDS,
  PROP_INTERPRETER_LANGUAGE,
  PROP_COMMUNICATION_OTHER,
  PROP_PLAN_AGREED_ON,
  PROP_CHECK_IN_ON,
  PROP_GUIDE_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Stored strings ------------------------------------------------------------------ */

const char *
cp_person_status_to_string (CpPersonStatus status)
{
  const char *nick = cp_enum_to_nick (CP_TYPE_PERSON_STATUS, (int) status);

  g_return_val_if_fail (nick != NULL, NULL);

  return nick;
}

const char *
cp_pause_reason_to_string (CpPauseReason reason)
{
  const char *nick = cp_enum_to_nick (CP_TYPE_PAUSE_REASON, (int) reason);

  g_return_val_if_fail (nick != NULL, NULL);

  return reason == CP_PAUSE_REASON_NONE ? NULL : nick;
}

const char *
cp_focus_to_string (CpFocus focus)
{
  const char *nick = cp_enum_to_nick (CP_TYPE_FOCUS, (int) focus);

  g_return_val_if_fail (nick != NULL, NULL);

  return focus == CP_FOCUS_NONE ? NULL : nick;
}

/* ---- GObject -------------------------------------------------------------------------- */

static void
cp_person_finalize (GObject *object)
{
  CpPerson *self = (CpPerson *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->name_key, g_free);
  g_clear_pointer (&self->case_ref, g_free);
  g_clear_pointer (&self->closed_on, g_free);
  g_clear_pointer (&self->next_review, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_pointer (&self->agreed_on, g_free);
  g_clear_pointer (&self->keep_agreed_on, g_free);
  g_clear_pointer (&self->sharing, g_free);
  g_clear_pointer (&self->interpreter_language, g_free);
  g_clear_pointer (&self->communication_other, g_free);
  g_clear_pointer (&self->plan_agreed_on, g_free);
  g_clear_pointer (&self->check_in_on, g_free);
  g_clear_pointer (&self->guide_on, g_free);

  G_OBJECT_CLASS (cp_person_parent_class)->finalize (object);
}

static void
cp_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CpPerson *self = CP_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CASE_REF:
      g_value_set_string (value, self->case_ref);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_PAUSE_REASON:
      g_value_set_enum (value, self->pause_reason);
      break;
    case PROP_CLOSED_ON:
      g_value_set_string (value, self->closed_on);
      break;
    case PROP_FOCUS:
      g_value_set_enum (value, self->focus);
      break;
    case PROP_NEXT_REVIEW:
      g_value_set_string (value, self->next_review);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;
    case PROP_AGREED_ON:
      g_value_set_string (value, self->agreed_on);
      break;
    case PROP_KEEP_AGREED_ON:
      g_value_set_string (value, self->keep_agreed_on);
      break;
    case PROP_SHARING:
      g_value_set_string (value, self->sharing);
      break;
    case PROP_COMMUNICATION_NEEDS:
      g_value_set_flags (value, self->communication_needs);
      break;
    case PROP_INTERPRETER_LANGUAGE:
      g_value_set_string (value, self->interpreter_language);
      break;
    case PROP_COMMUNICATION_OTHER:
      g_value_set_string (value, self->communication_other);
      break;
    case PROP_PLAN_AGREED_ON:
      g_value_set_string (value, self->plan_agreed_on);
      break;
    case PROP_CHECK_IN_ON:
      g_value_set_string (value, self->check_in_on);
      break;
    case PROP_GUIDE_ON:
      g_value_set_string (value, self->guide_on);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_person_class_init (CpPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cp_person_finalize;
  object_class->get_property = cp_person_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_CASE_REF] =
    g_param_spec_string ("case-ref", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CP_TYPE_PERSON_STATUS, CP_PERSON_STATUS_ACTIVE, flags);
  properties[PROP_PAUSE_REASON] =
    g_param_spec_enum ("pause-reason", NULL, NULL,
                       CP_TYPE_PAUSE_REASON, CP_PAUSE_REASON_NONE, flags);
  properties[PROP_CLOSED_ON] =
    g_param_spec_string ("closed-on", NULL, NULL, NULL, flags);
  properties[PROP_FOCUS] =
    g_param_spec_enum ("focus", NULL, NULL, CP_TYPE_FOCUS, CP_FOCUS_NONE, flags);
  properties[PROP_NEXT_REVIEW] =
    g_param_spec_string ("next-review", NULL, NULL, NULL, flags);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "", flags);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL, flags);
  properties[PROP_AGREED_ON] =
    g_param_spec_string ("agreed-on", NULL, NULL, NULL, flags);
  properties[PROP_KEEP_AGREED_ON] =
    g_param_spec_string ("keep-agreed-on", NULL, NULL, NULL, flags);
  properties[PROP_SHARING] =
    g_param_spec_string ("sharing", NULL, NULL, "", flags);
  properties[PROP_COMMUNICATION_NEEDS] =
    g_param_spec_flags ("communication-needs", NULL, NULL,
                        CP_TYPE_COMMUNICATION_NEEDS, 0, flags);
  properties[PROP_INTERPRETER_LANGUAGE] =
    g_param_spec_string ("interpreter-language", NULL, NULL, NULL, flags);
  properties[PROP_COMMUNICATION_OTHER] =
    g_param_spec_string ("communication-other", NULL, NULL, "", flags);
  properties[PROP_PLAN_AGREED_ON] =
    g_param_spec_string ("plan-agreed-on", NULL, NULL, NULL, flags);
  properties[PROP_CHECK_IN_ON] =
    g_param_spec_string ("check-in-on", NULL, NULL, NULL, flags);
  properties[PROP_GUIDE_ON] =
    g_param_spec_string ("guide-on", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_person_init (CpPerson *self)
{
  self->notes = g_strdup ("");
  self->sharing = g_strdup ("");
  self->communication_other = g_strdup ("");
}

/* ---- Getters -------------------------------------------------------------------------- */

gint64
cp_person_get_id (CpPerson *self)
{
  g_return_val_if_fail (CP_IS_PERSON (self), 0);

  return self->id;
}

const char *
cp_person_get_name (CpPerson *self)
{
  g_return_val_if_fail (CP_IS_PERSON (self), NULL);

  return self->name;
}

const char *
cp_person_get_name_key (CpPerson *self)
{
  g_return_val_if_fail (CP_IS_PERSON (self), NULL);

  if (self->name_key == NULL)
    self->name_key = cp_locale_sort_key (self->name);

  return self->name_key;
}

const char *
cp_person_get_case_ref (CpPerson *self)
{
  g_return_val_if_fail (CP_IS_PERSON (self), NULL);

  return self->case_ref;
}

CpPersonStatus
cp_person_get_status (CpPerson *self)
{
  g_return_val_if_fail (CP_IS_PERSON (self), CP_PERSON_STATUS_ACTIVE);

  return self->status;
}

CpPauseReason
cp_person_get_pause_reason (CpPerson *self)
{
  g_return_val_if_fail (CP_IS_PERSON (self), CP_PAUSE_REASON_NONE);

  return self->pause_reason;
}

const char *
cp_person_get_closed_on (CpPerson *self)
{
  g_return_val_if_fail (CP_IS_PERSON (self), NULL);

  return self->closed_on;
}

CpFocus
cp_person_get_focus (CpPerson *self)
{
  g_return_val_if_fail (CP_IS_PERSON (self), CP_FOCUS_NONE);

  return self->focus;
}

const char *
cp_person_get_next_review (CpPerson *self)
{
  g_return_val_if_fail (CP_IS_PERSON (self), NULL);

  return self->next_review;
}

const char *
cp_person_get_notes (CpPerson *self)
{
  g_return_val_if_fail (CP_IS_PERSON (self), NULL);

  return self->notes;
}

const char *
cp_person_get_updated_at (CpPerson *self)
{
  g_return_val_if_fail (CP_IS_PERSON (self), NULL);

  return self->updated_at;
}

gboolean
cp_person_is_overdue (CpPerson   *self,
                      const char *today)
{
  g_return_val_if_fail (CP_IS_PERSON (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (self->status != CP_PERSON_STATUS_ACTIVE || self->next_review == NULL)
    return FALSE;

  /* YYYY-MM-DD compares correctly as text. */
  return strcmp (self->next_review, today) < 0;
}

gboolean
cp_person_is_check_in_due (CpPerson   *self,
                           const char *today)
{
  g_return_val_if_fail (CP_IS_PERSON (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (self->status != CP_PERSON_STATUS_PAUSED || self->check_in_on == NULL)
    return FALSE;

  return strcmp (self->check_in_on, today) < 0;
}

CpReviewDue
cp_person_get_review_due (CpPerson   *self,
                          const char *today)
{
  g_return_val_if_fail (CP_IS_PERSON (self), CP_REVIEW_DUE_NONE);
  g_return_val_if_fail (today != NULL, CP_REVIEW_DUE_NONE);

  switch (self->status)
    {
    case CP_PERSON_STATUS_ACTIVE:
      if (self->next_review == NULL)
        return CP_REVIEW_DUE_NONE;
      return strcmp (self->next_review, today) < 0 ? CP_REVIEW_DUE_OVERDUE
                                                   : CP_REVIEW_DUE_ON_TIME;
    case CP_PERSON_STATUS_PAUSED:
      if (self->check_in_on == NULL)
        return CP_REVIEW_DUE_CHECK_IN_MISSING;
      return strcmp (self->check_in_on, today) < 0 ? CP_REVIEW_DUE_CHECK_IN_PASSED
                                                   : CP_REVIEW_DUE_PAUSED;
    case CP_PERSON_STATUS_CLOSED:
    default:
      return CP_REVIEW_DUE_NONE;
    }
}

const char *
cp_person_get_plan_agreed_on (CpPerson *self)
{
  g_return_val_if_fail (CP_IS_PERSON (self), NULL);

  return self->plan_agreed_on;
}

const char *
cp_person_get_check_in_on (CpPerson *self)
{
  g_return_val_if_fail (CP_IS_PERSON (self), NULL);

  return self->check_in_on;
}

const char *
cp_person_get_guide_on (CpPerson *self)
{
  g_return_val_if_fail (CP_IS_PERSON (self), NULL);

  return self->guide_on;
}

const char *
cp_person_get_agreed_on (CpPerson *self)
{
  g_return_val_if_fail (CP_IS_PERSON (self), NULL);

  return self->agreed_on;
}

const char *
cp_person_get_keep_agreed_on (CpPerson *self)
{
  g_return_val_if_fail (CP_IS_PERSON (self), NULL);

  return self->keep_agreed_on;
}

const char *
cp_person_get_sharing (CpPerson *self)
{
  g_return_val_if_fail (CP_IS_PERSON (self), NULL);

  return self->sharing;
}

CpCommunicationNeeds
cp_person_get_communication_needs (CpPerson *self)
{
  g_return_val_if_fail (CP_IS_PERSON (self), 0);

  return self->communication_needs;
}

const char *
cp_person_get_interpreter_language (CpPerson *self)
{
  g_return_val_if_fail (CP_IS_PERSON (self), NULL);

  return self->interpreter_language;
}

const char *
cp_person_get_communication_other (CpPerson *self)
{
  g_return_val_if_fail (CP_IS_PERSON (self), NULL);

  return self->communication_other;
}

/* ---- Store-only ----------------------------------------------------------------------- */

CpPerson *
_cp_person_new (gint64 id)
{
  CpPerson *self = g_object_new (CP_TYPE_PERSON, NULL);

  self->id = id;

  return self;
}

/* A record filled for the first time has no one watching yet: no notifications. */
static void
set_string (CpPerson   *self,
            gboolean    quiet,
            char      **field,
            const char *value,
            guint       prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  if (!quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_enum (CpPerson *self,
          gboolean  quiet,
          int      *field,
          int       value,
          guint     prop)
{
  if (*field == value)
    return;

  *field = value;
  if (!quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_cp_person_update (CpPerson       *self,
                   const char     *name,
                   const char     *case_ref,
                   CpPersonStatus  status,
                   CpPauseReason   pause_reason,
                   const char     *closed_on,
                   CpFocus         focus,
                   const char     *next_review,
                   const char     *notes,
                   const char     *updated_at)
{
  gboolean quiet;

  g_return_if_fail (CP_IS_PERSON (self));

  quiet = self->updated_at == NULL;
  if (!quiet)
    g_object_freeze_notify (G_OBJECT (self));

  if (g_strcmp0 (self->name, name) != 0)
    g_clear_pointer (&self->name_key, g_free);
  set_string (self, quiet, &self->name, name, PROP_NAME);
  set_string (self, quiet, &self->case_ref, (case_ref && *case_ref) ? case_ref : NULL,
              PROP_CASE_REF);
  set_enum (self, quiet, (int *) &self->status, status, PROP_STATUS);
  set_enum (self, quiet, (int *) &self->pause_reason, pause_reason, PROP_PAUSE_REASON);
  set_string (self, quiet, &self->closed_on, closed_on, PROP_CLOSED_ON);
  set_enum (self, quiet, (int *) &self->focus, focus, PROP_FOCUS);
  set_string (self, quiet, &self->next_review, next_review, PROP_NEXT_REVIEW);
  set_string (self, quiet, &self->notes, notes ? notes : "", PROP_NOTES);
  set_string (self, quiet, &self->updated_at, updated_at ? updated_at : "", PROP_UPDATED_AT);

  if (!quiet)
    g_object_thaw_notify (G_OBJECT (self));
}

void
_cp_person_update_agreement (CpPerson             *self,
                             const char           *agreed_on,
                             const char           *keep_agreed_on,
                             const char           *sharing,
                             CpCommunicationNeeds  needs,
                             const char           *interpreter_language,
                             const char           *communication_other)
{
  gboolean quiet;

  g_return_if_fail (CP_IS_PERSON (self));

  quiet = !self->agreement_loaded;
  self->agreement_loaded = TRUE;
  if (!quiet)
    g_object_freeze_notify (G_OBJECT (self));

  set_string (self, quiet, &self->agreed_on, agreed_on, PROP_AGREED_ON);
  set_string (self, quiet, &self->keep_agreed_on, keep_agreed_on, PROP_KEEP_AGREED_ON);
  set_string (self, quiet, &self->sharing, sharing ? sharing : "", PROP_SHARING);
  set_enum (self, quiet, (int *) &self->communication_needs, (int) needs,
            PROP_COMMUNICATION_NEEDS);
  set_string (self, quiet, &self->interpreter_language,
              (interpreter_language && *interpreter_language) ? interpreter_language : NULL,
              PROP_INTERPRETER_LANGUAGE);
  set_string (self, quiet, &self->communication_other,
              communication_other ? communication_other : "", PROP_COMMUNICATION_OTHER);

  if (!quiet)
    g_object_thaw_notify (G_OBJECT (self));
}

void
_cp_person_update_plan (CpPerson   *self,
                        const char *plan_agreed_on,
                        const char *check_in_on,
                        const char *guide_on)
{
  gboolean quiet;

  g_return_if_fail (CP_IS_PERSON (self));

  quiet = !self->plan_loaded;
  self->plan_loaded = TRUE;
  if (!quiet)
    g_object_freeze_notify (G_OBJECT (self));

  set_string (self, quiet, &self->plan_agreed_on, plan_agreed_on, PROP_PLAN_AGREED_ON);
  set_string (self, quiet, &self->check_in_on, check_in_on, PROP_CHECK_IN_ON);
  set_string (self, quiet, &self->guide_on, guide_on, PROP_GUIDE_ON);

  if (!quiet)
    g_object_thaw_notify (G_OBJECT (self));
}
