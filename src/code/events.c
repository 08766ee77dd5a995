/* events.c — the first event coder (see code.h). Works on one sentence
 * at a time: its words, their dictionary matches, chunks and noun
 * phrases; then each event verb looks for its source to the left and its
 * target to the right, within the clause, and tries its verb patterns.
 * Reporting verbs ([---]) make no event. */
#include <stdio.h>
#include <string.h>

#include "coder.h"
#include "../quote/quote.h"
#include "poslex.h"

const char *tk_modality_name(int m) {
    switch (m) {
    case TK_MOD_REPORTED: return "reported";
    case TK_MOD_SPECULATIVE: return "speculative";
    case TK_MOD_HYPOTHETICAL: return "hypothetical";
    default: return "asserted";
    }
}

static const struct { const char *w; uint64_t bits; } word_classes[] = {
    {"the", W_DET | W_JOIN}, {"a", W_DET}, {"an", W_DET}, {"its", W_DET}, {"their", W_DET},
    {"his", W_DET}, {"her", W_DET}, {"our", W_DET}, {"this", W_DET}, {"these", W_DET},
    {"those", W_DET}, {"any", W_DET}, {"no", W_DET | W_NEG}, {"every", W_DET}, {"each", W_DET},
    {"my", W_DET}, {"your", W_DET}, {"such", W_DET}, {"all", W_DET}, {"some", W_DET},
    {"several", W_DET}, {"many", W_DET}, {"more", W_DET}, {"much", W_DET}, {"other", W_DET},
    {"another", W_DET},
    {"by", W_PREP | W_BY}, {"of", W_PREP | W_JOIN}, {"in", W_PREP | W_IN | W_LOC}, {"on", W_PREP | W_LOCIF},
    {"at", W_PREP | W_LOC},
    {"for", W_PREP}, {"with", W_PREP}, {"from", W_PREP}, {"into", W_PREP}, {"against", W_PREP},
    {"over", W_PREP}, {"under", W_PREP}, {"between", W_PREP},
    {"was", W_BE}, {"were", W_BE}, {"been", W_BE}, {"being", W_BE}, {"is", W_BE}, {"are", W_BE},
    {"be", W_BE},
    {"not", W_NEG}, {"n't", W_NEG}, {"never", W_NEG}, {"neither", W_NEG}, {"nor", W_NEG},
    {"might", W_SPEC}, {"could", W_SPEC}, {"possibly", W_SPEC}, {"perhaps", W_SPEC},
    {"reportedly", W_SPEC}, {"allegedly", W_SPEC}, {"apparently", W_SPEC}, {"likely", W_SPEC},
    {"probably", W_SPEC},
    {"would", W_HYPO}, {"if", W_HYPO}, {"unless", W_HYPO}, {"should", W_HYPO},
    {";", W_BREAK | W_SEMI | W_COORD}, {":", W_BREAK | W_COORD}, {"but", W_BREAK | W_COORD},
    {"while", W_BREAK | W_COORD}, {"whereas", W_BREAK | W_COORD}, {"which", W_BREAK | W_REL}, {"who", W_BREAK | W_REL},
    {"whom", W_BREAK | W_REL}, {"whose", W_BREAK | W_REL}, {"where", W_BREAK}, {"when", W_BREAK},
    {"although", W_BREAK | W_COORD}, {"though", W_BREAK | W_COORD}, {"because", W_BREAK}, {"after", W_BREAK},
    {"before", W_BREAK},
    {"it", W_PRON}, {"they", W_PRON}, {"he", W_PRON}, {"she", W_PRON},
    {"and", W_AND}, {"to", W_TO}, {"that", W_THAT}, {",", W_COMMA},
    {"'s", W_JOIN}, {"former", W_JOIN}, {"new", W_JOIN}, {"interim", W_JOIN}, {"acting", W_JOIN},
    {"top", W_JOIN}, {"had", W_HAVE}, {"has", W_HAVE}, {"have", W_HAVE},
    {"held", W_MODPART}, {"controlled", W_MODPART}, {"backed", W_MODPART}, {"based", W_MODPART},
    {"allied", W_MODPART}, {"aligned", W_MODPART}, {"linked", W_MODPART}, {"sponsored", W_MODPART},
    {"supported", W_MODPART}, {"occupied", W_MODPART}, {"funded", W_MODPART}, {"armed", W_MODPART},
    {"dominated", W_MODPART}, {"owned", W_MODPART}, {"run", W_MODPART}, {"friendly", W_MODPART},
    {"leaning", W_MODPART},
    {"opposed", W_ADJPART}, {"engaged", W_ADJPART}, {"involved", W_ADJPART},
    {"organisation", W_ORGREF}, {"organization", W_ORGREF}, {"bloc", W_ORGREF},
    {"alliance", W_ORGREF}, {"body", W_ORGREF}, {"community", W_ORGREF},
    {"group", W_GRPREF}, {"movement", W_GRPREF}, {"militia", W_GRPREF}, {"faction", W_GRPREF},
    {"yesterday", W_DATE}, {"today", W_DATE}, {"tonight", W_DATE}, {"last", W_DATE},
    {"monday", W_DATE}, {"tuesday", W_DATE}, {"wednesday", W_DATE}, {"thursday", W_DATE},
    {"friday", W_DATE}, {"saturday", W_DATE}, {"sunday", W_DATE}, {"january", W_DATE},
    {"february", W_DATE}, {"march", W_DATE}, {"april", W_DATE}, {"may", W_DATE | W_SPEC},
    {"june", W_DATE}, {"july", W_DATE}, {"august", W_DATE}, {"september", W_DATE},
    {"october", W_DATE}, {"november", W_DATE}, {"december", W_DATE}, {"jan", W_DATE},
    {"feb", W_DATE}, {"mar", W_DATE}, {"apr", W_DATE}, {"jun", W_DATE}, {"jul", W_DATE},
    {"aug", W_DATE}, {"sep", W_DATE}, {"sept", W_DATE}, {"oct", W_DATE}, {"nov", W_DATE},
    {"dec", W_DATE}, {"jan.", W_DATE}, {"feb.", W_DATE}, {"aug.", W_DATE}, {"sept.", W_DATE},
    {"oct.", W_DATE}, {"nov.", W_DATE}, {"dec.", W_DATE},
    /* frames (bits add to the entries above) */
    {"will", W_FUT}, {"shall", W_FUT}, {"would", W_FUT}, {"'ll", W_FUT},
    {"must", W_MUST}, {"should", W_MUST},
    {"if", W_COND}, {"unless", W_COND},
    {"ready", W_INTENT}, {"willing", W_INTENT}, {"prepared", W_INTENT}, {"determined", W_INTENT},
    {"poised", W_INTENT}, {"eager", W_INTENT}, {"going", W_INTENT}, {"about", W_INTENT},
    {"plan", W_INTENT}, {"plans", W_INTENT}, {"planned", W_INTENT}, {"planning", W_INTENT},
    {"intend", W_INTENT}, {"intends", W_INTENT}, {"intended", W_INTENT}, {"intending", W_INTENT},
    {"want", W_INTENT}, {"wants", W_INTENT}, {"wanted", W_INTENT}, {"wanting", W_INTENT},
    {"seek", W_INTENT}, {"seeks", W_INTENT}, {"sought", W_INTENT}, {"seeking", W_INTENT},
    {"decide", W_INTENT}, {"decides", W_INTENT}, {"decided", W_INTENT},
    {"also", W_ADV}, {"soon", W_ADV}, {"still", W_ADV}, {"again", W_ADV}, {"then", W_ADV},
    {"now", W_ADV}, {"jointly", W_ADV}, {"immediately", W_ADV}, {"further", W_ADV},
};

/* CAMEO role codes: a phrase coded with one of these alone ("the junta":
 * GOV) has no country yet. IMG (international militarized group) is not
 * among them: it is transnational, like IGO. */
static bool role_only(const char *code) {
    static const char *const roles[] = {"GOV", "MIL", "COP", "REB", "INS", "OPP", "JUD", "LEG",
                                        "BUS", "MED", "EDU", "HLH", "REF", "CVL", "LAB", "REL",
                                        "SPY", "ELI", "UAF", "SEP", "MOD", "RAD", "CRM", "AGR",
                                        "ENV", "HRI", "DEV", "ATH", "PTY", NULL};
    if (strlen(code) < 3) return false;
    for (const char *const *r = roles; *r; r++)
        if (!memcmp(code, *r, 3)) return true;
    return false;
}

bool tk_code_tables_init(tk_intern *words, uint64_t *bits, size_t cap) {
    tk_intern_init(words);
    for (size_t i = 0; i < sizeof word_classes / sizeof *word_classes; i++) {
        uint32_t id = tk_intern_add(words, word_classes[i].w, strlen(word_classes[i].w));
        if (id == TK_NONE || id >= cap) return false;
        bits[id] |= word_classes[i].bits;
    }
    return true;
}

/* The class bits of a word (0 for most): one hash look-up. */
static uint64_t classify(const sent *x, const tk_word *w) {
    const tk_engine *e = x->s->engine;
    if (w->n >= 24 || !w->n) return 0;
    uint32_t m = e->code_first[w->n];
    unsigned char c0 = (unsigned char)w->s[0];
    if (!(m & (1u << 31)) && !(c0 >= 'a' && c0 <= 'z' && (m & (1u << (c0 - 'a'))))) return 0;
    uint32_t id = tk_intern_find(&e->code_words, w->s, w->n);
    return id == TK_NONE ? 0 : e->code_bits[id];
}

/* Copies z into dst[cap] (truncated, always NUL-terminated): the hot
 * path's snprintf("%s"). */
static inline void copy_str(char *dst, size_t cap, const char *z) {
    size_t n = strnlen(z, cap - 1);
    memcpy(dst, z, n);
    dst[n] = '\0';
}

void tk_code_trace_words(const sent *x, uint32_t a, uint32_t b) {
    if (!x->s->trace) return;
    for (uint32_t k = a; k < b && k < x->w.n; k++)
        tk_buf_printf(x->s->trace, "%s%.*s", k > a ? " " : "", (int)x->w.w[k].n, x->w.w[k].s);
}

static void on_match(void *ctx, const tk_dict_match *m) {
    sent *x = ctx;
    if (x->nm < MAX_MATCHES) x->m[x->nm++] = *m;
}

