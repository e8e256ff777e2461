//! Two of the model's per-path loops, several paths at a time in WebAssembly SIMD (the browser
//! build only: `+simd128`, .cargo/config.toml): the funding-stress lookups, two paths at a time,
//! and the percentile selection's gathering pass, eight values at a time. Each function does the
//! bulk of its slice and returns what is left, which the caller finishes with its own scalar
//! loop, the one native builds run for the whole slice: so each formula is written once, in
//! scalar form, and mirrored here lane by lane. The lanes run the same IEEE operations in the
//! same order as the scalar code (no fused multiply-add, no reassociation), so the numbers are
//! the same bits: tests/web.rs checks these loops against the scalar ones value by value, and
//! the golden projection to 1e-9.
//!
//! Why by hand: each loop reads a table at a data-dependent index, which LLVM's vectoriser
//! leaves scalar; and V8 compiles two things in them slowly, a float-to-integer conversion and
//! an IEEE `min` (here an index is read from the mantissa of `trunc(x) + 2^52`, and capped with
//! a pseudo-minimum). A CPU profile of the kernel in Chromium (the benchmark's sweep, all three
//! inputs moving, ms per projection): the stress lookups 0.47 → 0.13, the selection 0.41 → 0.35;
//! the kernel 1.28 → 0.86 ms against the plain-JS twin's 2.67 (2.1× → 3.1×).

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

/// The selection's gathering pass over eight buckets at a time: `take(x, bucket)` is called, in
/// order, for each value whose bucket is in `wanted` (the buckets that hold a wanted rank, ten
/// with repeats); a group of eight without one is passed over whole. (The scalar loop calls
/// `take` for every value, which keeps those of the wanted buckets.) Returns how many values
/// were passed over (a multiple of eight; the caller's scalar loop takes the rest).
pub fn gather(v: &[f64], bucket: &[u16], wanted: [u16; 10], mut take: impl FnMut(f64, u16)) -> usize {
    let n = v.len().min(bucket.len()) & !7;
    let wanted = wanted.map(|b| u16x8_splat(b));
    for (xs, bs) in v[..n].as_chunks::<8>().0.iter().zip(bucket[..n].as_chunks::<8>().0) {
        let group = load_u16x8(bs);
        let hit = wanted.iter().fold(u16x8_splat(0), |hit, &w| v128_or(hit, u16x8_eq(group, w)));
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
