/* code.c — `tarikh code`: reads stories from files or stdin, codes each one
 * and writes one record per story in input order. Bad records are
 * reported as FILE:LINE: reason and skipped; the rest is still coded.
 * With -o the output is written to a temporary file renamed into place at
 * the end, so an interrupted run never leaves a half file. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "input.h"
#include "tarikh.h"

#define MAX_ERRORS_PER_FILE 100

static const char code_usage[] =
    "usage: tarikh code [options] [FILE...]\n"
    "\n"
    "Codes news stories. FILE is .jsonl (one story per line: id, date, source,\n"
    "url, title, text; other fields are kept under \"meta\") or .txt (one story\n"
    "per file; the first line is the title when a blank line follows it).\n"
    "No FILE, or -, reads stdin.\n"
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
    "      --no-events     read, clean and segment only (no events, no quotes)\n"
    "      --no-quotes     do not look for quotations\n"
    "      --tabari-stems  read --dict dictionaries with TABARI's stem rule (a\n"
    "                      word without a trailing _ matches words it begins)\n"
    "      --stats         print a summary line on stderr at the end (stories,\n"
    "                      sentences, warnings, rejected records, bytes, time)\n"
    "  -h, --help          this text\n"
    "\n"
    "exit codes: 0 all coded; 1 some records or files rejected; 2 usage or\n"
    "input/output error.\n";

typedef enum { IN_AUTO, IN_JSONL, IN_TXT } input_kind;

typedef struct run {
    tk_story *story;
    FILE *out;
    tk_format format;
    unsigned flags;
    input_kind forced;
    size_t max_bytes;
    unsigned long long stories, rejected, sentences, warnings, events;
    unsigned long long bytes_in;
    bool io_error, write_error;
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

static void emit(run *r) {
    const char *out;
    size_t len;
    tk_status st = tk_story_render(r->story, r->format, r->flags, &out, &len);
    if (st != TK_OK) {
        fprintf(stderr, "tarikh: %s\n", tk_story_errmsg(r->story));
        r->io_error = true;
        return;
    }
    if (len && fwrite(out, 1, len, r->out) != len) r->write_error = true;
}

static void report(run *r, const char *name, unsigned long long line, size_t *nerr,
                   const char *fmt, const char *msg) {
    r->rejected++;
    (*nerr)++;
    if (*nerr <= MAX_ERRORS_PER_FILE) {
        if (line) fprintf(stderr, "%s:%llu: ", name, line);
        else fprintf(stderr, "%s: ", name);
        fprintf(stderr, fmt, msg);
        fputc('\n', stderr);
    } else if (*nerr == MAX_ERRORS_PER_FILE + 1) {
        fprintf(stderr, "%s: more than %d errors; further errors in this file are counted but not shown\n",
                name, MAX_ERRORS_PER_FILE);
    }
}

static void code_story(run *r, const char *name, unsigned long long line, size_t *nerr) {
    tk_status st = tk_story_code(r->story);
    if (st != TK_OK) {
        report(r, name, line, nerr, "%s", tk_story_errmsg(r->story));
        return;
    }
    r->stories++;
    r->sentences += tk_story_sentence_count(r->story);
    r->warnings += tk_story_warning_count(r->story);
    r->events += tk_story_event_count(r->story);
    emit(r);
}

static void code_jsonl(run *r, const char *name, int fd) {
    tk_lines lr;
    if (!tk_lines_open(&lr, fd, r->max_bytes)) {
        fprintf(stderr, "%s: out of memory\n", name);
        r->io_error = true;
        return;
    }
    const char *p;
    size_t n, nerr = 0;
    if (!tk_lines_peek(&lr, &p, &n)) goto read_error;
    if (n == 0) {
        fprintf(stderr, "%s: empty file, no stories\n", name);
        tk_lines_close(&lr);
        return;
    }
    const char *why = tk_sniff_binary(p, n);
    if (why) {
        report(r, name, 0, &nerr, "%s, not JSON Lines text; skipped", why);
        tk_lines_close(&lr);
        return;
    }
    char idbuf[4200];
    for (;;) {
        tk_line_status ls = tk_lines_next(&lr, &p, &n);
        if (ls == LINE_EOF) break;
        if (ls == LINE_ERROR) goto read_error;
        if (ls == LINE_TOO_LONG) {
            char msg[160];
            snprintf(msg, sizeof msg, "record of %zu bytes exceeds the limit of %zu bytes", n,
                     r->max_bytes);
            report(r, name, lr.lineno, &nerr, "%s; record skipped", msg);
            continue;
        }
        r->bytes_in += n + 1;
        size_t k = 0;
        while (k < n && (p[k] == ' ' || p[k] == '\t')) k++;
        if (k == n) continue; /* blank line: nothing to code */
        snprintf(idbuf, sizeof idbuf, "%s:%llu", name, (unsigned long long)lr.lineno);
        tk_status st = tk_story_load_jsonl(r->story, p, n, idbuf);
        if (st == TK_ENOMEM) {
            fprintf(stderr, "%s:%llu: out of memory\n", name, (unsigned long long)lr.lineno);
            r->io_error = true;
            r->rejected++;
            continue;
        }
        if (st != TK_OK) {
            report(r, name, lr.lineno, &nerr, "%s; record skipped", tk_story_errmsg(r->story));
            continue;
        }
        code_story(r, name, lr.lineno, &nerr);
    }
    tk_lines_close(&lr);
    return;
