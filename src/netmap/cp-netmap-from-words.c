/* cp-netmap-from-words.c: which kind, sector, ring or tie a word in a file names
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap"

#include <string.h>

#include <glib/gi18n.h>

#include "cp-netmap-enums.h"
#include "cp-netmap-model.h"
#include "cp-netmap-private.h"
#include "util/cp-enum.h"

/* Case, spaces around and the kind of apostrophe do not matter. */
static char *
fold (const char *words)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (words));
  g_autofree char *nfc = g_utf8_normalize (trimmed, -1, G_NORMALIZE_NFC);
  g_autoptr(GString) out = NULL;
  g_autofree char *folded = NULL;

  if (nfc == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (nfc, -1);
  out = g_string_new (folded);
  g_string_replace (out, "\xe2\x80\x99", "'", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
same (const char *folded,
      const char *words)
{
  g_autofree char *other = NULL;

  if (words == NULL || *words == '\0')
    return FALSE;
  other = fold (words);
  return strcmp (folded, other) == 0;
}

/* The value of @type (an enum of @n values from 0) whose nick, everyday words in English
 * (@msgid) or translated words are @words; -1 when none. */
static int
from_words (const char *words,
            GType       type,
            int         n,
            const char *(*msgid) (int value),
            const char *(*label) (int value))
{
  g_autofree char *folded = NULL;

  if (words == NULL)
    return -1;
  folded = fold (words);
  for (int v = 0; v < n; v++)
    {
      const char *english = msgid != NULL ? msgid (v) : NULL;

      if (same (folded, cp_enum_to_nick (type, v)) ||
          same (folded, english) || same (folded, label (v)))
        return v;
    }
  return -1;
}

static const char *
kind_msgid (int value)
{
  return _cp_netmap_kind_msgid (value);
}

static const char *
kind_label (int value)
{
  return cp_netmap_kind_label (value);
}

static const char *
sector_msgid (int value)
{
  return _cp_netmap_sector_msgid (value);
}

static const char *
sector_label (int value)
{
  return cp_netmap_sector_label (value);
}

static const char *
tie_label (int value)
{
  return cp_netmap_tie_label (value);
}

static const char *
direction_label (int value)
{
  return cp_netmap_direction_label (value);
}

int
cp_netmap_kind_from_words (const char *words)
{
  return from_words (words, CP_TYPE_NETMAP_KIND, CP_NETMAP_N_KINDS, kind_msgid, kind_label);
}

int
cp_netmap_sector_from_words (const char *words)
{
  return from_words (words, CP_TYPE_NETMAP_SECTOR, CP_NETMAP_N_SECTORS, sector_msgid,
                     sector_label);
}

int
cp_netmap_ring_from_words (const char *words)
{
  g_autofree char *folded = NULL;

  if (words == NULL)
    return -1;
  folded = fold (words);
  for (int ring = 1; ring <= CP_NETMAP_N_RINGS; ring++)
    {
      char digit[2] = { (char) ('0' + ring), '\0' };

      if (strcmp (folded, digit) == 0 || same (folded, _cp_netmap_ring_msgid (ring)) ||
          same (folded, cp_netmap_ring_label (ring)))
        return ring;
    }
  return -1;
}

int
cp_netmap_tie_from_words (const char *words)
{
  int strength = from_words (words, CP_TYPE_NETMAP_TIE_STRENGTH, 3, NULL, tie_label);
  g_autofree char *folded = NULL;

  /* "hard going" is how the app says "stressful" */
  if (strength < 0 && words != NULL && same ((folded = fold (words)), "hard going"))
    strength = CP_NETMAP_TIE_STRESSFUL;
  return strength;
}

int
cp_netmap_direction_from_words (const char *words)
{
  return from_words (words, CP_TYPE_NETMAP_DIRECTION, CP_NETMAP_DIRECTION_FROM_THEM + 1, NULL,
                     direction_label);
}

int
cp_netmap_support_from_words (const char *words)
{
  g_autofree char *folded = NULL;
  GFlagsClass *klass;
  int found = -1;

  if (words == NULL)
    return -1;
  folded = fold (words);
  klass = g_type_class_ref (CP_TYPE_NETMAP_SUPPORT);
  for (guint i = 0; i < klass->n_values && found < 0; i++)
    {
      const GFlagsValue *v = &klass->values[i];

      if (same (folded, v->value_nick) || same (folded, cp_netmap_support_label (v->value)))
        found = (int) v->value;
    }
  g_type_class_unref (klass);
  return found;
}
