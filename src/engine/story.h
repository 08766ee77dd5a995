/* story.h — the inside of tk_engine and tk_story, shared by the pipeline
 * stages. Stages read the fields earlier stages filled and add their own;
 * none rewrites the text. Offsets are byte offsets into `text`. */
#ifndef TK_STORY_H
#define TK_STORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tarikh.h"
#include "../util/arena.h"
#include "../util/buf.h"

#include "../dict/dict.h"
#include "../dict/cameo.h"

typedef struct tk_clean_tables tk_clean_tables;
typedef struct tk_quote_lex tk_quote_lex;

struct tk_engine {
    tk_options opts;
    tk_clean_tables *clean; /* boilerplate phrase automaton */
    tk_dict dict;           /* all dictionaries, compiled */
    tk_cameo cameo;         /* the CAMEO event code table */
    tk_quote_lex *quote_lex;/* cue verbs, speaker roles, function words */
    tk_intern code_words;   /* function words the coder classifies */
    uint64_t code_bits[256];
    tk_intern place_words;  /* words around places (code/places.c) */
    uint64_t place_bits[256];
    /* part of speech by dictionary word id (see code/poslex.h): how likely
     * a noun, a past participle, in percent; 255 unknown */
    uint8_t *pos_noun, *pos_vbn;
    size_t npos;
    uint32_t code_first[24];/* per word length: first letters (a-z bits) of code words */
};

/* A growable array owned by the story, reused story after story. */
#define TK_VEC(T) struct { T *v; size_t n, cap; }
/* Makes room for one more element; evaluates to false when out of memory. */
#define TK_VEC_GROW(vec) \
    ((vec).n < (vec).cap || tk_vec_grow((void **)&(vec).v, &(vec).cap, sizeof *(vec).v))
bool tk_vec_grow(void **v, size_t *cap, size_t elem);

/* Where each event of a rendering is (TK_RENDER_EVENT_SPANS). */
typedef struct tk_spans {
    tk_event_span *v;
    size_t n, cap;
    size_t count_start, count_end; /* the event count shown, if any */
    bool on, failed;               /* asked for; an allocation failed */
} tk_spans;

/* A span of text the clean stage took out of the story. */
typedef struct tk_removed {
    uint32_t start, end;
    const char *reason; /* static string */
} tk_removed;

enum tk_token_kind {
    TK_TOK_WORD = 1, /* letters/digits with internal ' - . & */
    TK_TOK_NUMBER,   /* starts with a digit: 3.5, 1,200, 2021 */
    TK_TOK_PUNCT,    /* . , ; : ! ? ... and other symbols */
    TK_TOK_QUOTE,    /* a double quotation mark of any convention */
    TK_TOK_OPEN,     /* ( [ { */
    TK_TOK_CLOSE     /* ) ] } */
};

enum tk_token_flag {
    TK_TF_SPACE_BEFORE = 1u << 0, /* whitespace (or a paragraph start) precedes it */
    TK_TF_PARA_START = 1u << 1,   /* first token of a paragraph */
    TK_TF_UPPER = 1u << 2,        /* begins with an uppercase letter */
    TK_TF_LOWER = 1u << 3,        /* begins with a lowercase letter */
    TK_TF_ABBREV = 1u << 4,       /* a word with its abbreviation full stop (Mr., U.S.) */
    TK_TF_TITLE = 1u << 5,        /* an honorific or title abbreviation (Mr., Gen.) */
    TK_TF_INITIAL = 1u << 6,      /* a single capital and full stop (W.) */
    TK_TF_QUOTE_OPEN = 1u << 7,   /* quote mark paired as opening */
    TK_TF_QUOTE_CLOSE = 1u << 8,  /* quote mark paired as closing */
    TK_TF_CLITIC = 1u << 9,       /* 's n't 're ... split from the word before */
    TK_TF_TERMINAL = 1u << 10,    /* . ! ? or an ellipsis */
    TK_TF_ELLIPSIS = 1u << 11,
    TK_TF_MONTH = 1u << 12,       /* month name or abbreviation */
    TK_TF_STARTER = 1u << 13,     /* a word that typically begins a sentence */
    TK_TF_NORM = 1u << 14,        /* norm text differs from the original */
    TK_TF_SPACE_AFTER = 1u << 15  /* whitespace (or a paragraph end) follows */
};

typedef struct tk_token {
    uint32_t start, end;  /* bytes in text */
    uint32_t norm;        /* offset in story->norm when TK_TF_NORM is set */
    uint32_t norm_len;
    uint16_t flags;
    uint8_t kind;
    uint8_t quoted;       /* 1: inside a spoken quotation (the quote stage sets it) */
    uint32_t para;        /* paragraph index */
} tk_token;

typedef struct tk_sentence {
    uint32_t start, end;          /* bytes in text */
    uint32_t tok_start, tok_end;  /* tokens [tok_start, tok_end) */
} tk_sentence;

