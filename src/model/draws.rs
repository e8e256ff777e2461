//! Common random numbers: every random draw of a scenario, made once and then only transformed
//! when the reader moves an input (so fans move smoothly instead of flickering, and an update
//! costs arithmetic, not random-number generation).
//!
//! Set-up draws only what every update needs: the shared market, AI and rates factors and the
//! reserve noise per path and day, the meeting outcome per path, and each asset's idiosyncratic
//! total at the horizon. An asset's day-by-day idiosyncratic path is drawn the first time its fan
//! is asked for, as a Gaussian bridge pinned to that total, so the fan and the horizon agree.
//! Mean-reverting assets get their whole daily path at set-up.
//!
//! Paths come in antithetic pairs (Glasserman, *Monte Carlo Methods in Financial Engineering*,
//! 2004, §4.2): the second half of the paths are the first half's mirror images, every normal
//! draw negated and every meeting uniform `u` replaced by `1 − u`. Each path is still drawn from
//! the model's distribution; the pairs cancel the sampling noise of the symmetric part (a median
//! that wobbles less as inputs move), and everything stored is a linear function of the normals,
//! so only the first half is drawn and stored: half the random numbers, half the memory.

use super::quantile::Selector;
use super::rng::{Normals, Table};
use super::timeline::{DayKind, Timeline};
use crate::scenario::{Quote, Scenario};
use std::cell::OnceCell;

/// The scenario's draws. Per-path-and-day arrays hold the drawn half of the paths, day by day,
/// `[t * drawn + p]` with `t = day − 1`; [`Draws::row`] unfolds a day into all the paths.
///
/// They are computed in f64 and stored as f32: half the memory to fill and to stream through
/// on every update, and still seven significant digits for numbers that are random draws (a
/// Monte Carlo percentile of 2,000 paths is uncertain in its second or third digit).
pub struct Draws {
    /// Paths.
    pub paths: usize,
    /// Paths drawn (the rest are their mirror images): `paths / 2`, rounded up.
    pub drawn: usize,
    /// Projected days per path.
    pub days: usize,
    /// Market-factor shock, event multipliers applied.
    pub market: Vec<f32>,
    /// Cumulative AI-factor shocks (multipliers applied).
    pub ai: Vec<f32>,
    /// Cumulative rates-factor shocks (multipliers applied).
    pub rates: Vec<f32>,
    /// Reserve noise, $bn, AR(1), plus the path's balance-sheet tightness on month- and year-ends.
    pub noise: Vec<f32>,
    /// Per day, the largest size of the reserve noise on any path, $bn.
    pub noise_reach: Vec<f64>,
    /// Per day, for each fan level, the two order statistics of the reserve noise around it and
    /// the interpolation weight: every plumbing series is an increasing function of the noise,
    /// so its percentiles follow from these without touching the paths.
    pub noise_quantiles: Vec<[(f64, f64, f64); 5]>,
    /// Uniform draw that decides the meeting (cut when below the cut probability), every path.
    pub meeting: Vec<f64>,
    /// Each asset's cumulative idiosyncratic shock at the horizon, `[a * drawn + p]`.
    pub idio_horizon: Vec<f32>,
    /// Mean-reverting assets: the whole non-market part of the path, in the asset's units.
    reverting: Vec<Option<Vec<f32>>>,
    /// Day-by-day cumulative idiosyncratic shocks, drawn on first use.
    idio_daily: Vec<OnceCell<Vec<f32>>>,
    /// Variance of each day's shock (the squared event multiplier).
    day_var: Vec<f64>,
    /// The normal quantile table, for the draws made on first use.
    table: Table,
    horizon: usize,
    seed: u64,
}

/// Daily volatility of an asset in its simulation units (log points, or basis points).
pub fn daily_vol(s: &Scenario, asset: usize) -> f64 {
    s.assets[asset].vol / libm::sqrt(s.simulation.trading_days_per_year)
}

/// 0.01 for prices (percent → log points), 1 for rates (basis points).
pub fn unit(quote: Quote) -> f64 {
    match quote {
        Quote::Price => 0.01,
        Quote::Rate => 1.0,
    }
}

