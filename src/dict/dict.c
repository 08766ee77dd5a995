/* dict.c — the compiled dictionary: entries, code rules, the token trie
 * and the matcher (see dict.h). */
#include "dict.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inflect.h"
#include "../util/fold.h"

#define MAX_PHRASE_WORDS 32

void tk_dict_init(tk_dict *d) {
    memset(d, 0, sizeof *d);
    tk_intern_init(&d->words);
    tk_intern_init(&d->strings);
    tk_map64_init(&d->children);
    tk_map64_init(&d->synset_members);
    tk_map64_init(&d->stem_words);
    d->nnodes = 1; /* the root */
}

void tk_dict_free(tk_dict *d) {
    tk_intern_free(&d->words);
    tk_intern_free(&d->strings);
    tk_map64_free(&d->children);
    free(d->root);
    free(d->node_hits);
    free(d->hits);
    free(d->entries);
    free(d->rules);
    free(d->patterns);
    free(d->verbs);
    free(d->pels);
    tk_map64_free(&d->synset_members);
    tk_map64_free(&d->stem_words);
    memset(d, 0, sizeof *d);
}

/* Grows an array to hold one more element. */
static bool grow(void **v, size_t *cap, size_t n, size_t elem) {
    if (n < *cap) return true;
    size_t ncap = *cap ? *cap * 2 : 256;
    void *p = realloc(*v, ncap * elem);
    if (!p) return false;
    *v = p;
    *cap = ncap;
    return true;
}

void tk_dict_diag(tk_dict *d, const char *file, unsigned line, bool error, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (error) d->errors++; else d->warnings++;
    if (d->diag) d->diag(d->diag_ctx, file, line, error, msg);
}

uint32_t tk_dict_new_entry(tk_dict *d, int kind, const char *phrase, size_t n, uint32_t file,
                           unsigned line) {
    if (!grow((void **)&d->entries, &d->entries_cap, d->nentries, sizeof *d->entries)) return TK_NONE;
    uint32_t ph = tk_intern_add(&d->strings, phrase, n);
    if (ph == TK_NONE) return TK_NONE;
    tk_entry *e = &d->entries[d->nentries];
    memset(e, 0, sizeof *e);
    e->kind = (uint8_t)kind;
    e->phrase = ph;
    e->file = file;
    e->line = line;
    e->rules = (uint32_t)d->nrules;
    e->verb = TK_NONE;
    return (uint32_t)d->nentries++;
}

bool tk_dict_add_rule(tk_dict *d, uint32_t entry, const char *code, size_t n, int32_t from,
                      int32_t to, bool dated) {
    tk_entry *e = &d->entries[entry];
    /* an entry's rules are contiguous: only the newest entry gets rules */
    if (e->rules + e->nrules != d->nrules || e->nrules == UINT16_MAX) return true;
    if (!grow((void **)&d->rules, &d->rules_cap, d->nrules, sizeof *d->rules)) return false;
    uint32_t c = tk_intern_add(&d->strings, code, n);
    if (c == TK_NONE) return false;
    d->rules[d->nrules++] = (tk_code_rule){c, from, to, dated};
    e->nrules++;
    return true;
}

/* The child of node for word, creating it. */
static uint32_t child(tk_dict *d, uint32_t node, uint32_t word, bool create) {
    uint64_t key = (uint64_t)node << 32 | word;
    uint32_t c = tk_map64_get(&d->children, key);
    if (c != TK_NONE || !create) return c;
    c = d->nnodes;
    if (!tk_map64_put(&d->children, key, c)) return TK_NONE;
    if (node == 0) {
        if (word >= d->nroot) {
            size_t n = d->nroot ? d->nroot : 4096;
            while (n <= word) n *= 2;
            uint32_t *r = realloc(d->root, n * sizeof *r);
            if (!r) return TK_NONE;
            for (size_t i = d->nroot; i < n; i++) r[i] = TK_NONE;
            d->root = r;
            d->nroot = n;
        }
        d->root[word] = c;
    }
    d->nnodes++;
    return c;
}

