/* pipeline.c — ordered parallel coding of records (see pipeline.h).
 *
 * Batches live in a ring. Batch number `seq` uses ring[seq % nbatch]. The
 * main thread fills batch fill_seq, submits it (submitted = fill_seq + 1,
 * under the mutex), and emits batches emit_seq, emit_seq + 1, ... once
 * each is done. Workers walk the batches in order: in each, they claim
 * slots with an atomic counter and the one that finishes the last slot
 * marks the batch done. The mutex is taken once per batch, never per
 * record. A ring entry is refilled only after its batch was emitted and
 * every worker has moved past it (worker.seq), so a late worker never
 * claims a slot of the next batch by mistake. */
#include "pipeline.h"

#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BATCH_RECORDS 256
#define BATCH_BYTES (1u << 20)          /* a batch is submitted once it holds this much input */
#define INFLIGHT_BYTES (64u << 20)      /* input held by batches in flight, beyond one batch */
#define KEEP_BYTES (8u << 20)           /* buffers larger than this are freed after use */

typedef struct batch {
    tk_slot *slots;
    size_t n, cap;
    tk_buf in;           /* the slots' input bytes */
    tk_buf *out;         /* one per worker (one in all with 0 workers) */
    atomic_size_t next;  /* next slot to claim */
    atomic_size_t left;  /* slots not yet worked */
    bool done;           /* under mu */
} batch;

typedef struct worker {
    pthread_t thread;
    tk_pipeline *p;
    tk_story *story;
    unsigned id;
    uint64_t seq;        /* under mu: the first batch it may still look at */
} worker;

struct tk_pipeline {
    unsigned nworkers, nbatch;
    tk_work_fn work;
    tk_emit_fn emit;
    void *work_ctx, *emit_ctx;
    batch *ring;
    worker *workers;
    tk_story *story;        /* 0 workers: the main thread's */
    tk_buf scratch;         /* 0 workers: its output */
    uint64_t fill_seq;      /* main: the batch being filled */
    uint64_t emit_seq;      /* main: the next batch to emit */
    size_t inflight_bytes;  /* main: input bytes in submitted, unemitted batches */
    pthread_mutex_t mu;
    pthread_cond_t work_cv; /* a batch was submitted, or quit */
    pthread_cond_t done_cv; /* a batch is done, or a worker moved on */
    uint64_t submitted;     /* under mu: batches [0, submitted) may be worked */
    bool quit;              /* under mu */
    unsigned started;       /* threads started */
};

static void work_slot(tk_pipeline *p, batch *b, size_t i, unsigned w, tk_story *story) {
    tk_slot *s = &b->slots[i];
    s->worker = w;
    p->work(p->work_ctx, story, s, b->in.data + s->in_off, &b->out[w]);
}

