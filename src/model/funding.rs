//! The funding channel: a reserve demand curve, the Standing Repo Facility's take-up, and the
//! stress index that feeds the other channels.
//!
//! `spread(S)` is SOFR − IORB in bp for a shortfall `S` ($bn below the ample threshold): flat at
//! `spread_ample_bp` while reserves are ample (S ≤ 0), then `scale·(exp(S/efold) − 1)` steeper and
//! steeper (Afonso et al.'s curve, in shape). The SRF lends more the further repo trades above
//! its minimum bid (a take-up curve, `takeup`), and the market clears where the curve fed by
//! what the SRF has not supplied gives back the same spread. Month- and year-ends withdraw
//! dealers' intermediation: a balance-sheet premium in $bn of extra shortfall, so it costs
//! nothing while reserves are abundant and more the scarcer they are.
//!
//! The clearing spread and the stress index are tabulated once per scenario against the
//! shortfall the repo market feels (1 $bn apart from 0) and read by linear interpolation, which
//! keeps them increasing; beyond the tables they are solved exactly.

use super::takeup::{clear, tabulate, Curve, Takeup};
use crate::model::timeline::DayKind;
use crate::scenario::Funding;

/// Funding parameters prepared once per scenario.
#[derive(Debug, Clone)]
pub struct Plumbing {
    ample: f64,
    scale: f64,
    efold: f64,
    /// SRF minimum bid − IORB, bp: where the facility starts to cap repo.
    pub cap_bp: f64,
    srf: bool,
    takeup: Takeup,
    /// Dealers' intermediation withdrawn per kind of day, $bn of extra shortfall (ordinary: 0).
    premium_bn: [f64; 3],
    /// The clearing spread at felt shortfalls 0, 1, 2 … $bn.
    spread_table: Vec<f64>,
    stress_scale: f64,
    curve_table: Vec<f64>,
    /// Stress by the spread's excess over the SRF rate (1/128 of the stress scale apart).
    stress_by_excess: Vec<f64>,
    /// Stress at felt shortfalls 0, 1, 2 … $bn.
    stress_by_shortfall: Vec<f64>,
    /// Below this felt shortfall there is no stress at all (−1 when there always is some).
    calm_below: f64,
}

const CURVE_STEP_BN: f64 = 1.0;
/// The highest SOFR − IORB the curve gives, bp.
pub const MAX_SPREAD_BP: f64 = 10_000.0;
const STRESS_STEPS_PER_SCALE: f64 = 128.0;
const STRESS_TABLE_SCALES: f64 = 12.0;

/// Linear interpolation in a table sampled every `1 / per_unit` from 0; `None` beyond its end.
fn lookup(table: &[f64], x: f64, per_unit: f64) -> Option<f64> {
    let pos = x * per_unit;
    let i = pos as usize;
    // (Not `i + 1 >= len`: a huge or infinite `x` saturates `i` to usize::MAX.)
    if i >= table.len().saturating_sub(1) {
        return None;
    }
    let frac = pos - i as f64;
    Some(table[i] + (table[i + 1] - table[i]) * frac)
}

/// `exp(i·x)` for i = 0, 1, 2 …
fn exp_steps(x: f64) -> impl Iterator<Item = f64> {
    let ratio = libm::exp(x);
    std::iter::successors(Some(1.0), move |&e| Some(e * ratio))
}

/// One day's plumbing on one path.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Day {
    /// SOFR − IORB, bp.
    pub spread_bp: f64,
    /// SRF take-up, $bn.
    pub srf_bn: f64,
    /// Funding stress in [0, 1).
    pub stress: f64,
}

