/* cp-netmap-practice.c: network maps from the practice data file
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap"

#include "cp-netmap-enums.h"
#include "cp-netmap-geometry.h"
#include "cp-netmap-model.h"
#include "util/cp-enum.h"

static gint64
baseline_lineage (CpNetmapModel *baseline,
                  const char    *name)
{
  guint i;

  for (i = 0; baseline != NULL && i < cp_netmap_model_get_n_members (baseline); i++)
    {
      const CpNetmapMember *m = cp_netmap_model_get_member (baseline, i);

      if (g_str_equal (m->name, name))
        return m->lineage;
    }
  return 0;
}

CpNetmapModel *
cp_netmap_model_new_from_practice (GKeyFile       *practice,
                                   const char     *person,
                                   const char     *key,
                                   CpNetmapModel  *baseline,
                                   GError        **error)
{
  g_autofree char *group = NULL;
  g_autofree char *value = NULL;
  g_auto(GStrv) entries = NULL;
  g_autoptr(CpNetmapModel) model = NULL;
  gint64 next;
  int s;
  int i;

  g_return_val_if_fail (practice != NULL, NULL);
  g_return_val_if_fail (person != NULL && key != NULL, NULL);

  group = g_strdup_printf ("person:%s", person);
  value = g_key_file_get_string (practice, group, key, NULL);
  if (value == NULL)
    {
      g_set_error (error, CP_NETMAP_ERROR, CP_NETMAP_ERROR_INVALID,
                   "no key '%s' in group [%s]", key, group);
      return NULL;
    }

  model = cp_netmap_model_new ();
  next = baseline != NULL ? cp_netmap_model_next_lineage (baseline) : 1;
  entries = g_strsplit (value, ";", -1);
  for (i = 0; entries[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      int kind;
      int sector;
      gint64 ring;
      gint64 lineage;
      char *end = NULL;

      if (*g_strstrip (entries[i]) == '\0')
        continue;
      f = g_strsplit (entries[i], "|", -1);
      if (g_strv_length (f) != 4 || *g_strstrip (f[0]) == '\0' ||
          (kind = cp_enum_from_nick (CP_TYPE_NETMAP_KIND, g_strstrip (f[1]), -1)) < 0 ||
          (sector = cp_enum_from_nick (CP_TYPE_NETMAP_SECTOR, g_strstrip (f[2]), -1)) < 0)
        goto bad;
      ring = g_ascii_strtoll (g_strstrip (f[3]), &end, 10);
      if (end == f[3] || *end != '\0' || ring < 1 || ring > CP_NETMAP_N_RINGS)
        goto bad;
      lineage = baseline_lineage (baseline, f[0]);
      if (lineage == 0 || cp_netmap_model_find (model, lineage) != NULL)
        lineage = next++;
      if (cp_netmap_model_add (model, lineage, kind, f[0], sector, (int) ring) == NULL)
        goto bad;
      continue;
bad:
      g_set_error (error, CP_NETMAP_ERROR, CP_NETMAP_ERROR_INVALID,
                   "[%s] %s: entry %d is not name|person,place,activity|sector|ring 1-4",
                   group, key, i + 1);
      return NULL;
    }

  for (s = 0; s < CP_NETMAP_N_SECTORS; s++)
    cp_netmap_tidy_sector (model, s);
  return g_steal_pointer (&model);
}
