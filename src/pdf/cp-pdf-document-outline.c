/* cp-pdf-document-outline.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The outline (poppler's index iterator turned into a tree of immutable
 * CpPdfOutlineItem objects, built once on the worker when the document
 * opens) and resolving poppler destinations to (page, top).
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-outline"

#include "cp-pdf-document-private.h"

struct _CpPdfOutlineItem
{
  GObject     parent_instance;

  char       *title;
  int         page;
  double      top;
  char       *dest;
  char       *uri;
  gboolean    expanded;
  GListStore *children;
};

G_DEFINE_FINAL_TYPE (CpPdfOutlineItem, cp_pdf_outline_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_PAGE,
  PROP_DEST,
  PROP_URI,
  PROP_EXPANDED,
  PROP_CHILDREN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_pdf_outline_item_finalize (GObject *object)
{
  CpPdfOutlineItem *self = (CpPdfOutlineItem *) object;

  g_free (self->title);
  g_free (self->dest);
  g_free (self->uri);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (cp_pdf_outline_item_parent_class)->finalize (object);
}

static void
cp_pdf_outline_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CpPdfOutlineItem *self = CP_PDF_OUTLINE_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PAGE:
      g_value_set_int (value, self->page);
      break;
    case PROP_DEST:
      g_value_set_string (value, self->dest);
      break;
    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;
    case PROP_EXPANDED:
      g_value_set_boolean (value, self->expanded);
      break;
    case PROP_CHILDREN:
      g_value_set_object (value, self->children);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_pdf_outline_item_class_init (CpPdfOutlineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cp_pdf_outline_item_finalize;
  object_class->get_property = cp_pdf_outline_item_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_PAGE] = g_param_spec_int ("page", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_DEST] = g_param_spec_string ("dest", NULL, NULL, NULL, flags);
  properties[PROP_URI] = g_param_spec_string ("uri", NULL, NULL, NULL, flags);
  properties[PROP_EXPANDED] = g_param_spec_boolean ("expanded", NULL, NULL, FALSE, flags);
  properties[PROP_CHILDREN] = g_param_spec_object ("children", NULL, NULL, G_TYPE_LIST_MODEL,
                                                   flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_pdf_outline_item_init (CpPdfOutlineItem *self)
{
  self->page = -1;
  self->top = -1;
}

CpPdfOutlineItem *
_cp_pdf_outline_item_new (const char *title,
                          int         page,
                          double      top,
                          const char *dest,
                          const char *uri,
                          gboolean    expanded,
                          GListStore *children)
{
  CpPdfOutlineItem *self = g_object_new (CP_TYPE_PDF_OUTLINE_ITEM, NULL);

  self->title = g_strdup (title != NULL ? title : "");
  self->page = page;
  self->top = top;
  self->dest = g_strdup (dest);
  self->uri = g_strdup (uri);
  self->expanded = expanded;
  self->children = children != NULL ? g_object_ref (children)
                                    : g_list_store_new (CP_TYPE_PDF_OUTLINE_ITEM);
  return self;
}

const char *
cp_pdf_outline_item_get_title (CpPdfOutlineItem *self)
{
  g_return_val_if_fail (CP_IS_PDF_OUTLINE_ITEM (self), NULL);
  return self->title;
}

int
cp_pdf_outline_item_get_page (CpPdfOutlineItem *self)
{
  g_return_val_if_fail (CP_IS_PDF_OUTLINE_ITEM (self), -1);
  return self->page;
}

double
cp_pdf_outline_item_get_top (CpPdfOutlineItem *self)
{
  g_return_val_if_fail (CP_IS_PDF_OUTLINE_ITEM (self), -1);
  return self->top;
}

const char *
cp_pdf_outline_item_get_dest (CpPdfOutlineItem *self)
{
  g_return_val_if_fail (CP_IS_PDF_OUTLINE_ITEM (self), NULL);
  return self->dest;
}

const char *
cp_pdf_outline_item_get_uri (CpPdfOutlineItem *self)
{
  g_return_val_if_fail (CP_IS_PDF_OUTLINE_ITEM (self), NULL);
  return self->uri;
}

gboolean
cp_pdf_outline_item_get_expanded (CpPdfOutlineItem *self)
{
  g_return_val_if_fail (CP_IS_PDF_OUTLINE_ITEM (self), FALSE);
  return self->expanded;
}

GListModel *
cp_pdf_outline_item_get_children (CpPdfOutlineItem *self)
{
  g_return_val_if_fail (CP_IS_PDF_OUTLINE_ITEM (self), NULL);
  return G_LIST_MODEL (self->children);
}

/* Worker only. page becomes 0-based (-1 when unknown), top is measured from
 * the top of the target page in points (-1 when the destination has none). */
void
_cp_pdf_dest_resolve (CpPdfDocument  *document,
                      PopplerDest    *dest,
                      int            *page,
                      double         *top,
                      char          **name)
{
  PopplerDest *named = NULL;
  PopplerDest *target = dest;

  *page = -1;
  *top = -1;
  if (name != NULL)
    *name = NULL;

  if (dest == NULL)
    return;

  if (dest->type == POPPLER_DEST_NAMED)
    {
      if (name != NULL)
        *name = g_strdup (dest->named_dest);
      named = poppler_document_find_dest (document->poppler, dest->named_dest);
      target = named;
    }

  if (target != NULL && target->page_num >= 1 && (guint) target->page_num <= document->n_pages)
    {
      *page = target->page_num - 1;

      switch (target->type)
        {
        case POPPLER_DEST_XYZ:
          if (target->change_top)
            *top = MAX (0, document->sizes[2 * *page + 1] - target->top);
          break;
        case POPPLER_DEST_FITH:
        case POPPLER_DEST_FITBH:
        case POPPLER_DEST_FITR:
          *top = MAX (0, document->sizes[2 * *page + 1] - target->top);
          break;
        default:
          break;
        }
    }

  if (named != NULL)
    poppler_dest_free (named);
}

static GListStore *
build_level (CpPdfDocument    *document,
             PopplerIndexIter *iter)
{
  GListStore *store = g_list_store_new (CP_TYPE_PDF_OUTLINE_ITEM);

  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);
      g_autoptr(GListStore) children = NULL;
      g_autoptr(CpPdfOutlineItem) item = NULL;
      g_autofree char *dest_name = NULL;
      const char *title = NULL;
      const char *uri = NULL;
      int page = -1;
      double top = -1;

      if (child != NULL)
        {
          children = build_level (document, child);
          poppler_index_iter_free (child);
        }

      if (action != NULL)
        {
          title = action->any.title;
          if (action->type == POPPLER_ACTION_GOTO_DEST)
            _cp_pdf_dest_resolve (document, action->goto_dest.dest, &page, &top, &dest_name);
          else if (action->type == POPPLER_ACTION_URI)
            uri = action->uri.uri;
        }

      item = _cp_pdf_outline_item_new (title, page, top, dest_name, uri,
                                       poppler_index_iter_is_open (iter), children);
      g_list_store_append (store, item);

      if (action != NULL)
        poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));

  return store;
}

GListStore *
_cp_pdf_outline_build (CpPdfDocument *document)
{
  PopplerIndexIter *iter = poppler_index_iter_new (document->poppler);
  GListStore *store;

  if (iter == NULL)
    return g_list_store_new (CP_TYPE_PDF_OUTLINE_ITEM);

  store = build_level (document, iter);
  poppler_index_iter_free (iter);
  return store;
}
