/* cp-export-network.c: what a network export holds, its file names, and its writing
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-export"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cp-export-file.h"
#include "cp-export-network.h"
#include "cp-network-private.h"
#include "netmap/cp-netmap-render.h"
#include "store/cp-store-disclosure.h"
#include "store/cp-store-netmap.h"

/* Pictures: PNG in pixels, SVG and PDF on an A4 landscape page in points */
#define PNG_WIDTH       1600.0
#define PNG_HEIGHT      1200.0
#define PNG_FONT_SIZE   20.0
#define PAGE_WIDTH      841.89
#define PAGE_HEIGHT     595.276
#define PAGE_FONT_SIZE  9.0

struct _CpNetworkExport
{
  CpNetworkFormat  format;
  gboolean         hard_going;
  char            *to_whom;
  gint64           person_id;
  char            *stem;        /* "REF-network-YYYY-MM-DD" */
  CpNetworkData    data;
  GPtrArray       *staged;      /* CpExportFile */
  gboolean         replace;     /* the user said yes to "Replace?" */
};

static const char * const format_words[CP_NETWORK_N_FORMATS] = {
  "graphml", "csv", "png", "svg", "pdf",
};

const char *
cp_network_format_to_string (CpNetworkFormat format)
{
  g_return_val_if_fail ((guint) format < CP_NETWORK_N_FORMATS, NULL);

  return format_words[format];
}

int
cp_network_format_from_string (const char *word)
{
  for (int f = 0; word != NULL && f < CP_NETWORK_N_FORMATS; f++)
    if (g_ascii_strcasecmp (word, format_words[f]) == 0)
      return f;
  return -1;
}

static gboolean
is_picture (CpNetworkFormat format)
{
  return format == CP_NETWORK_FORMAT_PNG || format == CP_NETWORK_FORMAT_SVG ||
         format == CP_NETWORK_FORMAT_PDF;
}

char *
cp_network_export_describe (const CpNetworkExportOptions *options)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (options != NULL, NULL);

  switch (options->format)
    {
    case CP_NETWORK_FORMAT_GRAPHML:
      g_string_append (out, _("A GraphML file for network analysis tools."));
      break;
    case CP_NETWORK_FORMAT_CSV:
      g_string_append (out, _("Two CSV files for spreadsheets: one of members, one of ties."));
      break;
    case CP_NETWORK_FORMAT_PNG:
      g_string_append (out, _("A picture of the map (PNG)."));
      break;
    case CP_NETWORK_FORMAT_SVG:
      g_string_append (out, _("A drawing of the map that stays sharp at any size (SVG)."));
      break;
    case CP_NETWORK_FORMAT_PDF:
      g_string_append (out, _("The map as a PDF page, to print or send."));
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  g_string_append_c (out, ' ');
  if (!is_picture (options->format))
    g_string_append (out, options->identifiable ?
                     _("It holds each member’s name, kind, sector and ring, the chips and "
                       "details recorded, and the ties between members.") :
                     _("It holds each member’s initials (not their name), kind, sector and "
                       "ring, the chips and details recorded, and the ties between members."));
  else if (options->hard_going)
    g_string_append (out, options->identifiable ?
                     _("It shows each member by name, with the “hard going” marks.") :
                     _("It shows each member by initials, with the “hard going” marks."));
  else
    g_string_append (out, options->identifiable ?
                     _("It shows each member by name, without “hard going” marks.") :
                     _("It shows each member by initials, without “hard going” marks."));
  g_string_append_c (out, ' ');
  g_string_append (out, _("Never notes or caution flags."));
  if (options->identifiable)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, _("Names make it identifiable: the export goes into the person’s "
                              "disclosure log."));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static CpSnapshotInfo *
find_map (CpStore   *store,
          gint64     person_id,
          gint64     snapshot_id,
          GError   **error)
{
  g_autoptr(GPtrArray) maps = cp_store_list_snapshots (store, person_id, error);

  if (maps == NULL)
    return NULL;
  if (maps->len == 0)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT,
                           _("This person has no map yet."));
      return NULL;
    }
  if (snapshot_id == 0)
    return g_ptr_array_steal_index (maps, maps->len - 1);
  for (guint i = 0; i < maps->len; i++)
    if (((CpSnapshotInfo *) g_ptr_array_index (maps, i))->id == snapshot_id)
      return g_ptr_array_steal_index (maps, i);
  g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                       _("That map is not one of this person’s maps."));
  return NULL;
}

