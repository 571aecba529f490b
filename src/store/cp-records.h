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
 * words people read for them live with whatever writes for people (src/export, the UI),
 * never here. The network map's kinds, sectors, rings, support, direction of help and
 * tie strengths are the map model's (netmap/cp-netmap-model.h), one set for every
 * layer; a goal's life area is, for now, one of the map's sectors (CpNetmapSector). */

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
