/* speakers.c — the people and bodies quoted in a story, one entity each
 * however the story names them: a full name ("Laurence Broers"), the name
 * again with or without a title ("Mr. Broers", "Broers"), a role or
 * description ("the researcher", "its spokesman"), a pronoun ("he"). An
 * entity keeps the fullest name the story gives, its description, its
 * role group from the cue lexicon and, when the dictionaries know the
 * name or the body in the description, an actor code. */
#include <string.h>
#include <strings.h>

#include "quote.h"
#include "../match/match.h"
#include "../segment/segment.h"

#define SEARCH_BACK 256      /* entities searched, newest first */
#define NAME_WINDOW 3000     /* tokens searched for a fuller name, each side */
#define MAX_ENTITIES 4096

static const tk_token *T(tk_qctx *x, uint32_t i) { return &x->toks[i]; }

static bool is_word(tk_qctx *x, uint32_t i) { return T(x, i)->kind == TK_TOK_WORD; }

static bool capital(tk_qctx *x, uint32_t i) {
    const tk_token *t = T(x, i);
    return t->kind == TK_TOK_WORD && (t->flags & TK_TF_UPPER) && !(t->flags & TK_TF_CLITIC);
}

static bool same_text(tk_qctx *x, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1) {
    const char *t = x->s->text;
    return a1 - a0 == b1 - b0 && (a1 == a0 || t[a0] == t[b0]) && !memcmp(t + a0, t + b0, a1 - a0);
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
    /* (the cached classes first: most sentence openers have some) */
    if (tk_qctx_bits(x, i) & ~(uint32_t)(QW_PARTICLE | QW_TITLEWORD | QW_SPEECHNOUN)) return false;
    /* "Maybe Trump": a common sentence opener is no name */
    const tk_token *t = T(x, i);
    return !tk_qctx_opens(x, i) || !tk_is_sentence_starter(x->s->text + t->start, t->end - t->start);
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

/* Notes where to look up the entity's actor code; the look-up is done
 * only for speakers of quotes (tk_speaker_codes). */
static void code_later(tk_speaker *e, uint32_t a, uint32_t b) {
    if (a >= b || e->ncode_from >= 3) return;
    e->code_from[e->ncode_from][0] = a;
    e->code_from[e->ncode_from][1] = b;
    e->ncode_from++;
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

/* Copies z into dst[cap] (truncated, always NUL-terminated): snprintf("%s") without printf. */
static void copy_code(char *dst, size_t cap, const char *z) {
    size_t n = strnlen(z, cap - 1);
    memcpy(dst, z, n);
    dst[n] = '\0';
}

static void on_hit(void *ctx, const tk_dict_match *m) {
    code_hit *h = ctx;
    const tk_entry *e = &h->d->entries[m->entry];
    const char *code = tk_dict_code_on(h->d, e, h->day);
    if (!code || !code[0]) return;
    if (e->kind == TK_ENTRY_ACTOR && m->end - m->start > h->alen) {
        copy_code(h->actor, sizeof h->actor, code);
        h->alen = m->end - m->start;
    } else if (e->kind == TK_ENTRY_AGENT && !h->agent[0]) {
        copy_code(h->agent, sizeof h->agent, code);
    }
}

/* The actor code the dictionaries give tokens [a, b) ("" when none), the
 * actor composed with an agent beside it. */
static bool code_of(tk_qctx *x, uint32_t a, uint32_t b, char *out, size_t cap) {
    out[0] = '\0';
    if (a >= b || tk_qctx_sent(x, a) == TK_NONE) return true;
    const tk_dict *d = &x->s->engine->dict;
    if (!d->nentries) return true;
    tk_words w;
    if (tk_match_words_in(x->s, a, b, &w) != TK_OK) return false;
    if (!w.n) return true;
    code_hit h = {.d = d, .day = x->day};
    if (!tk_dict_match_words(d, w.w, w.n, on_hit, &h)) return false;
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
        if (TK_QCTX_IS(x, i, "in") || TK_QCTX_IS(x, i, "at") || TK_QCTX_IS(x, i, "near")) return i;
    }
    return b;
}

/* The longest run of capitalised words in the story, near `at`, that ends
 * with the same word as [ka, kb) (the surname): the fullest name. */
static bool build_runs(tk_qctx *x) {
    tk_story *s = x->s;
    x->runs_built = true;
    /* one pass: the ends of runs of 2+ capitalised words, in a buffer that
     * grows by doubling in the arena */
    size_t cap = 0;
    bool prev = false, cur = s->tokens.n > 0 && capital(x, 0);
    for (uint32_t i = 0; i < s->tokens.n; i++) {
        bool next = i + 1 < s->tokens.n && capital(x, i + 1);
        if (cur && prev && !next) {
            if (x->nrun_ends == cap) {
                size_t ncap = cap ? cap * 2 : 32;
                uint32_t *v = tk_arena_alloc(&s->arena, ncap * sizeof *v);
                if (!v) return false;
                if (cap) memcpy(v, x->run_ends, cap * sizeof *v);
                x->run_ends = v;
                cap = ncap;
            }
            x->run_ends[x->nrun_ends++] = i;
        }
        prev = cur;
        cur = next;
    }
    return true;
}

/* Length, first and last byte of a token: equal texts have equal keys,
 * and most different ones differ here (a cheap first test of same_text). */
static uint32_t text_key(tk_qctx *x, const tk_token *t) {
    const unsigned char *p = (const unsigned char *)x->s->text + t->start;
    uint32_t n = t->end - t->start;
    return n ? n << 16 | (uint32_t)p[0] << 8 | p[n - 1] : 0;
}

/* The keys of the run ends, made on first use; NULL when out of memory
 * (then each run end is compared in full). */
static const uint32_t *run_keys(tk_qctx *x) {
    if (!x->run_key && x->nrun_ends) {
        uint32_t *k = tk_arena_alloc(&x->s->arena, x->nrun_ends * sizeof *k);
        for (size_t r = 0; k && r < x->nrun_ends; r++) k[r] = text_key(x, T(x, x->run_ends[r]));
        x->run_key = k;
    }
    return x->run_key;
}

static bool fullest_name(tk_qctx *x, uint32_t at, uint32_t *na, uint32_t *nb) {
    if (!x->runs_built && !build_runs(x)) return false;
    uint32_t ka = *na, kb = *nb;
    const tk_token *key = T(x, kb - 1);
    uint32_t lo = at > NAME_WINDOW ? at - NAME_WINDOW : 0;
    uint32_t hi = at + NAME_WINDOW;
    uint32_t best = kb - ka;
    const uint32_t *rk = run_keys(x);
    uint32_t kk = text_key(x, key);
    for (size_t r = 0; r < x->nrun_ends; r++) {
        uint32_t i = x->run_ends[r];
        if (i < lo) continue;
        if (i >= hi) break;
        if (rk && rk[r] != kk) continue;
        const tk_token *t = T(x, i);
        if (!same_text(x, t->start, t->end, key->start, key->end)) continue;
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
    return true;
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

/* Is the word at tok the last word of a longer name somewhere in the
 * story ("Trump" after "Donald Trump")? */
static bool surname_known(tk_qctx *x, uint32_t tok) {
    if (!x->runs_built && !build_runs(x)) return false;
    const tk_token *k = T(x, tok);
    const uint32_t *rk = run_keys(x);
    uint32_t kk = text_key(x, k);
    for (size_t r = 0; r < x->nrun_ends; r++) {
        if (rk && rk[r] != kk) continue;
        const tk_token *t = T(x, x->run_ends[r]);
        if (x->run_ends[r] != tok && same_text(x, t->start, t->end, k->start, k->end)) return true;
    }
    return false;
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
        if (e >= 0) return x->s->speakers.v[e].person;
        return surname_known(x, nb - 1);
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
            if (!fullest_name(x, m->a, &fa, &fb)) return -2;
            /* "Trump" named in full elsewhere: a person */
            if (!person && nb - na == 1) person = fb - fa >= 2;
            if (!person) { fa = na; fb = nb; }
            e->name_start = T(x, fa)->start;
            e->name_end = T(x, fb - 1)->end;
            e->person = person;
            code_later(e, fa, fb);
            if (na > m->a) code_later(e, m->a, code_end(x, m->a, na));
            if (m->db > m->da) code_later(e, m->da, code_end(x, m->da, m->db));
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
            code_later(e, m->a, code_end(x, m->a, m->b));
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
        code_later(e, m->a, m->b);
    }
    describe(x, &s->speakers.v[id], m->da, m->db);
    return id;
}

bool tk_speaker_codes(tk_qctx *x) {
    tk_story *s = x->s;
    for (size_t i = 0; i < s->quotes.n; i++) {
        int32_t id = s->quotes.v[i].speaker;
        if (id < 0) continue;
        tk_speaker *e = &s->speakers.v[id];
        for (uint8_t k = 0; k < e->ncode_from && !e->code[0]; k++)
            if (!code_of(x, e->code_from[k][0], e->code_from[k][1], e->code, sizeof e->code)) return false;
        e->ncode_from = 0; /* done */
    }
    return true;
}
