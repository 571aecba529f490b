/* test-supervision-pack.c: the encrypted container of supervision packs and replies
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-supervision-pack"

#include <string.h>

#include <sodium.h>

#include "supervision/cp-pack.h"

/* Each key derivation costs the app's real Argon2id settings (64 MiB; about 0.1 s on an
 * idle laptop, 0.5 s on a busy 2-core CI machine): one file is sealed once and reused,
 * and every check that needs no key is made on copies of it. */

#define PASSPHRASE     "river maple teapot orbit"
#define ROLE           "Practitioner"
#define WORKSPACE_UUID "0b6f3e52-8f1c-4c41-9d0a-6a2f4b7c9e10"
#define PACK_UUID      "5d2c7a90-1e4b-4f6a-b3c8-2e9d0f7a6b51"
#define CANARY         "CANARY-Margaret-Okafor"
#define PAYLOAD_SIZE   (1024 * 1024)

/* The layout documented in cp-pack.h, pinned here so that a change to it is seen. */
#define OFFSET_VERSION      8
#define OFFSET_KIND         10
#define OFFSET_ALG          11
#define OFFSET_OPSLIMIT     12
#define OFFSET_MEMLIMIT     20
#define OFFSET_SALT         28
#define OFFSET_PAYLOAD_SIZE 52
#define OFFSET_WORKSPACE    60
#define OFFSET_ROLE_LEN     132
#define OFFSET_ROLE         134
#define HEADER_LEN          (OFFSET_ROLE + sizeof ROLE - 1)
#define STREAM_LEN          crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define CHUNK_EXTRA         crypto_secretstream_xchacha20poly1305_ABYTES
#define N_CHUNKS            (PAYLOAD_SIZE / CP_PACK_CHUNK_SIZE)

static GBytes *payload;
static GBytes *sealed;

static GDateTime *
created_at (void)
{
  return g_date_time_new_utc (2026, 3, 14, 9, 30, 0);
}

/* 1 MiB of varied bytes with a name in it: at the start, in the middle, across the
 * boundary of two chunks, at the end. */
static GBytes *
make_payload (void)
{
  guint8 *data = g_malloc (PAYLOAD_SIZE);
  g_autoptr(GRand) rand = g_rand_new_with_seed (10);
  gsize canary_len = strlen (CANARY);
  gsize at[] = { 0, PAYLOAD_SIZE / 2 + 17, CP_PACK_CHUNK_SIZE - 5, PAYLOAD_SIZE - canary_len };

  for (gsize i = 0; i < PAYLOAD_SIZE; i++)
    data[i] = g_rand_int_range (rand, 0, 256);
  for (guint i = 0; i < G_N_ELEMENTS (at); i++)
    memcpy (data + at[i], CANARY, canary_len);
  return g_bytes_new_take (data, PAYLOAD_SIZE);
}

static CpPackHeader *
make_header (void)
{
  g_autoptr(GDateTime) created = created_at ();

  return cp_pack_header_new (CP_PACK_KIND_PACK, WORKSPACE_UUID, PACK_UUID, created, ROLE);
}

static void
ensure_sealed (void)
{
  g_autoptr(CpPackHeader) header = NULL;
  g_autoptr(GError) error = NULL;

  if (sealed != NULL)
    return;
  payload = make_payload ();
  header = make_header ();
  sealed = cp_pack_seal (header, payload, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sealed);
}

static const guint8 *
sealed_data (gsize *len)
{
  ensure_sealed ();
  return g_bytes_get_data (sealed, len);
}

/* A copy of the sealed file with @n bytes at @offset replaced by @bytes. */
static GBytes *
with_bytes (gsize         offset,
            const guint8 *bytes,
            gsize         n)
{
  gsize len;
  const guint8 *data = sealed_data (&len);
  guint8 *copy = g_memdup2 (data, len);

  g_assert_cmpuint (offset + n, <=, len);
  memcpy (copy + offset, bytes, n);
  return g_bytes_new_take (copy, len);
}

static GBytes *
with_flipped_byte (gsize offset)
{
  gsize len;
  guint8 byte = sealed_data (&len)[offset] ^ 0x01;

  return with_bytes (offset, &byte, 1);
}

static GBytes *
with_u64 (gsize   offset,
          guint64 value)
{
  guint64 be = GUINT64_TO_BE (value);

  return with_bytes (offset, (const guint8 *) &be, sizeof be);
}

