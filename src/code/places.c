/* places.c — where events happen. The places dictionary
 * (data/places/places.txt) is matched with every other dictionary in the
 * sentence's one trie pass; here each place found is tested as a location:
 *
 *   - a locative word before it, with only a determiner, place nouns and
 *     adjectives, numbers with a unit, or names between: "in Baku", "near
 *     the Lachin corridor", "in the northern Syrian city of Aleppo", "30 km
 *     north of Kabul", "on the outskirts of Khartoum"; not "interest in
 *     Ukraine";
 *   - written with a capital (unless its dictionary spelling has none);
 *   - not part of something longer: a hyphenated word ("Kabul-based",
 *     "pro-Moscow"), a longer name (a capitalised word follows: "at Kabul
 *     University"), an actor's phrase ("the Kabul government").
 *
 * An event takes the first place of its clause that belongs to its verb
 * (see attached()), a finer place before a country; else the story's
 * dateline place; else none. A name several places share goes to the one
 * in the country the story is most about so far, else in a country the
 * sentence names, else in the country an actor at the same words names,
 * else to the first in the file. */
#include <string.h>

#include "coder.h"

#define MAX_BACK 7    /* words looked at before a place for its locative word */
#define MAX_PLAIN 2   /* lower-case words with no class allowed between them */

/* The words around a place that say whether it is a location. They are
 * looked up only near a place found in a sentence, in a table of their own
 * (the coder's class table is searched for every word of every sentence);
 * "in", "at" and "on" are in that table already (W_LOC, W_LOCIF). */
static const struct { const char *w; uint64_t bits; } place_words[] = {
    {"near", W_LOC}, {"outside", W_LOC}, {"inside", W_LOC}, {"around", W_LOC}, {"across", W_LOC},
    {"throughout", W_LOC}, {"along", W_LOC}, {"within", W_LOC}, {"into", W_LOC}, {"off", W_LOC},
    {"north", W_LOCNOUN | W_LOCOF}, {"south", W_LOCNOUN | W_LOCOF}, {"east", W_LOCNOUN | W_LOCOF},
    {"west", W_LOCNOUN | W_LOCOF}, {"northeast", W_LOCNOUN | W_LOCOF}, {"northwest", W_LOCNOUN | W_LOCOF},
    {"southeast", W_LOCNOUN | W_LOCOF}, {"southwest", W_LOCNOUN | W_LOCOF},
    {"outskirts", W_LOCNOUN | W_LOCOF}, {"suburbs", W_LOCNOUN | W_LOCOF}, {"suburb", W_LOCNOUN | W_LOCOF},
    {"northern", W_LOCNOUN}, {"southern", W_LOCNOUN}, {"eastern", W_LOCNOUN}, {"western", W_LOCNOUN},
    {"central", W_LOCNOUN}, {"northeastern", W_LOCNOUN}, {"northwestern", W_LOCNOUN},
    {"southeastern", W_LOCNOUN}, {"southwestern", W_LOCNOUN}, {"city", W_LOCNOUN}, {"cities", W_LOCNOUN},
    {"town", W_LOCNOUN}, {"towns", W_LOCNOUN}, {"village", W_LOCNOUN}, {"villages", W_LOCNOUN},
    {"capital", W_LOCNOUN}, {"province", W_LOCNOUN}, {"provinces", W_LOCNOUN}, {"region", W_LOCNOUN},
    {"regions", W_LOCNOUN}, {"district", W_LOCNOUN}, {"districts", W_LOCNOUN}, {"state", W_LOCNOUN},
    {"county", W_LOCNOUN}, {"area", W_LOCNOUN}, {"areas", W_LOCNOUN}, {"border", W_LOCNOUN},
    {"borders", W_LOCNOUN}, {"coast", W_LOCNOUN}, {"port", W_LOCNOUN}, {"heart", W_LOCNOUN},
    {"centre", W_LOCNOUN}, {"center", W_LOCNOUN}, {"streets", W_LOCNOUN}, {"part", W_LOCNOUN},
    {"parts", W_LOCNOUN}, {"camp", W_LOCNOUN}, {"territory", W_LOCNOUN}, {"enclave", W_LOCNOUN},
    {"governorate", W_LOCNOUN}, {"oblast", W_LOCNOUN}, {"municipality", W_LOCNOUN},
    {"neighbourhood", W_LOCNOUN}, {"neighborhood", W_LOCNOUN}, {"km", W_LOCNOUN},
    {"kilometres", W_LOCNOUN}, {"kilometers", W_LOCNOUN}, {"miles", W_LOCNOUN}, {"mi", W_LOCNOUN},
    {"interest", W_NOTLOC}, {"interests", W_NOTLOC}, {"interested", W_NOTLOC}, {"invest", W_NOTLOC},
    {"invested", W_NOTLOC}, {"investing", W_NOTLOC}, {"investment", W_NOTLOC}, {"investments", W_NOTLOC},
    {"confidence", W_NOTLOC}, {"trust", W_NOTLOC}, {"faith", W_NOTLOC}, {"belief", W_NOTLOC},
    {"believe", W_NOTLOC}, {"believes", W_NOTLOC}, {"role", W_NOTLOC}, {"stake", W_NOTLOC},
    {"stakes", W_NOTLOC}, {"involvement", W_NOTLOC}, {"involved", W_NOTLOC}, {"participate", W_NOTLOC},
    {"participated", W_NOTLOC}, {"participation", W_NOTLOC}, {"share", W_NOTLOC}, {"change", W_NOTLOC},
    {"changes", W_NOTLOC}, {"increase", W_NOTLOC}, {"rise", W_NOTLOC}, {"drop", W_NOTLOC},
    {"decline", W_NOTLOC}, {"surge", W_NOTLOC}, {"what", W_LOCSTOP}, {"how", W_LOCSTOP},
    {"whether", W_LOCSTOP}, {"including", W_LOCSTOP}, {"except", W_LOCSTOP}, {"than", W_LOCSTOP},
    {"neighbouring", W_LOCNOUN}, {"neighboring", W_LOCNOUN}, {"surrounding", W_LOCNOUN},
    {"ongoing", W_LOCNOUN},
};