read_error:
    fprintf(stderr, "%s: read error: %s\n", name, strerror(lr.err));
    r->io_error = true;
    tk_lines_close(&lr);
}

static void code_txt(run *r, const char *name, int fd) {
    char *buf;
    size_t n, nerr = 0;
    if (!tk_read_all(fd, r->max_bytes, &buf, &n)) {
        fprintf(stderr, "%s: read error: %s\n", name, strerror(errno));
        r->io_error = true;
        return;
    }
    if (n == 0) {
        fprintf(stderr, "%s: empty file, no stories\n", name);
    } else if (n > r->max_bytes) {
        char msg[160];
        snprintf(msg, sizeof msg, "story larger than the limit of %zu bytes", r->max_bytes);
        report(r, name, 0, &nerr, "%s; skipped", msg);
    } else {
        r->bytes_in += n;
        const char *why = tk_sniff_binary(buf, n);
        if (why) {
            report(r, name, 0, &nerr, "%s, not a text story; skipped", why);
        } else {
            const char *base = strrchr(name, '/');
            base = base ? base + 1 : name;
            tk_status st = tk_story_load_text(r->story, buf, n, base);
            if (st != TK_OK) report(r, name, 0, &nerr, "%s; skipped", tk_story_errmsg(r->story));
            else code_story(r, name, 0, &nerr);
        }
    }
    free(buf);
}

static bool ends_with(const char *z, const char *suffix) {
    size_t a = strlen(z), b = strlen(suffix);
    return a >= b && strcmp(z + a - b, suffix) == 0;
}

/* Which reader for this input: --input, else the extension, else the
 * first non-blank byte ('{' means JSON Lines). */
static input_kind kind_for(const run *r, const char *path, int fd) {
    if (r->forced != IN_AUTO) return r->forced;
    if (ends_with(path, ".jsonl") || ends_with(path, ".json") || ends_with(path, ".ndjson"))
        return IN_JSONL;
    if (ends_with(path, ".txt") || ends_with(path, ".text")) return IN_TXT;
    if (fd == 0) return IN_JSONL;
    char c[64];
    ssize_t k = pread(fd, c, sizeof c, 0);
    for (ssize_t i = 0; i < k; i++) {
        if (c[i] == ' ' || c[i] == '\n' || c[i] == '\r' || c[i] == '\t') continue;
        return c[i] == '{' ? IN_JSONL : IN_TXT;
    }
    return IN_TXT;
}

static void code_path(run *r, const char *path) {
    int fd;
    const char *name = path;
    if (!strcmp(path, "-")) {
        fd = 0;
        name = "<stdin>";
    } else {
        fd = open(path, O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "%s: cannot open: %s\n", path, strerror(errno));
            r->io_error = true;
            return;
        }
        struct stat sb;
        if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            fprintf(stderr, "%s: is a directory, not a file of stories\n", path);
            r->io_error = true;
            close(fd);
            return;
        }
    }
    if (kind_for(r, path, fd) == IN_TXT) code_txt(r, name, fd);
    else code_jsonl(r, name, fd);
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

