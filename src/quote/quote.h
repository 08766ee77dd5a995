/* quote.h — the quote stage: quotations of every mark convention, who said
 * them (cue and speaker mention), and the speakers as entities across the
 * story. Runs after segmentation; the event coder reads the quotes to give
 * the events inside them the "reported" modality. */
#ifndef TK_QUOTE_H
#define TK_QUOTE_H

#include <string.h>
#include <strings.h>

#include "../engine/story.h"
#include "../util/hashmap.h"

/* Word classes of the cue lexicon (data/quotes/cues.txt plus the function
 * words the attribution rules read). A word can be in several classes. */
enum {
    QW_CUE = 1u << 0,       /* a form of a verb that introduces speech */
    QW_ROLE = 1u << 1,      /* a noun that describes a speaker (researcher) */
    QW_DEF = 1u << 2,       /* the, this, that */
    QW_INDEF = 1u << 3,     /* a, an, another, one */
    QW_POSS = 1u << 4,      /* its, his, her, their */
    QW_HE = 1u << 5,
    QW_SHE = 1u << 6,
    QW_THEY = 1u << 7,      /* they, we, i: a speaker pronoun we do not resolve by gender */
    QW_REL = 1u << 8,       /* who, which, that, whose */
    QW_PREP = 1u << 9,
    QW_ADV = 1u << 10,      /* also, then, later, again... between a speaker and a cue */
    QW_AUX = 1u << 11,      /* has, had, will, would, is, was, did */
    QW_SUBORD = 1u << 12,   /* because, when, while, if, but... end a subject leftwards */
    QW_TITLEWORD = 1u << 13,/* film, book, dubbed, so-called: a quoted title or label follows */
    QW_SPEECHNOUN = 1u << 14, /* statement, interview, remarks */
    QW_TELL = 1u << 15,     /* tell, assure, inform: the word after is the addressee */
    QW_PARTICLE = 1u << 16, /* de, van, al, bin: inside a person's name */
    QW_PHRASE = 1u << 17,   /* first word of a cue phrase (according to) */
    QW_CONJ = 1u << 18,     /* and, or */
    QW_FOR = 1u << 19,      /* for: "For Mr. Broers, ..." */
    QW_COPULA = 1u << 20    /* is, was, are, were: "X is quoted as saying" */
};

#define TK_QUOTE_MAX_PHRASE 6

typedef struct tk_quote_phrase {
    uint32_t w[TK_QUOTE_MAX_PHRASE];
    uint8_t n;
} tk_quote_phrase;

typedef struct tk_quote_bucket {
    uint64_t key[2][2];  /* two words, packed (tk_quote_pack) */
    uint32_t bits[2];    /* their classes */
    uint16_t id1[2];     /* their ids + 1 */
    uint8_t len[2];      /* their lengths; 0: no word */
    uint8_t more;        /* 1: full when a word that hashed here was added (it is further on) */
    uint8_t pad[17];     /* (one cache line) */
} tk_quote_bucket;

struct tk_quote_lex {
    tk_intern words;
    uint32_t *bits;      /* per word id */
    int32_t *role;       /* per word id: role group, -1 */
    uint32_t *particle;  /* per word id: the particle a cue verb needs ("point" out), TK_NONE */
    bool *plain;         /* per word id: the verb is a cue without its particle too */
    size_t cap;
    tk_quote_phrase *phrases;
    size_t nphrases;
    uint32_t *phrase_first;  /* per word id: the first phrase it begins, TK_NONE */
    uint32_t *phrase_next;   /* per phrase: the next one with the same first word, TK_NONE */
    size_t nverbs, nroles, ngroups;
    uint64_t filter[1024];/* 65536 bits by (length, first two and last two
                           * letters): most words are answered "not here"
                           * without hashing */
    /* The fast index (see tk_quote_word): words of at most 16 ASCII bytes,
     * packed in two 64-bit integers, two to a bucket of one cache line
     * with their ids and classes. A look-up reads one line: the coder's
     * dictionaries push the index out of the caches between stories, and
     * each line read is then a trip to memory */
    tk_quote_bucket *buckets;
    uint32_t bucket_mask;    /* buckets - 1; 0: no fast index (65,535 words or more) */
    bool has_long;           /* a word of more than 16 ASCII bytes */
};

/* Builds the lexicon from the embedded data/quotes/cues.txt; NULL when out
 * of memory or when the file is missing. */
tk_quote_lex *tk_quote_lex_new(void);
void tk_quote_lex_free(tk_quote_lex *lex);

