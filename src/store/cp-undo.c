/* cp-undo.c: user actions as changesets, undo and redo
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-undo"

#include <string.h>

#include <glib/gi18n.h>

#include "cp-store-private.h"

/* Every user action records one changeset of all the rows it changed, in every table
 * (cp-store-capture.c). Undo applies the inverted changeset, redo the original, each
 * inside one transaction with foreign keys off: the changeset already holds every
 * cascaded row, so letting SQLite cascade again would make the replay conflict with
 * itself. The keys are checked before COMMIT. Any conflict aborts the whole step, and
 * the step is dropped from its stack (with a message saying so): left on top, it would
 * fail the same way at every later Ctrl+Z and hide the steps below it. A step that fails
 * for any other reason (a full disk) stays, to be tried again. */

void
_cp_undo_step_free (CpUndoStep *step)
{
  if (step == NULL)
    return;

  g_free (step->label);
  g_free (step->merge_key);
  sqlite3_free (step->changeset);
  g_free (step);
}

static gint64
store_now (CpStore *self)
{
  return self->now_for_testing != 0 ? self->now_for_testing : g_get_monotonic_time ();
}

static void
clear_stack (GQueue *stack)
{
  CpUndoStep *step;

  while ((step = g_queue_pop_head (stack)) != NULL)
    _cp_undo_step_free (step);
}

void
_cp_store_clear_undo (CpStore *self)
{
  gboolean could_undo = cp_store_can_undo (self);
  gboolean could_redo = cp_store_can_redo (self);

  if (!could_undo && !could_redo)
    return;

  clear_stack (&self->undo_stack);
  clear_stack (&self->redo_stack);
  _cp_store_notify_undo (self, could_undo, could_redo);
}

void
_cp_undo_push (CpStore *self,
               char    *label,
               char    *merge_key,
               int      n_changeset,
               void    *changeset)
{
  CpUndoStep *top = g_queue_peek_head (&self->undo_stack);
  gint64 now = store_now (self);
  CpUndoStep *step;

  clear_stack (&self->redo_stack);

  if (merge_key != NULL && top != NULL &&
      g_strcmp0 (top->merge_key, merge_key) == 0 &&
      now - top->time_usec < CP_STORE_MERGE_WINDOW_USEC &&
      now >= top->time_usec)
    {
      int n = 0;
      void *merged = NULL;
      int rc = sqlite3changeset_concat (top->n_changeset, top->changeset,
                                        n_changeset, changeset, &n, &merged);

      if (rc == SQLITE_OK)
        {
          sqlite3_free (top->changeset);
          sqlite3_free (changeset);
          g_free (label);
          g_free (merge_key);
          top->changeset = merged;
          top->n_changeset = n;
          top->time_usec = now;
          return;
        }

      /* Cannot merge: keep them as two steps. */
      g_debug ("sqlite3changeset_concat: %s", sqlite3_errstr (rc));
      sqlite3_free (merged);
    }

  step = g_new0 (CpUndoStep, 1);
  step->label = label;
  step->merge_key = merge_key;
  step->time_usec = now;
  step->n_changeset = n_changeset;
  step->changeset = changeset;
  g_queue_push_head (&self->undo_stack, step);
  self->n_undo_steps++;

  while (g_queue_get_length (&self->undo_stack) > CP_STORE_UNDO_LIMIT)
    _cp_undo_step_free (g_queue_pop_tail (&self->undo_stack));
}

static int
abort_on_conflict (void                   *user_data,
                   int                     conflict,
                   sqlite3_changeset_iter *iter)
{
  int *out_conflict = user_data;

  *out_conflict = conflict;

  return SQLITE_CHANGESET_ABORT;
}

/* @out_conflict: set when the workspace no longer matches the step. @out_uncertain: set
 * (with TRUE returned) when the COMMIT failed but the step is in the file all the same
 * and the disk still fails (cp-store-settle.c). */
