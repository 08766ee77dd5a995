/* acmatch.c — Aho-Corasick over bytes with ASCII case folding. The
 * transition table is complete (every state, every byte), 16-bit, so a scan
 * costs one table load per byte. Sized for phrase lists of up to 65,535
 * trie states. */
#include "acmatch.h"

#include <stdlib.h>
#include <string.h>

#define NONE UINT32_MAX
#define MAX_STATES 65535u

struct tk_ac {
    uint32_t nstates;
    uint16_t *next;     /* nstates * 256 transitions */
    uint32_t *phrase;   /* phrase ending at this state, or NONE */
    uint32_t *out;      /* nearest suffix state that ends a phrase, or NONE */
    uint8_t *reports;   /* 1 when reaching this state reports a match */
};

static unsigned char fold(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

tk_ac *tk_ac_new(const char *const *phrases, size_t n) {
    tk_ac *ac = calloc(1, sizeof *ac);
    if (!ac) return NULL;
    size_t total = 1;
    for (size_t i = 0; i < n; i++) total += strlen(phrases[i]);
    if (total > MAX_STATES) { free(ac); return NULL; }
    uint32_t *trie = malloc(total * 256 * sizeof *trie);
    ac->next = malloc(total * 256 * sizeof *ac->next);
    ac->phrase = malloc(total * sizeof *ac->phrase);
    ac->out = malloc(total * sizeof *ac->out);
    uint32_t *fail = malloc(total * sizeof *fail);
    uint32_t *queue = malloc(total * sizeof *queue);
    if (!trie || !ac->next || !ac->phrase || !ac->out || !fail || !queue) {
        free(trie);
        free(fail);
        free(queue);
        tk_ac_free(ac);
        return NULL;
    }
    memset(trie, 0xFF, total * 256 * sizeof *trie);
    ac->nstates = 1;
    ac->phrase[0] = NONE;
    for (size_t i = 0; i < n; i++) {
        uint32_t st = 0;
        for (const unsigned char *p = (const unsigned char *)phrases[i]; *p; p++) {
            uint32_t *slot = &trie[st * 256 + fold(*p)];
            if (*slot == NONE) {
                *slot = ac->nstates;
                ac->phrase[ac->nstates] = NONE;
                ac->nstates++;
            }
            st = *slot;
        }
        if (ac->phrase[st] == NONE) ac->phrase[st] = (uint32_t)i;
    }
    /* uppercase letters go where lowercase ones go */
    for (uint32_t st = 0; st < ac->nstates; st++)
        for (int c = 'A'; c <= 'Z'; c++) trie[st * 256 + c] = trie[st * 256 + c + 32];
    /* failure links breadth-first, completing the transitions */
    size_t head = 0, tail = 0;
    ac->out[0] = NONE;
    for (uint32_t c = 0; c < 256; c++) {
        uint32_t *slot = &trie[c];
        if (*slot == NONE) *slot = 0;
        else if (c < 'A' || c > 'Z') { fail[*slot] = 0; queue[tail++] = *slot; }
    }
    while (head < tail) {
        uint32_t st = queue[head++];
        uint32_t f = fail[st];
        ac->out[st] = ac->phrase[f] != NONE ? f : ac->out[f];
        for (uint32_t c = 0; c < 256; c++) {
            uint32_t *slot = &trie[st * 256 + c];
            uint32_t via_fail = trie[f * 256 + c];
            if (*slot == NONE) *slot = via_fail;
            else if (c < 'A' || c > 'Z') { fail[*slot] = via_fail; queue[tail++] = *slot; }
        }
    }
    for (size_t k = 0; k < (size_t)ac->nstates * 256; k++) ac->next[k] = (uint16_t)trie[k];
    ac->reports = malloc(ac->nstates);
    if (!ac->reports) {
        free(trie);
        free(fail);
        free(queue);
        tk_ac_free(ac);
        return NULL;
    }
    for (uint32_t st = 0; st < ac->nstates; st++)
        ac->reports[st] = ac->phrase[st] != NONE || ac->out[st] != NONE;
    free(trie);
    free(fail);
    free(queue);
    return ac;
}

void tk_ac_free(tk_ac *ac) {
    if (!ac) return;
    free(ac->next);
    free(ac->phrase);
    free(ac->out);
    free(ac->reports);
    free(ac);
}

bool tk_ac_scan(const tk_ac *ac, const char *p, size_t n, tk_ac_hit hit, void *ctx) {
    uint32_t st = 0;
    const unsigned char *s = (const unsigned char *)p;
    for (size_t i = 0; i < n; i++) {
        st = ac->next[st << 8 | s[i]];
        if (!ac->reports[st]) continue;
        for (uint32_t o = ac->phrase[st] != NONE ? st : ac->out[st]; o != NONE; o = ac->out[o])
            if (hit(ctx, ac->phrase[o], i + 1)) return true;
    }
    return false;
}
