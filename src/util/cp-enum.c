/* cp-enum.c: enum values as the strings the workspace stores
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-enum"

#include "cp-enum.h"

/* The nicks are static strings in the registered GEnumValue tables, so they outlive the
 * class reference taken here. */

const char *
cp_enum_to_nick (GType type,
                 int   value)
{
  GEnumClass *klass;
  GEnumValue *found;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), NULL);

  klass = g_type_class_ref (type);
  found = g_enum_get_value (klass, value);
  g_type_class_unref (klass);

  return found != NULL ? found->value_nick : NULL;
}

int
cp_enum_from_nick (GType       type,
                   const char *nick,
                   int         fallback)
{
  GEnumClass *klass;
  GEnumValue *found;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), fallback);

  if (nick == NULL)
    return fallback;

  klass = g_type_class_ref (type);
  found = g_enum_get_value_by_nick (klass, nick);
  g_type_class_unref (klass);

  return found != NULL ? found->value : fallback;
}
