/* abbrev.c — the closed word lists the segmenter needs: abbreviations that
 * take a full stop (titles, months, others), words that typically open a
 * sentence, and news agencies seen in datelines. Lists are sorted for
 * binary search; keep them sorted (a unit test checks). */
#include <string.h>

#include "segment.h"

typedef struct { const char *w; int kind; } abbr;

/* Sorted by strcmp. Case matters: titles are capitalised. */
static const abbr abbrevs[] = {
    {"Adm", TK_ABBR_TITLE},   {"Ala", TK_ABBR_OTHER},    {"Amb", TK_ABBR_TITLE},
    {"Apr", TK_ABBR_MONTH},   {"Ariz", TK_ABBR_OTHER},   {"Ark", TK_ABBR_OTHER},
    {"Assn", TK_ABBR_OTHER},  {"Atty", TK_ABBR_TITLE},   {"Aug", TK_ABBR_MONTH},
    {"Ave", TK_ABBR_OTHER},   {"Blvd", TK_ABBR_OTHER},   {"Brig", TK_ABBR_TITLE},
    {"Bros", TK_ABBR_OTHER},  {"Calif", TK_ABBR_OTHER},  {"Capt", TK_ABBR_TITLE},
    {"Cdr", TK_ABBR_TITLE},   {"Cmdr", TK_ABBR_TITLE},   {"Co", TK_ABBR_OTHER},
    {"Col", TK_ABBR_TITLE},   {"Colo", TK_ABBR_OTHER},   {"Conn", TK_ABBR_OTHER},
    {"Corp", TK_ABBR_OTHER},  {"Cpl", TK_ABBR_TITLE},    {"Dec", TK_ABBR_MONTH},
    {"Del", TK_ABBR_OTHER},   {"Dept", TK_ABBR_OTHER},   {"Det", TK_ABBR_TITLE},
    {"Dr", TK_ABBR_TITLE},    {"Feb", TK_ABBR_MONTH},    {"Fig", TK_ABBR_OTHER},
    {"Fla", TK_ABBR_OTHER},   {"Fr", TK_ABBR_TITLE},     {"Ft", TK_ABBR_OTHER},
    {"Ga", TK_ABBR_OTHER},    {"Gen", TK_ABBR_TITLE},    {"Gens", TK_ABBR_TITLE},
    {"Gov", TK_ABBR_TITLE},   {"Hon", TK_ABBR_TITLE},    {"Ill", TK_ABBR_OTHER},
    {"Inc", TK_ABBR_OTHER},   {"Ind", TK_ABBR_OTHER},    {"Insp", TK_ABBR_TITLE},
    {"Jan", TK_ABBR_MONTH},   {"Jr", TK_ABBR_OTHER},     {"Jul", TK_ABBR_MONTH},
    {"Jun", TK_ABBR_MONTH},   {"Kan", TK_ABBR_OTHER},    {"Ky", TK_ABBR_OTHER},
    {"La", TK_ABBR_OTHER},    {"Lt", TK_ABBR_TITLE},     {"Ltd", TK_ABBR_OTHER},
    {"Maj", TK_ABBR_TITLE},   {"Mar", TK_ABBR_MONTH},    {"Mass", TK_ABBR_OTHER},
    {"Md", TK_ABBR_OTHER},    {"Messrs", TK_ABBR_TITLE}, {"Mich", TK_ABBR_OTHER},
    {"Minn", TK_ABBR_OTHER},  {"Miss", TK_ABBR_OTHER},   {"Mme", TK_ABBR_TITLE},
    {"Mo", TK_ABBR_OTHER},    {"Mont", TK_ABBR_OTHER},   {"Mr", TK_ABBR_TITLE},
    {"Mrs", TK_ABBR_TITLE},   {"Ms", TK_ABBR_TITLE},     {"Msgr", TK_ABBR_TITLE},
    {"Mt", TK_ABBR_OTHER},    {"Mx", TK_ABBR_TITLE},     {"Neb", TK_ABBR_OTHER},
    {"Nev", TK_ABBR_OTHER},   {"No", TK_ABBR_OTHER},     {"Nos", TK_ABBR_OTHER},
    {"Nov", TK_ABBR_MONTH},   {"Oct", TK_ABBR_MONTH},    {"Okla", TK_ABBR_OTHER},
    {"Ore", TK_ABBR_OTHER},   {"Pa", TK_ABBR_OTHER},     {"Ph", TK_ABBR_OTHER},
    {"Pres", TK_ABBR_TITLE},  {"Prof", TK_ABBR_TITLE},   {"Pvt", TK_ABBR_TITLE},
    {"Rep", TK_ABBR_TITLE},   {"Reps", TK_ABBR_TITLE},   {"Rev", TK_ABBR_TITLE},
    {"Rt", TK_ABBR_TITLE},    {"Sen", TK_ABBR_TITLE},    {"Sens", TK_ABBR_TITLE},
    {"Sep", TK_ABBR_MONTH},   {"Sept", TK_ABBR_MONTH},   {"Sgt", TK_ABBR_TITLE},
    {"Sr", TK_ABBR_OTHER},    {"St", TK_ABBR_TITLE},     {"Supt", TK_ABBR_TITLE},
    {"Tenn", TK_ABBR_OTHER},  {"Tex", TK_ABBR_OTHER},    {"Va", TK_ABBR_OTHER},
    {"Vt", TK_ABBR_OTHER},    {"Wash", TK_ABBR_OTHER},   {"Wis", TK_ABBR_OTHER},
    {"Wyo", TK_ABBR_OTHER},   {"al", TK_ABBR_OTHER},     {"approx", TK_ABBR_OTHER},
    {"ca", TK_ABBR_OTHER},    {"cf", TK_ABBR_OTHER},     {"etc", TK_ABBR_OTHER},
    {"ft", TK_ABBR_OTHER},    {"km", TK_ABBR_OTHER},     {"no", TK_ABBR_OTHER},
    {"vs", TK_ABBR_OTHER},
};