bool tk_code_place_tables_init(tk_intern *words, uint64_t *bits, size_t cap) {
    tk_intern_init(words);
    for (size_t i = 0; i < sizeof place_words / sizeof *place_words; i++) {
        uint32_t id = tk_intern_add(words, place_words[i].w, strlen(place_words[i].w));
        if (id == TK_NONE || id >= cap) return false;
        bits[id] |= place_words[i].bits;
    }
    return true;
}

static inline const tk_token *tok(const sent *x, uint32_t w) { return &x->s->tokens.v[x->w.token[w]]; }

/* The class bits of word k, with those of the place words. */
static uint64_t P(const sent *x, uint32_t k) {
    if (k >= x->w.n) return 0;
    const tk_engine *e = x->s->engine;
    uint32_t id = tk_intern_find(&e->place_words, x->w.w[k].s, x->w.w[k].n);
    return C(x, k) | (id == TK_NONE ? 0 : e->place_bits[id]);
}

static bool is_word(const sent *x, uint32_t k, const char *z, size_t n) {
    return x->w.w[k].n == n && !memcmp(x->w.w[k].s, z, n);
}

/* An -ing word: "at curbing Iran's ambitions" names no place where ("in
 * neighbouring Afghanistan" is a place word, W_LOCNOUN). */
static bool gerund(const sent *x, uint32_t k) {
    const tk_word *w = &x->w.w[k];
    return w->n > 4 && !memcmp(w->s + w->n - 3, "ing", 3);
}

/* Is word k part of a verb chunk ("attacked")? */
static bool in_verb(const sent *x, uint32_t k) {
    for (size_t i = 0; i < x->nc; i++)
        if (x->c[i].kind == TK_ENTRY_VERB && k >= x->c[i].start && k < x->c[i].end) return true;
    return false;
}

/* Is word k inside a place the dictionary knows ("in Ukraine's Donetsk
 * region": Ukraine)? */
static bool in_place(const sent *x, uint32_t k) {
    for (size_t i = 0; i < x->nm; i++)
        if (x->m[i].start <= k && k < x->m[i].end && x->d->entries[x->m[i].entry].kind == TK_ENTRY_PLACE)
            return true;
    return false;
}

/* Looks back from word p for the word that makes the place there a
 * location; returns its first word (and in *cue_end the word after it), or
 * -1 with *why saying what stopped the search. */
