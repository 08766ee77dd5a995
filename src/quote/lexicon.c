/* lexicon.c — the quote stage's word table: cue verbs with all their
 * forms, cue phrases, speech nouns and speaker roles read from the
 * embedded data/quotes/cues.txt, plus the function words the attribution
 * rules look at (determiners, pronouns, relatives...). Built once with the
 * engine, read-only afterwards. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "quote.h"
#include "../dict/embedded.h"
#include "../dict/inflect.h"
#include "../util/fold.h"

#define CUES_PATH "data/quotes/cues.txt"

static const struct { const char *w; uint32_t bits; } function_words[] = {
    {"the", QW_DEF}, {"this", QW_DEF}, {"that", QW_DEF | QW_REL}, {"these", QW_DEF}, {"those", QW_DEF},
    {"a", QW_INDEF}, {"an", QW_INDEF}, {"another", QW_INDEF}, {"one", QW_INDEF}, {"some", QW_INDEF},
    {"several", QW_INDEF}, {"two", QW_INDEF}, {"three", QW_INDEF}, {"many", QW_INDEF},
    {"such", QW_INDEF}, {"any", QW_INDEF}, {"every", QW_INDEF}, {"each", QW_INDEF}, {"no", QW_INDEF},
    {"all", QW_INDEF}, {"both", QW_INDEF}, {"other", QW_INDEF}, {"more", QW_INDEF}, {"most", QW_INDEF},
    {"its", QW_POSS}, {"his", QW_POSS}, {"her", QW_POSS | QW_SHE}, {"their", QW_POSS}, {"our", QW_POSS},
    {"he", QW_HE}, {"him", QW_HE}, {"she", QW_SHE}, {"they", QW_THEY}, {"we", QW_THEY}, {"i", QW_THEY}, {"it", QW_THEY},
    {"who", QW_REL}, {"which", QW_REL}, {"whose", QW_REL},
    {"of", QW_PREP}, {"at", QW_PREP}, {"in", QW_PREP}, {"from", QW_PREP}, {"with", QW_PREP},
    {"on", QW_PREP}, {"to", QW_PREP}, {"by", QW_PREP}, {"near", QW_PREP}, {"within", QW_PREP},
    {"among", QW_PREP}, {"between", QW_PREP}, {"under", QW_PREP}, {"during", QW_PREP},
    {"after", QW_PREP | QW_SUBORD}, {"before", QW_PREP | QW_SUBORD}, {"since", QW_PREP | QW_SUBORD},
    {"for", QW_PREP | QW_FOR}, {"about", QW_PREP}, {"against", QW_PREP}, {"over", QW_PREP},
    {"also", QW_ADV}, {"then", QW_ADV}, {"later", QW_ADV}, {"again", QW_ADV}, {"further", QW_ADV},
    {"simply", QW_ADV}, {"recently", QW_ADV}, {"previously", QW_ADV}, {"earlier", QW_ADV},
    {"repeatedly", QW_ADV}, {"often", QW_ADV}, {"just", QW_ADV}, {"still", QW_ADV}, {"even", QW_ADV},
    {"only", QW_ADV}, {"already", QW_ADV}, {"now", QW_ADV}, {"once", QW_ADV}, {"quickly", QW_ADV},
    {"publicly", QW_ADV}, {"privately", QW_ADV}, {"bluntly", QW_ADV}, {"flatly", QW_ADV},
    {"firmly", QW_ADV}, {"angrily", QW_ADV}, {"calmly", QW_ADV}, {"openly", QW_ADV},
    {"yesterday", QW_ADV}, {"today", QW_ADV}, {"tonight", QW_ADV}, {"not", QW_ADV},
    {"monday", QW_ADV}, {"tuesday", QW_ADV}, {"wednesday", QW_ADV}, {"thursday", QW_ADV},
    {"friday", QW_ADV}, {"saturday", QW_ADV}, {"sunday", QW_ADV}, {"meanwhile", QW_ADV},
    {"however", QW_ADV}, {"alongside", QW_PREP}, {"put", 0}, {"puts", 0},
    {"outside", QW_PREP}, {"inside", QW_PREP}, {"amid", QW_PREP}, {"amidst", QW_PREP},
    {"across", QW_PREP}, {"throughout", QW_PREP}, {"despite", QW_PREP}, {"toward", QW_PREP},
    {"towards", QW_PREP}, {"beyond", QW_PREP}, {"upon", QW_PREP}, {"without", QW_PREP},
    {"via", QW_PREP}, {"around", QW_PREP}, {"behind", QW_PREP}, {"along", QW_PREP},
    {"following", QW_PREP}, {"unlike", QW_PREP}, {"like", QW_PREP}, {"here", QW_ADV},
    {"there", QW_ADV}, {"instead", QW_ADV}, {"indeed", QW_ADV},
    {"has", QW_AUX}, {"have", QW_AUX}, {"had", QW_AUX}, {"will", QW_AUX}, {"would", QW_AUX},
    {"did", QW_AUX}, {"does", QW_AUX}, {"do", QW_AUX}, {"could", QW_AUX}, {"may", QW_AUX},
    {"might", QW_AUX}, {"can", QW_AUX}, {"should", QW_AUX}, {"must", QW_AUX},
    {"is", QW_AUX | QW_COPULA}, {"was", QW_AUX | QW_COPULA}, {"are", QW_AUX | QW_COPULA},
    {"were", QW_AUX | QW_COPULA}, {"be", QW_AUX}, {"been", QW_AUX},
    {"because", QW_SUBORD}, {"when", QW_SUBORD}, {"while", QW_SUBORD}, {"if", QW_SUBORD},
    {"but", QW_SUBORD}, {"as", QW_SUBORD}, {"although", QW_SUBORD}, {"though", QW_SUBORD},
    {"so", QW_SUBORD}, {"whereas", QW_SUBORD}, {"where", QW_SUBORD}, {"whether", QW_SUBORD},
    {"and", QW_CONJ}, {"or", QW_CONJ},
    {"film", QW_TITLEWORD}, {"movie", QW_TITLEWORD}, {"book", QW_TITLEWORD}, {"novel", QW_TITLEWORD},
    {"song", QW_TITLEWORD}, {"album", QW_TITLEWORD}, {"series", QW_TITLEWORD}, {"show", QW_TITLEWORD},
    {"programme", QW_TITLEWORD}, {"program", QW_TITLEWORD}, {"play", QW_TITLEWORD},
    {"documentary", QW_TITLEWORD}, {"operation", QW_TITLEWORD}, {"dubbed", QW_TITLEWORD},
    {"so-called", QW_TITLEWORD}, {"titled", QW_TITLEWORD}, {"entitled", QW_TITLEWORD},
    {"nicknamed", QW_TITLEWORD}, {"named", QW_TITLEWORD}, {"slogan", QW_TITLEWORD},
    {"hashtag", QW_TITLEWORD}, {"word", QW_TITLEWORD}, {"term", QW_TITLEWORD}, {"label", QW_TITLEWORD},
    {"tell", QW_TELL}, {"tells", QW_TELL}, {"told", QW_TELL}, {"telling", QW_TELL},
    {"assure", QW_TELL}, {"assures", QW_TELL}, {"assured", QW_TELL}, {"inform", QW_TELL},
    {"informs", QW_TELL}, {"informed", QW_TELL}, {"remind", QW_TELL}, {"reminds", QW_TELL},
    {"reminded", QW_TELL}, {"warn", QW_TELL}, {"warns", QW_TELL}, {"warned", QW_TELL},
    {"ask", QW_TELL}, {"asks", QW_TELL}, {"asked", QW_TELL}, {"urge", QW_TELL}, {"urged", QW_TELL},
    {"urges", QW_TELL}, {"promise", QW_TELL}, {"promised", QW_TELL}, {"promises", QW_TELL},
    {"de", QW_PARTICLE}, {"van", QW_PARTICLE}, {"von", QW_PARTICLE}, {"al", QW_PARTICLE},
    {"el", QW_PARTICLE}, {"bin", QW_PARTICLE}, {"ibn", QW_PARTICLE}, {"da", QW_PARTICLE},
    {"di", QW_PARTICLE}, {"du", QW_PARTICLE}, {"la", QW_PARTICLE}, {"le", QW_PARTICLE},
    {"del", QW_PARTICLE}, {"der", QW_PARTICLE}, {"den", QW_PARTICLE}, {"ben", QW_PARTICLE},
    {"abu", QW_PARTICLE}, {"dos", QW_PARTICLE}, {"das", QW_PARTICLE}, {"ter", QW_PARTICLE},
};

/* The matching form of p[0,n) in buf[TK_MAX_WORD] (as the dictionaries
 * fold words: lower case, accents off); 0 when too long for a cue word. */