static void
assert_open_fails (GBytes      *file,
                   const char  *passphrase,
                   int          code)
{
  g_autoptr(GError) error = NULL;
  CpPackHeader *header = NULL;
  g_autoptr(GBytes) opened = cp_pack_open (file, passphrase, &header, &error);

  g_assert_error (error, CP_PACK_ERROR, code);
  g_assert_null (opened);
  g_assert_null (header);
  g_assert_cmpstr (error->message, !=, "");
}

/* Refused before any passphrase is asked for, and so by open as well. */
static void
assert_refused_unopened (GBytes      *file,
                         int          code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPackHeader) header = cp_pack_peek_header (file, &error);

  g_assert_error (error, CP_PACK_ERROR, code);
  g_assert_null (header);
  assert_open_fails (file, PASSPHRASE, code);
}

static void
assert_header_is_ours (const CpPackHeader *header)
{
  g_autoptr(GDateTime) created = created_at ();

  g_assert_cmpint (header->kind, ==, CP_PACK_KIND_PACK);
  g_assert_cmpstr (header->workspace_uuid, ==, WORKSPACE_UUID);
  g_assert_cmpstr (header->pack_uuid, ==, PACK_UUID);
  g_assert_cmpstr (header->sender_role, ==, ROLE);
  g_assert_true (g_date_time_equal (header->created, created));
  g_assert_cmpuint (header->payload_size, ==, PAYLOAD_SIZE);
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPackHeader) header = NULL;
  g_autoptr(GBytes) opened = NULL;
  gsize len;

  sealed_data (&len);
  g_assert_cmpuint (len, ==, HEADER_LEN + STREAM_LEN + PAYLOAD_SIZE + N_CHUNKS * CHUNK_EXTRA);

  opened = cp_pack_open (sealed, PASSPHRASE, &header, &error);
  g_assert_no_error (error);
  g_assert_nonnull (opened);
  g_assert_true (g_bytes_equal (opened, payload));
  assert_header_is_ours (header);
}

static void
test_peek (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPackHeader) header = NULL;

  ensure_sealed ();
  header = cp_pack_peek_header (sealed, &error);
  g_assert_no_error (error);
  assert_header_is_ours (header);
}

static void
test_wrong_passphrase (void)
{
  g_autoptr(GError) error = NULL;

  ensure_sealed ();
  g_assert_null (cp_pack_open (sealed, "river maple teapot orbiT", NULL, &error));
  g_assert_error (error, CP_PACK_ERROR, CP_PACK_ERROR_BAD_PASSPHRASE_OR_DAMAGED);
  g_assert_cmpstr (error->message, ==,
                   "The passphrase is wrong, or the file was changed or damaged.");
}

static void
test_passphrase_spacing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) opened = NULL;

  ensure_sealed ();
  opened = cp_pack_open (sealed, "  river   maple\tteapot orbit \n", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (opened, payload));

  assert_open_fails (sealed, " \t\n ", CP_PACK_ERROR_EMPTY_PASSPHRASE);
}

/* Every region of the file, changed by one bit. */
static void
test_tampered_magic (void)
{
  g_autoptr(GBytes) magic = with_flipped_byte (3);
  g_autoptr(GBytes) version = NULL;
  g_autoptr(GBytes) version_zero = NULL;
  guint8 two[] = { 0, 2 }, zero[] = { 0, 0 };

  assert_refused_unopened (magic, CP_PACK_ERROR_NOT_A_PACK);
  version = with_bytes (OFFSET_VERSION, two, 2);
  assert_refused_unopened (version, CP_PACK_ERROR_UNSUPPORTED_VERSION);
  version_zero = with_bytes (OFFSET_VERSION, zero, 2);
  assert_refused_unopened (version_zero, CP_PACK_ERROR_DAMAGED_HEADER);
}

static void
test_tampered_header_field (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPackHeader) peeked = NULL;
  guint8 other = 'f';
  g_autoptr(GBytes) workspace = with_bytes (OFFSET_WORKSPACE, &other, 1);
  guint8 bad_kind = 7, not_hex = 'g', nul_role = 0;
  g_autoptr(GBytes) kind = with_bytes (OFFSET_KIND, &bad_kind, 1);
  g_autoptr(GBytes) uuid = with_bytes (OFFSET_WORKSPACE, &not_hex, 1);
  g_autoptr(GBytes) role = with_bytes (OFFSET_ROLE + 2, &nul_role, 1);
  guint8 shorter_role[] = { 0, sizeof ROLE - 2 };
  g_autoptr(GBytes) role_len = with_bytes (OFFSET_ROLE_LEN, shorter_role, 2);
  g_autoptr(GBytes) size = with_u64 (OFFSET_PAYLOAD_SIZE, PAYLOAD_SIZE + 1);

  /* A valid but different workspace: the heading reads, and is not to be trusted... */
  peeked = cp_pack_peek_header (workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (peeked->workspace_uuid, ==, "fb6f3e52-8f1c-4c41-9d0a-6a2f4b7c9e10");
  /* ...because the file then does not open. */
  assert_open_fails (workspace, PASSPHRASE, CP_PACK_ERROR_BAD_PASSPHRASE_OR_DAMAGED);

  assert_refused_unopened (kind, CP_PACK_ERROR_DAMAGED_HEADER);
  assert_refused_unopened (uuid, CP_PACK_ERROR_DAMAGED_HEADER);
  assert_refused_unopened (role, CP_PACK_ERROR_DAMAGED_HEADER);
  /* A length that no longer matches the file's. */
  assert_refused_unopened (role_len, CP_PACK_ERROR_TRAILING_DATA);
  assert_refused_unopened (size, CP_PACK_ERROR_TRUNCATED);
}

