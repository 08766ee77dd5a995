/* attribute.c — who said each quotation. For each quote, in story order:
 * a cue after it ("…”, said X" / "…”, X said" / "…”, tells AFP, on
 * condition of anonymity, a resident of …"), else a cue before it in its
 * sentence ("X said: “…”", "According to the researcher, “…”", "For Mr.
 * Broers, the Kremlin “…”"), else the speaker of a quote beside it
 * (continuation). Short quoted phrases with nobody to say them are
 * titles or scare quotes, not speech. Sentence subjects between quotes
 * keep track of the last person named, for "he recalls". */
#include <string.h>
#include <strings.h>

#include "quote.h"
#include "../clean/clean.h"
#include "../match/match.h"
#include "../segment/segment.h"

#define MAX_NP 15      /* tokens in a speaker mention */
#define MAX_BACK 40    /* tokens searched back for a cue */
#define OBSERVE_BACK 4 /* sentences before a quote whose subjects are noted */

enum how { HOW_NONE, HOW_AFTER, HOW_BEFORE, HOW_FRAME, HOW_SENTENCE, HOW_CONT };

static const tk_token *T(tk_qctx *x, uint32_t i) { return &x->toks[i]; }

/* Sets every token's entry: word and classes unseen, its sentence. */
static void qctx_tokens(tk_qctx *x) {
    const tk_story *s = x->s;
    uint32_t at = 0;
    const tk_qtok none = {TK_QWID_UNSEEN, TK_QWID_UNSEEN, TK_NONE};
    for (size_t si = 0; si < s->sentences.n; si++) {
        const tk_sentence *z = &s->sentences.v[si];
        for (; at < z->tok_start; at++) x->tok[at] = none;
        const tk_qtok in = {TK_QWID_UNSEEN, TK_QWID_UNSEEN, (uint32_t)si};
        for (; at < z->tok_end; at++) x->tok[at] = in;
    }
    for (; at < s->tokens.n; at++) x->tok[at] = none;
}

/* The classes of token `tok` in context, from its classes in the lexicon
 * (see tk_qctx_bits). */
static uint32_t in_context(tk_qctx *x, uint32_t tok, uint32_t bits) {
    const tk_token *t = T(x, tok);
    if (!bits || !(t->flags & TK_TF_UPPER) || tok == 0) return bits;
    uint32_t si = tk_qctx_sent(x, tok);
    if (si == TK_NONE || x->s->sentences.v[si].tok_start == tok) return bits;
    const tk_token *p = T(x, tok - 1);
    if (p->kind == TK_TOK_QUOTE || p->kind == TK_TOK_OPEN || p->kind == TK_TOK_PUNCT) return bits;
    return bits & (QW_ROLE | QW_DEF | QW_INDEF | QW_POSS | QW_HE | QW_SHE | QW_THEY | QW_REL | QW_PREP |
                   QW_PARTICLE | QW_TITLEWORD | QW_ADV);
}

/* The look-up of a token: its id and its classes in context together (the
 * classes come with the id from the index's line). */
uint32_t tk_qctx_word_find(tk_qctx *x, uint32_t tok) {
    const tk_token *t = T(x, tok);
    uint32_t id = TK_NONE, bits = 0;
    if (t->kind == TK_TOK_WORD) {
        size_t n;
        const char *p = tk_token_norm(x->s, t, &n);
        id = tk_quote_word_bits(x->lex, p, n, &bits);
    }
    x->tok[tok].wid = id == TK_NONE ? TK_QWID_MISS : id;
    x->tok[tok].bits = in_context(x, tok, bits);
    return id;
}

uint32_t tk_qctx_bits_find(tk_qctx *x, uint32_t tok) {
    /* (the classes are unseen only while the word is) */
    tk_qctx_word_find(x, tok);
    return x->tok[tok].bits;
}

static bool is_ch(tk_qctx *x, uint32_t i, char c) {
    const tk_token *t = T(x, i);
    return t->end - t->start == 1 && x->s->text[t->start] == c;
}

static bool is_mark(tk_qctx *x, uint32_t i) {
    const tk_token *t = T(x, i);
    return t->kind == TK_TOK_QUOTE || (t->kind == TK_TOK_PUNCT && is_ch(x, i, '+'));
}

/* a single quote mark ‘ ’ ' that bounds a quote (marks.c paired it) */
static bool is_single(tk_qctx *x, uint32_t i) { return tk_quote_single_mark(x->s, T(x, i)); }

static bool terminal(tk_qctx *x, uint32_t i) { return (T(x, i)->flags & TK_TF_TERMINAL) != 0; }

static bool lower_word(tk_qctx *x, uint32_t i) {
    return T(x, i)->kind == TK_TOK_WORD && (T(x, i)->flags & TK_TF_LOWER);
}

static void sentence_of(tk_qctx *x, uint32_t tok, uint32_t *a, uint32_t *b) {
    uint32_t si = tk_qctx_sent(x, tok);
    if (si == TK_NONE) {
        /* outside any sentence: the paragraph */
        uint32_t p = T(x, tok)->para;
        *a = tok;
        while (*a > 0 && T(x, *a - 1)->para == p) (*a)--;
        *b = tok + 1;
        while (*b < x->s->tokens.n && T(x, *b)->para == p) (*b)++;
        return;
    }
    *a = x->s->sentences.v[si].tok_start;
    *b = x->s->sentences.v[si].tok_end;
}

/* A cue verb at i (with its particle: "point out"); *end gets the token
 * after it. A word after a determiner is a noun ("the statement"). */
static bool cue_at_ex(tk_qctx *x, uint32_t i, uint32_t lo, uint32_t *end, bool noun_check);

static bool cue_at(tk_qctx *x, uint32_t i, uint32_t lo, uint32_t *end) { return cue_at_ex(x, i, lo, end, true); }

/* said, told, -ed: a past form is a verb, never a noun */
static bool past_form(tk_qctx *x, uint32_t i) {
    static const char *const irregular[] = {"said", "told", "wrote", "spoke", "thought", "felt", "knew",
                                            "heard", "swore", "sang", "taught", "began", "saw", "put"};
    const tk_token *t = T(x, i);
    size_t n = t->end - t->start;
    const char *z = x->s->text + t->start;
    if (n > 3 && !memcmp(z + n - 2, "ed", 2)) return true;
    for (size_t k = 0; k < sizeof irregular / sizeof *irregular; k++)
        if (strlen(irregular[k]) == n && !strncasecmp(z, irregular[k], n)) return true;
    return false;
}

static bool cue_at_ex(tk_qctx *x, uint32_t i, uint32_t lo, uint32_t *end, bool noun_check) {
    uint32_t id = tk_qctx_word(x, i);
    if (id == TK_NONE || !(x->lex->bits[id] & QW_CUE)) return false;
    /* verbs are lower case but at a sentence's start ("The Huffington Post") */
    if (!(T(x, i)->flags & TK_TF_LOWER) && tk_qctx_sent(x, i) != TK_NONE && !tk_qctx_opens(x, i)) return false;
    /* "to urge": an infinitive is not the clause's cue */
    if (i > lo && TK_QCTX_IS(x, i - 1, "to")) return false;
    /* a noun, not a verb: "the statement", "the annual talks", "Trump's comments" */
    if (noun_check && past_form(x, i)) noun_check = false;
    /* "Her economic plan promises to “…”": a cue word followed by a quote,
     * a colon or "that"/"to" is a verb */
    if (noun_check && i + 1 < x->s->tokens.n) {
        if (T(x, i + 1)->kind == TK_TOK_QUOTE || is_ch(x, i + 1, ':') || TK_QCTX_IS(x, i + 1, "that") ||
            TK_QCTX_IS(x, i + 1, "to"))
            noun_check = false;
    }
    for (uint32_t k = i, hops = 0; noun_check && k > lo && hops < 3; k--, hops++) {
        const tk_token *p = T(x, k - 1);
        uint32_t pb = tk_qctx_bits(x, k - 1);
        if (p->flags & TK_TF_CLITIC) return false;
        if ((pb & (QW_DEF | QW_INDEF | QW_POSS)) && !(pb & QW_REL)) return false;
        if (p->kind != TK_TOK_WORD || pb || !(p->flags & TK_TF_LOWER)) break;
    }
    uint32_t part = x->lex->particle[id];
    if (part != TK_NONE && i + 1 < x->s->tokens.n && tk_qctx_word(x, i + 1) == part) {
        *end = i + 2;
        return true;
    }
    if (!x->lex->plain[id]) return false;
    *end = i + 1;
    return true;
}

