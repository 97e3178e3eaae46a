/* hash_siphash.c — the hash secret and siphash13 for bytes and str.
 *
 * Secret (3.11 semantics, see wf_hash.h):
 *   PYTHONHASHSEED unset, empty or "random" -> 24 random bytes (getrandom);
 *   "0"                                     -> all zero;
 *   "N" (1..2**32-1)                        -> byte i = (x_i >> 16) & 0xff where
 *                                              x_0 = N, x_{i+1} = x_i*214013 + 2531011
 *                                              (mod 2**32), bytes taken from x_1 on.
 * The siphash key is (k0, k1) = little-endian uint64 at bytes 0 and 8.
 *
 * SipHash-1-3: the SipHash construction (Aumasson & Bernstein) with one
 * compression round per 8-byte block and three finalization rounds; the
 * last block carries the length's low byte in its top byte.
 *
 * Invariant: wf_hash_secret is written only by the init functions, which run
 * before any other thread starts; afterwards it is read-only.
 */
#include "wf_hash.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

unsigned char wf_hash_secret[WF_HASH_SECRET_SIZE];

int wf_hash_parse_seed(const char *text, int *use_seed, uint32_t *seed)
{
    if (text == NULL || text[0] == '\0' || strcmp(text, "random") == 0) {
        *use_seed = 0;
        *seed = 0;
        return 0;
    }
    char *end;
    errno = 0;
    unsigned long v = strtoul(text, &end, 10);
    if (*end != '\0' || v > 4294967295UL || (errno == ERANGE && v == ULONG_MAX))
        return -1;
    *use_seed = 1;
    *seed = (uint32_t)v;
    return 0;
}

void wf_hash_init_from_seed(uint32_t seed)
{
    if (seed == 0) {
        memset(wf_hash_secret, 0, sizeof wf_hash_secret);
        return;
    }
    uint32_t x = seed;
    for (size_t i = 0; i < sizeof wf_hash_secret; i++) {
        x = x * 214013u + 2531011u;
        wf_hash_secret[i] = (unsigned char)((x >> 16) & 0xff);
    }
}

int wf_hash_init_random(void)
{
    unsigned char buf[WF_HASH_SECRET_SIZE];
    size_t got = 0;
    while (got < sizeof buf) {
        ssize_t r = getrandom(buf + got, sizeof buf - got, GRND_NONBLOCK);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        got += (size_t)r;
    }
    if (got < sizeof buf) {
        int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return -1;
        while (got < sizeof buf) {
            ssize_t r = read(fd, buf + got, sizeof buf - got);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0) {
                close(fd);
                return -1;
            }
            got += (size_t)r;
        }
        close(fd);
    }
    memcpy(wf_hash_secret, buf, sizeof buf);
    return 0;
}

int wf_hash_init_from_env(const char *text)
{
    int use_seed;
    uint32_t seed;
    if (wf_hash_parse_seed(text, &use_seed, &seed) < 0)
        return -1;
    if (use_seed) {
        wf_hash_init_from_seed(seed);
        return 0;
    }
    return wf_hash_init_random();
}

static inline uint64_t load_le64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

static inline uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

#define SIPROUND(v0, v1, v2, v3)                                                                   \
    do {                                                                                           \
        v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32);                                  \
        v2 += v3; v3 = rotl(v3, 16); v3 ^= v2;                                                     \
        v0 += v3; v3 = rotl(v3, 21); v3 ^= v0;                                                     \
        v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32);                                  \
    } while (0)

uint64_t wf_siphash13(uint64_t k0, uint64_t k1, const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    size_t nblocks = len / 8;
    for (size_t i = 0; i < nblocks; i++, p += 8) {
        uint64_t m;
        memcpy(&m, p, 8);
#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
        m = load_le64(p);
#endif
        v3 ^= m;
        SIPROUND(v0, v1, v2, v3);
        v0 ^= m;
    }
    uint64_t b = (uint64_t)len << 56;
    size_t rest = len & 7;
    for (size_t i = 0; i < rest; i++)
        b |= (uint64_t)p[i] << (8 * i);
    v3 ^= b;
    SIPROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SIPROUND(v0, v1, v2, v3);
    SIPROUND(v0, v1, v2, v3);
    SIPROUND(v0, v1, v2, v3);
    return v0 ^ v1 ^ v2 ^ v3;
}

wf_hash_t wf_hash_bytes(const void *data, size_t len)
{
    if (len == 0)
        return 0;
    uint64_t k0 = load_le64(wf_hash_secret), k1 = load_le64(wf_hash_secret + 8);
    wf_hash_t h = (wf_hash_t)wf_siphash13(k0, k1, data, len);
    return h == -1 ? -2 : h;
}

wf_hash_t wf_hash_latin1(const uint8_t *s, size_t n) { return wf_hash_bytes(s, n); }
wf_hash_t wf_hash_ucs2(const uint16_t *s, size_t n) { return wf_hash_bytes(s, n * 2); }
wf_hash_t wf_hash_ucs4(const uint32_t *s, size_t n) { return wf_hash_bytes(s, n * 4); }
