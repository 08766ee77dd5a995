/* coder.h — inside the code stage: the coder's state for one sentence
 * (its words, their classes, dictionary matches, chunks, noun phrases,
 * the places located in it) and the word classes, shared by events.c (the
 * events) and places.c (their locations). Not part of any public API. */
#ifndef TK_CODER_H
#define TK_CODER_H

#include "code.h"
#include "../match/match.h"

#define MAX_MATCHES 1024

typedef struct chunk {
    uint32_t start, end; /* words */
    uint8_t kind;        /* TK_ENTRY_ACTOR, _AGENT, _VERB */
    uint32_t entry;
} chunk;

typedef struct np {
    uint32_t start, end; /* words */
    bool agent_only;     /* coded from agents alone: no country yet */
    const char *lead_agent;  /* "lawmakers in Gondor": the agent before a country */
    const char *trail_agent; /* "Gondorian lawmakers": the agent after it */
    char code[40];
} np;

typedef struct sent {
    tk_story *s;
    const tk_dict *d;
    size_t si;
    int32_t day;
    tk_words w;
    tk_dict_match m[MAX_MATCHES];
    size_t nm;
    chunk c[256];
    size_t nc;
    np nps[128];
    size_t nnp;
    int16_t np_at[512];   /* word -> np index or -1 (first 512 words) */
    int16_t rel[512];     /* word inside ", which/who ... ," -> the comma opening it, else -1 */
    bool quoted[512];     /* word inside a quotation */
    uint64_t cls[512];    /* class bits of each word */
    uint32_t wid[512];    /* each word's id in the dictionary's words, or TK_NONE */
    uint64_t has[16];     /* a 1024-bit filter of the sentence's word ids */
    bool story_discard;   /* a whole-story discard phrase was seen */
    tk_actor_ref last;    /* the story's last event source */
    /* what the story has named so far, for "the junta", "the organisation" */
    char country[4];      /* the country named most often */
    uint32_t country_n;
    struct { char code[4]; uint32_t n; } seen[16];
    size_t nseen;
    char last_org[40], last_grp[40];
    /* places (places.c): those this sentence locates something in, in
     * text order, and the story's dateline place */
    tk_place_ref locs[16];
    uint32_t loc_at[16];  /* the first word of each */
    size_t nlocs;
    tk_place_ref dateline;
} sent;

/* Word classes the coder looks at, as bits (one lookup per word). */
enum {
    W_DET = 1u << 0, W_PREP = 1u << 1, W_BE = 1u << 2, W_NEG = 1u << 3, W_SPEC = 1u << 4,
    W_HYPO = 1u << 5, W_BREAK = 1u << 6, W_REL = 1u << 7, W_PRON = 1u << 8, W_AND = 1u << 9,
    W_TO = 1u << 10, W_BY = 1u << 11, W_THAT = 1u << 12, W_COMMA = 1u << 13, W_SEMI = 1u << 14,
    W_JOIN = 1u << 15, W_HAVE = 1u << 16,
    W_ORGREF = 1u << 17, /* "the organisation", "the bloc": an organisation named before */
    W_GRPREF = 1u << 18, /* "the group", "the movement": an armed or political group */
    W_COORD = 1u << 19,  /* ends a clause for the event's text: ; : but while although */
    W_DATE = 1u << 20,   /* a word that can shift an event's date */
    W_MODPART = 1u << 21, /* "-held", "-backed", "-based": the participle of a hyphenated modifier */
    W_ADJPART = 1u << 22, /* "opposed", "engaged", "involved": a state before "to"/"in" */
    W_IN = 1u << 23,
    /* places (places.c) */
    W_LOC = 1u << 24,     /* "in", "at", "near", "outside": a place after it is where */
    W_LOCIF = 1u << 25,   /* "on": only with a place noun ("on the outskirts of") */
    W_LOCNOUN = 1u << 26, /* "city", "province", "northern", "km": may stand between */
    W_LOCOF = 1u << 27,   /* "north", "outskirts": "north of X" is near X */
    W_NOTLOC = 1u << 28,  /* "interest", "confidence": "interest in X" is no place */
    W_LOCSTOP = 1u << 29, /* "what", "how": ends the look back from a place */
    /* frames around an act (see compose_frames in events.c) */
    W_FUT = 1ull << 30,    /* will, shall, would: an intent ("would" only in reported speech) */
    W_MUST = 1ull << 31,   /* must, should: a demand or appeal of the sentence's speaker */
    W_INTENT = 1ull << 32, /* ready, plans, wants, decided ... "to": an intent */
    W_COND = 1ull << 33,   /* if, unless: a condition, so a hypothesis */
    W_ADV = 1ull << 34     /* also, soon, still...: skipped between a frame and its act */
};

/* Appends a line to the explanation when one is asked for. */
#define TRACE(x, ...) do { if ((x)->s->trace) tk_buf_printf((x)->s->trace, __VA_ARGS__); } while (0)

/* The words [a,b) of the sentence, for the explanation. */
void tk_code_trace_words(const sent *x, uint32_t a, uint32_t b);

/* Class bits of word i (words past the 512th have none). */
static inline uint64_t C(const sent *x, uint32_t i) { return i < 512 && i < x->w.n ? x->cls[i] : 0; }

/* places.c: the story's dateline place (before the first sentence); the
 * places the sentence locates something in (after its noun phrases are
 * made); the location of the events [first, story->events.n) the sentence
 * gave. */
tk_status tk_code_dateline_place(sent *x);
void tk_code_find_places(sent *x);
void tk_code_locate_events(sent *x, size_t first);

#endif
