/* record.c — loads one story from a JSON Lines record (cJSON) or from a
 * plain-text file: required and optional fields, extra fields kept as
 * "meta", NUL bytes and \u0000 escapes turned into U+FFFD, dates checked. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "read.h"
#include "../util/utf8.h"

static const char *json_type_name(const cJSON *v) {
    if (cJSON_IsString(v)) return "a string";
    if (cJSON_IsNumber(v)) return "a number";
    if (cJSON_IsBool(v)) return "a boolean";
    if (cJSON_IsNull(v)) return "null";
    if (cJSON_IsArray(v)) return "an array";
    if (cJSON_IsObject(v)) return "an object";
    return "invalid";
}

tk_status tk_read_set_text(tk_story *s, const char *text, size_t len) {
    size_t bad = tk_utf8_first_problem(text, len);
    if (bad == len) {
        s->text = text;
        s->text_len = len;
        return TK_OK;
    }
    size_t out_len, n_invalid, n_nul;
    char *fixed = tk_utf8_repair(&s->arena, text, len, &out_len, &n_invalid, &n_nul);
    if (!fixed) return tk_story_fail(s, TK_ENOMEM, "out of memory repairing text");
    if (n_invalid &&
        !tk_story_warn(s, "invalid UTF-8: %zu byte%s replaced with U+FFFD (first at byte %zu)",
                       n_invalid, n_invalid == 1 ? "" : "s", bad))
        return TK_ENOMEM;
    if (n_nul && !tk_story_warn(s, "NUL byte%s in text replaced with U+FFFD (%zu)",
                                n_nul == 1 ? "" : "s", n_nul))
        return TK_ENOMEM;
    s->text = fixed;
    s->text_len = out_len;
    return TK_OK;
}

static bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool tk_read_date_valid(const char *z, size_t n) {
    if (n < 10) return false;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) { if (z[i] != '-') return false; }
        else if (z[i] < '0' || z[i] > '9') return false;
    }
    if (n > 10 && z[10] != 'T' && z[10] != ' ') return false;
    int y = (z[0] - '0') * 1000 + (z[1] - '0') * 100 + (z[2] - '0') * 10 + (z[3] - '0');
    int m = (z[5] - '0') * 10 + (z[6] - '0');
    int d = (z[8] - '0') * 10 + (z[9] - '0');
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1800 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
    int maxd = mdays[m - 1] + (m == 2 && is_leap(y));
    return d <= maxd;
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') return (c | 0x20) - 'a' + 10;
    return -1;
}

/* The code unit of a "\uXXXX" escape at p (n bytes left), or -1. */
static long escape_at(const char *p, size_t n) {
    if (n < 6 || p[0] != '\\' || p[1] != 'u') return -1;
    long v = 0;
    for (int i = 2; i < 6; i++) {
        int h = hexval(p[i]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

/* Is the escape at p one cJSON cannot take: \u0000 (it would cut the
 * string) or a surrogate without its pair (it rejects the record)? */
static bool bad_escape(const char *p, size_t n, size_t *width) {
    long v = escape_at(p, n);
    *width = 6;
    if (v == 0) return true;
    if (v >= 0xD800 && v <= 0xDBFF) {
        long w = escape_at(p + 6, n - 6);
        if (w >= 0xDC00 && w <= 0xDFFF) { *width = 12; return false; }
        return true;
    }
    return v >= 0xDC00 && v <= 0xDFFF;
}

/* A copy of the line with raw NUL bytes, \u0000 escapes and unpaired
 * surrogate escapes written as \uFFFD, so that cJSON's NUL-terminated
 * strings never cut a story short and a broken escape does not lose the
 * record. Returns NULL when nothing needed fixing (and *fixed = 0), or the
 * copy. */
static const char *defuse_nuls(tk_story *s, const char *line, size_t len, size_t *out_len,
                               size_t *fixed, bool *oom) {
    *fixed = 0;
    *oom = false;
    bool raw = memchr(line, 0, len) != NULL;
    bool esc = false;
    for (const char *p = line; !esc && (p = memchr(p, '\\', (size_t)(line + len - p))); p++) {
        size_t w;
        if (p + 1 < line + len && p[1] == 'u' && bad_escape(p, (size_t)(line + len - p), &w)) esc = true;
        else if (p + 1 < line + len) p++; /* skip the escaped character */
    }
    if (!raw && !esc) return NULL;
    if (len > (SIZE_MAX - 1) / 6) { *oom = true; return NULL; }
    char *out = tk_arena_alloc(&s->arena, len * 6 + 1);
    if (!out) { *oom = true; return NULL; }
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        char c = line[i];
        if (c == 0) {
            memcpy(out + o, "\\uFFFD", 6);
            o += 6;
            (*fixed)++;
        } else if (c == '\\' && i + 1 < len) {
            size_t w = 0;
            if (line[i + 1] == 'u' && bad_escape(line + i, len - i, &w)) {
                memcpy(out + o, "\\uFFFD", 6);
                o += 6;
                i += 5;
                (*fixed)++;
            } else if (line[i + 1] == 'u' && w == 12) { /* a surrogate pair */
                memcpy(out + o, line + i, 12);
                o += 12;
                i += 11;
            } else { /* keep the escape pair together */
                out[o++] = c;
                out[o++] = line[++i];
            }
        } else {
            out[o++] = c;
        }
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}

static const char *dup_string(tk_story *s, const cJSON *v) {
    return tk_arena_strndup(&s->arena, v->valuestring, strlen(v->valuestring));
}

/* Optional string field: a string is kept, null or absent gives NULL,
 * anything else a warning. Returns false when out of memory. */
static bool opt_string(tk_story *s, const cJSON *root, const char *key, const char **out) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, key);
    *out = NULL;
    if (!v || cJSON_IsNull(v)) return true;
    if (cJSON_IsString(v)) {
        *out = dup_string(s, v);
        return *out != NULL;
    }
    if (cJSON_IsNumber(v) && strcmp(key, "id") == 0) {
        char num[64];
        double d = v->valuedouble;
        if (d == (double)(long long)d && d > -9007199254740992.0 && d < 9007199254740992.0)
            snprintf(num, sizeof num, "%lld", (long long)d);
        else
            snprintf(num, sizeof num, "%.17g", d);
        *out = tk_arena_strndup(&s->arena, num, strlen(num));
        return *out != NULL;
    }
    return tk_story_warn(s, "field \"%s\" is %s, not a string; ignored", key, json_type_name(v));
}

static bool is_known_field(const char *k) {
    static const char *const known[] = {"id", "date", "source", "url", "title", "text", "meta"};
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (strcmp(k, known[i]) == 0) return true;
    return false;
}

/* Serialises the extra fields (and the members of an input "meta" object)
 * into one JSON object; s->meta_json stays NULL when there are none. */
static tk_status collect_meta(tk_story *s, cJSON *root) {
    cJSON *meta = cJSON_CreateObject();
    if (!meta) return tk_story_fail(s, TK_ENOMEM, "out of memory");
    int count = 0;
    cJSON *in_meta = cJSON_GetObjectItemCaseSensitive(root, "meta");
    if (in_meta && cJSON_IsObject(in_meta)) {
        for (cJSON *c = in_meta->child; c; c = c->next) {
            cJSON *dup = cJSON_Duplicate(c, 1);
            if (!dup) { cJSON_Delete(meta); return tk_story_fail(s, TK_ENOMEM, "out of memory"); }
            cJSON_AddItemToObject(meta, c->string, dup);
            count++;
        }
    } else if (in_meta && !cJSON_IsNull(in_meta)) {
        cJSON *dup = cJSON_Duplicate(in_meta, 1);
        if (!dup) { cJSON_Delete(meta); return tk_story_fail(s, TK_ENOMEM, "out of memory"); }
        cJSON_AddItemToObject(meta, "meta", dup);
        count++;
    }
    for (cJSON *c = root->child; c; c = c->next) {
        if (!c->string || is_known_field(c->string)) continue;
        cJSON *dup = cJSON_Duplicate(c, 1);
        if (!dup) { cJSON_Delete(meta); return tk_story_fail(s, TK_ENOMEM, "out of memory"); }
        /* a top-level field wins over the same key inside "meta" */
        if (cJSON_GetObjectItemCaseSensitive(meta, c->string))
            cJSON_ReplaceItemInObjectCaseSensitive(meta, c->string, dup);
        else
            cJSON_AddItemToObject(meta, c->string, dup);
        count++;
    }
    if (count) {
        char *z = cJSON_PrintUnformatted(meta);
        if (!z) { cJSON_Delete(meta); return tk_story_fail(s, TK_ENOMEM, "out of memory"); }
        s->meta_json = tk_arena_strndup(&s->arena, z, strlen(z));
        cJSON_free(z);
        if (!s->meta_json) { cJSON_Delete(meta); return tk_story_fail(s, TK_ENOMEM, "out of memory"); }
    }
    cJSON_Delete(meta);
    return TK_OK;
}

static tk_status check_date(tk_story *s) {
    if (!s->date) return TK_OK;
    size_t n = strlen(s->date);
    if (tk_read_date_valid(s->date, n)) {
        if (n > 10) s->date = tk_arena_strndup(&s->arena, s->date, 10);
        return s->date ? TK_OK : tk_story_fail(s, TK_ENOMEM, "out of memory");
    }
    bool ok = tk_story_warn(s, "date \"%.40s\" is not a real YYYY-MM-DD date; date set to null", s->date);
    s->date = NULL;
    return ok ? TK_OK : TK_ENOMEM;
}

tk_status tk_read_jsonl(tk_story *s, const char *line, size_t len, const char *fallback_id) {
    size_t limit = s->engine->opts.max_story_bytes;
    if (len > limit)
        return tk_story_fail(s, TK_ETOOBIG, "record of %zu bytes exceeds the limit of %zu bytes", len, limit);
    size_t fixed_len = 0, n_fixed = 0;
    bool oom;
    const char *fixed = defuse_nuls(s, line, len, &fixed_len, &n_fixed, &oom);
    if (oom) return tk_story_fail(s, TK_ENOMEM, "out of memory");
    if (fixed) { line = fixed; len = fixed_len; }

    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(line, len, &end, 0);
    if (!root) {
        size_t col = end && end >= line && end <= line + len ? (size_t)(end - line) + 1 : 1;
        return tk_story_fail(s, TK_EINPUT, "invalid JSON at column %zu", col);
    }
    s->json_doc = root;
    /* trailing bytes after the object are an error too */
    while (end && end < line + len && (*end == ' ' || *end == '\t' || *end == '\r' || *end == '\n')) end++;
    if (end && end < line + len)
        return tk_story_fail(s, TK_EINPUT, "invalid JSON at column %zu: text after the record",
                             (size_t)(end - line) + 1);
    if (!cJSON_IsObject(root))
        return tk_story_fail(s, TK_EINPUT, "record is %s, not a JSON object", json_type_name(root));
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(root, "text");
    if (!text) return tk_story_fail(s, TK_EINPUT, "record has no \"text\" field");
    if (!cJSON_IsString(text))
        return tk_story_fail(s, TK_EINPUT, "\"text\" is %s, not a string", json_type_name(text));

    if (!opt_string(s, root, "id", &s->id) || !opt_string(s, root, "date", &s->date) ||
        !opt_string(s, root, "source", &s->source) || !opt_string(s, root, "url", &s->url) ||
        !opt_string(s, root, "title", &s->title))
        return tk_story_fail(s, TK_ENOMEM, "out of memory");
    if (!s->id && fallback_id) {
        s->id = tk_arena_strndup(&s->arena, fallback_id, strlen(fallback_id));
        if (!s->id) return tk_story_fail(s, TK_ENOMEM, "out of memory");
    }
    if (s->title) s->title_len = strlen(s->title);
    tk_status st = check_date(s);
    if (st != TK_OK) return st;
    if ((st = collect_meta(s, root)) != TK_OK) return st;
    if (n_fixed && !tk_story_warn(s, "NUL character%s or broken \\u escape%s in the record replaced with U+FFFD (%zu)",
                                  n_fixed == 1 ? "" : "s", n_fixed == 1 ? "" : "s", n_fixed))
        return TK_ENOMEM;
    return tk_read_set_text(s, text->valuestring, strlen(text->valuestring));
}

tk_status tk_read_txt(tk_story *s, const char *text, size_t len, const char *id) {
    size_t limit = s->engine->opts.max_story_bytes;
    if (len > limit)
        return tk_story_fail(s, TK_ETOOBIG, "story of %zu bytes exceeds the limit of %zu bytes", len, limit);
    if (id && !(s->id = tk_arena_strndup(&s->arena, id, strlen(id))))
        return tk_story_fail(s, TK_ENOMEM, "out of memory");
    tk_status st = tk_read_set_text(s, text, len);
    if (st != TK_OK) return st;
    /* the first line is the title when a blank line follows it */
    const char *t = s->text, *nl = memchr(t, '\n', s->text_len);
    if (nl) {
        const char *p = nl + 1, *e = t + s->text_len;
        while (p < e && (*p == ' ' || *p == '\t' || *p == '\r')) p++;
        if (p < e && *p == '\n') {
            size_t n = (size_t)(nl - t);
            while (n && (t[n - 1] == '\r' || t[n - 1] == ' ' || t[n - 1] == '\t')) n--;
            size_t b = 0;
            while (b < n && (t[b] == ' ' || t[b] == '\t')) b++;
            if (n > b) {
                if (!(s->title = tk_arena_strndup(&s->arena, t + b, n - b)))
                    return tk_story_fail(s, TK_ENOMEM, "out of memory");
                s->title_len = n - b;
            }
        }
    }
    return TK_OK;
}