static size_t fold(const char *p, size_t n, char *buf) {
    return n && n < TK_MAX_WORD ? tk_fold_word(p, n, buf, TK_MAX_WORD) : 0;
}

/* The next space-separated word of line[0,n) from *i: false at the end. */
static bool next_word(const char *line, size_t n, size_t *i, const char **w, size_t *wn) {
    while (*i < n && line[*i] == ' ') (*i)++;
    size_t j = *i;
    while (j < n && line[j] != ' ') j++;
    if (j == *i) return false;
    *w = line + *i;
    *wn = j - *i;
    *i = j;
    return true;
}

static inline unsigned filter_key(const char *p, size_t n) {
    unsigned a = (unsigned char)tolower((unsigned char)p[0]), z = (unsigned char)tolower((unsigned char)p[n - 1]);
    unsigned b = n > 1 ? (unsigned char)tolower((unsigned char)p[1]) : 0;
    unsigned y = n > 1 ? (unsigned char)tolower((unsigned char)p[n - 2]) : 0;
    uint32_t h = ((uint32_t)n * 0x9E3779B1u) ^ (a << 24) ^ (b << 16) ^ (y << 8) ^ z;
    h *= 0x85EBCA6Bu;
    return h >> 16;
}

/* Builds the fast index once every word is in, with its classes; false
 * when out of memory. With 65,535 words or more there is none. */
