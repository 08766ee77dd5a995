/* speakers.c — the people and bodies quoted in a story, one entity each
 * however the story names them: a full name ("Laurence Broers"), the name
 * again with or without a title ("Mr. Broers", "Broers"), a role or
 * description ("the researcher", "its spokesman"), a pronoun ("he"). An
 * entity keeps the fullest name the story gives, its description, its
 * role group from the cue lexicon and, when the dictionaries know the
 * name or the body in the description, an actor code. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "quote.h"
#include "../match/match.h"
#include "../segment/segment.h"

#define SEARCH_BACK 256      /* entities searched, newest first */
#define NAME_WINDOW 3000     /* tokens searched for a fuller name, each side */
#define MAX_ENTITIES 4096

static const tk_token *T(tk_qctx *x, uint32_t i) { return &x->s->tokens.v[i]; }

static bool is_word(tk_qctx *x, uint32_t i) { return T(x, i)->kind == TK_TOK_WORD; }

static bool capital(tk_qctx *x, uint32_t i) {
    const tk_token *t = T(x, i);
    return t->kind == TK_TOK_WORD && (t->flags & TK_TF_UPPER) && !(t->flags & TK_TF_CLITIC);
}

static bool same_text(tk_qctx *x, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1) {
    const char *t = x->s->text;
    return a1 - a0 == b1 - b0 && !memcmp(t + a0, t + b0, a1 - a0);
}

/* a title before a name: Mr. Ms. Dr. Gen. ... (the segmenter marks them) */
static bool title(tk_qctx *x, uint32_t i) { return (T(x, i)->flags & TK_TF_TITLE) != 0; }

static uint8_t title_gender(tk_qctx *x, uint32_t i) {
    const tk_token *t = T(x, i);
    const char *p = x->s->text + t->start;
    size_t n = t->end - t->start;
    if (n && p[n - 1] == '.') n--;
    if (n == 2 && !memcmp(p, "Mr", 2)) return 1;
    if ((n == 2 && !memcmp(p, "Ms", 2)) || (n == 3 && !memcmp(p, "Mrs", 3)) ||
        (n == 4 && !memcmp(p, "Miss", 4)) || (n == 3 && !memcmp(p, "Mme", 3)))
        return 2;
    return 0;
}

/* A word that can be part of a name: capitalised, not a title, and none
 * of the words the rules know otherwise (The, His, He, For, minister). */
static bool name_word(tk_qctx *x, uint32_t i) {
    if (!capital(x, i) || title(x, i)) return false;
    /* "Maybe Trump": a common sentence opener is no name */
    if (x->sent_of[i] != TK_NONE && x->s->sentences.v[x->sent_of[i]].tok_start == i) {
        const tk_token *t = T(x, i);
        if (tk_is_sentence_starter(x->s->text + t->start, t->end - t->start)) return false;
    }
    return !(tk_qctx_bits(x, i) & ~(uint32_t)(QW_PARTICLE | QW_TITLEWORD | QW_SPEECHNOUN));
}

/* The name inside a mention: the last run of capitalised words (with
 * name particles and initials), after any determiner, title or capitalised
 * role ("the Armenian Prime Minister Nikol Pashinyan" -> Nikol Pashinyan).
 * Returns false when there is none. *titled: a title or role came first. */
static bool find_name(tk_qctx *x, uint32_t a, uint32_t b, uint32_t *na, uint32_t *nb, bool *titled,
                      bool *after_det, uint8_t *gender) {
    *titled = *after_det = false;
    *gender = 0;
    /* not inside a prepositional phrase: "a resident of Stepanakert" */
    for (uint32_t k = a + 1; k < b; k++)
        if ((tk_qctx_bits(x, k) & QW_PREP) && !(tk_qctx_bits(x, k) & QW_PARTICLE)) { b = k; break; }
    uint32_t i = b;
    while (i > a && !name_word(x, i - 1)) i--;
    if (i == a) return false;
    /* "Western diplomat": a capitalised adjective before a noun */
    if (i < b && T(x, i)->kind == TK_TOK_WORD && (T(x, i)->flags & TK_TF_LOWER)) return false;
    uint32_t end = i, start = i - 1;
    while (start > a) {
        uint32_t p = start - 1;
        uint32_t bits = tk_qctx_bits(x, p);
        if (name_word(x, p)) start = p;
        else if ((bits & QW_PARTICLE) && p > a && name_word(x, p - 1)) start = p;
        else break;
    }
    /* a capitalised role inside the run ends the title part */
    for (uint32_t k = end; k-- > start;)
        if (tk_qctx_bits(x, k) & QW_ROLE) { start = k + 1; *titled = true; break; }
    if (start >= end) return false;
    if (start > a) {
        uint32_t p = start - 1;
        if (title(x, p)) { *titled = true; *gender = title_gender(x, p); }
        if (tk_qctx_bits(x, p) & QW_ROLE) *titled = true;
        uint32_t bits = tk_qctx_bits(x, p);
        if (bits & (QW_DEF | QW_POSS)) *after_det = true;
    }
    *na = start;
    *nb = end;
    return true;
}