/* The fast index. A word of n <= 16 bytes is determined by n and two
 * 64-bit integers: its first and last 8 bytes (4 and 4, or 3 single bytes,
 * when shorter; they overlap, which is fine as n is known). Its matching
 * form, when the bytes are ASCII, is the same bytes lower-cased, which is
 * done eight at a time. */
#define TK_QUOTE_SHORT 16

static inline uint64_t tk_quote_lower8(uint64_t v) {
    const uint64_t ones = 0x0101010101010101ULL;
    /* per byte (all < 0x80, so no carries): high bit set when >= 'A', and
     * when > 'Z'; 'A'..'Z' are those where exactly one is */
    uint64_t ge_a = v + ones * (0x80 - 'A'), gt_z = v + ones * (0x80 - 'Z' - 1);
    return v | (((ge_a ^ gt_z) & ones * 0x80) >> 2);
}

/* The key of p[0,n), 1 <= n <= 16; false when a byte is not ASCII. */
static inline bool tk_quote_pack(const char *p, size_t n, uint64_t key[2]) {
    uint64_t a, b = 0;
    if (n >= 8) {
        memcpy(&a, p, 8);
        memcpy(&b, p + n - 8, 8);
    } else if (n >= 4) {
        uint32_t x, y;
        memcpy(&x, p, 4);
        memcpy(&y, p + n - 4, 4);
        a = x | (uint64_t)y << 32;
    } else {
        a = (uint64_t)(unsigned char)p[0] | (uint64_t)(unsigned char)p[n / 2] << 8 |
            (uint64_t)(unsigned char)p[n - 1] << 16;
    }
    if ((a | b) & 0x8080808080808080ULL) return false;
    key[0] = tk_quote_lower8(a);
    key[1] = tk_quote_lower8(b);
    return true;
}

static inline uint32_t tk_quote_slot(const uint64_t key[2], size_t n) {
    uint64_t h = (key[0] ^ (key[1] * 0x9E3779B97F4A7C15ULL) ^ n) * 0xC2B2AE3D27D4EB4FULL;
    return (uint32_t)(h >> 32);
}

/* tk_quote_word for what the fast index does not answer: folds the word. */
uint32_t tk_quote_word_slow(const tk_quote_lex *lex, const char *p, size_t n);

/* The id of a word (any case; ASCII folded), TK_NONE when unknown, and
 * in *bits its classes (0 when unknown). An ASCII word folds to itself
 * lower-cased: it is looked up in the fast index, with no fold and no
 * byte-by-byte hash. */
static inline uint32_t tk_quote_word_bits(const tk_quote_lex *lex, const char *p, size_t n, uint32_t *bits) {
    uint64_t key[2];
    if (n - 1 < TK_QUOTE_SHORT && lex->bucket_mask && tk_quote_pack(p, n, key)) {
        for (uint32_t j = tk_quote_slot(key, n) & lex->bucket_mask;; j = (j + 1) & lex->bucket_mask) {
            const tk_quote_bucket *b = &lex->buckets[j];
            for (int e = 0; e < 2; e++)
                if (b->len[e] == n && b->key[e][0] == key[0] && b->key[e][1] == key[1]) {
                    *bits = b->bits[e];
                    return b->id1[e] - 1u;
                }
            if (!b->more) {
                *bits = 0;
                return TK_NONE;
            }
        }
    }
    uint32_t id = tk_quote_word_slow(lex, p, n);
    *bits = id == TK_NONE ? 0 : lex->bits[id];
    return id;
}

/* The id of a word (any case; ASCII folded), TK_NONE when unknown. */
static inline uint32_t tk_quote_word(const tk_quote_lex *lex, const char *p, size_t n) {
    uint32_t bits;
    return tk_quote_word_bits(lex, p, n, &bits);
}
static inline uint32_t tk_quote_bits(const tk_quote_lex *lex, uint32_t id) {
    return id == TK_NONE ? 0 : lex->bits[id];
}

/* Finds the story's quotations, their cues and speakers. */
tk_status tk_quotes_find(tk_story *s);

/* For the coder: is byte offset `at` inside a spoken quotation? */
bool tk_quote_covers(const tk_story *s, uint32_t at);

/* ---- inside the stage ---- */

/* A mention of a speaker: tokens [a, b), and a description [da, db) found
 * beside it (an appositive), empty when da == db. */
typedef struct tk_mention {
    uint32_t a, b, da, db;
    uint32_t rel;   /* a relative pronoun that is the cue's subject ("who told"), TK_NONE */
} tk_mention;

/* What the rules know of one token, found on demand and kept. */
typedef struct tk_qtok {
    uint32_t wid;   /* lexicon id, TK_QWID_MISS, or TK_QWID_UNSEEN */
    uint32_t bits;  /* word classes in context, or TK_QWID_UNSEEN */
    uint32_t sent;  /* its sentence, TK_NONE outside sentences */
} tk_qtok;

