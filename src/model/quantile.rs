//! Percentiles of simulated values: the five the charts draw, by selection rather than sorting.

use serde::Serialize;

/// The percentiles drawn as a fan: 5, 25, 50, 75 and 95.
pub const LEVELS: [f64; 5] = [0.05, 0.25, 0.50, 0.75, 0.95];

/// Five percentiles of one distribution.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Band {
    /// 5th percentile.
    pub p5: f64,
    /// 25th percentile.
    pub p25: f64,
    /// Median.
    pub p50: f64,
    /// 75th percentile.
    pub p75: f64,
    /// 95th percentile.
    pub p95: f64,
}

impl Band {
    /// A degenerate band: every percentile equal to `x`.
    pub fn point(x: f64) -> Band {
        Band { p5: x, p25: x, p50: x, p75: x, p95: x }
    }

    /// The band with `f` applied to each percentile (`f` must be increasing).
    pub fn map(self, f: impl Fn(f64) -> f64) -> Band {
        Band { p5: f(self.p5), p25: f(self.p25), p50: f(self.p50), p75: f(self.p75), p95: f(self.p95) }
    }

    /// The band scaled by `k` around its median: `p50 + k · (q − p50)` for each percentile (the
    /// median stays exactly where it was; `k ≥ 1` widens).
    pub fn widen(self, k: f64) -> Band {
        let m = self.p50;
        let at = |q: f64| m + k * (q - m);
        Band { p5: at(self.p5), p25: at(self.p25), p50: m, p75: at(self.p75), p95: at(self.p95) }
    }

    /// The five values, lowest first.
    pub fn values(&self) -> [f64; 5] {
        [self.p5, self.p25, self.p50, self.p75, self.p95]
    }
}

/// The [`LEVELS`] percentiles of `v` (linear interpolation between order statistics, as R's
/// type 7). Exact, in linear time: a histogram finds the buckets that hold the wanted ranks, and
/// only those buckets' values are selected among. `v` must be non-empty.
pub fn band(v: &[f64]) -> Band {
    Selector::default().band(v)
}

/// The lower order statistic, the upper one and the interpolation weight for each of the
/// [`LEVELS`]: the percentile is `lo + (hi − lo) · frac`.
pub type Brackets = [(f64, f64, f64); 5];

const BUCKETS: usize = 512;
/// Marks a bucket that holds none of the wanted ranks.
const UNWANTED: u16 = u16::MAX;

/// Exact percentiles with reusable buffers: one selector serves every `band` of an update
/// without allocating (the answers are the same as [`band`]'s).
#[derive(Default)]
pub struct Selector {
    /// Each value's bucket, from the histogram pass.
    bucket: Vec<u16>,
    /// The values of the wanted buckets, bucket after bucket.
    gathered: Vec<f64>,
}

impl Selector {
    /// The [`LEVELS`] percentiles of `v` (see [`band`]).
    pub fn band(&mut self, v: &[f64]) -> Band {
        let o = match self.select(v) {
            Ok(o) => o,
            Err(x) => return Band::point(x),
        };
        let at = |i: usize| o[i].0 + (o[i].1 - o[i].0) * o[i].2;
        Band { p5: at(0), p25: at(1), p50: at(2), p75: at(3), p95: at(4) }
    }

    /// The order statistics around each of the [`LEVELS`] of `v` (non-empty).
    pub fn brackets(&mut self, v: &[f64]) -> Brackets {
        match self.select(v) {
            Ok(o) => o,
            Err(x) => {
                let mut o = [(x, x, 0.0); 5];
                for (slot, q) in o.iter_mut().zip(LEVELS) {
                    let h = (v.len() - 1) as f64 * q;
                    slot.2 = h - (h as usize) as f64;
                }
                o
            }
        }
    }

