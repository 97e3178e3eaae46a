/* str <-> bytes for the codecs implemented in C: utf-8, ascii, latin-1,
 * utf-16 and utf-32 (with and without BOM, both byte orders; with aliases),
 * with the standard error handlers strict, ignore,
 * replace, backslashreplace, namereplace (encoding), xmlcharrefreplace
 * (encoding), surrogateescape and surrogatepass. Other codecs python3.11
 * knows raise NotImplementedError until the codec registry exists; unknown
 * names raise LookupError as in python3.11. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "errors.h"
#include "int.h"
#include "str.h"
#include "str_codec_names.h"
#include "str_internal.h"
#include "tuple.h"
#include "wf_unicode.h"

enum { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1, CODEC_UTF16, CODEC_UTF16LE, CODEC_UTF16BE, CODEC_UTF32, CODEC_UTF32LE,
       CODEC_UTF32BE };
enum { EH_STRICT, EH_IGNORE, EH_REPLACE, EH_BACKSLASH, EH_NAME, EH_XMLREF, EH_SURR_ESCAPE, EH_SURR_PASS, EH_UNKNOWN };

static const char *const codec_names[] = {"utf-8",     "ascii",  "latin-1",   "utf-16",   "utf-16-le",
                                          "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"};
static const char *const codec_modules[] = {"utf_8",     "ascii",  "latin_1",   "utf_16",   "utf_16_le",
                                            "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"};

/* Normalize as codecs.lookup + encodings.normalize_encoding: lowercase;
 * runs of characters other than alphanumerics and '.' become one '_';
 * no leading/trailing '_'. */
static void normalize(const char *in, char *out, size_t cap) {
  size_t o = 0;
  bool pending = false;
  for (const unsigned char *p = (const unsigned char *)in; *p && o + 2 < cap; p++) {
    unsigned char c = *p;
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.') {
      if (pending && o) out[o++] = '_';
      pending = false;
      out[o++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    } else
      pending = true;
  }
  out[o] = 0;
}

/* The codec for `encoding` (NULL: utf-8), or -1 with LookupError /
 * NotImplementedError set. */
static int find_codec(const char *encoding, bool encode) {
  if (!encoding) return CODEC_UTF8;
  char norm[128];
  normalize(encoding, norm, sizeof norm);
  const char *module = NULL;
  for (int pass = 0; pass < 2 && !module; pass++) {
    if (pass == 1) {
      for (char *p = norm; *p; p++)
        if (*p == '.') *p = '_';
    }
    size_t lo = 0, hi = sizeof str_codec_names / sizeof str_codec_names[0];
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      int c = strcmp(str_codec_names[mid].alias, norm);
      if (c == 0) {
        module = str_codec_names[mid].module;
        break;
      }
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
  }
  if (!module) {
    wf_err_format(&wf_LookupError_type, "unknown encoding: %s", encoding);
    return -1;
  }
  for (int c = 0; c < (int)(sizeof codec_modules / sizeof codec_modules[0]); c++)
    if (!strcmp(module, codec_modules[c])) return c;
  for (size_t i = 0; i < sizeof str_codec_nontext / sizeof str_codec_nontext[0]; i++)
    if (!strcmp(module, str_codec_nontext[i])) {
      wf_err_format(&wf_LookupError_type, "'%s' is not a text encoding; use codecs.%s() to handle arbitrary codecs",
                    encoding, encode ? "encode" : "decode");
      return -1;
    }
  wf_err_format(&wf_NotImplementedError_type,
                "the '%s' codec is not implemented in Weft yet (only utf-8, ascii, latin-1, utf-16 and utf-32 until "
                "the codec registry exists)",
                encoding);
  return -1;
}

static int find_handler(const char *errors) {
  if (!errors || !strcmp(errors, "strict")) return EH_STRICT;
  if (!strcmp(errors, "ignore")) return EH_IGNORE;
  if (!strcmp(errors, "replace")) return EH_REPLACE;
  if (!strcmp(errors, "backslashreplace")) return EH_BACKSLASH;
  if (!strcmp(errors, "namereplace")) return EH_NAME;
  if (!strcmp(errors, "xmlcharrefreplace")) return EH_XMLREF;
  if (!strcmp(errors, "surrogateescape")) return EH_SURR_ESCAPE;
  if (!strcmp(errors, "surrogatepass")) return EH_SURR_PASS;
  return EH_UNKNOWN;
}

/* Is `encoding` one of the names CPython's C fast path recognises? Errors
 * from other names come through the codec registry, which wraps them:
 * "decoding with 'u8' codec failed (TypeError: ...)". */
