/* cp-goal-words.c: the words people read for goals, steps, ratings and barriers
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-goal-words"

#include <glib/gi18n.h>

#include "cp-goal-words.h"

static const char *
pick (const char * const *words,
      guint               n_words,
      int                 value)
{
  if (value < 0 || (guint) value >= n_words)
    value = 0;

  return _(words[value]);
}

const char *
cp_life_area_label (CpLifeArea area)
{
  static const char * const words[] = {
    N_("No area chosen"), N_("Friendships"), N_("Family"), N_("Leisure"), N_("Learning"),
    N_("Work and volunteering"), N_("Faith and culture"), N_("Physical activity"),
    N_("Community groups"), N_("Practical and housing"), N_("Health"), N_("Money"),
    N_("Caring"), N_("Digital"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (words) == CP_LIFE_AREA_LAST + 1);

  return pick (words, G_N_ELEMENTS (words), area);
}

const char *
cp_dialog_domain_label (CpDialogDomain domain)
{
  static const char * const words[] = {
    N_("Not linked"), N_("Mental health"), N_("Physical health"), N_("Job situation"),
    N_("Accommodation"), N_("Leisure activities"), N_("Friendships"), N_("Partner or family"),
    N_("Personal safety"), N_("Medication"), N_("Practical help"),
    N_("Meetings with professionals"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (words) == CP_DIALOG_DOMAIN_LAST + 1);

  return pick (words, G_N_ELEMENTS (words), domain);
}

const char *
cp_goal_status_label (CpGoalStatus status)
{
  static const char * const words[] = {
    NC_("goal", "Active"), NC_("goal", "Achieved"), NC_("goal", "Put aside"),
  };

  if ((guint) status >= G_N_ELEMENTS (words))
    status = CP_GOAL_STATUS_ACTIVE;

  return g_dpgettext2 (GETTEXT_PACKAGE, "goal", words[status]);
}

const char *
cp_step_owner_label (CpStepOwner owner)
{
  static const char * const words[] = {
    N_("The person"), N_("The practitioner"), N_("Someone on the map"), N_("Together"),
    N_("Someone else"),
  };

  return pick (words, G_N_ELEMENTS (words), owner);
}

const char *
cp_progress_label (CpProgress progress)
{
  static const char * const words[] = {
    N_("Not rated"), N_("Further on"), N_("About the same"), N_("Harder"),
  };

  return pick (words, G_N_ELEMENTS (words), progress);
}

const char *
cp_barrier_label (CpBarrier barrier)
{
  static const char * const words[] = {
    N_("Money"), N_("Transport"), N_("Confidence"), N_("My health"), N_("Stigma"),
    N_("Caring"), N_("Language"), N_("Digital"), N_("The service didn’t do its part"),
    N_("Safety"), N_("Other"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (words) == CP_BARRIER_LAST + 1);

  return pick (words, G_N_ELEMENTS (words), barrier);
}

const char *
cp_gas_level_label (int level)
{
  static const char * const words[] = {
    N_("Much less than expected"), N_("Less than expected"), N_("As expected"),
    N_("More than expected"), N_("Much more than expected"),
  };

  if (level < -2 || level > 2)
    return NULL;

  return _(words[level + 2]);
}