static bool build_short(tk_quote_lex *lex) {
    if (lex->words.n >= UINT16_MAX) return true;
    size_t nb = 16;
    while (nb * 2 < lex->words.n * 2) nb *= 2; /* at most half the places taken */
    size_t bytes = nb * sizeof *lex->buckets;
    lex->buckets = aligned_alloc(64, bytes); /* (a bucket is a cache line) */
    if (!lex->buckets) return false;
    memset(lex->buckets, 0, bytes);
    lex->bucket_mask = (uint32_t)(nb - 1);
    for (uint32_t id = 0; id < lex->words.n; id++) {
        const char *w = tk_intern_str(&lex->words, id);
        size_t n = strlen(w);
        bool ascii = true;
        for (size_t i = 0; i < n; i++) ascii = ascii && (unsigned char)w[i] < 0x80;
        /* a word with other bytes is found only by the slow path, as only
         * a token with other bytes can fold to it */
        if (!ascii || !n) continue;
        if (n > TK_QUOTE_SHORT) { lex->has_long = true; continue; }
        uint64_t key[2] = {0, 0};
        tk_quote_pack(w, n, key);
        uint32_t j = tk_quote_slot(key, n) & lex->bucket_mask;
        while (lex->buckets[j].len[1]) { /* full: the word goes further on */
            lex->buckets[j].more = 1;
            j = (j + 1) & lex->bucket_mask;
        }
        tk_quote_bucket *b = &lex->buckets[j];
        int e = b->len[0] ? 1 : 0;
        b->key[e][0] = key[0];
        b->key[e][1] = key[1];
        b->bits[e] = lex->bits[id];
        b->id1[e] = (uint16_t)(id + 1);
        b->len[e] = (uint8_t)n;
    }
    return true;
}

/* The phrases by their first word, in the order of the file. */
static bool chain_phrases(tk_quote_lex *lex) {
    lex->phrase_first = malloc((lex->words.n ? lex->words.n : 1) * sizeof *lex->phrase_first);
    lex->phrase_next = malloc((lex->nphrases ? lex->nphrases : 1) * sizeof *lex->phrase_next);
    if (!lex->phrase_first || !lex->phrase_next) return false;
    for (size_t i = 0; i < lex->words.n; i++) lex->phrase_first[i] = TK_NONE;
    for (size_t p = lex->nphrases; p-- > 0;) {
        uint32_t w0 = lex->phrases[p].w[0];
        lex->phrase_next[p] = lex->phrase_first[w0];
        lex->phrase_first[w0] = (uint32_t)p;
    }
    return true;
}

