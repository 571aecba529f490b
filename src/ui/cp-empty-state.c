/* cp-empty-state.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-empty-state"

#include "cp-empty-state.h"

/* It looks like AdwStatusPage, but lays its picture and texts out itself. AdwStatusPage
 * puts them in a scrolled viewport, which asks its content how wide it would be at the
 * page's height, and a wrapping label answers that by trying one width after another:
 * on the People page's first frame that was two in five of all the text laid out. Here
 * each text is laid out once for the width it gets. Where the page is too short for
 * everything, the picture goes first, then the texts are cut at the bottom. */

#define MARGIN_X    12    /* Adwaita's status page: 36px 12px around, 12px between, */
#define MARGIN_Y    36    /* 24px more below the picture, which is 128px, and a column */
#define SPACING     12    /* at most 600px wide */
#define ICON_SIZE   128
#define ICON_BELOW  24
#define MAX_WIDTH   600

struct _CpEmptyState
{
  GtkWidget  parent_instance;

  GtkWidget *image;
  GtkWidget *title;
  GtkWidget *description;
};

G_DEFINE_FINAL_TYPE (CpEmptyState, cp_empty_state, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_PAINTABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
column_width (int width)
{
  return CLAMP (width - 2 * MARGIN_X, 0, MAX_WIDTH);
}

static gboolean
has_picture (CpEmptyState *self)
{
  return gtk_image_get_storage_type (GTK_IMAGE (self->image)) != GTK_IMAGE_EMPTY;
}

/* The texts' height, one above the other, at the column's width. */
static int
texts_height (CpEmptyState *self,
              int           column)
{
  GtkWidget *labels[] = { self->title, self->description };
  int height = 0;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      int line;

      if (!gtk_widget_get_visible (labels[i]))
        continue;
      gtk_widget_measure (labels[i], GTK_ORIENTATION_VERTICAL, column, NULL, &line, NULL, NULL);
      height += line + (n++ > 0 ? SPACING : 0);
    }

  return height;
}

static int
picture_height (CpEmptyState *self,
                int           texts)
{
  if (!has_picture (self))
    return 0;
  return ICON_SIZE + (texts > 0 ? SPACING + ICON_BELOW : 0);
}

static void
cp_empty_state_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  CpEmptyState *self = CP_EMPTY_STATE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      GtkWidget *labels[] = { self->title, self->description };
      int min = has_picture (self) ? ICON_SIZE : 0;
      int nat = min;

      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        {
          int label_min, label_nat;

          if (!gtk_widget_get_visible (labels[i]))
            continue;
          gtk_widget_measure (labels[i], orientation, -1, &label_min, &label_nat, NULL, NULL);
          min = MAX (min, label_min);
          nat = MAX (nat, label_nat);
        }
      *minimum = MIN (min, MAX_WIDTH) + 2 * MARGIN_X;
      *natural = MIN (nat, MAX_WIDTH) + 2 * MARGIN_X;
    }
  else
    {
      int column, texts, unused;

      if (for_size < 0)
        cp_empty_state_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &unused, &for_size,
                                &unused, &unused);
      column = column_width (for_size);
      texts = texts_height (self, column);
      /* Nothing is needed: a short page shows what fits. */
      *minimum = 0;
      *natural = picture_height (self, texts) + texts + 2 * MARGIN_Y;
    }
}

static void
cp_empty_state_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  CpEmptyState *self = CP_EMPTY_STATE (widget);
  GtkWidget *labels[] = { self->title, self->description };
  int column = column_width (width);
  int x = (width - column) / 2;
  int texts = texts_height (self, column);
  int picture = picture_height (self, texts);
  gboolean show_picture = picture > 0 && picture + texts + 2 * MARGIN_Y <= height;
  int y;

  if (!show_picture)
    picture = 0;
  y = MAX ((height - picture - texts) / 2, 0);
  gtk_widget_set_child_visible (self->image, show_picture);
  if (show_picture)
    {
      /* GTK wants a child measured before it is placed; not for its height, which a
       * GtkImage answers by reading the font's metrics for a baseline */
      gtk_widget_measure (self->image, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (self->image, &(GtkAllocation) { x, y, column, ICON_SIZE }, -1);
    }
  y += picture;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      int line;

      if (!gtk_widget_get_visible (labels[i]))
        continue;
      gtk_widget_measure (labels[i], GTK_ORIENTATION_VERTICAL, column, NULL, &line, NULL, NULL);
      gtk_widget_size_allocate (labels[i], &(GtkAllocation) { x, y, column, line }, -1);
      y += line + SPACING;
    }
}