static gboolean
apply_changeset (CpStore     *self,
                 int          n,
                 void        *changeset,
                 gboolean    *out_conflict,
                 gboolean    *out_uncertain,
                 GError     **error)
{
  g_autoptr(GError) fk_error = NULL;
  g_autoptr(GError) commit_error = NULL;
  gboolean certain = FALSE;
  int conflict = 0;
  int rc;

  *out_conflict = FALSE;
  *out_uncertain = FALSE;

  if (!_cp_db_exec (self->db, "PRAGMA foreign_keys = OFF", error))
    return FALSE;

  if (!_cp_db_exec (self->db, "BEGIN IMMEDIATE", error))
    {
      sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
      return FALSE;
    }

  rc = sqlite3changeset_apply (self->db, n, changeset, NULL, abort_on_conflict, &conflict);
  if (rc != SQLITE_OK)
    {
      if (conflict != 0)
        {
          g_debug ("changeset conflict %d", conflict);
          *out_conflict = TRUE;
        }
      else
        _cp_db_set_error (error, self->db, rc);
      goto fail;
    }

  if (!_cp_db_foreign_key_check (self->db, &fk_error))
    {
      /* A row of the step refers to one that is gone, or the other way round. */
      *out_conflict = g_error_matches (fk_error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT);
      if (!*out_conflict)
        g_propagate_error (error, g_steal_pointer (&fk_error));
      goto fail;
    }

  if (!_cp_db_exec (self->db, "COMMIT", &commit_error))
    {
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
      /* A write or a sync failed: find out what the file holds before saying anything. */
      if (g_error_matches (commit_error, CP_STORE_ERROR, CP_STORE_ERROR_FULL) &&
          _cp_store_settle (self, n, changeset, &certain))
        {
          *out_uncertain = !certain;
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&commit_error));
      return FALSE;
    }

  return _cp_db_exec (self->db, "PRAGMA foreign_keys = ON", error);

fail:
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  return FALSE;
}

gboolean
cp_store_can_undo (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);

  return !g_queue_is_empty (&self->undo_stack);
}

gboolean
cp_store_can_redo (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);

  return !g_queue_is_empty (&self->redo_stack);
}

guint64
cp_store_get_n_undo_steps (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), 0);

  return self->n_undo_steps;
}

const char *
cp_store_get_undo_label (CpStore *self)
{
  CpUndoStep *step;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  step = g_queue_peek_head (&self->undo_stack);

  return step ? step->label : NULL;
}

const char *
cp_store_get_redo_label (CpStore *self)
{
  CpUndoStep *step;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  step = g_queue_peek_head (&self->redo_stack);

  return step ? step->label : NULL;
}

static gboolean
move_step (CpStore   *self,
           GQueue    *from,
           GQueue    *to,
           gboolean   invert,
           GError   **error)
{
  gboolean could_undo = cp_store_can_undo (self);
  gboolean could_redo = cp_store_can_redo (self);
  CpUndoStep *step;
  void *changeset = NULL;
  gboolean conflict = FALSE;
  gboolean uncertain = FALSE;
  int n = 0;

  if (!_cp_store_check_writable (self, error))
    return FALSE;

  if ((step = g_queue_peek_head (from)) == NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           invert ? _("There is nothing to undo.") : _("There is nothing to redo."));
      return FALSE;
    }

  if (invert)
    {
      int rc = sqlite3changeset_invert (step->n_changeset, step->changeset, &n, &changeset);

      if (rc != SQLITE_OK)
        {
          _cp_db_set_error (error, NULL, rc);
          return FALSE;
        }
    }
  else
    {
      n = step->n_changeset;
      changeset = sqlite3_malloc (n);
      if (changeset == NULL)
        {
          _cp_db_set_error (error, NULL, SQLITE_NOMEM);
          return FALSE;
        }
      memcpy (changeset, step->changeset, n);
    }

  if (!apply_changeset (self, n, changeset, &conflict, &uncertain, error))
    {
      sqlite3_free (changeset);
      if (conflict)
        {
          g_autofree char *label = g_strdup (step->label);

          g_queue_pop_head (from);
          _cp_undo_step_free (step);
          _cp_store_notify_undo (self, could_undo, could_redo);
          g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
                       invert ? _("“%s” can no longer be undone: the workspace has changed "
                                  "since. Nothing was changed, and the step was taken off "
                                  "the undo list.")
                              : _("“%s” can no longer be redone: the workspace has changed "
                                  "since. Nothing was changed, and the step was taken off "
                                  "the redo list."),
                       label);
        }
      return FALSE;
    }

  g_queue_pop_head (from);
  /* A step that went back and forth is never merged into again. */
  g_clear_pointer (&step->merge_key, g_free);
  g_queue_push_head (to, step);

  _cp_store_after_change (self, changeset, n);
  sqlite3_free (changeset);

  _cp_store_notify_undo (self, could_undo, could_redo);

  if (uncertain)
    {
      _cp_store_set_uncertain_error (error);
      return FALSE;
    }

  return TRUE;
}

gboolean
cp_store_undo (CpStore  *self,
               GError  **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->capture == NULL, FALSE);

  return move_step (self, &self->undo_stack, &self->redo_stack, TRUE, error);
}

gboolean
cp_store_redo (CpStore  *self,
               GError  **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->capture == NULL, FALSE);

  return move_step (self, &self->redo_stack, &self->undo_stack, FALSE, error);
}