/// The weight of an asset's idiosyncratic shock: what its factor loadings leave.
pub fn idio_loading(s: &Scenario, asset: usize) -> f64 {
    let a = &s.assets[asset];
    libm::sqrt((1.0 - a.market * a.market - a.ai * a.ai - a.rates * a.rates).max(0.0))
}

impl Draws {
    /// Draws everything a validated scenario's updates need.
    ///
    /// Only the drawn half of the paths is walked (the mirror half is read off it), and the
    /// stream is taken in the order the arrays are laid out: each drawn path's meeting uniform;
    /// each asset's idiosyncratic totals; the first reserve noise; each path's balance-sheet
    /// tightness; then day by day the market,
    /// AI and rates shocks, the reserve innovations (after the first day) and one shock per
    /// mean-reverting asset. Every array is written front to back.
    pub fn new(s: &Scenario, tl: &Timeline) -> Draws {
        let paths = s.simulation.paths as usize;
        let drawn = paths.div_ceil(2);
        let days = tl.days();
        let horizon = tl.horizon;
        let seed = u64::from(s.simulation.seed);
        let table = Table::new();
        let mut z = Normals::new(seed, &table);
        let f = &s.funding;
        let innovation = f.noise_bn * libm::sqrt(1.0 - f.noise_persistence * f.noise_persistence);
        let mult: Vec<f64> = (1..=days).map(|d| tl.vol_multiplier[d]).collect();
        let day_var: Vec<f64> = mult.iter().map(|m| m * m).collect();
        let horizon_sd = libm::sqrt(day_var[..horizon].iter().sum::<f64>());
        let cells = drawn * days;
        let store = || Vec::<f32>::with_capacity(cells);

        let mut meeting: Vec<f64> = (0..drawn).map(|_| z.uniform()).collect();
        meeting.extend_from_within(..paths - drawn);
        for u in &mut meeting[drawn..] {
            *u = 1.0 - *u;
        }
        let mut shock = vec![0.0; drawn];
        let mut idio_horizon = Vec::with_capacity(s.assets.len() * drawn);
        for _ in &s.assets {
            z.fill(&mut shock);
            push_scaled(&mut idio_horizon, &shock, horizon_sd);
        }
        let mut reserve = vec![0.0; drawn];
        z.fill(&mut reserve);
        for r in reserve.iter_mut() {
            *r *= f.noise_bn;
        }
        // Each path's balance-sheet tightness (one standard normal), added to the stored reserve
        // noise on month- and year-ends as extra shortfall of the day's size: dealers' capacity
        // and the turn's squeeze vary from path to path. It enters only the stored noise, so
        // every plumbing series stays an increasing function of it.
        let mut tight = vec![0.0; drawn];
        z.fill(&mut tight);
        let tightness: Vec<f64> = (1..=days)
            .map(|d| match tl.kind[d] {
                DayKind::Ordinary => 0.0,
                DayKind::MonthEnd => f.tightness_month_end_bn,
                DayKind::YearEnd => f.tightness_year_end_bn,
            })
            .collect();

        // Mean-reverting assets: the recursion's constants, its state and the stored path.
        struct Reverting {
            asset: usize,
            vol: f64,
            ai: f64,
            rates: f64,
            idio: f64,
            keep: f64,
            level: Vec<f64>,
            path: Vec<f32>,
        }
        let mut rev: Vec<Reverting> = (0..s.assets.len())
            .filter(|&a| s.assets[a].mean_reversion > 0.0)
            .map(|a| Reverting {
                asset: a,
                vol: daily_vol(s, a),
                ai: s.assets[a].ai,
                rates: s.assets[a].rates,
                idio: idio_loading(s, a),
                keep: 1.0 - s.assets[a].mean_reversion,
                level: vec![0.0; drawn],
                path: store(),
            })
            .collect();

        let (mut market, mut ai, mut rates, mut noise) = (store(), store(), store(), store());
        let (mut za, mut zr) = (vec![0.0; drawn], vec![0.0; drawn]);
        let (mut cum_ai, mut cum_rates) = (vec![0.0; drawn], vec![0.0; drawn]);
        for (t, &m) in mult.iter().enumerate() {
            z.fill(&mut shock);
            push_scaled(&mut market, &shock, m);
            z.fill(&mut za);
            z.fill(&mut zr);
            accumulate(&mut cum_ai, &za, m);
            accumulate(&mut cum_rates, &zr, m);
            push_scaled(&mut ai, &cum_ai, 1.0);
            push_scaled(&mut rates, &cum_rates, 1.0);
            if t > 0 {
                z.fill(&mut shock);
                ar1(&mut reserve, &shock, f.noise_persistence, innovation);
            }
            push_tight(&mut noise, &reserve, &tight, tightness[t]);
            for r in rev.iter_mut() {
                z.fill(&mut shock);
                let consts = [r.keep, r.vol * m, r.ai, r.rates, r.idio];
                revert(&mut r.level, [&za, &zr, &shock], consts);
                push_scaled(&mut r.path, &r.level, 1.0);
            }
        }
        let mut reverting: Vec<Option<Vec<f32>>> = vec![None; s.assets.len()];
        for r in rev {
            reverting[r.asset] = Some(r.path);
        }
        // Every plumbing series increases with the noise: its order statistics are all an update
        // needs of it.
        let noise_reach = noise.chunks_exact(drawn).map(reach).collect();
        let noise_quantiles = noise_brackets(&noise, drawn, paths);
        Draws {
            paths,
            drawn,
            days,
            noise_quantiles,
            market,
            ai,
            rates,
            noise,
            noise_reach,
            meeting,
            idio_horizon,
            reverting,
            idio_daily: (0..s.assets.len()).map(|_| OnceCell::new()).collect(),
            day_var,
            table,
            horizon,
            seed,
        }
    }

