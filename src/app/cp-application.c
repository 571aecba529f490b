/* cp-application.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-application"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cp-application-private.h"
#include "cp-bench-hook.h"
#include "ui/cp-dialogs.h"
#include "cp-first-run.h"
#include "cp-open-error.h"
#include "cp-preferences-window.h"
#include "ui/cp-toaster.h"
#include "cp-window.h"
#include "pdf/cp-pdf-document.h"
#include "store/cp-store-async.h"

#define MAX_RECENT 8

struct _CpApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
  GHashTable     *opening;      /* path → Opening: workspaces being opened */
  char           *early_path;   /* the workspace to open as GTK starts, or NULL */
  gboolean        early_practice;
  gboolean        without_gl;   /* GTK started without the GL driver (startup) */
};

G_DEFINE_FINAL_TYPE (CpApplication, cp_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open or create the workspace FILE"), N_("FILE") },
  { "practice", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the practice workspace of fictional people"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

static void
apply_color_scheme (CpApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  switch (g_settings_get_enum (self->settings, "color-scheme"))
    {
    case 1:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
      break;
    case 2:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
      break;
    default:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
      break;
    }
}

static void
apply_backup_days (CpApplication *self)
{
  guint days = g_settings_get_uint (self->settings, "backup-days");

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (CP_IS_WINDOW (l->data))
      cp_store_set_backup_keep (cp_window_get_store (l->data), days);
}

static void
remember_recent (CpApplication *self,
                 const char    *path)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-workspaces");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    {
      if (g_strcmp0 (old[i], path) == 0)
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-workspaces", (const char * const *) recent);
}

static CpWindow *
find_window_for_path (CpApplication *self,
                      const char    *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (CP_IS_WINDOW (l->data)
          && g_strcmp0 (cp_store_get_path (cp_window_get_store (l->data)), path) == 0)
        return l->data;
    }
  return NULL;
}

typedef struct
{
  CpApplication *app;
  char          *path;
  char          *backup;
  gboolean       practice;
} OpenErrorData;

static void
open_error_data_free (gpointer data)
{
  OpenErrorData *d = data;

  g_free (d->path);
  g_free (d->backup);
  g_free (d);
}

static void open_workspace (CpApplication    *self,
                            const char       *path,
                            gboolean          practice,
                            CpStoreOpenFlags  flags);

static void
error_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          OpenErrorData    *d)
{
  if (g_strcmp0 (response, CP_OPEN_RESPONSE_READ_ONLY) == 0)
    open_workspace (d->app, d->path, d->practice, CP_STORE_OPEN_READ_ONLY);
  else if (g_strcmp0 (response, CP_OPEN_RESPONSE_BACKUP) == 0 && d->backup != NULL)
    open_workspace (d->app, d->backup, FALSE, CP_STORE_OPEN_READ_ONLY | CP_STORE_OPEN_NO_BACKUP);
  else if (g_strcmp0 (response, CP_OPEN_RESPONSE_OTHER) == 0)
    g_action_group_activate_action (G_ACTION_GROUP (d->app), "open-workspace", NULL);
  g_application_release (G_APPLICATION (d->app));
}