static void
test_tampered_salt (void)
{
  g_autoptr(GBytes) salt = with_flipped_byte (OFFSET_SALT + 7);

  assert_open_fails (salt, PASSPHRASE, CP_PACK_ERROR_BAD_PASSPHRASE_OR_DAMAGED);
}

static void
test_tampered_limits (void)
{
  g_autoptr(GBytes) ops = with_u64 (OFFSET_OPSLIMIT, CP_PACK_OPSLIMIT + 1);
  g_autoptr(GBytes) mem = with_u64 (OFFSET_MEMLIMIT, CP_PACK_MEMLIMIT / 2);
  guint8 argon2i = 1;
  g_autoptr(GBytes) alg = with_bytes (OFFSET_ALG, &argon2i, 1);

  assert_refused_unopened (ops, CP_PACK_ERROR_HOSTILE_LIMITS);
  assert_refused_unopened (mem, CP_PACK_ERROR_HOSTILE_LIMITS);
  assert_refused_unopened (alg, CP_PACK_ERROR_HOSTILE_LIMITS);
}

static void
test_tampered_first_chunk (void)
{
  g_autoptr(GBytes) stream = with_flipped_byte (HEADER_LEN + 3);
  g_autoptr(GBytes) chunk = with_flipped_byte (HEADER_LEN + STREAM_LEN + 100);

  /* The secretstream header is part of the first chunk's nonce. */
  assert_open_fails (stream, PASSPHRASE, CP_PACK_ERROR_BAD_PASSPHRASE_OR_DAMAGED);
  assert_open_fails (chunk, PASSPHRASE, CP_PACK_ERROR_BAD_PASSPHRASE_OR_DAMAGED);
}

static void
test_tampered_last_chunk (void)
{
  gsize len;
  g_autoptr(GBytes) tag = NULL;

  sealed_data (&len);
  tag = with_flipped_byte (len - 1);
  assert_open_fails (tag, PASSPHRASE, CP_PACK_ERROR_BAD_PASSPHRASE_OR_DAMAGED);
}

static void
test_truncated (void)
{
  gsize len;
  const guint8 *data = sealed_data (&len);
  gsize last_chunk = len - (CP_PACK_CHUNK_SIZE + CHUNK_EXTRA);
  gsize cuts[] = { 4, 9, OFFSET_SALT + 3, OFFSET_ROLE - 1, OFFSET_ROLE + 3, HEADER_LEN,
                   HEADER_LEN + STREAM_LEN, HEADER_LEN + STREAM_LEN + 1000, last_chunk,
                   last_chunk + 1, len - CHUNK_EXTRA, len - 1 };

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autoptr(GBytes) cut = g_bytes_new (data, cuts[i]);

      g_test_message ("cut at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT, cuts[i], len);
      assert_refused_unopened (cut, CP_PACK_ERROR_TRUNCATED);
    }
}

static void
test_trailing_data (void)
{
  gsize len;
  const guint8 *data = sealed_data (&len);
  g_autoptr(GByteArray) longer = g_byte_array_new ();
  g_autoptr(GBytes) one_more = NULL;
  g_autoptr(GBytes) chunk_more = NULL;

  g_byte_array_append (longer, data, len);
  g_byte_array_append (longer, (const guint8 *) "\n", 1);
  one_more = g_bytes_new (longer->data, longer->len);
  assert_refused_unopened (one_more, CP_PACK_ERROR_TRAILING_DATA);

  /* The last chunk again, as if a second stream followed. */
  g_byte_array_set_size (longer, len);
  g_byte_array_append (longer, data + len - (CP_PACK_CHUNK_SIZE + CHUNK_EXTRA),
                       CP_PACK_CHUNK_SIZE + CHUNK_EXTRA);
  chunk_more = g_bytes_new (longer->data, longer->len);
  assert_refused_unopened (chunk_more, CP_PACK_ERROR_TRAILING_DATA);
}