    /// Row `i` of a stored array (a day, or an asset for `idio_horizon`) for every path: the
    /// drawn paths, then their mirror images.
    pub fn row(&self, stored: &[f32], i: usize, out: &mut [f64]) {
        unfold(&stored[i * self.drawn..(i + 1) * self.drawn], out);
    }

    /// The non-market part of a mean-reverting asset's path, if the asset reverts.
    pub fn reverting(&self, asset: usize) -> Option<&[f32]> {
        self.reverting[asset].as_deref()
    }

    /// An asset's cumulative idiosyncratic shocks day by day (standardised units), drawn on first
    /// use as a bridge that ends, on the horizon day, exactly at the asset's horizon draw: the
    /// free walk's gap to that draw is spread over the days before it in proportion to their
    /// variance; after the horizon the walk goes on from the draw.
    pub fn idio_daily(&self, asset: usize) -> &[f32] {
        self.idio_daily[asset].get_or_init(|| {
            let (drawn, days, h) = (self.drawn, self.days, self.horizon);
            let total_var: f64 = self.day_var[..h].iter().sum();
            let mut z = Normals::new(self.seed ^ (0xA5A5_0000 + asset as u64).wrapping_mul(0x9E37_79B9), &self.table);
            let target = &self.idio_horizon[asset * drawn..(asset + 1) * drawn];
            let mut out = Vec::with_capacity(drawn * days);
            let (mut eps, mut walk) = (vec![0.0; drawn], vec![0.0; drawn]);
            let mut step = |t: usize, walk: &mut [f64], out: &mut Vec<f32>| {
                z.fill(&mut eps);
                let sd = libm::sqrt(self.day_var[t]);
                for (w, e) in walk.iter_mut().zip(&eps) {
                    *w += e * sd;
                }
                out.extend(walk.iter().map(|&x| x as f32));
            };
            // The free walk up to the horizon.
            for t in 0..h {
                step(t, &mut walk, &mut out);
            }
            // Pinned: each day moves by its share of the variance so far times the gap.
            let gap: Vec<f64> = target.iter().zip(&walk).map(|(&x, w)| f64::from(x) - w).collect();
            let mut share = 0.0;
            for (t, row) in out.chunks_exact_mut(drawn).enumerate() {
                share += self.day_var[t] / total_var;
                if t + 1 == h {
                    // The horizon value is the draw itself, not a sum that rounding may move.
                    row.copy_from_slice(target);
                } else {
                    pin(row, &gap, share);
                }
            }
            // After the horizon the walk goes on from the draw.
            for (w, &x) in walk.iter_mut().zip(target) {
                *w = f64::from(x);
            }
            for t in h..days {
                step(t, &mut walk, &mut out);
            }
            out
        })
    }
}

