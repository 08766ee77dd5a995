/* story.c — engine and story lifecycles, and the pipeline driver:
 * load (read stage) -> clean -> segment -> render (write stage). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "story.h"
#include "../code/poslex.h"
#include "../clean/clean.h"
#include "../read/read.h"
#include "../segment/segment.h"
#include "../dict/load.h"
#include "../code/code.h"
#include "../quote/quote.h"
#include "../write/write.h"

#define DEFAULT_MAX_STORY (16u * 1024 * 1024)

bool tk_vec_grow(void **v, size_t *cap, size_t elem) {
    size_t ncap = *cap ? *cap * 2 : 64;
    if (ncap > SIZE_MAX / elem) return false;
    void *p = realloc(*v, ncap * elem);
    if (!p) return false;
    *v = p;
    *cap = ncap;
    return true;
}

static void dict_diag(void *ctx, const char *file, unsigned line, bool error, const char *msg) {
    const tk_engine *e = ctx;
    if (e->opts.diag) e->opts.diag(e->opts.diag_ctx, file, line, error, msg);
}

tk_engine *tk_engine_new(const tk_options *opts) {
    tk_engine *e = calloc(1, sizeof *e);
    if (!e) return NULL;
    if (opts) e->opts = *opts;
    if (!e->opts.max_story_bytes) e->opts.max_story_bytes = DEFAULT_MAX_STORY;
    tk_dict_init(&e->dict);
    e->clean = tk_clean_tables_new();
    e->quote_lex = tk_quote_lex_new();
    if (!e->clean || !e->quote_lex ||
        !tk_code_tables_init(&e->code_words, e->code_bits, sizeof e->code_bits / sizeof *e->code_bits) ||
        !tk_code_place_tables_init(&e->place_words, e->place_bits, sizeof e->place_bits / sizeof *e->place_bits)) {
        tk_engine_free(e);
        return NULL;
    }
    /* a cheap test before the hash look-up: most words are no code word */
    for (size_t i = 0; i < e->code_words.n; i++) {
        const char *w = tk_intern_str(&e->code_words, (uint32_t)i);
        size_t n = strlen(w);
        if (n < 24 && w[0] >= 'a' && w[0] <= 'z') e->code_first[n] |= 1u << (w[0] - 'a');
        else if (n < 24) e->code_first[n] |= 1u << 31; /* anything else: always look */
    }
    e->dict.strict = e->opts.strict != 0;
    e->dict.diag = dict_diag;
    e->dict.diag_ctx = e;
    /* without event coding nothing reads the dictionaries: do not load them */
    bool ok = tk_dict_load_cameo(&e->cameo) &&
              (e->opts.no_events || e->opts.no_builtin_dicts || tk_dict_load_builtin(&e->dict));
    e->dict.tabari_stems = e->opts.tabari_stems != 0;
    for (size_t i = 0; ok && !e->opts.no_events && i < e->opts.ndict_paths; i++)
        ok = tk_dict_load_path(&e->dict, e->opts.dict_paths[i]);
    e->dict.tabari_stems = false;
    if (!ok || (e->opts.strict && e->dict.errors)) {
        tk_engine_free(e);
        return NULL;
    }
    if (!tk_poslex_index(&e->dict, &e->pos_noun, &e->pos_vbn, &e->npos)) {
        tk_engine_free(e);
        return NULL;
    }
    /* the engine is read-only from here on */
    e->dict.diag = NULL;
    e->dict.diag_ctx = NULL;
    return e;
}

void tk_engine_free(tk_engine *e) {
    if (!e) return;
    tk_clean_tables_free(e->clean);
    tk_quote_lex_free(e->quote_lex);
    tk_dict_free(&e->dict);
    tk_cameo_free(&e->cameo);
    tk_intern_free(&e->code_words);
    tk_intern_free(&e->place_words);
    free(e->pos_noun);
    free(e->pos_vbn);
    free(e);
}