static int locative_cue(const sent *x, uint32_t p, uint32_t *cue_end, const char **why) {
    uint32_t plain = 0;
    bool place_noun = false;
    *why = "no locative word before it (in, at, near, outside, north of...)";
    for (uint32_t k = p, steps = 0; k-- > 0 && steps < MAX_BACK; steps++) {
        uint64_t c = P(x, k);
        const tk_token *t = tok(x, k);
        *cue_end = k + 1;
        if (c & W_LOC) {
            if (k > 0 && (P(x, k - 1) & W_NOTLOC)) {
                *why = "its \"in\" follows a word like \"interest\" or \"role\": not where something happened";
                return -1;
            }
            return (int)k;
        }
        if ((c & W_LOCIF) && place_noun) return (int)k; /* "on the outskirts of" */
        if (is_word(x, k, "of", 2)) {
            /* "north of Kabul" locates by itself; "the city of Aleppo"
             * needs its "in" */
            if (k > 0 && (P(x, k - 1) & W_LOCOF)) { *cue_end = k + 1; return (int)k - 1; }
            if (k > 0 && (P(x, k - 1) & W_LOCNOUN)) continue;
            return -1;
        }
        if (c & (W_BREAK | W_BE | W_HAVE | W_NEG | W_PRON | W_TO | W_BY | W_THAT | W_COMMA | W_SEMI | W_AND |
                 W_SPEC | W_HYPO | W_PREP | W_LOCSTOP))
            return -1;
        if (c & W_DET) continue;
        if (c & W_LOCNOUN) { place_noun = true; continue; }
        if (t->kind == TK_TOK_NUMBER) {
            if (k + 1 < x->w.n && (P(x, k + 1) & W_LOCNOUN)) continue; /* "30 km" */
            return -1;
        }
        if (t->flags & TK_TF_CLITIC) { /* "Ukraine's Donetsk" */
            if (k > 0 && ((k - 1 < 512 && x->np_at[k - 1] >= 0) || in_place(x, k - 1))) continue;
            return -1;
        }
        if ((k < 512 && x->np_at[k] >= 0) || in_place(x, k)) continue; /* "the Syrian city", "Ukraine" */
        /* "rebel-held", "the besieged city": an adjective, or a participle
         * after a determiner; not a verb ("Taliban fighters seized Kabul") */
        if (t->kind == TK_TOK_WORD && (t->flags & TK_TF_LOWER) && ++plain <= MAX_PLAIN && !gerund(x, k) &&
            (!in_verb(x, k) || (k > 0 && (C(x, k - 1) & W_DET))))
            continue;
        return -1;
    }
    return -1;
}

/* How well place entry e fits the story: 3 when the story is most about
 * its country so far, 2 when a phrase of the sentence names it, 1 when an
 * actor at the same words does (the actor dictionary's own guess), else 0. */
static int fit(const sent *x, const tk_dict_match *m, uint32_t e) {
    const char *pc = tk_dict_code_on(x->d, &x->d->entries[e], 0);
    if (!pc) return 0;
    if (x->country[0] && !strncmp(x->country, pc, 3)) return 3;
    for (size_t i = 0; i < x->nnp; i++)
        if (!strncmp(x->nps[i].code, pc, 3)) return 2;
    for (size_t i = 0; i < x->nm; i++) {
        const tk_dict_match *a = &x->m[i];
        if (a->start != m->start || a->end != m->end || x->d->entries[a->entry].kind != TK_ENTRY_ACTOR) continue;
        const char *ac = tk_dict_code_on(x->d, &x->d->entries[a->entry], x->day);
        if (ac && !strncmp(ac, pc, 3)) return 1;
    }
    return 0;
}

/* The head of a trace line for the place e at words [a,b): the words,
 * the entry and its file:line; the caller ends the line. */
static void trace_place(const sent *x, uint32_t a, uint32_t b, uint32_t e) {
    const tk_dict *d = x->d;
    const tk_entry *en = &d->entries[e];
    TRACE(x, "  place   ");
    tk_code_trace_words(x, a, b);
    TRACE(x, "  ->  %s [%s %s]  %s:%u  ", tk_intern_str(&d->strings, en->phrase), tk_dict_code_on(d, en, 0),
          tk_place_kind_name(en->place), tk_intern_str(&d->strings, en->file), en->line);
}