static bool attach(tk_dict *d, uint32_t node, uint32_t entry) {
    if (node >= d->node_cap) {
        size_t cap = d->node_cap ? d->node_cap : 4096;
        while (cap <= node) cap *= 2;
        uint32_t *p = realloc(d->node_hits, cap * sizeof *p);
        if (!p) return false;
        for (size_t i = d->node_cap; i < cap; i++) p[i] = TK_NONE;
        d->node_hits = p;
        d->node_cap = cap;
    }
    for (uint32_t h = d->node_hits[node]; h != TK_NONE; h = d->hits[h].next)
        if (d->hits[h].entry == entry) return true; /* same phrase twice */
    if (!grow((void **)&d->hits, &d->hits_cap, d->nhits, sizeof *d->hits)) return false;
    d->hits[d->nhits] = (struct tk_hit){entry, d->node_hits[node]};
    d->node_hits[node] = (uint32_t)d->nhits++;
    return true;
}

/* Inserts the word sequence words[0,n) for entry. */
static bool insert(tk_dict *d, char words[][TK_MAX_WORD], int n, uint32_t entry) {
    uint32_t node = 0;
    for (int i = 0; i < n; i++) {
        uint32_t w = tk_intern_add(&d->words, words[i], strlen(words[i]));
        if (w == TK_NONE) return false;
        node = child(d, node, w, true);
        if (node == TK_NONE) return false;
    }
    if ((unsigned)n > d->max_phrase_words) d->max_phrase_words = (unsigned)n;
    return attach(d, node, entry);
}

/* The matching form of a dictionary word (see util/fold.h). */
static void lower_into(char *dst, const char *src, size_t n) {
    tk_fold_word(src, n, dst, TK_MAX_WORD);
}

bool tk_dict_add_phrase(tk_dict *d, uint32_t entry, const char *phrase, size_t n,
                        const char *irregular, bool verb) {
    char words[MAX_PHRASE_WORDS][TK_MAX_WORD];
    int nw = 0, verb_word = 0;
    bool marked = false;
    bool exact = n > 0 && phrase[n - 1] == '_';
    /* split on _ and blanks (TABARI: a dictionary '-' is a word break too) */
    size_t i = 0;
    while (i < n) {
        while (i < n && (phrase[i] == '_' || phrase[i] == ' ' || phrase[i] == '-' || phrase[i] == '\t')) i++;
        if (i >= n) break;
        size_t j = i;
        while (j < n && phrase[j] != '_' && phrase[j] != ' ' && phrase[j] != '-' && phrase[j] != '\t') j++;
        const char *w = phrase + i;
        size_t k = j - i;
        if (*w == '+') { /* marks the word to inflect (PETRARCH-2 verbs, issue n:/v:) */
            verb_word = nw;
            marked = true;
            w++;
            k--;
        }
        if (k == 0) { i = j; continue; }
        if (nw == MAX_PHRASE_WORDS || k >= TK_MAX_WORD) return true; /* too long: ignored */
        lower_into(words[nw++], w, k);
        i = j;
    }
    if (!nw) return true;
    if (!insert(d, words, nw, entry)) return false;
    d->phrases[d->entries[entry].kind]++;
    /* the inflected forms */
    tk_forms forms = {0};
    int at = marked || verb ? verb_word : nw - 1;
    if (irregular) {
        /* "{CHILDREN}": the forms given (the regular ones are added below) */
        const char *p = irregular;
        while (*p) {
            while (*p == ' ' || *p == '+') p++;
            const char *q = p;
            while (*q && *q != ' ') q++;
            if (q > p && forms.n < TK_MAX_FORMS && (size_t)(q - p) < TK_MAX_WORD) {
                /* a multiword form replaces the whole phrase */
                char buf[TK_MAX_WORD * 4];
                size_t k = (size_t)(q - p) < sizeof buf - 1 ? (size_t)(q - p) : sizeof buf - 1;
                lower_into(buf, p, k);
                if (memchr(buf, '_', k)) {
                    uint32_t save = (uint32_t)d->phrases[d->entries[entry].kind];
                    if (!tk_dict_add_phrase(d, entry, p, (size_t)(q - p), "", verb)) return false;
                    d->phrases[d->entries[entry].kind] = save;
                } else {
                    strcpy(forms.form[forms.n++], buf);
                }
            }
            p = q;
        }
    }
    /* regular forms too, unless "{}" or a trailing "_" says none: a list
     * of irregular forms often leaves out the regular ones (CLASH
     * {CLASHED CLASHING} still matches "clashes") */
    bool none = irregular && irregular[strspn(irregular, " \t")] == '\0'; /* "{}" */
    /* TABARI: a word without "_" after it is a stem that matches any word
     * it begins ("ERIADOR" matches "Eriadori") */
    if (d->tabari_stems && !exact && !irregular && strlen(words[at]) >= 3) {
        uint32_t sw = tk_intern_add(&d->words, words[at], strlen(words[at]));
        if (sw == TK_NONE || !tk_map64_put(&d->stem_words, sw, 1)) return false;
    }
    if (!exact && !none) {
        if (verb) tk_inflect_verb(words[at], &forms);
        else tk_inflect_noun(words[at], &forms);
    }
    char keep[TK_MAX_WORD];
    strcpy(keep, words[at]);
    for (int f = 0; f < forms.n; f++) {
        strcpy(words[at], forms.form[f]);
        if (!insert(d, words, nw, entry)) return false;
    }
    strcpy(words[at], keep);
    return true;
}