static const char *code_of(const sent *x, uint32_t entry) {
    return tk_dict_code_on(x->d, &x->d->entries[entry], x->day);
}

/* Is word i the participle of a hyphenated modifier ("government-held",
 * "Iran-backed", "UK-based"): a part of the same token as the word before
 * it, naming who holds, backs or hosts something else? */
static bool modifier_participle(const sent *x, uint32_t i) {
    return i > 0 && i < x->w.n && x->w.token[i] == x->w.token[i - 1] && (C(x, i) & W_MODPART);
}

/* Is the verb chunk a participle used as an adjective before "to" or
 * "in": "opposed to", "engaged in", "involved in"? ("committed to" is
 * left a passive: as an event it is mostly a stance, not an intent.) */
static bool adjectival(const sent *x, const chunk *v) {
    return v->end == v->start + 1 && (C(x, v->start) & W_ADJPART) && (C(x, v->end) & (W_TO | W_IN));
}

/* Non-overlapping chunks, left to right, the longest match at each word;
 * at equal length a noun reading (actor, agent) wins after a determiner,
 * a verb reading otherwise. */
static void make_chunks(sent *x) {
    x->nc = 0;
    size_t k = 0;
    for (uint32_t i = 0; i < x->w.n && x->nc < sizeof x->c / sizeof *x->c;) {
        while (k < x->nm && x->m[k].start < i) k++;
        const tk_dict_match *best = NULL;
        bool after_det = i > 0 && (C(x, i - 1) & W_DET);
        /* "Serb forces were", "Russian troops have": after an actor and
         * before BE, HAVE or a modal the word is a noun ("Russia forces
         * Ukraine to" keeps its verb) */
        if (!after_det && x->nc > 0 && x->c[x->nc - 1].end == i && x->c[x->nc - 1].kind == TK_ENTRY_ACTOR) {
            uint32_t nx = i + 1;
            if (nx < x->w.n && (C(x, nx) & (W_BE | W_HAVE | W_HYPO | W_SPEC))) after_det = true;
        }
        for (size_t j = k; j < x->nm && x->m[j].start == i; j++) {
            const tk_dict_match *m = &x->m[j];
            const tk_entry *e = &x->d->entries[m->entry];
            if (e->kind != TK_ENTRY_ACTOR && e->kind != TK_ENTRY_AGENT && e->kind != TK_ENTRY_VERB) continue;
            if (!code_of(x, m->entry)) continue;
            if (!best || m->end - m->start > best->end - best->start) { best = m; continue; }
            if (m->end - m->start == best->end - best->start) {
                bool noun = e->kind != TK_ENTRY_VERB;
                bool best_noun = x->d->entries[best->entry].kind != TK_ENTRY_VERB;
                if (noun != best_noun && noun == after_det) best = m;
            }
        }
        if (!best) { i++; continue; }
        /* "a government-held part of Syria": the government is not a party
         * here, and "held" is no verb */
        if (modifier_participle(x, best->end)) { i = best->end + 1; continue; }
        if (modifier_participle(x, best->start)) { i = best->end; continue; }
        /* "anti-American protests", "anti-government rallies": the actor is
         * what the protest is against, an adjective here, not a party */
        if (best->start > 0 && x->w.token[best->start] == x->w.token[best->start - 1] &&
            x->w.w[best->start - 1].n == 4 && !memcmp(x->w.w[best->start - 1].s, "anti", 4)) {
            i = best->end;
            continue;
        }
        x->c[x->nc++] = (chunk){best->start, best->end, x->d->entries[best->entry].kind, best->entry};
        i = best->end;
    }
}

/* Noun phrases: runs of actor and agent chunks joined directly or by
 * "of", "'s", "the", "and" is not a joiner (compound actors are two
 * phrases). The code: the most specific actor code, composed with the
 * first agent when the actor is only a country. */
static void make_nps(sent *x) {
    x->nnp = 0;
    for (size_t i = 0; i < x->w.n && i < 512; i++) x->np_at[i] = -1;
    for (size_t i = 0; i < x->nc && x->nnp < sizeof x->nps / sizeof *x->nps;) {
        if (x->c[i].kind == TK_ENTRY_VERB) { i++; continue; }
        size_t j = i + 1;
        while (j < x->nc && x->c[j].kind != TK_ENTRY_VERB) {
            uint32_t gap_a = x->c[j - 1].end, gap_b = x->c[j].start;
            bool joined = true;
            /* "soldiers from Gondor", "activists in Arnor": an agent, then
             * its country */
            bool agent_then_actor = x->c[j - 1].kind == TK_ENTRY_AGENT && x->c[j].kind == TK_ENTRY_ACTOR;
            for (uint32_t g = gap_a; g < gap_b; g++) {
                if (C(x, g) & W_JOIN) continue;
                if (agent_then_actor && gap_b - gap_a == 1 && (C(x, g) & W_PREP) &&
                    !(C(x, g) & W_BY))
                    continue;
                joined = false;
            }
            if (!joined || gap_b - gap_a > 2) break;
            j++;
        }
        /* the code */
        const char *actor = NULL, *agent = NULL;
        for (size_t k = i; k < j; k++) {
            const char *code = code_of(x, x->c[k].entry);
            if (x->c[k].kind == TK_ENTRY_ACTOR) {
                if (!actor || strlen(code) > strlen(actor)) actor = code;
            } else if (!agent) {
                agent = code;
            }
        }
        np *p = &x->nps[x->nnp];
        p->start = x->c[i].start;
        p->end = x->c[j - 1].end;
        p->agent_only = !actor;
        p->lead_agent = x->c[i].kind == TK_ENTRY_AGENT && actor && strlen(actor) <= 3 ? agent : NULL;
        p->trail_agent = x->c[i].kind == TK_ENTRY_ACTOR && x->c[j - 1].kind == TK_ENTRY_AGENT && actor &&
                                 strlen(actor) <= 3 ? agent : NULL;
        if (actor && agent && strlen(actor) <= 3) tk_dict_compose(actor, agent, p->code, sizeof p->code);
        else if (actor) copy_str(p->code, sizeof p->code, actor);
        else copy_str(p->code, sizeof p->code, agent[0] == '~' ? agent + 1 : agent);
        size_t cl = strlen(p->code);
        if (cl && p->code[cl - 1] == '~') p->code[cl - 1] = '\0';
        /* a determiner before the phrase belongs to it */
        while (p->start > 0 && (C(x, p->start - 1) & W_DET)) p->start--;
        for (uint32_t k = p->start; k < p->end && k < 512; k++) x->np_at[k] = (int16_t)x->nnp;
        x->nnp++;
        i = j;
    }
}

/* Remembers the phrases of this sentence for later ones, and gives
 * role-only phrases the story's country. */
static void story_context(sent *x) {
    for (size_t i = 0; i < x->nnp; i++) {
        np *p = &x->nps[i];
        if (p->agent_only && role_only(p->code)) {
            /* the story's country, or PETRARCH's "---" for none yet
             * ("---GOV") */
            size_t cl = strlen(p->code);
            if (cl + 3 < sizeof p->code) {
                memmove(p->code + 3, p->code, cl + 1);
                memcpy(p->code, x->country[0] ? x->country : "---", 3);
            }
            continue;
        }
        if (!strncmp(p->code, "IGO", 3) || !strncmp(p->code, "NGO", 3)) {
            copy_str(x->last_org, sizeof x->last_org, p->code);
            continue;
        }
        if (strlen(p->code) >= 6 && (strstr(p->code + 3, "REB") || strstr(p->code + 3, "INS") ||
                                     strstr(p->code + 3, "SEP") || strstr(p->code + 3, "UAF")))
            copy_str(x->last_grp, sizeof x->last_grp, p->code);
        /* count countries: the first three letters of a country actor */
        char c[4] = {p->code[0], p->code[1], p->code[2], 0};
        size_t k = 0;
        while (k < x->nseen && memcmp(x->seen[k].code, c, 4)) k++;
        if (k == x->nseen && x->nseen < 16) { memcpy(x->seen[x->nseen].code, c, 4); x->seen[x->nseen++].n = 0; }
        if (k < x->nseen && ++x->seen[k].n > x->country_n) {
            x->country_n = x->seen[k].n;
            memcpy(x->country, c, 4);
        }
    }
    /* "the (regional) organisation", "the group": the last one named */
    for (uint32_t i = 1; i < x->w.n && i < 512 && x->nnp < sizeof x->nps / sizeof *x->nps; i++) {
        uint64_t b = x->cls[i] & (W_ORGREF | W_GRPREF);
        if (!b || x->np_at[i] >= 0) continue;
        const char *ante = b & W_ORGREF ? x->last_org : x->last_grp;
        if (!ante[0]) continue;
        uint32_t a = i;
        if (a >= 1 && !(x->cls[a - 1] & W_DET)) a--; /* one adjective: "the regional organisation" */
        if (a < 1 || !(x->cls[a - 1] & W_DET) || x->np_at[a] >= 0) continue;
        np *p = &x->nps[x->nnp];
        p->start = a - 1;
        p->end = i + 1;
        p->agent_only = false;
        p->lead_agent = p->trail_agent = NULL;
        copy_str(p->code, sizeof p->code, ante);
        for (uint32_t k = p->start; k < p->end; k++) x->np_at[k] = (int16_t)x->nnp;
        x->nnp++;
    }
}

/* Marks relative clauses set off by commas: ", which ... ," */
static void mark_relatives(sent *x) {
    size_t n = x->w.n < 512 ? x->w.n : 512;
    for (size_t i = 0; i < n; i++) x->rel[i] = -1;
    for (size_t i = 1; i < n; i++) {
        if (!(x->cls[i - 1] & W_COMMA) || !(x->cls[i] & W_REL)) continue;
        size_t j = i + 1;
        while (j < n && !(x->cls[j] & (W_COMMA | W_SEMI))) j++;
        if (j >= n || !(x->cls[j] & W_COMMA)) continue; /* runs to the end: not an aside */
        for (size_t k = i - 1; k <= j; k++) x->rel[k] = (int16_t)(i - 1);
        i = j;
    }
}

/* The phrase ending nearest before word `at`, within the clause; a
 * relative clause between it and the verb is skipped ("France, which is
 * withdrawing its soldiers, condemned": France). */