/* Tests the place e at words [a,b) and keeps it when it is a location. */
static void try_place(sent *x, uint32_t a, uint32_t b, uint32_t e) {
    const tk_entry *en = &x->d->entries[e];
    const char *why = NULL;
    if (!(tok(x, a)->flags & TK_TF_UPPER) && !(en->flags & TK_EF_ANYCASE)) {
        why = "written in lower case";
    } else if ((a > 0 && x->w.token[a - 1] == x->w.token[a]) || (b < x->w.n && x->w.token[b] == x->w.token[b - 1])) {
        why = "part of a hyphenated word (\"Kabul-based\", \"pro-Moscow\")";
    } else if (b < x->w.n && tok(x, b)->kind == TK_TOK_WORD && (tok(x, b)->flags & TK_TF_UPPER) &&
               !(C(x, b) & W_DATE)) {
        why = "part of a longer name (a capitalised word follows)";
    } else {
        for (uint32_t k = a; k < b && k < 512; k++) {
            if (x->np_at[k] < 0 || x->nps[x->np_at[k]].end <= b) continue;
            const np *p = &x->nps[x->np_at[k]];
            if (x->s->trace) {
                trace_place(x, a, b, e);
                TRACE(x, "not a location: part of the actor's phrase \"");
                tk_code_trace_words(x, p->start, p->end);
                TRACE(x, "\"\n");
            }
            return;
        }
    }
    if (why) {
        if (x->s->trace) { trace_place(x, a, b, e); TRACE(x, "not a location: %s\n", why); }
        return;
    }
    uint32_t cue_end = 0;
    int cue = locative_cue(x, a, &cue_end, &why);
    if (cue < 0) {
        if (x->s->trace) { trace_place(x, a, b, e); TRACE(x, "not a location: %s\n", why); }
        return;
    }
    const tk_story *s = x->s;
    uint32_t cs = s->tokens.v[x->w.token[cue]].start, ce = s->tokens.v[x->w.token[cue_end - 1]].end;
    if (s->trace) {
        trace_place(x, a, b, e);
        TRACE(x, "a location (after \"%.*s\")\n", (int)(ce - cs), s->text + cs);
    }
    if (x->nlocs == sizeof x->locs / sizeof *x->locs) return;
    x->loc_at[x->nlocs] = a;
    x->locs[x->nlocs++] = (tk_place_ref){TK_LOC_CLAUSE, tok(x, a)->start, tok(x, b - 1)->end, cs, ce, e};
}

void tk_code_find_places(sent *x) {
    x->nlocs = 0;
    uint32_t taken = 0; /* words before this belong to a place already tested */
    for (size_t i = 0; i < x->nm; i++) {
        const tk_dict_match *m = &x->m[i];
        if (m->start < taken || x->d->entries[m->entry].kind != TK_ENTRY_PLACE) continue;
        /* the longest place starting here comes first; of the places with
         * the same words, the one that fits the story best */
        uint32_t best = m->entry;
        int best_fit = -1;
        for (size_t j = i + 1; j < x->nm && x->m[j].start == m->start; j++) {
            const tk_dict_match *o = &x->m[j];
            if (o->end != m->end || x->d->entries[o->entry].kind != TK_ENTRY_PLACE) continue;
            if (best_fit < 0) best_fit = fit(x, m, m->entry); /* only a shared name needs it */
            int f = fit(x, o, o->entry);
            if (f > best_fit || (f == best_fit && o->entry < best)) { best = o->entry; best_fit = f; }
        }
        taken = m->end;
        try_place(x, m->start, m->end, best);
    }
}

static void trace_location(const sent *x, const tk_event *ev, const char *how) {
    if (!x->s->trace) return;
    const tk_place_ref *r = &ev->location;
    TRACE(x, "  location  %s -> %s -> %s:  ", ev->source.code, ev->code, ev->target.set ? ev->target.code : "-");
    if (r->from == TK_LOC_NONE) { TRACE(x, "none (%s)\n", how); return; }
    const tk_entry *en = &x->d->entries[r->entry];
    TRACE(x, "%.*s = %s [%s] (%s)\n", (int)(r->end - r->start), x->s->text + r->start,
          tk_intern_str(&x->d->strings, en->phrase), tk_dict_code_on(x->d, en, 0), how);
}

/* The word of the sentence that starts at byte `at` (an event's verb). */
static uint32_t word_at(const sent *x, uint32_t at) {
    for (uint32_t k = 0; k < x->w.n && k < 512; k++)
        if (tok(x, k)->start == at) return k;
    return UINT32_MAX;
}

