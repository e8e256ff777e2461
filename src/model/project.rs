//! `project`: the scenario's draws transformed by the reader's inputs into percentile paths.
//!
//! Per path and day: the reserve shortfall → funding (spread, SRF use, stress); the stress and
//! an earnings miss → downside volatility; the cut odds → the priced easing and, on the meeting
//! day, the cut or hold. Per asset: a factor-model path plus the earnings, policy and funding
//! channels. Every per-path value moves in one direction with each input, so every percentile
//! does too (see docs/MODEL.md, "Monotone by construction").

use super::draws::{daily_vol, idio_loading, unit, Draws};
use super::funding::Plumbing;
use super::quantile::{band, Band};
use super::timeline::Timeline;
use crate::inputs::Inputs;
use crate::scenario::{Quote, Scenario};

/// One asset's projection.
#[derive(Debug, Clone, PartialEq)]
pub struct AssetPath {
    /// Index into the scenario's assets.
    pub asset: usize,
    /// Percentiles of the level on the horizon day.
    pub horizon: Band,
    /// Percentiles of the level on every day (index 0 = the as-of close), when requested.
    pub daily: Option<Vec<Band>>,
}

/// Everything the charts and text need.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    /// Assets in scenario order.
    pub assets: Vec<AssetPath>,
    /// SOFR − IORB per day, bp (index 0 = the as-of state).
    pub spread: Vec<Band>,
    /// SRF use per day, $bn.
    pub srf: Vec<Band>,
}

/// Per-path, per-day values shared by every asset (index `t = day − 1`).
struct PathState {
    /// Market shock with the downside amplified by stress and an earnings miss.
    amplified_market: Vec<f64>,
    /// Its running sum.
    cum_market: Vec<f64>,
    /// Funding stress.
    stress: Vec<f64>,
    /// Its running sum.
    cum_stress: Vec<f64>,
    /// Easing against the as-of pricing, in units of 25 bp.
    easing: Vec<f64>,
    /// The same with the positive part muted by funding stress (for prices).
    easing_muted: Vec<f64>,
}

/// Per-asset constants for one update.
struct AssetConsts {
    keep: f64,
    market: f64,
    funding: f64,
    earnings: f64,
    policy: f64,
    muted: bool,
    vol: f64,
    ai: f64,
    rates: f64,
    idio: f64,
}

/// Projects a validated scenario; `fans` lists the assets whose daily percentiles are wanted.
pub(super) fn project(
    s: &Scenario,
    tl: &Timeline,
    plumbing: &Plumbing,
    draws: &Draws,
    inputs: &Inputs,
    fans: &[usize],
) -> Projection {
    let (paths, n, h) = (draws.paths, draws.days, tl.horizon);
    let chain = &s.chain;
    let miss = (-inputs.surprise).max(0.0) / chain.implied_move;
    let cut_probability = inputs.cut_odds / 100.0;
    let repricing = (inputs.cut_odds - s.inputs.cut_odds.as_of) / 100.0;
    let priced_before = s.inputs.cut_odds.as_of / 100.0;
    let reserves = reserve_path(s, tl, inputs);
    let credit = s.asset_index(&chain.credit_asset);
    let consts: Vec<AssetConsts> = s
        .assets
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let u = unit(a.quote);
            let interaction = if Some(i) == credit { chain.credit_miss_stress_bp * miss } else { 0.0 };
            AssetConsts {
                keep: 1.0 - a.mean_reversion,
                market: daily_vol(s, i) * a.market,
                funding: (a.funding + interaction) * u,
                earnings: a.earnings_response() * inputs.surprise * u,
                policy: a.policy * u,
                muted: a.quote == Quote::Price,
                vol: daily_vol(s, i),
                ai: a.ai,
                rates: a.rates,
                idio: idio_loading(s, i),
            }
        })
        .collect();
    // Day-by-day idiosyncratic paths exist only for the fans asked for.
    let fan_idio: Vec<Option<&[f64]>> = fans
        .iter()
        .map(|&a| draws.reverting(a).is_none().then(|| draws.idio_daily(a)))
        .collect();

    let mut fan_buf: Vec<Vec<f64>> = fans.iter().map(|_| vec![0.0; n * paths]).collect();
    let mut horizon_buf = vec![vec![0.0; paths]; s.assets.len()];
    let mut st = PathState {
        amplified_market: vec![0.0; n],
        cum_market: vec![0.0; n],
        stress: vec![0.0; n],
        cum_stress: vec![0.0; n],
        easing: vec![0.0; n],
        easing_muted: vec![0.0; n],
    };
    let pre_meeting_days = (tl.meeting - 1).max(1) as f64;

    // Per-day constants of this update, hoisted out of the path loop.
    let kinds: Vec<_> = (1..=n).map(|day| tl.kind[day]).collect();
    let downside_base: Vec<f64> =
        (1..=n).map(|day| 1.0 + if day >= tl.earnings { chain.vol_miss * miss } else { 0.0 }).collect();
    // The repricing glides in before the meeting; the meeting then delivers a cut (1 − priced)
    // or a hold (− priced) against the as-of pricing.
    let before_meeting = tl.meeting - 1;
    let glide: Vec<f64> =
        (1..tl.meeting).map(|day| repricing * (day as f64 / pre_meeting_days).min(1.0)).collect();
    let fan_slot: Vec<Option<usize>> = (0..s.assets.len()).map(|a| fans.iter().position(|&f| f == a)).collect();

    for p in 0..paths {
        let after = if draws.meeting[p] < cut_probability { 1.0 - priced_before } else { -priced_before };
        let (mut cum_market, mut cum_stress) = (0.0, 0.0);
        let noise = &draws.noise[p * n..(p + 1) * n];
        let market = &draws.market[p * n..(p + 1) * n];
        for t in 0..n {
            let stress = plumbing.stress(reserves[t] + noise[t], kinds[t]);
            let z = market[t];
            let amplified = if z < 0.0 { (downside_base[t] + chain.vol_stress * stress) * z } else { z };
            cum_market += amplified;
            cum_stress += stress;
            st.amplified_market[t] = amplified;
            st.cum_market[t] = cum_market;
            st.stress[t] = stress;
            st.cum_stress[t] = cum_stress;
            let e = if t < before_meeting { glide[t] } else { after };
            st.easing[t] = e;
            st.easing_muted[t] = if e > 0.0 { e * (1.0 - chain.rate_mute * stress) } else { e };
        }
        for (a, c) in consts.iter().enumerate() {
            let easing = if c.muted { &st.easing_muted } else { &st.easing };
            let fan = fan_slot[a];
            if let Some(reverting) = draws.reverting(a) {
                // Mean-reverting assets: the channels enter a recursion that decays them.
                let other = &reverting[p * n..(p + 1) * n];
                let mut x = 0.0;
                for t in 0..n {
                    x = c.keep * x + c.market * st.amplified_market[t] + c.funding * st.stress[t];
                    if t + 1 == tl.earnings {
                        x += c.earnings;
                    }
                    let v = x + other[t] + c.policy * easing[t];
                    if let Some(k) = fan {
                        fan_buf[k][t * paths + p] = v;
                    }
                    if t + 1 == h {
                        horizon_buf[a][p] = v;
                    }
                }
                continue;
            }
            // Random-walk assets: running sums, so the horizon needs no day loop.
            let level = |t: usize, idio: f64| {
                let i = p * n + t;
                let earned = if t + 1 >= tl.earnings { c.earnings } else { 0.0 };
                c.market * st.cum_market[t]
                    + c.funding * st.cum_stress[t]
                    + earned
                    + c.vol * (c.ai * draws.ai[i] + c.rates * draws.rates[i] + c.idio * idio)
                    + c.policy * easing[t]
            };
            horizon_buf[a][p] = level(h - 1, draws.idio_horizon[a * paths + p]);
            if let Some(k) = fan {
                let idio = fan_idio[k].unwrap_or_default();
                for t in 0..n {
                    fan_buf[k][t * paths + p] = level(t, idio[p * n + t]);
                }
            }
        }
    }

    let assets = s
        .assets
        .iter()
        .enumerate()
        .map(|(a, asset)| {
            let level = |x: f64| match asset.quote {
                Quote::Price => asset.start * libm::exp(x),
                Quote::Rate => asset.start + x / 100.0,
            };
            let daily = fans.iter().position(|&f| f == a).map(|k| {
                let mut days = Vec::with_capacity(n + 1);
                days.push(Band::point(asset.start));
                days.extend(fan_buf[k].chunks(paths).map(|v| band(v).map(level)));
                days
            });
            AssetPath { asset: a, horizon: band(&horizon_buf[a]).map(level), daily }
        })
        .collect();
    let (spread, srf) = plumbing_fans(plumbing, tl, draws, inputs, &reserves);
    Projection { assets, spread, srf }
}