static int np_left(const sent *x, uint32_t at) {
    int16_t own = at < 512 && at < x->w.n ? x->rel[at] : -1;
    for (uint32_t i = at; i-- > 0;) {
        if (i < 512 && x->rel[i] >= 0 && x->rel[i] != own) { i = (uint32_t)x->rel[i]; continue; }
        if (i < 512 && x->np_at[i] >= 0) return x->np_at[i];
        /* a verb inside a relative clause: its source is what the clause
         * is about, the phrase before ", which" */
        if (i < 512 && own >= 0 && (uint32_t)own == i) {
            for (uint32_t k = i; k-- > 0;) {
                if (k < 512 && x->np_at[k] >= 0) return x->np_at[k];
                if (C(x, k) & W_BREAK) return -1;
            }
            return -1;
        }
        if (C(x, i) & W_BREAK) return -1;
        if ((C(x, i) & W_THAT) && i > 0) return -1;
    }
    return -1;
}

/* The first phrase starting at or after `at`, before the clause ends or
 * another event verb comes. */
static int np_right(const sent *x, uint32_t at, uint32_t limit) {
    for (uint32_t i = at; i < limit && i < x->w.n; i++) {
        if (i < 512 && x->np_at[i] >= 0) {
            const np *p = &x->nps[x->np_at[i]];
            /* "military aid to Mozambique": a lone singular agent word
             * before a lower-case word is a modifier, not the object */
            uint32_t e = p->end;
            const tk_word *aw = &x->w.w[p->start];
            if (p->agent_only && e == p->start + 1 && aw->n > 1 && aw->s[aw->n - 1] != 's' && e < limit &&
                e < x->w.n && e < 512 && x->np_at[e] < 0 &&
                !C(x, e) && x->w.w[e].n && x->w.w[e].s[0] >= 'a' && x->w.w[e].s[0] <= 'z' &&
                !(x->s->tokens.v[x->w.token[e]].flags & TK_TF_UPPER)) {
                i = e;
                continue;
            }
            return x->np_at[i];
        }
        if (C(x, i) & (W_BREAK | W_AND | W_COMMA)) return -1;
    }
    return -1;
}

static void set_ref(const sent *x, tk_actor_ref *r, int npi) {
    if (npi < 0) { r->set = false; return; }
    const np *p = &x->nps[npi];
    const tk_story *s = x->s;
    r->set = true;
    r->start = s->tokens.v[x->w.token[p->start]].start;
    r->end = s->tokens.v[x->w.token[p->end - 1]].end;
    copy_str(r->code, sizeof r->code, p->code);
}

/* Is word id `id` anywhere in the sentence? (false positives possible) */
static inline bool has_word(const sent *x, uint32_t id) {
    return id != TK_NONE && (x->has[(id >> 6) & 15] & (1ull << (id & 63)));
}

/* Tries one compiled pattern around the verb chunk; on success sets the
 * phrases bound to $ and + (or -1). Words before * are looked for right
 * to left from the verb, words after it left to right, within the clause. */
static bool try_pattern(const sent *x, const tk_pattern *p, const chunk *v, uint32_t clause_end,
                        int *src, int *tgt) {
    const tk_pel *e = &x->d->pels[p->pels];
    int verb_at = p->verb_at;
    if (verb_at < 0) return false;
    *src = *tgt = -1;
    /* after the verb */
    uint32_t pos = v->end;
    for (int i = verb_at + 1; i < p->npels; i++) {
        const tk_pel *el = &e[i];
        if (el->kind == TK_PEL_WORD) {
            uint32_t found = UINT32_MAX;
            uint32_t lim = el->adjacent ? pos + 1 : clause_end;
            if (!has_word(x, el->arg)) return false;
            for (uint32_t k = pos; k < lim && k < x->w.n && k < 512; k++) {
                if (k >= clause_end) break;
                if (x->wid[k] == el->arg) { found = k; break; }
            }
            if (found == UINT32_MAX) return false;
            pos = found + 1;
        } else if (el->kind == TK_PEL_SYNSET) {
            bool hit = false;
            uint32_t lim = el->adjacent ? pos + 1 : clause_end;
            for (uint32_t k = pos; k < lim && k < clause_end && k < x->w.n && k < 512; k++)
                if (tk_dict_in_synset(x->d, el->arg, x->wid[k])) { pos = k + 1; hit = true; break; }
            if (!hit) return false;
        } else if (el->kind == TK_PEL_ALT) {
            /* { A | B C }: the alternative that starts first; each is a run
             * of words, joined ones adjacent, others within the clause */
            const tk_pel *a = el + 1;
            uint32_t nin = el->arg;
            uint32_t best_start = UINT32_MAX, best_end = 0;
            for (uint32_t t = 0; t < nin; t++) {
                if (!(a[t].kind == TK_PEL_ALT && a[t].n == UINT16_MAX)) continue;
                /* the words of this alternative: a[t+1 .. next marker) */
                uint32_t u = t + 1;
                uint32_t first = UINT32_MAX, at = pos;
                bool ok = true;
                for (; u < nin && !(a[u].kind == TK_PEL_ALT && a[u].n == UINT16_MAX); u++) {
                    if (a[u].kind != TK_PEL_WORD) { ok = false; break; }
                    bool adj = u > t + 1 ? a[u].adjacent : el->adjacent;
                    uint32_t lim = adj ? at + 1 : clause_end;
                    uint32_t k = at, found = UINT32_MAX;
                    if (!has_word(x, a[u].arg)) lim = k; /* not in the sentence */
                    for (; k < lim && k < clause_end && k < x->w.n && k < 512; k++)
                        if (x->wid[k] == a[u].arg) { found = k; break; }
                    if (found == UINT32_MAX) { ok = false; break; }
                    if (first == UINT32_MAX) first = found;
                    at = found + 1;
                }
                if (ok && first != UINT32_MAX && first < best_start) {
                    best_start = first;
                    best_end = at;
                }
                t = u - 1;
            }
            if (best_start == UINT32_MAX) return false;
            pos = best_end;
            i += (int)nin;
        } else if (el->kind == TK_PEL_TARGET || el->kind == TK_PEL_SOURCE || el->kind == TK_PEL_BOTH) {
            int n = np_right(x, pos, clause_end);
            if (n < 0) return false;
            if (el->kind == TK_PEL_TARGET) *tgt = n;
            else *src = n;
            pos = x->nps[n].end;
        } else if (el->kind == TK_PEL_SKIP) {
            int n = np_right(x, pos, clause_end);
            if (n < 0) return false;
            pos = x->nps[n].end;
        } else {
            return false; /* synsets: not in this first coder */
        }
    }
    /* before the verb, right to left */
    uint32_t lpos = v->start;
    for (int i = verb_at - 1; i >= 0; i--) {
        const tk_pel *el = &e[i];
        if (el->kind == TK_PEL_WORD) {
            bool hit = false;
            for (uint32_t k = lpos; k-- > 0;) {
                if (k < 512 && x->wid[k] == el->arg) { lpos = k; hit = true; break; }
                if ((C(x, k) & W_BREAK) || el[1].adjacent) break;
            }
            if (!hit) return false;
        } else if (el->kind == TK_PEL_SYNSET) {
            bool hit = false;
            for (uint32_t k = lpos; k-- > 0;) {
                if (k < 512 && tk_dict_in_synset(x->d, el->arg, x->wid[k])) { lpos = k; hit = true; break; }
                if ((C(x, k) & W_BREAK) || el[1].adjacent) break;
            }
            if (!hit) return false;
        } else if (el->kind == TK_PEL_SOURCE || el->kind == TK_PEL_TARGET || el->kind == TK_PEL_BOTH) {
            int n = np_left(x, lpos);
            if (n < 0) return false;
            if (el->kind == TK_PEL_TARGET) *tgt = n;
            else *src = n;
            lpos = x->nps[n].start;
        } else if (el->kind == TK_PEL_SKIP) {
            int n = np_left(x, lpos);
            if (n < 0) return false;
            lpos = x->nps[n].start;
        } else {
            return false;
        }
    }
    return true;
}

/* Does element k (a word, or alternatives) hold the word id? */
static bool pel_has_word(const tk_pel *e, int k, int n, uint32_t word) {
    if (e[k].kind == TK_PEL_WORD) return e[k].arg == word;
    if (e[k].kind != TK_PEL_ALT || !e[k].n) return false;
    for (int i = k + 1; i <= k + (int)e[k].arg && i < n; i++)
        if (e[i].kind == TK_PEL_WORD && e[i].arg == word) return true;
    return false;
}

static bool in_range(const sent *x, uint32_t from, uint32_t to, uint64_t bits) {
    for (uint32_t i = from; i < to && i < x->w.n; i++)
        if (C(x, i) & bits) return true;
    return false;
}

/* Is word i something that may stand between "and" and a phrase in a
 * list of actors: a determiner, an adjective or another word the
 * dictionaries do not know ("and the evil awful Gondor")? */
static bool filler(const sent *x, uint32_t i) {
    if (i >= 512 || i >= x->w.n || x->np_at[i] >= 0) return false;
    if (C(x, i) & (W_BREAK | W_AND | W_COMMA | W_PREP | W_BE | W_HAVE | W_TO)) return false;
    return x->wid[i] == TK_NONE || (C(x, i) & W_DET);
}

/* The phrase at npi and those coordinated before it ("A, B and C"), in
 * order from npi leftwards; returns how many (at least 1). */
static int compound_left(const sent *x, int npi, int *out, int max) {
    int n = 0;
    out[n++] = npi;
    uint32_t a = x->nps[npi].start;
    while (n < max) {
        uint32_t k = a;
        int skip = 0;
        while (k > 0 && skip < 3 && filler(x, k - 1)) { k--; skip++; }
        /* the separator next to the last phrase must be "and": "A, B and
         * C"; a comma alone there is an apposition ("the envoy, Lamamra,") */
        uint64_t sep = n == 1 ? W_AND : (W_AND | W_COMMA);
        if (k == 0 || !(C(x, k - 1) & sep)) break;
        k--;
        if (k > 0 && (C(x, k) & W_AND) && (C(x, k - 1) & W_COMMA)) k--; /* ", and" */
        if (k == 0 || k - 1 >= 512 || x->np_at[k - 1] < 0) break;
        int prev = x->np_at[k - 1];
        out[n++] = prev;
        a = x->nps[prev].start;
    }
    return n;
}

