/* cp-network-fields.c: a member's fields as text for the network files, and back
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-export"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cp-import-network.h"
#include "cp-network-private.h"
#include "netmap/cp-netmap-geometry.h"
#include "netmap/cp-netmap-layout.h"
#include "util/cp-date.h"
#include "util/cp-enum.h"

const CpNetworkFieldInfo _cp_network_fields[CP_NETWORK_N_FIELDS] = {
  [CP_NETWORK_FIELD_NAME] = { "name", "string" },
  [CP_NETWORK_FIELD_KIND] = { "kind", "string" },
  [CP_NETWORK_FIELD_SECTOR] = { "sector", "string" },
  [CP_NETWORK_FIELD_RING] = { "ring", "int" },
  [CP_NETWORK_FIELD_HELPS_ME] = { "helps_me", "boolean" },
  [CP_NETWORK_FIELD_HARD_GOING] = { "hard_going", "boolean" },
  [CP_NETWORK_FIELD_WANT_MORE] = { "want_more", "boolean" },
  [CP_NETWORK_FIELD_MET_THROUGH_US] = { "met_through_us", "boolean" },
  [CP_NETWORK_FIELD_MOSTLY_ONLINE] = { "mostly_online", "boolean" },
  [CP_NETWORK_FIELD_DIED] = { "died", "boolean" },
  [CP_NETWORK_FIELD_FREQUENCY] = { "frequency", "int" },
  [CP_NETWORK_FIELD_YEARS_KNOWN] = { "years_known", "int" },
  [CP_NETWORK_FIELD_SUPPORT] = { "support", "string" },
  [CP_NETWORK_FIELD_DIRECTION] = { "direction", "string" },
  [CP_NETWORK_FIELD_PAID] = { "paid", "boolean" },
  [CP_NETWORK_FIELD_ADDED_ON] = { "added_on", "string" },
  [CP_NETWORK_FIELD_ANGLE] = { "angle", "double" },
  [CP_NETWORK_FIELD_DEPTH] = { "depth", "double" },
};

G_DEFINE_QUARK (cp-network-import-error-quark, cp_network_import_error)

/* ---- Writing --------------------------------------------------------------------------- */

static char *
bool_text (gboolean value)
{
  return g_strdup (value ? "true" : "false");
}

static char *
double_text (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4f", value));
}

static char *
support_text (CpNetmapSupport support)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint bit = 0; bit < CP_NETMAP_N_SUPPORTS; bit++)
    {
      GFlagsClass *klass;
      GFlagsValue *value;

      if ((support & (1u << bit)) == 0)
        continue;
      klass = g_type_class_ref (CP_TYPE_NETMAP_SUPPORT);
      value = g_flags_get_first_value (klass, 1u << bit);
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, value->value_nick);
      g_type_class_unref (klass);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