impl Plumbing {
    /// Prepares a validated scenario's funding block; tables cover shortfalls up to `max_bn` on
    /// every kind of day.
    pub fn new(f: &Funding, max_bn: f64) -> Plumbing {
        let cap_bp = (f.srf_rate - f.iorb) * 100.0;
        let premium_bn = [0.0, f.premium_month_end_bn, f.premium_year_end_bn];
        let felt_max = max_bn + premium_bn.iter().fold(0.0, |m: f64, &p| m.max(p));
        let curve_len = (crate::text::num::clamp(felt_max, 0.0, 20_000.0) / CURVE_STEP_BN) as usize + 2;
        let stress_len = (STRESS_TABLE_SCALES * STRESS_STEPS_PER_SCALE) as usize + 1;
        let mut p = Plumbing {
            ample: f.spread_ample_bp,
            scale: f.curve_scale_bp,
            efold: f.curve_efold_bn,
            cap_bp,
            srf: f.srf_enabled,
            takeup: Takeup::new(f.srf_limit_bn, f.srf_takeup_mid_bp, f.srf_takeup_width_bp, f.spread_ample_bp - cap_bp),
            premium_bn,
            spread_table: Vec::new(),
            stress_scale: f.stress_scale_bp,
            curve_table: Vec::new(),
            stress_by_excess: Vec::new(),
            stress_by_shortfall: Vec::new(),
            calm_below: 0.0,
        };
        // Tabulated before the cap and capped after interpolation, so the cap's kink is exact.
        // Both tables are exponentials at equal steps: a running product of one `exp` (relative
        // error about n·10⁻¹⁶ after n steps, far below the interpolation error) instead of one
        // `expm1` an entry, which was a twentieth of a full projection's set-up.
        p.curve_table = exp_steps(CURVE_STEP_BN / f.curve_efold_bn)
            .take(curve_len)
            .map(|e| (p.ample + p.scale * (e - 1.0)).min(1e300))
            .collect();
        p.stress_by_excess = exp_steps(-1.0 / STRESS_STEPS_PER_SCALE).take(stress_len).map(|e| 1.0 - e).collect();
        p.spread_table = if p.srf {
            tabulate(cap_bp, &p.shape(), &p.takeup, MAX_SPREAD_BP, CURVE_STEP_BN, curve_len)
        } else {
            p.curve_table.iter().map(|&c| c.min(MAX_SPREAD_BP)).collect()
        };
        let table: Vec<f64> = p.spread_table.iter().map(|&y| p.stress_at(y)).collect();
        let calm = table.iter().take_while(|&&x| x == 0.0).count();
        p.calm_below = if calm == 0 { -1.0 } else { (calm - 1) as f64 * CURVE_STEP_BN };
        p.stress_by_shortfall = table;
        p
    }

    fn shape(&self) -> Curve {
        Curve { ample: self.ample, scale: self.scale, efold: self.efold }
    }

    /// The shortfall the repo market feels at reserve shortfall `s` on a day of kind `kind`:
    /// `s` plus the intermediation dealers withdraw that day, $bn.
    pub fn felt(&self, s: f64, kind: DayKind) -> f64 {
        s + self.premium_bn[kind as usize]
    }

    /// Funding stress alone at shortfall `s` (the hot path: one table read, none when calm).
    /// The same as `day(s, kind).stress` up to interpolation, and increasing in `s`.
    pub fn stress(&self, s: f64, kind: DayKind) -> f64 {
        let x = self.felt(s, kind);
        if x <= 0.0 {
            // The curve is flat there: the stress is that of a zero shortfall.
            return self.stress_by_shortfall.first().copied().unwrap_or(0.0);
        }
        if x <= self.calm_below {
            return 0.0;
        }
        lookup(&self.stress_by_shortfall, x, 1.0 / CURVE_STEP_BN).unwrap_or_else(|| self.at(x).stress)
    }

    /// `out[p] = self.stress(base + noise[p], kind)` for every path: the same values, with the
    /// day's premium added once and no data-dependent branch inside the table. (At a felt
    /// shortfall `x ≤ 0` the read at 0 gives the table's first entry, and up to `calm_below` it
    /// reads two zeros: the same numbers `stress` returns by its early exits.)
    ///
    /// `reach` bounds the size of every noise value: on a day when even the largest leaves
    /// every path below the calm threshold, the zeros are written without reading the table
    /// (most days of a calm scenario).
    pub fn stress_each(&self, base: f64, noise: &[f64], reach: f64, kind: DayKind, out: &mut [f64]) {
        let base = self.felt(base, kind);
        let calm = self.calm_below;
        if calm >= 0.0 && base + reach <= calm {
            out.fill(0.0);
            return;
        }
        let one = |x: f64| self.stress_of(x);
        // In the browser build two paths at a time; the loop below takes the rest.
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        let (noise, out) = super::simd::stress(&self.stress_by_shortfall, 1.0 / CURVE_STEP_BN, base, noise, out, one);
        for (o, &e) in out.iter_mut().zip(noise) {
            *o = one(base + e);
        }
    }

    /// One path's stress at felt shortfall `x`, for [`Plumbing::stress_each`]. (Out of line in
    /// the browser build, where it only takes what the vector loop leaves.)
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn stress_of(&self, x: f64) -> f64 {
        let at = if x > 0.0 { x } else { 0.0 };
        lookup(&self.stress_by_shortfall, at, 1.0 / CURVE_STEP_BN).unwrap_or_else(|| self.at(x).stress)
    }

    /// The stress table: stress at felt shortfalls 0, 1, 2 … $bn (for tools that re-implement
    /// the projection, such as the benchmark's plain-JavaScript twin; a day of kind `k` reads
    /// it at `felt(s, k)`).
    pub fn stress_table(&self) -> &[f64] {
        &self.stress_by_shortfall
    }