CpNetworkExport *
cp_network_export_new (CpStore                       *store,
                       gint64                         person_id,
                       gint64                         snapshot_id,
                       const CpNetworkExportOptions  *options,
                       GError                       **error)
{
  g_autoptr(CpNetworkExport) self = NULL;
  g_autoptr(CpSnapshotInfo) map = NULL;
  g_autoptr(CpNetmapModel) model = NULL;
  g_autofree char *ref = NULL;
  CpPerson *person;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail ((guint) options->format < CP_NETWORK_N_FORMATS, NULL);

  if ((person = cp_store_find_person (store, person_id)) == NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _("That person is no longer in the workspace."));
      return NULL;
    }
  if (!(map = find_map (store, person_id, snapshot_id, error)) ||
      !(model = cp_store_load_snapshot (store, map->id, error)))
    return NULL;

  self = g_new0 (CpNetworkExport, 1);
  self->format = options->format;
  self->hard_going = options->hard_going;
  self->to_whom = g_strdup (options->to_whom);
  self->person_id = person_id;
  self->staged = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_export_file_free);
  self->data.identifiable = options->identifiable;
  self->data.model = _cp_network_prepare_model (model, options->identifiable);
  self->data.label = g_strdup (map->label);
  self->data.taken_on = g_strdup (map->taken_on);
  if (options->identifiable)
    self->data.centre = g_strdup (cp_person_get_name (person));
  else
    {
      guint none = 0;

      self->data.centre = _cp_network_pseudonym (cp_person_get_name (person), &none);
      if (none > 0)
        g_free (g_steal_pointer (&self->data.centre));
      if (self->data.centre == NULL)
        self->data.centre = g_strdup (C_("the person at the centre of the map", "me"));
    }
  ref = cp_export_file_reference (person);
  if (ref == NULL)
    ref = g_strdup_printf ("person-%" G_GINT64_FORMAT, person_id);
  self->stem = g_strdup_printf ("%s-network-%s", ref, map->taken_on);
  return g_steal_pointer (&self);
}

void
cp_network_export_free (CpNetworkExport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->staged, g_ptr_array_unref);
  _cp_network_data_clear (&self->data);
  g_free (self->to_whom);
  g_free (self->stem);
  g_free (self);
}

char *
cp_network_export_dup_file_name (CpNetworkExport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_strdup_printf ("%s.%s", self->stem, format_words[self->format]);
}