static void
test_not_a_pack (void)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  static const char sqlite_head[] = "SQLite format 3";
  g_autoptr(GBytes) database = g_bytes_new_static (sqlite_head, sizeof sqlite_head);
  g_autoptr(GError) error = NULL;

  assert_refused_unopened (empty, CP_PACK_ERROR_NOT_A_PACK);
  assert_refused_unopened (database, CP_PACK_ERROR_NOT_A_PACK);
  g_assert_null (cp_pack_peek_header (empty, &error));
  g_assert_cmpstr (error->message, ==, "This file is not a supervision pack or reply.");
}

/* A file that asks for 4 GiB and four billion passes: if the reader derived a key with
 * them, this test would run out of memory or time rather than fail quickly. */
static void
test_hostile_limits (void)
{
  g_autoptr(GBytes) greedy_mem = with_u64 (OFFSET_MEMLIMIT, G_GUINT64_CONSTANT (4) << 30);
  g_autoptr(GBytes) greedy_ops = with_u64 (OFFSET_OPSLIMIT, G_MAXUINT32);
  g_autoptr(GBytes) weak = with_u64 (OFFSET_OPSLIMIT, 1);

  assert_refused_unopened (greedy_mem, CP_PACK_ERROR_HOSTILE_LIMITS);
  assert_refused_unopened (greedy_ops, CP_PACK_ERROR_HOSTILE_LIMITS);
  assert_refused_unopened (weak, CP_PACK_ERROR_HOSTILE_LIMITS);
}

/* The stream re-encrypted by hand under the file's own key and heading, with the tags
 * wrong: the reader must insist on FINAL on the last part and on nothing after it. */
static GBytes *
restream (const guint8 *key,
          gboolean      final_first,
          gboolean      final_last)
{
  gsize len;
  const guint8 *data = sealed_data (&len);
  const guint8 *plain = g_bytes_get_data (payload, NULL);
  guint8 *copy = g_memdup2 (data, len);
  crypto_secretstream_xchacha20poly1305_state state;
  gsize pos = HEADER_LEN + STREAM_LEN;

  crypto_secretstream_xchacha20poly1305_init_push (&state, copy + HEADER_LEN, key);
  for (gsize i = 0; i < N_CHUNKS; i++)
    {
      gboolean final = (i == 0 && final_first) || (i + 1 == N_CHUNKS && final_last);

      crypto_secretstream_xchacha20poly1305_push (
        &state, copy + pos, NULL, plain + i * CP_PACK_CHUNK_SIZE, CP_PACK_CHUNK_SIZE,
        i == 0 ? copy : NULL, i == 0 ? HEADER_LEN : 0,
        final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
              : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
      pos += CP_PACK_CHUNK_SIZE + CHUNK_EXTRA;
    }
  g_assert_cmpuint (pos, ==, len);
  return g_bytes_new_take (copy, len);
}

static void
test_final_tag (void)
{
  gsize len;
  const guint8 *data = sealed_data (&len);
  guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  g_autoptr(GBytes) no_final = NULL;
  g_autoptr(GBytes) early_final = NULL;

  g_assert_cmpint (crypto_pwhash (key, sizeof key, PASSPHRASE, strlen (PASSPHRASE),
                                  data + OFFSET_SALT, CP_PACK_OPSLIMIT, CP_PACK_MEMLIMIT,
                                  crypto_pwhash_ALG_ARGON2ID13), ==, 0);
  no_final = restream (key, FALSE, FALSE);
  early_final = restream (key, TRUE, TRUE);
  sodium_memzero (key, sizeof key);

  assert_open_fails (no_final, PASSPHRASE, CP_PACK_ERROR_TRUNCATED);
  assert_open_fails (early_final, PASSPHRASE, CP_PACK_ERROR_TRAILING_DATA);
}

static gboolean
contains (GBytes     *haystack,
          const char *needle)
{
  gsize len, needle_len = strlen (needle);
  const guint8 *data = g_bytes_get_data (haystack, &len);

  for (gsize i = 0; i + needle_len <= len; i++)
    if (memcmp (data + i, needle, needle_len) == 0)
      return TRUE;
  return FALSE;
}

/* The payload never shows in the file; the role is in the clear heading by design
 * (so it must never be a name). */
static void
test_canary (void)
{
  ensure_sealed ();
  g_assert_true (contains (payload, CANARY));
  g_assert_false (contains (sealed, CANARY));
  g_assert_false (contains (sealed, "Okafor"));
  g_assert_false (contains (sealed, "Margaret"));
  g_assert_true (contains (sealed, ROLE));
}

static void
test_seal_refuses (void)
{
  g_autoptr(CpPackHeader) header = make_header ();
  g_autoptr(GBytes) small = g_bytes_new_static ("x", 1);
  const char *bad_roles[] = { "", "Practitioner\nSam Smith", "\xff\xfe" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad_roles); i++)
    {
      g_autoptr(GError) role_error = NULL;

      g_free (header->sender_role);
      header->sender_role = g_strdup (bad_roles[i]);
      g_assert_null (cp_pack_seal (header, small, PASSPHRASE, &role_error));
      g_assert_error (role_error, CP_PACK_ERROR, CP_PACK_ERROR_INVALID_HEADER);
    }
  g_free (header->sender_role);
  header->sender_role = g_strnfill (CP_PACK_ROLE_MAX + 1, 'a');
  g_assert_null (cp_pack_seal (header, small, PASSPHRASE, &error));
  g_assert_error (error, CP_PACK_ERROR, CP_PACK_ERROR_INVALID_HEADER);
  g_clear_error (&error);

  g_free (header->sender_role);
  header->sender_role = g_strdup (ROLE);
  g_assert_null (cp_pack_seal (header, small, "  ", &error));
  g_assert_error (error, CP_PACK_ERROR, CP_PACK_ERROR_EMPTY_PASSPHRASE);
}