bool tk_dict_parse_date(const char *s, size_t n, int32_t *out) {
    if (n != 6 && n != 8) return false; /* and no overflow on long digit runs */
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return false;
    int32_t v = 0;
    for (size_t i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
    int y, m, dd;
    if (n == 8) { y = v / 10000; m = v / 100 % 100; dd = v % 100; }
    else if (n == 6) {
        int yy = v / 10000;
        y = yy <= 30 ? 2000 + yy : 1900 + yy;
        m = v / 100 % 100;
        dd = v % 100;
    } else return false;
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m < 1 || m > 12 || dd < 1 || dd > mdays[m - 1] + (m == 2 && leap)) return false;
    *out = y * 10000 + m * 100 + dd;
    return true;
}

void tk_dict_match_ids(const tk_dict *d, const uint32_t *wids, size_t n, tk_dict_hit_fn hit,
                       void *ctx) {
    uint32_t ends[MAX_PHRASE_WORDS + 1];
    uint32_t ids[MAX_PHRASE_WORDS];
    for (size_t i = 0; i < n; i++) {
        uint32_t node = 0, nends = 0;
        size_t max = n - i < MAX_PHRASE_WORDS ? n - i : MAX_PHRASE_WORDS;
        for (size_t k = 0; k < max; k++) {
            uint32_t w = wids[i + k];
            if (w == TK_NONE) break;
            node = k == 0 ? (w < d->nroot ? d->root[w] : TK_NONE)
                          : tk_map64_get(&d->children, (uint64_t)node << 32 | w);
            if (node == TK_NONE) break;
            if (node < d->node_cap && d->node_hits[node] != TK_NONE) {
                ends[nends] = (uint32_t)(i + k + 1);
                ids[nends++] = node;
            }
        }
        while (nends--) {
            for (uint32_t h = d->node_hits[ids[nends]]; h != TK_NONE; h = d->hits[h].next) {
                tk_dict_match m = {(uint32_t)i, ends[nends], d->hits[h].entry};
                hit(ctx, &m);
            }
        }
    }
}

uint32_t tk_dict_word_id(const tk_dict *d, const char *w, size_t n) {
    uint32_t id = tk_intern_find(&d->words, w, n);
    if (id != TK_NONE || !d->stem_words.n) return id;
    for (size_t k = n - 1; k >= 3 && k < n; k--) {
        uint32_t s = tk_intern_find(&d->words, w, k);
        if (s != TK_NONE && tk_map64_get(&d->stem_words, s) != TK_NONE) return s;
    }
    return TK_NONE;
}