static int32_t new_entity(tk_qctx *x) {
    tk_story *s = x->s;
    if (s->speakers.n >= MAX_ENTITIES) return -1;
    if (!TK_VEC_GROW(s->speakers)) return -2;
    tk_speaker *e = &s->speakers.v[s->speakers.n];
    memset(e, 0, sizeof *e);
    e->role = -1;
    e->role_word = TK_NONE;
    return (int32_t)s->speakers.n++;
}

/* The first role word in tokens [a, b). */
static uint32_t role_in(tk_qctx *x, uint32_t a, uint32_t b, uint32_t *at) {
    for (uint32_t i = a; i < b; i++) {
        uint32_t id = tk_qctx_word(x, i);
        if (tk_quote_bits(x->lex, id) & QW_ROLE) {
            if (at) *at = i;
            return id;
        }
    }
    return TK_NONE;
}

typedef struct code_hit { const tk_dict *d; int32_t day; char actor[40], agent[40]; uint32_t alen; } code_hit;

static void on_hit(void *ctx, const tk_dict_match *m) {
    code_hit *h = ctx;
    const tk_entry *e = &h->d->entries[m->entry];
    const char *code = tk_dict_code_on(h->d, e, h->day);
    if (!code || !code[0]) return;
    if (e->kind == TK_ENTRY_ACTOR && m->end - m->start > h->alen) {
        snprintf(h->actor, sizeof h->actor, "%s", code);
        h->alen = m->end - m->start;
    } else if (e->kind == TK_ENTRY_AGENT && !h->agent[0]) {
        snprintf(h->agent, sizeof h->agent, "%s", code);
    }
}

/* The actor code the dictionaries give tokens [a, b) ("" when none), the
 * actor composed with an agent beside it. */
static bool code_of(tk_qctx *x, uint32_t a, uint32_t b, char *out, size_t cap) {
    out[0] = '\0';
    if (a >= b || x->sent_of[a] == TK_NONE) return true;
    const tk_dict *d = &x->s->engine->dict;
    if (!d->nentries) return true;
    tk_words w;
    if (tk_match_words_of(x->s, x->sent_of[a], &w) != TK_OK) return false;
    size_t wa = 0, wb;
    while (wa < w.n && w.token[wa] < a) wa++;
    wb = wa;
    while (wb < w.n && w.token[wb] < b) wb++;
    if (wb <= wa) return true;
    code_hit h = {.d = d, .day = x->day};
    if (!tk_dict_match_words(d, w.w + wa, wb - wa, on_hit, &h)) return false;
    if (h.actor[0]) tk_dict_compose(h.actor, h.agent, out, cap);
    return true;
}

/* Sets an entity's description (and role) from tokens [a, b) if it has none. */
static void describe(tk_qctx *x, tk_speaker *e, uint32_t a, uint32_t b) {
    if (a >= b) return;
    /* "a resident of Stepanakert reached by telephone" is kept whole;
     * a description that ends with a comma or dash is trimmed */
    while (b > a && T(x, b - 1)->kind == TK_TOK_PUNCT) b--;
    if (a >= b) return;
    if (e->desc_end == e->desc_start) {
        e->desc_start = T(x, a)->start;
        e->desc_end = T(x, b - 1)->end;
    }
    if (e->role < 0) {
        uint32_t id = role_in(x, a, b, NULL);
        if (id != TK_NONE) { e->role = x->lex->role[id]; e->role_word = id; }
    }
}

/* The description's words up to its first "in"/"at" place ("its spokesman
 * in Yerevan" is not Armenia's), for the actor code. */
static uint32_t code_end(tk_qctx *x, uint32_t a, uint32_t b) {
    for (uint32_t i = a + 1; i < b; i++) {
        uint32_t id = tk_qctx_word(x, i);
        if (id != TK_NONE && (x->lex->bits[id] & QW_PREP)) {
            const tk_token *t = T(x, i);
            size_t n = t->end - t->start;
            const char *p = x->s->text + t->start;
            if ((n == 2 && (!strncasecmp(p, "in", 2) || !strncasecmp(p, "at", 2))) || (n == 4 && !strncasecmp(p, "near", 4)))
                return i;
        }
    }
    return b;
}

/* The longest run of capitalised words in the story, near `at`, that ends
 * with the same word as [ka, kb) (the surname): the fullest name. */
