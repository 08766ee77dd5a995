/* dict.h — the compiled dictionaries: every actor, agent, verb, discard and
 * issue phrase of every loaded file in one token trie, built once per
 * engine and then read-only (shared by all threads). Readers for the
 * TABARI and PETRARCH formats fill it; the matcher walks a sentence's words
 * once, left to right, and reports every phrase that matches, longest
 * first, with the file and line it came from. */
#ifndef TK_DICT_H
#define TK_DICT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/hashmap.h"
#include "pattern.h"

enum tk_entry_kind {
    TK_ENTRY_ACTOR = 1,
    TK_ENTRY_AGENT,
    TK_ENTRY_VERB,
    TK_ENTRY_DISCARD,
    TK_ENTRY_ISSUE,
    TK_ENTRY_PLACE,  /* a place (data/places/places.txt): its code is the country */
    TK_ENTRY_KINDS
};

enum {
    TK_EF_STORY = 1,   /* discard: the whole story, not just the sentence */
    TK_EF_PREPEND = 2, /* agent code XXX~: goes before the actor's code */
    TK_EF_REPORTING = 4, /* a reporting verb (from a file named *reporting*): no event */
    TK_EF_ANYCASE = 8    /* place: a spelling starts in lower case ("al-Bab"), so the
                          * text need not capitalise it */
};

/* What kind of place a place entry is (tk_entry.place). */
enum tk_place_kind {
    TK_PLACE_COUNTRY = 1, TK_PLACE_CAPITAL, TK_PLACE_CITY, TK_PLACE_TOWN, TK_PLACE_VILLAGE,
    TK_PLACE_REGION, TK_PLACE_PROVINCE, TK_PLACE_DISTRICT, TK_PLACE_CORRIDOR, TK_PLACE_VALLEY,
    TK_PLACE_RIVER, TK_PLACE_LAKE, TK_PLACE_SEA, TK_PLACE_CANAL, TK_PLACE_CROSSING, TK_PLACE_BORDER,
    TK_PLACE_CAMP, TK_PLACE_MOUNTAIN, TK_PLACE_DESERT, TK_PLACE_ISLAND, TK_PLACE_BASE,
    TK_PLACE_AIRPORT, TK_PLACE_PORT, TK_PLACE_SITE,
    TK_PLACE_KINDS
};
/* The name of a place kind ("city"), or NULL for 0 and unknown values. */
const char *tk_place_kind_name(int kind);
/* The kind named by s[0,n), or 0 when there is none of that name. */
int tk_place_kind_find(const char *s, size_t n);

/* A code, valid from..to (YYYYMMDD, inclusive; 0 = open). */
typedef struct tk_code_rule {
    uint32_t code;  /* string id in dict->strings ("AFGGOV", "~COP", "020") */
    int32_t from, to;
    bool dated;
} tk_code_rule;

typedef struct tk_entry {
    uint8_t kind, flags;
    uint16_t nrules;
    uint32_t rules;   /* first of nrules in dict->rules */
    uint32_t phrase;  /* string id: the primary phrase as written */
    uint32_t file;    /* string id: the file it came from */
    uint32_t line;
    uint32_t verb;    /* verbs: index in dict->verbs, else TK_NONE */
    uint8_t place;    /* places: enum tk_place_kind, else 0 */
} tk_entry;

/* A verb pattern kept for the coder: its text as written and its code. */
typedef struct tk_pattern {
    uint32_t text;    /* string id */
    uint32_t code;    /* string id */
    uint32_t file, line;
    uint32_t pels;    /* first compiled element in dict->pels */
    uint16_t npels;
    uint16_t weight;  /* letters of its literal words: TABARI tries the
                       * pattern with the most first */
    uint32_t need[2]; /* words the pattern cannot match without (outside
                       * alternatives), TK_NONE: a cheap first test */
    int16_t verb_at;  /* index of its * among its elements, -1 if none */
} tk_pattern;

typedef struct tk_verb {
    uint32_t entry;
    uint32_t first, n; /* patterns */
} tk_verb;

/* One message from loading: file, line, severity and text. */
typedef void (*tk_dict_diag_fn)(void *ctx, const char *file, unsigned line, bool error,
                                const char *msg);

