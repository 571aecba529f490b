/* cp-records.h: the kinds of value a person's maps, goals and reviews hold
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
 * words people read for them live with whatever writes for people (src/export, the UI),
 * never here. */

/* What a member of a network map is. */
typedef enum
{
  CP_MEMBER_KIND_PERSON,
  CP_MEMBER_KIND_PLACE,
  CP_MEMBER_KIND_ACTIVITY,
} CpMemberKind;

/* The six sectors of a map, and the areas of life a goal belongs to. */
typedef enum
{
  CP_SECTOR_FAMILY,      /* family & home */
  CP_SECTOR_FRIENDS,
  CP_SECTOR_NEIGHBOURS,  /* neighbours & local */
  CP_SECTOR_WORK,        /* work, learning & volunteering */
  CP_SECTOR_GROUPS,      /* clubs, groups & faith */
  CP_SECTOR_SERVICES,    /* services & paid support */
} CpSector;

/* The rings, stored as their number. */
typedef enum /*< skip >*/
{
  CP_RING_CLOSEST   = 1,  /* closest to me */
  CP_RING_IMPORTANT = 2,  /* important to me */
  CP_RING_AROUND    = 3,  /* around me */
  CP_RING_OUTER     = 4,  /* the outer zone: I'd like / lost touch */
} CpRing;

/* Which way help goes between the person and a member (not recorded: NULL in the row). */
typedef enum
{
  CP_HELP_DIRECTION_NOT_RECORDED,
  CP_HELP_DIRECTION_BOTH,
  CP_HELP_DIRECTION_TO_THEM,      /*< nick=to_them >*/
  CP_HELP_DIRECTION_FROM_THEM,    /*< nick=from_them >*/
} CpHelpDirection;

/* The kinds of support a member gives (stored as the sum of the bits). */
typedef enum /*< flags >*/
{
  CP_SUPPORT_EMOTIONAL   = 1 << 0,
  CP_SUPPORT_PRACTICAL   = 1 << 1,
  CP_SUPPORT_INFORMATION = 1 << 2,
  CP_SUPPORT_COMPANY     = 1 << 3,
} CpSupportTypes;

/* A tie between two members of a map. */
typedef enum
{
  CP_TIE_STRONG,
  CP_TIE_WEAK,
  CP_TIE_STRESSFUL,
} CpTieStrength;

typedef enum
{
  CP_GOAL_STATUS_ACTIVE,
  CP_GOAL_STATUS_ACHIEVED,
  CP_GOAL_STATUS_STOPPED,
} CpGoalStatus;

/* Who does a step of a goal: the person, the practitioner, or a member of the map. */
typedef enum
{
  CP_STEP_OWNER_PERSON,
  CP_STEP_OWNER_PRACTITIONER,
  CP_STEP_OWNER_MEMBER,
} CpStepOwner;

G_END_DECLS
