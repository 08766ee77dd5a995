/* explain.c — `tarikh explain "SENTENCE"`: why the coder codes a sentence
 * the way it does (tokens, dictionary matches, phrases, patterns tried,
 * events); and the loop it shares with `dict lookup`, one report per
 * argument. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "input.h"
#include "tarikh.h"

static const char explain_usage[] =
    "usage: tarikh explain \"SENTENCE\" [--date YYYY-MM-DD] [--dict [+]DIR]... [--tabari-stems]\n"
    "                      [--frames on|off]\n"
    "\n"
    "Shows the tokens and their tags, each dictionary match with its file:line,\n"
    "the actor phrases and their codes, each verb with every pattern tried and\n"
    "whether it matched, and the events that result.\n";

int tk_cli_report_each(const tk_options *opts, tk_report_fn report, char **texts, int n, const char *date,
                       const char *prog) {
    tk_engine *e = tk_engine_new(opts);
    tk_story *s = e ? tk_story_new(e) : NULL;
    if (!s) {
        fprintf(stderr, "%s: the dictionaries could not be loaded\n", prog);
        tk_engine_free(e);
        return TK_EXIT_USAGE;
    }
    int rc = TK_EXIT_OK;
    for (int i = 0; i < n; i++) {
        const char *out;
        size_t len;
        if (report(s, texts[i], strlen(texts[i]), date, &out, &len) != TK_OK) {
            fprintf(stderr, "%s: %s\n", prog, tk_story_errmsg(s));
            rc = TK_EXIT_USAGE;
            break;
        }
        fwrite(out, 1, len, stdout);
    }
    tk_story_free(s);
    tk_engine_free(e);
    return rc;
}

int tk_cmd_explain(int argc, char **argv) {
    static const struct option longopts[] = {{"date", required_argument, 0, 'd'},
                                             {"dict", required_argument, 0, 'D'},
                                             {"tabari-stems", no_argument, 0, 'T'},
                                             {"frames", required_argument, 0, 'F'},
                                             {"help", no_argument, 0, 'h'},
                                             {0, 0, 0, 0}};
    tk_options opts;
    memset(&opts, 0, sizeof opts);
    const char *paths[32];
    size_t npaths = 0;
    const char *date = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': date = optarg; break;
        case 'D':
            if (!tk_dict_arg(paths, &npaths, 32, optarg, &opts.no_builtin_dicts)) {
                fputs("tarikh explain: too many --dict options\n", stderr);
                return TK_EXIT_USAGE;
            }
            break;
        case 'T': opts.tabari_stems = 1; break;
        case 'F':
            if ((opts.frames = tk_on_off(optarg)) == 0) {
                fprintf(stderr, "tarikh explain: --frames wants on or off, not '%s'\n", optarg);
                return TK_EXIT_USAGE;
            }
            break;
        case 'h': fputs(explain_usage, stdout); return TK_EXIT_OK;
        default: fputs(explain_usage, stderr); return TK_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fputs(explain_usage, stderr);
        return TK_EXIT_USAGE;
    }
    if (!tk_dict_paths_readable(paths, npaths, "tarikh explain")) return TK_EXIT_USAGE;
    opts.dict_paths = paths;
    opts.ndict_paths = npaths;
    return tk_cli_report_each(&opts, tk_story_explain, argv + optind, argc - optind, date, "tarikh explain");
}