/// SOFR − IORB and SRF use per day. Both increase with the shortfall, so their percentiles are
/// the funding curve applied to the shortfall's percentiles: ten evaluations a day, exact.
fn plumbing_fans(plumbing: &Plumbing, tl: &Timeline, draws: &Draws, inputs: &Inputs, reserves: &[f64]) -> (Vec<Band>, Vec<Band>) {
    let as_of = plumbing.day(inputs.shortfall, tl.kind[0]);
    let mut spread = vec![Band::point(as_of.spread_bp)];
    let mut srf = vec![Band::point(as_of.srf_bn)];
    for (t, brackets) in draws.noise_quantiles.iter().enumerate() {
        let kind = tl.kind[t + 1];
        let values = brackets.map(|(a, b, frac)| {
            let (lo, hi) = (plumbing.day(reserves[t] + a, kind), plumbing.day(reserves[t] + b, kind));
            (lo.spread_bp + (hi.spread_bp - lo.spread_bp) * frac, lo.srf_bn + (hi.srf_bn - lo.srf_bn) * frac)
        });
        let band = |pick: fn(&(f64, f64)) -> f64| Band {
            p5: pick(&values[0]),
            p25: pick(&values[1]),
            p50: pick(&values[2]),
            p75: pick(&values[3]),
            p95: pick(&values[4]),
        };
        spread.push(band(|v| v.0));
        srf.push(band(|v| v.1));
    }
    (spread, srf)
}

/// The shortfall path before noise, $bn, for days 1..=n: the input, runoff until QT ends, dated
/// drains, minus reserve purchases from their start.
fn reserve_path(s: &Scenario, tl: &Timeline, inputs: &Inputs) -> Vec<f64> {
    const TRADING_DAYS_PER_MONTH: f64 = 21.0;
    let runoff = s.funding.qt_runoff_bn_per_month / TRADING_DAYS_PER_MONTH;
    let purchases = inputs.rmp_pace / TRADING_DAYS_PER_MONTH;
    let start = s.inputs.rmp_start.options[inputs.rmp_start]
        .start
        .as_deref()
        .and_then(|d| tl.index_of(d))
        .unwrap_or(usize::MAX);
    (1..=tl.days())
        .map(|day| {
            let qt = runoff * day.min(tl.qt_end.saturating_sub(1)) as f64;
            let bought = if day >= start { purchases * (day - start + 1) as f64 } else { 0.0 };
            inputs.shortfall + qt + tl.drain_bn[day] - bought
        })
        .collect()
}
