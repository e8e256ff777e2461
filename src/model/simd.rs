//! The model's hottest per-path loops several values at a time in WebAssembly SIMD (the browser
//! build only: `+simd128`, .cargo/config.toml): the funding-stress lookups (two paths at a time)
//! and the percentile selection's three passes, its range (four values), its buckets and its
//! gathering (eight). Each function does the bulk of its slice and returns how far it got; the
//! caller finishes with its own scalar loop, the one native builds run for the whole slice: so
//! each formula is written once, in scalar form, and mirrored here lane by lane. The lanes run
//! the same IEEE operations in the same order as the scalar code (no fused multiply-add, no
//! reassociation), so the numbers are the same bits: tests/web.rs checks these loops against
//! the scalar ones value by value, and the golden projection to 1e-9.
//!
//! Why by hand: the stress loop reads a table at a data-dependent index, which LLVM's vectoriser
//! leaves scalar; the selection's loops over four or ten lanes are not unrolled in the browser
//! build (`-unroll-threshold=0`), which left their accumulators in memory; and V8 compiles two
//! things slowly, a float-to-integer conversion and an IEEE `min` (here an index is read from
//! the mantissa of `trunc(x) + 2^52` and capped with a pseudo-minimum). The kernel in Chromium
//! (the benchmark's sweep, all three inputs moving): 1.28 → 0.79 ms a projection against the
//! plain-JS twin's 2.7 (2.1× → 3.4×); the stress lookups 0.47 → 0.13 ms of it; the selection alone
//! 5.9 → 4.3 µs for 2,000 values.

use core::arch::wasm32::*;

/// Two doubles as one vector (one 16-byte load).
#[inline(always)]
fn load_f64x2(x: &[f64; 2]) -> v128 {
    // SAFETY: the reference covers the 16 bytes read; `v128_load` needs no alignment.
    unsafe { v128_load(x.as_ptr().cast()) }
}

/// One vector into two doubles (one 16-byte store).
#[inline(always)]
fn store_f64x2(v: v128, out: &mut [f64; 2]) {
    // SAFETY: the reference covers the 16 bytes written; `v128_store` needs no alignment.
    unsafe { v128_store(out.as_mut_ptr().cast(), v) }
}

/// One vector into eight u16 (one 16-byte store).
#[inline(always)]
fn store_u16x8(v: v128, out: &mut [u16; 8]) {
    // SAFETY: the reference covers the 16 bytes written; `v128_store` needs no alignment.
    unsafe { v128_store(out.as_mut_ptr().cast(), v) }
}

/// Eight u16 as one vector (one 16-byte load).
#[inline(always)]
fn load_u16x8(x: &[u16; 8]) -> v128 {
    // SAFETY: the reference covers the 16 bytes read; `v128_load` needs no alignment.
    unsafe { v128_load(x.as_ptr().cast()) }
}

/// The funding stress of every path on one day (the bulk of
/// [`Plumbing::stress_each`](super::funding::Plumbing::stress_each)), two paths at a time: `x =
/// base + noise`, read by linear interpolation in `table` (1 $bn apart from 0) at `max(x, 0) ·
/// per_unit`. A pair with a path at or beyond the table's end goes path by path through `one`,
/// the scalar loop's step (`one(x)`, x the felt shortfall). Returns the noise and output left
/// (at most one path).
pub fn stress<'a, 'b>(
    table: &[f64],
    per_unit: f64,
    base: f64,
    noise: &'a [f64],
    out: &'b mut [f64],
    one: impl Fn(f64) -> f64,
) -> (&'a [f64], &'b mut [f64]) {
    let n = out.len().min(noise.len()) & !1;
    let (noise, noise_rest) = noise.split_at(n);
    let (out, out_rest) = out.split_at_mut(n);
    let (base, zero, per_unit) = (f64x2_splat(base), f64x2_splat(0.0), f64x2_splat(per_unit));
    let (limit, round, mask) = (f64x2_splat(table.len() as f64), f64x2_splat((1u64 << 52) as f64), u64x2_splat((1 << 52) - 1));
    for (o, e) in out.as_chunks_mut::<2>().0.iter_mut().zip(noise.as_chunks::<2>().0) {
        let x = f64x2_add(base, load_f64x2(e));
        // `pmax(0, x)` is `if x > 0 { x } else { 0 }` (0 for NaN), as the scalar loop.
        let pos = f64x2_mul(f64x2_pmax(zero, x), per_unit);
        // The scalar loop's `i = pos as usize` and `i as f64`: `trunc(pos)` is that integer
        // exactly wherever the table is read (0 ≤ pos < its length).
        let whole = f64x2_trunc(pos);
        // The integer itself, without a float-to-integer conversion (two cost more than the rest
        // of the loop in V8): capped at the table's length, it is the low mantissa bits of
        // `whole + 2^52`. A capped index reads nothing (`entries` below gives `None`).
        let bits = v128_and(f64x2_add(f64x2_pmin(whole, limit), round), mask);
        let (i0, i1) = (u64x2_extract_lane::<0>(bits) as usize, u64x2_extract_lane::<1>(bits) as usize);
        // Each lane's two neighbouring entries in one load, then the lows and the highs paired.
        let entries = |i: usize| table.get(i..).and_then(<[f64]>::first_chunk::<2>);
        if let (Some(a), Some(b)) = (entries(i0), entries(i1)) {
            let (a, b) = (load_f64x2(a), load_f64x2(b));
            let (lo, hi) = (i64x2_shuffle::<0, 2>(a, b), i64x2_shuffle::<1, 3>(a, b));
            store_f64x2(f64x2_add(lo, f64x2_mul(f64x2_sub(hi, lo), f64x2_sub(pos, whole))), o);
        } else {
            o[0] = one(f64x2_extract_lane::<0>(x));
            o[1] = one(f64x2_extract_lane::<1>(x));
        }
    }
    (noise_rest, out_rest)
}

