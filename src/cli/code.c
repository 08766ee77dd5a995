/* code.c — `tarikh code`: reads stories from files or stdin, codes each one
 * and writes one record per story in input order. Bad records are
 * reported as FILE:LINE: reason and skipped; the rest is still coded.
 * With -o the output is written to a temporary file renamed into place at
 * the end, so an interrupted run never leaves a half file. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "dedup.h"
#include "input.h"
#include "pipeline.h"
#include "progress.h"
#include "tarikh.h"

#define MAX_ERRORS_PER_FILE 100
#define MAX_THREADS 256

static const char code_usage[] =
    "usage: tarikh code [options] [FILE...]\n"
    "\n"
    "Codes news stories. FILE is .jsonl (one story per line: id, date, source,\n"
    "url, title, text; other fields are kept under \"meta\") or .txt (one story\n"
    "per file; the first line is the title when a blank line follows it).\n"
    "No FILE, or -, reads stdin. gzip and zstd input (FILE.jsonl.gz, .zst, or\n"
    "compressed stdin) is read as is, told by its first bytes.\n"
    "\n"
    "options:\n"
    "  -f, --format FMT    jsonl (default), text (readable), tsv (events)\n"
    "  -o, --output FILE   write to FILE atomically instead of stdout\n"
    "      --input KIND    jsonl or txt: how to read stdin and files whose\n"
    "                      extension says nothing (default: by extension,\n"
    "                      else by content)\n"
    "      --sentences     add \"sentences\" [{start, end, text}] to each record\n"
    "      --tokens        add tokens [start, end, normalised] to each sentence\n"
    "      --max-bytes N   largest record or story accepted (default 16 MiB)\n"
    "      --dict [+]DIR   dictionaries (TABARI/PETRARCH formats) to use instead\n"
    "                      of the built-in ones; with +, in addition to them\n"
    "                      (events are located with our places dictionary,\n"
    "                      or without +, with a *places* file in DIR if any)\n"
    "      --no-events     read, clean and segment only (no events, no quotes)\n"
    "      --no-quotes     do not look for quotations\n"
    "      --tabari-stems  read --dict dictionaries with TABARI's stem rule (a\n"
    "                      word without a trailing _ matches words it begins)\n"
    "      --frames on|off an act inside a frame takes the frame's code:\n"
    "                      \"threatened to impose sanctions\" 1312, \"will give\n"
    "                      aid\" 0331 (default: on with the built-in\n"
    "                      dictionaries, off with --dict DIR alone)\n"
    "      --dedup story|day\n"
    "                      drop an event that repeats the (date, source code,\n"
    "                      target code, event code) of an earlier event: of the\n"
    "                      same story (story), or of any earlier story of the\n"
    "                      run, date by date (day: the keys of the latest 64\n"
    "                      dates are held, 1,000,000 at most); the summary\n"
    "                      line counts the events dropped\n"
    "  -j, --threads N     code on N threads (default: the number of cores);\n"
    "                      the output is the same whatever N\n"
    "      --stats         print a summary line on stderr at the end (stories,\n"
    "                      sentences, events, quotes, warnings, rejected records, bytes,\n"
    "                      time, threads); printed anyway when stderr is a\n"
    "                      terminal, unless --quiet\n"
    "  -q, --quiet         no progress line and no summary on a terminal\n"
    "  -h, --help          this text\n"
    "\n"
    "On a terminal, a progress line on stderr shows stories, sentences/s, MB/s,\n"
    "the time elapsed and, when the input's size is known, the time left.\n"
    "\n"
    "exit codes: 0 all coded; 1 some records or files rejected (a bad record,\n"
    "a binary file, corrupt or truncated compressed data: the rest of that\n"
    "file is skipped); 2 usage or input/output error.\n";

typedef enum { IN_AUTO, IN_JSONL, IN_TXT } input_kind;

/* What a pipeline slot holds: a record to code, or a message for its place
 * in the output order. */