int tk_cmd_code(int argc, char **argv) {
    static const struct option longopts[] = {
        {"format", required_argument, 0, 'f'}, {"output", required_argument, 0, 'o'},
        {"input", required_argument, 0, 'i'},  {"sentences", no_argument, 0, 's'},
        {"tokens", no_argument, 0, 't'},       {"max-bytes", required_argument, 0, 'm'},
        {"stats", no_argument, 0, 'S'},        {"dict", required_argument, 0, 'D'},
        {"no-events", no_argument, 0, 'E'},    {"no-quotes", no_argument, 0, 'Q'},    {"tabari-stems", no_argument, 0, 'T'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    run r;
    memset(&r, 0, sizeof r);
    r.max_bytes = 16u * 1024 * 1024;
    const char *out_path = NULL;
    bool tsv = false, stats = false, no_events = false, no_quotes = false, tabari_stems = false;
    int replace_dicts = 0;
    const char *dicts[32];
    size_t ndicts = 0;
    unsigned long dict_warnings = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:o:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!strcmp(optarg, "jsonl")) r.format = TK_FORMAT_JSONL;
            else if (!strcmp(optarg, "text")) r.format = TK_FORMAT_TEXT;
            else if (!strcmp(optarg, "tsv")) { r.format = TK_FORMAT_TSV; tsv = true; }
            else { fprintf(stderr, "tarikh code: unknown format '%s' (jsonl, text, tsv)\n", optarg); return TK_EXIT_USAGE; }
            break;
        case 'o': out_path = optarg; break;
        case 'i':
            if (!strcmp(optarg, "jsonl")) r.forced = IN_JSONL;
            else if (!strcmp(optarg, "txt")) r.forced = IN_TXT;
            else { fprintf(stderr, "tarikh code: unknown input kind '%s' (jsonl, txt)\n", optarg); return TK_EXIT_USAGE; }
            break;
        case 's': r.flags |= TK_RENDER_SENTENCES; break;
        case 't': r.flags |= TK_RENDER_TOKENS | TK_RENDER_SENTENCES; break;
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
        case 'S': stats = true; break;
        case 'E': no_events = true; break;
        case 'Q': no_quotes = true; break;
        case 'T': tabari_stems = true; break;
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
                       .tabari_stems = tabari_stems};
    tk_engine *engine = tk_engine_new(&opts);
    r.story = engine ? tk_story_new(engine) : NULL;
    if (!r.story) {
        fputs("tarikh: out of memory\n", stderr);
        tk_engine_free(engine);
        return TK_EXIT_USAGE;
    }
    if (dict_warnings)
        fprintf(stderr, "tarikh: %lu warning%s in the dictionaries (`tarikh dict check` lists them)\n",
                dict_warnings, dict_warnings == 1 ? "" : "s");
    r.out = stdout;
    if (out_path && !(r.out = open_output(out_path))) {
        tk_story_free(r.story);
        tk_engine_free(engine);
        return TK_EXIT_USAGE;
    }
    static char outbuf[1 << 16];
    setvbuf(r.out, outbuf, _IOFBF, sizeof outbuf);
    if (tsv) fputs(tk_tsv_header(), r.out);

    if (optind >= argc) code_path(&r, "-");
    for (int i = optind; i < argc; i++) code_path(&r, argv[i]);

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
    if (stats) {
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        fprintf(stderr,
                "tarikh: %llu stories, %llu sentences, %llu events, %llu warnings, %llu rejected, "
                "%.1f MB in %.3f s (%.0f stories/s, %.0f sentences/s, %.1f MB/s)\n",
                r.stories, r.sentences, r.events, r.warnings, r.rejected, (double)r.bytes_in / 1e6, secs,
                secs > 0 ? (double)r.stories / secs : 0, secs > 0 ? (double)r.sentences / secs : 0,
                secs > 0 ? (double)r.bytes_in / 1e6 / secs : 0);
    }
    tk_story_free(r.story);
    tk_engine_free(engine);
    if (r.io_error || r.write_error) return TK_EXIT_USAGE;
    return r.rejected ? TK_EXIT_REJECTED : TK_EXIT_OK;
}
