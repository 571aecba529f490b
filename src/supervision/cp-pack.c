/* cp-pack.c: the encrypted container of supervision packs and replies
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pack"

#include <string.h>

#include <glib/gi18n.h>
#include <sodium.h>

#include "cp-pack-private.h"
#include "util/cp-lazy-lib.h"

/* libsodium is loaded when a pack is first made, opened or given a passphrase (see
 * util/cp-lazy-lib.h): these are the functions called, through the loaded library. */
#define CP_SODIUM_SYMBOLS(X) \
  X (crypto_pwhash) \
  X (crypto_secretstream_xchacha20poly1305_init_pull) \
  X (crypto_secretstream_xchacha20poly1305_init_push) \
  X (crypto_secretstream_xchacha20poly1305_pull) \
  X (crypto_secretstream_xchacha20poly1305_push) \
  X (randombytes_buf) \
  X (randombytes_uniform) \
  X (sodium_init) \
  X (sodium_memzero)

CP_LAZY_LIB_DECLARE (cp_sodium, CP_SODIUM_SYMBOLS)

#define crypto_pwhash CP_LAZY_LIB_CALL (cp_sodium, crypto_pwhash)
#define crypto_secretstream_xchacha20poly1305_init_pull \
  CP_LAZY_LIB_CALL (cp_sodium, crypto_secretstream_xchacha20poly1305_init_pull)
#define crypto_secretstream_xchacha20poly1305_init_push \
  CP_LAZY_LIB_CALL (cp_sodium, crypto_secretstream_xchacha20poly1305_init_push)
#define crypto_secretstream_xchacha20poly1305_pull \
  CP_LAZY_LIB_CALL (cp_sodium, crypto_secretstream_xchacha20poly1305_pull)
#define crypto_secretstream_xchacha20poly1305_push \
  CP_LAZY_LIB_CALL (cp_sodium, crypto_secretstream_xchacha20poly1305_push)
#define randombytes_buf CP_LAZY_LIB_CALL (cp_sodium, randombytes_buf)
#define randombytes_uniform CP_LAZY_LIB_CALL (cp_sodium, randombytes_uniform)
#define sodium_init CP_LAZY_LIB_CALL (cp_sodium, sodium_init)
#define sodium_memzero CP_LAZY_LIB_CALL (cp_sodium, sodium_memzero)

/* libsodium's own start: its random source and the fastest code for this processor. */
static gboolean
sodium_started (char **reason)
{
  if (sodium_init () >= 0)
    return TRUE;
  *reason = g_strdup ("sodium_init failed");
  return FALSE;
}

CP_LAZY_LIB_DEFINE (cp_sodium, CP_SODIUM_SYMBOLS, CP_SODIUM_SONAME, sodium_started)

G_DEFINE_QUARK (cp-pack-error-quark, cp_pack_error)

/* The byte layout is in cp-pack.h. */
static const guint8 pack_magic[8] = { 0x89, 'C', 'P', 'K', 'P', 'A', 'C', 'K' };

enum
{
  OFFSET_VERSION = 8,
  OFFSET_KIND = 10,
  OFFSET_ALG = 11,
  OFFSET_OPSLIMIT = 12,
  OFFSET_MEMLIMIT = 20,
  OFFSET_SALT = 28,
  OFFSET_CREATED = 44,
  OFFSET_PAYLOAD_SIZE = 52,
  OFFSET_WORKSPACE = 60,
  OFFSET_PACK = 96,
  OFFSET_ROLE_LEN = 132,
  OFFSET_ROLE = 134,
  UUID_LEN = 36,
  SALT_LEN = 16,
  KEY_ALG = 2,
};

#define KEY_LEN      crypto_secretstream_xchacha20poly1305_KEYBYTES
#define STREAM_LEN   crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define CHUNK_EXTRA  crypto_secretstream_xchacha20poly1305_ABYTES
#define TAG_MESSAGE  crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
#define TAG_FINAL    crypto_secretstream_xchacha20poly1305_TAG_FINAL

