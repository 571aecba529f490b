/* cp-records.h: the kinds of value a person's goals and reviews hold
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "store/cp-store-enums.h"

G_BEGIN_DECLS

/* Each enum is registered by gnome.mkenums_simple (store/cp-store-enums.h); its nicks are
 * the strings stored in the rows (cp_enum_to_nick, cp_enum_from_nick). Where mkenums
 * would write a hyphen and the rows hold an underscore, the nick is annotated. The
 * words people read for them live with whatever writes for people (goals/cp-goal-words.h
 * for the UI, the person's copy and the subject access report), never here. The network
 * map's kinds, sectors, rings, support, direction of help and tie strengths are the map
 * model's (netmap/cp-netmap-model.h), one set for every layer. */

/* STOPPED is shown as "put aside": a goal the person chose to set down, not a failure.
 * Achieved and put-aside goals carry the date it happened. */
typedef enum
{
  CP_GOAL_STATUS_ACTIVE,
  CP_GOAL_STATUS_ACHIEVED,
  CP_GOAL_STATUS_STOPPED,
} CpGoalStatus;

/* Who does a step of a goal: the person, the practitioner, the two together, someone
 * else (a role in words, "the housing officer"), or a member of the person's map (by
 * lineage). */
typedef enum
{
  CP_STEP_OWNER_PERSON,
  CP_STEP_OWNER_PRACTITIONER,
  CP_STEP_OWNER_MEMBER,
  CP_STEP_OWNER_TOGETHER,
  CP_STEP_OWNER_SOMEONE,
} CpStepOwner;

/* The area of life a goal belongs to. NONE: not chosen (NULL in the row). */
typedef enum
{
  CP_LIFE_AREA_NONE,
  CP_LIFE_AREA_FRIENDSHIPS,
  CP_LIFE_AREA_FAMILY,
  CP_LIFE_AREA_LEISURE,
  CP_LIFE_AREA_LEARNING,
  CP_LIFE_AREA_WORK,                /* work & volunteering */
  CP_LIFE_AREA_FAITH,               /* faith & culture */
  CP_LIFE_AREA_PHYSICAL_ACTIVITY,   /*< nick=physical_activity >*/
  CP_LIFE_AREA_COMMUNITY_GROUPS,    /*< nick=community_groups >*/
  CP_LIFE_AREA_PRACTICAL,           /* practical & housing */
  CP_LIFE_AREA_HEALTH,
  CP_LIFE_AREA_MONEY,
  CP_LIFE_AREA_CARING,
  CP_LIFE_AREA_DIGITAL,
} CpLifeArea;

#define CP_LIFE_AREA_LAST CP_LIFE_AREA_DIGITAL

/* The DIALOG+ item a goal answers, for a team that plans with DIALOG+ (so the goal is not
 * written twice). NONE: not linked (NULL in the row). */
typedef enum
{
  CP_DIALOG_DOMAIN_NONE,
  CP_DIALOG_DOMAIN_MENTAL_HEALTH,   /*< nick=mental_health >*/
  CP_DIALOG_DOMAIN_PHYSICAL_HEALTH, /*< nick=physical_health >*/
  CP_DIALOG_DOMAIN_JOB,             /* job situation */
  CP_DIALOG_DOMAIN_ACCOMMODATION,
  CP_DIALOG_DOMAIN_LEISURE,         /* leisure activities */
  CP_DIALOG_DOMAIN_FRIENDSHIPS,
  CP_DIALOG_DOMAIN_PARTNER_FAMILY,  /*< nick=partner_family >*/
  CP_DIALOG_DOMAIN_SAFETY,          /* personal safety */
  CP_DIALOG_DOMAIN_MEDICATION,
  CP_DIALOG_DOMAIN_PRACTICAL_HELP,  /*< nick=practical_help >*/
  CP_DIALOG_DOMAIN_PROFESSIONALS,   /* meetings with professionals */
} CpDialogDomain;

#define CP_DIALOG_DOMAIN_LAST CP_DIALOG_DOMAIN_PROFESSIONALS

/* A rating at a review without Goal Attainment Scaling: kept in its own column, apart
 * from GAS levels, so switching GAS on later never turns these into scores. NONE: not
 * rated this way (NULL in the row). */
typedef enum
{
  CP_PROGRESS_NONE,
  CP_PROGRESS_FURTHER,   /* further on */
  CP_PROGRESS_SAME,      /* about the same */
  CP_PROGRESS_HARDER,    /* harder */
} CpProgress;

/* What got in the way, picked at a review. SAFETY takes no note ("record this in the
 * case record"); every other pick may have one. */
typedef enum
{
  CP_BARRIER_MONEY,
  CP_BARRIER_TRANSPORT,
  CP_BARRIER_CONFIDENCE,
  CP_BARRIER_HEALTH,      /* my health */
  CP_BARRIER_STIGMA,
  CP_BARRIER_CARING,
  CP_BARRIER_LANGUAGE,
  CP_BARRIER_DIGITAL,
  CP_BARRIER_SERVICE,     /* the service didn't do its part */
  CP_BARRIER_SAFETY,
  CP_BARRIER_OTHER,
} CpBarrier;

#define CP_BARRIER_LAST CP_BARRIER_OTHER

G_END_DECLS