static bool fast_name(const char *encoding) {
  if (!encoding) return true;
  char low[32];
  size_t i = 0;
  for (; encoding[i] && i < sizeof low - 1; i++) {
    char c = encoding[i];
    low[i] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : (c == '-' || c == ' ') ? '_' : c);
  }
  low[i] = 0;
  static const char *const names[] = {"utf_8",    "utf8",  "latin_1", "latin1", "iso_8859_1", "iso8859_1",
                                      "ascii",    "us_ascii", "utf_16", "utf16", "utf_32", "utf32"};
  for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
    if (!strcmp(low, names[k])) return true;
  return false;
}

static void codec_error(PyTypeObject *type, const char *encoding, bool decoding, const char *msg) {
  if (fast_name(encoding)) wf_err_set_string(type, msg);
  else
    wf_err_format(type, "%s with '%s' codec failed (%s: %s)", decoding ? "decoding" : "encoding", encoding,
                  type->tp_name, msg);
}

static void unknown_handler(const char *encoding, bool decoding, const char *errors) {
  char msg[300];
  snprintf(msg, sizeof msg, "unknown error handler name '%.200s'", errors);
  codec_error(&wf_LookupError_type, encoding, decoding, msg);
}

/* ---- Exceptions ------------------------------------------------------------------ */

void wf_str_raise_encode_error(const char *encoding, PyObject *s, Py_ssize_t start, Py_ssize_t end, const char *reason) {
  PyObject *enc = wf_str_from_cstr(encoding);
  if (!enc) return;
  PyObject *rs = wf_str_from_cstr(reason);
  if (!rs) return;
  PyObject *a = wf_int_from_ssize(start), *b = wf_int_from_ssize(end);
  if (!a || !b) return;
  PyObject *args = wf_tuple_pack(5, enc, s, a, b, rs);
  if (!args) return;
  wf_err_set_object(&wf_UnicodeEncodeError_type, args);
}

void wf_str_raise_decode_error(const char *encoding, const char *data, Py_ssize_t n, Py_ssize_t start, Py_ssize_t end,
                               const char *reason) {
  PyObject *enc = wf_str_from_cstr(encoding);
  if (!enc) return;
  PyObject *rs = wf_str_from_cstr(reason);
  if (!rs) return;
  PyObject *a = wf_int_from_ssize(start), *b = wf_int_from_ssize(end);
  if (!a || !b) return;
  PyObject *bytes = wf_bytes_from_data(data, n);
  if (!bytes) return;
  PyObject *args = wf_tuple_pack(5, enc, bytes, a, b, rs);
  if (!args) return;
  wf_err_set_object(&wf_UnicodeDecodeError_type, args);
}

/* ---- A byte buffer ----------------------------------------------------------------- */

typedef struct {
  char *p;
  Py_ssize_t len, cap;
} bbuf;

static int bb_reserve(bbuf *b, Py_ssize_t extra) {
  if (b->len + extra <= b->cap) return 0;
  Py_ssize_t cap = b->cap ? b->cap : 64;
  while (cap < b->len + extra) cap = cap * 2;
  char *np = realloc(b->p, (size_t)cap);
  if (!np) {
    wf_err_no_memory();
    return -1;
  }
  b->p = np;
  b->cap = cap;
  return 0;
}

static int bb_put(bbuf *b, const char *s, Py_ssize_t n) {
  if (bb_reserve(b, n) < 0) return -1;
  memcpy(b->p + b->len, s, (size_t)n);
  b->len += n;
  return 0;
}

static int bb_putc(bbuf *b, char c) { return bb_put(b, &c, 1); }

/* \xNN, \uNNNN or \UNNNNNNNN */
static int backslash_escape(char *out, uint32_t c) {
  static const char hexd[] = "0123456789abcdef";
  int n;
  out[0] = '\\';
  if (c <= 0xFF) {
    out[1] = 'x';
    n = 2;
  } else if (c <= 0xFFFF) {
    out[1] = 'u';
    n = 4;
  } else {
    out[1] = 'U';
    n = 8;
  }
  for (int i = 0; i < n; i++) out[2 + i] = hexd[(c >> (4 * (n - 1 - i))) & 15];
  return 2 + n;
}

/* ---- Encoding ------------------------------------------------------------------------- */

static bool enc_bad(int codec, uint32_t c) {
  if (codec == CODEC_UTF8) return c >= 0xD800 && c <= 0xDFFF;
  if (codec == CODEC_ASCII) return c >= 0x80;
  return c >= 0x100;
}

