/* cp-pdf-cache.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The render cache: a hash table for lookups and a queue for recency.
 * Only the spec's geometry is part of the key (page, scale to 1/10000,
 * rotation, tile), together with the document's never-reused id.
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-cache"

#include <math.h>

#include "cp-pdf-cache.h"

typedef struct
{
  guint64     document_id;
  guint       page;
  gint64      scale;
  guint       rotation;
  guint       tile_x;
  guint       tile_y;
  guint       tile_size;
} CacheKey;

typedef struct
{
  CacheKey    key;
  GdkTexture *texture;
  gsize       bytes;
  GList       link;     /* in recent; data points to the entry */
} CacheEntry;

struct _CpPdfCache
{
  GObject     parent_instance;

  GHashTable *entries;   /* CacheKey → CacheEntry (owned) */
  GQueue      recent;    /* head = most recent */
  gsize       max_bytes;
  gsize       used_bytes;
};

G_DEFINE_FINAL_TYPE (CpPdfCache, cp_pdf_cache, G_TYPE_OBJECT)

static guint
cache_key_hash (gconstpointer data)
{
  const CacheKey *key = data;
  guint h = (guint) key->document_id;

  h = h * 31 + key->page;
  h = h * 31 + (guint) key->scale;
  h = h * 31 + key->rotation;
  h = h * 31 + key->tile_x;
  h = h * 31 + key->tile_y;
  return h * 31 + key->tile_size;
}

static gboolean
cache_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const CacheKey *ka = a;
  const CacheKey *kb = b;

  return ka->document_id == kb->document_id && ka->page == kb->page
         && ka->scale == kb->scale && ka->rotation == kb->rotation
         && ka->tile_x == kb->tile_x && ka->tile_y == kb->tile_y
         && ka->tile_size == kb->tile_size;
}

static gint64
scale_key (double scale)
{
  return (gint64) llround (scale * 10000);
}

static void
cache_key_init (CacheKey              *key,
                CpPdfDocument         *document,
                const CpPdfRenderSpec *spec)
{
  key->document_id = cp_pdf_document_get_id (document);
  key->page = spec->page;
  key->scale = scale_key (spec->scale);
  key->rotation = spec->rotation;
  key->tile_x = spec->tile_size > 0 ? spec->tile_x : 0;
  key->tile_y = spec->tile_size > 0 ? spec->tile_y : 0;
  key->tile_size = spec->tile_size;
}

static void
cache_entry_free (CacheEntry *entry)
{
  g_object_unref (entry->texture);
  g_free (entry);
}

static void
cp_pdf_cache_remove_entry (CpPdfCache *self,
                           CacheEntry *entry)
{
  g_queue_unlink (&self->recent, &entry->link);
  self->used_bytes -= entry->bytes;
  g_hash_table_remove (self->entries, &entry->key);
}

static void
cp_pdf_cache_trim (CpPdfCache *self,
                   gsize       max_bytes)
{
  while (self->used_bytes > max_bytes && self->recent.tail != NULL)
    cp_pdf_cache_remove_entry (self, self->recent.tail->data);
}

static void
cp_pdf_cache_finalize (GObject *object)
{
  CpPdfCache *self = (CpPdfCache *) object;

  g_hash_table_destroy (self->entries);

  G_OBJECT_CLASS (cp_pdf_cache_parent_class)->finalize (object);
}

static void
cp_pdf_cache_class_init (CpPdfCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cp_pdf_cache_finalize;
}

static void
cp_pdf_cache_init (CpPdfCache *self)
{
  self->entries = g_hash_table_new_full (cache_key_hash, cache_key_equal, NULL,
                                         (GDestroyNotify) cache_entry_free);
  g_queue_init (&self->recent);
  self->max_bytes = CP_PDF_CACHE_DEFAULT_MAX_BYTES;
}

CpPdfCache *
cp_pdf_cache_new (gsize max_bytes)
{
  CpPdfCache *self = g_object_new (CP_TYPE_PDF_CACHE, NULL);

  self->max_bytes = max_bytes;
  return self;
}

/**
 * cp_pdf_cache_get_default:
 *
 * Returns: (transfer none): the process-wide cache the views share.
 */
CpPdfCache *
cp_pdf_cache_get_default (void)
{
  static CpPdfCache *default_cache;

  if (default_cache == NULL)
    default_cache = cp_pdf_cache_new (CP_PDF_CACHE_DEFAULT_MAX_BYTES);
  return default_cache;
}

gsize
cp_pdf_cache_get_max_bytes (CpPdfCache *self)
{
  g_return_val_if_fail (CP_IS_PDF_CACHE (self), 0);
  return self->max_bytes;
}