/// The selection's range pass, four values at a time: `lo[j]` and `hi[j]` the running minimum
/// and maximum of the values at positions j, j + 4, j + 8 … (`if x < m { x } else { m }` and its
/// mirror, as the scalar loop: a pseudo-minimum, not IEEE `min`), kept in registers. Returns how
/// many values were read (a multiple of four; the caller's scalar loop reads the rest).
// Each of the selection's passes is a function of its own (`inline(never)`, one call per band):
// inlined, the selection was one large function that took V8's optimising compiler 9–14 ms on a
// background thread while the page drew its first chart (3 ms apart, the passes no slower).
#[inline(never)]
pub fn range(v: &[f64], lo: &mut [f64; 4], hi: &mut [f64; 4]) -> usize {
    let (quads, _) = v.as_chunks::<2>().0.as_chunks::<2>();
    let (mut lo01, mut lo23) = (f64x2(lo[0], lo[1]), f64x2(lo[2], lo[3]));
    let (mut hi01, mut hi23) = (f64x2(hi[0], hi[1]), f64x2(hi[2], hi[3]));
    for [a, b] in quads {
        let (a, b) = (load_f64x2(a), load_f64x2(b));
        (lo01, lo23) = (f64x2_pmin(lo01, a), f64x2_pmin(lo23, b));
        (hi01, hi23) = (f64x2_pmax(hi01, a), f64x2_pmax(hi23, b));
    }
    *lo = [f64x2_extract_lane::<0>(lo01), f64x2_extract_lane::<1>(lo01), f64x2_extract_lane::<0>(lo23), f64x2_extract_lane::<1>(lo23)];
    *hi = [f64x2_extract_lane::<0>(hi01), f64x2_extract_lane::<1>(hi01), f64x2_extract_lane::<0>(hi23), f64x2_extract_lane::<1>(hi23)];
    quads.len() * 4
}

/// The selection's histogram buckets eight values at a time: `min(bits((x − lo) · scale + 2^52)
/// & 0x3ff, top)` for each value, as the scalar map. Returns how many values were done (a
/// multiple of eight; the caller's scalar loop does the rest).
#[inline(never)]
pub fn buckets(v: &[f64], (lo, scale, top): (f64, f64, u16), out: &mut [u16]) -> usize {
    let n = v.len().min(out.len()) & !7;
    let (lo, scale, round) = (f64x2_splat(lo), f64x2_splat(scale), f64x2_splat((1u64 << 52) as f64));
    let (mask, top) = (u64x2_splat(0x3ff), u16x8_splat(top));
    // Each lane's bucket sits in the lowest 16 bits of its 64 (16-bit lanes 0 and 4).
    let two = |x: &[f64; 2]| v128_and(f64x2_add(f64x2_mul(f64x2_sub(load_f64x2(x), lo), scale), round), mask);
    for (o, x) in out[..n].as_chunks_mut::<8>().0.iter_mut().zip(v[..n].as_chunks::<2>().0.chunks_exact(4)) {
        let (a, b, c, d) = (two(&x[0]), two(&x[1]), two(&x[2]), two(&x[3]));
        let (ab, cd) = (i16x8_shuffle::<0, 4, 8, 12, 0, 4, 8, 12>(a, b), i16x8_shuffle::<0, 4, 8, 12, 0, 4, 8, 12>(c, d));
        store_u16x8(u16x8_min(i64x2_shuffle::<0, 2>(ab, cd), top), o);
    }
    n
}

/// The selection's gathering pass over eight buckets at a time: `take(x, bucket)` is called, in
/// order, for each value whose bucket is in `wanted` (the buckets that hold a wanted rank, ten
/// with repeats); a group of eight without one is passed over whole. (The scalar loop calls
/// `take` for every value, which keeps those of the wanted buckets.) Returns how many values
/// were passed over (a multiple of eight; the caller's scalar loop takes the rest).
#[inline(never)]
pub fn gather(v: &[f64], bucket: &[u16], wanted: [u16; 10], mut take: impl FnMut(f64, u16)) -> usize {
    let n = v.len().min(bucket.len()) & !7;
    let wanted = wanted.map(|b| u16x8_splat(b));
    for (xs, bs) in v[..n].as_chunks::<8>().0.iter().zip(bucket[..n].as_chunks::<8>().0) {
        let group = load_u16x8(bs);
        // Written out, not folded: a loop is not unrolled in the browser build and kept the ten
        // in memory.
        let [w0, w1, w2, w3, w4, w5, w6, w7, w8, w9] = wanted;
        let eq = |w: v128| u16x8_eq(group, w);
        let low = v128_or(v128_or(v128_or(eq(w0), eq(w1)), v128_or(eq(w2), eq(w3))), eq(w4));
        let high = v128_or(v128_or(v128_or(eq(w5), eq(w6)), v128_or(eq(w7), eq(w8))), eq(w9));
        let hit = v128_or(low, high);
        // The values of the wanted buckets, in order (a set bit per lane that hit).
        let mut lanes = i16x8_bitmask(hit);
        while lanes != 0 {
            let j = lanes.trailing_zeros() as usize;
            take(xs[j], bs[j]);
            lanes &= lanes - 1;
        }
    }
    n
}