static const char *enc_reason(int codec) {
  return codec == CODEC_UTF8 ? "surrogates not allowed" : codec == CODEC_ASCII ? "ordinal not in range(128)"
                                                                                : "ordinal not in range(256)";
}

/* ---- UTF-16 / UTF-32 ------------------------------------------------------------------- */

/* Code unit width (2 or 4), byte order and whether a BOM is written/read. */
static void wide_params(int codec, int *width, bool *big, bool *bom) {
  *width = codec >= CODEC_UTF32 ? 4 : 2;
  *big = codec == CODEC_UTF16BE || codec == CODEC_UTF32BE;
  *bom = codec == CODEC_UTF16 || codec == CODEC_UTF32;
}

static int put_unit(bbuf *b, uint32_t u, int width, bool big) {
  if (bb_reserve(b, width) < 0) return -1;
  for (int j = 0; j < width; j++) {
    int shift = big ? 8 * (width - 1 - j) : 8 * j;
    b->p[b->len++] = (char)((u >> shift) & 0xFF);
  }
  return 0;
}

/* An ASCII replacement string, one code unit per character. */
static int put_ascii_units(bbuf *b, const char *s, int n, int width, bool big) {
  for (int j = 0; j < n; j++)
    if (put_unit(b, (unsigned char)s[j], width, big) < 0) return -1;
  return 0;
}

/* python3.11 reports each lone surrogate on its own (start, start + 1), and
 * its surrogateescape replacement is one byte, never a whole code unit. */
static PyObject *encode_wide(PyObject *s, int codec, const char *encoding, const char *errors) {
  int width;
  bool big, bom;
  wide_params(codec, &width, &big, &bom);
  Py_ssize_t n = wf_str_len(s);
  int k = wf_str_kind(s);
  const void *d = wf_str_data(s);
  bbuf b = {0};
  if (bb_reserve(&b, (n + 1) * width) < 0) return NULL;
  if (bom && put_unit(&b, 0xFEFF, width, big) < 0) goto fail;
  int eh = -1;
  for (Py_ssize_t i = 0; i < n; i++) {
    uint32_t c = wf_str_read(k, d, i);
    if (c < 0xD800 || c > 0xDFFF) {
      if (width == 2 && c >= 0x10000) {
        if (put_unit(&b, 0xD800 | ((c - 0x10000) >> 10), 2, big) < 0) goto fail;
        if (put_unit(&b, 0xDC00 | ((c - 0x10000) & 0x3FF), 2, big) < 0) goto fail;
      } else if (put_unit(&b, c, width, big) < 0)
        goto fail;
      continue;
    }
    if (eh < 0) eh = find_handler(errors);
    char tmp[WF_UC_NAME_MAX + 16];
    int l = 0;
    switch (eh) {
    case EH_UNKNOWN: unknown_handler(encoding, false, errors); goto fail;
    case EH_IGNORE: continue;
    case EH_REPLACE: tmp[0] = '?'; l = 1; break;
    case EH_BACKSLASH:
    case EH_NAME: l = backslash_escape(tmp, c); break; /* surrogates have no name */
    case EH_XMLREF: l = snprintf(tmp, sizeof tmp, "&#%u;", (unsigned)c); break;
    case EH_SURR_PASS:
      if (put_unit(&b, c, width, big) < 0) goto fail;
      continue;
    default: /* strict, surrogateescape */
      wf_str_raise_encode_error(codec_names[codec], s, i, i + 1, "surrogates not allowed");
      goto fail;
    }
    if (put_ascii_units(&b, tmp, l, width, big) < 0) goto fail;
  }
  PyObject *r = wf_bytes_from_data(b.p, b.len);
  free(b.p);
  return r;
fail:
  free(b.p);
  return NULL;
}