/* "Lawmakers in Fornost and Gondor", "Hungarian and Romanian officials":
 * the agent that leads a phrase of a list goes to the bare countries after
 * it, one that ends a phrase to those before it (GONLEG, HUNGOV). */
static void share_agent(sent *x, const int *list, int n) {
    for (int i = 0; i < n; i++) {
        const np *from = &x->nps[list[i]];
        if (!from->lead_agent && !from->trail_agent) continue;
        for (int k = 0; k < n; k++) {
            np *p = &x->nps[list[k]];
            if (k == i || strlen(p->code) != 3 || p->agent_only) continue;
            const char *agent = p->start > from->start ? from->lead_agent : from->trail_agent;
            if (!agent) continue;
            char code[sizeof p->code];
            tk_dict_compose(p->code, agent, code, sizeof code);
            memcpy(p->code, code, sizeof code);
        }
    }
}

/* The phrase at npi and those coordinated after it ("Dagolath and
 * Osgiliath"). */
static int compound_right(const sent *x, int npi, int *out, int max) {
    int n = 0, upto_and = 1; /* the list counts only as far as its "and" */
    out[n++] = npi;
    uint32_t b = x->nps[npi].end;
    while (n < max && b < x->w.n) {
        uint32_t k = b;
        if (!(C(x, k) & (W_AND | W_COMMA))) break;
        bool and = (C(x, k) & W_AND) != 0;
        k++;
        if (k < x->w.n && (C(x, k - 1) & W_COMMA) && (C(x, k) & W_AND)) { k++; and = true; }
        int skip = 0;
        while (skip < 3 && filler(x, k)) { k++; skip++; }
        if (k >= 512 || k >= x->w.n || x->np_at[k] < 0) break;
        int next = x->np_at[k];
        out[n++] = next;
        b = x->nps[next].end;
        if (and) { upto_and = n; break; }
    }
    return upto_and;
}

/* The event's text: the clause around the verb (between ";", ":", "but",
 * "while"... and without the comma before them), widened to take in its
 * source and target. */
static void event_text(const sent *x, tk_event *ev, uint32_t vstart, uint32_t vend) {
    uint32_t a = vstart, b = vend;
    while (a > 0 && !(C(x, a - 1) & W_COORD)) a--;
    while (b < x->w.n && !(C(x, b) & W_COORD)) b++;
    while (b > vend && (C(x, b - 1) & W_COMMA)) b--;
    const tk_story *s = x->s;
    uint32_t ts = s->tokens.v[x->w.token[a]].start, te = s->tokens.v[x->w.token[b - 1]].end;
    if (ev->source.set && ev->source.start < ts) ts = ev->source.start;
    if (ev->source.set && ev->source.end > te) te = ev->source.end;
    if (ev->target.set && ev->target.start < ts) ts = ev->target.start;
    if (ev->target.set && ev->target.end > te) te = ev->target.end;
    ev->text_start = ts;
    ev->text_end = te;
}

static tk_status add_one(tk_story *s, const tk_event *ev) {
    /* the same (source, target, code) once per sentence */
    for (size_t i = s->events.n; i-- > 0;) {
        const tk_event *o = &s->events.v[i];
        if (o->sentence != ev->sentence) break;
        if (!strcmp(o->code, ev->code) && !strcmp(o->source.code, ev->source.code) &&
            o->target.set == ev->target.set && (!o->target.set || !strcmp(o->target.code, ev->target.code)))
            return TK_OK;
    }
    if (!TK_VEC_GROW(s->events)) return tk_story_fail(s, TK_ENOMEM, "out of memory");
    s->events.v[s->events.n++] = *ev;
    return TK_OK;
}

/* The i-th of the "/"-separated codes in code into out; false past the
 * last. */
static bool code_part(const char *code, int i, char *out, size_t cap) {
    for (; i > 0; i--) {
        code = strchr(code, '/');
        if (!code) return false;
        code++;
    }
    size_t n = strcspn(code, "/");
    if (n >= cap) n = cap - 1;
    memcpy(out, code, n);
    out[n] = '\0';
    return true;
}

/* Adds an event; an actor coded "FRO/BIL/SAM" (PETRARCH: a name that
 * stands for several actors, "the Shire") gives one event for each. */
static tk_status add_event(tk_story *s, const tk_event *ev) {
    bool ss = strchr(ev->source.code, '/') != NULL, ts = ev->target.set && strchr(ev->target.code, '/');
    if (!ss && !ts) return add_one(s, ev);
    tk_event e = *ev;
    for (int i = 0; code_part(ev->source.code, i, e.source.code, sizeof e.source.code); i++) {
        if (!e.source.code[0]) continue;
        for (int j = 0; code_part(ev->target.code, j, e.target.code, sizeof e.target.code); j++) {
            if (ev->target.set && !e.target.code[0]) continue;
            tk_status st = add_one(s, &e);
            if (st != TK_OK) return st;
            if (!ev->target.set) break;
        }
    }
    return TK_OK;
}

/* An event of the sentence from phrase src to phrase tgt (-1: none) with
 * code, its verb from byte vstart to the end of chunk v, with no pattern
 * (the caller sets negation, modality and text). */
static tk_event new_event(const sent *x, int src, int tgt, const char *code, uint32_t vstart, const chunk *v,
                          uint32_t entry, int32_t date) {
    tk_event ev;
    memset(&ev, 0, sizeof ev);
    ev.sentence = (uint32_t)x->si;
    set_ref(x, &ev.source, src);
    set_ref(x, &ev.target, tgt);
    copy_str(ev.code, sizeof ev.code, code);
    ev.verb_start = vstart;
    ev.verb_end = x->s->tokens.v[x->w.token[v->end - 1]].end;
    ev.entry = entry;
    ev.pattern = -1;
    ev.date = date;
    return ev;
}

/* ---- Frames: an act inside "threatened to", "will", "demanded that" ----
 * CAMEO codes what the framing says about the act: "Iran threatened to
 * cut off electricity to Azerbaijan" is a threat (1312 against AZE), not a
 * cut; "Finland will give Tanzania a grant" an intent (0331); "demanded
 * that the government release" a demand (1053) on the government. After
 * a sentence is coded, each act in a frame takes the frame's code (see
 * tk_compose_code) and the frame's own generic event goes. */

/* The numeric code of verb chunk ci's first event entry, or NULL. */
static const char *chunk_code(const sent *x, size_t ci) {
    const chunk *v = &x->c[ci];
    for (size_t mi = 0; mi < x->nm; mi++) {
        const tk_dict_match *m = &x->m[mi];
        if (m->start != v->start || m->end != v->end) continue;
        const tk_entry *e = &x->d->entries[m->entry];
        if (e->kind != TK_ENTRY_VERB || (e->flags & TK_EF_REPORTING)) continue;
        const char *c = code_of(x, m->entry);
        if (c && c[0] >= '0' && c[0] <= '9') return c;
    }
    return NULL;
}

/* The framing root of a generic code ("130" -> 13; "1312" or "190" -> 0). */
static int frame_root(const char *c) {
    if (!c || strlen(c) != 3 || c[2] != '0' || c[0] < '0' || c[0] > '9' || c[1] < '0' || c[1] > '9') return 0;
    int r = (c[0] - '0') * 10 + (c[1] - '0');
    return r == 2 || r == 3 || r == 10 || r == 12 || r == 13 ? r : 0;
}

/* Does the word end in -ing ("shelling", "attacking")? */
static bool ing_form(const tk_word *w) {
    return w->n > 4 && !memcmp(w->s + w->n - 3, "ing", 3);
}

/* Does the word end in -ed ("Russian forces shelled": a verb after a
 * plural noun that the dictionaries also know as a verb)? */
static bool ed_form(const tk_word *w) {
    return w->n > 3 && w->s[w->n - 2] == 'e' && w->s[w->n - 1] == 'd';
}

/* Does the word end in -ly ("reportedly", "jointly")? */
static bool ly_form(const tk_word *w) {
    return w->n > 3 && w->s[w->n - 2] == 'l' && w->s[w->n - 1] == 'y';
}

/* Word k leftwards past negations and adverbs ("will not", "would soon
 * also"): the first word of the run; *neg when a negation was passed. */
static uint32_t skip_left(const sent *x, uint32_t k, bool *neg) {
    for (int n = 0; k > 0 && n < 3; n++) {
        uint32_t w = k - 1;
        if (w < 512 && x->np_at[w] >= 0) break;
        const tk_word *t = &x->w.w[w];
        bool ly = t->n > 4 && ly_form(t) && x->wid[w] == TK_NONE;
        if (!(C(x, w) & (W_NEG | W_ADV)) && !ly) break;
        if (C(x, w) & W_NEG) *neg = true;
        k = w;
    }
    return k;
}

