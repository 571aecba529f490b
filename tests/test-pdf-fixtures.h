/* test-pdf-fixtures.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * PDF fixtures for the pdf tests and the benchmark, drawn with cairo and
 * Pango at run time into a temporary folder.
 *
 * sample.pdf (4 A4 pages, 595.276 × 841.89 pt):
 *   page 1 "Introduction" (dest 'intro'): "alpha zebrafish"; an internal link
 *          to dest 'chapter3' at SAMPLE_LINK_RECT, an external link to
 *          SAMPLE_URI at SAMPLE_URI_RECT; a black block at SAMPLE_BLOCK_RECT
 *   page 2 "Chapter 2" (dest 'chapter2'): "bravo zebrafish"
 *   page 3 "Chapter 3" (dest 'chapter3'): "charlie zebrafish zebrafish"
 *   page 4 "Appendix": "delta walrus"; page labels i, ii, iii, A-1
 *   outline: Introduction → intro; Chapter 2 → chapter2 (child "Chapter 3"
 *   → chapter3); Appendix → page 4.
 *   Every heading is drawn at y = 72 pt, text lines at y = 140 pt.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SAMPLE_WIDTH  595.276
#define SAMPLE_HEIGHT 841.890
#define SAMPLE_URI    "https://example.org/cpkit"
/* x, y, width, height in points, top-left origin */
#define SAMPLE_LINK_X  72.0
#define SAMPLE_LINK_Y  300.0
#define SAMPLE_LINK_W  300.0
#define SAMPLE_LINK_H  30.0
#define SAMPLE_URI_X   72.0
#define SAMPLE_URI_Y   360.0
#define SAMPLE_URI_W   300.0
#define SAMPLE_URI_H   30.0
#define SAMPLE_BLOCK_X 72.0
#define SAMPLE_BLOCK_Y 500.0
#define SAMPLE_BLOCK_W 200.0
#define SAMPLE_BLOCK_H 100.0

#define MANY_PAGES    150
#define HUGE_SIDE     5000.0

typedef struct
{
  char *dir;
  char *sample;     /* described above */
  char *many;       /* MANY_PAGES pages, "Page N"; "needle" on pages 10, 20, … (1-based) */
  char *huge;       /* one 5000 × 5000 pt page, a black block in the middle */
  char *damaged;    /* sample.pdf cut in half */
  char *empty;      /* 0 bytes */
  char *not_pdf;    /* a text file */
  char *encrypted;  /* sample.pdf encrypted by qpdf, user password "user"; NULL without qpdf */
} CpTestPdfFixtures;

CpTestPdfFixtures *cp_test_pdf_fixtures_new  (void);
void               cp_test_pdf_fixtures_free (CpTestPdfFixtures *fixtures);
void               cp_test_pdf_write_many    (const char        *path,
                                              guint              n_pages);

G_END_DECLS