/* A cue word right after a determiner is a noun: "One tweet said", "the
 * email read". */
static bool noun_after_det(tk_qctx *x, uint32_t i, uint32_t lo) {
    if (i <= lo) return false;
    uint32_t pb = tk_qctx_bits(x, i - 1);
    return (pb & (QW_DEF | QW_INDEF | QW_POSS)) && !(pb & QW_REL);
}

/* Tokens that can be part of a speaker mention. */
static bool np_token(tk_qctx *x, uint32_t i) {
    const tk_token *t = T(x, i);
    if (t->kind == TK_TOK_WORD || t->kind == TK_TOK_NUMBER) return true;
    if (t->kind == TK_TOK_PUNCT && (is_ch(x, i, '-') || is_ch(x, i, '&') || is_ch(x, i, '\''))) return true;
    return false;
}

/* A mention running forward from i: to a comma, a stop, a quote mark, a
 * relative pronoun or a bracket. */
static uint32_t np_forward(tk_qctx *x, uint32_t i, uint32_t end) {
    uint32_t j = i;
    while (j < end && j - i < MAX_NP && np_token(x, j)) {
        uint32_t bits = tk_qctx_bits(x, j);
        if (j > i && (bits & (QW_REL | QW_SUBORD | QW_AUX))) break;
        if (j > i && lower_word(x, j)) {
            /* a verb: "the teacher says", "Addis Ababa rejected" */
            if (bits & QW_CUE && !(bits & QW_ROLE) && !noun_after_det(x, j, i)) break;
            const tk_token *p = T(x, j - 1);
            /* ... unless a comma or a stop follows: "the Taliban government, X" */
            bool noun_end = j + 1 < end && (is_ch(x, j + 1, ',') || terminal(x, j + 1));
            if (p->kind == TK_TOK_WORD && (p->flags & TK_TF_UPPER) && !(p->flags & TK_TF_TITLE) && !noun_end &&
                !(bits & (QW_PREP | QW_DEF | QW_INDEF | QW_POSS | QW_CONJ | QW_PARTICLE | QW_ROLE)))
                break;
            /* "the crowd booed", "supporters typically begin": -ed and -ly
             * words after a noun start the verb phrase */
            const tk_token *t = T(x, j);
            size_t n = t->end - t->start;
            const char *z = x->s->text + t->start;
            if (!bits && n > 4 && (!memcmp(z + n - 2, "ed", 2) || !memcmp(z + n - 2, "ly", 2)) &&
                !(tk_qctx_bits(x, j - 1) & (QW_DEF | QW_INDEF | QW_POSS | QW_ADV)))
                break;
        }
        j++;
    }
    return j;
}

/* The length of the cue phrase at k ("according to" 2); a one-word
 * phrase (for, per) counts only at a sentence's start. 0 if none. */
static uint32_t phrase_at(tk_qctx *x, uint32_t k, uint32_t end, bool at_start) {
    if (!(tk_qctx_bits(x, k) & QW_PHRASE)) return 0;
    /* (only the phrases that begin with this word, in the file's order) */
    for (uint32_t p = x->lex->phrase_first[tk_qctx_word(x, k)]; p != TK_NONE; p = x->lex->phrase_next[p]) {
        const tk_quote_phrase *ph = &x->lex->phrases[p];
        if (k + ph->n > end || (ph->n < 2 && !at_start)) continue;
        bool ok = true;
        for (uint8_t w = 0; w < ph->n && ok; w++) ok = tk_qctx_word(x, k + w) == ph->w[w];
        if (ok) return ph->n;
    }
    return 0;
}

/* Skips ", on condition of anonymity," / "on Tuesday" / "to AFP" between a
 * cue verb and its speaker. */
static uint32_t skip_adjuncts(tk_qctx *x, uint32_t j, uint32_t end, bool tell) {
    for (int round = 0; round < 4 && j < end; round++) {
        uint32_t bits = tk_qctx_bits(x, j);
        if (is_ch(x, j, ',')) {
            uint32_t k = j + 1;
            if (k < end && (tk_qctx_bits(x, k) & (QW_PREP | QW_ADV))) {
                uint32_t c = k;
                while (c < end && c - k < 10 && !is_ch(x, c, ',') && !terminal(x, c)) c++;
                if (c < end && is_ch(x, c, ',')) { j = c + 1; continue; }
            }
            return j + 1;
        }
        if (bits & QW_ADV) { j++; continue; }
        if (tell && T(x, j)->kind == TK_TOK_WORD && (T(x, j)->flags & TK_TF_UPPER) && !bits && j + 1 < end &&
            (tk_qctx_bits(x, j + 1) & (QW_INDEF | QW_DEF))) {
            j++; /* "tells AFP a doctor of ..." */
            tell = false;
            continue;
        }
        if ((bits & QW_PREP) || (tell && !(bits & (QW_DEF | QW_INDEF | QW_POSS | QW_ROLE)))) {
            /* "to AFP," "told reporters," "on Tuesday," */
            uint32_t c = j + 1;
            while (c < end && c - j < 8 && np_token(x, c) && !(tk_qctx_bits(x, c) & QW_REL)) c++;
            if (c < end && is_ch(x, c, ',')) { j = c + 1; tell = false; continue; }
            if (bits & QW_PREP) {
                /* "said in a statement" with no comma: the speaker is further, or absent */
                return j;
            }
        }
        break;
    }
    return j;
}

/* An appositive after a mention ending at j: ", associate fellow at ..." */
static void appositive(tk_qctx *x, tk_mention *m, uint32_t j, uint32_t end) {
    m->da = m->db = 0;
    if (j >= end || !is_ch(x, j, ',')) return;
    uint32_t a = j + 1;
    if (a >= end || (tk_qctx_bits(x, a) & (QW_REL | QW_SUBORD | QW_CUE | QW_CONJ))) return;
    uint32_t b = a;
    while (b < end && b - a < 20 && !is_ch(x, b, ',') && !is_ch(x, b, ';') && !terminal(x, b) && !is_mark(x, b) &&
           T(x, b)->kind != TK_TOK_OPEN && !(b > a && (tk_qctx_bits(x, b) & QW_REL)))
        b++;
    if (b > a) { m->da = a; m->db = b; }
}

/* The speaker after an inverted cue: "…”, estimates Laurence Broers,
 * associate fellow at …", "…”, warned its spokesman, Zara Amatuni". */
static bool speaker_after(tk_qctx *x, uint32_t vend, uint32_t end, tk_mention *m, bool tell);

static bool speaker_after_verb(tk_qctx *x, uint32_t v, uint32_t vend, uint32_t end, tk_mention *m) {
    bool tell = (tk_qctx_bits(x, v) & QW_TELL) != 0;
    m->rel = TK_NONE;
    /* "asked Sen. Barbara Mikulski of Maryland, who …": the name is the
     * speaker, not an addressee, when nothing follows it */
    return speaker_after(x, vend, end, m, tell) || (tell && speaker_after(x, vend, end, m, false));
}