static void fullest_name(tk_qctx *x, uint32_t at, uint32_t *na, uint32_t *nb) {
    tk_story *s = x->s;
    uint32_t ka = *na, kb = *nb;
    const tk_token *key = T(x, kb - 1);
    uint32_t lo = at > NAME_WINDOW ? at - NAME_WINDOW : 0;
    uint32_t hi = at + NAME_WINDOW < s->tokens.n ? at + NAME_WINDOW : (uint32_t)s->tokens.n;
    uint32_t best = kb - ka;
    for (uint32_t i = lo; i < hi; i++) {
        const tk_token *t = T(x, i);
        if (!capital(x, i) || !same_text(x, t->start, t->end, key->start, key->end)) continue;
        if (i + 1 < s->tokens.n && capital(x, i + 1)) continue; /* not the end of its run */
        uint32_t a, b, n2;
        bool titled, det;
        uint8_t g;
        uint32_t from = i > 6 ? i - 6 : 0;
        if (!find_name(x, from, i + 1, &a, &b, &titled, &det, &g)) continue;
        n2 = b - a;
        if (n2 > best && n2 <= 5 && !det) {
            best = n2;
            *na = a;
            *nb = b;
        }
    }
}

static int32_t find_by(tk_qctx *x, bool (*match)(tk_qctx *, const tk_speaker *, const void *), const void *arg) {
    tk_story *s = x->s;
    size_t lo = s->speakers.n > SEARCH_BACK ? s->speakers.n - SEARCH_BACK : 0;
    /* the person named last first, then the newest */
    if (x->last_person >= 0 && (size_t)x->last_person >= lo && match(x, &s->speakers.v[x->last_person], arg))
        return x->last_person;
    for (size_t i = s->speakers.n; i-- > lo;)
        if (match(x, &s->speakers.v[i], arg)) return (int32_t)i;
    return -1;
}

typedef struct span2 { uint32_t start, end; } span2;

static bool by_key(tk_qctx *x, const tk_speaker *e, const void *arg) {
    const span2 *k = arg;
    return e->key_end > e->key_start && same_text(x, e->key_start, e->key_end, k->start, k->end);
}

static bool by_role_word(tk_qctx *x, const tk_speaker *e, const void *arg) {
    (void)x;
    uint32_t id = *(const uint32_t *)arg;
    if (e->role_word == id) return true;
    /* the description may hold the word further in */
    return false;
}

static bool by_role_group(tk_qctx *x, const tk_speaker *e, const void *arg) {
    (void)x;
    return e->role >= 0 && e->role == *(const int32_t *)arg;
}

static bool person_gender(tk_qctx *x, const tk_speaker *e, const void *arg) {
    (void)x;
    uint8_t g = *(const uint8_t *)arg;
    return e->person && (!g || !e->gender || e->gender == g);
}

bool tk_speaker_personlike(tk_qctx *x, const tk_mention *m) {
    if (m->b <= m->a) return false;
    uint32_t bits = tk_qctx_bits(x, m->a);
    if (m->b - m->a == 1 && (bits & (QW_HE | QW_SHE))) return true;
    uint32_t na, nb;
    bool titled, det;
    uint8_t g;
    if (role_in(x, m->a, m->b, NULL) != TK_NONE) return true;
    if (find_name(x, m->a, m->b, &na, &nb, &titled, &det, &g) && !det) {
        if (titled || nb - na >= 2) return true;
        span2 k = {T(x, nb - 1)->start, T(x, nb - 1)->end};
        int32_t e = find_by(x, by_key, &k);
        return e >= 0 && x->s->speakers.v[e].person;
    }
    return false;
}