PyObject *wf_str_encode(PyObject *s, const char *encoding, const char *errors) {
  int codec = find_codec(encoding, true);
  if (codec < 0) return NULL;
  if (codec >= CODEC_UTF16) return encode_wide(s, codec, encoding, errors);
  Py_ssize_t n = wf_str_len(s);
  int k = wf_str_kind(s);
  const void *d = wf_str_data(s);
  if (wf_str_is_ascii(s) || (k == 1 && codec == CODEC_LATIN1)) return wf_bytes_from_data(d, n);
  if (codec == CODEC_UTF8) {
    Py_ssize_t len;
    const char *u = wf_str_as_utf8(s, &len);
    if (u) return wf_bytes_from_data(u, len);
    if (!wf_err_matches(&wf_UnicodeEncodeError_type)) return NULL;
    wf_err_clear();
  }
  int eh = find_handler(errors);
  bbuf b = {0};
  if (bb_reserve(&b, n + 8) < 0) return NULL;
  Py_ssize_t i = 0;
  while (i < n) {
    uint32_t c = wf_str_read(k, d, i);
    if (!enc_bad(codec, c)) {
      char tmp[4];
      size_t l = codec == CODEC_UTF8 ? wf_uc_utf8_encode(c, tmp) : (tmp[0] = (char)c, 1);
      if (bb_put(&b, tmp, (Py_ssize_t)l) < 0) goto fail;
      i++;
      continue;
    }
    Py_ssize_t end = i + 1;
    while (end < n && enc_bad(codec, wf_str_read(k, d, end))) end++;
    bool raise = false;
    switch (eh) {
    case EH_STRICT: raise = true; break;
    case EH_UNKNOWN: unknown_handler(encoding, false, errors); goto fail;
    case EH_IGNORE: break;
    case EH_REPLACE:
      for (Py_ssize_t j = i; j < end; j++)
        if (bb_putc(&b, '?') < 0) goto fail;
      break;
    case EH_BACKSLASH:
    case EH_NAME:
      for (Py_ssize_t j = i; j < end; j++) {
        uint32_t ch = wf_str_read(k, d, j);
        char tmp[WF_UC_NAME_MAX + 8];
        int l;
        char name[WF_UC_NAME_MAX];
        size_t nl = eh == EH_NAME ? wf_uc_name(ch, name, sizeof name) : 0;
        if (nl) {
          memcpy(tmp, "\\N{", 3);
          memcpy(tmp + 3, name, nl);
          tmp[3 + nl] = '}';
          l = (int)nl + 4;
        } else
          l = backslash_escape(tmp, ch);
        if (bb_put(&b, tmp, l) < 0) goto fail;
      }
      break;
    case EH_XMLREF:
      for (Py_ssize_t j = i; j < end; j++) {
        char tmp[16];
        int l = snprintf(tmp, sizeof tmp, "&#%u;", (unsigned)wf_str_read(k, d, j));
        if (bb_put(&b, tmp, l) < 0) goto fail;
      }
      break;
    case EH_SURR_ESCAPE:
      for (Py_ssize_t j = i; j < end && !raise; j++)
        if (wf_str_read(k, d, j) < 0xDC80 || wf_str_read(k, d, j) > 0xDCFF) raise = true;
      if (!raise)
        for (Py_ssize_t j = i; j < end; j++)
          if (bb_putc(&b, (char)(wf_str_read(k, d, j) - 0xDC00)) < 0) goto fail;
      break;
    case EH_SURR_PASS:
      if (codec != CODEC_UTF8) raise = true;
      for (Py_ssize_t j = i; j < end && !raise; j++)
        if (wf_str_read(k, d, j) < 0xD800 || wf_str_read(k, d, j) > 0xDFFF) raise = true;
      if (!raise)
        for (Py_ssize_t j = i; j < end; j++) {
          char tmp[4];
          size_t l = wf_uc_utf8_encode(wf_str_read(k, d, j), tmp);
          if (bb_put(&b, tmp, (Py_ssize_t)l) < 0) goto fail;
        }
      break;
    }
    if (raise) {
      wf_str_raise_encode_error(codec_names[codec], s, i, end, enc_reason(codec));
      goto fail;
    }
    i = end;
  }
  PyObject *r = wf_bytes_from_data(b.p, b.len);
  free(b.p);
  return r;
fail:
  free(b.p);
  return NULL;
}

/* ---- Decoding ---------------------------------------------------------------------------- */

/* Length of the maximal invalid subpart at p[0] (>= 1) and its reason, for
 * a sequence that wf_utf8_decode_one rejected. */
static Py_ssize_t utf8_error_len(const uint8_t *p, Py_ssize_t n, const char **reason) {
  uint8_t c = p[0];
  if (c < 0xC2 || c > 0xF4) {
    *reason = "invalid start byte";
    return 1;
  }
  int need = c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
  uint8_t lo = 0x80, hi = 0xBF;
  if (c == 0xE0) lo = 0xA0;
  else if (c == 0xED) hi = 0x9F;
  else if (c == 0xF0) lo = 0x90;
  else if (c == 0xF4) hi = 0x8F;
  for (int j = 1; j <= need; j++) {
    if (j >= n) {
      *reason = "unexpected end of data";
      return n;
    }
    uint8_t b = p[j];
    bool ok = j == 1 ? (b >= lo && b <= hi) : (b & 0xC0) == 0x80;
    if (!ok) {
      *reason = "invalid continuation byte";
      return j;
    }
  }
  *reason = "invalid continuation byte"; /* not reached for rejected input */
  return 1;
}