static bool speaker_after(tk_qctx *x, uint32_t vend, uint32_t end, tk_mention *m, bool tell) {
    uint32_t j = skip_adjuncts(x, vend, end, tell);
    if (j >= end) return false;
    uint32_t bits = tk_qctx_bits(x, j);
    if (bits & (QW_REL | QW_SUBORD | QW_CONJ | QW_AUX | QW_CUE)) return false;
    if (bits & QW_PREP) return false;
    uint32_t b = np_forward(x, j, end);
    if (b == j) return false;
    if (lower_word(x, j) && !(bits & (QW_DEF | QW_INDEF | QW_POSS | QW_HE | QW_SHE | QW_THEY | QW_ROLE))) {
        /* "said conservative activist Bob Klaus": a name or a role further in */
        bool ok = false;
        for (uint32_t k = j + 1; k < b && !ok; k++)
            ok = (T(x, k)->flags & TK_TF_UPPER) || (tk_qctx_bits(x, k) & QW_ROLE);
        if (!ok) return false;
    }
    m->a = j;
    m->b = b;
    appositive(x, m, b, end);
    return true;
}

static bool ends_ing(tk_qctx *x, uint32_t i) {
    const tk_token *t = T(x, i);
    size_t n = t->end - t->start;
    return n > 4 && !memcmp(x->s->text + t->end - 3, "ing", 3);
}

/* A mention starts with a determiner, a pronoun, a capital or a role, or
 * has a name or a role further in ("retired Air Force general Lloyd Newton"). */
static bool mention_ok(tk_qctx *x, uint32_t a, uint32_t b) {
    uint32_t fb = tk_qctx_bits(x, a);
    if (!lower_word(x, a) || (fb & (QW_DEF | QW_INDEF | QW_POSS | QW_HE | QW_SHE | QW_THEY | QW_ROLE))) return true;
    for (uint32_t k = a + 1; k < b; k++)
        if ((T(x, k)->kind == TK_TOK_WORD && (T(x, k)->flags & TK_TF_UPPER)) || (tk_qctx_bits(x, k) & QW_ROLE))
            return true;
    return false;
}

/* The subject of the sentence that starts at sa, after an opening phrase
 * ("Facing mounting criticism, Mr. Trump …", "On Sunday, she …"). */
static bool sentence_subject(tk_qctx *x, uint32_t sa, uint32_t lim, tk_mention *m) {
    uint32_t a = sa;
    if (a + 1 < lim && is_ch(x, a + 1, ',')) a += 2; /* "Meanwhile, it attacked" */
    else if (T(x, a)->kind == TK_TOK_WORD &&
             !(tk_qctx_bits(x, a) & (QW_DEF | QW_INDEF | QW_POSS | QW_HE | QW_SHE | QW_THEY)) &&
             tk_is_sentence_starter(x->s->text + T(x, a)->start, T(x, a)->end - T(x, a)->start)) {
        /* "Last week, the Clinton campaign": a short opening phrase */
        for (uint32_t k = a + 1; k < lim && k <= a + 4; k++)
            if (is_ch(x, k, ',')) { a = k + 1; break; }
    }
    while (a + 1 < lim && (tk_qctx_bits(x, a) & QW_CONJ)) a++;     /* "And then Trump went" */
    while (a + 1 < lim && (tk_qctx_bits(x, a) & QW_ADV) && !is_ch(x, a + 1, ',')) a++;
    /* opening phrases, up to three: "Speaking to MSNBC on Monday in New
     * Hampshire, which hosts the primary, Bush …", "At a rally in
     * Birmingham, Alabama, on Saturday, some of his supporters …" */
    for (int round = 0; round < 3 && a < lim; round++) {
        uint32_t fb = tk_qctx_bits(x, a);
        const tk_token *t0 = T(x, a);
        bool ly = t0->end - t0->start > 4 && !memcmp(x->s->text + t0->end - 2, "ly", 2); /* "Hastily, …" */
        bool opener = (fb & (QW_PREP | QW_SUBORD | QW_ADV)) || ends_ing(x, a) || is_mark(x, a) || ly;
        if (round > 0) {
            /* "about 200 protesters" is a subject */
            if ((fb & QW_PREP) && a + 1 < lim && T(x, a + 1)->kind == TK_TOK_NUMBER) break;
            opener = opener || (fb & QW_REL);
            /* a lone name between commas, then a preposition: a place */
            if (a + 2 < lim && (t0->flags & TK_TF_UPPER) && is_ch(x, a + 1, ',') &&
                (tk_qctx_bits(x, a + 2) & (QW_PREP | QW_REL)))
                opener = true;
        }
        if (!opener) break;
        uint32_t c = a;
        while (c < lim && c - a < 25 && !is_ch(x, c, ',') && !terminal(x, c)) c++;
        if (c >= lim || !is_ch(x, c, ',')) return false;
        a = c + 1;
    }
    if (a >= lim) return false;
    uint32_t b = np_forward(x, a, lim);
    if (b == a || !mention_ok(x, a, b)) return false;
    m->a = a;
    m->b = b;
    m->rel = TK_NONE;
    appositive(x, m, b, lim); /* "The spokesman of the Taliban government, Zabihullah Mujahid," */
    return true;
}

/* A lowercase -ly word with no other class: an adverb between a subject
 * and its verb ("Trump reportedly said"), not a noun ("the family said"). */
static bool ly_adverb(tk_qctx *x, uint32_t i, uint32_t lo) {
    const tk_token *t = T(x, i);
    if (!lower_word(x, i) || t->end - t->start < 5 || memcmp(x->s->text + t->end - 2, "ly", 2) ||
        tk_qctx_bits(x, i))
        return false;
    return i == lo || (!(tk_qctx_bits(x, i - 1) & (QW_DEF | QW_INDEF | QW_POSS)) && T(x, i - 1)->kind != TK_TOK_PUNCT);
}

/* "with many marchers and spectators chanting": the noun phrase between
 * "with" and a participle whose subject it is; p is the participle (or the
 * adverb before it). */
static bool with_subject(tk_qctx *x, uint32_t p, uint32_t lo, tk_mention *m) {
    uint32_t a = p;
    while (a > lo && p - a < 8 && np_token(x, a - 1) && !TK_QCTX_IS(x, a - 1, "with")) {
        if (tk_qctx_bits(x, a - 1) & (QW_PREP | QW_REL | QW_SUBORD | QW_AUX | QW_CUE)) return false;
        a--;
    }
    if (a == p || a == lo || !TK_QCTX_IS(x, a - 1, "with") || !mention_ok(x, a, p)) return false;
    m->a = a;
    m->b = p;
    return true;
}

/* The subject before a cue verb at v: "Laurence Broers said", "His
 * neighbour, he says, repeats", "a government that tells". */