int32_t tk_speaker_resolve(tk_qctx *x, const tk_mention *m) {
    tk_story *s = x->s;
    if (m->b <= m->a) return -1;
    uint32_t first = tk_qctx_bits(x, m->a);
    int32_t id;
    /* he, she, they */
    if (m->b - m->a == 1 && (first & (QW_HE | QW_SHE | QW_THEY))) {
        uint8_t g = (first & QW_HE) ? 1 : (first & QW_SHE) ? 2 : 0;
        if (first & QW_THEY) return -1;
        id = find_by(x, person_gender, &g);
        if (id >= 0 && g && !s->speakers.v[id].gender) s->speakers.v[id].gender = g;
        if (id >= 0) x->last_person = id;
        return id;
    }
    uint32_t na, nb;
    bool titled, det;
    uint8_t g;
    if (find_name(x, m->a, m->b, &na, &nb, &titled, &det, &g) && !det) {
        span2 k = {T(x, nb - 1)->start, T(x, nb - 1)->end};
        id = find_by(x, by_key, &k);
        bool person = titled || nb - na >= 2 || (id >= 0 && s->speakers.v[id].person);
        if (id < 0) {
            if ((id = new_entity(x)) < 0) return id;
            tk_speaker *e = &s->speakers.v[id];
            e->key_start = k.start;
            e->key_end = k.end;
            uint32_t fa = na, fb = nb;
            if (person) fullest_name(x, m->a, &fa, &fb);
            else if (nb - na == 1) {
                /* "Trump" named in full elsewhere: a person */
                fullest_name(x, m->a, &fa, &fb);
                person = fb - fa >= 2;
            }
            e->name_start = T(x, fa)->start;
            e->name_end = T(x, fb - 1)->end;
            e->person = person;
            char code[40];
            if (!code_of(x, fa, fb, code, sizeof code)) return -2;
            if (!code[0] && na > m->a && !code_of(x, m->a, code_end(x, m->a, na), code, sizeof code)) return -2;
            if (!code[0] && m->db > m->da && !code_of(x, m->da, code_end(x, m->da, m->db), code, sizeof code)) return -2;
            snprintf(e->code, sizeof e->code, "%s", code);
        } else {
            tk_speaker *e = &s->speakers.v[id];
            uint32_t ns = T(x, na)->start, ne = T(x, nb - 1)->end;
            if (ne - ns > e->name_end - e->name_start) { e->name_start = ns; e->name_end = ne; }
            e->person |= person;
        }
        tk_speaker *e = &s->speakers.v[id];
        if (g && !e->gender) e->gender = g;
        describe(x, e, m->da, m->db); /* the appositive first: ", the army chief of staff" */
        if (na > m->a && role_in(x, m->a, na, NULL) != TK_NONE) {
            /* "Clinton campaign spokesman" Brian Fallon */
            uint32_t da = m->a;
            while (da < na && (tk_qctx_bits(x, da) & (QW_PREP | QW_FOR))) da++;
            describe(x, e, da, na);
        }
        if (e->person) x->last_person = id;
        return id;
    }
    /* a role: "the researcher", "its spokesman in Yerevan", "a resident of ..." */
    uint32_t rat;
    uint32_t rw = role_in(x, m->a, m->b, &rat);
    bool definite = (first & (QW_DEF | QW_POSS)) || (rw != TK_NONE && rat == m->a);
    if (rw != TK_NONE) {
        id = -1;
        if (definite) {
            id = find_by(x, by_role_word, &rw);
            int32_t grp = x->lex->role[rw];
            if (id < 0 && grp >= 0) id = find_by(x, by_role_group, &grp);
        }
        if (id < 0) {
            if ((id = new_entity(x)) < 0) return id;
            tk_speaker *e = &s->speakers.v[id];
            e->person = true;
            e->role = x->lex->role[rw];
            e->role_word = rw;
            e->key_start = T(x, rat)->start;
            e->key_end = T(x, rat)->end;
            describe(x, e, m->a, m->b);
            char code[40];
            if (!code_of(x, m->a, code_end(x, m->a, m->b), code, sizeof code)) return -2;
            snprintf(e->code, sizeof e->code, "%s", code);
        }
        tk_speaker *e = &s->speakers.v[id];
        /* "its spokesman in Yerevan, Zara Amatuni": the name beside it */
        if (m->db > m->da && e->name_end == e->name_start &&
            find_name(x, m->da, m->db, &na, &nb, &titled, &det, &g) && !det && na == m->da) {
            e->name_start = T(x, na)->start;
            e->name_end = T(x, nb - 1)->end;
            e->key_start = T(x, nb - 1)->start;
            e->key_end = T(x, nb - 1)->end;
        } else {
            describe(x, e, m->da, m->db);
        }
        x->last_person = id;
        return id;
    }
    /* a body or an unnamed source: "the ministry", "the influential US daily" */
    uint32_t head = m->b - 1;
    for (uint32_t i = m->a + 1; i < m->b; i++)
        if (tk_qctx_bits(x, i) & (QW_PREP | QW_REL)) { head = i - 1; break; }
    if (!is_word(x, head)) return -1;
    span2 k = {T(x, head)->start, T(x, head)->end};
    id = definite ? find_by(x, by_key, &k) : -1;
    if (id < 0) {
        if ((id = new_entity(x)) < 0) return id;
        tk_speaker *e = &s->speakers.v[id];
        e->key_start = k.start;
        e->key_end = k.end;
        describe(x, e, m->a, m->b);
        char code[40];
        if (!code_of(x, m->a, m->b, code, sizeof code)) return -2;
        snprintf(e->code, sizeof e->code, "%s", code);
    }
    describe(x, &s->speakers.v[id], m->da, m->db);
    return id;
}
