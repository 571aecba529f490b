/* cp-netmap-model.h: one network map in memory: its members and the ties between them
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The fields and their stored strings follow the tables member and tie of
 * resources/sql/schema.sql, so the store fills a model row by row. Each enum's nick is
 * the string stored in the database (cp_enum_to_nick () in util/cp-enum.h). */

typedef enum
{
  CP_NETMAP_KIND_PERSON,
  CP_NETMAP_KIND_PLACE,
  CP_NETMAP_KIND_ACTIVITY,
} CpNetmapKind;

#define CP_NETMAP_N_KINDS 3

typedef enum
{
  CP_NETMAP_SECTOR_FAMILY,
  CP_NETMAP_SECTOR_FRIENDS,
  CP_NETMAP_SECTOR_NEIGHBOURS,
  CP_NETMAP_SECTOR_WORK,
  CP_NETMAP_SECTOR_GROUPS,
  CP_NETMAP_SECTOR_SERVICES,
} CpNetmapSector;

#define CP_NETMAP_N_SECTORS 6

/* ring: 1 closest to me, 2 important to me, 3 around me, 4 the outer zone
 * ("I'd like / lost touch"). */
#define CP_NETMAP_RING_CLOSEST   1
#define CP_NETMAP_RING_IMPORTANT 2
#define CP_NETMAP_RING_AROUND    3
#define CP_NETMAP_RING_OUTER     4
#define CP_NETMAP_N_RINGS        4

/* member.support_types: a bit set */
typedef enum /*< flags >*/
{
  CP_NETMAP_SUPPORT_EMOTIONAL   = 1 << 0,
  CP_NETMAP_SUPPORT_PRACTICAL   = 1 << 1,
  CP_NETMAP_SUPPORT_INFORMATION = 1 << 2,
  CP_NETMAP_SUPPORT_COMPANY     = 1 << 3,
} CpNetmapSupport;

#define CP_NETMAP_N_SUPPORTS 4

/* member.direction: NULL in the table is NOT_RECORDED */
typedef enum
{
  CP_NETMAP_DIRECTION_NOT_RECORDED, /*< nick=not_recorded >*/
  CP_NETMAP_DIRECTION_BOTH,         /*< nick=both >*/
  CP_NETMAP_DIRECTION_TO_THEM,      /*< nick=to_them >*/
  CP_NETMAP_DIRECTION_FROM_THEM,    /*< nick=from_them >*/
} CpNetmapDirection;

/* tie.strength; "stressful" is shown as "hard going" */
typedef enum
{
  CP_NETMAP_TIE_STRONG,
  CP_NETMAP_TIE_WEAK,
  CP_NETMAP_TIE_STRESSFUL,
} CpNetmapTieStrength;

#define CP_NETMAP_NOT_RECORDED (-1)

typedef struct _CpNetmapMember CpNetmapMember;

/* One member (a row of member). Fields are plain and may be written directly, except
 * lineage (set when added) and name (cp_netmap_member_set_name ()). The model holds no
 * notes: nothing drawn, measured or exported from it can carry them. */
struct _CpNetmapMember
{
  gint64             id;             /* member.id; 0 when not stored */
  gint64             lineage;        /* the same member across a person's snapshots */
  CpNetmapKind       kind;
  char              *name;           /* as the person says it: a first name or a role */
  CpNetmapSector     sector;
  int                ring;           /* 1..4 */
  double             angle;          /* member.angle: 0..1 across the cell, clockwise */
  double             depth;          /* member.depth: 0..1 from the inner to the outer
                                      * edge of the ring (0.5, the middle, by default) */
  gboolean           helps_me;
  gboolean           hard_going;
  gboolean           want_more;
  gboolean           met_through_us; /* "met through our work" */
  gboolean           mostly_online;
  gboolean           died;           /* "died — keep on my map" */
  gboolean           caution;        /* practitioner-only: never printed or exported */
  int                frequency;      /* -1 not recorded; 0 hardly ever .. 4 daily */
  int                years_known;    /* -1 not recorded; 0 under 1, 1 one to 5, 2 over 5 */
  CpNetmapSupport    support;        /* 0: none recorded */
  CpNetmapDirection  direction;
  int                paid;           /* -1 not recorded, 0 unpaid, 1 paid */
  char              *added_on;       /* YYYY-MM-DD, or NULL */
};

/* A tie between two members, by lineage (a < b). */
typedef struct
{
  gint64              id;            /* tie.id; 0 when not stored */
  gint64              a;
  gint64              b;
  CpNetmapTieStrength strength;
} CpNetmapTie;