static GtkWidget *
make_label (CpEmptyState *self,
            const char   *first_class,
            const char   *second_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, first_class);
  gtk_widget_add_css_class (label, second_class);
  gtk_widget_set_visible (label, FALSE);   /* until it has a text */
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  return label;
}

static void
cp_empty_state_init (CpEmptyState *self)
{
  self->image = g_object_new (GTK_TYPE_IMAGE,
                              "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                              "pixel-size", ICON_SIZE,
                              NULL);
  gtk_widget_add_css_class (self->image, "icon");
  gtk_widget_set_parent (self->image, GTK_WIDGET (self));
  self->title = make_label (self, "title", "title-1");
  self->description = make_label (self, "body", "description");
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->description,
                                  NULL, -1);
}

static void
cp_empty_state_dispose (GObject *object)
{
  CpEmptyState *self = CP_EMPTY_STATE (object);

  g_clear_pointer (&self->image, gtk_widget_unparent);
  g_clear_pointer (&self->title, gtk_widget_unparent);
  g_clear_pointer (&self->description, gtk_widget_unparent);
  G_OBJECT_CLASS (cp_empty_state_parent_class)->dispose (object);
}

static void
cp_empty_state_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CpEmptyState *self = CP_EMPTY_STATE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_label (GTK_LABEL (self->title)));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, gtk_label_get_label (GTK_LABEL (self->description)));
      break;
    case PROP_PAINTABLE:
      g_value_set_object (value, gtk_image_get_paintable (GTK_IMAGE (self->image)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_empty_state_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CpEmptyState *self = CP_EMPTY_STATE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      cp_empty_state_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      cp_empty_state_set_description (self, g_value_get_string (value));
      break;
    case PROP_PAINTABLE:
      cp_empty_state_set_paintable (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_empty_state_class_init (CpEmptyStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_empty_state_dispose;
  object_class->get_property = cp_empty_state_get_property;
  object_class->set_property = cp_empty_state_set_property;
  widget_class->measure = cp_empty_state_measure;
  widget_class->size_allocate = cp_empty_state_size_allocate;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAINTABLE] =
    g_param_spec_object ("paintable", NULL, NULL, GDK_TYPE_PAINTABLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "cpemptystate");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

GtkWidget *
cp_empty_state_new (void)
{
  return g_object_new (CP_TYPE_EMPTY_STATE, NULL);
}

static void
set_text (CpEmptyState *self,
          GtkWidget    *label,
          const char   *text,
          guint         prop)
{
  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) == 0)
    return;
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_visible (label, text != NULL && text[0] != '\0');
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
cp_empty_state_set_title (CpEmptyState *self,
                          const char   *title)
{
  g_return_if_fail (CP_IS_EMPTY_STATE (self));
  set_text (self, self->title, title, PROP_TITLE);
}

const char *
cp_empty_state_get_title (CpEmptyState *self)
{
  g_return_val_if_fail (CP_IS_EMPTY_STATE (self), NULL);
  return gtk_label_get_label (GTK_LABEL (self->title));
}

void
cp_empty_state_set_description (CpEmptyState *self,
                                const char   *description)
{
  g_return_if_fail (CP_IS_EMPTY_STATE (self));
  set_text (self, self->description, description, PROP_DESCRIPTION);
}

void
cp_empty_state_set_paintable (CpEmptyState *self,
                              GdkPaintable *paintable)
{
  g_return_if_fail (CP_IS_EMPTY_STATE (self));
  g_return_if_fail (paintable == NULL || GDK_IS_PAINTABLE (paintable));

  if (gtk_image_get_paintable (GTK_IMAGE (self->image)) == paintable)
    return;
  gtk_image_set_from_paintable (GTK_IMAGE (self->image), paintable);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAINTABLE]);
}

/* The picture, for tests that look at it. */
GtkWidget *
cp_empty_state_get_image (CpEmptyState *self)
{
  g_return_val_if_fail (CP_IS_EMPTY_STATE (self), NULL);
  return self->image;
}
