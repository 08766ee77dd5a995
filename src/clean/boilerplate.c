/* boilerplate.c — finds the lines of a scraped story that are not the story:
 * paywall and subscription offers, columnist/author lists, related-article
 * lists and teaser headlines of other stories after the end, photo captions
 * and credits, article-age notices, share/follow/newsletter widgets; and the
 * "-!" debris glued to a title. Works line by line on the raw text; every
 * removal is a byte span with a reason. Rules look at the shape of a line
 * (length, final punctuation, capitalisation) and at phrases that belong to
 * page furniture, never at the story's own words. */
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "../util/acmatch.h"

typedef struct line {
    uint32_t start, end;   /* trimmed of surrounding blanks */
    uint32_t words;
    bool blank, terminal, debris, namelike, byline, removed, credit, marker;
    unsigned cues;         /* CUE_* bits found in the line (lines of up to 300 bytes) */
} line;

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* Case-insensitive (ASCII) prefix test. */
static bool ci_starts(const char *p, size_t n, const char *z) {
    if (!n || lower((unsigned char)p[0]) != (unsigned char)z[0]) return false;
    size_t k = strlen(z);
    if (k > n) return false;
    for (size_t i = 1; i < k; i++)
        if (lower((unsigned char)p[i]) != (unsigned char)z[i]) return false;
    return true;
}

static bool ci_contains(const char *p, size_t n, const char *z) {
    size_t k = strlen(z);
    if (k > n) return false;
    for (size_t i = 0; i + k <= n; i++) {
        if (lower((unsigned char)p[i]) != (unsigned char)z[0]) continue;
        if (ci_starts(p + i, n - i, z)) return true;
    }
    return false;
}

static bool any_starts(const char *p, size_t n, const char *const *list) {
    for (; *list; list++)
        if (ci_starts(p, n, *list)) return true;
    return false;
}

/* The line with trailing punctuation and blanks dropped equals an entry. */
static bool any_equals_loose(const char *p, size_t n, const char *const *list) {
    while (n && strchr(" \t.:!|>»›-", p[n - 1])) n--;
    for (; *list; list++)
        if (strlen(*list) == n && ci_starts(p, n, *list)) return true;
    return false;
}

static const char *const caption_starts[] = {
    "hide caption", "toggle caption", "show caption", "image caption", "image copyright",
    "image source", "photo credit", "photo:", "photograph:", "photos:", "(photo", "caption:",
    "file photo", "picture:", "pictured:", "credit:", "video caption", "enlarge this image",
    "\xc2\xa9", NULL};

static const char *const credit_contains[] = {
    "photo/", "getty images", "/afp", "/reuters", "/ap ", "/epa", "shutterstock", "(photo by",
    "photo by ", NULL};

/* Phrases that only page furniture uses: enough on their own in a line of
 * up to 250 bytes. */
static const char *const paywall_cues[] = {
    "subscribe now", "subscribe today", "subscribe to our", "subscribe to read",
    "subscribe to continue", "subscribe to get", "already a subscriber", "already subscribed",
    "become a subscriber", "without commitment", "free trial", "limited offer",
    "limited-time offer", "limited time offer", "offer of the moment", "special offer",
    "read without limit", "unlimited access", "unlimited digital access", "cancel anytime",
    "cancel at any time", "log in to read", "sign in to read", "log in to continue",
    "sign in to continue", "for subscribers", "subscribers only", "subscriber-only",
    "subscriber only", "exclusive to subscribers", "reserved for subscribers",
    "support our journalism", "support independent journalism", "this content is reserved",
    "premium article", "premium content", "offer of the week", "offer of the day",
    "exclusive offer", "digital offer", "introductory offer", "free articles left",
    "free article left", "articles remaining", "flash offer", "digital access",
    "cancellable at any time", "cancelable at any time", "cancel online anytime", NULL};

/* Phrases that also occur in real sentences ("subscribe for shares",
 * "become a member of NATO"): they count only in short lines. */
