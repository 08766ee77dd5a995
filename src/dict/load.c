/* load.c — where dictionaries come from: the files embedded in the binary,
 * a directory (every dictionary file in it and its subdirectories, in
 * name order), or single files. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dict.h"
#include "embedded.h"
#include "load.h"

bool tk_dict_load_cameo(tk_cameo *t) {
    for (unsigned i = 0; i < tk_embedded_count; i++) {
        const tk_embedded_file *f = &tk_embedded_files[i];
        if (!strstr(f->path, "cameo/events.txt")) continue;
        size_t bad;
        return tk_cameo_load(t, f->text, f->len, &bad);
    }
    return true; /* built without the table: codes have no names */
}

bool tk_dict_load_builtin(tk_dict *d) {
    for (unsigned i = 0; i < tk_embedded_count; i++) {
        const tk_embedded_file *f = &tk_embedded_files[i];
        int kind = tk_dict_kind_for_name(f->path);
        if (!kind) continue; /* the README, the CAMEO table */
        if (!tk_dict_load_text(d, f->path, f->text, f->len, kind)) return false;
    }
    return true;
}

static bool load_file(tk_dict *d, const char *path, bool explicit_file) {
    int kind = tk_dict_kind_for_name(path);
    if (!kind) {
        if (explicit_file) {
            tk_dict_diag(d, path, 0, true, "cannot tell what kind of dictionary this is from its name "
                                           "(expected actors, agents, verbs, discards, issues or places in it)");
            return !d->strict;
        }
        return true; /* README and other files in a directory */
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        tk_dict_diag(d, path, 0, true, "cannot open: %s", strerror(errno));
        return true;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!buf) { fclose(f); return false; }
    size_t got = fread(buf, 1, (size_t)n, f);
    fclose(f);
    buf[got] = '\0';
    bool ok = tk_dict_load_text(d, path, buf, got, kind);
    free(buf);
    return ok;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool load_dir(tk_dict *d, const char *dir, int depth) {
    DIR *dp = opendir(dir);
    if (!dp) {
        tk_dict_diag(d, dir, 0, true, "cannot open directory: %s", strerror(errno));
        return true;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    bool ok = true;
    while ((de = readdir(dp))) {
        if (de->d_name[0] == '.') continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **p = realloc(names, cap * sizeof *p);
            if (!p) { ok = false; break; }
            names = p;
        }
        size_t k = strlen(dir) + strlen(de->d_name) + 2;
        names[n] = malloc(k);
        if (!names[n]) { ok = false; break; }
        snprintf(names[n++], k, "%s/%s", dir, de->d_name);
    }
    closedir(dp);
    if (ok) qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; ok && i < n; i++) {
        struct stat sb;
        if (stat(names[i], &sb) != 0) continue;
        if (S_ISDIR(sb.st_mode)) { if (depth < 4) ok = load_dir(d, names[i], depth + 1); }
        else ok = load_file(d, names[i], false);
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    return ok;
}

bool tk_dict_load_path(tk_dict *d, const char *path) {
    struct stat sb;
    if (stat(path, &sb) != 0) {
        tk_dict_diag(d, path, 0, true, "cannot open: %s", strerror(errno));
        return !d->strict;
    }
    if (S_ISDIR(sb.st_mode)) return load_dir(d, path, 0);
    return load_file(d, path, true);
}