void tk_engine_dict_stats(const tk_engine *e, tk_dict_stats *out) {
    memset(out, 0, sizeof *out);
    if (!e) return;
    const tk_dict *d = &e->dict;
    out->files = d->files;
    for (size_t i = 0; i < d->nentries; i++) {
        switch (d->entries[i].kind) {
        case TK_ENTRY_ACTOR: out->actors++; break;
        case TK_ENTRY_AGENT: out->agents++; break;
        case TK_ENTRY_VERB: out->verbs++; break;
        case TK_ENTRY_DISCARD: out->discards++; break;
        case TK_ENTRY_ISSUE: out->issues++; break;
        case TK_ENTRY_PLACE: out->places++; break;
        }
    }
    out->patterns = d->npatterns;
    out->actor_phrases = d->phrases[TK_ENTRY_ACTOR];
    out->agent_phrases = d->phrases[TK_ENTRY_AGENT];
    out->verb_phrases = d->phrases[TK_ENTRY_VERB];
    out->discard_phrases = d->phrases[TK_ENTRY_DISCARD];
    out->issue_phrases = d->phrases[TK_ENTRY_ISSUE];
    out->place_phrases = d->phrases[TK_ENTRY_PLACE];
    out->synsets = d->synsets;
    out->transforms = d->transforms;
    out->words = d->words.n;
    out->trie_nodes = d->nnodes;
    out->warnings = d->warnings;
    out->errors = d->errors;
    out->cameo_codes = e->cameo.n;
}

tk_story *tk_story_new(const tk_engine *engine) {
    if (!engine) return NULL;
    tk_story *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->engine = engine;
    tk_arena_init(&s->arena, 64 * 1024);
    tk_buf_init(&s->out);
    return s;
}

static void story_reset(tk_story *s) {
    if (s->json_doc) cJSON_Delete(s->json_doc);
    s->json_doc = NULL;
    tk_arena_reset(&s->arena);
    s->id = s->date = s->source = s->url = s->title = s->meta_json = NULL;
    s->title_len = 0;
    s->text = NULL;
    s->text_len = 0;
    s->removed.n = s->tokens.n = s->sentences.n = s->warnings.n = s->events.n = 0;
    s->quotes.n = s->speakers.n = 0;
    s->norm_len = 0;
    s->dropped = 0;
    memset(&s->dateline, 0, sizeof s->dateline);
    tk_buf_clear(&s->out);
    s->spans.n = 0;
    s->spans.on = false;
    s->errmsg[0] = '\0';
}

void tk_story_free(tk_story *s) {
    if (!s) return;
    story_reset(s);
    tk_arena_free(&s->arena);
    free(s->removed.v);
    free(s->tokens.v);
    free(s->sentences.v);
    free(s->warnings.v);
    free(s->events.v);
    free(s->quotes.v);
    free(s->speakers.v);
    free(s->spans.v);
    free(s->mwords.v);
    free(s->mtokens.v);
    tk_buf_free(&s->mchars);
    free(s->norm);
    tk_buf_free(&s->out);
    free(s);
}

bool tk_story_warn(tk_story *s, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (n < 0) return false;
    if ((size_t)n >= sizeof msg) n = sizeof msg - 1;
    char *z = tk_arena_strndup(&s->arena, msg, (size_t)n);
    if (!z || !TK_VEC_GROW(s->warnings)) {
        snprintf(s->errmsg, sizeof s->errmsg, "out of memory");
        return false;
    }
    s->warnings.v[s->warnings.n++] = z;
    return true;
}

tk_status tk_story_fail(tk_story *s, tk_status st, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->errmsg, sizeof s->errmsg, fmt, ap);
    va_end(ap);
    return st;
}

static tk_status loaded(tk_story *s, tk_status st) {
    if (st != TK_OK) {
        char msg[sizeof s->errmsg];
        memcpy(msg, s->errmsg, sizeof msg);
        story_reset(s);
        memcpy(s->errmsg, msg, sizeof msg);
        if (st == TK_ENOMEM && !s->errmsg[0]) snprintf(s->errmsg, sizeof s->errmsg, "out of memory");
    }
    return st;
}

tk_status tk_story_load_jsonl(tk_story *s, const char *line, size_t len, const char *fallback_id) {
    if (!s || (!line && len)) return TK_EUSAGE;
    story_reset(s);
    return loaded(s, tk_read_jsonl(s, line ? line : "", len, fallback_id));
}

tk_status tk_story_load_text(tk_story *s, const char *text, size_t len, const char *id) {
    if (!s || (!text && len)) return TK_EUSAGE;
    story_reset(s);
    return loaded(s, tk_read_txt(s, text ? text : "", len, id));
}

/* Do two events share their (date, source code, target code, event code)? */
static bool same_key(const tk_event *a, const tk_event *b) {
    return a->date == b->date && !strcmp(a->source.code, b->source.code) && a->target.set == b->target.set &&
           (!a->target.set || !strcmp(a->target.code, b->target.code)) && !strcmp(a->code, b->code);
}

/* dedup_story: keeps the first event of each key, in order. One pass with
 * a hash table in the arena (a story may have a million events); keys are
 * compared in full, so a hash collision never drops an event. */