enum {
    SLOT_JSONL,   /* a JSON Lines record */
    SLOT_TXT,     /* a whole .txt story */
    NOTE_REJECT,  /* "NAME[:LINE]: text", a rejected record or file (exit 1) */
    NOTE_CORRUPT, /* "NAME: text", the rest of a file rejected: shown past the cap */
    NOTE_INFO,    /* "NAME: text", nothing wrong (an empty file) */
    NOTE_IOERR    /* "NAME: text", an input error (exit 2) */
};
enum { RES_CODED, RES_REJECTED, RES_NOMEM, RES_RENDER };

enum { DEDUP_NONE, DEDUP_STORY, DEDUP_DAY };

/* Read-only while workers run: how to code and render. */
typedef struct code_cfg {
    tk_format format;
    unsigned flags;
} code_cfg;

typedef struct run {
    code_cfg cfg;
    tk_pipeline *pipe;
    FILE *out;
    input_kind forced;
    size_t max_bytes;
    /* main thread only: */
    unsigned long long stories, rejected, sentences, warnings, events, quotes, dropped;
    int dedup;                 /* DEDUP_* */
    tk_dedup *days;            /* --dedup day: the keys written so far */
    unsigned char *keep;       /* --dedup day: which events of a record to write */
    size_t keep_cap;
    unsigned long long bytes_in;
    uint32_t file, emit_file;  /* files read so far; the file emit() is at */
    size_t nerr;               /* errors shown for emit_file */
    uint64_t raw_done;         /* raw bytes of the inputs finished */
    tk_source *src;            /* the input being read */
    tk_progress progress;
    bool io_error, write_error, add_failed;
} run;

/* The temporary output file, removed if a signal ends the run. */
static char tmp_path[4096];

