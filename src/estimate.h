/* The page estimator: a sink that learns on which page bookmarks fall. */
#ifndef SCR_ESTIMATE_H
#define SCR_ESTIMATE_H

#include "sink.h"

typedef struct scr_estimate scr_estimate;

/** A new estimator (page 1, empty). Free with scr_estimate_free. */
scr_estimate *scr_estimate_new(void);
void scr_estimate_free(scr_estimate *e);
/** Pages used so far. */
int scr_estimate_pages(const scr_estimate *e);

extern const scr_sink_ops scr_estimate_ops;

#endif