static bool subject_before(tk_qctx *x, uint32_t v, uint32_t lo, tk_mention *m) {
    uint32_t p = v;
    int skipped = 0;
    bool aux = false;
    while (p > lo && skipped < 3 && ((tk_qctx_bits(x, p - 1) & (QW_ADV | QW_AUX)) || ly_adverb(x, p - 1, lo))) {
        aux = aux || (tk_qctx_bits(x, p - 1) & QW_AUX);
        p--;
        skipped++;
    }
    m->da = m->db = 0;
    m->rel = TK_NONE;
    if (p > lo + 1 && T(x, p - 1)->kind == TK_TOK_CLOSE) {
        /* "Rep. John Mica (R-Fla.) said": skip the brackets */
        uint32_t k = p - 1;
        while (k > lo && p - k < 10 && T(x, k)->kind != TK_TOK_OPEN) k--;
        if (T(x, k)->kind == TK_TOK_OPEN) p = k;
    }
    /* "with many marchers chanting", "with Trump reportedly yelling": the
     * participle's own subject */
    if (ends_ing(x, v) && with_subject(x, p, lo, m)) return true;
    /* "…, saying that", "Adding, “…”": a participle's subject is that of
     * the cue before it ("Mr. Manafort said, adding that"), else the
     * sentence's */
    if (ends_ing(x, v) && !aux && p > lo && !(tk_qctx_bits(x, p - 1) & (QW_HE | QW_SHE | QW_THEY))) {
        uint32_t e2;
        for (uint32_t k = v; k-- > lo;)
            if (!ends_ing(x, k) && cue_at(x, k, lo, &e2)) return subject_before(x, k, lo, m);
        return sentence_subject(x, lo, v, m);
    }
    if (p > lo && is_ch(x, p - 1, ',')) {
        /* a parenthetical ", he says," or an appositive ", the Russian foreign minister," */
        uint32_t c = p - 1, k = c;
        while (k > lo && c - k < 30 && !is_ch(x, k - 1, ',') && !terminal(x, k - 1) && !is_mark(x, k - 1)) k--;
        if (k > lo && is_ch(x, k - 1, ',')) {
            bool paren = false;
            uint32_t e2;
            for (uint32_t i = k; i < c; i++)
                if (cue_at(x, i, k, &e2)) paren = true;
            if (!paren) { m->da = k; m->db = c; }
            p = k - 1;
        } else {
            return false;
        }
    }
    bool but = p > lo && TK_QCTX_IS(x, p - 1, "but");
    if (p > lo && ((tk_qctx_bits(x, p - 1) & QW_CONJ) || but) && !m->db) {
        /* "X rejected the accusation and affirmed that": X */
        return sentence_subject(x, lo, p - 1, m);
    }
    if (p > lo && (tk_qctx_bits(x, p - 1) & QW_REL)) {
        p--;
        m->rel = p; /* "Lynch, who told Congress": the mention is "who", the speaker Lynch */
        if (p > lo && is_ch(x, p - 1, ',')) p--;
    }
    uint32_t b = p, a = p;
    if (p > lo && (tk_qctx_bits(x, p - 1) & (QW_HE | QW_SHE | QW_THEY)) && !(tk_qctx_bits(x, p - 1) & QW_POSS)) {
        m->a = p - 1; /* "he said": the pronoun alone */
        m->b = p;
        return true;
    }
    while (a > lo && b - a < MAX_NP && np_token(x, a - 1)) {
        if (a < b && (tk_qctx_bits(x, a) & (QW_DEF | QW_INDEF | QW_POSS)) && !(tk_qctx_bits(x, a) & QW_REL)) break;
        if (lower_word(x, a - 1) && a < b && !(T(x, a - 1)->flags & TK_TF_CLITIC) &&
            !(tk_qctx_bits(x, a - 1) & (QW_DEF | QW_INDEF | QW_POSS | QW_PREP | QW_ROLE | QW_PARTICLE))) {
            /* "he heard Mateen": a lowercase word before a bare name is a verb */
            bool name = true;
            for (uint32_t k = a; k < b && name; k++) name = T(x, k)->kind == TK_TOK_WORD && !lower_word(x, k);
            if (name) break;
        }
        uint32_t bits = tk_qctx_bits(x, a - 1);
        if (bits & (QW_REL | QW_SUBORD | QW_AUX)) break;
        if ((bits & QW_CUE) && lower_word(x, a - 1) && !(bits & QW_ROLE) && !noun_after_det(x, a - 1, lo)) break;
        if (lower_word(x, a - 1) && a - 1 > lo && (tk_qctx_bits(x, a - 2) & QW_AUX)) break;
        if (lower_word(x, a - 1) && !bits && a - 1 > lo && T(x, a - 2)->kind == TK_TOK_WORD &&
            !(tk_qctx_bits(x, a - 2) & (QW_DEF | QW_INDEF | QW_POSS | QW_ADV))) {
            /* "she's glad Clinton appeared to": -ed after a word is a verb */
            const tk_token *t = T(x, a - 1);
            if (t->end - t->start > 4 && !memcmp(x->s->text + t->end - 2, "ed", 2)) break;
        }
        a--;
    }
    if (a >= b) return false;
    /* "Protesters marching through the streets chanted": the phrase after a
     * preposition is not the subject; the noun phrase before it is */
    if (a > lo + 1 && (tk_qctx_bits(x, a - 1) & QW_PREP) && !(tk_qctx_bits(x, a - 1) & QW_PARTICLE)) {
        bool of = TK_QCTX_IS(x, a - 1, "of");
        uint32_t k = a - 1;
        if (k > lo && lower_word(x, k - 1) && (ends_ing(x, k - 1) || past_form(x, k - 1))) k--; /* marching */
        uint32_t a2 = k;
        while (a2 > lo && k - a2 < 8 && np_token(x, a2 - 1) &&
               !(tk_qctx_bits(x, a2 - 1) & (QW_REL | QW_SUBORD | QW_AUX | QW_PREP | QW_CUE))) {
            a2--;
            if (tk_qctx_bits(x, a2) & (QW_DEF | QW_INDEF | QW_POSS)) break;
        }
        if (a2 < k && (of || k < a - 1)) a = a2;
        else if (a2 < k && mention_ok(x, a2, k) && tk_qctx_bits(x, a2) == 0 && T(x, a2)->kind == TK_TOK_WORD &&
                 !lower_word(x, a2))
            a = a2;
    }
    /* "In a statement the ministry": start at the last determiner after a preposition */
    if (tk_qctx_bits(x, a) & QW_PREP) {
        uint32_t k = b;
        while (k > a && !(tk_qctx_bits(x, k - 1) & (QW_DEF | QW_INDEF | QW_POSS))) k--;
        if (k > a + 1) a = k - 1;
        else return false;
    }
    /* a conjunction before a pronoun: "and he said" */
    for (uint32_t i = a; i < b; i++)
        if ((tk_qctx_bits(x, i) & QW_CONJ) && i + 1 < b && (tk_qctx_bits(x, i + 1) & (QW_HE | QW_SHE | QW_THEY)))
            a = i + 1;
    m->a = a;
    m->b = b;
    return mention_ok(x, a, b);
}

/* "as Ms. Simonyan put it", "as a Homeland Security memo put it": the
 * speaker of the quote beside it. k is the "as". */
static bool as_put_it(tk_qctx *x, uint32_t k, uint32_t end, tk_mention *m) {
    if (!TK_QCTX_IS(x, k, "as")) return false;
    uint32_t put = tk_quote_word(x->lex, "put", 3), puts = tk_quote_word(x->lex, "puts", 4);
    uint32_t it = tk_quote_word(x->lex, "it", 2);
    uint32_t b = k + 1;
    while (b < end && b - k <= MAX_NP && np_token(x, b) && tk_qctx_word(x, b) != put && tk_qctx_word(x, b) != puts) b++;
    uint32_t v = b, da = 0, db = 0;
    if (b < end && is_ch(x, b, ',')) {
        /* "As Steven M. Rosenthal, a tax lawyer at …, recently put it" */
        uint32_t c = b + 1;
        while (c < end && c - b < 30 && !is_ch(x, c, ',') && !terminal(x, c) && !is_mark(x, c)) c++;
        if (c + 1 < end && is_ch(x, c, ',')) {
            da = b + 1;
            db = c;
            v = c + 1;
            while (v < end && (tk_qctx_bits(x, v) & QW_ADV)) v++;
        }
    }
    if (v + 1 >= end || (tk_qctx_word(x, v) != put && tk_qctx_word(x, v) != puts) || tk_qctx_word(x, v + 1) != it)
        return false;
    uint32_t nb = db ? b : v;
    while (nb > k + 1 && (tk_qctx_bits(x, nb - 1) & QW_ADV)) nb--;
    if (nb <= k + 1) return false;
    m->a = k + 1;
    m->b = nb;
    m->da = da;
    m->db = db;
    m->rel = TK_NONE;
    return mention_ok(x, m->a, m->b);
}