static void
show_open_error (CpApplication *self,
                 const char    *path,
                 gboolean       practice,
                 const GError  *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_auto(GStrv) backups = cp_store_list_backups_for_path (path);
  OpenErrorData *d = g_new0 (OpenErrorData, 1);
  AdwMessageDialog *dialog;

  d->app = self;
  d->path = g_strdup (path);
  d->backup = g_strdup (backups ? backups[0] : NULL);
  d->practice = practice;
  dialog = cp_open_error_dialog_new (parent, path, error, d->backup);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_application_hold (G_APPLICATION (self));
  g_signal_connect_data (dialog, "response", G_CALLBACK (error_dialog_response_cb), d,
                         (GClosureNotify) (void (*) (void)) open_error_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Opening, in a worker ------------------------------------------------------------- */

/* Opening runs in a worker (cp_store_open_async: the probe, quick_check and any
 * migration), and the window is made only once the workspace passed: a damaged or
 * locked one gets its dialog as before and never a window. Meanwhile the app stays
 * responsive; past ~200 ms the active window's banner says "Opening…", or, with no
 * window yet, a small window does. */
typedef struct
{
  CpApplication    *app;
  char             *path;
  gboolean          practice;
  CpStoreOpenFlags  flags;
  GPtrArray        *pdfs;       /* GFile: to show once the window is there */
  CpBusy           *busy;
  GtkWindow        *waiting;
  guint             waiting_id;
} Opening;

static void
opening_free (Opening *o)
{
  g_clear_handle_id (&o->waiting_id, g_source_remove);
  if (o->waiting != NULL)
    gtk_window_destroy (o->waiting);
  g_clear_pointer (&o->busy, cp_busy_end);
  g_hash_table_remove (o->app->opening, o->path);
  g_application_release (G_APPLICATION (o->app));
  g_free (o->path);
  g_ptr_array_unref (o->pdfs);
  g_free (o);
}

static gboolean
show_waiting_cb (gpointer data)
{
  Opening *o = data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *spinner = gtk_spinner_new ();
  g_autofree char *name = cp_store_dup_display_name_for_path (o->path);
  /* Translators: %s is the workspace's name (its file name) */
  g_autofree char *text = g_strdup_printf (_("Opening “%s”…"), name);

  o->waiting_id = 0;
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  o->waiting = GTK_WINDOW (adw_window_new ());
  gtk_window_set_title (o->waiting, DISPLAY_NAME);
  gtk_window_set_default_size (o->waiting, 360, 200);
  adw_window_set_content (ADW_WINDOW (o->waiting), box);
  gtk_window_present (o->waiting);
  return G_SOURCE_REMOVE;
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Opening *o = user_data;
  CpApplication *self = o->app;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open_finish (result, &error);
  CpWindow *window;

  if (store == NULL)
    {
      show_open_error (self, o->path, o->practice, error);
      opening_free (o);
      return;
    }

  if (!o->practice && !(o->flags & CP_STORE_OPEN_NO_BACKUP))
    remember_recent (self, o->path);

  window = cp_window_new (self, store, o->practice);
  if (cp_bench_hook_wanted ())
    cp_bench_hook_watch_window (GTK_WINDOW (window));
  /* Before it is shown, so that the window starts in the Library and builds no
   * caseload page for a PDF. */
  for (guint i = 0; i < o->pdfs->len; i++)
    cp_window_open_pdf (window, g_ptr_array_index (o->pdfs, i));
  gtk_window_present (GTK_WINDOW (window));
  /* In a worker, after the first frame, with the number to keep from Preferences. */
  if (!(o->flags & CP_STORE_OPEN_NO_BACKUP))
    cp_window_take_daily_backup (window, g_settings_get_uint (self->settings, "backup-days"));
  /* Not in front of a PDF the user asked for: on the way to People. */
  if (!o->practice)
    cp_first_run_ask_on_people (window);
  opening_free (o);
}

static void
open_workspace_then (CpApplication    *self,
                     const char       *path,
                     gboolean          practice,
                     CpStoreOpenFlags  flags,
                     GFile            *pdf)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  CpWindow *window;
  Opening *o;

  if ((window = find_window_for_path (self, path)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      if (pdf != NULL)
        cp_window_open_pdf (window, pdf);
      return;
    }

  if ((o = g_hash_table_lookup (self->opening, path)) != NULL)
    {
      if (pdf != NULL)
        g_ptr_array_add (o->pdfs, g_object_ref (pdf));
      return;
    }

  o = g_new0 (Opening, 1);
  o->app = self;
  o->path = g_strdup (path);
  o->practice = practice;
  o->flags = flags;
  o->pdfs = g_ptr_array_new_with_free_func (g_object_unref);
  if (pdf != NULL)
    g_ptr_array_add (o->pdfs, g_object_ref (pdf));
  g_hash_table_insert (self->opening, o->path, o);
  /* The app stays up while it opens, even with no window yet. */
  g_application_hold (G_APPLICATION (self));
  if (CP_IS_WINDOW (active))
    o->busy = cp_toaster_begin_busy (GTK_WIDGET (active), _("Opening the workspace…"));
  else
    /* Below the opening's own result in priority: a workspace opened in a worker while
     * GTK was still starting (longer than this on a slow machine) is shown at once, not
     * after a flash of the waiting window. */
    o->waiting_id = g_timeout_add_full (G_PRIORITY_LOW, 200, show_waiting_cb, o, NULL);

  /* The daily backup is taken once the window is there, in a worker of its own. */
  cp_store_open_async (path, flags | CP_STORE_OPEN_NO_BACKUP, NULL, opened_cb, o);
}

static void
open_workspace (CpApplication    *self,
                const char       *path,
                gboolean          practice,
                CpStoreOpenFlags  flags)
{
  open_workspace_then (self, path, practice, flags, NULL);
}

void
cp_application_open_workspace (CpApplication *self,
                               const char    *path,
                               gboolean       practice)
{
  g_return_if_fail (CP_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  open_workspace (self, path, practice, CP_STORE_OPEN_DEFAULT);
}

void
cp_application_open_practice (CpApplication *self)
{
  g_autofree char *path = cp_store_dup_practice_path ();
  g_autoptr(GError) error = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS)
      && !cp_store_create_practice (path, &error))
    {
      show_open_error (self, path, TRUE, error);
      return;
    }
  cp_application_open_workspace (self, path, TRUE);
}

static void
remove_workspace_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal", NULL };

  for (guint i = 0; suffixes[i]; i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

void
cp_application_reset_practice (CpApplication *self,
                               GtkWindow     *old)
{
  g_autofree char *path = cp_store_dup_practice_path ();

  g_application_hold (G_APPLICATION (self));
  if (old != NULL)
    {
      cp_store_close (cp_window_get_store (CP_WINDOW (old)));
      gtk_window_destroy (old);
    }
  remove_workspace_files (path);
  cp_application_open_practice (self);
  g_application_release (G_APPLICATION (self));
}

/* ---- Command line --------------------------------------------------------------------- */

/* Runs in the launching process before it registers: startup then runs here only if this
 * process is the app (not when a running one takes the command line). */
static gboolean
cp_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  CpApplication *self = CP_APPLICATION (app);

  g_free (self->early_path);
  self->early_path = _cp_application_early_path ((const char * const *) *arguments,
                                                 &self->early_practice);
  self->without_gl = _cp_application_start_gtk_without_gl ();
  return G_APPLICATION_CLASS (cp_application_parent_class)->local_command_line (app, arguments,
                                                                               exit_status);
}

static int
cp_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", DISPLAY_NAME, PACKAGE_VERSION);
      return 0;
    }

  /* --version, --help and the headless commands need no settings; the app does, and
   * without its schema GSettings would abort with a trap: say what is wrong instead. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_printerr (_("cpkit: the app’s settings schema (%s) is not installed. Install the "
                    "app, or run it from the build folder with "
                    "GSETTINGS_SCHEMA_DIR=<build folder>/data.\n"), APP_ID);
      return CP_APPLICATION_EXIT_NO_SCHEMA;
    }
  return -1;
}

static int
cp_application_command_line (GApplication            *app,
                             GApplicationCommandLine *cmdline)
{
  CpApplication *self = CP_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_autofree char *workspace = NULL;
  g_auto(GStrv) args = NULL;
  gboolean opened = FALSE;
  int argc;

  if (g_variant_dict_contains (options, "practice"))
    {
      cp_application_open_practice (self);
      opened = TRUE;
    }

  if (g_variant_dict_lookup (options, "workspace", "^ay", &workspace))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, workspace);
      g_autofree char *path = g_file_get_path (file);

      cp_application_open_workspace (self, path, FALSE);
      opened = TRUE;
    }

  /* Remaining arguments are files: hand them to ::open, as a desktop launch would. */
  args = g_application_command_line_get_arguments (cmdline, &argc);
  if (argc > 1)
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (int i = 1; i < argc; i++)
        g_ptr_array_add (files, g_application_command_line_create_file_for_arg (cmdline, args[i]));
      g_application_open (app, (GFile **) files->pdata, files->len, "");
      opened = TRUE;
    }

  if (!opened)
    {
      g_autofree char *path = cp_store_dup_default_path ();
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));

      if (active != NULL)
        gtk_window_present (active);
      else
        cp_application_open_workspace (self, path, FALSE);
    }

  return 0;
}

