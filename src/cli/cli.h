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

int tk_cmd_code(int argc, char **argv);
int tk_cmd_dict(int argc, char **argv);
int tk_cmd_explain(int argc, char **argv);

#endif