uint32_t tk_quote_word_slow(const tk_quote_lex *lex, const char *p, size_t n) {
    if (n > TK_QUOTE_SHORT && !lex->has_long) {
        /* no word that long: an ASCII token is none (others may fold shorter) */
        bool ascii = true;
        for (size_t i = 0; i < n && ascii; i++) ascii = (unsigned char)p[i] < 0x80;
        if (ascii) return TK_NONE;
    }
    char buf[TK_MAX_WORD];
    size_t fn = fold(p, n, buf);
    if (!fn) return TK_NONE;
    unsigned k = filter_key(buf, fn);
    if (!(lex->filter[k >> 6] & (1ull << (k & 63)))) return TK_NONE;
    return tk_intern_find(&lex->words, buf, fn);
}

/* The id of w, adding it with room in the per-word arrays; TK_NONE when
 * out of memory. */
static uint32_t add_word(tk_quote_lex *lex, const char *w, size_t n) {
    char buf[TK_MAX_WORD];
    size_t fn = fold(w, n, buf);
    if (!fn) return TK_NONE;
    uint32_t id = tk_intern_add(&lex->words, buf, fn);
    if (id == TK_NONE) return TK_NONE;
    unsigned fk = filter_key(buf, fn);
    lex->filter[fk >> 6] |= 1ull << (fk & 63);
    if (id >= lex->cap) {
        size_t ncap = lex->cap ? lex->cap * 2 : 1024;
        while (ncap <= id) ncap *= 2;
        uint32_t *bits = realloc(lex->bits, ncap * sizeof *bits);
        if (bits) lex->bits = bits;
        int32_t *role = realloc(lex->role, ncap * sizeof *role);
        if (role) lex->role = role;
        uint32_t *part = realloc(lex->particle, ncap * sizeof *part);
        if (part) lex->particle = part;
        bool *plain = realloc(lex->plain, ncap * sizeof *plain);
        if (plain) lex->plain = plain;
        if (!bits || !role || !part || !plain) return TK_NONE;
        for (size_t i = lex->cap; i < ncap; i++) {
            lex->bits[i] = 0;
            lex->role[i] = -1;
            lex->particle[i] = TK_NONE;
            lex->plain[i] = false;
        }
        lex->cap = ncap;
    }
    return id;
}

static bool add_verb(tk_quote_lex *lex, const char *line, size_t n) {
    const char *sp = memchr(line, ' ', n);
    size_t hn = sp ? (size_t)(sp - line) : n;
    uint32_t part = TK_NONE;
    if (sp) {
        const char *pw = sp + 1;
        size_t pn = n - hn - 1;
        if ((part = add_word(lex, pw, pn)) == TK_NONE) return false;
    }
    char lemma[TK_MAX_WORD];
    if (!fold(line, hn, lemma)) return true; /* too long to be a verb: ignored */
    tk_forms f = {.n = 0};
    tk_inflect_verb(lemma, &f);
    for (int i = -1; i < f.n; i++) {
        const char *w = i < 0 ? lemma : f.form[i];
        uint32_t id = add_word(lex, w, strlen(w));
        if (id == TK_NONE) return false;
        lex->bits[id] |= QW_CUE;
        if (part == TK_NONE) lex->plain[id] = true;
        else if (lex->particle[id] == TK_NONE) lex->particle[id] = part;
    }
    lex->nverbs++;
    return true;
}