typedef struct tk_dateline {
    bool found;
    uint32_t start, end;              /* the whole dateline incl. separator */
    uint32_t place_start, place_end;  /* "KABUL" */
    uint32_t agency_start, agency_end;/* "AFP" (0,0 if none) */
    uint32_t date_start, date_end;    /* "March 19" (0,0 if none) */
} tk_dateline;

enum tk_modality { TK_MOD_ASSERTED = 0, TK_MOD_REPORTED, TK_MOD_SPECULATIVE, TK_MOD_HYPOTHETICAL };

typedef struct tk_actor_ref {
    bool set;
    uint32_t start, end;   /* bytes in text */
    char code[40];
} tk_actor_ref;

/* Where an event happened: a place of the places dictionary named in the
 * event's clause after a locative word, or the story's dateline place. */
enum tk_loc_from { TK_LOC_NONE = 0, TK_LOC_CLAUSE, TK_LOC_DATELINE };
typedef struct tk_place_ref {
    uint8_t from;          /* enum tk_loc_from; TK_LOC_NONE: no location */
    uint32_t start, end;   /* bytes of the name as written in text */
    uint32_t cue_start, cue_end; /* bytes of the locative word ("in", "north of"); equal if none */
    uint32_t entry;        /* the place's dictionary entry */
} tk_place_ref;

typedef struct tk_event {
    uint32_t sentence;
    tk_actor_ref source, target;
    char code[8];          /* CAMEO code */
    uint32_t verb_start, verb_end; /* bytes of the verb in text */
    uint32_t text_start, text_end; /* the clause it was coded from, with its actors */
    uint32_t entry;        /* the verb's dictionary entry */
    int32_t pattern;       /* index in dict->patterns, or -1 (the verb's own code) */
    bool negated;
    uint8_t modality;
    int32_t date;          /* YYYYMMDD, 0 when unknown */
    tk_place_ref location; /* where; .from == TK_LOC_NONE when unknown */
} tk_event;

enum tk_quote_kind { TK_QUOTE_SPEECH = 0, TK_QUOTE_TITLE, TK_QUOTE_SCARE };

/* A quotation: the words between its marks. */
typedef struct tk_quote {
    uint32_t start, end;             /* bytes of the quoted words, marks excluded */
    uint32_t tok_start, tok_end;     /* tokens of the quoted words [tok_start, tok_end) */
    uint32_t cue_start, cue_end;     /* bytes of the cue ("said", "according to"); equal if none */
    uint32_t mention_start, mention_end; /* bytes of the mention that attributes it */
    int32_t speaker;                 /* index in story->speakers, -1 when unknown */
    uint8_t kind;                    /* enum tk_quote_kind */
    uint8_t how;                     /* how the speaker was found (quote/attribute.c) */
    bool nested, partial;
} tk_quote;

/* A person or body quoted in the story, one per entity however named. */
typedef struct tk_speaker {
    uint32_t name_start, name_end;   /* the fullest name the story gives; equal if none */
    uint32_t desc_start, desc_end;   /* a description ("researcher at ..."); equal if none */
    uint32_t key_start, key_end;     /* surname or head word it is found again by */
    int32_t role;                    /* role group in the cue lexicon, -1 if none */
    uint32_t role_word;              /* the role word itself (lexicon id), TK_NONE if none */
    uint8_t gender;                  /* 0 unknown, 1 he, 2 she */
    bool person;
    char code[40];                   /* actor code from the dictionaries, "" if none */
    uint32_t code_from[3][2];        /* token ranges to look the code up in, in order */
    uint8_t ncode_from;
} tk_speaker;

struct tk_story {
    const tk_engine *engine;
    tk_arena arena;     /* strings and copies that die with the story */
    void *json_doc;     /* parsed input record (cJSON), freed at reset */

    /* input */
    const char *id, *date, *source, *url, *title; /* NUL-terminated or NULL */
    size_t title_len;
    const char *meta_json; /* serialized extra fields, or NULL */
    const char *text;
    size_t text_len;

    /* clean */
    TK_VEC(tk_removed) removed;
    char *norm;         /* normalised text of tokens with TK_TF_NORM */
    size_t norm_len, norm_cap;

    /* segment */
    tk_dateline dateline;
    TK_VEC(tk_token) tokens;
    TK_VEC(tk_sentence) sentences;

    /* match: the current sentence's words, reused sentence after sentence */
    TK_VEC(tk_word) mwords;
    TK_VEC(uint32_t) mtokens;
    tk_buf mchars;

    /* code */
    TK_VEC(tk_event) events;
    TK_VEC(tk_quote) quotes;
    TK_VEC(tk_speaker) speakers;

    TK_VEC(const char *) warnings; /* strings in the arena */

    size_t dropped;     /* events dropped as repeats (dedup_story) */

    tk_buf out;         /* rendered output */
    tk_spans spans;     /* where each event is in `out` (TK_RENDER_EVENT_SPANS) */
    tk_buf *trace;      /* when set, the coder explains itself here (explain) */
    char errmsg[256];
};

/* Adds a warning (printf-style) to the story; false when out of memory. */
bool tk_story_warn(tk_story *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Sets the story's error message and returns `st`. */
tk_status tk_story_fail(tk_story *s, tk_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