static void *worker_main(void *arg) {
    worker *w = arg;
    tk_pipeline *p = w->p;
    uint64_t seq = 0;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        w->seq = seq;
        pthread_cond_broadcast(&p->done_cv);
        while (p->submitted <= seq && !p->quit) pthread_cond_wait(&p->work_cv, &p->mu);
        if (p->submitted <= seq) break;
        batch *b = &p->ring[seq % p->nbatch];
        pthread_mutex_unlock(&p->mu);
        size_t i;
        while ((i = atomic_fetch_add(&b->next, 1)) < b->n) {
            work_slot(p, b, i, w->id, w->story);
            if (atomic_fetch_sub(&b->left, 1) == 1) {
                pthread_mutex_lock(&p->mu);
                b->done = true;
                pthread_cond_broadcast(&p->done_cv);
                pthread_mutex_unlock(&p->mu);
            }
        }
        pthread_mutex_lock(&p->mu);
        seq++;
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

tk_pipeline *tk_pipeline_new(const tk_engine *engine, unsigned nworkers, tk_work_fn work,
                             void *work_ctx, tk_emit_fn emit, void *emit_ctx) {
    tk_pipeline *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->nworkers = nworkers;
    p->work = work;
    p->emit = emit;
    p->work_ctx = work_ctx;
    p->emit_ctx = emit_ctx;
    tk_buf_init(&p->scratch);
    if (nworkers == 0) {
        p->story = tk_story_new(engine);
        if (!p->story) { free(p); return NULL; }
        return p;
    }
    p->nbatch = 2 * nworkers + 2;
    p->ring = calloc(p->nbatch, sizeof *p->ring);
    p->workers = calloc(nworkers, sizeof *p->workers);
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work_cv, NULL);
    pthread_cond_init(&p->done_cv, NULL);
    if (!p->ring || !p->workers) goto fail;
    for (unsigned i = 0; i < p->nbatch; i++) {
        tk_buf_init(&p->ring[i].in);
        p->ring[i].out = calloc(nworkers, sizeof(tk_buf));
        if (!p->ring[i].out) goto fail;
    }
    for (unsigned i = 0; i < nworkers; i++) {
        worker *w = &p->workers[i];
        w->p = p;
        w->id = i;
        w->story = tk_story_new(engine);
        if (!w->story) goto fail;
    }
    for (unsigned i = 0; i < nworkers; i++) {
        if (pthread_create(&p->workers[i].thread, NULL, worker_main, &p->workers[i]) != 0) goto fail;
        p->started++;
    }
    return p;
fail:
    tk_pipeline_free(p);
    return NULL;
}

/* Emits the oldest batch in flight if it is done (or, with wait, once it
 * is); false when there is none or it is not done. */
static bool emit_oldest(tk_pipeline *p, bool wait) {
    if (p->emit_seq == p->fill_seq) return false;
    batch *b = &p->ring[p->emit_seq % p->nbatch];
    pthread_mutex_lock(&p->mu);
    while (!b->done) {
        if (!wait) {
            pthread_mutex_unlock(&p->mu);
            return false;
        }
        pthread_cond_wait(&p->done_cv, &p->mu);
    }
    pthread_mutex_unlock(&p->mu);
    for (size_t i = 0; i < b->n; i++) {
        const tk_slot *s = &b->slots[i];
        p->emit(p->emit_ctx, s, b->in.data + s->in_off, b->out[s->worker].data);
    }
    p->inflight_bytes -= b->in.len;
    p->emit_seq++;
    return true;
}

/* Makes ring[fill_seq] ready to fill: its last batch emitted, every worker
 * past it, its buffers emptied. */
static void ready_to_fill(tk_pipeline *p) {
    while (p->fill_seq - p->emit_seq >= p->nbatch ||
           (p->inflight_bytes > INFLIGHT_BYTES && p->emit_seq < p->fill_seq))
        emit_oldest(p, true);
    batch *b = &p->ring[p->fill_seq % p->nbatch];
    if (p->fill_seq >= p->nbatch) {
        uint64_t old = p->fill_seq - p->nbatch;
        pthread_mutex_lock(&p->mu);
        for (unsigned i = 0; i < p->nworkers; i++)
            while (p->workers[i].seq <= old) pthread_cond_wait(&p->done_cv, &p->mu);
        pthread_mutex_unlock(&p->mu);
    }
    b->n = 0;
    tk_buf_clear(&b->in);
    if (b->in.cap > KEEP_BYTES) tk_buf_free(&b->in);
    for (unsigned i = 0; i < p->nworkers; i++) {
        tk_buf_clear(&b->out[i]);
        if (b->out[i].cap > KEEP_BYTES) tk_buf_free(&b->out[i]);
    }
}