/* Does the place at word p belong to the verb at word v? A place after the
 * verb does unless another event's verb comes between them ("received a
 * delegation in Dushanbe, and Kabul summoned..."); one before it only when
 * it opens the clause, before every event verb ("In Kabul, the Taliban
 * arrested..."); and not across a quotation mark (a quoted event, and the
 * speaker's description after it). */
static bool attached(const sent *x, uint32_t p, uint32_t v, const uint32_t *verbs, size_t nverbs) {
    if (p >= 512 || v >= 512 || x->quoted[p] != x->quoted[v]) return false;
    for (size_t j = 0; j < nverbs; j++) {
        if (p > v && verbs[j] > v && verbs[j] < p) return false;
        if (p < v && verbs[j] < p) return false;
    }
    return true;
}

void tk_code_locate_events(sent *x, size_t first) {
    tk_story *s = x->s;
    uint32_t verbs[64];
    size_t nverbs = 0;
    for (size_t i = first; i < s->events.n && x->nlocs && nverbs < 64; i++)
        verbs[nverbs++] = word_at(x, s->events.v[i].verb_start);
    for (size_t i = first; i < s->events.n; i++) {
        tk_event *ev = &s->events.v[i];
        const tk_place_ref *fine = NULL, *country = NULL;
        uint32_t v = x->nlocs ? verbs[i - first < 64 ? i - first : 63] : UINT32_MAX;
        /* the event verbs of this clause */
        uint32_t cv[64];
        size_t ncv = 0;
        for (size_t j = 0; j < nverbs; j++)
            if (verbs[j] < x->w.n && tok(x, verbs[j])->start >= ev->text_start) cv[ncv++] = verbs[j];
        for (size_t k = 0; k < x->nlocs && !fine; k++) {
            const tk_place_ref *r = &x->locs[k];
            if (r->start < ev->text_start || r->end > ev->text_end || !attached(x, x->loc_at[k], v, cv, ncv)) continue;
            if (x->d->entries[r->entry].place != TK_PLACE_COUNTRY) fine = r;
            else if (!country) country = r;
        }
        const tk_place_ref *r = fine ? fine : country;
        if (r) {
            ev->location = *r;
            trace_location(x, ev, fine ? "a place named in the event's clause"
                                       : "a country named in the event's clause, and no finer place");
        } else if (x->dateline.from != TK_LOC_NONE) {
            ev->location = x->dateline;
            trace_location(x, ev, "no place in the event's clause: the story's dateline");
        } else {
            memset(&ev->location, 0, sizeof ev->location);
            trace_location(x, ev, "no place in the event's clause and no dateline place");
        }
    }
}

/* The dateline's place: the place of the dictionary that spans all its
 * words ("KABUL", "GAZA CITY"), the first in the file when several do. */
typedef struct dl_pick { const tk_dict *d; uint32_t n, entry; } dl_pick;

static void on_dateline_match(void *ctx, const tk_dict_match *m) {
    dl_pick *p = ctx;
    if (m->start == 0 && m->end == p->n && p->d->entries[m->entry].kind == TK_ENTRY_PLACE && m->entry < p->entry)
        p->entry = m->entry;
}

tk_status tk_code_dateline_place(sent *x) {
    tk_story *s = x->s;
    memset(&x->dateline, 0, sizeof x->dateline);
    const tk_dateline *dl = &s->dateline;
    if (!dl->found || dl->place_end <= dl->place_start) return TK_OK;
    uint32_t a = 0;
    while (a < s->tokens.n && s->tokens.v[a].start < dl->place_start) a++;
    uint32_t b = a;
    while (b < s->tokens.n && s->tokens.v[b].end <= dl->place_end) b++;
    if (b == a) return TK_OK;
    tk_words w;
    tk_status st = tk_match_words_in(s, a, b, &w);
    if (st != TK_OK) return st;
    dl_pick p = {x->d, (uint32_t)w.n, TK_NONE};
    if (!tk_dict_match_words(x->d, w.w, w.n, on_dateline_match, &p))
        return tk_story_fail(s, TK_ENOMEM, "out of memory");
    if (p.entry == TK_NONE) return TK_OK;
    x->dateline.from = TK_LOC_DATELINE;
    x->dateline.start = s->tokens.v[a].start;
    x->dateline.end = s->tokens.v[b - 1].end;
    x->dateline.cue_start = x->dateline.cue_end = x->dateline.start;
    x->dateline.entry = p.entry;
    return TK_OK;
}
