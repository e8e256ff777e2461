//! Common random numbers: every random draw of a scenario, made once and then only transformed
//! when the reader moves an input (so fans move smoothly instead of flickering, and an update
//! costs arithmetic, not random-number generation).
//!
//! Set-up draws only what every update needs: the shared market, AI and rates factors and the
//! reserve noise per path and day, the meeting outcome per path, and each asset's idiosyncratic
//! total at the horizon. An asset's day-by-day idiosyncratic path is drawn the first time its fan
//! is asked for, as a Gaussian bridge pinned to that total, so the fan and the horizon agree.
//! Mean-reverting assets get their whole daily path at set-up.

use super::quantile::Selector;
use super::rng::Normals;
use super::timeline::Timeline;
use crate::scenario::{Quote, Scenario};
use std::cell::OnceCell;

/// The scenario's draws. Per-path-and-day arrays are laid out day by day, `[t * paths + p]`
/// with `t = day − 1`, so that an update walks each day's paths in one contiguous run.
pub struct Draws {
    /// Paths.
    pub paths: usize,
    /// Projected days per path.
    pub days: usize,
    /// Market-factor shock, event multipliers applied.
    pub market: Vec<f64>,
    /// Cumulative AI-factor shocks (multipliers applied).
    pub ai: Vec<f64>,
    /// Cumulative rates-factor shocks (multipliers applied).
    pub rates: Vec<f64>,
    /// Reserve noise, $bn, AR(1).
    pub noise: Vec<f64>,
    /// Per day, for each fan level, the two order statistics of the reserve noise around it and
    /// the interpolation weight: every plumbing series is an increasing function of the noise,
    /// so its percentiles follow from these without touching the paths.
    pub noise_quantiles: Vec<[(f64, f64, f64); 5]>,
    /// Uniform draw that decides the meeting (cut when below the cut probability).
    pub meeting: Vec<f64>,
    /// Each asset's cumulative idiosyncratic shock at the horizon, `[a * paths + p]`.
    pub idio_horizon: Vec<f64>,
    /// Mean-reverting assets: the whole non-market part of the path, in the asset's units.
    reverting: Vec<Option<Vec<f64>>>,
    /// Day-by-day cumulative idiosyncratic shocks, drawn on first use.
    idio_daily: Vec<OnceCell<Vec<f64>>>,
    /// Variance of each day's shock (the squared event multiplier).
    day_var: Vec<f64>,
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
    pub fn new(s: &Scenario, tl: &Timeline) -> Draws {
        let paths = s.simulation.paths as usize;
        let days = tl.days();
        let horizon = tl.horizon;
        let seed = u64::from(s.simulation.seed);
        let mut z = Normals::new(seed);
        let f = &s.funding;
        let innovation = f.noise_bn * libm::sqrt(1.0 - f.noise_persistence * f.noise_persistence);
        let mult: Vec<f64> = (1..=days).map(|d| tl.vol_multiplier[d]).collect();
        let day_var: Vec<f64> = mult.iter().map(|m| m * m).collect();
        let horizon_sd = libm::sqrt(day_var[..horizon].iter().sum::<f64>());
        let reverting_assets: Vec<usize> =
            (0..s.assets.len()).filter(|&a| s.assets[a].mean_reversion > 0.0).collect();

        // Per-asset constants of the mean-reverting recursions.
        let rev: Vec<(f64, f64, f64, f64, f64)> = reverting_assets
            .iter()
            .map(|&a| {
                let asset = &s.assets[a];
                (daily_vol(s, a), asset.ai, asset.rates, idio_loading(s, a), 1.0 - asset.mean_reversion)
            })
            .collect();

        let cells = paths * days;
        let (mut market, mut ai, mut rates, mut noise) =
            (vec![0.0; cells], vec![0.0; cells], vec![0.0; cells], vec![0.0; cells]);
        let mut reverting: Vec<Option<Vec<f64>>> = vec![None; s.assets.len()];
        let mut rev_paths: Vec<Vec<f64>> = reverting_assets.iter().map(|_| vec![0.0; cells]).collect();
        let mut meeting = vec![0.0; paths];
        let mut idio_horizon = vec![0.0; s.assets.len() * paths];
        // Each path's normals in the order a path-by-path walk takes them: per asset its
        // idiosyncratic total, the first reserve noise, then per day the market, AI and rates
        // shocks, the reserve innovation (after the first day) and one shock per mean-reverting
        // asset. Paths are drawn in order, then walked in blocks of eight, day by day, so that
        // each day's writes fill whole cache lines; every value is computed as in a walk of one
        // path at a time.
        const BLOCK: usize = 8;
        let n_assets = s.assets.len();
        let per_day = 3 + rev.len();
        let day_at = |t: usize| n_assets + 1 + t * per_day + t.saturating_sub(1);
        let per_path = day_at(days);
        let mut normals = vec![0.0; BLOCK * per_path];
        let mut reserve = [0.0; BLOCK];
        let (mut cum_ai, mut cum_rates) = ([0.0; BLOCK], [0.0; BLOCK]);
        let mut level = vec![[0.0; BLOCK]; rev.len()];
        for first in (0..paths).step_by(BLOCK) {
            let block = BLOCK.min(paths - first);
            for j in 0..block {
                meeting[first + j] = z.uniform();
                z.fill(&mut normals[j * per_path..(j + 1) * per_path]);
            }
            for j in 0..block {
                let zs = &normals[j * per_path..];
                for a in 0..n_assets {
                    idio_horizon[a * paths + first + j] = horizon_sd * zs[a];
                }
                reserve[j] = f.noise_bn * zs[n_assets];
                cum_ai[j] = 0.0;
                cum_rates[j] = 0.0;
                for l in level.iter_mut() {
                    l[j] = 0.0;
                }
            }
            for t in 0..days {
                let at = day_at(t);
                let row = t * paths + first;
                for j in 0..block {
                    let zs = &normals[j * per_path + at..];
                    let (zm, za, zr) = (zs[0], zs[1], zs[2]);
                    let i = row + j;
                    market[i] = zm * mult[t];
                    cum_ai[j] += za * mult[t];
                    cum_rates[j] += zr * mult[t];
                    ai[i] = cum_ai[j];
                    rates[i] = cum_rates[j];
                    let mut k = 3;
                    if t > 0 {
                        reserve[j] = f.noise_persistence * reserve[j] + innovation * zs[3];
                        k = 4;
                    }
                    noise[i] = reserve[j];
                    for (r, &(vol, a_ai, a_rates, idio, keep)) in rev.iter().enumerate() {
                        let shock = vol * mult[t] * (a_ai * za + a_rates * zr + idio * zs[k + r]);
                        level[r][j] = keep * level[r][j] + shock;
                        rev_paths[r][i] = level[r][j];
                    }
                }
            }
        }
        for (&a, path) in reverting_assets.iter().zip(rev_paths) {
            reverting[a] = Some(path);
        }
        // Every plumbing series increases with the noise: its order statistics are all an update
        // needs of it.
        let mut select = Selector::default();
        let noise_quantiles = noise.chunks_exact(paths).map(|day| select.brackets(day)).collect();
        Draws {
            paths,
            days,
            noise_quantiles,
            market,
            ai,
            rates,
            noise,
            meeting,
            idio_horizon,
            reverting,
            idio_daily: (0..s.assets.len()).map(|_| OnceCell::new()).collect(),
            day_var,
            horizon,
            seed,
        }
    }