static uint32_t read_unit(const uint8_t *p, int width, bool big) {
  uint32_t u = 0;
  for (int j = 0; j < width; j++) u |= (uint32_t)p[j] << (big ? 8 * (width - 1 - j) : 8 * j);
  return u;
}

/* UTF-16 / UTF-32 decoding with python3.11's error ranges and reasons. */
/* The decode error handlers both decoders share, over the bad bytes
 * p[from, to): 0 handled, 1 raise (strict), -1 error set; 2 for the
 * surrogate handlers, which depend on the codec (the caller's). */
static int decode_error_common(wf_strbuf *b, int eh, const uint8_t *p, Py_ssize_t from, Py_ssize_t to,
                               const char *encoding, const char *errors) {
  switch (eh) {
  case EH_STRICT: return 1;
  case EH_UNKNOWN: unknown_handler(encoding, true, errors); return -1;
  case EH_IGNORE: return 0;
  case EH_REPLACE: return wf_strbuf_putc(b, 0xFFFD) < 0 ? -1 : 0;
  case EH_BACKSLASH:
    for (Py_ssize_t j = from; j < to; j++) {
      char tmp[4];
      int l = backslash_escape(tmp, p[j]);
      if (wf_strbuf_put_ascii(b, tmp, l) < 0) return -1;
    }
    return 0;
  case EH_SURR_ESCAPE:
  case EH_SURR_PASS: return 2;
  default:
    /* namereplace / xmlcharrefreplace only handle encoding errors. */
    codec_error(&wf_TypeError_type, encoding, true, "don't know how to handle UnicodeDecodeError in error callback");
    return -1;
  }
}

static PyObject *decode_wide(const char *s, Py_ssize_t n, int codec, const char *encoding, const char *errors) {
  int width;
  bool big, bom;
  wide_params(codec, &width, &big, &bom);
  const uint8_t *p = (const uint8_t *)s;
  Py_ssize_t i = 0;
  if (bom && n >= width) {
    /* A BOM picks the byte order and is dropped; without one: little-endian. */
    if (read_unit(p, width, false) == 0xFEFF) i = width;
    else if (read_unit(p, width, true) == 0xFEFF) {
      i = width;
      big = true;
    }
  }
  int eh = -1;
  wf_strbuf b;
  wf_strbuf_init(&b, (n - i) / width);
  while (i < n) {
    const char *reason;
    Py_ssize_t end;
    if (n - i < width) {
      reason = "truncated data";
      end = n;
    } else {
      uint32_t u = read_unit(p + i, width, big);
      if (width == 4) {
        if (u < 0xD800 || (u > 0xDFFF && u < 0x110000)) {
          if (wf_strbuf_putc(&b, u) < 0) goto fail;
          i += 4;
          continue;
        }
        reason = u < 0x110000 ? "code point in surrogate code point range(0xd800, 0xe000)"
                              : "code point not in range(0x110000)";
        end = i + 4;
      } else if (u < 0xD800 || u > 0xDFFF) {
        if (wf_strbuf_putc(&b, u) < 0) goto fail;
        i += 2;
        continue;
      } else if (u >= 0xDC00) {
        reason = "illegal encoding";
        end = i + 2;
      } else if (n - i < 4) {
        reason = "unexpected end of data";
        end = n;
      } else {
        uint32_t lo = read_unit(p + i + 2, 2, big);
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
          if (wf_strbuf_putc(&b, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)) < 0) goto fail;
          i += 4;
          continue;
        }
        reason = "illegal UTF-16 surrogate";
        end = i + 2;
      }
    }
    if (eh < 0) eh = find_handler(errors);
    int h = decode_error_common(&b, eh, p, i, end, encoding, errors);
    if (h < 0) goto fail;
    bool raise = h == 1;
    if (h == 2) switch (eh) {
    case EH_SURR_ESCAPE: {
      /* Escapes the leading run of bytes >= 0x80 and resumes after it. */
      Py_ssize_t j = i;
      for (; j < end && p[j] >= 0x80; j++)
        if (wf_strbuf_putc(&b, 0xDC00u + p[j]) < 0) goto fail;
      if (j == i) raise = true;
      else end = j;
      break;
    }
    case EH_SURR_PASS:
      /* One whole code unit holding a surrogate passes through. */
      if (n - i >= width) {
        uint32_t u = read_unit(p + i, width, big);
        if (u >= 0xD800 && u <= 0xDFFF) {
          if (wf_strbuf_putc(&b, u) < 0) goto fail;
          end = i + width;
          break;
        }
      }
      raise = true;
      break;
    }
    if (raise) {
      /* The BOM-sniffing codecs report the byte order they settled on. */
      int named = codec == CODEC_UTF16 || codec == CODEC_UTF32 ? codec + 1 + big : codec;
      wf_str_raise_decode_error(codec_names[named], s, n, i, end, reason);
      goto fail;
    }
    i = end;
  }
  return wf_strbuf_finish(&b);