static void
cp_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  CpApplication *self = CP_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      GtkWindow *active;

      if (path != NULL && g_str_has_suffix (path, ".cpkit"))
        {
          cp_application_open_workspace (self, path, FALSE);
          continue;
        }
      if (_cp_application_is_pack_path (path))
        {
          _cp_application_open_pack_file (app, gtk_application_get_active_window (
                                            GTK_APPLICATION (self)), files[i]);
          continue;
        }

      /* Anything else is shown as a PDF in the Library, without importing it; the
       * viewer says so when it is not one. With no window yet, once one is open. */
      active = gtk_application_get_active_window (GTK_APPLICATION (self));
      if (CP_IS_WINDOW (active))
        cp_window_open_pdf (CP_WINDOW (active), files[i]);
      else
        {
          g_autofree char *workspace = cp_store_dup_default_path ();

          open_workspace_then (self, workspace, FALSE, CP_STORE_OPEN_DEFAULT, files[i]);
        }
    }
}

/* ---- Actions -------------------------------------------------------------------------- */

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Closing each window saves its size; edits are already committed. A window on a
   * supervision pack with comments not yet in a reply asks first: then stay. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (CP_IS_WINDOW (l->data))
      return;
  g_application_quit (app);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  _cp_application_show_about (GTK_APPLICATION (user_data));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  CpApplication *self = CP_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *fallback = cp_store_dup_default_path ();
  const char *path = CP_IS_WINDOW (parent) ? cp_store_get_path (cp_window_get_store (CP_WINDOW (parent)))
                                           : fallback;
  CpPreferencesWindow *prefs = cp_preferences_window_new (self->settings, path);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