static void on_signal(int sig) {
    if (tmp_path[0]) unlink(tmp_path);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Problems in --dict dictionaries: errors are shown, warnings counted
 * (`tarikh dict check` lists them); neither stops the run. */
static void dict_diag(void *ctx, const char *file, unsigned line, int is_error, const char *msg) {
    unsigned long *nwarn = ctx;
    if (!is_error) { (*nwarn)++; return; }
    if (line) fprintf(stderr, "%s:%u: error: %s\n", file, line, msg);
    else fprintf(stderr, "%s: error: %s\n", file, msg);
}

/* The worker's half: code one record and render it into out. */
static void slot_message(tk_slot *s, tk_buf *out, int result, const char *msg, const char *suffix) {
    s->result = result;
    s->msg_off = out->len;
    tk_buf_puts(out, msg);
    tk_buf_puts(out, suffix);
    s->msg_len = out->failed ? 0 : out->len - s->msg_off;
}

static void work(void *ctx, tk_story *story, tk_slot *s, const char *in, tk_buf *out) {
    const code_cfg *cfg = ctx;
    tk_status st;
    s->out_len = s->msg_len = 0;
    if (s->kind == SLOT_JSONL) {
        char idbuf[4200];
        snprintf(idbuf, sizeof idbuf, "%s:%llu", s->name, s->line);
        st = tk_story_load_jsonl(story, in, s->in_len, idbuf);
        if (st == TK_ENOMEM) { s->result = RES_NOMEM; return; }
        if (st != TK_OK) return slot_message(s, out, RES_REJECTED, tk_story_errmsg(story), "; record skipped");
    } else if (s->kind == SLOT_TXT) {
        const char *base = strrchr(s->name, '/');
        base = base ? base + 1 : s->name;
        st = tk_story_load_text(story, in, s->in_len, base);
        if (st != TK_OK) return slot_message(s, out, RES_REJECTED, tk_story_errmsg(story), "; skipped");
    } else {
        return; /* a note: emit() alone deals with it */
    }
    st = tk_story_code(story);
    if (st != TK_OK) { slot_message(s, out, RES_REJECTED, tk_story_errmsg(story), ""); return; }
    s->sentences = tk_story_sentence_count(story);
    s->warnings = tk_story_warning_count(story);
    s->events = tk_story_event_count(story);
    s->quotes = tk_story_quote_count(story);
    s->dropped = tk_story_dropped_count(story);
    const char *text = NULL;
    size_t len = 0;
    st = tk_story_render(story, cfg->format, cfg->flags, &text, &len);
    if (st != TK_OK) { slot_message(s, out, RES_RENDER, tk_story_errmsg(story), ""); return; }
    s->result = RES_CODED;
    s->out_off = out->len;
    tk_buf_put(out, text, len);
    if (out->failed) { slot_message(s, out, RES_RENDER, "out of memory", ""); return; }
    s->out_len = len;
    s->aux_len = 0;
    if (cfg->flags & TK_RENDER_EVENT_SPANS) {
        /* for emit(): the event count's place, then each event's span */
        size_t n, cs, ce;
        const tk_event_span *sp = tk_story_event_spans(story, &n, &cs, &ce);
        s->aux_off = out->len;
        tk_buf_put(out, &cs, sizeof cs);
        tk_buf_put(out, &ce, sizeof ce);
        if (n) tk_buf_put(out, sp, n * sizeof *sp);
        if (out->failed) { slot_message(s, out, RES_RENDER, "out of memory", ""); return; }
        s->aux_len = out->len - s->aux_off;
    }
}

/* The i-th event span that work() stored after a record. */
static tk_event_span span_at(const char *aux, size_t i) {
    tk_event_span e;
    memcpy(&e, aux + 2 * sizeof(size_t) + i * sizeof e, sizeof e);
    return e;
}

static bool put(run *r, const char *p, size_t n) {
    if (n && fwrite(p, 1, n, r->out) != n) r->write_error = true;
    return !r->write_error;
}

/* --dedup day: writes the record without the events an earlier record
 * of the run already gave on the same date (see dedup.h), in input order. */
static void write_day_deduped(run *r, const tk_slot *s, const char *out) {
    const char *o = out + s->out_off, *aux = out + s->aux_off;
    size_t n = s->aux_len > 2 * sizeof(size_t) ? (s->aux_len - 2 * sizeof(size_t)) / sizeof(tk_event_span) : 0;
    if (n > r->keep_cap) {
        unsigned char *k = realloc(r->keep, n);
        if (!k) { /* keep them all */
            put(r, o, s->out_len);
            return;
        }
        r->keep = k;
        r->keep_cap = n;
    }
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        tk_event_span e = span_at(aux, i);
        r->keep[i] = tk_dedup_add(r->days, e.date, e.key);
        kept += r->keep[i];
    }
    r->events -= n - kept;
    r->dropped += n - kept;
    if (kept == n) { put(r, o, s->out_len); return; }
    size_t cs, ce;
    memcpy(&cs, aux, sizeof cs);
    memcpy(&ce, aux + sizeof cs, sizeof ce);
    tk_event_span first = span_at(aux, 0), last = span_at(aux, n - 1);
    size_t sep_a = 0, sep_b = 0; /* the separator between two events */
    if (n > 1) { sep_a = first.end; sep_b = span_at(aux, 1).start; }
    /* what comes before the events, with their count ("Events (3):") */
    if (ce > cs && ce <= first.start) {
        char num[24];
        int k = snprintf(num, sizeof num, "%zu", kept);
        if (!put(r, o, cs) || !put(r, num, (size_t)k) || !put(r, o + ce, first.start - ce)) return;
    } else if (!put(r, o, first.start)) {
        return;
    }
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        if (!r->keep[i]) continue;
        tk_event_span e = span_at(aux, i);
        if (any && !put(r, o + sep_a, sep_b - sep_a)) return;
        if (!put(r, o + e.start, e.end - e.start)) return;
        any = true;
    }
    put(r, o + last.end, s->out_len - last.end);
}

