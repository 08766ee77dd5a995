/* dict.c — `tarikh dict check|stats|lookup`: validate dictionaries,
 * count what they hold, look a phrase up. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "input.h"
#include "tarikh.h"

static const char dict_usage[] =
    "usage: tarikh dict check [--strict] [--quiet] DIR|FILE...\n"
    "       tarikh dict stats [--dict [+]DIR]...\n"
    "       tarikh dict lookup \"PHRASE\" [--date YYYY-MM-DD] [--dict [+]DIR]...\n"
    "\n"
    "check   reads dictionaries (TABARI or PETRARCH actors, agents, verbs,\n"
    "        discards, issues, and our places: the kind is told by the file\n"
    "        name) and reports problems as FILE:LINE: warning|error: reason;\n"
    "        exits 1 on errors\n"
    "        (with --strict, a malformed line is an error, not a warning)\n"
    "stats   counts per kind in the built-in dictionaries, or in --dict ones\n"
    "lookup  which entries match the phrase and the code that results\n"
    "\n"
    "--dict DIR replaces the built-in dictionaries; --dict +DIR adds to them.\n";

typedef struct diag_state {
    bool quiet;
    unsigned long warnings, errors;
} diag_state;

static void print_diag(void *ctx, const char *file, unsigned line, int is_error, const char *msg) {
    diag_state *ds = ctx;
    if (is_error) ds->errors++; else ds->warnings++;
    if (ds->quiet && !is_error) return;
    if (line) fprintf(stderr, "%s:%u: %s: %s\n", file, line, is_error ? "error" : "warning", msg);
    else fprintf(stderr, "%s: %s: %s\n", file, is_error ? "error" : "warning", msg);
}

static void print_stats(const tk_dict_stats *st) {
    printf("files       %zu\n", st->files);
    printf("cameo       %zu event codes\n", st->cameo_codes);
    printf("actors      %zu entries, %zu phrases\n", st->actors, st->actor_phrases);
    printf("agents      %zu entries, %zu phrases\n", st->agents, st->agent_phrases);
    printf("verbs       %zu entries, %zu phrases, %zu patterns, %zu synsets, %zu transformations\n",
           st->verbs, st->verb_phrases, st->patterns, st->synsets, st->transforms);
    printf("discards    %zu\n", st->discards);
    printf("issues      %zu\n", st->issues);
    printf("places      %zu entries, %zu phrases\n", st->places, st->place_phrases);
    printf("trie        %zu words, %zu nodes\n", st->words, st->trie_nodes);
    printf("problems    %zu warnings, %zu errors\n", st->warnings, st->errors);
}

int tk_cmd_dict(int argc, char **argv) {
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs(dict_usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? TK_EXIT_USAGE : TK_EXIT_OK;
    }
    const char *sub = argv[1];
    static const struct option longopts[] = {{"strict", no_argument, 0, 's'},
                                             {"quiet", no_argument, 0, 'q'},
                                             {"dict", required_argument, 0, 'd'},
                                             {"date", required_argument, 0, 't'},
                                             {"help", no_argument, 0, 'h'},
                                             {0, 0, 0, 0}};
    tk_options opts;
    memset(&opts, 0, sizeof opts);
    const char *paths[64];
    size_t npaths = 0;
    const char *date = NULL;
    diag_state ds = {false, 0, 0};
    int c;
    optind = 2;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 's': opts.strict = 1; break;
        case 'q': ds.quiet = true; break;
        case 'd':
            if (!tk_dict_arg(paths, &npaths, 64, optarg, &opts.no_builtin_dicts)) {
                fputs("tarikh dict: too many --dict options\n", stderr);
                return TK_EXIT_USAGE;
            }
            break;
        case 't': date = optarg; break;
        case 'h': fputs(dict_usage, stdout); return TK_EXIT_OK;
        default: fputs(dict_usage, stderr); return TK_EXIT_USAGE;
        }
    }
    /* a --dict that is not there: stats and lookup would answer for
     * nothing */
    if (strcmp(sub, "check") != 0 && !tk_dict_paths_readable(paths, npaths, "tarikh dict")) return TK_EXIT_USAGE;
    opts.dict_paths = paths;
    opts.ndict_paths = npaths;
    opts.diag = print_diag;
    opts.diag_ctx = &ds;
    /* stats and lookup count problems; check lists them */
    if (strcmp(sub, "check") != 0) ds.quiet = true;
    if (!strcmp(sub, "check")) {
        if (optind >= argc) {
            fputs("tarikh dict check: name the dictionaries to check (files or directories)\n", stderr);
            return TK_EXIT_USAGE;
        }
        opts.no_builtin_dicts = 1;
        for (int i = optind; i < argc; i++)
            if (npaths < 64) paths[npaths++] = argv[i];
        opts.dict_paths = paths;
        opts.ndict_paths = npaths;
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        tk_engine *e = tk_engine_new(&opts);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        if (!e && !ds.errors) {
            fputs("tarikh dict check: out of memory\n", stderr);
            return TK_EXIT_USAGE;
        }
        tk_dict_stats st;
        memset(&st, 0, sizeof st);
        if (e) tk_engine_dict_stats(e, &st);
        printf("checked %zu files in %.3f s: %zu actors, %zu agents, %zu verbs (%zu patterns), "
               "%zu discards, %zu issues, %zu places; %lu warnings, %lu errors\n",
               st.files, (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
               st.actors, st.agents, st.verbs, st.patterns, st.discards, st.issues, st.places, ds.warnings,
               ds.errors);
        tk_engine_free(e);
        return ds.errors ? TK_EXIT_REJECTED : TK_EXIT_OK;
    }
    if (!strcmp(sub, "stats")) {
        tk_engine *e = tk_engine_new(&opts);
        if (!e) {
            fputs("tarikh dict stats: the dictionaries could not be loaded\n", stderr);
            return TK_EXIT_USAGE;
        }
        tk_dict_stats st;
        tk_engine_dict_stats(e, &st);
        print_stats(&st);
        tk_engine_free(e);
        return TK_EXIT_OK;
    }
    if (!strcmp(sub, "lookup")) {
        if (optind >= argc) {
            fputs("tarikh dict lookup: give the phrase to look up\n", stderr);
            return TK_EXIT_USAGE;
        }
        return tk_cli_report_each(&opts, tk_story_lookup, argv + optind, argc - optind, date,
                                  "tarikh dict lookup");
    }
    fprintf(stderr, "tarikh dict: unknown subcommand '%s'\n\n%s", sub, dict_usage);
    return TK_EXIT_USAGE;
}