void
cp_pdf_cache_set_max_bytes (CpPdfCache *self,
                            gsize       max_bytes)
{
  g_return_if_fail (CP_IS_PDF_CACHE (self));

  self->max_bytes = max_bytes;
  cp_pdf_cache_trim (self, max_bytes);
}

gsize
cp_pdf_cache_get_used_bytes (CpPdfCache *self)
{
  g_return_val_if_fail (CP_IS_PDF_CACHE (self), 0);
  return self->used_bytes;
}

guint
cp_pdf_cache_get_n_items (CpPdfCache *self)
{
  g_return_val_if_fail (CP_IS_PDF_CACHE (self), 0);
  return g_hash_table_size (self->entries);
}

GdkTexture *
cp_pdf_cache_lookup (CpPdfCache            *self,
                     CpPdfDocument         *document,
                     const CpPdfRenderSpec *spec)
{
  CacheKey key;
  CacheEntry *entry;

  g_return_val_if_fail (CP_IS_PDF_CACHE (self), NULL);

  cache_key_init (&key, document, spec);
  entry = g_hash_table_lookup (self->entries, &key);
  if (entry == NULL)
    return NULL;

  g_queue_unlink (&self->recent, &entry->link);
  g_queue_push_head_link (&self->recent, &entry->link);
  return entry->texture;
}

/**
 * cp_pdf_cache_insert:
 *
 * Adds or replaces an entry, then evicts the least recently used entries
 * until the cache fits its cap again (a texture larger than the cap is
 * not kept at all).
 */
void
cp_pdf_cache_insert (CpPdfCache            *self,
                     CpPdfDocument         *document,
                     const CpPdfRenderSpec *spec,
                     GdkTexture            *texture)
{
  CacheEntry *entry;
  CacheEntry *old;

  g_return_if_fail (CP_IS_PDF_CACHE (self));
  g_return_if_fail (GDK_IS_TEXTURE (texture));

  entry = g_new0 (CacheEntry, 1);
  cache_key_init (&entry->key, document, spec);
  entry->texture = g_object_ref (texture);
  entry->bytes = (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;
  entry->link.data = entry;

  old = g_hash_table_lookup (self->entries, &entry->key);
  if (old != NULL)
    cp_pdf_cache_remove_entry (self, old);

  g_hash_table_insert (self->entries, &entry->key, entry);
  g_queue_push_head_link (&self->recent, &entry->link);
  self->used_bytes += entry->bytes;
  cp_pdf_cache_trim (self, self->max_bytes);
}

void
cp_pdf_cache_drop_document (CpPdfCache    *self,
                            CpPdfDocument *document)
{
  guint64 id;
  GList *l;

  g_return_if_fail (CP_IS_PDF_CACHE (self));

  id = cp_pdf_document_get_id (document);
  l = self->recent.head;
  while (l != NULL)
    {
      CacheEntry *entry = l->data;

      l = l->next;
      if (entry->key.document_id == id)
        cp_pdf_cache_remove_entry (self, entry);
    }
}

void
cp_pdf_cache_clear (CpPdfCache *self)
{
  g_return_if_fail (CP_IS_PDF_CACHE (self));

  cp_pdf_cache_trim (self, 0);
}

void
cp_pdf_cache_keep_near (CpPdfCache    *self,
                        CpPdfDocument *document,
                        guint          first,
                        guint          last,
                        double         scale,
                        guint          rotation,
                        double         stand_in_scale)
{
  guint64 id;
  gint64 now, before;
  g_autoptr(GHashTable) done = NULL;   /* pages of the range already at @scale */
  GList *l;

  g_return_if_fail (CP_IS_PDF_CACHE (self));
  g_return_if_fail (CP_IS_PDF_DOCUMENT (document));

  id = cp_pdf_document_get_id (document);
  now = scale_key (scale);
  before = stand_in_scale > 0 ? scale_key (stand_in_scale) : -1;
  done = g_hash_table_new (NULL, NULL);
  for (l = self->recent.head; l != NULL; l = l->next)
    {
      CacheEntry *entry = l->data;

      if (entry->key.document_id == id && entry->key.scale == now
          && entry->key.rotation == rotation)
        g_hash_table_add (done, GUINT_TO_POINTER (entry->key.page));
    }

  l = self->recent.head;
  while (l != NULL)
    {
      CacheEntry *entry = l->data;
      gboolean keep;

      l = l->next;
      keep = entry->key.document_id == id && entry->key.rotation == rotation
             && entry->key.page >= first && entry->key.page <= last
             && (entry->key.scale == now
                 || (entry->key.scale == before && entry->key.tile_size == 0
                     && !g_hash_table_contains (done, GUINT_TO_POINTER (entry->key.page))));
      if (!keep)
        cp_pdf_cache_remove_entry (self, entry);
    }
}