/* The cue after the quote that ends at close mark c. */
static bool cue_after(tk_qctx *x, const tk_quote *q, uint32_t c, tk_mention *m, uint32_t *cue_a, uint32_t *cue_b) {
    tk_story *s = x->s;
    (void)q;
    uint32_t sa, sb;
    sentence_of(x, c, &sa, &sb);
    uint32_t end = sb;
    uint32_t para = T(x, c)->para;
    /* a cue follows speech that ends with , ? ! … or a dash, or a comma
     * after the mark; "…ends.” She says" and "“rigged” system" have none */
    uint32_t last = is_mark(x, c) || is_single(x, c) ? c - 1 : c;
    bool open_end = (T(x, last)->kind == TK_TOK_PUNCT && !is_ch(x, last, '.') && !is_ch(x, last, ':') &&
                     !is_ch(x, last, ';')) ||
                    (T(x, last)->flags & TK_TF_ELLIPSIS) || (T(x, last)->kind == TK_TOK_PUNCT && !is_ch(x, last, '.')) ||
                    (c + 1 < s->tokens.n && (is_ch(x, c + 1, ',') || T(x, c + 1)->kind == TK_TOK_PUNCT) &&
                     !terminal(x, c + 1) && !is_mark(x, c + 1)) ||
                    (c + 1 < s->tokens.n && T(x, c + 1)->para == para && lower_word(x, c + 1) &&
                     (tk_qctx_bits(x, c + 1) & QW_CUE) && !terminal(x, last)); /* "…anonymity" said X */
    if (!open_end) {
        /* "…missing.” Trump said." — only a sentence that is nothing but
         * the attribution */
        uint32_t j = c + 1, v, vend;
        if (!(is_mark(x, c) || is_single(x, c)) || j >= s->tokens.n || T(x, j)->para != para) return false;
        for (v = j; v < s->tokens.n && v - j < 6 && !cue_at(x, v, j, &vend); v++)
            if (!np_token(x, v)) return false;
        if (v == j || v >= s->tokens.n || v - j >= 6 || !cue_at(x, v, j, &vend)) return false;
        if (vend >= s->tokens.n ||
            !(terminal(x, vend) || is_ch(x, vend, ',') || (tk_qctx_bits(x, vend) & (QW_PREP | QW_ADV))))
            return false;
        if (!subject_before(x, v, j, m) || m->a != j) return false;
        *cue_a = v;
        *cue_b = vend;
        return true;
    }
    /* the quote may close its sentence: "…?” Biden said." goes on in the next */
    bool crossed = false; /* the cue must then end its sentence: "…?” Her critics cited it …" is none */
    if (end < s->tokens.n && end <= c + 1 && T(x, end)->para == para) {
        uint32_t na, nb;
        sentence_of(x, end, &na, &nb);
        end = nb;
        crossed = true;
    }
    uint32_t j = c + 1;
    while (j < end && T(x, j)->para == para && (is_ch(x, j, ',') || T(x, j)->kind == TK_TOK_PUNCT) &&
           !terminal(x, j) && !is_ch(x, j, '(') && !is_mark(x, j) && j - c < 3)
        j++;
    if (j >= end || T(x, j)->para != para || terminal(x, j)) return false;
    uint32_t vend;
    /* "“…” ― Martha Aguilar": a dash and a name */
    if (j > c + 1 && T(x, j - 1)->kind == TK_TOK_PUNCT && !is_ch(x, j - 1, ',')) {
        const tk_token *d = T(x, j - 1);
        const unsigned char *dp = (const unsigned char *)s->text + d->start;
        bool dash = (d->end - d->start == 3 && dp[0] == 0xE2 && dp[1] == 0x80 && dp[2] >= 0x93 && dp[2] <= 0x95) ||
                    (d->end - d->start == 2 && dp[0] == '-' && dp[1] == '-');
        if (dash && (T(x, j)->flags & TK_TF_UPPER)) {
            uint32_t b = np_forward(x, j, end);
            tk_mention t = {j, b, 0, 0, TK_NONE};
            if (b > j && tk_speaker_personlike(x, &t)) {
                *m = t;
                appositive(x, m, b, end);
                *cue_a = j - 1;
                *cue_b = j;
                return true;
            }
        }
    }
    if (as_put_it(x, j, end, m)) {
        *cue_a = j;
        *cue_b = j + 1;
        return true;
    }
    /* "…”, according to the researcher", "…” per the party's bylaws" */
    uint32_t pn = phrase_at(x, j, end, false);
    if (!pn && TK_QCTX_IS(x, j, "per")) pn = 1;
    if (pn) {
        uint32_t b = np_forward(x, j + pn, end);
        if (b == j + pn) return false;
        m->a = j + pn;
        m->b = b;
        appositive(x, m, b, end);
        *cue_a = j;
        *cue_b = j + pn;
        return true;
    }
    /* inverted: "said Trump", "adds Ms. Claire Vernet" */
    uint32_t k = j;
    while (k < end && k - j < 2 && (tk_qctx_bits(x, k) & QW_ADV)) k++;
    if (k < end && cue_at(x, k, j, &vend)) {
        /* "…,” referring to the convention": a participle goes on with the
         * clause before the quote; what follows it is no speaker */
        if (ends_ing(x, k)) return false;
        if (speaker_after_verb(x, k, vend, end, m)) {
            *cue_a = k;
            *cue_b = vend;
            return true;
        }
        return false;
    }
    /* "Trump said", "he recalls", "the senator from Vermont told reporters" */
    bool apposition = j + 1 < end && is_ch(x, j + 1, ',') && (T(x, j)->flags & TK_TF_UPPER);
    int depth = 0;
    for (uint32_t v = j + 1; v < end && v - j <= (apposition ? 40u : MAX_NP); v++) {
        if (T(x, v)->kind == TK_TOK_OPEN) depth++;
        else if (T(x, v)->kind == TK_TOK_CLOSE && depth > 0) depth--;
        if (depth > 0) continue;
        if (is_mark(x, v) || terminal(x, v) || is_ch(x, v, ';') || is_ch(x, v, ':')) return false;
        /* "…,” the newspaper admitted.": a cue word that ends the clause is a verb */
        bool closes = v + 1 < end && (terminal(x, v + 1) || is_ch(x, v + 1, ','));
        if (cue_at_ex(x, v, j, &vend, !closes)) {
            if (!subject_before(x, v, j, m)) return false;
            if (m->a > j && !m->db && m->b - m->a > 1) {
                /* "White House press secretary Josh Earnest told": all of it */
                bool np = true;
                for (uint32_t i = j; i < m->a && np; i++)
                    np = np_token(x, i) && !(tk_qctx_bits(x, i) & (QW_SUBORD | QW_REL | QW_CONJ | QW_AUX));
                if (np) m->a = j;
            }
            if (crossed && vend < end && (tk_qctx_bits(x, vend) & (QW_DEF | QW_INDEF | QW_POSS | QW_THEY)) &&
                !(tk_qctx_bits(x, vend) & QW_REL))
                return false; /* "…?” Her critics cited it as evidence" */
            if (crossed) {
                /* "…?” Mills then writes back, “You look cute.”": a cue that
                 * opens a quote of its own is that quote's */
                for (uint32_t i = vend; i < s->tokens.n && i < vend + 3 && !terminal(x, i); i++)
                    if (is_mark(x, i) || is_single(x, i)) return false;
            }
            if (m->a != j && !(m->da == j)) {
                /* something between the quote and the subject: only adverbs and dates */
                bool ok = m->a > j;
                for (uint32_t i = j; i < m->a && ok; i++)
                    ok = is_ch(x, i, ',') || (tk_qctx_bits(x, i) & (QW_ADV | QW_CONJ));
                if (!ok && m->da != j) return false;
            }
            if (m->da == j) { uint32_t t = m->a; m->a = m->da; m->da = t; (void)t; }
            *cue_a = v;
            *cue_b = vend;
            return true;
        }
    }
    return false;
}

/* The cue whose object clause, with no "that", starts with the subject at
 * a: "Trump said he'd asked his “people”", "Donald Trump told reporters he
 * thought Fields had “…”"; TK_NONE when none. *vend gets its end. */
static uint32_t governing_cue(tk_qctx *x, uint32_t a, uint32_t lo, uint32_t *vend) {
    for (uint32_t c = a; c-- > lo && a - c <= 4;) {
        if (!np_token(x, c)) break;
        uint32_t e;
        if (!cue_at(x, c, lo, &e)) continue;
        if (e == a || (tk_qctx_bits(x, c) & QW_TELL)) { *vend = e; return c; }
        break;
    }
    return TK_NONE;
}