static const char *const paywall_weak_cues[] = {
    "subscribe for ", "subscribe and ", "become a member", "subscription offer", "subscribe",
    "no commitment", NULL};

/* Credit lines: who reported, edited, contributed. */
static const char *const credit_starts[] = {
    "contributing:", "write to ", "\xe2\x80\x94 with assistance", "with assistance from",
    "additional reporting by", "reporting by", "(reporting by", "editing by", "(editing by",
    "compiled by", "(additional reporting", "-- with assistance", NULL};

static const char *const price_periods[] = {
    "first month", "per month", "/month", "per week", "/week", "per year", "/year",
    "the first year", "months for", "weeks for", NULL};

static const char *const widget_equals[] = {
    "share", "share this", "share this article", "share this story", "share on facebook",
    "share on twitter", "share via email", "tweet", "email", "e-mail", "print", "copy link",
    "copy link to clipboard", "comments", "comment", "view comments", "advertisement",
    "advertising", "sponsored", "sponsored content", "listen", "listen to this article",
    "follow us", "newsletter", "newsletters", "skip advertisement", "scroll to continue",
    "previous next", "previous", "next", "whatsapp", "facebook", "twitter", "linkedin",
    "reddit", "pinterest", "save", "bookmark", "gift this article", "top of page", NULL};

static const char *const widget_starts[] = {
    "share this ", "share on ", "follow us on", "follow us:", "follow @", "sign up for our",
    "sign up to our", "sign up to receive", "sign up for the", "subscribe to our newsletter",
    "subscribe to the newsletter", "click here", "listen to this article", "reading time",
    "min read", "get our newsletter", "get the latest", "download our app", "download the app",
    "watch:", "video:", "advertisement", "this story has been shared", "we use cookies",
    "accept cookies", "all rights reserved", "copyright \xc2\xa9", "story continues below",
    "article continues below", "continue reading", "read or share this story",
    "sign up for daily", "manage newsletters", "now watch:", "just watched ", "must watch ",
    "replay more videos", NULL};

static const char *const related_heads[] = {
    "related articles", "related article", "related stories", "related coverage",
    "related content", "related news", "related:", "read also", "read more", "see also",
    "also read", "also on", "more on this", "more from", "more stories", "most read",
    "most popular", "most viewed", "recommended", "you may also like", "you might also like",
    "trending", "latest news", "top stories", "editor's picks", "lire aussi",
    "on the same subject", "on the same topic", "in the same section", NULL};

static const char *const author_heads[] = {
    "opinions", "opinion", "columns", "columnists", "our columnists", "editorials",
    "editorial", "ideas and debates", "tribunes", "op-ed", "op-eds", "commentary",
    "chronicles", "our writers", "contributors", "debates", "forums", "columns and analyses",
    "analyses", NULL};

/* "Read also: Headline", "Also read | Headline": a related-articles head
 * followed by a separator. */
static bool related_item(const char *p, size_t n) {
    for (const char *const *h = related_heads; *h; h++) {
        if (!ci_starts(p, n, *h)) continue;
        size_t k = strlen(*h);
        if ((*h)[k - 1] == ':') return true;
        while (k < n && p[k] == ' ') k++;
        if (k < n && strchr(":|>-", p[k])) return true;
        if (k + 2 < n && (unsigned char)p[k] == 0xE2 && (unsigned char)p[k + 1] == 0x80) return true; /* – — */
        if (k + 1 < n && (unsigned char)p[k] == 0xC2 && (unsigned char)p[k + 1] == 0xBB) return true; /* » */
    }
    return false;
}

/* A line that ends with a photo credit: "(AP Photo/Jane Doe)", "Photo
 * credit: X/Agency", "Photo: Reuters". The whole line is a caption. */
/* Where a photo credit that ends the line begins ("(AP Photo/Jane Doe)",
 * "Photo credit: X/Agency", "Photo: Reuters", "Image copyright X"), or 0. */