    /// The curve before the cap, kept finite (an author's curve may grow past any f64).
    fn curve_uncapped(&self, s: f64) -> f64 {
        if s <= 0.0 {
            self.ample
        } else {
            (self.ample + self.scale * libm::expm1(s / self.efold)).min(1e300)
        }
    }

    /// The curve, exactly: capped so that no author's scenario can reach infinity (100
    /// percentage points is far beyond any repo print on record).
    fn curve_exact(&self, s: f64) -> f64 {
        self.curve_uncapped(s).min(MAX_SPREAD_BP)
    }

    fn stress_exact(&self, excess: f64) -> f64 {
        -libm::expm1(-excess / self.stress_scale)
    }

    /// The reserve demand curve without any backstop: SOFR − IORB in bp at shortfall `s` ($bn).
    pub fn curve(&self, s: f64) -> f64 {
        if s <= 0.0 {
            return self.ample;
        }
        lookup(&self.curve_table, s, 1.0 / CURVE_STEP_BN).map_or_else(|| self.curve_exact(s), |c| c.min(MAX_SPREAD_BP))
    }

    /// The clearing spread at felt shortfall `x`, solved exactly (`guess`: a starting point).
    /// Without the SRF, the curve.
    fn clear_exact(&self, x: f64, guess: f64) -> f64 {
        if !self.srf {
            return self.curve_exact(x);
        }
        clear(x, self.cap_bp, &self.shape(), &self.takeup, MAX_SPREAD_BP, guess)
    }

    /// SRF use, $bn, when SOFR − IORB is `spread_bp`.
    fn srf_use(&self, spread_bp: f64) -> f64 {
        if self.srf {
            self.takeup.at(spread_bp - self.cap_bp)
        } else {
            0.0
        }
    }

    /// The day's spread, SRF use and stress at shortfall `s` on a day of kind `kind`.
    pub fn day(&self, s: f64, kind: DayKind) -> Day {
        self.at(self.felt(s, kind))
    }

    /// Spread, SRF use and stress at felt shortfall `x`.
    fn at(&self, x: f64) -> Day {
        let table = &self.spread_table;
        let spread_bp = lookup(table, x.max(0.0), 1.0 / CURVE_STEP_BN)
            .unwrap_or_else(|| self.clear_exact(x, table.last().copied().unwrap_or(self.ample)));
        Day { spread_bp, srf_bn: self.srf_use(spread_bp), stress: self.stress_at(spread_bp) }
    }

