/* cp-pack.h: the encrypted container of supervision packs and replies
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A supervision pack (practitioner -> supervisor) or a reply (supervisor ->
 * practitioner) is one file: a heading in clear text, then an opaque payload (a
 * serialized SQLite database) encrypted with a key made from a passphrase. No GTK, no
 * SQL: the caller makes and reads the payload.
 *
 * The heading is readable without the passphrase (cp_pack_peek_header), so the app can
 * say "this reply answers a pack that was never sent" or "this pack is for another
 * workspace" before asking for it. It holds no personal data: the kind, two UUIDs, the
 * date and the sender's role ("Practitioner", never a name). It is authenticated with
 * the payload, so changing any byte of it makes the file fail to open.
 *
 * Key: Argon2id (libsodium crypto_pwhash, ALG_ARGON2ID13) at CP_PACK_OPSLIMIT and
 * CP_PACK_MEMLIMIT, a fresh random salt per file. A reader accepts exactly these limits
 * and no others, before it derives anything: a file asking for 4 GiB is refused at
 * once. Content: crypto_secretstream_xchacha20poly1305, CP_PACK_CHUNK_SIZE bytes of
 * payload per message, the heading as the first message's additional data, the last
 * message tagged FINAL; a reader requires FINAL on the last message and the end of the
 * file right after it.
 *
 * The passphrase is used with surrounding white space removed and inner runs of white
 * space as one space (and in Unicode NFC), so "river  maple" and "river maple " open
 * what "river maple" sealed; letter case matters. It is never stored. The key and the
 * copies of the passphrase made here are wiped (sodium_memzero) before they are freed;
 * so is the payload cp_pack_open () returns, when its last reference goes.
 *
 * cp_pack_seal () and cp_pack_open () each derive a key, which takes about a tenth of a
 * second and 64 MiB (several times that on a busy machine): call them from a worker
 * thread (g_task_run_in_thread). Every function here is safe to call from any thread.
 *
 * Byte layout, format version 1 (integers unsigned, big-endian):
 *
 *   offset  size  field
 *        0     8  magic 89 43 50 4B 50 41 43 4B ("\x89" "CPKPACK")
 *        8     2  format version, 1
 *       10     1  kind: 1 pack, 2 reply
 *       11     1  key algorithm: 2 (crypto_pwhash_ALG_ARGON2ID13)
 *       12     8  Argon2id opslimit (CP_PACK_OPSLIMIT)
 *       20     8  Argon2id memlimit in bytes (CP_PACK_MEMLIMIT)
 *       28    16  Argon2id salt (crypto_pwhash_SALTBYTES), random
 *       44     8  created, seconds since 1970-01-01 UTC (signed)
 *       52     8  payload length P in bytes (at most CP_PACK_MAX_PAYLOAD)
 *       60    36  workspace UUID, lower-case text
 *       96    36  pack UUID, lower-case text (in a reply: the pack it answers)
 *      132     2  R, length of the sender's role in bytes (1..CP_PACK_ROLE_MAX)
 *      134     R  sender's role, UTF-8 without control characters
 *    134+R    24  secretstream header (crypto_secretstream_xchacha20poly1305_HEADERBYTES)
 *    158+R     …  N = max (1, ceil (P / CP_PACK_CHUNK_SIZE)) messages, each its payload
 *                 chunk (CP_PACK_CHUNK_SIZE bytes; the last one the rest, possibly 0)
 *                 plus 17 bytes (ABYTES); the first carries bytes 0..134+R-1 as
 *                 additional data; tags MESSAGE, …, MESSAGE, FINAL
 *
 * so a whole file is 158 + R + P + 17 N bytes, and a reader checks that before it asks
 * for the passphrase: shorter is TRUNCATED, longer is TRAILING_DATA. */

#define CP_PACK_FORMAT_VERSION 1
#define CP_PACK_CHUNK_SIZE     (64 * 1024)
#define CP_PACK_ROLE_MAX       200
#define CP_PACK_MAX_PAYLOAD    (G_GUINT64_CONSTANT (1) << 30)
/* crypto_pwhash_OPSLIMIT_INTERACTIVE and _MEMLIMIT_INTERACTIVE of libsodium 1.0.18,
 * written out so that a later libsodium cannot change what this version writes. */
#define CP_PACK_OPSLIMIT       G_GUINT64_CONSTANT (2)
#define CP_PACK_MEMLIMIT       (G_GUINT64_CONSTANT (64) * 1024 * 1024)

#define CP_PACK_ERROR (cp_pack_error_quark ())