static size_t credit_at_end(const char *p, size_t n) {
    static const char *const heads[] = {"(ap photo", "(afp photo", "(reuters photo", "(photo",
                                        "photo credit:", "photo:", "(epa", "(getty", "credit:",
                                        "image copyright", "\xc2\xa9", NULL};
    size_t from = n > 90 ? n - 90 : 1;
    for (size_t i = from; i < n; i++) {
        if (p[i - 1] != ' ') continue;
        unsigned char c = (unsigned char)lower((unsigned char)p[i]);
        if (c != '(' && c != 'p' && c != 'c' && c != 'i' && c != 0xC2) continue;
        if (!any_starts(p + i, n - i, heads)) continue;
        if (p[i] != '(') return i; /* the credit runs to the end of the line */
        const char *close = memchr(p + i, ')', n - i);
        if (close && close + 2 >= p + n) return i;
    }
    return 0;
}

/* Sentence ends (". " "! " "? ") in p[0,n). */
static int sentence_ends(const char *p, size_t n) {
    int k = 0;
    for (size_t i = 0; i + 1 < n; i++)
        if ((p[i] == '.' || p[i] == '!' || p[i] == '?') && p[i + 1] == ' ') k++;
    return k;
}

/* A caption marker alone on its line: the next line is the caption. */
static bool caption_marker(const char *p, size_t n) {
    static const char *const marks[] = {"hide caption", "toggle caption", "show caption",
                                        "image caption", "caption", "enlarge this image", NULL};
    return n <= 24 && any_equals_loose(p, n, marks);
}

/* Does a short line read like a headline of another story: "Topic: what
 * happened", a quoted fragment, or mostly capitalised words? */
static bool headline_like(const char *p, size_t n) {
    if (n > 160) return false;
    const char *colon = memchr(p, ':', n < 40 ? n : 40);
    if (colon && colon + 1 < p + n && colon[1] == ' ') return true;
    if (memchr(p, '"', n) || ci_contains(p, n, "\xe2\x80\x9c") || ci_contains(p, n, "\xe2\x80\x9d") ||
        ci_contains(p, n, "\xc2\xab"))
        return true;
    size_t words = 0, caps = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && p[i - 1] != ' ') continue;
        if (p[i] == ' ') continue;
        words++;
        unsigned char c = (unsigned char)p[i];
        if (c >= '0' && c <= '9') { words--; continue; } /* figures are not words */
        if (c >= 'A' && c <= 'Z') caps++;
        else if (n - i >= 4 && (!strncmp(p + i, "of ", 3) || !strncmp(p + i, "the ", 4) ||
                                !strncmp(p + i, "in ", 3) || !strncmp(p + i, "a ", 2) ||
                                !strncmp(p + i, "to ", 3) || !strncmp(p + i, "and ", 4) ||
                                !strncmp(p + i, "on ", 3) || !strncmp(p + i, "for ", 4)))
            caps++; /* small words do not count against title case */
    }
    return words >= 3 && caps * 10 >= words * 8;
}

static bool is_upper_start(const char *p, size_t n) {
    if (!n) return false;
    unsigned char c = (unsigned char)p[0];
    return (c >= 'A' && c <= 'Z') || c >= 0xC0; /* non-ASCII letter: accept */
}

/* 1-4 capitalised words, short, no digits and no sentence punctuation. */
static bool name_like(const char *p, size_t n) {
    if (n == 0 || n > 40) return false;
    size_t words = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && p[i] == ' ') i++;
        if (i >= n) break;
        if (!is_upper_start(p + i, n - i)) return false;
        words++;
        while (i < n && p[i] != ' ') {
            char c = p[i];
            if ((c >= '0' && c <= '9') || strchr(",;:!?\"()", c)) return false;
            i++;
        }
    }
    if (p[n - 1] == '.') return false;
    return words >= 1 && words <= 4;
}