/* Sorted by strcmp. */
static const char *const starters[] = {
    "A", "According", "After", "Afterwards", "Again", "Also", "Although", "An", "And",
    "Another", "Any", "As", "At", "Because", "Before", "Both", "But", "By", "Despite", "During",
    "Each", "Earlier", "Even", "Every", "Five", "For", "Four", "From", "Further", "He", "Her",
    "Here", "His", "How", "However", "I", "If", "In", "Instead", "It", "Its", "Last", "Later",
    "Many", "Meanwhile", "More", "Moreover", "Most", "My", "Nevertheless", "No", "None", "Nor",
    "Not", "Now", "On", "One", "Only", "Or", "Other", "Our", "Over", "Several", "She", "Since",
    "So", "Some", "Still", "Such", "That", "The", "Their", "Then", "There", "These", "They",
    "This", "Those", "Though", "Three", "Thus", "To", "Today", "Two", "Under", "Until", "We",
    "What", "When", "Where", "Whether", "Which", "While", "Who", "Why", "With", "Without",
    "Yesterday", "Yet", "You",
};

static const char *const agencies[] = {
    "AA", "AFP", "AFX", "ANI", "ANSA", "AP", "APS", "BBC", "Bernama", "CNN", "CP", "DPA", "EFE",
    "IANS", "IRNA", "ISNA", "KUNA", "Kyodo", "MENA", "PTI", "REUTERS", "RIA", "Reuters", "SANA",
    "SPA", "Sputnik", "TASS", "UNI", "UPI", "WAM", "Xinhua", "Yonhap", "dpa",
};

/* strcmp order between the n bytes at w and the string z. */
static int cmp_word(const char *w, size_t n, const char *z) {
    for (size_t i = 0; i < n; i++) {
        unsigned char a = (unsigned char)w[i], b = (unsigned char)z[i];
        if (a != b) return a < b ? -1 : 1; /* also when z ends (b == 0) */
    }
    return z[n] ? -1 : 0;
}

int tk_abbrev_kind(const char *w, size_t n) {
    size_t lo = 0, hi = sizeof abbrevs / sizeof *abbrevs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_word(w, n, abbrevs[mid].w);
        if (!c) return abbrevs[mid].kind;
        if (c < 0) hi = mid; else lo = mid + 1;
    }
    return TK_ABBR_NONE;
}

static bool in_sorted(const char *const *list, size_t count, const char *w, size_t n) {
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_word(w, n, list[mid]);
        if (!c) return true;
        if (c < 0) hi = mid; else lo = mid + 1;
    }
    return false;
}

bool tk_is_sentence_starter(const char *w, size_t n) {
    return in_sorted(starters, sizeof starters / sizeof *starters, w, n);
}

bool tk_is_news_agency(const char *w, size_t n) {
    return in_sorted(agencies, sizeof agencies / sizeof *agencies, w, n);
}

/* For the unit test: are the lists sorted? */
bool tk_abbrev_lists_sorted(void) {
    for (size_t i = 1; i < sizeof abbrevs / sizeof *abbrevs; i++)
        if (strcmp(abbrevs[i - 1].w, abbrevs[i].w) >= 0) return false;
    for (size_t i = 1; i < sizeof starters / sizeof *starters; i++)
        if (strcmp(starters[i - 1], starters[i]) >= 0) return false;
    for (size_t i = 1; i < sizeof agencies / sizeof *agencies; i++)
        if (strcmp(agencies[i - 1], agencies[i]) >= 0) return false;
    return true;
}
