/* cli.h — the subcommands of the tarikh command line, and the exit codes
 * they share. */
#ifndef TK_CLI_H
#define TK_CLI_H

/* Exit codes (documented in `tarikh --help` and the README). */
enum {
    TK_EXIT_OK = 0,       /* every record coded */
    TK_EXIT_REJECTED = 1, /* some records or files were rejected (reported on stderr) */
    TK_EXIT_USAGE = 2     /* usage error, or an input/output error */
};

#include "tarikh.h"

/* A report on one phrase or sentence (tk_story_lookup, tk_story_explain). */
typedef tk_status (*tk_report_fn)(tk_story *story, const char *text, size_t len, const char *date,
                                  const char **out, size_t *out_len);

/* Loads the dictionaries of opts and prints report() of each of texts[0..n)
 * to stdout; errors go to stderr under prog's name. Returns an exit code. */
int tk_cli_report_each(const tk_options *opts, tk_report_fn report, char **texts, int n, const char *date,
                       const char *prog);

int tk_cmd_code(int argc, char **argv);
int tk_cmd_dict(int argc, char **argv);
int tk_cmd_explain(int argc, char **argv);

#endif
