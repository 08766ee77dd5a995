/* source.c — plain, gzip and zstd input read as one stream of bytes (see
 * source.h). gzip goes through zlib's inflate (a file of several gzip
 * members, as `cat a.gz b.gz` or pigz make, is read whole); zstd through
 * libzstd's streaming decoder (several frames likewise). */
#include "source.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#define IN_CHUNK (256u * 1024)

const char *tk_source_kind_name(tk_src_kind kind) {
    return kind == TK_SRC_GZIP ? "gzip" : kind == TK_SRC_ZSTD ? "zstd" : "plain";
}

/* Reads more bytes from fd after what is left in s->in; false at the end
 * of the file or on an error (s->status). */
static bool refill(tk_source *s) {
    if (s->in_eof) return false;
    if (s->in_pos > 0) {
        memmove(s->in, s->in + s->in_pos, s->in_len - s->in_pos);
        s->in_len -= s->in_pos;
        s->in_pos = 0;
    }
    if (s->in_len == s->in_cap) return true; /* full already */
    if (s->stall && !s->regular) {
        struct pollfd pfd = {.fd = s->fd, .events = POLLIN};
        if (poll(&pfd, 1, 0) == 0) s->stall(s->stall_ctx);
    }
    for (;;) {
        ssize_t k = read(s->fd, s->in + s->in_len, s->in_cap - s->in_len);
        if (k < 0 && errno == EINTR) continue;
        if (k < 0) {
            s->status = TK_SRC_EIO;
            s->err_errno = errno;
            return false;
        }
        if (k == 0) {
            s->in_eof = true;
            return false;
        }
        s->in_len += (size_t)k;
        s->raw_bytes += (uint64_t)k;
        return true;
    }
}

bool tk_source_open(tk_source *s, int fd) {
    memset(s, 0, sizeof *s);
    s->fd = fd;
    s->in_cap = IN_CHUNK;
    s->in = malloc(s->in_cap);
    if (!s->in) { s->status = TK_SRC_ENOMEM; return false; }
    struct stat sb;
    s->regular = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode);
    while (s->in_len < 4 && refill(s)) {}
    if (s->status != TK_SRC_OK) return false;
    const unsigned char *p = s->in;
    if (s->in_len >= 2 && p[0] == 0x1f && p[1] == 0x8b) {
        z_stream *z = calloc(1, sizeof *z);
        if (!z || inflateInit2(z, 15 + 32) != Z_OK) {
            free(z);
            s->status = TK_SRC_ENOMEM;
            return false;
        }
        s->dec = z;
        s->kind = TK_SRC_GZIP;
    } else if (s->in_len >= 4 && p[0] == 0x28 && p[1] == 0xb5 && p[2] == 0x2f && p[3] == 0xfd) {
        ZSTD_DCtx *d = ZSTD_createDCtx();
        if (!d) { s->status = TK_SRC_ENOMEM; return false; }
        s->dec = d;
        s->kind = TK_SRC_ZSTD;
    }
    return true;
}

bool tk_source_ready(const tk_source *s) {
    if (s->regular || s->in_eof || s->status != TK_SRC_OK) return true;
    if (s->in_pos < s->in_len) return true; /* undecoded bytes may hold a line, or not: no matter */
    struct pollfd pfd = {.fd = s->fd, .events = POLLIN};
    return poll(&pfd, 1, 0) != 0;
}

void tk_source_close(tk_source *s) {
    if (s->kind == TK_SRC_GZIP && s->dec) {
        inflateEnd(s->dec);
        free(s->dec);
    } else if (s->kind == TK_SRC_ZSTD && s->dec) {
        ZSTD_freeDCtx(s->dec);
    }
    s->dec = NULL;
    free(s->in);
    s->in = NULL;
}

/* what: "corrupt" or "truncated"; why: the decoder's word for it; got:
 * bytes decoded by this call before the error, handed out first (the
 * error is then returned by the next call). */