/* The cue of the clause that holds the subject m of a nearer cue, or
 * TK_NONE: "Wasserman Schultz said … that the platform should reiterate
 * “…”" (a "that"-clause), "Trump said he'd asked his “people”" (one with
 * no "that"); the quoted words are the outer speaker's. *e2 gets its end. */
static uint32_t outer_cue(tk_qctx *x, const tk_mention *m, uint32_t sa, uint32_t *e2) {
    /* "He describes a government that tells its partners: …": a
     * relative clause's antecedent is an object, not a clause's subject */
    uint32_t gov = m->rel == TK_NONE ? governing_cue(x, m->a, sa, e2) : TK_NONE;
    if (gov != TK_NONE) return gov;
    /* "She says it underscores that …": a subject that is no one hands
     * over to an earlier cue's person */
    bool that = !tk_speaker_personlike(x, m) && m->b - m->a == 1 && !TK_QCTX_IS(x, m->a, "i") &&
                !TK_QCTX_IS(x, m->a, "we"); /* "I laughed and said": the writer speaks */
    bool comma = false;
    for (uint32_t k = m->a; k-- > sa;) {
        if (is_mark(x, k)) break;
        /* "While Trump affirmed that he likes Cruz, he also stated “…”": a
         * comma closes the that-clause */
        if (is_ch(x, k, ',') && !that) comma = true;
        if (TK_QCTX_IS(x, k, "that") && !comma) that = true;
        if (that && !ends_ing(x, k) && cue_at(x, k, sa, e2)) return k;
    }
    return TK_NONE;
}

/* A cue before the quote that opens at token o, within its sentence. */
static int cue_before(tk_qctx *x, uint32_t o, tk_mention *m, uint32_t *cue_a, uint32_t *cue_b) {
    uint32_t sa, sb;
    sentence_of(x, o, &sa, &sb);
    /* a quote that starts its sentence after "…said:" */
    if (sa == o && o > 0 && is_ch(x, o - 1, ':')) sentence_of(x, o - 1, &sa, &sb);
    uint32_t lo = o > MAX_BACK && o - MAX_BACK > sa ? o - MAX_BACK : sa;
    for (uint32_t k = o; k-- > lo;) {
        if (is_mark(x, k)) break; /* a quote before: its speaker, by continuation */
        uint32_t vend;
        uint32_t bits = tk_qctx_bits(x, k);
        if (as_put_it(x, k, o, m)) {
            *cue_a = k;
            *cue_b = k + 1;
            return HOW_BEFORE;
        }
        uint32_t pn = (bits & QW_PHRASE) ? phrase_at(x, k, o, k == sa) : 0;
        if (pn) {
            uint32_t b = np_forward(x, k + pn, o);
            tk_mention t = {k + pn, b, 0, 0, TK_NONE};
            if (b > k + pn && (pn > 1 || tk_speaker_personlike(x, &t))) {
                *m = t;
                *cue_a = k;
                *cue_b = k + pn;
                return pn > 1 ? HOW_BEFORE : HOW_FRAME;
            }
        }
        if (cue_at(x, k, lo, &vend) && vend <= o) { /* cue_at leaves out infinitives */
            if (subject_before(x, k, sa, m)) {
                *cue_a = k;
                *cue_b = vend;
                /* "Aubrey Pelletier hoisted a sign that read “15%!”": a
                 * thing that speaks in a relative clause is the object of
                 * a verb whose subject does */
                if (m->rel != TK_NONE && m->a > sa + 1 && lower_word(x, m->a - 1) && !tk_qctx_bits(x, m->a - 1) &&
                    !tk_speaker_personlike(x, m)) {
                    tk_mention m2;
                    if (subject_before(x, m->a - 1, sa, &m2) && m2.b <= m->a - 1) *m = m2;
                }
                /* the quoted words are those of the speaker whose clause
                 * holds the nearer cue, up the chain ("She added that she
                 * thinks Trump appeals to …") */
                for (int hop = 0; hop < 3; hop++) {
                    uint32_t e2, k2 = outer_cue(x, m, sa, &e2);
                    tk_mention m2;
                    /* "the FBI confirmed that it was “…”": after "it" or
                     * "they", any earlier subject */
                    bool pron = m->b - m->a == 1 && (tk_qctx_bits(x, m->a) & QW_THEY);
                    if (k2 == TK_NONE || !subject_before(x, k2, sa, &m2) || !(pron || tk_speaker_personlike(x, &m2)))
                        break;
                    *m = m2;
                    *cue_a = k2;
                    *cue_b = e2;
                }
                return HOW_BEFORE;
            }
            /* "In other words, explained CBS moderator Nancy Cordes: “…”" */
            if (o > 0 && (is_ch(x, o - 1, ':') || is_ch(x, o - 1, ',')) && speaker_after_verb(x, k, vend, o, m) &&
                m->b >= o - 1) {
                *cue_a = k;
                *cue_b = vend;
                return HOW_BEFORE;
            }
        }
    }
    /* "For Mr. Broers, …" / "According to X, …" at the sentence's start,
     * also for a second quote of the sentence */
    uint32_t pn = phrase_at(x, sa, o, true);
    if (pn && sa + pn < o) {
        uint32_t b = np_forward(x, sa + pn, o);
        if (b > sa + pn && b < o && is_ch(x, b, ',')) {
            tk_mention t = {sa + pn, b, 0, 0, TK_NONE};
            if (pn > 1 || tk_speaker_personlike(x, &t)) {
                *m = t;
                *cue_a = sa;
                *cue_b = sa + pn;
                return HOW_FRAME;
            }
        }
    }
    /* "Pollsters agree - Carl Bialik: “…”", "More from Blumenthal and
     * Cohen: “…”": the names right before the colon */
    if (o > sa + 2 && is_ch(x, o - 1, ':') && o - 1 - sa > 6) {
        uint32_t b = o - 1, a = b;
        while (a > sa && b - a < 8 && T(x, a - 1)->kind == TK_TOK_WORD &&
               ((T(x, a - 1)->flags & TK_TF_UPPER) || (a < b && a - 1 > sa && (tk_qctx_bits(x, a - 1) & QW_CONJ) &&
                                                       (T(x, a - 2)->flags & TK_TF_UPPER))))
            a--;
        tk_mention t = {a, b, 0, 0, TK_NONE};
        bool before = a > sa && (T(x, a - 1)->kind == TK_TOK_PUNCT || TK_QCTX_IS(x, a - 1, "from"));
        if (b - a >= 2 && before && tk_speaker_personlike(x, &t)) {
            *m = t;
            *cue_a = *cue_b = o - 1;
            return HOW_FRAME;
        }
    }
    /* "Trump: “…”" */
    if (o > sa + 1 && is_ch(x, o - 1, ':') && o - 1 - sa <= 6) {
        uint32_t b = np_forward(x, sa, o - 1);
        if (b == o - 1) {
            tk_mention t = {sa, b, 0, 0, TK_NONE};
            if (tk_speaker_personlike(x, &t)) {
                *m = t;
                *cue_a = *cue_b = o - 1;
                return HOW_FRAME;
            }
        }
    }
    /* "Kasich resisted: “…”", "Clinton has since apologized for what
     * happened: “…”": the subject of the clause that the colon ends */
    if (o > sa + 2 && is_ch(x, o - 1, ':')) {
        tk_mention t;
        if (sentence_subject(x, sa, o - 1, &t) && t.b < o - 1 && tk_speaker_personlike(x, &t)) {
            *m = t;
            *cue_a = *cue_b = o - 1;
            return HOW_FRAME;
        }
    }
    return HOW_NONE;
}

/* A quote that opens its sentence, with no cue of its own, after a
 * sentence that introduces it: "Cruz tweeted a warning. “Missouri: …”" */
