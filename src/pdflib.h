/*
 * The PDF libraries, loaded when a run first needs them: qpdf, and
 * poppler-glib with the cairo and GLib it draws with. Linked in, they and
 * what they bring (some 45 shared objects) cost every run about 9 ms of
 * start-up, more than the sample pack's build itself, and most runs never
 * read or write a PDF. The files that call them (pdfin*.c, pdfpics.c,
 * pdf_pack.c) call through scr_pdf_lib, filled by scr_pdf_lib_load.
 */
#ifndef SCR_PDFLIB_H
#define SCR_PDFLIB_H

#include <cairo.h>
#include <poppler.h>
#include <qpdf/qpdf-c.h>

/* Every function of the libraries the PDF files call. */
#define SCR_PDF_LIB_FUNCTIONS(X)                                               \
  /* qpdf */                                                                   \
  X(qpdf_add_page)                                                             \
  X(qpdf_cleanup)                                                              \
  X(qpdf_empty_pdf)                                                            \
  X(qpdf_get_root)                                                             \
  X(qpdf_get_trailer)                                                          \
  X(qpdf_make_indirect_object)                                                 \
  X(qpdf_oh_new_bool)                                                          \
  X(qpdf_oh_new_unicode_string)                                                \
  X(qpdf_set_deterministic_ID)                                                 \
  X(qpdf_get_buffer)                                                           \
  X(qpdf_get_buffer_length)                                                    \
  X(qpdf_get_error)                                                            \
  X(qpdf_get_error_code)                                                       \
  X(qpdf_get_error_full_text)                                                  \
  X(qpdf_get_error_message_detail)                                             \
  X(qpdf_get_num_pages)                                                        \
  X(qpdf_get_page_n)                                                           \
  X(qpdf_has_error)                                                            \
  X(qpdf_init)                                                                 \
  X(qpdf_init_write_memory)                                                    \
  X(qpdf_is_encrypted)                                                         \
  X(qpdf_more_warnings)                                                        \
  X(qpdf_next_warning)                                                         \
  X(qpdf_oh_append_item)                                                       \
  X(qpdf_oh_begin_dict_key_iter)                                               \
  X(qpdf_oh_copy_foreign_object)                                               \
  X(qpdf_oh_dict_more_keys)                                                    \
  X(qpdf_oh_dict_next_key)                                                     \
  X(qpdf_oh_get_array_item)                                                    \
  X(qpdf_oh_get_array_n_items)                                                 \
  X(qpdf_oh_get_dict)                                                          \
  X(qpdf_oh_get_int_value)                                                     \
  X(qpdf_oh_get_int_value_as_int)                                              \
  X(qpdf_oh_get_key)                                                           \
  X(qpdf_oh_get_key_if_dict)                                                   \
  X(qpdf_oh_get_numeric_value)                                                 \
  X(qpdf_oh_get_page_content_data)                                             \
  X(qpdf_oh_has_key)                                                           \
  X(qpdf_oh_is_array)                                                          \
  X(qpdf_oh_is_dictionary)                                                     \
  X(qpdf_oh_is_integer)                                                        \
  X(qpdf_oh_is_name_and_equals)                                                \
  X(qpdf_oh_is_number)                                                         \
  X(qpdf_oh_is_stream)                                                         \
  X(qpdf_oh_new_array)                                                         \
  X(qpdf_oh_new_dictionary)                                                    \
  X(qpdf_oh_new_name)                                                          \
  X(qpdf_oh_new_null)                                                          \
  X(qpdf_oh_new_real_from_double)                                              \
  X(qpdf_oh_new_stream)                                                        \
  X(qpdf_oh_replace_key)                                                       \
  X(qpdf_oh_replace_stream_data)                                               \
  X(qpdf_push_inherited_attributes_to_page)                                    \
  X(qpdf_read_memory)                                                          \
  X(qpdf_set_object_stream_mode)                                               \
  X(qpdf_set_suppress_warnings)                                                \
  X(qpdf_silence_errors)                                                       \
  X(qpdf_write)                                                                \
  /* poppler-glib */                                                           \
  X(poppler_error_quark)                                                       \
  X(poppler_document_get_n_pages)                                              \
  X(poppler_document_get_page)                                                 \
  X(poppler_document_get_title)                                                \
  X(poppler_document_new_from_bytes)                                           \
  X(poppler_page_get_size)                                                     \
  X(poppler_page_get_text)                                                     \
  X(poppler_page_render_for_printing)                                          \
  /* cairo */                                                                  \
  X(cairo_create)                                                              \
  X(cairo_destroy)                                                             \
  X(cairo_image_surface_create)                                                \
  X(cairo_paint)                                                               \
  X(cairo_scale)                                                               \
  X(cairo_set_source_rgb)                                                      \
  X(cairo_status)                                                              \
  X(cairo_surface_destroy)                                                     \
  X(cairo_surface_flush)                                                       \
  X(cairo_surface_status)                                                      \
  X(cairo_surface_write_to_png_stream)                                         \
  /* GLib */                                                                   \
  X(g_bytes_new_static)                                                        \
  X(g_bytes_unref)                                                             \
  X(g_error_free)                                                              \
  X(g_free)                                                                    \
  X(g_object_unref)

typedef struct scr_pdf_lib_table {
#define SCR_PDF_LIB_POINTER(fn) __typeof__(fn) *fn;
  SCR_PDF_LIB_FUNCTIONS(SCR_PDF_LIB_POINTER)
#undef SCR_PDF_LIB_POINTER
} scr_pdf_lib_table;

/* The libraries' functions; every pointer set once scr_pdf_lib_load has
   returned NULL, none before. */
extern scr_pdf_lib_table scr_pdf_lib;

/**
 * Load the libraries, once per process (safe from any thread). NULL when
 * they are loaded; else a sentence saying which library could not be
 * loaded and how to install it (static; the same on every later call).
 */
const char *scr_pdf_lib_load(void);

#endif