static ssize_t corrupt(tk_source *s, const char *what, const char *why, size_t got) {
    s->status = TK_SRC_ECORRUPT;
    s->out_bytes += got;
    snprintf(s->err, sizeof s->err, "%s %s data: %s (after %llu bytes of text)", what,
             tk_source_kind_name(s->kind), why, (unsigned long long)s->out_bytes);
    return got ? (ssize_t)got : -1;
}

static ssize_t read_gzip(tk_source *s, void *buf, size_t n) {
    z_stream *z = s->dec;
    z->next_out = buf;
    z->avail_out = n > UINT32_MAX ? UINT32_MAX : (uInt)n;
    while (z->avail_out > 0) {
        if (s->in_pos == s->in_len) {
            if (z->avail_out < n) break; /* return what we have before blocking */
            if (!refill(s)) {
                if (s->status != TK_SRC_OK) return -1;
                if (s->frame_open)
                    return corrupt(s, "truncated", "the file ends inside a compressed member", n - z->avail_out);
                break;
            }
        }
        if (!s->frame_open) {
            /* a new member begins here (or the bytes after the last one) */
            if (inflateReset(z) != Z_OK) return corrupt(s, "corrupt", "reset", n - z->avail_out);
            s->frame_open = true;
        }
        z->next_in = s->in + s->in_pos;
        z->avail_in = (uInt)(s->in_len - s->in_pos);
        int rc = inflate(z, Z_NO_FLUSH);
        s->in_pos = s->in_len - z->avail_in;
        if (rc == Z_STREAM_END) s->frame_open = false;
        else if (rc == Z_NEED_DICT || rc == Z_DATA_ERROR)
            return corrupt(s, "corrupt", z->msg ? z->msg : "invalid data", n - z->avail_out);
        else if (rc == Z_MEM_ERROR) { s->status = TK_SRC_ENOMEM; return -1; }
    }
    size_t got = n - z->avail_out;
    s->out_bytes += got;
    return (ssize_t)got;
}

static ssize_t read_zstd(tk_source *s, void *buf, size_t n) {
    ZSTD_outBuffer out = {buf, n, 0};
    while (out.pos < out.size) {
        if (s->in_pos == s->in_len) {
            if (out.pos > 0) break;
            if (!refill(s)) {
                if (s->status != TK_SRC_OK) return -1;
                if (s->frame_open)
                    return corrupt(s, "truncated", "the file ends inside a compressed frame", out.pos);
                break;
            }
        }
        ZSTD_inBuffer in = {s->in, s->in_len, s->in_pos};
        size_t rc = ZSTD_decompressStream(s->dec, &out, &in);
        s->in_pos = in.pos;
        if (ZSTD_isError(rc)) return corrupt(s, "corrupt", ZSTD_getErrorName(rc), out.pos);
        s->frame_open = rc != 0;
    }
    s->out_bytes += out.pos;
    return (ssize_t)out.pos;
}

ssize_t tk_source_read(tk_source *s, void *buf, size_t n) {
    if (s->status != TK_SRC_OK) return -1;
    if (n == 0) return 0;
    if (s->kind == TK_SRC_GZIP) return read_gzip(s, buf, n);
    if (s->kind == TK_SRC_ZSTD) return read_zstd(s, buf, n);
    /* plain: first what was read to sniff the format, then straight reads */
    if (s->in_pos < s->in_len) {
        size_t k = s->in_len - s->in_pos;
        if (k > n) k = n;
        memcpy(buf, s->in + s->in_pos, k);
        s->in_pos += k;
        s->out_bytes += k;
        return (ssize_t)k;
    }
    if (s->in_eof) return 0;
    if (s->stall && !s->regular) {
        struct pollfd pfd = {.fd = s->fd, .events = POLLIN};
        if (poll(&pfd, 1, 0) == 0) s->stall(s->stall_ctx);
    }
    for (;;) {
        ssize_t k = read(s->fd, buf, n);
        if (k < 0 && errno == EINTR) continue;
        if (k < 0) {
            s->status = TK_SRC_EIO;
            s->err_errno = errno;
            return -1;
        }
        if (k == 0) s->in_eof = true;
        s->raw_bytes += (uint64_t)k;
        s->out_bytes += (uint64_t)k;
        return k;
    }
}
