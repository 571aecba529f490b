/* cp-pack-private.h: what cp-pack.c and cp-pack-words.c share
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-pack.h"

G_BEGIN_DECLS

#define CP_PACK_N_WORDS 2048

extern const char * const _cp_pack_words[CP_PACK_N_WORDS];

G_END_DECLS