static bool ends_terminal(const char *p, size_t n) {
    /* skip closing quotes/brackets and blanks */
    while (n) {
        unsigned char c = (unsigned char)p[n - 1];
        if (c == ' ' || c == '"' || c == '\'' || c == ')' || c == ']') { n--; continue; }
        if (n >= 3 && (unsigned char)p[n - 3] == 0xE2 && (unsigned char)p[n - 2] == 0x80 &&
            ((unsigned char)p[n - 1] == 0x9D || (unsigned char)p[n - 1] == 0x9C ||
             (unsigned char)p[n - 1] == 0x99)) { n -= 3; continue; } /* ” “ ’ */
        if (n >= 2 && (unsigned char)p[n - 2] == 0xC2 && (unsigned char)p[n - 1] == 0xBB) {
            n -= 2; continue; } /* » */
        break;
    }
    if (!n) return false;
    char c = p[n - 1];
    if (c == '.' || c == '?') return true;
    if (c == '!') return !(n >= 2 && (p[n - 2] == '-' || p[n - 2] == ' '));
    /* … */
    return n >= 3 && (unsigned char)p[n - 3] == 0xE2 && (unsigned char)p[n - 2] == 0x80 &&
           (unsigned char)p[n - 1] == 0xA6;
}

/* "-!", "- !", "–!", "!-" or a lone dash at the end of a line: the debris
 * that scraping leaves on headlines. Sets *from to where it begins. */
static bool debris_end(const char *p, size_t n, size_t *from) {
    size_t i = n;
    bool dash = false, bang = false;
    while (i) {
        unsigned char c = (unsigned char)p[i - 1];
        if (c == '!') { bang = true; i--; continue; }
        if (c == '-') { dash = true; i--; continue; }
        if (c == ' ') { i--; continue; }
        if (i >= 3 && (unsigned char)p[i - 3] == 0xE2 && (unsigned char)p[i - 2] == 0x80 &&
            (c == 0x93 || c == 0x94)) { dash = true; i -= 3; continue; }
        break;
    }
    /* a dash with an exclamation mark; lone dashes end table rows and
     * section heads in wire copy and are left alone */
    if (!dash || !bang || i == 0) return false;
    *from = i;
    return true;
}

static tk_status add_removed(tk_story *s, uint32_t start, uint32_t end, const char *reason) {
    if (end <= start) return TK_OK;
    if (!TK_VEC_GROW(s->removed)) return tk_story_fail(s, TK_ENOMEM, "out of memory");
    s->removed.v[s->removed.n++] = (tk_removed){start, end, reason};
    return TK_OK;
}

static tk_status remove_line(tk_story *s, line *l, const char *reason) {
    l->removed = true;
    return add_removed(s, l->start, l->end, reason);
}

/* The phrase lists searched anywhere in a line, as one automaton. */
enum { CUE_PAYWALL = 1, CUE_CREDIT = 2, CUE_PRICE = 4, CUE_WEAK = 8, CUE_MARK = 16 };
#define NLISTS 5

/* Words a photo credit at the end of a line starts with: only lines with
 * one are searched for it. */
static const char *const credit_marks[] = {"photo", "credit", "copyright", "\xc2\xa9", "(epa",
                                           "(getty", NULL};

static const char *const *const cue_lists[NLISTS] = {paywall_cues, credit_contains, price_periods,
                                                     paywall_weak_cues, credit_marks};
static const unsigned cue_bits[NLISTS] = {CUE_PAYWALL, CUE_CREDIT, CUE_PRICE, CUE_WEAK, CUE_MARK};

/* The phrase lists tested at the start of a line, with a mask of the
 * (lowercased) bytes their phrases start with: most lines are ruled out by
 * one bit test instead of a string comparison per phrase. */
