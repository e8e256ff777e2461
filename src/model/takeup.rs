//! The Standing Repo Facility's take-up curve and the repo market's clearing spread with it.
//!
//! Banks do not use the SRF as soon as repo trades at its rate, nor all of its limit the moment
//! repo trades above it: stigma and balance-sheet costs fade as the gap widens. Take-up is a
//! logistic in the spread above the SRF's minimum bid, rescaled to run from nothing at the
//! spread of ample reserves (`floor`) to the aggregate limit:
//! `U(x) = limit · (L(x) − L(floor)) / (1 − L(floor))`, `L(x) = 1 / (1 + e^{−(x − mid)/width})`.
//! The market then clears where the reserve demand curve, fed by what the SRF has not
//! supplied, gives back the same spread: `y = c(S − U(y − cap))`, `S` the shortfall the repo
//! market feels that day (balance-sheet dates included). The right side falls as `y` rises, so
//! there is one solution, found by Newton's method inside a shrinking bracket.

/// The take-up curve's parameters.
#[derive(Debug, Clone, Copy)]
pub struct Takeup {
    /// Aggregate limit: the most the SRF lends, $bn.
    pub limit: f64,
    /// Midpoint of the logistic, bp above the SRF rate.
    pub mid: f64,
    /// Width of the logistic, bp.
    pub width: f64,
    /// Spread above the SRF rate at which take-up is nil (ample reserves), bp.
    pub floor: f64,
    /// The logistic at the floor (set by [`Takeup::new`]).
    base: f64,
}

impl Takeup {
    /// The take-up curve with these parameters.
    pub fn new(limit: f64, mid: f64, width: f64, floor: f64) -> Takeup {
        let mut t = Takeup { limit, mid, width, floor, base: 0.0 };
        t.base = t.logistic(floor);
        t
    }

    fn logistic(&self, x: f64) -> f64 {
        1.0 / (1.0 + libm::exp(-(x - self.mid) / self.width))
    }

    /// SRF use, $bn, when repo trades `x` bp above the SRF rate.
    pub fn at(&self, x: f64) -> f64 {
        self.with_slope(x).0
    }

    /// SRF use and its slope ($bn per bp) at `x`, from one exponential.
    fn with_slope(&self, x: f64) -> (f64, f64) {
        if x < self.floor {
            return (0.0, 0.0);
        }
        let l = self.logistic(x);
        let to_limit = self.limit / (1.0 - self.base);
        ((to_limit * (l - self.base)).max(0.0), to_limit * l * (1.0 - l) / self.width)
    }
}

/// The reserve demand curve's shape: flat at `ample` for a shortfall up to 0, then
/// `ample + scale · (e^{S/efold} − 1)`.
#[derive(Debug, Clone, Copy)]
pub struct Curve {
    /// SOFR − IORB while reserves are ample, bp.
    pub ample: f64,
    /// Scale of the steepening, bp.
    pub scale: f64,
    /// Shortfall over which the slope grows e-fold, $bn.
    pub efold: f64,
}

impl Curve {
    /// SOFR − IORB at shortfall `s`, bp.
    pub fn at(&self, s: f64) -> f64 {
        if s <= 0.0 {
            self.ample
        } else {
            self.ample + self.scale * libm::expm1(s / self.efold)
        }
    }

    /// The shortfall at which the curve reaches `v` (> `ample`), $bn, and its slope there,
    /// $bn per bp.
    fn inverse(&self, v: f64) -> (f64, f64) {
        let r = (v - self.ample) / self.scale;
        (self.efold * libm::log1p(r), self.efold / (self.scale + v - self.ample))
    }
}

/// The clearing spread, bp, at shortfall `x`, for the demand curve `curve`, the SRF rate's spread to IORB `cap` and the take-up `takeup`, never
/// above `ceiling`; `guess` is a starting point (the previous table entry).
///
/// Solved for the spread rather than the shortfall: a spread `y` above the flat one clears at
/// the shortfall `x(y) = c⁻¹(y) + U(y − cap)`, which rises with `y`, so Newton's
/// method on `x(y) = x` inside a shrinking bracket needs one logarithm and one exponential a
/// step.
pub fn clear(x: f64, cap: f64, curve: &Curve, takeup: &Takeup, ceiling: f64, guess: f64) -> f64 {
    let flat = curve.ample;
    // The SRF's take-up at the flat spread already covers the shortfall: the spread is flat.
    if x <= takeup.at(flat - cap) {
        return flat;
    }
    let (mut lo, mut hi) = (flat, curve.at(x).min(ceiling));
    if hi <= lo {
        return lo;
    }
    // The shortfall at which spread `y` clears, less `x`, and its slope in `y`.
    let excess = |y: f64| {
        let (s, ds) = curve.inverse(y);
        let (u, du) = takeup.with_slope(y - cap);
        (s + u - x, ds + du)
    };
    if hi == ceiling && excess(hi).0 <= 0.0 {
        return hi;
    }
    let mut y = if guess > lo && guess < hi { guess } else { 0.5 * (lo + hi) };
    for _ in 0..200 {
        let (f, slope) = excess(y);
        if f > 0.0 {
            hi = y;
        } else {
            lo = y;
        }
        let newton = y - f / slope;
        if f == 0.0 || (newton - y).abs() <= 1e-12 * y.abs().max(1.0) || hi - lo <= 1e-12 * hi.abs().max(1.0) {
            return crate::text::num::clamp(newton, lo, hi);
        }
        // Newton's step unless it leaves the bracket, then bisection.
        y = if newton > lo && newton < hi { newton } else { 0.5 * (lo + hi) };
    }
    y
}

