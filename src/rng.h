/* rng.h - counter-based random numbers.
 *
 * A uniform is a pure function of (key, iteration, draw), where a variable's
 * key is a hash of the seed and the id of the task or risk it belongs to. The
 * numbers therefore do not depend on the thread count, on the order of tasks
 * in the file, or on which other tasks exist: two versions of a plan share the
 * random numbers of every task and risk they have in common.
 *
 * The mixing function is SplitMix64's finaliser (Steele, Lea and Flood 2014),
 * applied twice: once to the (iteration, draw) counter and once to its sum
 * with the key.
 */
#ifndef RC_RNG_H
#define RC_RNG_H

#include <stdint.h>

static inline uint64_t rc_mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* FNV-1a of a NUL-terminated string. */
static inline uint64_t rc_hash_str(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* The key of the variable family named ID under SEED. */
static inline uint64_t rc_rng_key(uint64_t seed, const char *id)
{
    return rc_mix64(rc_hash_str(id) ^ rc_mix64(seed + 0x9e3779b97f4a7c15ULL));
}

/* The part of a uniform that depends on the iteration and the draw only
 * (the same for every variable: loops over variables compute it once). */
static inline uint64_t rc_uniform_ctr(uint64_t iter, uint64_t draw)
{
    return rc_mix64(iter * 0x9e3779b97f4a7c15ULL + draw * 0xd1b54a32d192ed03ULL + 1);
}

/* The uniform of KEY at counter CTR (from rc_uniform_ctr). */
static inline double rc_uniform_at(uint64_t key, uint64_t ctr)
{
    uint64_t z = rc_mix64(key + ctr);
    return ((double)(z >> 11) + 0.5) * 0x1p-53;
}

/* A uniform in (0, 1), never 0 or 1: 53 random bits, centred in their cell. */
static inline double rc_uniform(uint64_t key, uint64_t iter, uint64_t draw)
{
    return rc_uniform_at(key, rc_uniform_ctr(iter, draw));
}

#endif