static int cue_lead_in(tk_qctx *x, uint32_t o, bool whole_para, tk_mention *m, uint32_t *cue_a, uint32_t *cue_b) {
    uint32_t si = tk_qctx_sent(x, o);
    if (si == TK_NONE || si == 0 || x->s->sentences.v[si].tok_start != o) return HOW_NONE;
    const tk_sentence *p = &x->s->sentences.v[si - 1];
    if (p->tok_end <= p->tok_start || T(x, p->tok_start)->para + 1 < T(x, o)->para) return HOW_NONE;
    /* in the paragraph before, only a sentence that ends with a colon, or
     * (when asked) one that is the whole paragraph ("Howard continued his
     * remarks.") */
    if (T(x, p->tok_start)->para != T(x, o)->para && !is_ch(x, p->tok_end - 1, ':') &&
        !(whole_para && (p->tok_start == 0 || T(x, p->tok_start - 1)->para != T(x, p->tok_start)->para)))
        return HOW_NONE;
    for (uint32_t k = p->tok_start; k < p->tok_end; k++)
        if (is_mark(x, k)) return HOW_NONE;
    /* the first cue of the main clause ("Carter said that for decades some
     * critics had been predicting …"), not of a clause before its comma
     * ("Not long after Trump tweeted the quote, Chuck Todd asked …") */
    bool sub = false;
    for (uint32_t k = p->tok_start; k < p->tok_end; k++) {
        uint32_t vend;
        if (is_ch(x, k, ',')) sub = false;
        else if (tk_qctx_bits(x, k) & QW_SUBORD) sub = true;
        if (!sub && cue_at(x, k, p->tok_start, &vend) && subject_before(x, k, p->tok_start, m)) {
            *cue_a = k;
            *cue_b = vend;
            return HOW_BEFORE;
        }
    }
    /* "Sanders made the following comment:" — a sentence that announces
     * the quote with a colon: its subject */
    if (is_ch(x, p->tok_end - 1, ':') && sentence_subject(x, p->tok_start, p->tok_end - 1, m) &&
        tk_speaker_personlike(x, m)) {
        *cue_a = *cue_b = p->tok_end - 1;
        return HOW_FRAME;
    }
    return HOW_NONE;
}

/* Notes the person a sentence starts with ("The researcher does not
 * believe…", "Mr. Broers …"), for the pronouns that follow. */
static tk_status observe_subject(tk_qctx *x, size_t si) {
    const tk_sentence *z = &x->s->sentences.v[si];
    uint32_t a = z->tok_start;
    if (a >= z->tok_end || is_mark(x, a) || T(x, a)->kind != TK_TOK_WORD) return TK_OK;
    uint32_t fb = tk_qctx_bits(x, a);
    if (fb & (QW_PREP | QW_SUBORD | QW_PHRASE | QW_HE | QW_SHE | QW_THEY | QW_ADV | QW_CONJ)) return TK_OK;
    /* a name, a title, or a determiner with a role a few words on */
    if (fb & (QW_DEF | QW_INDEF | QW_POSS)) {
        bool role = false;
        for (uint32_t k = a + 1; k < z->tok_end && k <= a + 4 && !role; k++) role = (tk_qctx_bits(x, k) & QW_ROLE) != 0;
        if (!role) return TK_OK;
    } else if (!(T(x, a)->flags & TK_TF_UPPER)) {
        return TK_OK;
    }
    uint32_t b = np_forward(x, a, z->tok_end);
    if (b == a || b >= z->tok_end) return TK_OK;
    /* the subject is followed by a verb-like word, not by more of a title */
    tk_mention m = {a, b, 0, 0, TK_NONE};
    if (!tk_speaker_personlike(x, &m)) return TK_OK;
    appositive(x, &m, b, z->tok_end); /* "Fatou Ndiaye, a researcher at ..., has" */
    /* only people the story goes on to quote matter; a mention that is a
     * pronoun or a role resolves to who is already known */
    int32_t id = tk_speaker_resolve(x, &m);
    if (id == -2) return tk_story_fail(x->s, TK_ENOMEM, "out of memory");
    return TK_OK;
}

/* Words in a quote that may be a title or a scare quote: no more. */
#define SHORT_QUOTE 6

/* The words of tokens [a, b) up to SHORT_QUOTE + 1 (a longer quote is
 * read no further: only short ones are looked at closely), whether they
 * are title case, whether a terminal stop comes among them. */
static uint32_t words_in(tk_qctx *x, uint32_t a, uint32_t b, bool *title_case, bool *has_terminal) {
    uint32_t n = 0;
    *title_case = true;
    *has_terminal = false;
    for (uint32_t i = a; i < b && n <= SHORT_QUOTE; i++) {
        const tk_token *t = T(x, i);
        if (t->kind == TK_TOK_WORD) {
            n++;
            /* only short quotes can be titles: no look-ups in long ones */
            if (*title_case && (n > SHORT_QUOTE || (!(t->flags & TK_TF_UPPER) &&
                                          !(tk_qctx_bits(x, i) & (QW_PREP | QW_DEF | QW_INDEF | QW_CONJ)))))
                *title_case = false;
        } else if (t->kind == TK_TOK_NUMBER) {
            n++;
        } else if (terminal(x, i) || is_ch(x, i, ',')) {
            *has_terminal = *has_terminal || terminal(x, i);
        }
    }
    if (a < b && T(x, a)->kind == TK_TOK_WORD && !(T(x, a)->flags & TK_TF_UPPER)) *title_case = false;
    return n;
}

/* Is `at` inside one of the spoken quotes before quote lo (the first that
 * starts after it)? Nested ones sit inside an outer one. */
static bool covered_before(const tk_story *s, size_t lo, uint32_t at) {
    for (size_t i = lo; i-- > 0 && lo - i <= 4;) {
        const tk_quote *q = &s->quotes.v[i];
        if (q->kind == TK_QUOTE_SPEECH && q->start <= at && at < q->end) return true;
    }
    return false;
}

bool tk_quote_covers(const tk_story *s, uint32_t at) {
    size_t lo = 0, hi = s->quotes.n;
    /* quotes are sorted by start */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->quotes.v[mid].start <= at) lo = mid + 1;
        else hi = mid;
    }
    return covered_before(s, lo, at);
}

static void set_mention(tk_qctx *x, tk_quote *q, const tk_mention *m, uint32_t ca, uint32_t cb) {
    q->mention_start = T(x, m->a)->start;
    q->mention_end = T(x, m->b - 1)->end;
    if (m->rel != TK_NONE && m->rel < x->s->tokens.n) {
        q->mention_start = T(x, m->rel)->start;
        q->mention_end = T(x, m->rel)->end;
    }
    if (cb > ca) {
        q->cue_start = T(x, ca)->start;
        q->cue_end = T(x, cb - 1)->end;
    }
}