    /// The brackets, or `Err(x)` when every value is `x` (or none is finite: then 0).
    fn select(&mut self, v: &[f64]) -> Result<Brackets, f64> {
        let n = v.len();
        // The range, with four running minima and maxima (no dependency chain between them).
        let (mut lo, mut hi) = ([f64::INFINITY; 4], [f64::NEG_INFINITY; 4]);
        // In the browser build in registers, four at a time; the loops below read the rest.
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        let done = super::simd::range(v, &mut lo, &mut hi);
        #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
        let done = 0;
        let mut quads = v[done..].chunks_exact(4);
        for q in &mut quads {
            for j in 0..4 {
                lo[j] = if q[j] < lo[j] { q[j] } else { lo[j] };
                hi[j] = if q[j] > hi[j] { q[j] } else { hi[j] };
            }
        }
        for &x in quads.remainder() {
            lo[0] = if x < lo[0] { x } else { lo[0] };
            hi[0] = if x > hi[0] { x } else { hi[0] };
        }
        let lo = lo.into_iter().fold(f64::INFINITY, f64::min);
        let hi = hi.into_iter().fold(f64::NEG_INFINITY, f64::max);
        if !(hi > lo) {
            return Err(if lo.is_finite() { lo } else { 0.0 });
        }
        let scale = BUCKETS as f64 / (hi - lo);
        let mut counts = [0u32; BUCKETS];
        self.bucket.clear();
        self.bucket.resize(n, 0);
        // Any increasing map to buckets keeps the answer exact. Rounding `(x − lo) · scale` (in
        // 0..=BUCKETS) to an integer by adding 2^52 and reading the low mantissa bits is one
        // increasing map, cheaper than a saturating float-to-integer conversion.
        const ROUND: f64 = (1u64 << 52) as f64;
        let top = (BUCKETS - 1) as u16;
        // In the browser build eight values at a time; the loop below maps the rest.
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        let done = super::simd::buckets(v, (lo, scale, top), &mut self.bucket);
        #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
        let done = 0;
        for (b, &x) in self.bucket[done..].iter_mut().zip(&v[done..]) {
            *b = ((((x - lo) * scale + ROUND).to_bits() & 0x3ff) as u16).min(top);
        }
        for &b in &self.bucket {
            counts[b as usize] += 1;
        }
        // The ranks wanted: for each level, the order statistic below it and the one above.
        let mut ranks = [0usize; 10];
        let mut fracs = [0.0; 5];
        for (i, q) in LEVELS.iter().enumerate() {
            let h = (n - 1) as f64 * q;
            let k = h as usize;
            ranks[2 * i] = k;
            ranks[2 * i + 1] = (k + 1).min(n - 1);
            fracs[i] = h - k as f64;
        }
        // One cumulative scan finds the bucket of each rank and its rank inside it. The ranks come
        // in increasing order but for a few values (two give 0, 1, 0, 1 …): a rank below the
        // current bucket starts the scan again from the first.
        let mut bucket_of = [0usize; 10];
        let mut inner = [0usize; 10];
        let (mut b, mut before) = (0usize, 0usize);
        for (r, &rank) in ranks.iter().enumerate() {
            if rank < before {
                (b, before) = (0, 0);
            }
            while before + counts[b] as usize <= rank {
                before += counts[b] as usize;
                b += 1;
            }
            bucket_of[r] = b;
            inner[r] = rank - before;
        }
        // Gather the values of those (at most ten) buckets into one buffer, bucket after bucket.
        let mut slot = [UNWANTED; BUCKETS];
        let mut start_of = [0usize; 10];
        // The distinct wanted buckets, then repeats of the first.
        let mut wanted_buckets = [bucket_of[0] as u16; 10];
        let mut len = 0usize;
        let mut wanted = 0usize;
        for &b in &bucket_of {
            if slot[b] == UNWANTED {
                slot[b] = wanted as u16;
                start_of[wanted] = len;
                wanted_buckets[wanted] = b as u16;
                len += counts[b] as usize;
                wanted += 1;
            }
        }
        let mut fill = start_of;
        self.gathered.clear();
        self.gathered.resize(len, 0.0);
        let gathered = &mut self.gathered;
        let mut take = |x: f64, b: u16| {
            let k = slot[b as usize];
            if k != UNWANTED {
                gathered[fill[k as usize]] = x;
                fill[k as usize] += 1;
            }
        };
        // In the browser build groups of eight values without a wanted bucket are skipped whole.
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        let done = super::simd::gather(v, &self.bucket, wanted_buckets, &mut take);
        #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
        let done = 0;
        for (&x, &b) in v[done..].iter().zip(&self.bucket[done..]) {
            take(x, b);
        }
        let mut value = |r: usize| {
            let b = bucket_of[r];
            let start = start_of[slot[b] as usize];
            let part = &mut gathered[start..start + counts[b] as usize];
            nth(part, inner[r])
        };
        let mut out = [(0.0, 0.0, 0.0); 5];
        for (i, slot) in out.iter_mut().enumerate() {
            *slot = (value(2 * i), value(2 * i + 1), fracs[i]);
        }
        Ok(out)
    }
}