enum { L_CAPTION, L_WIDGET_EQ, L_WIDGET_START, L_CREDIT_START, L_AUTHOR, L_RELATED, NSTART };
static const char *const *const start_lists[NSTART] = {
    caption_starts, widget_equals, widget_starts, credit_starts, author_heads, related_heads};

struct tk_clean_tables {
    tk_ac *cues;
    uint32_t first[NLISTS + 1]; /* phrase index where each list starts */
    uint64_t firsts[NSTART][4]; /* first bytes of each start list */
};

tk_clean_tables *tk_clean_tables_new(void) {
    tk_clean_tables *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    const char *all[256];
    size_t n = 0;
    for (size_t l = 0; l < NLISTS; l++) {
        t->first[l] = (uint32_t)n;
        for (const char *const *p = cue_lists[l]; *p && n < 256; p++) all[n++] = *p;
    }
    t->first[NLISTS] = (uint32_t)n;
    for (int l = 0; l < NSTART; l++)
        for (const char *const *p = start_lists[l]; *p; p++) {
            unsigned char c = (unsigned char)(*p)[0];
            t->firsts[l][c >> 6] |= 1ULL << (c & 63);
            if (c >= 'a' && c <= 'z') t->firsts[l][(c - 32) >> 6] |= 1ULL << ((c - 32) & 63);
        }
    t->cues = tk_ac_new(all, n);
    if (!t->cues) { free(t); return NULL; }
    return t;
}

void tk_clean_tables_free(tk_clean_tables *t) {
    if (!t) return;
    tk_ac_free(t->cues);
    free(t);
}

typedef struct cue_scan { const tk_clean_tables *t; unsigned mask; } cue_scan;

static bool on_cue(void *ctx, uint32_t phrase, size_t end) {
    (void)end;
    cue_scan *c = ctx;
    for (int l = 0; l < NLISTS; l++)
        if (phrase >= c->t->first[l] && phrase < c->t->first[l + 1]) c->mask |= cue_bits[l];
    return false;
}

/* Could a phrase of start list `l` begin this line? */
static inline bool may_start(const tk_clean_tables *t, int l, const char *p, size_t n) {
    unsigned char c = (unsigned char)p[0];
    return n && (t->firsts[l][c >> 6] >> (c & 63) & 1);
}

static const char *classify_line(const tk_clean_tables *tables, const char *p, size_t n,
                                 const line *l) {
    if (may_start(tables, L_CAPTION, p, n) && any_starts(p, n, caption_starts)) return "photo caption";
    if (ci_starts(p, n, "this article is more than") && ci_contains(p, n, "old"))
        return "article age notice";
    /* furniture is short; a long line ending like a sentence is story text */
    cue_scan cs = {tables, (n <= 160 || (n <= 250 && !l->terminal)) ? l->cues : 0};
    bool reported = (cs.mask & (CUE_PAYWALL | CUE_WEAK | CUE_PRICE)) &&
                    (ci_contains(p, n, " said") || ci_contains(p, n, " says") ||
                     ci_contains(p, n, "according to"));
    if ((cs.mask & CUE_PAYWALL) && !reported) return "subscription offer";
    if ((cs.mask & CUE_WEAK) && n <= 80 && !reported && !l->terminal) return "subscription offer";
    if (n <= 100 && p[n - 1] != '.' && (cs.mask & CUE_PRICE) &&
        (memchr(p, '$', n) || ci_contains(p, n, "\xe2\x82\xac") || ci_contains(p, n, "\xc2\xa3")) &&
        !ci_contains(p, n, " said") && !ci_contains(p, n, " says") && !ci_contains(p, n, "according to"))
        return "subscription offer";
    if ((n <= 80 && may_start(tables, L_WIDGET_EQ, p, n) && any_equals_loose(p, n, widget_equals)) ||
        (n <= 160 && may_start(tables, L_WIDGET_START, p, n) && any_starts(p, n, widget_starts)))
        return "widget text";
    if (n <= 100 && !l->terminal && (cs.mask & CUE_CREDIT)) return "photo credit";
    /* a caption with its credit: one sentence, then the credit (a longer
     * paragraph only loses the credit, in inline_credits) */
    size_t cr = n <= 300 && (l->cues & CUE_MARK) ? credit_at_end(p, n) : 0;
    if (cr && sentence_ends(p, cr) <= 1) return "photo caption";
    if (n <= 250 && may_start(tables, L_CREDIT_START, p, n) && any_starts(p, n, credit_starts))
        return "credits";
    return NULL;
}

