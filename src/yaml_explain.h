/*
 * Front-matter YAML errors in plain words: what libyaml's parser stopped
 * at, said as what is wrong with the line and how to write it instead.
 */
#ifndef SCR_YAML_EXPLAIN_H
#define SCR_YAML_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

/** Where to point, 0-based within the YAML text, and the sentence. */
typedef struct scr_yaml_fault {
  int line, col;
  char *message; /* caller frees */
} scr_yaml_fault;

/** The YAML text a parser reads: `len` bytes, whose first line is line
    `first_line` of the file (for the lines a message names). */
typedef struct scr_yaml_text {
  const char *s;
  size_t len;
  int first_line;
} scr_yaml_text;

/**
 * Explain the error `parser` stopped at while reading `text`. Returns the
 * fault; its message is NULL when out of memory.
 */
scr_yaml_fault scr_yaml_explain(const yaml_parser_t *parser,
                                scr_yaml_text text);

/**
 * Whether the scalar `event` is plain text that runs on over lines, one
 * of which starts with `- `: list items written where YAML reads them as
 * more of the value. If so, *fault says so at that line's `-` (its
 * message NULL when out of memory). `item_col` is the 1-based column of
 * the items' `-` when the scalar is itself a list item, 0 when it is a
 * key's value.
 */
bool scr_yaml_misplaced_item(const yaml_event_t *event, scr_yaml_text text,
                             int item_col, scr_yaml_fault *fault);

#endif