/// The `k`-th smallest of `v` (from 0) in `f64::total_cmp` order, reordering `v`: the same value
/// `v.select_nth_unstable_by(k, f64::total_cmp)` finds. A three-way quickselect on the values'
/// total-order keys: linear on average and on ties, and a fraction of the code of core's
/// (which costs ~5 KB of wasm); a bucket holds a handful of values, finished by insertion.
fn nth(v: &mut [f64], k: usize) -> f64 {
    // Equal keys are equal bits, and keys compare as `total_cmp` does.
    let key = |x: f64| {
        let b = x.to_bits() as i64;
        b ^ ((((b >> 63) as u64) >> 1) as i64)
    };
    let (mut lo, mut hi) = (0, v.len());
    while hi - lo > 8 {
        let (a, b, c) = (key(v[lo]), key(v[lo + (hi - lo) / 2]), key(v[hi - 1]));
        let pivot = a.min(b).max(a.max(b).min(c));
        // [lo, lt) below the pivot, [lt, i) equal to it, [gt, hi) above it.
        let (mut lt, mut i, mut gt) = (lo, lo, hi);
        while i < gt {
            let x = key(v[i]);
            if x < pivot {
                v.swap(lt, i);
                lt += 1;
                i += 1;
            } else if x > pivot {
                gt -= 1;
                v.swap(i, gt);
            } else {
                i += 1;
            }
        }
        if k < lt {
            hi = lt;
        } else if k >= gt {
            lo = gt;
        } else {
            return v[lt];
        }
    }
    for i in lo + 1..hi {
        let mut j = i;
        while j > lo && key(v[j - 1]) > key(v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
    v[k]
}

#[cfg(test)]
mod tests {
    use super::{band, nth};

    #[test]
    fn nth_finds_what_core_finds() {
        let mut x = 7u64;
        let mut next = || {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            x >> 11
        };
        for n in [1usize, 2, 3, 8, 9, 10, 31, 200, 2000] {
            for shape in 0..4 {
                let v: Vec<f64> = (0..n)
                    .map(|i| match shape {
                        0 => (next() % 1000) as f64 - 500.0,
                        1 => [0.0, -0.0, 1.5, -1.5][(next() % 4) as usize],
                        2 => i as f64,
                        _ => -(i as f64) * 1e-300,
                    })
                    .collect();
                for k in [0, n / 3, n / 2, n - 1] {
                    let (mut ours, mut core) = (v.clone(), v.clone());
                    let want = *core.select_nth_unstable_by(k, f64::total_cmp).1;
                    assert_eq!(nth(&mut ours, k).to_bits(), want.to_bits(), "n={n} shape={shape} k={k}");
                }
            }
        }
    }

    #[test]
    fn matches_sorted_interpolation() {
        let v: Vec<f64> = (0..101).map(|i| ((i * 37) % 101) as f64).collect();
        assert_eq!(band(&v).values(), [5.0, 25.0, 50.0, 75.0, 95.0]);
        let b = band(&[1.0, 2.0]);
        assert!((b.p5 - 1.05).abs() < 1e-12 && (b.p95 - 1.95).abs() < 1e-12, "{b:?}");
        assert_eq!(band(&[3.0]).values(), [3.0; 5]);
        // Skewed, clumped and tied data against a plain sort.
        let mut x = 1u64;
        for case in 0..50 {
            let n = 1 + case * 97;
            let v: Vec<f64> = (0..n)
                .map(|i| {
                    x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    let u = (x >> 11) as f64 / (1u64 << 53) as f64;
                    if i % 3 == 0 { 10.0 } else { (u * 8.0).exp() }
                })
                .collect();
            let mut sorted = v.clone();
            sorted.sort_by(f64::total_cmp);
            let at = |q: f64| {
                let h = (n - 1) as f64 * q;
                let k = h as usize;
                let hi = sorted[(k + 1).min(n - 1)];
                sorted[k] + (hi - sorted[k]) * (h - k as f64)
            };
            let got = band(&v).values();
            for (g, q) in got.iter().zip(super::LEVELS) {
                assert!((g - at(q)).abs() <= 1e-12 * at(q).abs().max(1.0), "n={n} q={q}: {g} vs {}", at(q));
            }
        }
    }
}