_cp_network_field_text (const CpNetmapMember *m,
                        CpNetworkField        field)
{
  switch (field)
    {
    case CP_NETWORK_FIELD_NAME:
      return g_strdup (m->name);
    case CP_NETWORK_FIELD_KIND:
      return g_strdup (cp_enum_to_nick (CP_TYPE_NETMAP_KIND, m->kind));
    case CP_NETWORK_FIELD_SECTOR:
      return g_strdup (cp_enum_to_nick (CP_TYPE_NETMAP_SECTOR, m->sector));
    case CP_NETWORK_FIELD_RING:
      return g_strdup_printf ("%d", m->ring);
    case CP_NETWORK_FIELD_HELPS_ME:
      return bool_text (m->helps_me);
    case CP_NETWORK_FIELD_HARD_GOING:
      return bool_text (m->hard_going);
    case CP_NETWORK_FIELD_WANT_MORE:
      return bool_text (m->want_more);
    case CP_NETWORK_FIELD_MET_THROUGH_US:
      return bool_text (m->met_through_us);
    case CP_NETWORK_FIELD_MOSTLY_ONLINE:
      return bool_text (m->mostly_online);
    case CP_NETWORK_FIELD_DIED:
      return bool_text (m->died);
    case CP_NETWORK_FIELD_FREQUENCY:
      return m->frequency < 0 ? NULL : g_strdup_printf ("%d", m->frequency);
    case CP_NETWORK_FIELD_YEARS_KNOWN:
      return m->years_known < 0 ? NULL : g_strdup_printf ("%d", m->years_known);
    case CP_NETWORK_FIELD_SUPPORT:
      return m->support == 0 ? NULL : support_text (m->support);
    case CP_NETWORK_FIELD_DIRECTION:
      return m->direction == CP_NETMAP_DIRECTION_NOT_RECORDED ? NULL :
             g_strdup (cp_enum_to_nick (CP_TYPE_NETMAP_DIRECTION, m->direction));
    case CP_NETWORK_FIELD_PAID:
      return m->paid < 0 ? NULL : bool_text (m->paid);
    case CP_NETWORK_FIELD_ADDED_ON:
      return g_strdup (m->added_on);
    case CP_NETWORK_FIELD_ANGLE:
      return double_text (m->angle);
    case CP_NETWORK_FIELD_DEPTH:
      return double_text (m->depth);
    case CP_NETWORK_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
_cp_network_member_id (guint index)
{
  return g_strdup_printf ("m%u", index + 1);
}

void
_cp_network_data_clear (CpNetworkData *data)
{
  g_clear_object (&data->model);
  g_clear_pointer (&data->centre, g_free);
  g_clear_pointer (&data->label, g_free);
  g_clear_pointer (&data->taken_on, g_free);
}

char *
_cp_network_pseudonym (const char *name,
                       guint      *counter)
{
  return cp_netmap_pseudonym (name, counter);
}

CpNetmapModel *
_cp_network_prepare_model (CpNetmapModel *model,
                           gboolean       identifiable)
{
  CpNetmapModel *copy = cp_netmap_model_copy (model);
  guint counter = 0;

  for (guint i = 0; i < cp_netmap_model_get_n_members (copy); i++)
    {
      CpNetmapMember *m = cp_netmap_model_get_member (copy, i);

      m->caution = FALSE;
      if (!identifiable)
        {
          g_autofree char *pseudonym = _cp_network_pseudonym (m->name, &counter);

          cp_netmap_member_set_name (m, pseudonym);
        }
    }
  return copy;
}

/* ---- Reading: names and messages ------------------------------------------------------- */

char *
_cp_network_canonical_name (const char *name)
{
  static const struct
  {
    const char *word;
    const char *field;
  } aliases[] = {
    { "label", "name" },
    { "type", "kind" },
    { "from", "source" },
    { "to", "target" },
  };
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  char *out = g_ascii_strdown (trimmed, -1);

  g_strdelimit (out, " -", '_');
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strcmp (out, aliases[i].word) == 0)
      {
        g_free (out);
        return g_strdup (aliases[i].field);
      }
  return out;
}

void
_cp_network_problem (GError     **error,
                     int          line,
                     const char  *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    /* TRANSLATORS: where a problem is in an imported file, then the problem */
    g_set_error (error, CP_NETWORK_IMPORT_ERROR, CP_NETWORK_IMPORT_ERROR_INVALID,
                 _("Line %d: %s"), line, message);
  else
    g_set_error_literal (error, CP_NETWORK_IMPORT_ERROR, CP_NETWORK_IMPORT_ERROR_INVALID,
                         message);
}

char *
_cp_network_quote (const char *text)
{
  g_autoptr(GString) out = g_string_new ("\xe2\x80\x9c");
  guint n = 0;

  for (const char *p = text; *p != '\0' && n < 32; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (!g_unichar_iscntrl (c))
        g_string_append_unichar (out, c);
    }
  if (n == 32)
    g_string_append (out, "\xe2\x80\xa6");
  g_string_append (out, "\xe2\x80\x9d");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- Reading: the builder -------------------------------------------------------------- */

struct _CpNetworkBuilder
{
  CpNetmapModel *model;
  gboolean       ties_file;    /* ties come from a file of their own (CSV) */
  GHashTable    *ids;          /* the file's id → lineage */
  guint          unplaced[CP_NETMAP_N_SECTORS][CP_NETMAP_N_RINGS];
};

CpNetworkBuilder *
_cp_network_builder_new (void)
{
  CpNetworkBuilder *self = g_new0 (CpNetworkBuilder, 1);

  self->model = cp_netmap_model_new ();
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
_cp_network_builder_free (CpNetworkBuilder *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->model);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_free (self);
}

gboolean
_cp_network_builder_has_id (CpNetworkBuilder *self,
                            const char       *id)
{
  return g_hash_table_contains (self->ids, id);
}

static const char *
value_of (GHashTable     *values,
          CpNetworkField  field)
{
  const char *text = g_hash_table_lookup (values, _cp_network_fields[field].name);

  if (text == NULL)
    return NULL;
  while (g_ascii_isspace (*text))
    text++;
  return *text != '\0' ? text : NULL;
}

static gboolean
parse_bool (const char *text,
            gboolean   *out)
{
  static const char * const yes[] = { "true", "yes", "y", "1", NULL };
  static const char * const no[] = { "false", "no", "n", "0", NULL };
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *word = g_ascii_strdown (trimmed, -1);

  if (g_strv_contains (yes, word))
    *out = TRUE;
  else if (g_strv_contains (no, word))
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_int (const char *text,
           int         max,
           int        *out)
{
  g_autofree char *word = g_strstrip (g_strdup (text));
  gint64 value;

  if (!g_ascii_string_to_signed (word, 10, 0, max, &value, NULL))
    return FALSE;
  *out = (int) value;
  return TRUE;
}

static gboolean
parse_share (const char *text,
             double     *out)
{
  g_autofree char *word = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value = g_ascii_strtod (word, &end);

  if (end == word || *end != '\0' || !isfinite (value) || value < 0.0 || value > 1.0)
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
parse_support (const char      *text,
               CpNetmapSupport *out)
{
  g_auto(GStrv) words = g_strsplit_set (text, ",;", -1);
  int support = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      int flag;

      if (*g_strstrip (words[i]) == '\0')
        continue;
      if ((flag = cp_netmap_support_from_words (words[i])) < 0)
        return FALSE;
      support |= flag;
    }
  *out = support;
  return TRUE;
}

/* The optional fields: chips, marks, details, place. */
static gboolean
set_field (CpNetmapMember *m,
           CpNetworkField  field,
           const char     *text)
{
  gboolean flag;
  int direction;

  switch (field)
    {
    case CP_NETWORK_FIELD_HELPS_ME:
      return parse_bool (text, &m->helps_me);
    case CP_NETWORK_FIELD_HARD_GOING:
      return parse_bool (text, &m->hard_going);
    case CP_NETWORK_FIELD_WANT_MORE:
      return parse_bool (text, &m->want_more);
    case CP_NETWORK_FIELD_MET_THROUGH_US:
      return parse_bool (text, &m->met_through_us);
    case CP_NETWORK_FIELD_MOSTLY_ONLINE:
      return parse_bool (text, &m->mostly_online);
    case CP_NETWORK_FIELD_DIED:
      return parse_bool (text, &m->died);
    case CP_NETWORK_FIELD_FREQUENCY:
      return parse_int (text, 4, &m->frequency);
    case CP_NETWORK_FIELD_YEARS_KNOWN:
      return parse_int (text, 2, &m->years_known);
    case CP_NETWORK_FIELD_SUPPORT:
      return parse_support (text, &m->support);
    case CP_NETWORK_FIELD_DIRECTION:
      if ((direction = cp_netmap_direction_from_words (text)) < 0)
        return FALSE;
      m->direction = direction;
      return TRUE;
    case CP_NETWORK_FIELD_PAID:
      if (!parse_bool (text, &flag))
        return FALSE;
      m->paid = flag ? 1 : 0;
      return TRUE;
    case CP_NETWORK_FIELD_ADDED_ON:
      /* Another tool's way of writing dates is no reason to refuse a map: the store
       * dates the member with the import instead. */
      if (cp_date_is_valid (text))
        {
          g_free (m->added_on);
          m->added_on = g_strdup (text);
        }
      return TRUE;
    case CP_NETWORK_FIELD_ANGLE:
      return parse_share (text, &m->angle);
    case CP_NETWORK_FIELD_DEPTH:
      return parse_share (text, &m->depth);
    case CP_NETWORK_FIELD_NAME:
    case CP_NETWORK_FIELD_KIND:
    case CP_NETWORK_FIELD_SECTOR:
    case CP_NETWORK_FIELD_RING:
    case CP_NETWORK_N_FIELDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
check_name (const char  *name,
            const char  *quoted_id,
            int          line,
            GError     **error)
{
  if (g_utf8_strlen (name, -1) > CP_NETWORK_MAX_NAME)
    {
      _cp_network_problem (error, line, _("The member %s has a name longer than %d characters."),
                           quoted_id, CP_NETWORK_MAX_NAME);
      return FALSE;
    }
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        _cp_network_problem (error, line,
                             _("The member %s has a name with a line break or another "
                               "control character in it."), quoted_id);
        return FALSE;
      }
  return TRUE;
}

gboolean
_cp_network_builder_add_member (CpNetworkBuilder  *self,
                                const char        *id,
                                GHashTable        *values,
                                int                line,
                                GError           **error)
{
  g_autofree char *quoted = NULL;
  g_autofree char *name = NULL;
  const char *text;
  CpNetmapMember *m;
  int kind = CP_NETMAP_KIND_PERSON;
  int sector;
  int ring;
  guint n = cp_netmap_model_get_n_members (self->model);

  if (n >= CP_NETWORK_MAX_MEMBERS)
    {
      g_set_error (error, CP_NETWORK_IMPORT_ERROR, CP_NETWORK_IMPORT_ERROR_TOO_LARGE,
                   _("The file holds more than %d members; a map holds at most that many."),
                   CP_NETWORK_MAX_MEMBERS);
      return FALSE;
    }
  if (id == NULL || *id == '\0')
    {
      _cp_network_problem (error, line, _("A member has no id."));
      return FALSE;
    }
  quoted = _cp_network_quote (id);
  if (strlen (id) > CP_NETWORK_MAX_ID)
    {
      _cp_network_problem (error, line, _("The id %s is longer than %d characters."), quoted,
                           CP_NETWORK_MAX_ID);
      return FALSE;
    }
  if (g_hash_table_contains (self->ids, id))
    {
      _cp_network_problem (error, line, _("The id %s is used for two members: each needs "
                                          "its own."), quoted);
      return FALSE;
    }

  if ((text = value_of (values, CP_NETWORK_FIELD_NAME)) == NULL)
    {
      _cp_network_problem (error, line, _("The member %s has no name."), quoted);
      return FALSE;
    }
  name = g_strstrip (g_strdup (text));
  if (!check_name (name, quoted, line, error))
    return FALSE;

  if ((text = value_of (values, CP_NETWORK_FIELD_KIND)) != NULL &&
      (kind = cp_netmap_kind_from_words (text)) < 0)
    {
      g_autofree char *word = _cp_network_quote (text);

      _cp_network_problem (error, line, _("The member %s is of the kind %s; a member is a "
                                          "person, a place or an activity."), quoted, word);
      return FALSE;
    }
  if ((text = value_of (values, CP_NETWORK_FIELD_SECTOR)) == NULL)
    {
      _cp_network_problem (error, line, _("The member %s has no sector."), quoted);
      return FALSE;
    }
  if ((sector = cp_netmap_sector_from_words (text)) < 0)
    {
      g_autofree char *word = _cp_network_quote (text);

      _cp_network_problem (error, line,
                           _("The member %s is in the sector %s, which is not one of the "
                             "map’s six: family, friends, neighbours, work, groups, "
                             "services."), quoted, word);
      return FALSE;
    }
  if ((text = value_of (values, CP_NETWORK_FIELD_RING)) == NULL)
    {
      _cp_network_problem (error, line, _("The member %s has no ring."), quoted);
      return FALSE;
    }
  if ((ring = cp_netmap_ring_from_words (text)) < 0)
    {
      g_autofree char *word = _cp_network_quote (text);

      _cp_network_problem (error, line, _("The member %s is on the ring %s; the rings are "
                                          "1, 2, 3 and 4 (the outer zone)."), quoted, word);
      return FALSE;
    }

  m = cp_netmap_model_add (self->model, n + 1, kind, name, sector, ring);
  g_assert (m != NULL);
  for (CpNetworkField f = CP_NETWORK_FIELD_HELPS_ME; f < CP_NETWORK_N_FIELDS; f++)
    {
      if ((text = value_of (values, f)) != NULL && !set_field (m, f, text))
        {
          g_autofree char *word = _cp_network_quote (text);

          _cp_network_problem (error, line, _("The member %s has %s as its %s, which it "
                                              "cannot be."), quoted, word,
                               _cp_network_fields[f].name);
          return FALSE;
        }
    }
  if (value_of (values, CP_NETWORK_FIELD_ANGLE) == NULL ||
      value_of (values, CP_NETWORK_FIELD_DEPTH) == NULL)
    self->unplaced[sector][ring - 1]++;

  g_hash_table_insert (self->ids, g_strdup (id), GUINT_TO_POINTER (n + 1));
  return TRUE;
}

void
_cp_network_builder_set_ties_file (CpNetworkBuilder *self,
                                   gboolean          ties_file)
{
  self->ties_file = ties_file;
}

/* As _cp_network_problem (), saying which file when the ties have one of their own. */
static void G_GNUC_PRINTF (4, 5)
tie_problem (CpNetworkBuilder  *self,
             GError           **error,
             int                line,
             const char        *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (self->ties_file && line > 0)
    /* TRANSLATORS: where a problem is in an imported ties file, then the problem */
    g_set_error (error, CP_NETWORK_IMPORT_ERROR, CP_NETWORK_IMPORT_ERROR_INVALID,
                 _("Ties file, line %d: %s"), line, message);
  else
    _cp_network_problem (error, line, "%s", message);
}

gboolean
_cp_network_builder_add_tie (CpNetworkBuilder  *self,
                             const char        *source,
                             const char        *target,
                             const char        *strength,
                             int                line,
                             GError           **error)
{
  gint64 a;
  gint64 b;
  int s = CP_NETMAP_TIE_STRONG;

  if (cp_netmap_model_get_n_ties (self->model) >= CP_NETWORK_MAX_TIES)
    {
      g_set_error (error, CP_NETWORK_IMPORT_ERROR, CP_NETWORK_IMPORT_ERROR_TOO_LARGE,
                   _("The file holds more than %d ties; a map holds at most that many."),
                   CP_NETWORK_MAX_TIES);
      return FALSE;
    }
  if (source == NULL || *source == '\0' || target == NULL || *target == '\0')
    {
      tie_problem (self, error, line, _("A tie does not say which two members it links."));
      return FALSE;
    }
  for (guint end = 0; end < 2; end++)
    {
      const char *id = end == 0 ? source : target;

      if (!g_hash_table_contains (self->ids, id))
        {
          g_autofree char *quoted = _cp_network_quote (id);

          tie_problem (self, error, line, _("A tie links the member %s, who is not in the "
                                              "file."), quoted);
          return FALSE;
        }
    }
  a = GPOINTER_TO_UINT (g_hash_table_lookup (self->ids, source));
  b = GPOINTER_TO_UINT (g_hash_table_lookup (self->ids, target));
  if (a == b)
    {
      g_autofree char *quoted = _cp_network_quote (source);

      tie_problem (self, error, line, _("A tie links the member %s with themselves."), quoted);
      return FALSE;
    }
  if (strength != NULL && *strength != '\0' && (s = cp_netmap_tie_from_words (strength)) < 0)
    {
      g_autofree char *quoted = _cp_network_quote (strength);

      tie_problem (self, error, line, _("A tie is %s; a tie is strong, weak or hard going."),
                           quoted);
      return FALSE;
    }
  if (cp_netmap_model_find_tie (self->model, a, b) != NULL)
    {
      g_autofree char *qa = _cp_network_quote (source);
      g_autofree char *qb = _cp_network_quote (target);

      tie_problem (self, error, line, _("The tie between %s and %s is there twice."), qa, qb);
      return FALSE;
    }
  cp_netmap_model_set_tie (self->model, a, b, s);
  return TRUE;
}

CpNetmapModel *
_cp_network_builder_finish (CpNetworkBuilder  *self,
                            GError           **error)
{
  if (cp_netmap_model_get_n_members (self->model) == 0)
    {
      _cp_network_problem (error, 0, _("The file holds no members."));
      return NULL;
    }
  /* Another tool's file says where a member is (sector, ring), not where in the cell. */
  for (int s = 0; s < CP_NETMAP_N_SECTORS; s++)
    for (int r = 1; r <= CP_NETMAP_N_RINGS; r++)
      if (self->unplaced[s][r - 1] > 0)
        cp_netmap_tidy_cell (self->model, s, r);
  return g_steal_pointer (&self->model);
}