/* Every message is written for people and may be shown as it is. */
typedef enum
{
  CP_PACK_ERROR_NOT_A_PACK,                /* empty, or not a pack or reply at all */
  CP_PACK_ERROR_UNSUPPORTED_VERSION,       /* made by a newer version of the app */
  CP_PACK_ERROR_DAMAGED_HEADER,            /* the clear heading does not make sense */
  CP_PACK_ERROR_HOSTILE_LIMITS,            /* key settings other than the app's own */
  CP_PACK_ERROR_TRUNCATED,                 /* ends early, or without its final part */
  CP_PACK_ERROR_TRAILING_DATA,             /* bytes after the end of the pack */
  CP_PACK_ERROR_BAD_PASSPHRASE_OR_DAMAGED, /* decryption failed: the two look the same */
  CP_PACK_ERROR_TOO_LARGE,                 /* payload over CP_PACK_MAX_PAYLOAD */
  CP_PACK_ERROR_INVALID_HEADER,            /* sealing: a role that a pack cannot carry */
  CP_PACK_ERROR_EMPTY_PASSPHRASE,          /* no passphrase (only white space) */
  CP_PACK_ERROR_FAILED,                    /* not enough memory for the key */
} CpPackError;

GQuark cp_pack_error_quark (void);

typedef enum
{
  CP_PACK_KIND_PACK = 1,   /* practitioner to supervisor */
  CP_PACK_KIND_REPLY = 2,  /* supervisor to practitioner */
} CpPackKind;

typedef struct
{
  CpPackKind  kind;
  char       *workspace_uuid;  /* the practitioner's workspace, lower-case UUID text */
  char       *pack_uuid;       /* this pack; in a reply, the pack it answers */
  GDateTime  *created;         /* when it was sealed (whole seconds, UTC) */
  char       *sender_role;     /* "Practitioner", "Line supervisor": never a name */
  guint64     payload_size;    /* filled in by peek and open; ignored by seal */
} CpPackHeader;

/* UUIDs must be valid (g_uuid_string_is_valid); either case, stored lower-case. */
CpPackHeader *cp_pack_header_new          (CpPackKind           kind,
                                           const char          *workspace_uuid,
                                           const char          *pack_uuid,
                                           GDateTime           *created,
                                           const char          *sender_role);
void          cp_pack_header_free         (CpPackHeader        *header);

/* Seals @payload under @passphrase with @header in clear. Returns the whole file.
 * INVALID_HEADER (role empty, over CP_PACK_ROLE_MAX bytes, not UTF-8 or with control
 * characters), EMPTY_PASSPHRASE, TOO_LARGE, FAILED. */
GBytes       *cp_pack_seal                (const CpPackHeader  *header,
                                           GBytes              *payload,
                                           const char          *passphrase,
                                           GError             **error);

/* Checks and opens @file. On success returns the payload (wiped when freed) and, when
 * @header_out is not NULL, sets it to the heading (free with cp_pack_header_free).
 * Every error of cp_pack_peek_header (), then EMPTY_PASSPHRASE,
 * BAD_PASSPHRASE_OR_DAMAGED (a wrong passphrase, or any byte changed), TRUNCATED (the
 * last part is not marked as the last), TRAILING_DATA (a part marked as the last comes
 * before the end), FAILED. Nothing is returned unless the whole file is intact. */
GBytes       *cp_pack_open                (GBytes              *file,
                                           const char          *passphrase,
                                           CpPackHeader       **header_out,
                                           GError             **error);

/* The heading of @file without the passphrase, after every check that needs no key:
 * NOT_A_PACK, UNSUPPORTED_VERSION, DAMAGED_HEADER, HOSTILE_LIMITS, TOO_LARGE,
 * TRUNCATED, TRAILING_DATA. The heading is not yet authenticated: use it to choose
 * what to say, and trust it once cp_pack_open () has succeeded. */
CpPackHeader *cp_pack_peek_header         (GBytes              *file,
                                           GError             **error);

/* Four words picked uniformly at random (randombytes_uniform) from the built-in list of
 * 2048 short everyday English words, separated by single spaces: 44 bits. Free with
 * cp_pack_passphrase_free (). Aborts only if the system has no source of randomness
 * (libsodium fails to start), when no passphrase could be safe. */
char         *cp_pack_suggest_passphrase  (void);
/* Wipes and frees a passphrase; NULL is allowed. */
void          cp_pack_passphrase_free     (char                *passphrase);

/* The built-in word list (lower-case a-z, 3 to 8 letters, sorted, unique). */
const char * const *cp_pack_get_words     (guint               *n_words);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpPackHeader, cp_pack_header_free)

G_END_DECLS