#define CP_TYPE_NETMAP_MODEL (cp_netmap_model_get_type ())
G_DECLARE_FINAL_TYPE (CpNetmapModel, cp_netmap_model, CP, NETMAP_MODEL, GObject)

#define CP_NETMAP_ERROR (cp_netmap_error_quark ())

typedef enum
{
  CP_NETMAP_ERROR_INVALID,
  CP_NETMAP_ERROR_WRITE,
} CpNetmapError;

GQuark          cp_netmap_error_quark          (void);

CpNetmapModel  *cp_netmap_model_new            (void);
/* A deep copy with the same lineages and no ids: "Start review map". */
CpNetmapModel  *cp_netmap_model_copy           (CpNetmapModel       *self);

guint           cp_netmap_model_get_n_members  (CpNetmapModel       *self);
CpNetmapMember *cp_netmap_model_get_member     (CpNetmapModel       *self,
                                                guint                index);
CpNetmapMember *cp_netmap_model_find           (CpNetmapModel       *self,
                                                gint64               lineage);
/* Adds a member with nothing else recorded, in the middle of its cell. @lineage 0 takes
 * the highest lineage + 1; a lineage already on the map returns NULL. */
CpNetmapMember *cp_netmap_model_add            (CpNetmapModel       *self,
                                                gint64               lineage,
                                                CpNetmapKind         kind,
                                                const char          *name,
                                                CpNetmapSector       sector,
                                                int                  ring);
/* Removes the member and its ties. */
gboolean        cp_netmap_model_remove         (CpNetmapModel       *self,
                                                gint64               lineage);
gint64          cp_netmap_model_next_lineage   (CpNetmapModel       *self);

guint           cp_netmap_model_get_n_ties     (CpNetmapModel       *self);
const CpNetmapTie *cp_netmap_model_get_tie     (CpNetmapModel       *self,
                                                guint                index);
const CpNetmapTie *cp_netmap_model_find_tie    (CpNetmapModel       *self,
                                                gint64               a,
                                                gint64               b);
/* Adds the tie or changes its strength; FALSE when an end is not on the map or a == b. */
gboolean        cp_netmap_model_set_tie        (CpNetmapModel       *self,
                                                gint64               a,
                                                gint64               b,
                                                CpNetmapTieStrength  strength);
gboolean        cp_netmap_model_remove_tie     (CpNetmapModel       *self,
                                                gint64               a,
                                                gint64               b);

void            cp_netmap_member_set_name      (CpNetmapMember      *member,
                                                const char          *name);
/* Whether any field of the research grid is recorded (frequency, years known, support,
 * direction, paid). */
gboolean        cp_netmap_member_has_details   (const CpNetmapMember *member);

/* Everyday words, translated. */
const char     *cp_netmap_kind_label           (CpNetmapKind         kind);
const char     *cp_netmap_sector_label         (CpNetmapSector       sector);
const char     *cp_netmap_ring_label           (int                  ring);
const char     *cp_netmap_support_label        (CpNetmapSupport      support);
const char     *cp_netmap_direction_label      (CpNetmapDirection    direction);
const char     *cp_netmap_tie_label            (CpNetmapTieStrength  strength);

/* What a word read from a file names (cp-netmap-words.c): the stored nick ("family",
 * "stressful"), the everyday words in English ("family & home", "hard going") or in the
 * user's language; case, spaces around and the kind of apostrophe do not matter. A ring
 * is also its number, "1" to "4". -1 when the word names none. Support gives one flag. */
int             cp_netmap_kind_from_words      (const char          *words);
int             cp_netmap_sector_from_words    (const char          *words);
int             cp_netmap_ring_from_words      (const char          *words);
int             cp_netmap_tie_from_words       (const char          *words);
int             cp_netmap_direction_from_words (const char          *words);
int             cp_netmap_support_from_words   (const char          *words);

/* A model from the practice data file (resources/practice/practice.ini): @key ("members"
 * or "review-members") of group [person:@person], entries "name|kind|sector|ring"
 * separated by ';'. Members of one cell are spread across it. With @baseline, a member
 * of the same name keeps its lineage and new ones get fresh lineages. */
CpNetmapModel  *cp_netmap_model_new_from_practice (GKeyFile         *practice,
                                                   const char       *person,
                                                   const char       *key,
                                                   CpNetmapModel    *baseline,
                                                   GError          **error);

G_END_DECLS

/* The GTypes of the enums above (CP_TYPE_NETMAP_KIND, …), made by glib-mkenums */
#include "cp-netmap-enums.h"