static void report(run *r, const char *name, unsigned long long line, const char *msg, size_t len) {
    r->rejected++;
    r->nerr++;
    if (r->nerr <= MAX_ERRORS_PER_FILE) {
        if (line) fprintf(stderr, "%s:%llu: %.*s\n", name, line, (int)len, msg);
        else fprintf(stderr, "%s: %.*s\n", name, (int)len, msg);
    } else if (r->nerr == MAX_ERRORS_PER_FILE + 1) {
        fprintf(stderr, "%s: more than %d errors; further errors in this file are counted but not shown\n",
                name, MAX_ERRORS_PER_FILE);
    }
}

/* The main thread's half, in input order: write the record or report why
 * there is none. */
static void emit(void *ctx, const tk_slot *s, const char *in, const char *out) {
    run *r = ctx;
    if (s->file != r->emit_file) {
        r->emit_file = s->file;
        r->nerr = 0;
    }
    bool coded = s->kind <= SLOT_TXT && (s->result == RES_CODED || s->result == RES_RENDER);
    if (!coded || s->result != RES_CODED) tk_progress_clear(&r->progress);
    switch (s->kind) {
    case NOTE_REJECT: report(r, s->name, s->line, in, s->in_len); break;
    case NOTE_CORRUPT:
        r->rejected++;
        fprintf(stderr, "%s: %.*s\n", s->name, (int)s->in_len, in);
        break;
    case NOTE_IOERR: r->io_error = true; /* fall through */
    case NOTE_INFO: fprintf(stderr, "%s: %.*s\n", s->name, (int)s->in_len, in); break;
    default:
        if (s->result == RES_NOMEM) {
            fprintf(stderr, "%s:%llu: out of memory\n", s->name, s->line);
            r->io_error = true;
            r->rejected++;
        } else if (s->result == RES_REJECTED) {
            report(r, s->name, s->line, s->msg_len ? out + s->msg_off : "", s->msg_len);
        } else {
            r->stories++;
            r->sentences += s->sentences;
            r->warnings += s->warnings;
            r->events += s->events;
            r->quotes += s->quotes;
            r->dropped += s->dropped;
            if (s->result == RES_RENDER) {
                fprintf(stderr, "tarikh: %.*s\n", (int)s->msg_len, s->msg_len ? out + s->msg_off : "");
                r->io_error = true;
            } else if (r->dedup == DEDUP_DAY && s->aux_len) {
                write_day_deduped(r, s, out);
            } else if (s->out_len && fwrite(out + s->out_off, 1, s->out_len, r->out) != s->out_len) {
                r->write_error = true;
            }
        }
    }
    if (r->progress.on)
        tk_progress_tick(&r->progress, r->stories, r->sentences,
                         r->raw_done + (r->src ? r->src->raw_bytes : 0), r->bytes_in);
}

static void add(run *r, int kind, const char *name, unsigned long long line, const char *in, size_t len) {
    if (tk_pipeline_add(r->pipe, kind, r->file, name, line, in, len)) return;
    if (!r->add_failed) fprintf(stderr, "%s: out of memory\n", name);
    r->add_failed = r->io_error = true;
}