static tk_status compose_frames(sent *x, const uint32_t *ev_lo, const bool *noun_use, uint32_t reported_from,
                                int speaker, int32_t sdate) {
    tk_story *s = x->s;
    size_t nc = x->nc < 256 ? x->nc : 256;
    if (!nc) return TK_OK;
    size_t n0 = ev_lo[0];
    if (s->events.n - n0 > 64) return TK_OK;
    bool drop[64] = {false};
    int16_t last_of[512];
    for (size_t i = 0; i < 512; i++) last_of[i] = -1;
    for (size_t ci = 0; ci < nc; ci++)
        if (x->c[ci].kind == TK_ENTRY_VERB && x->c[ci].end - 1 < 512) last_of[x->c[ci].end - 1] = (int16_t)ci;
    bool unless_seen = false; /* "will withdraw ... unless": a threat */
    for (size_t ci = 0; ci < nc; ci++) {
        const chunk *v = &x->c[ci];
        if (v->kind != TK_ENTRY_VERB) continue;
        size_t lo = ev_lo[ci], hi = ev_lo[ci + 1];
        bool neg = false;
        uint32_t k = skip_left(x, v->start, &neg);
        int root = 0, v1 = -1, obj = -1, src = -1, tgt = -1;
        uint32_t anchor = k;
        bool intent = false, speaker_frame = false;
        if (k > 1 && (C(x, k - 1) & W_TO)) {
            /* "threatened (on Monday) to", "urged the EU to", "is ready to" */
            for (uint32_t q = k - 1, steps = 0; q > 0 && steps < 6; steps++) {
                uint32_t w = q - 1;
                if (w < 512 && x->np_at[w] >= 0) {
                    if (obj >= 0) break;
                    obj = x->np_at[w];
                    q = x->nps[obj].start;
                    continue;
                }
                if (C(x, w) & W_INTENT) {
                    intent = true;
                    anchor = w;
                    if (w < 512 && last_of[w] >= 0) v1 = last_of[w]; /* "seeks to": its own event goes */
                    break;
                }
                if (w < 512 && last_of[w] >= 0) {
                    /* "in order to", "the plan to": a noun frames nothing */
                    const chunk *f = &x->c[last_of[w]];
                    if (!noun_use[last_of[w]] && !(f->start > 0 && (C(x, f->start - 1) & (W_DET | W_PREP))))
                        v1 = last_of[w], anchor = f->start;
                    break;
                }
                if (C(x, w) & (W_BREAK | W_COMMA | W_TO | W_THAT | W_AND | W_COND)) break;
                q = w;
            }
            if (intent) root = obj >= 0 ? 2 : 3;
            else if (v1 >= 0) {
                const char *c1 = ev_lo[v1] < ev_lo[v1 + 1] ? s->events.v[ev_lo[v1]].code : chunk_code(x, (size_t)v1);
                root = frame_root(c1);
            }
        } else if (k > 0 && (C(x, k - 1) & (W_FUT | W_MUST))) {
            anchor = k - 1;
            const tk_word *m = &x->w.w[anchor];
            bool would = m->n == 5 && !memcmp(m->s, "would", 5);
            bool reported = speaker >= 0 || reported_from <= anchor;
            if (C(x, anchor) & W_MUST) {
                /* "X said Y must ...", "X declared that Y must ...": X
                 * demands it of Y */
                int who = speaker, subj = np_left(x, anchor);
                if (who < 0 && subj >= 0 && x->nps[subj].start > 1) {
                    uint32_t w = x->nps[subj].start - 1;
                    if (C(x, w) & W_THAT) w--;
                    if (w < 512 && last_of[w] >= 0) who = np_left(x, x->c[last_of[w]].start);
                }
                if (who >= 0 && subj >= 0 && subj != who) {
                    root = m->s[0] == 'm' ? 10 : 2;
                    speaker_frame = true;
                    src = who;
                    tgt = subj;
                }
            } else if (!would || reported) {
                root = 3;
                uint32_t from = anchor > 8 ? anchor - 8 : 0;
                if (in_range(x, from, anchor, W_COND)) root = 0; /* "if X will" */
            }
        } else {
            /* "demanded that the government release": the clause's subject
             * is the target */
            int subj = np_left(x, v->start);
            if (subj >= 0 && x->nps[subj].end == k && x->nps[subj].start > 1 &&
                (C(x, x->nps[subj].start - 1) & W_THAT)) {
                uint32_t w = x->nps[subj].start - 2;
                if (w < 512 && last_of[w] >= 0) {
                    v1 = last_of[w];
                    const char *c1 = ev_lo[v1] < ev_lo[v1 + 1] ? s->events.v[ev_lo[v1]].code : chunk_code(x, (size_t)v1);
                    root = frame_root(c1);
                    if (root != 10 && root != 2) root = 0;
                    tgt = subj;
                    anchor = x->c[v1].start;
                }
            }
        }
        if (!root) continue;
        const char *c2 = lo < hi ? s->events.v[lo].code : chunk_code(x, ci);
        if (!c2 || c2[0] < '0' || c2[0] > '9') {
            /* "are seeking to deepen ties": an intent, whatever its act */
            if (intent && obj < 0 && v1 >= 0)
                for (size_t i = ev_lo[v1]; i < ev_lo[v1 + 1]; i++) copy_str(s->events.v[i].code, 8, "030");
            continue;
        }
        bool v1_events = v1 >= 0 && ev_lo[v1] < ev_lo[v1 + 1];
        const tk_event *e1 = v1_events ? &s->events.v[ev_lo[v1]] : NULL;
        for (uint32_t w = v->end; w < x->w.n && w < 512 && !unless_seen; w++)
            if ((C(x, w) & W_COND) && x->w.w[w].s[0] == 'u') unless_seen = true;
        if (root == 3 && unless_seen) root = 13;
        if (e1 && e1->negated) neg = true;
        if (!e1 && anchor >= 3 && in_range(x, anchor - 3, anchor, W_NEG)) neg = true;
        int act = (c2[0] - '0') * 10 + (c2[1] - '0');
        if (root == 3 && act >= 10 && act <= 13) {
            /* "seeks to pressure": the act as it is, without the frame's event */
            if (lo < hi && v1_events)
                for (size_t i = ev_lo[v1]; i < ev_lo[v1 + 1]; i++) drop[i - n0] = true;
            continue;
        }
        if (root == 3 && neg && act < 10) { root = 12; neg = false; } /* "would not provide": a refusal */
        char code[8];
        if (!tk_compose_code(root, c2, code, sizeof code)) continue;
        if (!tk_cameo_find(&s->engine->cameo, code)) code[3] = '\0'; /* no such sub-code: its parent */
        if (!tk_cameo_find(&s->engine->cameo, code)) continue;
        uint32_t fstart = s->tokens.v[x->w.token[anchor]].start;
        if (s->trace) {
            TRACE(x, "  frame   ");
            tk_code_trace_words(x, anchor, v->end);
            TRACE(x, "  ->  root %02d of [%s]: [%s]\n", root, c2, code);
        }
        if (lo < hi) {
            /* the act was coded: it takes the frame's code and actors */
            for (size_t i = lo; i < hi; i++) {
                tk_event *e = &s->events.v[i];
                if (speaker_frame || (v1 >= 0 && tgt >= 0)) {
                    if (tgt >= 0) set_ref(x, &e->target, tgt);
                    if (speaker_frame) set_ref(x, &e->source, src);
                    else if (e1) e->source = e1->source;
                } else if (e1 && obj < 0) {
                    e->source = e1->source;
                }
                if (e->target.set && e->source.set && !strcmp(e->target.code, e->source.code) &&
                    e->target.start == e->source.start)
                    e->target.set = false;
                copy_str(e->code, sizeof e->code, code);
                e->verb_start = fstart;
                e->negated = neg;
                if (e1) e->modality = e1->modality;
                else if (e->modality == TK_MOD_HYPOTHETICAL &&
                         !in_range(x, anchor > 8 ? anchor - 8 : 0, anchor, W_COND))
                    e->modality = (anchor < 512 && x->quoted[anchor]) || anchor >= reported_from ? TK_MOD_REPORTED
                                                                                                 : TK_MOD_ASSERTED;
                event_text(x, e, anchor, v->end);
            }
            if (v1_events)
                for (size_t i = ev_lo[v1]; i < ev_lo[v1 + 1]; i++) drop[i - n0] = true;
        } else if (v1_events) {
            /* "urged the EU to lift": the frame's event names the act */
            /* "threatened to break relations with Russia": the act's object
             * when the frame had none */
            if (tgt < 0) {
                uint32_t end = ci + 1 < x->nc ? x->c[ci + 1].start : (uint32_t)x->w.n;
                for (uint32_t w = v->end; w < end; w++)
                    if (C(x, w) & W_BREAK) { end = w; break; }
                tgt = np_right(x, v->end, end);
            }
            for (size_t i = ev_lo[v1]; i < ev_lo[v1 + 1]; i++) {
                tk_event *e = &s->events.v[i];
                copy_str(e->code, sizeof e->code, code);
                e->verb_end = s->tokens.v[x->w.token[v->end - 1]].end;
                if (tgt >= 0 && (!e->target.set || obj < 0)) set_ref(x, &e->target, tgt);
                if (e->target.set && e->source.set && !strcmp(e->target.code, e->source.code)) e->target.set = false;
            }
        } else if (intent && obj >= 0) {
            /* "Gondor wants Arnor to attack Rohan": an appeal to Arnor */
            int sj = np_left(x, anchor);
            if (sj < 0 || sj == obj) continue;
            tk_event ev = new_event(x, sj, obj, code, fstart, v, v->entry, sdate);
            ev.negated = neg;
            ev.modality = (anchor < 512 && x->quoted[anchor]) || anchor >= reported_from ? TK_MOD_REPORTED
                                                                                           : TK_MOD_ASSERTED;
            event_text(x, &ev, anchor, v->end);
            if (s->events.n - n0 >= 64) continue;
            tk_status st = add_one(s, &ev);
            if (st != TK_OK) return st;
        }
    }
    /* drop the frames' own events and any event now repeated */
    size_t out = n0;
    for (size_t i = n0; i < s->events.n; i++) {
        if (i - n0 < 64 && drop[i - n0]) continue;
        const tk_event *e = &s->events.v[i];
        bool dup = false;
        for (size_t j = n0; j < out && !dup; j++) {
            const tk_event *o = &s->events.v[j];
            dup = !strcmp(o->code, e->code) && !strcmp(o->source.code, e->source.code) &&
                  o->target.set == e->target.set && (!o->target.set || !strcmp(o->target.code, e->target.code));
        }
        if (!dup) s->events.v[out++] = *e;
    }
    s->events.n = out;
    return TK_OK;
}

/* "allowed refugees to return": an infinitive right after the object of
 * the verb before it, part of that verb's clause and event */
static bool infinitive_after_object(const sent *x, const chunk *v) {
    return v->start > 1 && (C(x, v->start - 1) & W_TO) && v->start - 2 < 512 && x->np_at[v->start - 2] >= 0;
}

/* How likely word i is a noun, or a past participle (percent; -1
 * unknown): the engine's index of the treebank lexicon by word id. */
static int pos_noun(const sent *x, uint32_t i) {
    const tk_engine *e = x->s->engine;
    uint32_t id = i < 512 ? x->wid[i] : TK_NONE;
    return id < e->npos && e->pos_noun[id] != 255 ? e->pos_noun[id] : -1;
}

static int pos_vbn(const sent *x, uint32_t i) {
    const tk_engine *e = x->s->engine;
    uint32_t id = i < 512 ? x->wid[i] : TK_NONE;
    return id < e->npos && e->pos_vbn[id] != 255 ? e->pos_vbn[id] : -1;
}