    /// The non-market part of a mean-reverting asset's path, if the asset reverts.
    pub fn reverting(&self, asset: usize) -> Option<&[f64]> {
        self.reverting[asset].as_deref()
    }

    /// An asset's cumulative idiosyncratic shocks day by day (standardised units), drawn on first
    /// use as a bridge that ends, on the horizon day, exactly at the asset's horizon draw.
    pub fn idio_daily(&self, asset: usize) -> &[f64] {
        self.idio_daily[asset].get_or_init(|| {
            let (paths, days, h) = (self.paths, self.days, self.horizon);
            let total_var: f64 = self.day_var[..h].iter().sum();
            let mut z = Normals::new(self.seed ^ (0xA5A5_0000 + asset as u64).wrapping_mul(0x9E37_79B9));
            let sd: Vec<f64> = self.day_var.iter().map(|&v| libm::sqrt(v)).collect();
            let pin: Vec<f64> = (0..days).map(|t| if t < h { self.day_var[t] / total_var } else { 0.0 }).collect();
            let mut out = vec![0.0; paths * days];
            let mut eps = vec![0.0; days];
            for p in 0..paths {
                z.fill(&mut eps);
                for (e, sd) in eps.iter_mut().zip(&sd) {
                    *e *= sd;
                }
                let total = self.idio_horizon[asset * paths + p];
                let gap = total - eps[..h].iter().sum::<f64>();
                let mut cum = 0.0;
                for t in 0..days {
                    let pinned = if t < h { pin[t] * gap } else { 0.0 };
                    cum += eps[t] + pinned;
                    out[t * paths + p] = cum;
                }
                // The horizon value is the draw itself, not a sum that rounding may move.
                out[(h - 1) * paths + p] = total;
            }
            out
        })
    }
}
