/* The page estimator: a sink that learns on which page bookmarks fall. */
#ifndef SCR_ESTIMATE_H
#define SCR_ESTIMATE_H

#include "sink.h"

typedef struct scr_estimate scr_estimate;

struct scr_house;
/** A new estimator (page 1, empty) laying text out on the page, in the
    sizes and spacing, of `house` (NULL: the built-in house style). Free
    with scr_estimate_free. */
scr_estimate *scr_estimate_new(const struct scr_house *house);
void scr_estimate_free(scr_estimate *e);
/** Pages used so far. */
int scr_estimate_pages(const scr_estimate *e);

extern const scr_sink_ops scr_estimate_ops;

#endif