#define TK_QWID_UNSEEN 0xFFFFFFFFu /* not looked up yet */
#define TK_QWID_MISS 0xFFFFFFFEu   /* looked up, not in the lexicon */

/* What the attribution rules share: the story, the lexicon, what they
 * know of each token (the quotes of a news story are everywhere: nearly
 * every part of it is looked at), and the last person named (for "he",
 * "the researcher"). */
typedef struct tk_qctx {
    tk_story *s;
    const tk_token *toks;/* s->tokens.v (which does not move during the stage) */
    const tk_quote_lex *lex;
    tk_qtok *tok;        /* per token */
    int32_t last_person; /* entity index, -1 */
    int32_t day;         /* story date YYYYMMDD for actor codes, 0 */
    uint32_t *run_ends;  /* last tokens of capitalised runs of 2+ words, built on first use */
    uint32_t *run_key;   /* per run end: a key of its last word's text (speakers.c), made on first use */
    size_t nrun_ends;
    bool runs_built;
} tk_qctx;

/* The slow paths of the two below: the look-up, the first time. */
uint32_t tk_qctx_word_find(tk_qctx *x, uint32_t tok);
uint32_t tk_qctx_bits_find(tk_qctx *x, uint32_t tok);

/* The lexicon id of token `tok`, TK_NONE when it is no lexicon word. */
static inline uint32_t tk_qctx_word(tk_qctx *x, uint32_t tok) {
    uint32_t id = x->tok[tok].wid;
    if (id == TK_QWID_MISS) return TK_NONE;
    return id != TK_QWID_UNSEEN ? id : tk_qctx_word_find(x, tok);
}
/* The sentence of token `tok`, TK_NONE outside sentences (a datelines). */
static inline uint32_t tk_qctx_sent(tk_qctx *x, uint32_t tok) { return x->tok[tok].sent; }
/* The word classes of token `tok`. A capitalised word inside a sentence
 * is a name before it is a verb or a function word ("said Will Doyle",
 * "The Huffington Post"): it keeps only its determiner, pronoun,
 * preposition and role classes. */
static inline uint32_t tk_qctx_bits(tk_qctx *x, uint32_t tok) {
    uint32_t b = x->tok[tok].bits;
    return b != TK_QWID_UNSEEN ? b : tk_qctx_bits_find(x, tok);
}

/* Does token `tok` open its sentence? (false outside sentences) */
static inline bool tk_qctx_opens(tk_qctx *x, uint32_t tok) {
    uint32_t si = tk_qctx_sent(x, tok);
    return si != TK_NONE && x->s->sentences.v[si].tok_start == tok;
}

/* Is token `tok` the word `lit` (any case)? TK_QCTX_IS(x, tok, "that") */
#define TK_QCTX_IS(x, tok, lit) tk_qctx_is((x), (tok), (lit), sizeof(lit) - 1)
static inline bool tk_qctx_is(const tk_qctx *x, uint32_t tok, const char *lit, size_t n) {
    const tk_token *t = &x->toks[tok];
    if (t->end - t->start != n) return false;
    /* strncasecmp's answer (ASCII letters folded), inline: the literal is short */
    const unsigned char *p = (const unsigned char *)x->s->text + t->start, *q = (const unsigned char *)lit;
    for (size_t i = 0; i < n; i++) {
        unsigned a = p[i], b = q[i];
        if (a - 'A' < 26u) a += 32;
        if (b - 'A' < 26u) b += 32;
        if (a != b) return false;
    }
    return true;
}

/* marks.c: a lone ‘ ’ or ' (not a clitic, not inside a word): maybe a mark */
bool tk_quote_single_mark(const tk_story *s, const tk_token *t);

/* marks.c: appends the story's quotations (kind speech, no speaker yet),
 * sorted by start; also gives the ends of the runs of 2+ capitalised
 * words (for speakers.c), found in the same pass. */
tk_status tk_quote_marks(tk_story *s, uint32_t **run_ends, size_t *nrun_ends);
/* speakers.c: the entity a mention names, created when new; -1 when the
 * mention names nobody; -2 when out of memory. */
int32_t tk_speaker_resolve(tk_qctx *x, const tk_mention *m);
/* speakers.c: looks up the actor codes of the entities that speak. */
bool tk_speaker_codes(tk_qctx *x);
/* speakers.c: does the mention look like a person (a name, a role, he/she)? */
bool tk_speaker_personlike(tk_qctx *x, const tk_mention *m);

#endif