tk_status tk_quotes_find(tk_story *s) {
    s->quotes.n = s->speakers.n = 0;
    const tk_quote_lex *lex = s->engine->quote_lex;
    if (!lex || !s->tokens.n) return TK_OK;
    uint32_t *run_ends = NULL;
    size_t nrun_ends = 0;
    tk_status st = tk_quote_marks(s, &run_ends, &nrun_ends);
    if (st != TK_OK || !s->quotes.n) return st;
    size_t n = s->tokens.n;
    tk_qctx x = {.s = s, .toks = s->tokens.v, .lex = lex, .last_person = -1, .day = tk_match_date(s->date),
                 .run_ends = run_ends, .nrun_ends = nrun_ends, .runs_built = true};
    x.tok = tk_arena_alloc(&s->arena, n * sizeof *x.tok);
    if (!x.tok) return tk_story_fail(s, TK_ENOMEM, "out of memory");
    qctx_tokens(&x);
    size_t next_sent = 0, past = 0; /* past: the quotes that start before sentence next_sent */
    for (size_t qi = 0; qi < s->quotes.n; qi++) {
        tk_quote *q = &s->quotes.v[qi];
        /* sentences that start before the quote, outside quotes: their
         * subjects; only the last few matter for "he" and "the researcher"
         * (people named earlier are found again by name) */
        uint32_t qs = tk_qctx_sent(&x, q->tok_start);
        if (qs != TK_NONE && qs > OBSERVE_BACK && next_sent < qs - OBSERVE_BACK) next_sent = qs - OBSERVE_BACK;
        while (next_sent < s->sentences.n && s->sentences.v[next_sent].tok_start < q->tok_start) {
            const tk_sentence *z = &s->sentences.v[next_sent];
            uint32_t at = s->tokens.v[z->tok_start].start; /* (grows: tk_quote_covers without its search) */
            while (past < s->quotes.n && s->quotes.v[past].start <= at) past++;
            if (!covered_before(s, past, at) &&
                (st = observe_subject(&x, next_sent)) != TK_OK)
                return st;
            next_sent++;
        }
        uint32_t open = q->tok_start > 0 && (is_mark(&x, q->tok_start - 1) || is_single(&x, q->tok_start - 1))
                            ? q->tok_start - 1 : TK_NONE;
        uint32_t close = q->tok_end < n && (is_mark(&x, q->tok_end) || is_single(&x, q->tok_end)) ? q->tok_end : TK_NONE;
        tk_mention m = {0, 0, 0, 0, TK_NONE};
        uint32_t ca = 0, cb = 0;
        int how = HOW_NONE;
        if (close == TK_NONE) {
            /* a closing mark is missing: the quote ends where a cue takes
             * over ("” Nobody believes … will last, said a diplomat.") */
            for (uint32_t k = q->tok_start + 1; k < q->tok_end; k++) {
                if (!is_ch(&x, k, ',') && !terminal(&x, k)) continue;
                if (cue_after(&x, q, k - 1, &m, &ca, &cb)) {
                    how = HOW_AFTER;
                    q->tok_end = k;
                    while (q->tok_end > q->tok_start + 1 && is_ch(&x, q->tok_end - 1, ',')) q->tok_end--;
                    q->end = T(&x, q->tok_end - 1)->end;
                    break;
                }
            }
        }
        if (how != HOW_NONE) {}
        else if (close != TK_NONE && cue_after(&x, q, close, &m, &ca, &cb)) how = HOW_AFTER;
        else if (open != TK_NONE) how = cue_before(&x, open, &m, &ca, &cb);
        if (how == HOW_NONE && open != TK_NONE) how = cue_lead_in(&x, open, false, &m, &ca, &cb);
        if (how == HOW_NONE && close != TK_NONE) {
            /* “drew quite well …” in the 2008 primary, said Paul Beck. —
             * the sentence's closing ", said X" */
            uint32_t sa2, sb2;
            sentence_of(&x, close, &sa2, &sb2);
            int tries = 0;
            for (uint32_t k = sb2; k-- > close + 1 && tries < 3;) {
                if (is_mark(&x, k)) break;
                if (is_ch(&x, k, ',')) {
                    tries++;
                    if (cue_after(&x, q, k - 1, &m, &ca, &cb)) { how = HOW_AFTER; break; }
                }
            }
        }
        /* a quote that is a whole sentence after a one-sentence paragraph
         * that introduces it */
        if (how == HOW_NONE && open != TK_NONE && close != TK_NONE &&
            (close + 1 >= n || tk_qctx_opens(&x, close + 1) || T(&x, close + 1)->para != T(&x, close)->para))
            how = cue_lead_in(&x, open, true, &m, &ca, &cb);
        if (how != HOW_NONE) {
            int32_t id = tk_speaker_resolve(&x, &m);
            if (id == -2) return tk_story_fail(s, TK_ENOMEM, "out of memory");
            q->speaker = id;
            q->how = (uint8_t)how;
            set_mention(&x, q, &m, ca, cb);
        }
        /* top-level single quotes with no cue are labels, headlines and
         * scare quotes far more often than speech (‘Make America Great
         * Again’ hats); British-style speech has its cue */
        if (how == HOW_NONE && !q->nested && open != TK_NONE && is_single(&x, open)) q->kind = TK_QUOTE_SCARE;
        /* short phrases: titles, scare quotes, partial quotes */
        bool tc, term;
        uint32_t nw = words_in(&x, q->tok_start, q->tok_end, &tc, &term);
        uint32_t sa, sb;
        sentence_of(&x, q->tok_start, &sa, &sb);
        bool inside = open != TK_NONE && open > sa && !is_ch(&x, open - 1, ':') && !is_ch(&x, open - 1, ',');
        bool embedded = inside && !term && nw <= SHORT_QUOTE && (how == HOW_NONE || how == HOW_FRAME || how == HOW_BEFORE);
        if (embedded && how == HOW_NONE) {
            uint32_t before = open > sa ? open - 1 : open;
            bool titleword = (tk_qctx_bits(&x, before) & QW_TITLEWORD) ||
                             (before > sa && (tk_qctx_bits(&x, before - 1) & QW_TITLEWORD));
            if (tc && nw >= 1 && (titleword || (tk_qctx_bits(&x, before) & (QW_PREP | QW_DEF))))
                q->kind = TK_QUOTE_TITLE;
            else
                q->kind = TK_QUOTE_SCARE;
        }
        if (q->kind == TK_QUOTE_SPEECH && inside && open != TK_NONE) {
            uint32_t p = open - 1;
            uint32_t e2;
            q->partial = !(tk_qctx_bits(&x, p) & QW_REL) && !cue_at(&x, p, sa, &e2) &&
                         T(&x, p)->kind == TK_TOK_WORD;
            if (q->partial && (tk_qctx_bits(&x, p) & QW_TITLEWORD) && nw <= 4) q->kind = TK_QUOTE_SCARE;
        }
    }
    /* quotes with no cue: the speaker of a quote in the same sentence, or
     * of the quote just before in this paragraph or the one before */
    for (size_t qi = 0; qi < s->quotes.n; qi++) {
        tk_quote *q = &s->quotes.v[qi];
        if (q->speaker >= 0 || q->mention_end > q->mention_start || q->kind != TK_QUOTE_SPEECH) continue;
        uint32_t si = tk_qctx_sent(&x, q->tok_start);
        for (size_t k = qi + 1; k < s->quotes.n && si != TK_NONE; k++) {
            const tk_quote *r = &s->quotes.v[k];
            if (tk_qctx_sent(&x, r->tok_start) != si) break;
            /* a quote inside this one speaks for someone the speaker
             * quotes ("Not once has an adviser of mine said, 'Man, …'") */
            if (r->start < q->end) continue;
            if ((r->speaker >= 0 || r->mention_end > r->mention_start) && r->kind == TK_QUOTE_SPEECH) {
                q->speaker = r->speaker;
                q->how = HOW_SENTENCE;
                q->mention_start = r->mention_start; q->mention_end = r->mention_end;
                q->cue_start = r->cue_start; q->cue_end = r->cue_end;
                break;
            }
        }
        if (q->speaker >= 0) continue;
        for (size_t k = qi; k-- > 0;) {
            const tk_quote *r = &s->quotes.v[k];
            if (r->kind != TK_QUOTE_SPEECH || r->nested) continue;
            uint32_t pr = T(&x, r->tok_start)->para, pq = T(&x, q->tok_start)->para;
            if ((r->speaker >= 0 || r->mention_end > r->mention_start) && pq - pr <= 1) {
                q->speaker = r->speaker;
                q->how = HOW_CONT;
                q->mention_start = r->mention_start; q->mention_end = r->mention_end;
            }
            break;
        }
    }
    if (!tk_speaker_codes(&x)) return tk_story_fail(s, TK_ENOMEM, "out of memory");
    /* the tokens inside spoken quotes, for the coder's "reported" */
    for (size_t qi = 0; qi < s->quotes.n; qi++) {
        const tk_quote *q = &s->quotes.v[qi];
        if (q->kind != TK_QUOTE_SPEECH) continue;
        for (uint32_t k = q->tok_start; k < q->tok_end && k < n; k++) s->tokens.v[k].quoted = 1;
    }
    return TK_OK;
}