/* Inline photo credits in a kept line: "(AP Photo/Jane Doe)", or a credit
 * ending a paragraph ("... destroyed. Photo: AFP"). */
static tk_status inline_credits(tk_story *s, const line *l) {
    const char *t = s->text;
    size_t cr = (l->cues & CUE_MARK) ? credit_at_end(t + l->start, l->end - l->start) : 0;
    if (cr && t[l->start + cr] != '(') {
        uint32_t a = l->start + (uint32_t)cr;
        tk_status st = add_removed(s, a, l->end, "photo credit");
        if (st != TK_OK) return st;
    }
    for (uint32_t i = l->start; i < l->end; i++) {
        const char *paren = memchr(t + i, '(', l->end - i);
        if (!paren) break;
        i = (uint32_t)(paren - t);
        size_t left = l->end - i - 1;
        const char *p = t + i + 1;
        static const char *const heads[] = {"ap photo", "afp photo", "reuters photo", "photo:",
                                            "photo by", "photo credit", "photo/", "epa photo",
                                            "getty images", "image:", NULL};
        if (!any_starts(p, left, heads)) continue;
        const char *close = memchr(p, ')', left < 160 ? left : 160);
        if (!close) continue;
        uint32_t start = i, end = (uint32_t)(close - t) + 1;
        while (start > l->start && t[start - 1] == ' ') start--;
        tk_status st = add_removed(s, start, end, "photo credit");
        if (st != TK_OK) return st;
        i = end - 1;
    }
    return TK_OK;
}

/* Removes a wire sign-off ("REUTER", "Reuter") at the end of the last
 * line, or the last line when that is all it holds; the line then reads as
 * ending where the story text ends. */
/* Removes a wire sign-off ("REUTER", "Reuter") ending a line, or the line
 * when that is all it holds; the line then reads as ending where the story
 * text ends. */
static tk_status sign_off(tk_story *s, line *l) {
    const char *p = s->text + l->start;
    size_t n = l->end - l->start;
    size_t m = n;
    for (;;) { /* "REUTER...", "Reuter...^M" */
        if (m && (p[m - 1] == '.' || p[m - 1] == ' ' || (unsigned char)p[m - 1] < 0x20)) m--;
        else if (m >= 2 && p[m - 2] == '^' && p[m - 1] == 'M') m -= 2;
        else break;
    }
    static const char *const marks[] = {"REUTER", "Reuter", NULL};
    for (const char *const *mk = marks; *mk; mk++) {
        size_t k = strlen(*mk);
        if (m < k || memcmp(p + m - k, *mk, k) != 0) continue;
        if (m > k && p[m - k - 1] != ' ') continue;
        uint32_t mark = l->start + (uint32_t)(m - k);
        uint32_t a = mark;
        while (a > l->start && s->text[a - 1] == ' ') a--;
        if (a == l->start) return remove_line(s, l, "sign-off");
        uint32_t end = l->end;
        l->end = a;
        l->terminal = ends_terminal(p, a - l->start);
        l->namelike = l->byline = false;
        return add_removed(s, mark, end, "sign-off");
    }
    return TK_OK;
}