fail:
  wf_strbuf_free(&b);
  return NULL;
}

PyObject *wf_str_decode(const char *s, Py_ssize_t n, const char *encoding, const char *errors) {
  int codec = find_codec(encoding, false);
  if (codec < 0) return NULL;
  if (codec >= CODEC_UTF16) return decode_wide(s, n, codec, encoding, errors);
  const uint8_t *p = (const uint8_t *)s;
  if (codec == CODEC_LATIN1) return wf_str_from_latin1(p, n);
  Py_ssize_t i = 0;
  while (i < n && p[i] < 0x80) i++;
  if (i == n) return wf_str_from_ascii(s, n);
  int eh = -1;
  wf_strbuf b;
  wf_strbuf_init(&b, n);
  if (wf_strbuf_put_ascii(&b, s, i) < 0) goto fail;
  while (i < n) {
    if (p[i] < 0x80) {
      Py_ssize_t j = i;
      while (j < n && p[j] < 0x80) j++;
      if (wf_strbuf_put_ascii(&b, s + i, j - i) < 0) goto fail;
      i = j;
      continue;
    }
    Py_ssize_t elen;
    const char *reason;
    if (codec == CODEC_UTF8) {
      uint32_t c;
      int used = wf_utf8_decode_one(p + i, n - i, &c);
      if (used > 0) {
        if (wf_strbuf_putc(&b, c) < 0) goto fail;
        i += used;
        continue;
      }
      elen = utf8_error_len(p + i, n - i, &reason);
    } else {
      elen = 1;
      reason = "ordinal not in range(128)";
    }
    if (eh < 0) eh = find_handler(errors);
    int h = decode_error_common(&b, eh, p, i, i + elen, encoding, errors);
    if (h < 0) goto fail;
    bool raise = h == 1;
    if (h == 2) switch (eh) {
    case EH_SURR_ESCAPE:
      for (Py_ssize_t j = i; j < i + elen && !raise; j++)
        if (p[j] < 0x80) raise = true;
      if (!raise)
        for (Py_ssize_t j = i; j < i + elen; j++)
          if (wf_strbuf_putc(&b, 0xDC00u + p[j]) < 0) goto fail;
      break;
    case EH_SURR_PASS:
      if (codec == CODEC_UTF8 && n - i >= 3 && p[i] == 0xED && p[i + 1] >= 0xA0 && p[i + 1] <= 0xBF &&
          (p[i + 2] & 0xC0) == 0x80) {
        uint32_t c = 0xD000u | ((uint32_t)(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
        if (wf_strbuf_putc(&b, c) < 0) goto fail;
        elen = 3;
      } else
        raise = true;
      break;
    }
    if (raise) {
      wf_str_raise_decode_error(codec_names[codec], s, n, i, i + elen, reason);
      goto fail;
    }
    i += elen;
  }
  return wf_strbuf_finish(&b);
fail:
  wf_strbuf_free(&b);
  return NULL;
}

PyObject *wf_str_decode_object(PyObject *obj, const char *encoding, const char *errors) {
  if (wf_str_check(obj)) return wf_err_set_string(&wf_TypeError_type, "decoding str is not supported");
  if (!wf_byteslike_check(obj))
    return wf_err_format(&wf_TypeError_type, "decoding to str: need a bytes-like object, %.80s found",
                         WF_TYPE(obj)->tp_name);
  const char *data;
  Py_ssize_t n;
  PyObject *keep = NULL;
  WF_GC_ROOT(keep);
  if (wf_byteslike_view(obj, &data, &n, &keep) < 0) return NULL;
  return wf_str_decode(data, n, encoding, errors);
}