G_STATIC_ASSERT (SALT_LEN == crypto_pwhash_SALTBYTES);
G_STATIC_ASSERT (KEY_ALG == crypto_pwhash_ALG_ARGON2ID13);
G_STATIC_ASSERT (OFFSET_ROLE == OFFSET_ROLE_LEN + 2);
G_STATIC_ASSERT (OFFSET_ROLE_LEN == OFFSET_PACK + UUID_LEN);
G_STATIC_ASSERT (STREAM_LEN == 24 && CHUNK_EXTRA == 17);

static void
set_error (GError      **error,
           CpPackError   code)
{
  const char *message;

  switch (code)
    {
    case CP_PACK_ERROR_NOT_A_PACK:
      message = _("This file is not a supervision pack or reply.");
      break;
    case CP_PACK_ERROR_UNSUPPORTED_VERSION:
      message = _("This pack was made by a newer version of Connecting People Kit. "
                  "Update the app to open it.");
      break;
    case CP_PACK_ERROR_DAMAGED_HEADER:
      message = _("The file is damaged: its heading cannot be read. "
                  "Ask for it to be sent again.");
      break;
    case CP_PACK_ERROR_HOSTILE_LIMITS:
      message = _("The file asks for passphrase settings that Connecting People Kit never "
                  "uses, so it was not opened. It may have been changed.");
      break;
    case CP_PACK_ERROR_TRUNCATED:
      message = _("The file is incomplete: it ends before the end of the pack. "
                  "Ask for it to be sent again.");
      break;
    case CP_PACK_ERROR_TRAILING_DATA:
      message = _("The file has extra data after the end of the pack, so it was not "
                  "opened. Ask for it to be sent again.");
      break;
    case CP_PACK_ERROR_BAD_PASSPHRASE_OR_DAMAGED:
      message = _("The passphrase is wrong, or the file was changed or damaged.");
      break;
    case CP_PACK_ERROR_TOO_LARGE:
      message = _("A pack can hold at most 1 GB, and this one would be larger.");
      break;
    case CP_PACK_ERROR_INVALID_HEADER:
      message = _("The sender’s role must be a short line of text.");
      break;
    case CP_PACK_ERROR_EMPTY_PASSPHRASE:
      message = _("Enter the passphrase.");
      break;
    case CP_PACK_ERROR_FAILED:
    default:
      message = _("There is not enough memory to work with the passphrase. "
                  "Close other programs and try again.");
      break;
    }
  g_set_error_literal (error, CP_PACK_ERROR, code, message);
}

static gboolean
sodium_ready (GError **error)
{
  g_autoptr(GError) reason = NULL;

  if (cp_sodium_load (&reason))
    return TRUE;
  g_warning ("%s", reason->message);
  g_set_error_literal (error, CP_PACK_ERROR, CP_PACK_ERROR_FAILED,
                       _("The encryption library could not start."));
  return FALSE;
}

static void
put_u16 (guint8  *at,
         guint16  value)
{
  value = GUINT16_TO_BE (value);
  memcpy (at, &value, sizeof value);
}

static void
put_u64 (guint8  *at,
         guint64  value)
{
  value = GUINT64_TO_BE (value);
  memcpy (at, &value, sizeof value);
}

static guint16
get_u16 (const guint8 *at)
{
  guint16 value;

  memcpy (&value, at, sizeof value);
  return GUINT16_FROM_BE (value);
}

static guint64
get_u64 (const guint8 *at)
{
  guint64 value;

  memcpy (&value, at, sizeof value);
  return GUINT64_FROM_BE (value);
}

static gsize
count_chunks (guint64 payload_size)
{
  if (payload_size == 0)
    return 1;
  return (payload_size + CP_PACK_CHUNK_SIZE - 1) / CP_PACK_CHUNK_SIZE;
}

/* A role is 1..CP_PACK_ROLE_MAX bytes of UTF-8 with no control characters (so no NUL
 * and no line breaks). */
