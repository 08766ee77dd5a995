/* main.c — the tarikh command: dispatches to subcommands, prints help and
 * version. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "tarikh.h"

static const char usage[] =
    "usage: tarikh <command> [options]\n"
    "\n"
    "commands:\n"
    "  code [FILE...]     code news stories (.jsonl, .txt, or stdin) into one\n"
    "                     JSON record per story; see `tarikh code --help`\n"
    "  dict check|stats|lookup\n"
    "                     validate dictionaries, count them, look a phrase up;\n"
    "                     see `tarikh dict --help`\n"
    "  explain \"SENTENCE\" [--date D]\n"
    "                     why a sentence is coded as it is: tokens, matches,\n"
    "                     patterns tried, events\n"
    "  help               this text\n"
    "  version            print the version\n"
    "\n"
    "exit codes:\n"
    "  0  every record was coded\n"
    "  1  some records or files were rejected (each reported on stderr as\n"
    "     FILE:LINE: reason, or FILE: reason for a binary file or corrupt\n"
    "     compressed data); the rest was coded\n"
    "  2  usage error, or an input/output error (missing file, directory,\n"
    "     unwritable output, a --dict path that is not there)\n";

int main(int argc, char **argv) {
    if (argc < 2) {
        fputs(usage, stderr);
        return TK_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "code")) return tk_cmd_code(argc - 1, argv + 1);
    if (!strcmp(cmd, "dict")) return tk_cmd_dict(argc - 1, argv + 1);
    if (!strcmp(cmd, "explain")) return tk_cmd_explain(argc - 1, argv + 1);
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
        fputs(usage, stdout);
        return TK_EXIT_OK;
    }
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
        printf("tarikh %s\n", TK_VERSION);
        return TK_EXIT_OK;
    }
    fprintf(stderr, "tarikh: unknown command '%s'\n\n%s", cmd, usage);
    return TK_EXIT_USAGE;
}