// The set-up's loops over the paths (and the bridge's, drawn once per series), each a small
// function that is not inlined. Chromium runs
// wasm first in its baseline tier and re-compiles, in the background, any function that runs
// long in it. Inlined, these loops made the whole set-up (`Engine::new`, 11 KB of wasm, run once
// per scenario) such a function: its optimising compile took 76 ms of processor time on a busy
// 2-core machine, beside the first chart, for code that never runs again. Same arithmetic in the
// same order: the same numbers.

/// `out` extended by each of `xs` times `m`, as stored (f32).
#[inline(never)]
fn push_scaled(out: &mut Vec<f32>, xs: &[f64], m: f64) {
    out.extend(xs.iter().map(|&x| (x * m) as f32));
}

/// `cum += z × m`, path by path.
#[inline(never)]
fn accumulate(cum: &mut [f64], z: &[f64], m: f64) {
    for (c, z) in cum.iter_mut().zip(z) {
        *c += z * m;
    }
}

/// One step of the reserve noise's AR(1): `r = keep × r + innovation × e`.
#[inline(never)]
fn ar1(reserve: &mut [f64], e: &[f64], keep: f64, innovation: f64) {
    for (r, &e) in reserve.iter_mut().zip(e) {
        *r = keep * *r + innovation * e;
    }
}

/// `out` extended by the day's stored reserve noise: the noise plus `k` times the path's tightness.
#[inline(never)]
fn push_tight(out: &mut Vec<f32>, reserve: &[f64], tight: &[f64], k: f64) {
    out.extend(reserve.iter().zip(tight).map(|(&x, &b)| (x + k * b) as f32));
}

/// One day of a mean-reverting asset's non-market part, from the day's AI, rates and own shocks
/// (`z`) and `[keep, scale, ai, rates, idio]`.
#[inline(never)]
fn revert(level: &mut [f64], z: [&[f64]; 3], [keep, scale, on_ai, on_rates, idio]: [f64; 5]) {
    // (Equal-length slices: the loop then vectorises.)
    let n = level.len();
    let (za, zr, shock) = (&z[0][..n], &z[1][..n], &z[2][..n]);
    for p in 0..n {
        level[p] = keep * level[p] + scale * (on_ai * za[p] + on_rates * zr[p] + idio * shock[p]);
    }
}

/// A day of the bridge moved by `share` of each path's `gap` (see [`Draws::idio_daily`]).
#[inline(never)]
fn pin(row: &mut [f32], gap: &[f64], share: f64) {
    for (x, g) in row.iter_mut().zip(gap) {
        *x = (f64::from(*x) + share * g) as f32;
    }
}

/// The largest size of a day's stored noise.
#[inline(never)]
fn reach(day: &[f32]) -> f64 {
    day.iter().fold(0.0, |m: f64, &x| m.max(f64::from(x).abs()))
}

/// Per day of stored noise (`drawn` a day), for each fan level, the order statistics around it
/// over all `paths` (see [`Draws::noise_quantiles`]).
#[inline(never)]
fn noise_brackets(noise: &[f32], drawn: usize, paths: usize) -> Vec<[(f64, f64, f64); 5]> {
    let mut select = Selector::default();
    let mut all = vec![0.0; paths];
    noise
        .chunks_exact(drawn)
        .map(|day| {
            unfold(day, &mut all);
            select.brackets(&all)
        })
        .collect()
}

/// A stored row of the drawn paths, unfolded into every path: `out = [row, −row]` (the mirror
/// half one shorter when the paths are odd).
fn unfold(row: &[f32], out: &mut [f64]) {
    let (drawn, mirror) = out.split_at_mut(row.len());
    for (o, &x) in drawn.iter_mut().zip(row) {
        *o = f64::from(x);
    }
    for (o, &x) in mirror.iter_mut().zip(row) {
        *o = -f64::from(x);
    }
}