bool tk_dict_match_words(const tk_dict *d, const tk_word *words, size_t n, tk_dict_hit_fn hit,
                         void *ctx) {
    uint32_t small[64] = {0}; /* a name or a phrase: no allocation */
    uint32_t *ids = n <= 64 ? small : malloc(n * sizeof *ids);
    if (!ids) return false;
    for (size_t i = 0; i < n; i++) ids[i] = tk_dict_word_id(d, words[i].s, words[i].n);
    tk_dict_match_ids(d, ids, n, hit, ctx);
    if (ids != small) free(ids);
    return true;
}

const char *tk_dict_code_on(const tk_dict *d, const tk_entry *e, int32_t date) {
    const tk_code_rule *def = NULL, *last = NULL;
    for (uint32_t i = 0; i < e->nrules; i++) {
        const tk_code_rule *r = &d->rules[e->rules + i];
        last = r;
        if (!r->dated) { if (!def) def = r; continue; }
        if (date && (!r->from || date >= r->from) && (!r->to || date <= r->to))
            return tk_intern_str(&d->strings, r->code);
    }
    if (def) return tk_intern_str(&d->strings, def->code);
    if (!date && last) return tk_intern_str(&d->strings, last->code);
    return NULL;
}

/* out[cap] = a then b, cut to cap - 1 bytes (what snprintf("%s%s") writes) */
static void cat2(char *out, size_t cap, const char *a, size_t an, const char *b, size_t bn) {
    if (!cap) return;
    if (an > cap - 1) an = cap - 1;
    if (bn > cap - 1 - an) bn = cap - 1 - an;
    memmove(out, a, an);
    memmove(out + an, b, bn);
    out[an + bn] = '\0';
}

void tk_dict_compose(const char *actor, const char *agent, char *out, size_t cap) {
    size_t an = strlen(agent);
    bool prepend = an && agent[an - 1] == '~';
    const char *code = agent[0] == '~' ? agent + 1 : agent;
    size_t cn = strlen(code) - (prepend ? 1 : 0);
    char buf[128];
    size_t o = 0;
    if (prepend) {
        o = cn < sizeof buf ? cn : sizeof buf - 1;
        cat2(out, cap, code, o, actor, strlen(actor));
        return;
    }
    o = strnlen(actor, sizeof buf - 1);
    memcpy(buf, actor, o);
    buf[o] = '\0';
    /* append each 3-letter block of the agent unless the actor has it */
    for (size_t i = 0; i + 3 <= cn; i += 3) {
        bool have = false;
        for (size_t k = 0; k + 3 <= o; k += 3)
            if (!memcmp(buf + k, code + i, 3)) have = true;
        if (!have && o + 3 < sizeof buf) {
            memcpy(buf + o, code + i, 3);
            o += 3;
            buf[o] = '\0';
        }
    }
    cat2(out, cap, buf, o, "", 0);
}

static bool contains_ci(const char *s, const char *z) {
    size_t n = strlen(s), k = strlen(z);
    for (size_t i = 0; i + k <= n; i++)
        if (!strncasecmp(s + i, z, k)) return true;
    return false;
}

int tk_dict_kind_for_name(const char *name) {
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    if (contains_ci(base, "agent")) return TK_ENTRY_AGENT;
    if (contains_ci(base, "actor")) return TK_ENTRY_ACTOR;
    if (contains_ci(base, "discard")) return TK_ENTRY_DISCARD;
    if (contains_ci(base, "issue")) return TK_ENTRY_ISSUE;
    if (contains_ci(base, "place")) return TK_ENTRY_PLACE;
    if (contains_ci(base, "verb") || !strncasecmp(base, "CAMEO.", 6)) return TK_ENTRY_VERB;
    return 0;
}

bool tk_dict_in_synset(const tk_dict *d, uint32_t synset, uint32_t word) {
    return word != TK_NONE && tk_map64_get(&d->synset_members, (uint64_t)synset << 32 | word) != TK_NONE;
}
