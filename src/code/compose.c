/* compose.c — CAMEO codes of a framed act: "threatened to impose
 * sanctions" is a threat of sanctions (1312), "will provide aid" an
 * intent to give aid (033), "demanded the release of" a demand to yield
 * (1053), "refused to meet" a rejected meeting (125). The frame (appeal
 * 02, intent 03, demand 10, reject 12, threaten 13) and the act's own
 * code give the code; the table follows the CAMEO codebook's parallel
 * sub-codes of those roots. */
#include <string.h>

#include "code.h"

/* What kind of act a code is, as the framing roots divide acts. */
enum act {
    ACT_NONE,     /* statements, appeals, intents, investigations: no slot */
    ACT_MEET,     /* 04x but 045 */
    ACT_MEDIATE,  /* 045 */
    ACT_SETTLE,   /* 057 sign an agreement */
    ACT_DIPLO,    /* other 05x */
    ACT_MATERIAL, /* 06x: 1 economic, 2 military, 3 judicial, 4 intelligence */
    ACT_AID,      /* 07x: 1 economic, 2 military, 3 humanitarian, 4 protection */
    ACT_REFORM,   /* 083x: 1 leadership, 2 policy, 3 rights, 4 institutions */
    ACT_YIELD,    /* other 08x: 1 admin sanctions, 2 dissent, 3 release,
                     4 economic sanctions, 5 international involvement,
                     6 de-escalation */
    ACT_CONFLICT  /* roots 10-20 */
};

static enum act act_of(const char *c, int *sub) {
    size_t n = strlen(c);
    *sub = 0;
    if (n < 2 || c[0] < '0' || c[0] > '2') return ACT_NONE;
    int root = (c[0] - '0') * 10 + (c[1] - '0');
    int third = n >= 3 ? c[2] - '0' : 0, fourth = n >= 4 ? c[3] - '0' : 0;
    switch (root) {
    case 4: return third == 5 ? ACT_MEDIATE : ACT_MEET;
    case 5: return third == 7 ? ACT_SETTLE : ACT_DIPLO;
    case 6: *sub = third; return ACT_MATERIAL;
    case 7: *sub = third <= 4 ? third : 0; return ACT_AID;
    case 8:
        if (third == 3) { *sub = fourth; return ACT_REFORM; }
        /* 081 082 | 084 085 086 087 -> 1 2 | 3 4 5 6 */
        *sub = third == 1 || third == 2 ? third : third >= 4 && third <= 7 ? third - 1 : 0;
        return ACT_YIELD;
    default: return root >= 10 ? ACT_CONFLICT : ACT_NONE;
    }
}

/* A threat of the act c (root 13). */
static void threat(const char *c, char *out) {
    size_t n = strlen(c);
    int root = (c[0] - '0') * 10 + (c[1] - '0');
    char third = n >= 3 ? c[2] : '0', fourth = n >= 4 ? c[3] : '\0';
    const char *r = "130";
    switch (root) {
    case 14: r = "133"; break;                         /* protest */
    case 15: r = "138"; break;                         /* exhibit force */
    case 18: r = "1383"; break;                        /* unconventional violence */
    case 20: r = "1385"; break;                        /* mass violence */
    case 16:
        r = third == '1' ? "1313" : third == '2' ? "1311" : third == '3' ? "1312" : third == '4' ? "134"
          : third == '5' ? "135" : third == '6' ? "136" : "131";
        break;
    case 17:
        if (third == '2') {
            if (fourth >= '1' && fourth <= '4') { memcpy(out, "132", 3); out[3] = fourth; out[4] = '\0'; return; }
            r = "132";
        } else if (third >= '3' && third <= '6') {
            r = "137"; /* arrest, expel, repress */
        }
        break;
    case 19:
        r = third == '1' ? "1381" : third == '2' ? "1382" : third >= '3' && third <= '5' ? "1384" : "138";
        break;
    default: break;
    }
    strcpy(out, r);
}

bool tk_compose_code(int frame, const char *code, char *out, size_t cap) {
    if (cap < 8 || !code || strlen(code) < 2) return false;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (frame == 13) {
        if (root == 13) { strcpy(out, code); return true; }
        if (root >= 10) { threat(code, out); return true; }
        strcpy(out, "130");
        return true;
    }
    if (root == frame) { strcpy(out, code); return true; } /* "will express intent to": as coded */
    int sub;
    enum act a = act_of(code, &sub);
    if (frame == 3 && a == ACT_CONFLICT) { threat(code, out); return true; } /* "vowed to attack" */
    /* the sub-code digit of each kind of act under each frame */
    static const struct { int frame; char none[4], meet[4], mediate[4], settle[4], diplo[4], material[4], aid[4],
                          reform[4], yield[4]; int max_material; } t[] = {
        {2, "020", "026", "028", "027", "022", "021", "023", "024", "025", 4},
        {3, "030", "036", "039", "037", "032", "031", "033", "034", "035", 4},
        {10, "100", "106", "108", "107", "102", "101", "103", "104", "105", 4},
        {12, "120", "125", "126", "127", "120", "121", "122", "123", "124", 3},
    };
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
        if (t[i].frame != frame) continue;
        const char *base = t[i].none;
        int maxsub = 0;
        switch (a) {
        case ACT_MEET: base = t[i].meet; break;
        case ACT_MEDIATE: base = t[i].mediate; break;
        case ACT_SETTLE: base = t[i].settle; break;
        case ACT_DIPLO: base = t[i].diplo; break;
        case ACT_MATERIAL: base = t[i].material; maxsub = t[i].max_material; break;
        case ACT_AID: base = t[i].aid; maxsub = 4; break;
        case ACT_REFORM: base = t[i].reform; maxsub = 4; break;
        case ACT_YIELD: base = t[i].yield; maxsub = 6; break;
        default: break;
        }
        strcpy(out, base);
        if (sub >= 1 && sub <= maxsub) { out[3] = (char)('0' + sub); out[4] = '\0'; }
        return true;
    }
    return false;
}