practice_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  cp_application_open_practice (CP_APPLICATION (user_data));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  cp_application_open_workspace (CP_APPLICATION (user_data),
                                 g_variant_get_string (param, NULL), FALSE);
}

static void
new_workspace_chosen_cb (gpointer  owner,
                         GFile    *file,
                         gpointer  user_data)
{
  CpApplication *self = CP_APPLICATION (owner);
  g_autofree char *chosen = g_file_get_path (file);
  g_autofree char *path = g_str_has_suffix (chosen, ".cpkit")
                          ? g_strdup (chosen) : g_strconcat (chosen, ".cpkit", NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_EXISTS, "%s",
                                             _("a file with that name already exists; "
                                               "choose another name, or use Open "
                                               "Workspace to open it"));
      show_open_error (self, path, FALSE, error);
    }
  else
    cp_application_open_workspace (self, path, FALSE);
}

static void
open_workspace_chosen_cb (gpointer  owner,
                          GFile    *file,
                          gpointer  user_data)
{
  g_autofree char *path = g_file_get_path (file);

  if (_cp_application_is_pack_path (path))
    _cp_application_open_pack_file (G_APPLICATION (owner),
                                    gtk_application_get_active_window (GTK_APPLICATION (owner)),
                                    file);
  else
    cp_application_open_workspace (CP_APPLICATION (owner), path, FALSE);
}

static void
run_workspace_chooser (CpApplication *self,
                       gboolean       is_new)
{
  CpFileDialog options = {
    .action = is_new ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
    .title = is_new ? _("New Workspace") : _("Open Workspace"),
    .accept_label = is_new ? _("_Create") : _("_Open"),
    .suggested_name = _("New workspace.cpkit"),
    .kind = !is_new && g_settings_get_boolean (self->settings, "supervision-packs")
            ? CP_FILE_KIND_WORKSPACE_OR_PACK : CP_FILE_KIND_WORKSPACE,
  };

  /* The app stays up while the chooser is open, even with no window. */
  g_application_hold (G_APPLICATION (self));
  cp_file_dialog_show (self, gtk_application_get_active_window (GTK_APPLICATION (self)),
                       &options,
                       is_new ? new_workspace_chosen_cb : open_workspace_chosen_cb,
                       self, (GDestroyNotify) g_application_release);
}

