/* fuzz_reader.c — libFuzzer entry point for the story reader and the whole
 * clean/segment/render path: the input is read as a JSON Lines record or,
 * when its first byte is odd, as a plain-text story; every output format is
 * rendered. Build with `make fuzz`, run with `make fuzz-run`. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tarikh.h"

static tk_engine *engine;
static tk_story *story;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    tk_options opts = {.max_story_bytes = 1 << 20};
    engine = tk_engine_new(&opts);
    story = tk_story_new(engine);
    return story ? 0 : 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    int as_text = data[0] & 1;
    const char *p = (const char *)data + 1;
    size_t n = size - 1;
    tk_status st = as_text ? tk_story_load_text(story, p, n, "fuzz")
                           : tk_story_load_jsonl(story, p, n, "fuzz:1");
    if (st != TK_OK) return 0;
    if (tk_story_code(story) != TK_OK) return 0;
    const char *out;
    size_t len;
    tk_story_render(story, TK_FORMAT_JSONL, TK_RENDER_TOKENS, &out, &len);
    tk_story_render(story, TK_FORMAT_TEXT, 0, &out, &len);
    tk_story_render(story, TK_FORMAT_TSV, 0, &out, &len);
    return 0;
}