static int cmp_removed(const void *a, const void *b) {
    const tk_removed *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

tk_status tk_clean_boilerplate(tk_story *s) {
    const char *t = s->text;
    size_t len = s->text_len;
    /* split into lines */
    size_t nlines = 1;
    for (const char *p = t; (p = memchr(p, '\n', (size_t)(t + len - p))); p++) nlines++;
    line *lines = tk_arena_alloc(&s->arena, nlines * sizeof *lines);
    if (!lines) return tk_story_fail(s, TK_ENOMEM, "out of memory");
    size_t k = 0;
    for (size_t pos = 0; k < nlines; k++) {
        const char *nl = memchr(t + pos, '\n', len - pos);
        size_t e = nl ? (size_t)(nl - t) : len;
        size_t a = pos, b = e;
        while (a < b && (t[a] == ' ' || t[a] == '\t' || t[a] == '\r')) a++;
        while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t' || t[b - 1] == '\r')) b--;
        line *l = &lines[k];
        memset(l, 0, sizeof *l);
        l->start = (uint32_t)a;
        l->end = (uint32_t)b;
        l->blank = a == b;
        if (!l->blank) {
            const char *p = t + a;
            size_t n = b - a;
            size_t from;
            l->terminal = ends_terminal(p, n);
            l->debris = debris_end(p, n, &from);
            l->namelike = name_like(p, n);
            l->byline = n > 3 && n <= 60 && ci_starts(p, n, "by ") && name_like(p + 3, n - 3);
            /* furniture phrases: in the whole of a short line; credit marks
             * only matter in the last 90 bytes (see credit_at_end) */
            if (n <= 300) {
                cue_scan cs = {s->engine->clean, 0};
                bool whole = n <= 160 || (n <= 250 && !l->terminal);
                size_t tail = whole || n <= 90 ? 0 : n - 90;
                tk_ac_scan(s->engine->clean->cues, p + tail, n - tail, on_cue, &cs);
                l->cues = whole ? cs.mask : cs.mask & CUE_MARK;
            }
            uint32_t w = 1; /* counted up to 8: only "short or not" matters */
            for (size_t i = 0; i < n && w < 8; i++) w += p[i] == ' ';
            l->words = w;
        }
        pos = e + 1;
    }

    size_t first = 0;
    while (first < nlines && lines[first].blank) first++;
    tk_status st;
    /* line rules, and the sections that follow a header */
    enum { NONE, AUTHORS, RELATED } section = NONE;
    for (size_t i = 0; i < nlines; i++) {
        line *l = &lines[i];
        if (l->blank) continue;
        const char *p = t + l->start;
        size_t n = l->end - l->start;
        if (section == AUTHORS && (l->namelike || l->byline)) {
            if ((st = remove_line(s, l, "author list")) != TK_OK) return st;
            continue;
        }
        if (section == RELATED && n <= 160 && !l->terminal) {
            if ((st = remove_line(s, l, "related articles")) != TK_OK) return st;
            continue;
        }
        section = NONE;
        const char *why = classify_line(s->engine->clean, p, n, l);
        const tk_clean_tables *tab = s->engine->clean;
        if (!why && n <= 60 && !l->terminal && may_start(tab, L_AUTHOR, p, n) && any_starts(p, n, author_heads)) {
            why = "author list";
            section = AUTHORS;
        }
        if (!why && n <= 200 && may_start(tab, L_RELATED, p, n) && any_starts(p, n, related_heads)) {
            /* "Read also" alone heads a list; "Read also: <headline>" is one item */
            if (n <= 60 && !l->terminal) { why = "related articles"; section = RELATED; }
            else if (related_item(p, n)) why = "related articles";
        }
        if (!why && i != first && l->debris && n <= 200) why = "teaser headline";
        if (why && (st = remove_line(s, l, why)) != TK_OK) return st;
        /* "© Name / AFP" follows its caption (a bare "Photo: Reuters" or
         * BBC's "Image copyright" may not) */
        if (why && n <= 60 && ci_starts(p, n, "\xc2\xa9")) l->credit = true;
        if (why && caption_marker(p, n)) l->marker = true;
    }

    /* wire sign-offs: "... REUTER" */
    for (size_t i = 0; i < nlines; i++)
        if (!lines[i].blank && !lines[i].removed && (st = sign_off(s, &lines[i])) != TK_OK) return st;

    /* the line after a lone "Hide caption" is the caption */
    for (size_t i = first + 1; i < nlines; i++) {
        if (!lines[i].marker) continue;
        size_t k2 = i + 1;
        while (k2 < nlines && lines[k2].blank) k2++;
        if (k2 < nlines && !lines[k2].removed && lines[k2].end - lines[k2].start <= 250 &&
            (st = remove_line(s, &lines[k2], "photo caption")) != TK_OK)
            return st;
    }

    /* a short line right before a "©" credit line is that photo's caption */
    for (size_t i = first + 1; i < nlines; i++) {
        line *l = &lines[i];
        if (!l->removed || !l->credit) continue;
        size_t k2 = i;
        while (k2 > first + 1 && lines[k2 - 1].blank) k2--;
        if (k2 <= first + 1) continue;
        line *c = &lines[k2 - 1];
        if (!c->removed && c->end - c->start <= 200 && (st = remove_line(s, c, "photo caption")) != TK_OK)
            return st;
    }

    /* after the last paragraph that reads like story text, short
     * headline-shaped lines are teasers of other stories and name lines are
     * author lists */
    size_t last_body = nlines;
    for (size_t i = nlines; i-- > first + 1;) {
        line *l = &lines[i];
        if (l->blank || l->removed) continue;
        if ((l->terminal && l->words >= 6) || l->end - l->start > 200) { last_body = i; break; }
    }
    if (last_body < nlines) {
        for (size_t i = last_body + 1; i < nlines; i++) {
            line *l = &lines[i];
            if (l->blank || l->removed) continue;
            size_t n = l->end - l->start;
            const char *why = NULL;
            if (l->byline || l->namelike) why = "author list";
            else if (l->debris || (!l->terminal && headline_like(t + l->start, n))) why = "teaser headline";
            if (why && (st = remove_line(s, l, why)) != TK_OK) return st;
        }
    }

    /* the "-!" debris on the title line */
    if (first < nlines && !lines[first].removed && lines[first].debris) {
        size_t from;
        line *l = &lines[first];
        debris_end(t + l->start, l->end - l->start, &from);
        uint32_t a = l->start + (uint32_t)from;
        while (a < l->end && t[a] == ' ') a++;
        if ((st = add_removed(s, a, l->end, "debris")) != TK_OK) return st;
    }
    for (size_t i = 0; i < nlines; i++)
        if (!lines[i].blank && !lines[i].removed && (st = inline_credits(s, &lines[i])) != TK_OK)
            return st;

    if (s->removed.n > 1) qsort(s->removed.v, s->removed.n, sizeof *s->removed.v, cmp_removed);
    /* merge overlaps (an inline credit never overlaps a removed line, but
     * keep the invariant explicit) */
    size_t o = 0;
    for (size_t i = 0; i < s->removed.n; i++) {
        if (o && s->removed.v[i].start < s->removed.v[o - 1].end) {
            if (s->removed.v[i].end > s->removed.v[o - 1].end)
                s->removed.v[o - 1].end = s->removed.v[i].end;
            continue;
        }
        s->removed.v[o++] = s->removed.v[i];
    }
    s->removed.n = o;
    return TK_OK;
}

bool tk_clean_is_removed(const tk_story *s, uint32_t start, uint32_t end) {
    /* binary search for the last span starting before `end` */
    size_t lo = 0, hi = s->removed.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->removed.v[mid].start < end) lo = mid + 1; else hi = mid;
    }
    return lo > 0 && s->removed.v[lo - 1].end > start;
}

size_t tk_clean_title_length(const char *title, size_t len) {
    size_t from;
    if (!debris_end(title, len, &from)) return len;
    while (from && title[from - 1] == ' ') from--;
    return from;
}