static gboolean
is_listed (const char         *word,
           const char * const *words,
           guint               n_words)
{
  for (guint i = 0; i < n_words; i++)
    if (strcmp (word, words[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
test_suggest (void)
{
  guint n_words;
  const char * const *words = cp_pack_get_words (&n_words);
  char *first = cp_pack_suggest_passphrase ();
  char *second = cp_pack_suggest_passphrase ();
  g_auto(GStrv) parts = g_strsplit (first, " ", -1);

  g_assert_cmpuint (n_words, >=, 2048);
  for (guint i = 0; i < n_words; i++)
    {
      gsize len = strlen (words[i]);

      g_assert_cmpuint (len, >=, 3);
      g_assert_cmpuint (len, <=, 8);
      for (gsize j = 0; j < len; j++)
        g_assert_true (g_ascii_islower (words[i][j]));
      if (i > 0)
        g_assert_cmpstr (words[i - 1], <, words[i]);
    }

  g_assert_cmpuint (g_strv_length (parts), ==, 4);
  for (guint i = 0; parts[i] != NULL; i++)
    g_assert_true (is_listed (parts[i], words, n_words));
  /* Equal by chance once in 2^44. */
  g_assert_cmpstr (first, !=, second);

  cp_pack_passphrase_free (first);
  cp_pack_passphrase_free (second);
  cp_pack_passphrase_free (NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

  g_test_add_func ("/cp/supervision/pack/round-trip", test_round_trip);
  g_test_add_func ("/cp/supervision/pack/peek", test_peek);
  g_test_add_func ("/cp/supervision/pack/wrong-passphrase", test_wrong_passphrase);
  g_test_add_func ("/cp/supervision/pack/passphrase-spacing", test_passphrase_spacing);
  g_test_add_func ("/cp/supervision/pack/tampered/magic", test_tampered_magic);
  g_test_add_func ("/cp/supervision/pack/tampered/header-field", test_tampered_header_field);
  g_test_add_func ("/cp/supervision/pack/tampered/salt", test_tampered_salt);
  g_test_add_func ("/cp/supervision/pack/tampered/limits", test_tampered_limits);
  g_test_add_func ("/cp/supervision/pack/tampered/first-chunk", test_tampered_first_chunk);
  g_test_add_func ("/cp/supervision/pack/tampered/last-chunk", test_tampered_last_chunk);
  g_test_add_func ("/cp/supervision/pack/truncated", test_truncated);
  g_test_add_func ("/cp/supervision/pack/trailing-data", test_trailing_data);
  g_test_add_func ("/cp/supervision/pack/not-a-pack", test_not_a_pack);
  g_test_add_func ("/cp/supervision/pack/hostile-limits", test_hostile_limits);
  g_test_add_func ("/cp/supervision/pack/final-tag", test_final_tag);
  g_test_add_func ("/cp/supervision/pack/canary", test_canary);
  g_test_add_func ("/cp/supervision/pack/seal-refuses", test_seal_refuses);
  g_test_add_func ("/cp/supervision/pack/suggest", test_suggest);

  status = g_test_run ();
  g_clear_pointer (&sealed, g_bytes_unref);
  g_clear_pointer (&payload, g_bytes_unref);
  return status;
}
