/* fuzz_dict.c — libFuzzer entry point for the dictionary readers: the
 * first byte picks the kind (actors, agents, verbs, discards, issues,
 * places), the rest is the file's text; what loads is then matched against
 * a few words. Build with `make fuzz`, run with `make fuzz-run-dict`. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "dict/dict.h"

static void on_hit(void *ctx, const tk_dict_match *m) {
    const tk_dict *d = ctx;
    (void)tk_dict_code_on(d, &d->entries[m->entry], 20210901);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    int kind = 1 + data[0] % 6; /* TK_ENTRY_ACTOR .. TK_ENTRY_PLACE */
    tk_dict d;
    tk_dict_init(&d);
    d.strict = data[0] & 0x80;
    d.tabari_stems = data[0] & 0x40;
    tk_dict_load_text(&d, "fuzz", (const char *)data + 1, size - 1, kind);
    static const char *const words[] = {"the", "taliban", "police", "accused", "kabul", "of", "s"};
    tk_word w[7];
    for (int i = 0; i < 7; i++) w[i] = (tk_word){words[i], (uint32_t)strlen(words[i])};
    tk_dict_match_words(&d, w, 7, on_hit, &d);
    tk_dict_free(&d);
    return 0;
}
