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

    /// The five values, lowest first.
    pub fn values(&self) -> [f64; 5] {
        [self.p5, self.p25, self.p50, self.p75, self.p95]
    }
}

/// The [`LEVELS`] percentiles of `v` (linear interpolation between order statistics, as R's
/// type 7). Exact, in linear time: a histogram finds the buckets that hold the wanted ranks, and
/// only those buckets' values are selected among. `v` must be non-empty.
pub fn band(v: &[f64]) -> Band {
    const BUCKETS: usize = 512;
    let n = v.len();
    let (lo, hi) = v.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| (lo.min(x), hi.max(x)));
    if !(hi > lo) {
        return Band::point(if lo.is_finite() { lo } else { 0.0 });
    }
    let scale = BUCKETS as f64 / (hi - lo);
    let bucket = |x: f64| (((x - lo) * scale) as usize).min(BUCKETS - 1);
    let mut counts = [0u32; BUCKETS];
    for &x in v {
        counts[bucket(x)] += 1;
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
    // One cumulative scan, in rank order, finds the bucket of each rank and its rank inside it.
    let mut order = [0usize, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    order.sort_unstable_by_key(|&r| ranks[r]);
    let mut bucket_of = [0usize; 10];
    let mut inner = [0usize; 10];
    let (mut b, mut before) = (0usize, 0usize);
    for r in order {
        let rank = ranks[r];
        while before + counts[b] as usize <= rank {
            before += counts[b] as usize;
            b += 1;
        }
        bucket_of[r] = b;
        inner[r] = rank - before;
    }
    // Gather the values of those (at most ten) buckets into one buffer, bucket after bucket.
    let mut start_of = [usize::MAX; BUCKETS];
    let mut len = 0usize;
    for &b in &bucket_of {
        if start_of[b] == usize::MAX {
            start_of[b] = len;
            len += counts[b] as usize;
        }
    }
    let mut gathered = vec![0.0; len];
    let mut fill = start_of;
    for &x in v {
        let b = bucket(x);
        if fill[b] != usize::MAX {
            gathered[fill[b]] = x;
            fill[b] += 1;
        }
    }
    let mut value = |r: usize| {
        let b = bucket_of[r];
        let part = &mut gathered[start_of[b]..start_of[b] + counts[b] as usize];
        *part.select_nth_unstable_by(inner[r], f64::total_cmp).1
    };
    let mut out = [0.0; 5];
    for (i, slot) in out.iter_mut().enumerate() {
        let a = value(2 * i);
        let b = value(2 * i + 1);
        *slot = a + (b - a) * fracs[i];
    }
    Band { p5: out[0], p25: out[1], p50: out[2], p75: out[3], p95: out[4] }
}

#[cfg(test)]
mod tests {
    use super::band;

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