static tk_status dedup_story(tk_story *s) {
    size_t cap = 16;
    while (cap < 2 * s->events.n) cap *= 2;
    uint32_t *slot = tk_arena_alloc(&s->arena, cap * sizeof *slot); /* event index + 1; 0 empty */
    if (!slot) return tk_story_fail(s, TK_ENOMEM, "out of memory");
    memset(slot, 0, cap * sizeof *slot);
    size_t kept = 0;
    for (size_t i = 0; i < s->events.n; i++) {
        const tk_event *e = &s->events.v[i];
        size_t j = tk_event_key(e) & (cap - 1);
        bool repeat = false;
        for (; slot[j]; j = (j + 1) & (cap - 1))
            if (same_key(&s->events.v[slot[j] - 1], e)) { repeat = true; break; }
        if (repeat) continue;
        s->events.v[kept] = *e; /* kept <= i: what slot[] points at is never overwritten */
        slot[j] = (uint32_t)++kept;
    }
    s->dropped = s->events.n - kept;
    s->events.n = kept;
    return TK_OK;
}

tk_status tk_story_code(tk_story *s) {
    if (!s || !s->text) return TK_EUSAGE;
    s->removed.n = s->tokens.n = s->sentences.n = 0;
    s->norm_len = 0;
    tk_status st = tk_clean_boilerplate(s);
    if (st == TK_OK) st = tk_segment(s);
    if (st == TK_OK && !s->engine->opts.no_events && !s->engine->opts.no_quotes) st = tk_quotes_find(s);
    else s->quotes.n = s->speakers.n = 0;
    if (st == TK_OK && !s->engine->opts.no_events) st = tk_code_events(s);
    s->dropped = 0;
    if (st == TK_OK && s->engine->opts.dedup_story && s->events.n > 1) st = dedup_story(s);
    if (st == TK_OK && s->sentences.n == 0) {
        /* say why a story yields nothing, so that nothing is lost silently */
        bool ok = s->removed.n ? tk_story_warn(s, "no story text left: everything was removed as boilerplate")
                               : tk_story_warn(s, "story text is empty");
        if (!ok) st = TK_ENOMEM;
    }
    return st;
}

tk_status tk_story_render(tk_story *s, tk_format format, unsigned flags, const char **out,
                          size_t *out_len) {
    if (!s || !out || !out_len || !s->text) return TK_EUSAGE;
    tk_buf_clear(&s->out);
    tk_spans *sp = flags & TK_RENDER_EVENT_SPANS ? &s->spans : NULL;
    s->spans.n = s->spans.count_start = s->spans.count_end = 0;
    s->spans.on = sp != NULL;
    s->spans.failed = false;
    switch (format) {
    case TK_FORMAT_TEXT: tk_write_text(s, &s->out, flags, sp); break;
    case TK_FORMAT_TSV: tk_write_tsv(s, &s->out, sp); break;
    default: tk_write_jsonl(s, &s->out, flags, sp); break;
    }
    if (s->out.failed || s->spans.failed) return tk_story_fail(s, TK_ENOMEM, "out of memory rendering the story");
    *out = s->out.data ? s->out.data : "";
    *out_len = s->out.len;
    return TK_OK;
}

const tk_event_span *tk_story_event_spans(const tk_story *s, size_t *n, size_t *count_start,
                                          size_t *count_end) {
    bool on = s && s->spans.on;
    if (n) *n = on ? s->spans.n : 0;
    if (count_start) *count_start = on ? s->spans.count_start : 0;
    if (count_end) *count_end = on ? s->spans.count_end : 0;
    return on ? s->spans.v : NULL;
}

const char *tk_story_errmsg(const tk_story *s) { return s ? s->errmsg : "no story"; }
size_t tk_story_sentence_count(const tk_story *s) { return s ? s->sentences.n : 0; }
size_t tk_story_warning_count(const tk_story *s) { return s ? s->warnings.n : 0; }
size_t tk_story_event_count(const tk_story *s) { return s ? s->events.n : 0; }
size_t tk_story_dropped_count(const tk_story *s) { return s ? s->dropped : 0; }
size_t tk_story_quote_count(const tk_story *s) {
    size_t n = 0;
    for (size_t i = 0; s && i < s->quotes.n; i++) n += s->quotes.v[i].kind == TK_QUOTE_SPEECH;
    return n;
}

const char *tk_status_str(tk_status st) {
    switch (st) {
    case TK_OK: return "ok";
    case TK_ENOMEM: return "out of memory";
    case TK_EINPUT: return "bad input";
    case TK_ETOOBIG: return "input too large";
    case TK_EUSAGE: return "bad usage";
    }
    return "unknown status";
}