/* Words the treebank tags a noun at least this often (percent) need a
 * verb's place to be coded as verbs (see verb_slot). */
#define TK_NOUN_PCT 80

/* Can word i be a verb by what stands before it: its subject phrase, a
 * pronoun, an auxiliary or modal, "to", "and", a comma, a relative word,
 * a negation, an adverb, or a capitalised name the dictionaries do not
 * know ("Mugabe attacks")? */
static bool verb_slot(const sent *x, uint32_t i) {
    if (i == 0 || i > 512) return false;
    uint32_t p = i - 1;
    if (x->np_at[p] >= 0) return true;
    if (C(x, p) & (W_PRON | W_BE | W_HAVE | W_FUT | W_MUST | W_TO | W_AND | W_COMMA | W_REL | W_THAT | W_NEG |
                   W_ADV | W_INTENT))
        return true;
    const tk_word *w = &x->w.w[p];
    if (ly_form(w)) return true;
    return (x->s->tokens.v[x->w.token[p]].flags & TK_TF_UPPER) && x->wid[p] == TK_NONE;
}


/* The subject of a verb at word `at`: the phrase before it, past those
 * that are the object of a preposition other than "of" when another
 * phrase stands before them ("militants piled pressure on allies in Iraq,
 * seizing": the militants), or -1. */
static int subject_left(const sent *x, uint32_t at) {
    int npi = np_left(x, at);
    /* "in Israeli tank shelling": an -ing word in a preposition's phrase
     * is a noun, and the phrase before it its subject ("…, seizing" after
     * a comma is a clause of the sentence's subject) */
    if (npi >= 0 && ing_form(&x->w.w[at]) && !in_range(x, x->nps[npi].end, at, W_COMMA)) return npi;
    for (int n = 0; npi >= 0 && n < 4; n++) {
        uint32_t a = x->nps[npi].start;
        if (a == 0 || !(C(x, a - 1) & W_PREP) || (C(x, a - 1) & (W_BY | W_JOIN))) return npi;
        int before = np_left(x, a - 1);
        /* none else, or only a role with no country ("opposition groups in
         * Zimbabwe"): the place stands for who acted there */
        if (before < 0 || !strncmp(x->nps[before].code, "---", 3)) return npi;
        npi = before;
    }
    return npi;
}



/* Is word i one that makes the word after it a noun: a number ("two
 * attacks"), or an adjective the dictionaries do not know by its ending
 * ("economic aid", "military support", "massive protests")? */
static bool noun_before(const sent *x, uint32_t i) {
    if (i >= 512 || i >= x->w.n || x->np_at[i] >= 0 || C(x, i)) return false;
    const tk_word *w = &x->w.w[i];
    if (w->n && w->s[0] >= '0' && w->s[0] <= '9') return true;
    static const char *const numbers[] = {"two", "three", "four", "five", "six", "seven", "eight", "nine",
                                          "ten", "eleven", "twelve", "dozens", "hundreds", "thousands",
                                          "scores", "dozen", "hundred", "thousand", NULL};
    for (const char *const *n = numbers; *n; n++)
        if (strlen(*n) == w->n && !memcmp(*n, w->s, w->n)) return true;
    if (w->n < 5 || (x->s->tokens.v[x->w.token[i]].flags & TK_TF_UPPER)) return false;
    static const char *const ends[] = {"ic", "al", "ary", "ian", "ive", "ous", "ful", NULL};
    for (const char *const *e = ends; *e; e++) {
        size_t n = strlen(*e);
        if (!memcmp(w->s + w->n - n, *e, n)) return true;
    }
    return false;
}