/// The clearing spread at shortfalls `0, step, 2·step, …` (`len` of them), bp: the same
/// numbers as [`clear`] up to interpolation. Rather than solving at each shortfall, it walks up
/// the spread from the flat one in steps that move the clearing shortfall `x(y)` by about two
/// `step`s (two transcendental functions a step) and interpolates linearly in between.
pub fn tabulate(cap: f64, curve: &Curve, takeup: &Takeup, ceiling: f64, step: f64, len: usize) -> Vec<f64> {
    let flat = curve.ample;
    let mut out = Vec::with_capacity(len);
    // Up to the SRF's take-up at the flat spread, the spread is flat.
    let (mut x, mut y) = (takeup.at(flat - cap), flat);
    let mut slope = {
        let (_, ds) = curve.inverse(curve.ample);
        ds + takeup.with_slope(flat - cap).1
    };
    while out.len() < len {
        let target = out.len() as f64 * step;
        if target <= x {
            out.push(y);
            continue;
        }
        if y >= ceiling {
            out.push(ceiling);
            continue;
        }
        // One step up the spread; the grid points it passes are interpolated.
        let next_y = (y + 2.0 * step / slope).min(ceiling);
        let (s, ds) = curve.inverse(next_y);
        let (u, du) = takeup.with_slope(next_y - cap);
        let next_x = s + u;
        while out.len() < len && (out.len() as f64 * step) <= next_x {
            let t = out.len() as f64 * step;
            out.push(y + (next_y - y) * ((t - x) / (next_x - x)));
        }
        (x, y, slope) = (next_x, next_y, ds + du);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_curve_passes_through_its_calibration_points() {
        // Mid-September 2025 quarter-end: $18.5 bn at 1 bp below the SRF rate; 31 Oct 2025:
        // $50.35 bn at 22 bp above it (SOFR − IORB +32 bp, the SRF 10 bp above IORB).
        let t = Takeup::new(500.0, 79.47, 121.69, -15.0);
        assert!(t.at(-15.0) == 0.0);
        assert!((t.at(-1.0) - 18.5).abs() < 0.05, "{}", t.at(-1.0));
        assert!((t.at(22.0) - 50.35).abs() < 0.05, "{}", t.at(22.0));
    }

    #[test]
    fn the_market_clears_between_the_flat_curve_and_no_srf() {
        let t = Takeup::new(500.0, 79.47, 121.69, -15.0);
        let c = Curve { ample: -5.0, scale: 3.2, efold: 100.0 };
        let mut last = f64::NEG_INFINITY;
        for i in 0..800 {
            let s = i as f64;
            let y = clear(s, 10.0, &c, &t, 1e4, 0.0);
            let gap = y - c.at(s - t.at(y - 10.0));
            assert!(gap.abs() < 1e-6, "at {s}: {y} leaves {gap}");
            assert!(y <= c.at(s) + 1e-9, "at {s}: {y}");
            assert!(y >= last, "at {s}: {y} < {last}");
            last = y;
        }
    }
}
#[cfg(test)]
mod table_tests {
    use super::*;

    #[test]
    fn the_table_matches_the_solver() {
        let t = Takeup::new(500.0, 79.47, 121.69, -15.0);
        let c = Curve { ample: -5.0, scale: 3.2, efold: 100.0 };
        let table = tabulate(10.0, &c, &t, 1e4, 1.0, 1600);
        assert_eq!(table.len(), 1600);
        for (i, &y) in table.iter().enumerate() {
            let exact = clear(i as f64, 10.0, &c, &t, 1e4, 0.0);
            assert!((y - exact).abs() <= 1e-3 * exact.abs().max(1.0), "{i} bn: {y} vs {exact}");
            assert!(i == 0 || y >= table[i - 1], "increasing at {i}");
        }
    }
}