static gboolean
role_is_valid (const char *role,
               gsize       len)
{
  if (len == 0 || len > CP_PACK_ROLE_MAX || !g_utf8_validate (role, len, NULL))
    return FALSE;
  for (const char *p = role; p < role + len; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* A UUID as this file writes it: canonical and lower case. */
static char *
read_uuid (const guint8 *at)
{
  g_autofree char *text = g_strndup ((const char *) at, UUID_LEN);
  g_autofree char *lower = NULL;

  if (strlen (text) != UUID_LEN || !g_uuid_string_is_valid (text))
    return NULL;
  lower = g_ascii_strdown (text, -1);
  if (strcmp (lower, text) != 0)
    return NULL;
  return g_steal_pointer (&text);
}

/* Passphrase handling: white space trimmed and collapsed, NFC. Every copy made here is
 * wiped before it is freed. */
static char *
normalize_passphrase (const char *passphrase)
{
  gsize len = strlen (passphrase);
  gboolean utf8 = g_utf8_validate (passphrase, -1, NULL);
  gboolean ascii = TRUE;
  gboolean pending_space = FALSE;
  char *out = g_malloc (len + 1);
  gsize n = 0;
  char *nfc;

  for (const char *p = passphrase; *p != '\0';)
    {
      const char *next = utf8 ? g_utf8_next_char (p) : p + 1;
      gunichar c = utf8 ? g_utf8_get_char (p) : (guchar) *p;
      gboolean space = c < 0x80 ? g_ascii_isspace (c) : (utf8 && g_unichar_isspace (c));

      if (space)
        {
          pending_space = n > 0;
        }
      else
        {
          if (pending_space)
            out[n++] = ' ';
          pending_space = FALSE;
          memcpy (out + n, p, next - p);
          n += next - p;
          ascii = ascii && c < 0x80;
        }
      p = next;
    }
  out[n] = '\0';
  if (ascii || !utf8)
    return out;

  /* GLib's own scratch buffers in g_utf8_normalize () are not wiped; the text the
   * user typed is already in the entry's buffer anyway. */
  nfc = g_utf8_normalize (out, n, G_NORMALIZE_NFC);
  cp_pack_passphrase_free (out);
  return nfc;
}

void
cp_pack_passphrase_free (char *passphrase)
{
  if (passphrase == NULL)
    return;
  sodium_memzero (passphrase, strlen (passphrase));
  g_free (passphrase);
}

static gboolean
derive_key (const char   *passphrase,
            const guint8 *salt,
            guint8        key[KEY_LEN],
            GError      **error)
{
  char *normal = normalize_passphrase (passphrase);
  int rc;

  if (normal == NULL || normal[0] == '\0')
    {
      cp_pack_passphrase_free (normal);
      set_error (error, CP_PACK_ERROR_EMPTY_PASSPHRASE);
      return FALSE;
    }
  rc = crypto_pwhash (key, KEY_LEN, normal, strlen (normal), salt,
                      CP_PACK_OPSLIMIT, CP_PACK_MEMLIMIT, crypto_pwhash_ALG_ARGON2ID13);
  cp_pack_passphrase_free (normal);
  if (rc != 0)
    {
      sodium_memzero (key, KEY_LEN);
      set_error (error, CP_PACK_ERROR_FAILED);
      return FALSE;
    }
  return TRUE;
}

/* Headers */

CpPackHeader *
cp_pack_header_new (CpPackKind  kind,
                    const char *workspace_uuid,
                    const char *pack_uuid,
                    GDateTime  *created,
                    const char *sender_role)
{
  CpPackHeader *header;

  g_return_val_if_fail (kind == CP_PACK_KIND_PACK || kind == CP_PACK_KIND_REPLY, NULL);
  g_return_val_if_fail (workspace_uuid != NULL && g_uuid_string_is_valid (workspace_uuid), NULL);
  g_return_val_if_fail (pack_uuid != NULL && g_uuid_string_is_valid (pack_uuid), NULL);
  g_return_val_if_fail (created != NULL, NULL);
  g_return_val_if_fail (sender_role != NULL, NULL);

  header = g_new0 (CpPackHeader, 1);
  header->kind = kind;
  header->workspace_uuid = g_ascii_strdown (workspace_uuid, -1);
  header->pack_uuid = g_ascii_strdown (pack_uuid, -1);
  header->created = g_date_time_ref (created);
  header->sender_role = g_strdup (sender_role);
  return header;
}

void
cp_pack_header_free (CpPackHeader *header)
{
  if (header == NULL)
    return;
  g_free (header->workspace_uuid);
  g_free (header->pack_uuid);
  g_clear_pointer (&header->created, g_date_time_unref);
  g_free (header->sender_role);
  g_free (header);
}

/* Every check that needs no key, in the order of the file. On success returns the
 * heading and sets @header_len (the clear bytes, authenticated as additional data) and
 * @n_chunks. */
static CpPackHeader *
parse_pack (const guint8  *data,
            gsize          len,
            gsize         *header_len,
            gsize         *n_chunks,
            GError       **error)
{
  g_autoptr(CpPackHeader) header = g_new0 (CpPackHeader, 1);
  guint16 version;
  guint kind;
  guint64 payload_size;
  gsize role_len;
  guint64 expected;

  if (len == 0 || memcmp (data, pack_magic, MIN (len, sizeof pack_magic)) != 0)
    {
      set_error (error, CP_PACK_ERROR_NOT_A_PACK);
      return NULL;
    }
  if (len < OFFSET_KIND)
    {
      set_error (error, CP_PACK_ERROR_TRUNCATED);
      return NULL;
    }
  version = get_u16 (data + OFFSET_VERSION);
  if (version > CP_PACK_FORMAT_VERSION)
    {
      set_error (error, CP_PACK_ERROR_UNSUPPORTED_VERSION);
      return NULL;
    }
  if (version == 0)
    {
      set_error (error, CP_PACK_ERROR_DAMAGED_HEADER);
      return NULL;
    }
  if (len < OFFSET_ROLE)
    {
      set_error (error, CP_PACK_ERROR_TRUNCATED);
      return NULL;
    }

  /* The key settings first: nothing below may depend on a hostile file's wishes. */
  if (data[OFFSET_ALG] != KEY_ALG
      || get_u64 (data + OFFSET_OPSLIMIT) != CP_PACK_OPSLIMIT
      || get_u64 (data + OFFSET_MEMLIMIT) != CP_PACK_MEMLIMIT)
    {
      set_error (error, CP_PACK_ERROR_HOSTILE_LIMITS);
      return NULL;
    }

  payload_size = get_u64 (data + OFFSET_PAYLOAD_SIZE);
  if (payload_size > CP_PACK_MAX_PAYLOAD)
    {
      set_error (error, CP_PACK_ERROR_TOO_LARGE);
      return NULL;
    }

  kind = data[OFFSET_KIND];
  header->created = g_date_time_new_from_unix_utc ((gint64) get_u64 (data + OFFSET_CREATED));
  header->workspace_uuid = read_uuid (data + OFFSET_WORKSPACE);
  header->pack_uuid = read_uuid (data + OFFSET_PACK);
  role_len = get_u16 (data + OFFSET_ROLE_LEN);
  if ((kind != CP_PACK_KIND_PACK && kind != CP_PACK_KIND_REPLY)
      || header->created == NULL
      || header->workspace_uuid == NULL
      || header->pack_uuid == NULL
      || role_len == 0 || role_len > CP_PACK_ROLE_MAX)
    {
      set_error (error, CP_PACK_ERROR_DAMAGED_HEADER);
      return NULL;
    }
  if (len < OFFSET_ROLE + role_len)
    {
      set_error (error, CP_PACK_ERROR_TRUNCATED);
      return NULL;
    }
  if (!role_is_valid ((const char *) data + OFFSET_ROLE, role_len))
    {
      set_error (error, CP_PACK_ERROR_DAMAGED_HEADER);
      return NULL;
    }
  header->kind = kind;
  header->sender_role = g_strndup ((const char *) data + OFFSET_ROLE, role_len);
  header->payload_size = payload_size;

  /* The whole file's length follows from the heading: a shorter file lost its end, a
   * longer one has something after it. Both are refused before any key is made. */
  *header_len = OFFSET_ROLE + role_len;
  *n_chunks = count_chunks (payload_size);
  expected = *header_len + STREAM_LEN + payload_size + (guint64) *n_chunks * CHUNK_EXTRA;
  if (len < expected)
    {
      set_error (error, CP_PACK_ERROR_TRUNCATED);
      return NULL;
    }
  if (len > expected)
    {
      set_error (error, CP_PACK_ERROR_TRAILING_DATA);
      return NULL;
    }
  return g_steal_pointer (&header);
}

CpPackHeader *
cp_pack_peek_header (GBytes  *file,
                     GError **error)
{
  gsize len;
  const guint8 *data;
  gsize header_len, n_chunks;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (file, &len);
  return parse_pack (data, len, &header_len, &n_chunks, error);
}

/* Sealing */

GBytes *
cp_pack_seal (const CpPackHeader  *header,
              GBytes              *payload,
              const char          *passphrase,
              GError             **error)
{
  crypto_secretstream_xchacha20poly1305_state state;
  guint8 key[KEY_LEN];
  const guint8 *plain;
  gsize payload_size, role_len, header_len, n_chunks, total, pos, off = 0;
  guint8 *out;

  g_return_val_if_fail (header != NULL, NULL);
  g_return_val_if_fail (header->kind == CP_PACK_KIND_PACK || header->kind == CP_PACK_KIND_REPLY, NULL);
  g_return_val_if_fail (header->workspace_uuid != NULL
                        && g_uuid_string_is_valid (header->workspace_uuid), NULL);
  g_return_val_if_fail (header->pack_uuid != NULL
                        && g_uuid_string_is_valid (header->pack_uuid), NULL);
  g_return_val_if_fail (header->created != NULL, NULL);
  g_return_val_if_fail (header->sender_role != NULL, NULL);
  g_return_val_if_fail (payload != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  role_len = strlen (header->sender_role);
  if (!role_is_valid (header->sender_role, role_len))
    {
      set_error (error, CP_PACK_ERROR_INVALID_HEADER);
      return NULL;
    }
  plain = g_bytes_get_data (payload, &payload_size);
  if (payload_size > CP_PACK_MAX_PAYLOAD)
    {
      set_error (error, CP_PACK_ERROR_TOO_LARGE);
      return NULL;
    }
  if (!sodium_ready (error))
    return NULL;

  header_len = OFFSET_ROLE + role_len;
  n_chunks = count_chunks (payload_size);
  total = header_len + STREAM_LEN + payload_size + n_chunks * CHUNK_EXTRA;
  out = g_malloc (total);

  memcpy (out, pack_magic, sizeof pack_magic);
  put_u16 (out + OFFSET_VERSION, CP_PACK_FORMAT_VERSION);
  out[OFFSET_KIND] = header->kind;
  out[OFFSET_ALG] = KEY_ALG;
  put_u64 (out + OFFSET_OPSLIMIT, CP_PACK_OPSLIMIT);
  put_u64 (out + OFFSET_MEMLIMIT, CP_PACK_MEMLIMIT);
  randombytes_buf (out + OFFSET_SALT, SALT_LEN);
  put_u64 (out + OFFSET_CREATED, (guint64) g_date_time_to_unix (header->created));
  put_u64 (out + OFFSET_PAYLOAD_SIZE, payload_size);
  for (guint i = 0; i < UUID_LEN; i++)
    {
      out[OFFSET_WORKSPACE + i] = g_ascii_tolower (header->workspace_uuid[i]);
      out[OFFSET_PACK + i] = g_ascii_tolower (header->pack_uuid[i]);
    }
  put_u16 (out + OFFSET_ROLE_LEN, role_len);
  memcpy (out + OFFSET_ROLE, header->sender_role, role_len);

  if (!derive_key (passphrase, out + OFFSET_SALT, key, error))
    {
      g_free (out);
      return NULL;
    }
  crypto_secretstream_xchacha20poly1305_init_push (&state, out + header_len, key);
  sodium_memzero (key, sizeof key);

  pos = header_len + STREAM_LEN;
  for (gsize i = 0; i < n_chunks; i++)
    {
      gsize mlen = MIN ((gsize) CP_PACK_CHUNK_SIZE, payload_size - off);
      gboolean last = i + 1 == n_chunks;

      crypto_secretstream_xchacha20poly1305_push (&state, out + pos, NULL, plain + off, mlen,
                                                  i == 0 ? out : NULL, i == 0 ? header_len : 0,
                                                  last ? TAG_FINAL : TAG_MESSAGE);
      off += mlen;
      pos += mlen + CHUNK_EXTRA;
    }
  sodium_memzero (&state, sizeof state);
  g_assert (pos == total && off == payload_size);

  return g_bytes_new_take (out, total);
}

/* Opening */

/* The opened payload: wiped when its GBytes goes. */
typedef struct
{
  gsize  size;
  guint8 data[];
} Plaintext;

static void
plaintext_free (gpointer data)
{
  Plaintext *plain = data;

  sodium_memzero (plain->data, plain->size);
  g_free (plain);
}

GBytes *
cp_pack_open (GBytes        *file,
              const char    *passphrase,
              CpPackHeader **header_out,
              GError       **error)
{
  crypto_secretstream_xchacha20poly1305_state state;
  guint8 key[KEY_LEN];
  g_autoptr(CpPackHeader) header = NULL;
  const guint8 *data;
  gsize len, header_len, n_chunks, pos, off = 0;
  Plaintext *plain;
  CpPackError failure = 0;
  gboolean failed = FALSE;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (file, &len);
  header = parse_pack (data, len, &header_len, &n_chunks, error);
  if (header == NULL)
    return NULL;
  if (!sodium_ready (error) || !derive_key (passphrase, data + OFFSET_SALT, key, error))
    return NULL;
  if (crypto_secretstream_xchacha20poly1305_init_pull (&state, data + header_len, key) != 0)
    {
      sodium_memzero (key, sizeof key);
      set_error (error, CP_PACK_ERROR_BAD_PASSPHRASE_OR_DAMAGED);
      return NULL;
    }
  sodium_memzero (key, sizeof key);

  plain = g_malloc (sizeof (Plaintext) + header->payload_size);
  plain->size = header->payload_size;
  pos = header_len + STREAM_LEN;
  for (gsize i = 0; i < n_chunks && !failed; i++)
    {
      gsize clen = MIN ((gsize) CP_PACK_CHUNK_SIZE, plain->size - off) + CHUNK_EXTRA;
      gboolean last = i + 1 == n_chunks;
      unsigned long long mlen = 0;
      unsigned char tag = 0;

      if (crypto_secretstream_xchacha20poly1305_pull (&state, plain->data + off, &mlen, &tag,
                                                      data + pos, clen,
                                                      i == 0 ? data : NULL,
                                                      i == 0 ? header_len : 0) != 0
          || mlen != clen - CHUNK_EXTRA)
        {
          failure = CP_PACK_ERROR_BAD_PASSPHRASE_OR_DAMAGED;
          failed = TRUE;
        }
      /* Only the last part may be marked FINAL, and it must be: a stream that stops
       * without it lost its end; a FINAL before the end has something after it. */
      else if (!last && tag != TAG_MESSAGE)
        {
          failure = tag == TAG_FINAL ? CP_PACK_ERROR_TRAILING_DATA
                                     : CP_PACK_ERROR_BAD_PASSPHRASE_OR_DAMAGED;
          failed = TRUE;
        }
      else if (last && tag != TAG_FINAL)
        {
          failure = tag == TAG_MESSAGE ? CP_PACK_ERROR_TRUNCATED
                                       : CP_PACK_ERROR_BAD_PASSPHRASE_OR_DAMAGED;
          failed = TRUE;
        }
      off += clen - CHUNK_EXTRA;
      pos += clen;
    }
  sodium_memzero (&state, sizeof state);

  if (failed)
    {
      plaintext_free (plain);
      set_error (error, failure);
      return NULL;
    }
  g_assert (pos == len && off == plain->size);

  if (header_out != NULL)
    *header_out = g_steal_pointer (&header);
  return g_bytes_new_with_free_func (plain->data, plain->size, plaintext_free, plain);
}

/* Passphrases */

char *
cp_pack_suggest_passphrase (void)
{
  const char *words[5];
  char *phrase;

  if (!sodium_ready (NULL))
    g_error ("No source of random numbers for a passphrase");
  for (guint i = 0; i < 4; i++)
    words[i] = _cp_pack_words[randombytes_uniform (CP_PACK_N_WORDS)];
  words[4] = NULL;
  phrase = g_strjoinv (" ", (char **) words);
  sodium_memzero (words, sizeof words);
  return phrase;
}

const char * const *
cp_pack_get_words (guint *n_words)
{
  if (n_words != NULL)
    *n_words = CP_PACK_N_WORDS;
  return _cp_pack_words;
}