typedef struct tk_dict {
    tk_intern words;    /* lower-case words of phrases */
    tk_intern strings;  /* codes, phrases, file names, pattern texts */
    tk_map64 children;  /* (node << 32 | word) -> child node */
    uint32_t *root;     /* word -> child of the root (TK_NONE): the first step of
                         * every match, without hashing */
    size_t nroot;
    uint32_t nnodes;
    uint32_t *node_hits; /* node -> first hit, or TK_NONE */
    size_t node_cap;
    struct tk_hit { uint32_t entry, next; } *hits;
    size_t nhits, hits_cap;
    tk_entry *entries;
    size_t nentries, entries_cap;
    tk_code_rule *rules;
    size_t nrules, rules_cap;
    tk_pattern *patterns;
    size_t npatterns, patterns_cap;
    tk_verb *verbs;
    size_t nverbs, verbs_cap;
    tk_pel *pels;       /* compiled pattern elements */
    size_t npels, pels_cap;
    tk_map64 synset_members; /* (synset name id << 32 | word id) -> 1 */
    tk_map64 stem_words;     /* word ids that match as prefixes (TABARI stems) */
    bool tabari_stems;       /* while loading: words without "_" are TABARI stems */
    /* counts for `dict stats` */
    size_t phrases[TK_ENTRY_KINDS], synsets, transforms, files, warnings, errors;
    unsigned max_phrase_words;
    /* loading */
    bool strict;
    tk_dict_diag_fn diag;
    void *diag_ctx;
} tk_dict;

void tk_dict_init(tk_dict *d);
void tk_dict_free(tk_dict *d);

/* Loads one dictionary file's text; `kind` is a TK_ENTRY_* kind, or 0 to
 * tell from the name. Diagnostics go to d->diag. Returns false only when
 * memory is exhausted or (with d->strict) on a malformed line. */
bool tk_dict_load_text(tk_dict *d, const char *name, const char *text, size_t len, int kind);
/* Which kind of dictionary a file name says it is (0 when it says nothing). */
int tk_dict_kind_for_name(const char *name);

/* --- building (for the readers) --- */
void tk_dict_diag(tk_dict *d, const char *file, unsigned line, bool error, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
uint32_t tk_dict_new_entry(tk_dict *d, int kind, const char *phrase, size_t n, uint32_t file,
                           unsigned line);
bool tk_dict_add_rule(tk_dict *d, uint32_t entry, const char *code, size_t n, int32_t from,
                      int32_t to, bool dated);
/* Adds a phrase ("UNITED_NATIONS", words joined by _ or blanks) for an
 * entry, with its inflected forms: nouns inflect the last word, verbs the
 * first (or the word marked +); `irregular` (may be NULL) lists forms
 * given in { } ("" for "{}": none). */
bool tk_dict_add_phrase(tk_dict *d, uint32_t entry, const char *phrase, size_t n,
                        const char *irregular, bool verb);
/* Parses a date: YYYYMMDD, or YYMMDD (00-30 -> 20YY). */
bool tk_dict_parse_date(const char *s, size_t n, int32_t *out);

/* The id of a text word in the dictionaries' words: the word itself, or,
 * when TABARI files were loaded, the longest stem it starts with
 * ("Eriadori" -> ERIADOR); TK_NONE when neither. */
uint32_t tk_dict_word_id(const tk_dict *d, const char *w, size_t n);

/* Is word id `word` a member (first word) of the synset named by string
 * id `synset` ("&CURRENCY")? */
bool tk_dict_in_synset(const tk_dict *d, uint32_t synset, uint32_t word);

/* --- matching --- */

/* A word of text to match: lower-case bytes. */
typedef struct tk_word {
    const char *s;
    uint32_t n;
} tk_word;

typedef struct tk_dict_match {
    uint32_t start, end; /* words [start, end) */
    uint32_t entry;
} tk_dict_match;

/* Finds every phrase among words[0,n) in one pass; calls `hit` for each
 * match, at each start position longest first. False when out of memory. */
typedef void (*tk_dict_hit_fn)(void *ctx, const tk_dict_match *m);
bool tk_dict_match_words(const tk_dict *d, const tk_word *words, size_t n, tk_dict_hit_fn hit,
                         void *ctx);

/* The same, for words already looked up: ids[i] is the word's id in
 * d->words, or TK_NONE. */
void tk_dict_match_ids(const tk_dict *d, const uint32_t *ids, size_t n, tk_dict_hit_fn hit, void *ctx);

/* The code of an entry on a date (YYYYMMDD, 0 = unknown): the first dated
 * rule that holds, else the undated default, else NULL. */
const char *tk_dict_code_on(const tk_dict *d, const tk_entry *e, int32_t date);

/* Composes an actor code with an agent code: "AFG" + "~COP" -> "AFGCOP",
 * "USA" + "NGO~" -> "NGOUSA"; a 3-letter block already present is not
 * added again. Writes into out (size cap). */
void tk_dict_compose(const char *actor, const char *agent, char *out, size_t cap);

#endif
