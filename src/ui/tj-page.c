/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-page"
#include "config.h"

#include "tj-page.h"

/* What every page of the window shares: its database and its year. */
typedef struct
{
  TjDb *db;
  int year;
} TjPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TjPage, tj_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_DB,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tj_page_dispose (GObject *object)
{
  TjPage *self = TJ_PAGE (object);
  TjPagePrivate *priv = tj_page_get_instance_private (self);

  g_clear_object (&priv->db);
  G_OBJECT_CLASS (tj_page_parent_class)->dispose (object);
}

static void
tj_page_constructed (GObject *object)
{
  TjPage *self = TJ_PAGE (object);
  TjPagePrivate *priv = tj_page_get_instance_private (self);

  G_OBJECT_CLASS (tj_page_parent_class)->constructed (object);
  g_return_if_fail (TJ_IS_DB (priv->db));
}

static void
tj_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  TjPage *self = TJ_PAGE (object);
  TjPagePrivate *priv = tj_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, priv->db);
      break;
    case PROP_YEAR:
      g_value_set_int (value, priv->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tj_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  TjPage *self = TJ_PAGE (object);
  TjPagePrivate *priv = tj_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DB:
      priv->db = g_value_dup_object (value);
      break;
    case PROP_YEAR:
      tj_page_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tj_page_class_init (TjPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tj_page_constructed;
  object_class->dispose = tj_page_dispose;
  object_class->get_property = tj_page_get_property;
  object_class->set_property = tj_page_set_property;
  properties[PROP_DB] = g_param_spec_object ("db", NULL, NULL, TJ_TYPE_DB,
                                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                               G_PARAM_STATIC_STRINGS);
  /* the year of the list shown; 0 shows none */
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                              G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tj_page_init (TjPage *self)
{
}

/* The page's database; NULL once the page is disposed. */
TjDb *
tj_page_get_db (TjPage *self)
{
  TjPagePrivate *priv = tj_page_get_instance_private (self);

  g_return_val_if_fail (TJ_IS_PAGE (self), NULL);
  return priv->db;
}

int
tj_page_get_year (TjPage *self)
{
  TjPagePrivate *priv = tj_page_get_instance_private (self);

  g_return_val_if_fail (TJ_IS_PAGE (self), 0);
  return priv->year;
}

/* Another year: the page shows its list, then "year" is notified; the same year does nothing. */
void
tj_page_set_year (TjPage *self,
                  int     year)
{
  TjPagePrivate *priv = tj_page_get_instance_private (self);

  g_return_if_fail (TJ_IS_PAGE (self));
  g_return_if_fail (year >= 0);

  if (priv->year == year)
    return;
  priv->year = year;
  if (TJ_PAGE_GET_CLASS (self)->year_changed != NULL)
    TJ_PAGE_GET_CLASS (self)->year_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/* CALLBACK (void (*) (TjPage *self), the page's subclass in practice) is called once for each of
 * TABLES (NULL-terminated) that a commit wrote, until the page is disposed: nothing is read again
 * on the way out (g_signal_connect_object's closures go with the page's dispose, test-page). */
void
tj_page_watch_tables (TjPage            *self,
                      const char *const *tables,
                      GCallback          callback)
{
  TjPagePrivate *priv = tj_page_get_instance_private (self);

  g_return_if_fail (TJ_IS_PAGE (self));
  g_return_if_fail (TJ_IS_DB (priv->db));
  g_return_if_fail (tables != NULL && callback != NULL);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *detailed = g_strconcat ("changed::", tables[i], NULL);

      g_signal_connect_object (priv->db, detailed, callback, self, G_CONNECT_SWAPPED);
    }
}
