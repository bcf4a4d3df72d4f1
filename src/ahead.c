/*
 * Sources read and parsed ahead on a second thread.
 *
 * Every source named is an entry, kept until the end so that naming it
 * again does nothing. An entry is wanted, then parsed by whichever thread
 * gets to it first, then taken; a source asked for before anybody started
 * it is parsed by the thread asking. Entries are found by index, never by
 * pointer, because naming more of them moves the array.
 */
#include "ahead.h"
#include "util.h"

#include <libxml/parser.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef enum { WANTED, PARSING, PARSED, TAKEN } entry_state;

typedef struct entry {
  char *path;
  bool need_meta;
  entry_state state;
  scr_source *src; /* PARSED: what reading it gave (NULL: unusable) */
  scr_diags diags; /* PARSED: what reading it found */
} entry;

struct scr_ahead {
  pthread_mutex_t lock;
  pthread_cond_t changed; /* an entry was named, parsed or taken; or closing */
  entry *entries;
  size_t n, cap;
  size_t first_wanted; /* no entry before it is WANTED */
  size_t held;         /* entries PARSING or PARSED */
  bool closing;
  bool threaded, thread_failed;
  pthread_t thread;
};

/* ---- entries (all under `lock`) ------------------------------------------
 */

static bool find(const scr_ahead *a, const char *path, bool need_meta,
                 size_t *index) {
  for (size_t i = a->n; i-- > 0;)
    if (a->entries[i].need_meta == need_meta &&
        strcmp(a->entries[i].path, path) == 0) {
      *index = i;
      return true;
    }
  return false;
}

static bool add(scr_ahead *a, const char *path, bool need_meta) {
  if (scr_reserve(&a->entries, &a->cap, a->n + 1, sizeof *a->entries))
    return false;
  char *copy = scr_strdup(path);
  if (!copy)
    return false;
  a->entries[a->n++] = (entry){.path = copy, .need_meta = need_meta};
  return true;
}

/* The oldest entry nobody has started, if another may be held. */
static bool next_to_parse(scr_ahead *a, size_t *index) {
  while (a->first_wanted < a->n && a->entries[a->first_wanted].state != WANTED)
    a->first_wanted++;
  if (a->first_wanted == a->n || a->held >= SCR_AHEAD_MAX)
    return false;
  *index = a->first_wanted;
  return true;
}

/* Parse entry `i` without the lock, into its own diagnostics. Called and
   returns with the lock held. The path's bytes never move, so they are read
   unlocked. */
static void parse_entry(scr_ahead *a, size_t i) {
  a->entries[i].state = PARSING;
  a->held++;
  const char *path = a->entries[i].path;
  bool need_meta = a->entries[i].need_meta;
  pthread_mutex_unlock(&a->lock);
  scr_diags diags;
  scr_diags_init(&diags);
  scr_source *src = scr_source_load(path, need_meta, &diags);
  pthread_mutex_lock(&a->lock);
  entry *e = &a->entries[i];
  e->src = src;
  e->diags = diags;
  e->state = PARSED;
  pthread_cond_broadcast(&a->changed);
}

static void *reading_thread(void *arg) {
  scr_ahead *a = arg;
  pthread_mutex_lock(&a->lock);
  for (;;) {
    size_t i;
    while (!a->closing && !next_to_parse(a, &i))
      pthread_cond_wait(&a->changed, &a->lock);
    if (a->closing)
      break;
    parse_entry(a, i);
  }
  pthread_mutex_unlock(&a->lock);
  return NULL;
}

/* ---- the reader ----------------------------------------------------------
 */

scr_ahead *scr_ahead_new(void) {
  /* the reading thread parses Word and LibreOffice reports with libxml2
     while this one writes XML with it: libxml2 is safe across threads
     once set up, on one thread, before they start */
  xmlInitParser();
  scr_ahead *a = calloc(1, sizeof *a);
  if (!a)
    return NULL;
  if (pthread_mutex_init(&a->lock, NULL) != 0) {
    free(a);
    return NULL;
  }
  if (pthread_cond_init(&a->changed, NULL) != 0) {
    pthread_mutex_destroy(&a->lock);
    free(a);
    return NULL;
  }
  return a;
}

void scr_ahead_free(scr_ahead *a) {
  if (!a)
    return;
  if (a->threaded) {
    pthread_mutex_lock(&a->lock);
    a->closing = true;
    pthread_cond_broadcast(&a->changed);
    pthread_mutex_unlock(&a->lock);
    pthread_join(a->thread, NULL);
  }
  for (size_t i = 0; i < a->n; i++) {
    scr_source_free(a->entries[i].src);
    scr_diags_free(&a->entries[i].diags);
    free(a->entries[i].path);
  }
  free(a->entries);
  pthread_cond_destroy(&a->changed);
  pthread_mutex_destroy(&a->lock);
  free(a);
}

void scr_ahead_want(scr_ahead *a, const char *path, bool need_meta) {
  if (!a)
    return;
  pthread_mutex_lock(&a->lock);
  size_t i;
  if (!find(a, path, need_meta, &i) && add(a, path, need_meta)) {
    /* without a thread, each source is parsed when it is taken */
    if (!a->threaded && !a->thread_failed) {
      a->threaded = pthread_create(&a->thread, NULL, reading_thread, a) == 0;
      a->thread_failed = !a->threaded;
    }
    pthread_cond_broadcast(&a->changed);
  }
  pthread_mutex_unlock(&a->lock);
}

/* Wait for entry `i`, which another thread is parsing, parsing the next
   one named meanwhile when there is one. Lock held. */
static void wait_for(scr_ahead *a, size_t i) {
  while (a->entries[i].state == PARSING) {
    size_t next;
    if (next_to_parse(a, &next))
      parse_entry(a, next);
    else
      pthread_cond_wait(&a->changed, &a->lock);
  }
}

scr_source *scr_ahead_take(scr_ahead *a, const char *path, bool need_meta,
                           scr_diags *diags) {
  if (!a)
    return scr_source_load(path, need_meta, diags);
  pthread_mutex_lock(&a->lock);
  size_t i;
  bool named = find(a, path, need_meta, &i);
  if (named)
    wait_for(a, i);
  entry *e = named ? &a->entries[i] : NULL;
  if (!e || e->state != PARSED) {
    /* not named, not started, or taken already: read it here */
    if (e)
      e->state = TAKEN;
    pthread_mutex_unlock(&a->lock);
    return scr_source_load(path, need_meta, diags);
  }
  scr_source *src = e->src;
  scr_diags found = e->diags;
  e->src = NULL;
  scr_diags_init(&e->diags);
  e->state = TAKEN;
  a->held--;
  pthread_cond_broadcast(&a->changed);
  pthread_mutex_unlock(&a->lock);
  scr_diags_move(diags, &found);
  return src;
}