GStrv
cp_network_export_dup_paths (CpNetworkExport *self,
                             const char      *path)
{
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  g_autofree char *prefix = NULL;
  gsize len;

  g_return_val_if_fail (self != NULL && path != NULL, NULL);

  if (self->format != CP_NETWORK_FORMAT_CSV)
    {
      g_strv_builder_add (paths, path);
      return g_strv_builder_end (paths);
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    prefix = g_build_filename (path, self->stem, NULL);
  else
    {
      prefix = g_strdup (path);
      len = strlen (prefix);
      if (len > 4 && g_ascii_strcasecmp (prefix + len - 4, ".csv") == 0)
        prefix[len -= 4] = '\0';
      if (len > 8 && strcmp (prefix + len - 8, "-members") == 0)
        prefix[len - 8] = '\0';
    }
  {
    g_autofree char *members = g_strconcat (prefix, "-members.csv", NULL);
    g_autofree char *ties = g_strconcat (prefix, "-ties.csv", NULL);

    g_strv_builder_add (paths, members);
    g_strv_builder_add (paths, ties);
  }
  return g_strv_builder_end (paths);
}

static gboolean
stage_text (CpNetworkExport  *self,
            const char       *path,
            GString          *text,
            GError          **error)
{
  g_autoptr(CpExportFile) file = cp_export_file_new (path, self->replace, error);

  if (file == NULL || !cp_export_file_write (file, text->str, text->len, error) ||
      !cp_export_file_sync (file, error))
    return FALSE;
  g_ptr_array_add (self->staged, g_steal_pointer (&file));
  return TRUE;
}

static gboolean
stage_picture (CpNetworkExport  *self,
               const char       *path,
               GError          **error)
{
  g_autoptr(CpExportFile) file = cp_export_file_new (path, self->replace, error);
  PangoContext *context;
  g_autoptr(CpNetmapRenderer) renderer = NULL;
  g_autofree char *date = g_strdup_printf ("%sT00:00:00Z", self->data.taken_on);
  g_autoptr(GError) local = NULL;
  CpNetmapRenderOptions options;
  gboolean png = self->format == CP_NETWORK_FORMAT_PNG;
  CpNetmapFormat format = png ? CP_NETMAP_FORMAT_PNG :
                          self->format == CP_NETWORK_FORMAT_SVG ? CP_NETMAP_FORMAT_SVG :
                          CP_NETMAP_FORMAT_PDF;

  if (file == NULL)
    return FALSE;
  /* The default font map is the calling thread's own. */
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  renderer = cp_netmap_renderer_new (context);
  g_object_unref (context);
  cp_netmap_render_options_init (&options);
  options.font_size = png ? PNG_FONT_SIZE : PAGE_FONT_SIZE;
  options.centre_label = self->data.centre;
  options.hide_hard_going = !self->hard_going;
  options.legend = TRUE;
  options.background = TRUE;
  options.date = date;
  if (!cp_netmap_renderer_export (renderer, self->data.model, &options, format,
                                  png ? PNG_WIDTH : PAGE_WIDTH, png ? PNG_HEIGHT : PAGE_HEIGHT,
                                  cp_export_file_cairo_write, file, &local))
    {
      /* The file's own error says why, in words (a full disk); cairo's does not. */
      if (!cp_export_file_sync (file, error))
        return FALSE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (!cp_export_file_sync (file, error))
    return FALSE;
  g_ptr_array_add (self->staged, g_steal_pointer (&file));
  return TRUE;
}

gboolean
cp_network_export_stage (CpNetworkExport  *self,
                         const char       *path,
                         gboolean          replace,
                         GError          **error)
{
  g_auto(GStrv) paths = NULL;

  g_return_val_if_fail (self != NULL && path != NULL, FALSE);

  g_ptr_array_set_size (self->staged, 0);
  self->replace = replace;
  paths = cp_network_export_dup_paths (self, path);
  /* Nothing is written when any of the files is there already, unless the user agreed to
   * replace them (a CSV's ties file goes with its members file). */
  for (guint i = 0; !replace && paths[i] != NULL; i++)
    {
      if (g_file_test (paths[i], G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
        {
          g_autoptr(CpExportFile) probe = cp_export_file_new (paths[i], FALSE, error);

          g_assert (probe == NULL);
          return FALSE;
        }
    }

  switch (self->format)
    {
    case CP_NETWORK_FORMAT_GRAPHML:
      {
        g_autoptr(GString) text = _cp_network_write_graphml (&self->data);

        return stage_text (self, paths[0], text, error);
      }
    case CP_NETWORK_FORMAT_CSV:
      {
        g_autoptr(GString) members = _cp_network_write_csv_members (&self->data);
        g_autoptr(GString) ties = _cp_network_write_csv_ties (&self->data);

        return stage_text (self, paths[0], members, error) &&
               stage_text (self, paths[1], ties, error);
      }
    case CP_NETWORK_FORMAT_PNG:
    case CP_NETWORK_FORMAT_SVG:
    case CP_NETWORK_FORMAT_PDF:
      return stage_picture (self, paths[0], error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

static char *
disclosure_detail (CpNetworkExport *self)
{
  static const char * const format_names[CP_NETWORK_N_FORMATS] = {
    "GraphML", "CSV", "PNG", "SVG", "PDF",
  };

  /* TRANSLATORS: the disclosure log: the map's label, its date, the file format */
  return g_strdup_printf (_("Network map “%s” of %s as %s, with names"), self->data.label,
                          self->data.taken_on, format_names[self->format]);
}

gboolean
cp_network_export_publish (CpNetworkExport  *self,
                           CpStore          *store,
                           GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (CP_IS_STORE (store), FALSE);
  g_return_val_if_fail (self->staged->len > 0, FALSE);

  /* The record comes first: no identifiable file is out without it. */
  if (self->data.identifiable)
    {
      g_autofree char *detail = disclosure_detail (self);

      if (cp_store_add_disclosure (store, self->person_id, CP_DISCLOSURE_IDENTIFIABLE_EXPORT,
                                   detail, self->to_whom, error) == 0)
        return FALSE;
    }
  for (guint i = 0; i < self->staged->len; i++)
    {
      if (!cp_export_file_publish (g_ptr_array_index (self->staged, i), error))
        {
          /* All or nothing: take back the files this export put out. */
          while (i-- > 0)
            g_unlink (cp_export_file_get_path (g_ptr_array_index (self->staged, i)));
          g_ptr_array_set_size (self->staged, 0);
          return FALSE;
        }
    }
  g_ptr_array_set_size (self->staged, 0);
  return TRUE;
}

gboolean
cp_network_export_write (CpStore                       *store,
                         gint64                         person_id,
                         gint64                         snapshot_id,
                         const CpNetworkExportOptions  *options,
                         const char                    *path,
                         GStrv                         *out_paths,
                         GError                       **error)
{
  g_autoptr(CpNetworkExport) self = cp_network_export_new (store, person_id, snapshot_id,
                                                           options, error);

  if (self == NULL || !cp_network_export_stage (self, path, FALSE, error) ||
      !cp_network_export_publish (self, store, error))
    return FALSE;
  if (out_paths != NULL)
    *out_paths = cp_network_export_dup_paths (self, path);
  return TRUE;
}