static void submit(tk_pipeline *p) {
    batch *b = &p->ring[p->fill_seq % p->nbatch];
    if (b->n == 0) return;
    atomic_store(&b->next, 0);
    atomic_store(&b->left, b->n);
    pthread_mutex_lock(&p->mu);
    b->done = false;
    p->submitted = p->fill_seq + 1;
    pthread_cond_broadcast(&p->work_cv);
    pthread_mutex_unlock(&p->mu);
    p->inflight_bytes += b->in.len;
    p->fill_seq++;
    while (emit_oldest(p, false)) {}
    ready_to_fill(p);
}

bool tk_pipeline_add(tk_pipeline *p, int kind, uint32_t file, const char *name,
                     unsigned long long line, const char *in, size_t len) {
    tk_slot s = {.kind = kind, .file = file, .name = name, .line = line, .in_len = len};
    if (p->nworkers == 0) {
        tk_buf_clear(&p->scratch);
        if (p->scratch.cap > KEEP_BYTES) tk_buf_free(&p->scratch);
        p->work(p->work_ctx, p->story, &s, in, &p->scratch);
        p->emit(p->emit_ctx, &s, in, p->scratch.data);
        return true;
    }
    batch *b = &p->ring[p->fill_seq % p->nbatch];
    if (b->n == b->cap) {
        size_t ncap = b->cap ? b->cap * 2 : BATCH_RECORDS;
        tk_slot *ns = realloc(b->slots, ncap * sizeof *ns);
        if (!ns) return false;
        b->slots = ns;
        b->cap = ncap;
    }
    s.in_off = b->in.len;
    tk_buf_put(&b->in, in, len);
    if (b->in.failed) {
        b->in.failed = false;
        b->in.len = s.in_off;
        return false;
    }
    b->slots[b->n++] = s;
    if (b->n >= BATCH_RECORDS || b->in.len >= BATCH_BYTES) submit(p);
    return true;
}

void tk_pipeline_drain(tk_pipeline *p, int fd) {
    if (p->nworkers == 0) return;
    submit(p);
    while (p->emit_seq < p->fill_seq) {
        if (emit_oldest(p, false)) continue;
        if (fd < 0) {
            emit_oldest(p, true);
            continue;
        }
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        if (poll(&pfd, 1, 0) != 0) return; /* input again: back to reading */
        /* wait a little for the oldest batch, then look at the input again */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += 20 * 1000 * 1000;
        if (ts.tv_nsec >= 1000000000L) { ts.tv_sec++; ts.tv_nsec -= 1000000000L; }
        batch *b = &p->ring[p->emit_seq % p->nbatch];
        pthread_mutex_lock(&p->mu);
        if (!b->done) pthread_cond_timedwait(&p->done_cv, &p->mu, &ts);
        pthread_mutex_unlock(&p->mu);
    }
}

void tk_pipeline_free(tk_pipeline *p) {
    if (!p) return;
    if (p->nworkers == 0) {
        tk_story_free(p->story);
        tk_buf_free(&p->scratch);
        free(p);
        return;
    }
    if (p->started == p->nworkers) tk_pipeline_drain(p, -1);
    pthread_mutex_lock(&p->mu);
    p->quit = true;
    pthread_cond_broadcast(&p->work_cv);
    pthread_mutex_unlock(&p->mu);
    for (unsigned i = 0; i < p->started; i++) pthread_join(p->workers[i].thread, NULL);
    if (p->workers)
        for (unsigned i = 0; i < p->nworkers; i++) tk_story_free(p->workers[i].story);
    if (p->ring)
        for (unsigned i = 0; i < p->nbatch; i++) {
            batch *b = &p->ring[i];
            free(b->slots);
            tk_buf_free(&b->in);
            if (b->out)
                for (unsigned j = 0; j < p->nworkers; j++) tk_buf_free(&b->out[j]);
            free(b->out);
        }
    free(p->ring);
    free(p->workers);
    pthread_cond_destroy(&p->work_cv);
    pthread_cond_destroy(&p->done_cv);
    pthread_mutex_destroy(&p->mu);
    tk_buf_free(&p->scratch);
    free(p);
}
