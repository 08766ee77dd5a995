/* read_places.c — the places dictionary (data/places/places.txt, or any
 * file whose name says "place"): one place per line,
 *
 *     name | other names, comma-separated | country | kind
 *     Lachin corridor | Lachin road | AZE | corridor
 *
 * The country is a three-letter CAMEO country code (the codes of
 * data/actors/countries.actors), the kind one of the names in
 * place_kinds[] below. Names are written as they are spelt in news, in
 * their usual case; they match case-insensitively, folded like every
 * dictionary word, never inflected. A name written in lower case
 * ("al-Bab") may match uncapitalised text; the others match only text that
 * starts with a capital letter (the coder checks). Each place is one entry
 * of kind TK_ENTRY_PLACE whose one code is its country. */
#include <string.h>

#include "reader.h"
#include "../util/fold.h"

static const char *const place_kinds[TK_PLACE_KINDS] = {
    [TK_PLACE_COUNTRY] = "country",   [TK_PLACE_CAPITAL] = "capital",   [TK_PLACE_CITY] = "city",
    [TK_PLACE_TOWN] = "town",         [TK_PLACE_VILLAGE] = "village",   [TK_PLACE_REGION] = "region",
    [TK_PLACE_PROVINCE] = "province", [TK_PLACE_DISTRICT] = "district", [TK_PLACE_CORRIDOR] = "corridor",
    [TK_PLACE_VALLEY] = "valley",     [TK_PLACE_RIVER] = "river",       [TK_PLACE_LAKE] = "lake",
    [TK_PLACE_SEA] = "sea",           [TK_PLACE_CANAL] = "canal",       [TK_PLACE_CROSSING] = "crossing",
    [TK_PLACE_BORDER] = "border",     [TK_PLACE_CAMP] = "camp",         [TK_PLACE_MOUNTAIN] = "mountain",
    [TK_PLACE_DESERT] = "desert",     [TK_PLACE_ISLAND] = "island",     [TK_PLACE_BASE] = "base",
    [TK_PLACE_AIRPORT] = "airport",   [TK_PLACE_PORT] = "port",         [TK_PLACE_SITE] = "site",
};

const char *tk_place_kind_name(int kind) {
    return kind > 0 && kind < TK_PLACE_KINDS ? place_kinds[kind] : NULL;
}

int tk_place_kind_find(const char *s, size_t n) {
    for (int k = 1; k < TK_PLACE_KINDS; k++)
        if (strlen(place_kinds[k]) == n && !memcmp(place_kinds[k], s, n)) return k;
    return 0;
}

/* Splits s[0,n) at the first `sep`: the field (trimmed) and the rest. */
static void field(const char **s, size_t *n, char sep, const char **f, size_t *fn) {
    const char *p = memchr(*s, sep, *n);
    size_t k = p ? (size_t)(p - *s) : *n;
    *f = *s;
    *fn = k;
    tk_trim(f, fn);
    *s += p ? k + 1 : k;
    *n -= p ? k + 1 : k;
}

/* Does the name have a word to match (not only blanks, "_" and "-")? */
static bool has_word(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '_' && s[i] != '-' && s[i] != '\t') return true;
    return false;
}

/* The key of (name, country) for the duplicate check: the folded name's
 * hash mixed with the code. */
static uint64_t name_key(const char *s, size_t n, const char *code) {
    char buf[256];
    size_t k = tk_fold_word(s, n, buf, sizeof buf);
    return tk_hash_bytes(buf, k) ^ ((uint64_t)(unsigned char)code[0] << 16 |
                                    (uint64_t)(unsigned char)code[1] << 8 | (unsigned char)code[2]);
}

/* Adds one spelling of the place (never inflected: "{}"); reports a
 * spelling the file already gave the same country. */
static bool add_name(tk_dict *d, tk_map64 *seen, uint32_t e, const char *s, size_t n, const char *code,
                     const char *file, unsigned line) {
    uint64_t key = name_key(s, n, code);
    uint32_t prev = tk_map64_get(seen, key);
    if (prev != TK_NONE && prev != line)
        return tk_dict_malformed(d, file, line, "place \"%.*s\" (%s) is already on line %u", (int)n, s, code,
                                 prev);
    if (!tk_map64_put(seen, key, line)) return false;
    if (*s >= 'a' && *s <= 'z') d->entries[e].flags |= TK_EF_ANYCASE;
    return tk_dict_add_phrase(d, e, s, n, "", false);
}

bool tk_read_places(tk_dict *d, const char *name, uint32_t file, const char *text, size_t len) {
    tk_lines_in in = {text, text + len, 0, false};
    const char *s;
    size_t n;
    bool lead, ok = true;
    tk_map64 seen; /* (name, country) -> line, for duplicates */
    tk_map64_init(&seen);
    while (ok && tk_next_line(&in, &s, &n, &lead)) {
        const char *f[4];
        size_t fn[4];
        int nf = 0;
        while (nf < 4 && n) { field(&s, &n, '|', &f[nf], &fn[nf]); nf++; }
        if (nf < 4 || n) {
            ok = tk_dict_malformed(d, name, in.lineno,
                                   "a place line has 4 fields: name | other names | country | kind");
            continue;
        }
        if (!fn[0] || !has_word(f[0], fn[0])) {
            ok = tk_dict_malformed(d, name, in.lineno, "no place name");
            continue;
        }
        bool code_ok = fn[2] == 3;
        for (size_t i = 0; i < fn[2] && code_ok; i++) code_ok = f[2][i] >= 'A' && f[2][i] <= 'Z';
        if (!code_ok) {
            ok = tk_dict_malformed(d, name, in.lineno, "country \"%.*s\" is not a three-letter code such as AFG",
                                   (int)fn[2], f[2]);
            continue;
        }
        int kind = tk_place_kind_find(f[3], fn[3]);
        if (!kind) {
            ok = tk_dict_malformed(d, name, in.lineno,
                                   "unknown place kind \"%.*s\" (country, capital, city, town, village, region, "
                                   "province, district, corridor, valley, river, lake, sea, canal, crossing, "
                                   "border, camp, mountain, desert, island, base, airport, port, site)",
                                   (int)fn[3], f[3]);
            continue;
        }
        char code[4] = {f[2][0], f[2][1], f[2][2], 0};
        uint32_t e = tk_dict_new_entry(d, TK_ENTRY_PLACE, f[0], fn[0], file, in.lineno);
        if (e == TK_NONE || !tk_dict_add_rule(d, e, code, 3, 0, 0, false)) { ok = false; break; }
        d->entries[e].place = (uint8_t)kind;
        ok = add_name(d, &seen, e, f[0], fn[0], code, name, in.lineno);
        /* the other names */
        const char *a = f[1];
        size_t an = fn[1];
        while (ok && an) {
            const char *w;
            size_t wn;
            field(&a, &an, ',', &w, &wn);
            if (!wn || !has_word(w, wn)) ok = tk_dict_malformed(d, name, in.lineno, "empty other name");
            else ok = add_name(d, &seen, e, w, wn, code, name, in.lineno);
        }
    }
    tk_map64_free(&seen);
    return ok;
}