static void note(run *r, int kind, const char *name, unsigned long long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void note(run *r, int kind, const char *name, unsigned long long line, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    if ((size_t)n >= sizeof msg) n = sizeof msg - 1;
    add(r, kind, name, line, msg, (size_t)n);
}

/* The input stalls (a pipe with nothing to read yet): write out what was
 * read so far. */
static void on_stall(void *ctx) {
    run *r = ctx;
    tk_pipeline_drain(r->pipe, r->src ? r->src->fd : -1);
    fflush(r->out);
}

/* A read that failed: why, in its place in the output. */
static void source_error(run *r, const char *name) {
    tk_source *src = r->src;
    if (src->status == TK_SRC_ECORRUPT) note(r, NOTE_CORRUPT, name, 0, "%s; rest of the file skipped", src->err);
    else if (src->status == TK_SRC_ENOMEM) note(r, NOTE_IOERR, name, 0, "out of memory");
    else note(r, NOTE_IOERR, name, 0, "read error: %s", strerror(src->err_errno));
}

static void code_jsonl(run *r, const char *name, tk_lines *lr) {
    const char *p;
    size_t n;
    for (;;) {
        tk_line_status ls = tk_lines_next(lr, &p, &n);
        if (ls == LINE_EOF) break;
        if (ls == LINE_ERROR) { source_error(r, name); return; }
        if (ls == LINE_TOO_LONG) {
            note(r, NOTE_REJECT, name, lr->lineno,
                 "record of %zu bytes exceeds the limit of %zu bytes; record skipped", n, r->max_bytes);
            continue;
        }
        r->bytes_in += n + 1;
        size_t k = 0;
        while (k < n && (p[k] == ' ' || p[k] == '\t')) k++;
        if (k == n) continue; /* blank line: nothing to code */
        add(r, SLOT_JSONL, name, lr->lineno, p, n);
    }
}

static void code_txt(run *r, const char *name, tk_lines *lr) {
    const char *buf;
    size_t n;
    if (!tk_lines_slurp(lr, r->max_bytes, &buf, &n)) { source_error(r, name); return; }
    if (n == 0) {
        note(r, NOTE_INFO, name, 0, "empty file, no stories");
    } else if (n > r->max_bytes) {
        note(r, NOTE_REJECT, name, 0, "story larger than the limit of %zu bytes; skipped", r->max_bytes);
    } else {
        r->bytes_in += n;
        const char *why = tk_sniff_binary(buf, n);
        if (why) note(r, NOTE_REJECT, name, 0, "%s, not a text story; skipped", why);
        else add(r, SLOT_TXT, name, 0, buf, n);
    }
}

static bool ends_with(const char *z, size_t a, const char *suffix) {
    size_t b = strlen(suffix);
    return a >= b && memcmp(z + a - b, suffix, b) == 0;
}

/* Which reader for this input: --input, else the extension (under a .gz
 * or .zst one), else the first non-blank byte ('{' means JSON Lines). */
static input_kind kind_for(const run *r, const char *path, int fd, const char *head, size_t nhead) {
    if (r->forced != IN_AUTO) return r->forced;
    size_t len = strlen(path);
    if (ends_with(path, len, ".gz")) len -= 3;
    else if (ends_with(path, len, ".zst")) len -= 4;
    else if (ends_with(path, len, ".zstd")) len -= 5;
    if (ends_with(path, len, ".jsonl") || ends_with(path, len, ".json") || ends_with(path, len, ".ndjson"))
        return IN_JSONL;
    if (ends_with(path, len, ".txt") || ends_with(path, len, ".text")) return IN_TXT;
    if (fd == 0) return IN_JSONL;
    for (size_t i = 0; i < nhead && i < 64; i++) {
        if (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t') continue;
        return head[i] == '{' ? IN_JSONL : IN_TXT;
    }
    return IN_TXT;
}

static void code_path(run *r, const char *path) {
    int fd;
    const char *name = path;
    r->file++;
    if (!strcmp(path, "-")) {
        fd = 0;
        name = "<stdin>";
    } else {
        fd = open(path, O_RDONLY);
        if (fd < 0) { note(r, NOTE_IOERR, path, 0, "cannot open: %s", strerror(errno)); return; }
        struct stat sb;
        if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            note(r, NOTE_IOERR, path, 0, "is a directory, not a file of stories");
            close(fd);
            return;
        }
    }
    tk_source src;
    tk_lines lr;
    bool lines_ok = false;
    r->src = &src;
    if (!tk_source_open(&src, fd)) {
        source_error(r, name);
        goto done;
    }
    src.stall = on_stall;
    src.stall_ctx = r;
    if (!(lines_ok = tk_lines_open(&lr, &src, r->max_bytes))) {
        note(r, NOTE_IOERR, name, 0, "out of memory");
        goto done;
    }
    const char *head;
    size_t nhead;
    if (!tk_lines_peek(&lr, &head, &nhead)) {
        source_error(r, name);
        goto done;
    }
    if (kind_for(r, path, fd, head, nhead) == IN_TXT) {
        code_txt(r, name, &lr);
    } else if (nhead == 0) {
        note(r, NOTE_INFO, name, 0, "empty file, no stories");
    } else {
        const char *why = tk_sniff_binary(head, nhead);
        if (why) note(r, NOTE_REJECT, name, 0, "%s, not JSON Lines text; skipped", why);
        else code_jsonl(r, name, &lr);
    }
done:
    if (lines_ok) tk_lines_close(&lr);
    r->raw_done += src.raw_bytes;
    r->src = NULL;
    tk_source_close(&src);
    if (fd != 0) close(fd);
}

static FILE *open_output(const char *path) {
    int n = snprintf(tmp_path, sizeof tmp_path, "%s.tmp.XXXXXX", path);
    if (n < 0 || (size_t)n >= sizeof tmp_path) {
        fprintf(stderr, "%s: output path too long\n", path);
        tmp_path[0] = '\0';
        return NULL;
    }
    int fd = mkstemp(tmp_path);
    if (fd < 0) {
        fprintf(stderr, "%s: cannot create output: %s\n", path, strerror(errno));
        tmp_path[0] = '\0';
        return NULL;
    }
    fchmod(fd, 0644);
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
    signal(SIGPIPE, on_signal);
    FILE *f = fdopen(fd, "w");
    if (!f) {
        close(fd);
        unlink(tmp_path);
        tmp_path[0] = '\0';
    }
    return f;
}

/* Bytes in all the inputs when every one is a regular file (for the
 * progress line's ETA); 0 when any is a pipe or a terminal. */
static uint64_t total_size(char **paths, int n) {
    uint64_t total = 0;
    struct stat sb;
    if (n == 0) return fstat(0, &sb) == 0 && S_ISREG(sb.st_mode) ? (uint64_t)sb.st_size : 0;
    for (int i = 0; i < n; i++) {
        if (!strcmp(paths[i], "-") ? fstat(0, &sb) != 0 : stat(paths[i], &sb) != 0) continue;
        if (!S_ISREG(sb.st_mode)) return 0;
        total += (uint64_t)sb.st_size;
    }
    return total;
}

static unsigned online_cores(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (unsigned)n;
}

int tk_cmd_code(int argc, char **argv) {
    static const struct option longopts[] = {
        {"format", required_argument, 0, 'f'}, {"output", required_argument, 0, 'o'},
        {"input", required_argument, 0, 'i'},  {"sentences", no_argument, 0, 's'},
        {"tokens", no_argument, 0, 't'},       {"max-bytes", required_argument, 0, 'm'},
        {"stats", no_argument, 0, 'S'},        {"dict", required_argument, 0, 'D'},
        {"no-events", no_argument, 0, 'E'},    {"no-quotes", no_argument, 0, 'Q'},
        {"tabari-stems", no_argument, 0, 'T'}, {"frames", required_argument, 0, 'F'},
        {"dedup", required_argument, 0, 'U'},
        {"threads", required_argument, 0, 'j'}, {"quiet", no_argument, 0, 'q'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    run r;
    memset(&r, 0, sizeof r);
    r.max_bytes = 16u * 1024 * 1024;
    const char *out_path = NULL;
    bool tsv = false, stats = false, no_events = false, no_quotes = false, tabari_stems = false, quiet = false;
    unsigned nthreads = online_cores();
    int replace_dicts = 0, frames = 0;
    const char *dicts[32];
    size_t ndicts = 0;
    unsigned long dict_warnings = 0;
    double t0 = tk_now();
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:o:j:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!strcmp(optarg, "jsonl")) r.cfg.format = TK_FORMAT_JSONL;
            else if (!strcmp(optarg, "text")) r.cfg.format = TK_FORMAT_TEXT;
            else if (!strcmp(optarg, "tsv")) { r.cfg.format = TK_FORMAT_TSV; tsv = true; }
            else { fprintf(stderr, "tarikh code: unknown format '%s' (jsonl, text, tsv)\n", optarg); return TK_EXIT_USAGE; }
            break;
        case 'o': out_path = optarg; break;
        case 'i':
            if (!strcmp(optarg, "jsonl")) r.forced = IN_JSONL;
            else if (!strcmp(optarg, "txt")) r.forced = IN_TXT;
            else { fprintf(stderr, "tarikh code: unknown input kind '%s' (jsonl, txt)\n", optarg); return TK_EXIT_USAGE; }
            break;
        case 's': r.cfg.flags |= TK_RENDER_SENTENCES; break;
        case 't': r.cfg.flags |= TK_RENDER_TOKENS | TK_RENDER_SENTENCES; break;
        case 'm': {
            char *end;
            unsigned long long v = strtoull(optarg, &end, 10);
            if (*end || v < 1 || v > (1ull << 31)) {
                fprintf(stderr, "tarikh code: --max-bytes wants a number from 1 to 2147483648\n");
                return TK_EXIT_USAGE;
            }
            r.max_bytes = (size_t)v;
            break;
        }
        case 'j': {
            char *end;
            unsigned long v = strtoul(optarg, &end, 10);
            if (!*optarg || *end || optarg[0] == '-' || v < 1 || v > MAX_THREADS) {
                fprintf(stderr, "tarikh code: --threads wants a number from 1 to %d, not '%s'\n",
                        MAX_THREADS, optarg);
                return TK_EXIT_USAGE;
            }
            nthreads = (unsigned)v;
            break;
        }
        case 'q': quiet = true; break;
        case 'S': stats = true; break;
        case 'E': no_events = true; break;
        case 'Q': no_quotes = true; break;
        case 'T': tabari_stems = true; break;
        case 'F':
            if ((frames = tk_on_off(optarg)) == 0) {
                fprintf(stderr, "tarikh code: --frames wants on or off, not '%s'\n", optarg);
                return TK_EXIT_USAGE;
            }
            break;
        case 'U':
            if (!strcmp(optarg, "story")) r.dedup = DEDUP_STORY;
            else if (!strcmp(optarg, "day")) r.dedup = DEDUP_DAY;
            else { fprintf(stderr, "tarikh code: --dedup wants story or day, not '%s'\n", optarg); return TK_EXIT_USAGE; }
            break;
        case 'D':
            if (!tk_dict_arg(dicts, &ndicts, sizeof dicts / sizeof *dicts, optarg, &replace_dicts)) {
                fputs("tarikh code: too many --dict options\n", stderr);
                return TK_EXIT_USAGE;
            }
            break;
        case 'h': fputs(code_usage, stdout); return TK_EXIT_OK;
        default: fputs(code_usage, stderr); return TK_EXIT_USAGE;
        }
    }
    if (!tk_dict_paths_readable(dicts, ndicts, "tarikh code")) return TK_EXIT_USAGE;
    tk_options opts = {.max_story_bytes = r.max_bytes, .dict_paths = dicts, .ndict_paths = ndicts,
                       .no_builtin_dicts = replace_dicts, .diag = dict_diag,
                       .diag_ctx = &dict_warnings, .no_events = no_events, .no_quotes = no_quotes,
                       .tabari_stems = tabari_stems, .frames = frames,
                       .dedup_story = r.dedup != DEDUP_NONE};
    if (r.dedup == DEDUP_DAY) {
        r.cfg.flags |= TK_RENDER_EVENT_SPANS;
        if (!(r.days = tk_dedup_new(TK_DEDUP_DATES, TK_DEDUP_KEYS))) {
            fputs("tarikh: out of memory\n", stderr);
            return TK_EXIT_USAGE;
        }
    }
    tk_engine *engine = tk_engine_new(&opts);
    /* --threads 1: no threads at all, each story coded as it is read */
    r.pipe = engine ? tk_pipeline_new(engine, nthreads > 1 ? nthreads : 0, work, &r.cfg, emit, &r) : NULL;
    if (!r.pipe) {
        fputs("tarikh: out of memory\n", stderr);
        tk_engine_free(engine);
        tk_dedup_free(r.days);
        return TK_EXIT_USAGE;
    }
    if (dict_warnings)
        fprintf(stderr, "tarikh: %lu warning%s in the dictionaries (`tarikh dict check` lists them)\n",
                dict_warnings, dict_warnings == 1 ? "" : "s");
    r.out = stdout;
    if (out_path && !(r.out = open_output(out_path))) {
        tk_pipeline_free(r.pipe);
        tk_engine_free(engine);
        tk_dedup_free(r.days);
        return TK_EXIT_USAGE;
    }
    static char outbuf[1 << 16];
    setvbuf(r.out, outbuf, _IOFBF, sizeof outbuf);
    if (tsv) fputs(tk_tsv_header(), r.out);

    bool tty = isatty(2) && !quiet;
    tk_progress_start(&r.progress, tty, total_size(argv + optind, argc - optind));
    if (optind >= argc) code_path(&r, "-");
    for (int i = optind; i < argc; i++) code_path(&r, argv[i]);
    tk_pipeline_free(r.pipe); /* emits what is still in flight */
    tk_progress_clear(&r.progress);

    if (fflush(r.out) != 0 || ferror(r.out)) r.write_error = true;
    if (out_path) {
        if (!r.write_error && fsync(fileno(r.out)) != 0) r.write_error = true;
        if (fclose(r.out) != 0) r.write_error = true;
        if (!r.write_error && rename(tmp_path, out_path) != 0) {
            fprintf(stderr, "%s: cannot rename output into place: %s\n", out_path, strerror(errno));
            r.write_error = true;
        }
        if (r.write_error) unlink(tmp_path);
        tmp_path[0] = '\0';
    }
    if (r.write_error) fprintf(stderr, "tarikh: error writing output: %s\n", strerror(errno));
    if (r.rejected)
        fprintf(stderr, "tarikh: %llu record%s rejected, %llu coded\n", r.rejected,
                r.rejected == 1 ? "" : "s", r.stories);
    if (r.days && tk_dedup_failed(r.days))
        fputs("tarikh: out of memory in --dedup day: some repeated events were kept\n", stderr);
    if (stats || tty) {
        double secs = tk_now() - t0;
        char dropped[64] = "";
        if (r.dedup) snprintf(dropped, sizeof dropped, " (%llu repeated events dropped)", r.dropped);
        fprintf(stderr,
                "tarikh: %llu stories, %llu sentences, %llu events%s, %llu quotes, %llu warnings, %llu rejected, "
                "%.1f MB in %.3f s (%.0f stories/s, %.0f sentences/s, %.1f MB/s), %u thread%s\n",
                r.stories, r.sentences, r.events, dropped, r.quotes, r.warnings, r.rejected, (double)r.bytes_in / 1e6, secs,
                secs > 0 ? (double)r.stories / secs : 0, secs > 0 ? (double)r.sentences / secs : 0,
                secs > 0 ? (double)r.bytes_in / 1e6 / secs : 0, nthreads, nthreads == 1 ? "" : "s");
    }
    tk_engine_free(engine);
    tk_dedup_free(r.days);
    free(r.keep);
    if (r.io_error || r.write_error) return TK_EXIT_USAGE;
    return r.rejected ? TK_EXIT_REJECTED : TK_EXIT_OK;
}
