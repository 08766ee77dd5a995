/* source.h — the bytes of one input file or pipe, decompressed when they
 * are gzip (zlib) or zstd (libzstd) data. The format is told by the magic
 * bytes, not the file name, so a compressed stdin works too. Memory is a
 * few fixed buffers whatever the size of the input. */
#ifndef TK_CLI_SOURCE_H
#define TK_CLI_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef enum { TK_SRC_PLAIN, TK_SRC_GZIP, TK_SRC_ZSTD } tk_src_kind;

typedef enum {
    TK_SRC_OK,
    TK_SRC_EIO,      /* read() failed: errno in err_errno */
    TK_SRC_ECORRUPT, /* the compressed data is corrupt or truncated: see err */
    TK_SRC_ENOMEM
} tk_src_status;

typedef struct tk_source {
    int fd;
    tk_src_kind kind;
    unsigned char *in;    /* bytes read from fd, not yet decompressed */
    size_t in_cap, in_pos, in_len;
    bool in_eof;
    void *dec;            /* z_stream or ZSTD_DCtx, owned */
    bool frame_open;      /* inside a gzip member or zstd frame */
    bool regular;         /* fd is a regular file: reads never wait */
    uint64_t raw_bytes;   /* bytes read from fd so far (for progress) */
    uint64_t out_bytes;   /* bytes handed out so far */
    tk_src_status status;
    int err_errno;
    char err[200];        /* why, for TK_SRC_ECORRUPT */
    /* Called, when set, before a read() that would block (a pipe or a
     * terminal with nothing to read yet), so that the caller can write out
     * what it has. */
    void (*stall)(void *ctx);
    void *stall_ctx;
} tk_source;

/* Reads the first bytes of fd to tell its format. False on a read error or
 * out of memory (status says which); the source must still be closed. */
bool tk_source_open(tk_source *s, int fd);
/* Reads up to n decompressed bytes into buf: the count, 0 at the end, -1
 * on an error (status, err_errno, err). */
ssize_t tk_source_read(tk_source *s, void *buf, size_t n);
void tk_source_close(tk_source *s);
/* Would a read return without waiting? True for a regular file, for bytes
 * already buffered, and for a pipe or terminal with something to read. */
bool tk_source_ready(const tk_source *s);
/* "gzip", "zstd" or "plain". */
const char *tk_source_kind_name(tk_src_kind kind);

#endif