static void
new_workspace_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  run_workspace_chooser (CP_APPLICATION (user_data), TRUE);
}

static void
open_workspace_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  run_workspace_chooser (CP_APPLICATION (user_data), FALSE);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "practice", practice_action },
  { "open-recent", open_recent_action, "s" },
  { "new-workspace", new_workspace_action },
  { "open-workspace", open_workspace_action },
};

/* ---- GApplication --------------------------------------------------------------------- */

static void
cp_application_startup (GApplication *app)
{
  CpApplication *self = CP_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *help_accels[] = { "<Control>F1", "<Control>question", NULL };

  /* The workspace this launch will open starts opening in a worker now, while GTK and
   * libadwaita start on this thread; the command line finds it opening and waits for it
   * (open_workspace_then). */
  if (self->early_path != NULL)
    open_workspace (self, self->early_path, self->early_practice, CP_STORE_OPEN_DEFAULT);
  g_clear_pointer (&self->early_path, g_free);

  G_APPLICATION_CLASS (cp_application_parent_class)->startup (app);
  if (self->without_gl)
    _cp_application_draw_without_gl ();
  _cp_application_load_style ();

  /* Here, not in init: creating the application must not need the schema
   * (handle_local_options has checked it by now). */
  self->settings = g_settings_new (APP_ID);
  cp_bench_hook_start ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open-workspace",
                                         open_accels);
  /* (the window builds its shortcuts window only when asked: see cp-window.c) */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         help_accels);

  g_signal_connect_swapped (self->settings, "changed::color-scheme",
                            G_CALLBACK (apply_color_scheme), self);
  g_signal_connect_swapped (self->settings, "changed::backup-days",
                            G_CALLBACK (apply_backup_days), self);
  apply_color_scheme (self);
}

static void
cp_application_shutdown (GApplication *app)
{
  G_APPLICATION_CLASS (cp_application_parent_class)->shutdown (app);
  /* The windows and their documents are gone: stop the poppler worker before poppler's
   * own global state is torn down at exit. */
  cp_pdf_document_shutdown ();
}

static void
cp_application_finalize (GObject *object)
{
  CpApplication *self = CP_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->opening, g_hash_table_unref);
  g_free (self->early_path);
  G_OBJECT_CLASS (cp_application_parent_class)->finalize (object);
}

static void
cp_application_class_init (CpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cp_application_finalize;
  app_class->startup = cp_application_startup;
  app_class->shutdown = cp_application_shutdown;
  app_class->command_line = cp_application_command_line;
  app_class->open = cp_application_open;
  app_class->handle_local_options = cp_application_handle_local_options;
  app_class->local_command_line = cp_application_local_command_line;
}

static void
cp_application_init (CpApplication *self)
{
  self->opening = g_hash_table_new (g_str_hash, g_str_equal);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Connecting People Kit: your Connecting People "
                                              "caseload, kept privately on this computer."
                                              "\n\n"
                                              "Commands that need no display:\n"
                                              "  cpkit check [--workspace FILE]   check a "
                                              "workspace's integrity and schema version"));
}

CpApplication *
cp_application_new (void)
{
  CpApplication *self = g_object_new (CP_TYPE_APPLICATION,
                                      "application-id", APP_ID,
                                      "flags", G_APPLICATION_HANDLES_COMMAND_LINE
                                               | G_APPLICATION_HANDLES_OPEN,
                                      NULL);

  /* None, not the one the ID implies: see _cp_application_load_style(). */
  g_application_set_resource_base_path (G_APPLICATION (self), NULL);
  return self;
}

GSettings *
cp_application_get_settings (CpApplication *self)
{
  g_return_val_if_fail (CP_IS_APPLICATION (self), NULL);
  return self->settings;
}