static bool add_roles(tk_quote_lex *lex, const char *line, size_t n) {
    int32_t group = (int32_t)lex->ngroups++;
    size_t i = 0, wn;
    const char *wp;
    char w[TK_MAX_WORD];
    while (next_word(line, n, &i, &wp, &wn)) {
        /* a multi-word role (head_of_state) would be found by its last
         * word, too vague: only single words are roles */
        if (memchr(wp, '_', wn) || !fold(wp, wn, w)) continue;
        tk_forms f = {.n = 0};
        tk_inflect_noun(w, &f);
        for (int k = -1; k < f.n; k++) {
            const char *z = k < 0 ? w : f.form[k];
            uint32_t id = add_word(lex, z, strlen(z));
            if (id == TK_NONE) return false;
            lex->bits[id] |= QW_ROLE;
            if (lex->role[id] < 0) lex->role[id] = group;
        }
        lex->nroles++;
    }
    return true;
}

static bool add_phrase(tk_quote_lex *lex, const char *line, size_t n) {
    tk_quote_phrase ph = {.n = 0};
    size_t i = 0, wn;
    const char *wp;
    while (ph.n < TK_QUOTE_MAX_PHRASE && next_word(line, n, &i, &wp, &wn)) {
        uint32_t id = add_word(lex, wp, wn);
        if (id == TK_NONE) return false;
        ph.w[ph.n++] = id;
    }
    if (!ph.n) return true;
    lex->bits[ph.w[0]] |= QW_PHRASE;
    tk_quote_phrase *p = realloc(lex->phrases, (lex->nphrases + 1) * sizeof *p);
    if (!p) return false;
    lex->phrases = p;
    lex->phrases[lex->nphrases++] = ph;
    return true;
}

static bool read_cues(tk_quote_lex *lex, const char *text, size_t len) {
    enum { NONE, VERBS, PHRASES, NOUNS, ROLES } sec = NONE;
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - text) : len;
        const char *line = text + i;
        size_t n = e - i;
        const char *hash = memchr(line, '#', n);
        if (hash) n = (size_t)(hash - line);
        while (n && (line[0] == ' ' || line[0] == '\t')) { line++; n--; }
        while (n && (line[n - 1] == ' ' || line[n - 1] == '\t' || line[n - 1] == '\r')) n--;
        i = e + 1;
        if (!n) continue;
        if (line[0] == '[') {
            if (!strncmp(line, "[verbs]", n)) sec = VERBS;
            else if (!strncmp(line, "[phrases]", n)) sec = PHRASES;
            else if (!strncmp(line, "[nouns]", n)) sec = NOUNS;
            else if (!strncmp(line, "[roles]", n)) sec = ROLES;
            else sec = NONE;
            continue;
        }
        bool ok = true;
        switch (sec) {
        case VERBS: ok = add_verb(lex, line, n); break;
        case PHRASES: ok = add_phrase(lex, line, n); break;
        case ROLES: ok = add_roles(lex, line, n); break;
        case NOUNS:
            if (!memchr(line, ' ', n)) {
                uint32_t id = add_word(lex, line, n);
                if (id == TK_NONE) return false;
                lex->bits[id] |= QW_SPEECHNOUN;
            }
            break;
        case NONE: break;
        }
        if (!ok) return false;
    }
    return true;
}

tk_quote_lex *tk_quote_lex_new(void) {
    tk_quote_lex *lex = calloc(1, sizeof *lex);
    if (!lex) return NULL;
    tk_intern_init(&lex->words);
    for (size_t i = 0; i < sizeof function_words / sizeof *function_words; i++) {
        uint32_t id = add_word(lex, function_words[i].w, strlen(function_words[i].w));
        if (id == TK_NONE) goto fail;
        lex->bits[id] |= function_words[i].bits;
    }
    const tk_embedded_file *f = NULL;
    for (unsigned i = 0; i < tk_embedded_count; i++)
        if (!strcmp(tk_embedded_files[i].path, CUES_PATH)) f = &tk_embedded_files[i];
    if (!f || !read_cues(lex, f->text, f->len) || !build_short(lex) || !chain_phrases(lex)) goto fail;
    return lex;
fail:
    tk_quote_lex_free(lex);
    return NULL;
}

void tk_quote_lex_free(tk_quote_lex *lex) {
    if (!lex) return;
    tk_intern_free(&lex->words);
    free(lex->bits);
    free(lex->role);
    free(lex->particle);
    free(lex->plain);
    free(lex->phrases);
    free(lex->phrase_first);
    free(lex->phrase_next);
    free(lex->buckets);
    free(lex);
}