static tk_status code_sentence(sent *x) {
    tk_story *s = x->s;
    x->nlocs = 0;
    tk_status st = tk_match_words_of(s, x->si, &x->w);
    if (st != TK_OK) return st;
    memset(x->has, 0, sizeof x->has);
    for (uint32_t i = 0; i < x->w.n && i < 512; i++) {
        x->cls[i] = classify(x, &x->w.w[i]);
        uint32_t id = x->wid[i] = tk_dict_word_id(x->d, x->w.w[i].s, x->w.w[i].n);
        if (id != TK_NONE) x->has[(id >> 6) & 15] |= 1ull << (id & 63); /* see has_word() */
    }
    x->nm = 0;
    tk_dict_match_ids(x->d, x->wid, x->w.n < 512 ? x->w.n : 512, on_match, x);
    for (size_t i = 0; i < x->nm; i++) {
        const tk_entry *e = &x->d->entries[x->m[i].entry];
        if (e->kind != TK_ENTRY_DISCARD) continue;
        if (e->flags & TK_EF_STORY) x->story_discard = true;
        return TK_OK; /* not a political sentence */
    }
    make_chunks(x);
    make_nps(x);
    story_context(x);
    mark_relatives(x);
    if (s->trace) {
        for (size_t i = 0; i < x->nc; i++) {
            const chunk *c = &x->c[i];
            const tk_entry *e = &x->d->entries[c->entry];
            TRACE(x, "  chunk   %-6s ", c->kind == TK_ENTRY_ACTOR ? "actor" : c->kind == TK_ENTRY_AGENT ? "agent" : "verb");
            tk_code_trace_words(x, c->start, c->end);
            TRACE(x, "  ->  %s [%s]  %s:%u\n", tk_intern_str(&x->d->strings, e->phrase), code_of(x, c->entry),
                  tk_intern_str(&x->d->strings, e->file), e->line);
        }
        for (size_t i = 0; i < x->nnp; i++) {
            TRACE(x, "  phrase  ");
            tk_code_trace_words(x, x->nps[i].start, x->nps[i].end);
            TRACE(x, "  ->  %s\n", x->nps[i].code);
        }
    }
    tk_code_find_places(x);
    /* words inside a spoken quotation (the quote stage marked their tokens) */
    for (uint32_t i = 0; i < x->w.n && i < 512; i++) x->quoted[i] = s->tokens.v[x->w.token[i]].quoted != 0;
    /* reduced relatives: "the sanctions imposed by ECOWAS" — a participle
     * right after a noun that is not an actor, followed by "by": a passive
     * of its own, and no clause boundary for the verb before it */
    bool reduced[256] = {false}, noun_use[256] = {false};
    for (size_t ci = 0; ci < x->nc && ci < 256; ci++) {
        const chunk *v = &x->c[ci];
        /* "the attack", "by telephone", "the sanctions": a noun */
        if (v->kind == TK_ENTRY_VERB && v->start > 0 && (C(x, v->start - 1) & (W_DET | W_PREP)))
            noun_use[ci] = true;
        /* "supply arms to", "imposed sanctions on": an -s word right after
         * a verb and before a preposition is its object, not a verb of its
         * own */
        const tk_word *w = &x->w.w[v->start];
        bool after_chunk = ci > 0 && x->c[ci - 1].end == v->start;
        /* "Obama's visit", "the public's help": after a possessive, a noun */
        if (v->kind == TK_ENTRY_VERB && v->start > 0 && x->w.w[v->start - 1].n == 2 &&
            !memcmp(x->w.w[v->start - 1].s, "'s", 2))
            noun_use[ci] = true;
        /* "after the Boston bombing.", "the Bangkok meeting": an -ing word right
         * after a phrase, with no "is" before it, is a noun when nothing
         * follows it or the treebank mostly tags it one ("demonstrators
         * protesting election results" keeps its verb: the phrase is its
         * subject) */
        if (v->kind == TK_ENTRY_VERB && v->start > 0 && v->start - 1 < 512 && x->np_at[v->start - 1] >= 0 &&
            ing_form(&x->w.w[v->end - 1])) {
            const tk_word *nw = v->end < x->w.n ? &x->w.w[v->end] : NULL;
            bool ends = !nw || !nw->n || !((nw->s[0] >= 'a' && nw->s[0] <= 'z') || (nw->s[0] >= '0' && nw->s[0] <= '9'));
            if (ends || pos_noun(x, v->end - 1) >= 50) noun_use[ci] = true;
        }
        /* a word the treebank mostly tags a noun ("talks", "fire",
         * "order") is a verb only where a verb can stand */
        if (v->kind == TK_ENTRY_VERB && v->end == v->start + 1) {
            int pn = pos_noun(x, v->start);
            if (pn >= TK_NOUN_PCT && !verb_slot(x, v->start)) noun_use[ci] = true;
            /* "a terrorist attack", "military aid", "the Benghazi raid": after
             * a one-word singular phrase, a word mostly a noun is the head of
             * a compound ("the rebels attack", "the UN fears" keep their verb) */
            uint32_t p = v->start - 1;
            if (pn >= 60 && v->start > 0 && p < 512 && x->np_at[p] >= 0) {
                const np *q = &x->nps[x->np_at[p]];
                bool det = C(x, q->start) & W_DET;
                const tk_word *last = &x->w.w[q->end - 1];
                if (q->end - q->start == (det ? 2u : 1u) && last->n > 1 && last->s[last->n - 1] != 's' &&
                    (det || pn >= TK_NOUN_PCT) && w->s[w->n - 1] != 's')
                    noun_use[ci] = true;
            }
        }
        if (v->kind == TK_ENTRY_VERB && v->start > 0 && !after_chunk && noun_before(x, v->start - 1))
            noun_use[ci] = true;
        /* "halted aid to", "provide support": a verb right after another
         * is its object ("began shelling", "helped rebuild" keep theirs;
         * "has risen" is an auxiliary and its verb) */
        if (v->kind == TK_ENTRY_VERB && after_chunk && x->c[ci - 1].kind == TK_ENTRY_VERB &&
            !ing_form(&x->w.w[v->end - 1]) && !ed_form(&x->w.w[v->end - 1]) &&
            !(C(x, v->start - 1) & (W_BE | W_HAVE | W_FUT | W_MUST)) &&
            !(x->w.w[v->start - 1].n >= 4 && !memcmp(x->w.w[v->start - 1].s, "help", 4)))
            noun_use[ci] = true;
        if (v->kind == TK_ENTRY_VERB && ci > 0 && x->c[ci - 1].kind == TK_ENTRY_VERB &&
            x->c[ci - 1].end == v->start && v->end == v->start + 1 && w->n > 3 && w->s[w->n - 1] == 's' &&
            w->s[w->n - 2] != 's' && v->end < x->w.n && (C(x, v->end) & (W_PREP | W_TO)))
            noun_use[ci] = true;
    }
    for (size_t ci = 0; ci < x->nc && ci < 256; ci++) {
        const chunk *v = &x->c[ci];
        if (v->kind != TK_ENTRY_VERB || v->start == 0) continue;
        uint32_t prev = v->start - 1;
        if (!(C(x, v->end) & W_BY)) continue;
        if ((prev < 512 && x->np_at[prev] >= 0) || (C(x, prev) & (W_BE | W_HAVE | W_AND | W_PRON | W_COMMA | W_TO)))
            continue;
        reduced[ci] = true;
    }
    /* "men jailed without charge", "Anwar Ibrahim, released from jail,":
     * a word the treebank mostly tags a past participle, right after a
     * phrase (or its comma), with no object of its own, describes that
     * phrase: a passive whose target is the phrase */
    bool participle[256] = {false};
    for (size_t ci = 0; ci < x->nc && ci < 256; ci++) {
        const chunk *v = &x->c[ci];
        if (v->kind != TK_ENTRY_VERB || v->start == 0 || v->end != v->start + 1 || reduced[ci] || noun_use[ci])
            continue;
        uint32_t prev = v->start - 1;
        bool comma = (C(x, prev) & W_COMMA) && prev > 0 && prev - 1 < 512 && x->np_at[prev - 1] >= 0;
        if (!comma && !(prev < 512 && x->np_at[prev] >= 0)) continue;
        uint32_t nx = v->end;
        /* only a preposition, a comma, a clause break or the end may follow
         * (anything else may be its object: an active verb) */
        if (nx < x->w.n && (!(C(x, nx) & (W_PREP | W_COMMA | W_BREAK)) || (C(x, nx) & W_BY))) continue;
        int pp = pos_vbn(x, v->start);
        if (pp >= (comma ? 60 : 75)) participle[ci] = true;
    }
    int32_t sdate = tk_code_sentence_date(s, x->w.w, x->w.n, x->day, x->cls, W_DATE);
    if (sdate && s->trace) TRACE(x, "  date    %04d-%02d-%02d\n", sdate / 10000, sdate / 100 % 100, sdate % 100);
    int last_src = -1;
    uint32_t reported_from = UINT32_MAX; /* words after "said that" are reported */
    int speaker = -1;                    /* subject of the reporting verb */
    uint32_t prev_passive_end = 0;      /* end of the last verb if it was a passive */
    uint32_t ev_lo[257];                 /* the events of chunk ci: [ev_lo[ci], ev_lo[ci + 1]) */
    for (size_t ci = 0; ci < x->nc; ci++) {
        const chunk *v = &x->c[ci];
        if (ci < 256) ev_lo[ci] = (uint32_t)s->events.n;
        if (v->kind != TK_ENTRY_VERB) continue;
        /* every verb entry for this span: an event verb, a reporting verb
         * ("recalled their ambassadors" / "he recalled"), or both */
        uint32_t vents[8];
        size_t nv = 0;
        bool reporting = false, eventful = false;
        for (size_t mi = 0; mi < x->nm && nv < 8; mi++) {
            const tk_dict_match *m = &x->m[mi];
            if (m->start != v->start || m->end != v->end) continue;
            const tk_entry *e = &x->d->entries[m->entry];
            if (e->kind != TK_ENTRY_VERB || !code_of(x, m->entry)) continue;
            if (e->flags & TK_EF_REPORTING) reporting = true;
            else { eventful = true; vents[nv++] = m->entry; }
        }
        if (reporting) {
            /* "said that ...": what follows is someone's claim */
            if ((C(x, v->end) & W_THAT) && reported_from == UINT32_MAX)
                reported_from = v->end;
            if (speaker < 0) speaker = np_left(x, v->start);
        }
        if (!eventful) {
            if (reporting && s->trace) { TRACE(x, "  verb    "); tk_code_trace_words(x, v->start, v->end); TRACE(x, "  reporting verb: no event\n"); }
            continue;
        }
        const char *vcode = code_of(x, vents[0]);
        if (s->trace) { TRACE(x, "  verb    "); tk_code_trace_words(x, v->start, v->end); TRACE(x, "  [%s]%s\n", vcode, reporting ? " (also a reporting verb: needs a pattern)" : ""); }
        /* "clashes between soldiers and jihadists", "talks between X and
         * Y": the event named by a noun, between two parties */
        int bx = -1, by = -1;
        for (uint32_t k = v->end; k + 1 < x->w.n && k < 511; k++) {
            if (C(x, k) & (W_SEMI | W_REL)) break;
            if (x->w.w[k].n == 7 && !memcmp(x->w.w[k].s, "between", 7)) {
                bx = np_right(x, k + 1, (uint32_t)x->w.n);
                if (bx >= 0 && (C(x, x->nps[bx].end) & W_AND)) by = np_right(x, x->nps[bx].end + 1, (uint32_t)x->w.n);
                break;
            }
        }
        if (bx >= 0 && by >= 0 && !strcmp(vcode, "---")) bx = by = -1;
        if (bx >= 0 && by >= 0 && (noun_use[ci < 256 ? ci : 255] || np_left(x, v->start) < 0)) {
            tk_event ev = new_event(x, bx, by, vcode, s->tokens.v[x->w.token[v->start]].start, v, vents[0], sdate);
            uint32_t lo = v->start > 3 ? v->start - 3 : 0;
            ev.negated = in_range(x, lo, v->start, W_NEG);
            event_text(x, &ev, v->start, v->end);
            if ((st = add_event(s, &ev)) != TK_OK) return st;
            continue;
        }
        if (v->start > 0 && ((C(x, v->start - 1) & (W_DET | W_PREP)) || (ci < 256 && noun_use[ci]))) {
            TRACE(x, "          a noun here (after a determiner, preposition, adjective, number or verb): no event\n");
            continue; /* a noun: "the attack", "by telephone" */
        }
        /* a capitalised word inside the sentence is part of a name ("the
         * Centre for Sahel Studies"), not a verb */
        if (v->start > 0 && (s->tokens.v[x->w.token[v->start]].flags & TK_TF_UPPER) &&
            x->w.token[v->start] != s->sentences.v[x->si].tok_start) {
            TRACE(x, "          capitalised inside the sentence: part of a name, no event\n");
            continue;
        }
        /* "called on both parties to resume": the infinitive is part of the
         * governing verb's event, not one of its own */
        if (infinitive_after_object(x, v)) {
            TRACE(x, "          an infinitive after an object: part of the verb before it, no event\n");
            continue;
        }
        /* the clause to the right ends at the next break or event verb */
        uint32_t clause_end = (uint32_t)x->w.n;
        for (size_t cj = ci + 1; cj < x->nc; cj++)
            if (x->c[cj].kind == TK_ENTRY_VERB && !(cj < 256 && (reduced[cj] || noun_use[cj])) &&
                !infinitive_after_object(x, &x->c[cj])) {
                clause_end = x->c[cj].start;
                break;
            }
        for (uint32_t k = v->end; k < clause_end; k++)
            if (C(x, k) & W_BREAK) { clause_end = k; break; }
        /* passive: "was attacked by X" */
        bool rel = ci < 256 && reduced[ci];
        /* "was attacked by": BE before a participle; "is attacking" (BE
         * before an -ing form) is progressive, and active */
        const tk_word *vw = &x->w.w[v->end - 1];
        bool ing = ing_form(vw);
        bool part = ci < 256 && participle[ci];
        bool passive = rel || part || (!ing && v->start > 0 && in_range(x, v->start > 2 ? v->start - 2 : 0, v->start, W_BE));
        /* "was shot and killed": a verb joined by "and" to a passive is one */
        if (!passive && ci > 0 && prev_passive_end && v->start == prev_passive_end + 1 && (C(x, v->start - 1) & W_AND))
            passive = true;
        /* "is opposed to", "were engaged in": a state of the subject, which
         * acts */
        if (passive && !rel && adjectival(x, v)) passive = false;
        if (part) TRACE(x, "          a participle after a phrase, with no object: a passive of that phrase\n");
        prev_passive_end = passive ? v->end : 0;
        int src = -1, tgt = -1;
        bool place_src = false;
        if (passive) {
            for (uint32_t k = v->end; k < clause_end; k++)
                if (C(x, k) & W_BY) { src = np_right(x, k + 1, clause_end); break; }
            /* "the sanctions imposed by X" on whoever the clause is about */
            tgt = rel ? last_src : np_left(x, v->start);
        } else {
            bool coordinated = v->start > 0 && (C(x, v->start - 1) & W_AND) && last_src >= 0;
            src = coordinated ? last_src : subject_left(x, v->start);
            /* "a car bomb exploded in central Baghdad, killing": a place
             * stands for whoever acted there, so its country alone (not
             * the government a capital's name codes) */
            if (src >= 0 && !coordinated) {
                uint32_t a = x->nps[src].start;
                /* past "central", "downtown", "southern" */
                for (int k = 0; k < 2 && a > 0 && !C(x, a - 1) && x->wid[a - 1] == TK_NONE &&
                                !(x->s->tokens.v[x->w.token[a - 1]].flags & TK_TF_UPPER); k++)
                    a--;
                place_src = a > 0 && (C(x, a - 1) & W_PREP) && !(C(x, a - 1) & (W_BY | W_JOIN));
            }
            tgt = np_right(x, v->end, clause_end);
            /* "X asked for arms from Y": a preposition's object */
        }
        /* verb patterns, the longest first */
        int32_t pat = -1;
        uint32_t used = vents[0];
        char code[8];
        /* an ambiguous verb (also a reporting verb) codes only when one of
         * its patterns says so */
        copy_str(code, sizeof code, reporting ? "---" : vcode);
        int best_len = -1;
        for (size_t vi = 0; vi < nv; vi++) {
            const tk_entry *ve = &x->d->entries[vents[vi]];
            if (ve->verb == TK_NONE) continue;
            const tk_verb *vb = &x->d->verbs[ve->verb];
            for (uint32_t pi = vb->first; pi < vb->first + vb->n; pi++) {
                const tk_pattern *p = &x->d->patterns[pi];
                if ((int)p->weight <= best_len) continue;
                /* a word the pattern needs is nowhere in the sentence */
                if ((p->need[0] != TK_NONE && !has_word(x, p->need[0])) ||
                    (p->need[1] != TK_NONE && !has_word(x, p->need[1]))) {
                    TRACE(x, "          pattern %s [%s]  %s:%u  does not match\n", tk_intern_str(&x->d->strings, p->text),
                          tk_intern_str(&x->d->strings, p->code), tk_intern_str(&x->d->strings, p->file), p->line);
                    continue;
                }
                int ps, pt;
                bool hit = try_pattern(x, p, v, clause_end, &ps, &pt);
                TRACE(x, "          pattern %s [%s]  %s:%u  %s\n", tk_intern_str(&x->d->strings, p->text),
                      tk_intern_str(&x->d->strings, p->code), tk_intern_str(&x->d->strings, p->file), p->line,
                      hit ? "matches" : "does not match");
                if (hit) {
                    const char *pc = tk_intern_str(&x->d->strings, p->code);
                    size_t cl = strcspn(pc, ":"); /* "042:043": active:passive */
                    if (cl < 2 || cl > 4 || pc[0] < '0' || pc[0] > '9') continue;
                    best_len = (int)p->weight;
                    pat = (int32_t)pi;
                    used = vents[vi];
                    copy_str(code, sizeof code, pc);
                    if (ps >= 0) src = ps;
                    if (pt >= 0) tgt = pt;
                }
            }
        }
        /* a reduced relative takes the code of a pattern whose object is the
         * noun it follows: "sanctions imposed by" ~ "- * SANCTIONS ..." */
        if (rel && pat < 0 && v->start > 0 && v->start - 1 < 512) {
            uint32_t noun = x->wid[v->start - 1];
            for (size_t vi = 0; vi < nv && pat < 0; vi++) {
                const tk_entry *ve = &x->d->entries[vents[vi]];
                if (ve->verb == TK_NONE) continue;
                const tk_verb *vb = &x->d->verbs[ve->verb];
                for (uint32_t pi = vb->first; pi < vb->first + vb->n && pat < 0; pi++) {
                    const tk_pattern *p = &x->d->patterns[pi];
                    const tk_pel *e = &x->d->pels[p->pels];
                    const char *pc = tk_intern_str(&x->d->strings, p->code);
                    if (pc[0] < '0' || pc[0] > '9') continue;
                    /* the noun right after * ("- * SANCTIONS") or right
                     * before it ("- { SANCTIONS | ... } * ON + BY $") */
                    for (int k = 0; k < p->npels; k++) {
                        if (e[k].kind != TK_PEL_VERB) continue;
                        /* words before * other than the noun ("will impose
                         * sanctions") describe another construction */
                        bool before_other = false;
                        for (int b = 0; b < k; b++)
                            if ((e[b].kind == TK_PEL_WORD || e[b].kind == TK_PEL_ALT) &&
                                !pel_has_word(e, b, p->npels, noun))
                                before_other = true;
                        bool hit = !before_other && k + 1 < p->npels && pel_has_word(e, k + 1, p->npels, noun);
                        for (int b = 0; b < k && !hit; b++)
                            if ((e[b].kind == TK_PEL_ALT && e[b].n) || e[b].kind == TK_PEL_WORD)
                                hit = b + (e[b].kind == TK_PEL_ALT ? (int)e[b].arg : 0) + 1 == k &&
                                      pel_has_word(e, b, p->npels, noun);
                        if (hit) {
                            pat = (int32_t)pi;
                            used = vents[vi];
                            copy_str(code, sizeof code, pc);
                        }
                        break;
                    }
                }
            }
        }
        /* PETRARCH-2 "active:passive" codes: the active one; TABARI's
         * "023?"-style marked codes make no event */
        char *colon = strchr(code, ':');
        char passive_code[8] = "";
        if (colon) {
            *colon = '\0';
            copy_str(passive_code, sizeof passive_code, colon + 1);
        }
        bool numeric = code[0] != '\0';
        for (const char *c = code; *c; c++)
            if (*c < '0' || *c > '9') numeric = false;
        if (!numeric) continue;
        tk_actor_ref pron = {0};
        if (src < 0 && !passive) {
            /* "it", "they", "he", "she" as subject: what the sentence's
             * speaker, or the story's last source, stands for */
            uint32_t k = v->start;
            while (k > 0 && (C(x, k - 1) & (W_BE | W_HAVE))) k--;
            if (k > 0 && (C(x, k - 1) & W_PRON)) {
                const tk_actor_ref *ante = NULL;
                tk_actor_ref tmp;
                if (speaker >= 0) { set_ref(x, &tmp, speaker); ante = &tmp; }
                else if (x->last.set) ante = &x->last;
                if (ante) {
                    pron = *ante;
                    pron.start = s->tokens.v[x->w.token[k - 1]].start;
                    pron.end = s->tokens.v[x->w.token[k - 1]].end;
                }
            }
            if (!pron.set) continue; /* no one did it */
        }
        if (src < 0 && !pron.set) {
            TRACE(x, "          no source found%s: no event\n", passive ? " (a passive without its \"by\")" : "");
            continue; /* a passive without its "by": no source */
        }
        if (tgt == src) tgt = -1;
        if (src >= 0 && !rel) last_src = src; /* a reduced relative is not the clause's subject */
        /* compound actors: "The EU and the US called on", "Arnor, Calenardhon
         * and the evil Gondor welcomed", "believes Dagolath and Osgiliath":
         * one event for each source and each target */
        int srcs[8], tgts[8];
        int ns = 0, nt = 0;
        if (src >= 0) ns = passive ? (srcs[0] = src, 1) : compound_left(x, src, srcs, 8);
        if (tgt >= 0) nt = compound_right(x, tgt, tgts, 8);
        if (ns > 1) share_agent(x, srcs, ns);
        if (nt > 1) share_agent(x, tgts, nt);
        if (!ns) srcs[ns++] = src;
        if (!nt) tgts[nt++] = tgt;
        /* "Arnor and Gondor renewed ties", "X and Y held talks": with no
         * target, a cooperative or consultative act (roots 03-06) of two or
         * three sources is between them, one event each way (a longer list
         * is usually a membership: "the G7 leaders of ...") */
        bool mutual = !passive && ns >= 2 && ns <= 3 && tgt < 0 &&
                      ((code[0] == '0' && code[1] >= '3' && code[1] <= '6') || /* "X and Y clashed" */
                       (code[0] == '1' && code[1] == '9'));
        if (mutual) TRACE(x, "          several sources, no target, a root-%c%c act: between them\n", code[0], code[1]);
        for (int si2 = 0; si2 < ns; si2++)
        for (int ti = 0; ti < (mutual ? ns : nt); ti++) {
        if (mutual && ti == si2) continue;
        src = srcs[si2];
        tgt = mutual ? srcs[ti] : tgts[ti];
        if (tgt == src) tgt = -1;
        tk_event ev;
        memset(&ev, 0, sizeof ev);
        ev.sentence = (uint32_t)x->si;
        if (src >= 0) set_ref(x, &ev.source, src);
        else ev.source = pron;
        if (src >= 0 && place_src && strlen(ev.source.code) > 3) ev.source.code[3] = '\0';
        x->last = ev.source;
        set_ref(x, &ev.target, tgt);
        copy_str(ev.code, sizeof ev.code, code);
        ev.verb_start = s->tokens.v[x->w.token[v->start]].start;
        ev.verb_end = s->tokens.v[x->w.token[v->end - 1]].end;
        ev.entry = used;
        ev.date = sdate;
        ev.pattern = pat;
        uint32_t lo = v->start > 3 ? v->start - 3 : 0;
        ev.negated = in_range(x, lo, v->start, W_NEG);
        if (in_range(x, lo, v->start, W_SPEC)) ev.modality = TK_MOD_SPECULATIVE;
        else if (in_range(x, v->start > 6 ? v->start - 6 : 0, v->start, W_HYPO))
            ev.modality = TK_MOD_HYPOTHETICAL;
        else if ((v->start < 512 && x->quoted[v->start]) || v->start >= reported_from)
            ev.modality = TK_MOD_REPORTED;
        event_text(x, &ev, v->start, v->end);
        TRACE(x, "          event: %s%s -> %s -> %s (%s)\n", ev.negated ? "NOT " : "", ev.source.code, ev.code,
              ev.target.set ? ev.target.code : "-", tk_modality_name(ev.modality));
        if ((st = add_event(s, &ev)) != TK_OK) return st;
        /* "X visited Y" [042:043]: and Y hosted X */
        if (passive_code[0] >= '0' && passive_code[0] <= '9' && ev.target.set) {
            tk_event rev = ev;
            rev.source = ev.target;
            rev.target = ev.source;
            copy_str(rev.code, sizeof rev.code, passive_code);
            if ((st = add_event(s, &rev)) != TK_OK) return st;
        }
        }
    }
    const tk_options *o = &s->engine->opts;
    if (x->nc <= 256 && (o->frames > 0 || (o->frames == 0 && !o->no_builtin_dicts))) {
        ev_lo[x->nc] = (uint32_t)s->events.n;
        if ((st = compose_frames(x, ev_lo, noun_use, reported_from, speaker, sdate)) != TK_OK) return st;
    }
    return TK_OK;
}

tk_status tk_code_events(tk_story *s) {
    s->events.n = 0;
    const tk_dict *d = &s->engine->dict;
    if (!d->nentries) return TK_OK;
    sent *x = tk_arena_alloc(&s->arena, sizeof *x);
    if (!x) return tk_story_fail(s, TK_ENOMEM, "out of memory");
    tk_status st = TK_OK;
    x->story_discard = false;
    memset(&x->last, 0, sizeof x->last);
    x->country[0] = x->last_org[0] = x->last_grp[0] = '\0';
    x->country_n = 0;
    x->nseen = 0;
    x->s = s;
    x->d = d;
    x->nlocs = 0;
    st = tk_code_dateline_place(x);
    for (size_t si = 0; si < s->sentences.n && st == TK_OK; si++) {
        x->s = s;
        x->d = d;
        x->si = si;
        x->day = tk_match_date(s->date);
        size_t first = s->events.n;
        st = code_sentence(x);
        if (st == TK_OK) tk_code_locate_events(x, first);
    }
    if (st == TK_OK && x->story_discard) s->events.n = 0; /* a sports story, a recipe... */
    return st;
}