    /// Funding stress when SOFR − IORB is `spread_bp`.
    fn stress_at(&self, spread_bp: f64) -> f64 {
        let excess = (spread_bp - self.cap_bp).max(0.0);
        let per_unit = STRESS_STEPS_PER_SCALE / self.stress_scale;
        lookup(&self.stress_by_excess, excess, per_unit).unwrap_or_else(|| self.stress_exact(excess))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::default_scenario;

    fn plumbing(srf: bool) -> Plumbing {
        let mut f = default_scenario().funding;
        f.srf_enabled = srf;
        Plumbing::new(&f, 1000.0)
    }

    #[test]
    fn tables_match_the_exact_formulas() {
        let p = plumbing(true);
        for i in 0..4000 {
            let s = i as f64 * 0.37;
            let (t, e) = (p.curve(s), p.curve_exact(s));
            assert!((t - e).abs() <= 1e-3 * e.abs().max(1.0), "curve at {s}: {t} vs {e}");
            let x = i as f64 * 0.29;
            let d = p.day(0.0, DayKind::Ordinary);
            assert!(d.stress == 0.0);
            let (ts, es) = (lookup(&p.stress_by_excess, x, 128.0 / 50.0).unwrap_or(p.stress_exact(x)), p.stress_exact(x));
            assert!((ts - es).abs() < 1e-4, "stress at {x}");
        }
    }

    #[test]
    fn stress_each_gives_the_stress_of_every_path() {
        let p = plumbing(true);
        let noise: Vec<f64> = (0..401).map(|i| (i as f64 - 200.0) * 0.25).collect();
        let reach = 50.0;
        let mut out = vec![f64::NAN; noise.len()];
        for kind in [DayKind::Ordinary, DayKind::MonthEnd, DayKind::YearEnd] {
            for base in [-200.0, -1.0, 0.0, 40.0, 150.0, 250.0, 300.0, 323.0, 400.0, 900.0, 5_000.0] {
                p.stress_each(base, &noise, reach, kind, &mut out);
                for (&e, &got) in noise.iter().zip(&out) {
                    let want = p.stress(base + e, kind);
                    assert!(got.to_bits() == want.to_bits() || (got - want).abs() < 1e-12, "{kind:?} at {base} + {e}: {got} vs {want}");
                }
            }
        }
    }

    #[test]
    fn curve_is_flat_while_ample_and_steepens_below() {
        let p = plumbing(true);
        for s in [-500.0, -100.0, -1.0, 0.0] {
            assert_eq!(p.curve(s), -5.0, "flat above the ample threshold (shortfall {s})");
        }
        let slope = |s: f64| p.curve(s + 1.0) - p.curve(s);
        assert!(slope(50.0) < slope(150.0) && slope(150.0) < slope(300.0), "steepening");
    }

    #[test]
    fn calibration_points_hold() {
        let p = plumbing(true);
        // 12-14 Nov 2025: +5 to +8 bp at the as-of shortfall on ordinary days.
        let asof = p.day(150.0, DayKind::Ordinary).spread_bp;
        assert!((4.0..=9.0).contains(&asof), "as-of spread {asof}");
        // 31 Oct 2025: +32 bp at month-end with $50.35 bn of SRF use. Where the month-end spread
        // prints +32 bp, the SRF lends about that much.
        let at = (0..1000).map(|i| i as f64).find(|&s| p.day(s, DayKind::MonthEnd).spread_bp >= 32.0).unwrap();
        let me = p.day(at, DayKind::MonthEnd);
        assert!((me.srf_bn - 50.35).abs() < 2.0, "month-end at {at} bn: {me:?}");
    }

    #[test]
    fn the_balance_sheet_premium_vanishes_while_reserves_are_abundant() {
        // The premium is a withdrawal of dealers' intermediation ($bn): with at least that much
        // reserves to spare, a month-end or the turn prints the ample spread and the SRF is idle.
        for srf in [true, false] {
            let p = plumbing(srf);
            let f = default_scenario().funding;
            for (kind, premium) in [(DayKind::MonthEnd, f.premium_month_end_bn), (DayKind::YearEnd, f.premium_year_end_bn)] {
                for s in [-1000.0, -300.0, -premium - 1.0, -premium] {
                    let d = p.day(s, kind);
                    assert_eq!((d.spread_bp, d.srf_bn, d.stress), (-5.0, 0.0, 0.0), "{kind:?} at {s}");
                    assert_eq!(p.stress(s, kind), 0.0);
                }
                assert!(p.day(-premium + 10.0, kind).spread_bp > -5.0, "{kind:?}: the premium starts where the spare reserves end");
            }
        }
    }

    #[test]
    fn every_kind_of_day_rises_with_the_shortfall_and_balance_sheet_dates_cost_more() {
        for srf in [true, false] {
            let p = plumbing(srf);
            let mut last = [f64::NEG_INFINITY; 3];
            let mut last_premium = [0.0; 2];
            for i in -400..800 {
                let s = i as f64;
                let [o, m, y] = [DayKind::Ordinary, DayKind::MonthEnd, DayKind::YearEnd].map(|k| p.day(s, k).spread_bp);
                for (k, v) in [o, m, y].into_iter().enumerate() {
                    assert!(v >= last[k], "srf {srf}, kind {k} at {s}: {v} < {}", last[k]);
                    last[k] = v;
                }
                assert!(o <= m && m <= y, "srf {srf} at {s}: {o} {m} {y}");
                // The premium in bp grows with scarcity over the range the story reaches.
                if i <= 500 {
                    let premium = [m - o, y - o];
                    for k in 0..2 {
                        assert!(premium[k] >= last_premium[k] - 1e-9, "srf {srf} at {s}: premium {premium:?} after {last_premium:?}");
                    }
                    last_premium = premium;
                }
            }
        }
    }

    #[test]
    fn a_2019_shortfall_spikes_without_the_srf_and_not_with_it() {
        // Sep 2019: about +315 bp. The 2019-replay shortfall (350) plus the tax-date drain (120).
        let s = 350.0 + 120.0;
        let without = plumbing(false).day(s, DayKind::Ordinary).spread_bp;
        let with = plumbing(true).day(s, DayKind::Ordinary);
        assert!(without >= 200.0, "no backstop: {without} bp");
        assert!(with.spread_bp < 100.0, "with the SRF: {} bp", with.spread_bp);
        assert!(with.srf_bn > 100.0, "the SRF is used: {} bn", with.srf_bn);
    }

    #[test]
    fn take_up_rises_with_the_shortfall_and_keeps_the_spread_below_the_curve() {
        let p = plumbing(true);
        let mut last = p.day(0.0, DayKind::Ordinary);
        for i in 1..700 {
            let s = i as f64;
            let d = p.day(s, DayKind::Ordinary);
            assert!(d.spread_bp >= last.spread_bp && d.srf_bn >= last.srf_bn && d.stress >= last.stress, "at {s}: {d:?}");
            assert!(d.spread_bp <= p.curve(s) + 1e-6, "at {s}: {d:?}");
            last = d;
        }
    }
}
