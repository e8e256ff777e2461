//! `project`: the scenario's draws transformed by the reader's inputs into percentile paths.
//!
//! Per path and day: the reserve shortfall → funding (spread, SRF use, stress); the cut odds →
//! the priced easing and, on the meeting day, the cut or hold. Per asset: a factor-model path
//! plus the policy, funding and long-run-level terms, each an explicit drift or level; every
//! per-path value moves in one fixed direction with each input, so every percentile does. The
//! earnings term is the same on every path, so it is added to the percentiles instead (the
//! credit series' miss-under-stress term, which is not, to its paths' values before selection):
//! a reader dragging the surprise walks no path ([`Kept`]).
//!
//! Volatility terms (an earnings miss and the scenario's funding stress raise the market
//! factor's volatility) change the spread of the distribution, never its centre: each day's
//! percentiles are scaled around their median by the ratio of the series' standard deviation
//! with and without the extra volatility ([`Band::widen`]). So every median moves only through
//! the explicit terms, in the direction each asset declares (docs/MODEL.md, "Directions").

use super::draws::{daily_vol, idio_loading, unit, Draws};
use super::funding::Plumbing;
use super::quantile::{Band, Selector};
use super::timeline::Timeline;
use crate::inputs::Inputs;
use crate::scenario::{Quote, Scenario, TRADING_DAYS_PER_MONTH};

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

/// What a caller keeps between projections, so that a reader's drag recomputes only what the
/// dragged input changes; a projection's numbers are the same with or without it (tested).
/// - Every path's funding stress on every projected day, for one reserve path: a reader dragging
///   the surprise or the cut odds leaves the reserve path alone, and the plumbing is then read
///   per path only for the first projection.
/// - The surprise-free part (`SurpriseFree`) for one set of the other inputs and fans: a reader
///   dragging the surprise then moves no path at all, only the explicit surprise terms.
#[derive(Debug, Default)]
pub struct Kept {
    /// The reserve path the rows belong to (empty: none yet).
    reserves: Vec<f64>,
    /// Day by day, every path's stress (`days × paths`).
    rows: Vec<f64>,
    /// The projection without the surprise's terms.
    free: Option<SurpriseFree>,
}

/// A projection without the surprise's terms. The surprise enters a projection three ways, each
/// explicit and each applied to these percentiles, not to the paths: the earnings term (the same
/// for every path, so it shifts every percentile: a level from the reaction day for random-walk
/// series, a decaying impulse in mean-reverting ones), a miss's extra market volatility (the
/// band widened around its median, [`Band::widen`]), and, for the credit series, a miss's
/// widening under funding stress (per path: that series' values are kept with their stress sum,
/// and selected again).
#[derive(Debug)]
struct SurpriseFree {
    /// The inputs it was computed for, the surprise left at 0, and the fans.
    others: Inputs,
    fans: Vec<usize>,
    /// The percentiles in simulation units of each series on each day drawn (every day for a
    /// fan, else the horizon day alone), day after day, the series in order within a day; the
    /// credit series is not among them.
    bands: Vec<Band>,
    /// The credit series on the days drawn, day after day: every path's value before a miss's
    /// widening, then every path's stress sum as the widening scales it.
    credit: Vec<f64>,
}

/// Per-asset constants for one update.
#[derive(Clone, Copy)]
struct AssetConsts {
    keep: f64,
    /// Daily pull towards the long-run level (mean-reverting assets), in simulation units.
    pull: f64,
    market: f64,
    funding: f64,
    policy: f64,
    muted: bool,
    vol: f64,
    ai: f64,
    rates: f64,
    idio: f64,
}

/// Projects a validated scenario; `fans` lists the assets whose daily percentiles are wanted.
/// With `kept`, what it holds for these inputs is read back, and what it lacks is kept.
pub(super) fn project(
    s: &Scenario,
    tl: &Timeline,
    plumbing: &Plumbing,
    draws: &Draws,
    inputs: &Inputs,
    fans: &[usize],
    mut kept: Option<&mut Kept>,
) -> Projection {
    let reserves = reserve_path(s, tl, inputs);
    let others = Inputs { surprise: 0.0, ..*inputs };
    // The surprise-free part: kept for these other inputs and fans, or computed (and kept).
    let free = match kept.as_deref_mut().and_then(|k| k.free.take()) {
        Some(free) if free.others == others && free.fans == fans => free,
        _ => surprise_free(s, tl, plumbing, draws, inputs, &reserves, fans, kept.as_deref_mut()),
    };
    let projection = with_surprise(s, tl, plumbing, draws, inputs, &reserves, fans, &free);
    if let Some(k) = kept {
        k.free = Some(free);
    }
    projection
}

/// The projection's per-path part: every path walked day by day under every input but the
/// surprise, and the percentiles of each series on the days drawn, in simulation units.
#[allow(clippy::too_many_arguments)]
fn surprise_free(
    s: &Scenario,
    tl: &Timeline,
    plumbing: &Plumbing,
    draws: &Draws,
    inputs: &Inputs,
    reserves: &[f64],
    fans: &[usize],
    mut kept: Option<&mut Kept>,
) -> SurpriseFree {
    let (paths, n, h) = (draws.paths, draws.days, tl.horizon);
    let chain = &s.chain;
    let cut_probability = inputs.cut_odds / 100.0;
    let repricing = (inputs.cut_odds - s.inputs.cut_odds.as_of) / 100.0;
    let priced_before = s.inputs.cut_odds.as_of / 100.0;
    // Kept rows are read back when they belong to this reserve path, else written afresh.
    let reuse = kept.as_ref().is_some_and(|k| k.reserves == reserves && k.rows.len() == n * paths);
    if let Some(k) = kept.as_deref_mut().filter(|_| !reuse) {
        k.reserves = reserves.to_vec();
        k.rows.resize(n * paths, 0.0);
    }
    let credit = s.asset_index(&chain.credit_asset);
    let consts: Vec<AssetConsts> = s
        .assets
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let u = unit(a.quote);
            AssetConsts {
                keep: 1.0 - a.mean_reversion,
                pull: a.long_run_pull(),
                market: daily_vol(s, i) * a.market,
                funding: a.funding * u,
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
    let fan_idio: Vec<Option<&[f32]>> = (0..s.assets.len())
        .map(|a| (fans.contains(&a) && draws.reverting(a).is_none()).then(|| draws.idio_daily(a)))
        .collect();
    let mut bands = Vec::new();
    let mut credit_rows = Vec::new();
    let mut select = Selector::default();
    let pre_meeting_days = (tl.meeting - 1).max(1) as f64;
    // The repricing glides in before the meeting; the meeting then delivers a cut (1 − priced)
    // or a hold (− priced) against the as-of pricing.
    let before_meeting = tl.meeting - 1;
    let after: Vec<f64> =
        draws.meeting.iter().map(|&u| if u < cut_probability { 1.0 - priced_before } else { -priced_before }).collect();

    // Day by day over all paths: each path's running sums and recursions advance in the same
    // order as a path-by-path walk, so every value is the same, but each day is one contiguous
    // run of arithmetic. Per path: the day's stress, the running sums of the market shocks and
    // of the stress, the easing and the muted easing; per mean-reverting asset, its state. The
    // stored draws are unfolded into every path (drawn and mirrored) a day at a time, and only
    // when used. In the browser build each loop over the paths is a small function of its own:
    // Chromium re-compiles a hot wasm function whole in its optimising tier, so the hot loops
    // tier up alone and quickly, and this driver stays small. (Natively they are inlined: kept
    // apart there, an update ran 2% slower.)
    let zeros = || vec![0.0; paths];
    let (mut fresh, mut noise, mut cum_market, mut cum_stress) = (zeros(), zeros(), zeros(), zeros());
    let (mut easing, mut easing_muted, mut values) = (zeros(), zeros(), zeros());
    let (mut market, mut ai, mut rates, mut other) = (zeros(), zeros(), zeros(), zeros());
    let mut state: Vec<Vec<f64>> = (0..s.assets.len()).map(|a| if draws.reverting(a).is_some() { zeros() } else { Vec::new() }).collect();
    // The credit series' stress sum as its recursion decays it (a mean-reverting credit series).
    let mut credit_stress = if credit.is_some_and(|c| draws.reverting(c).is_some()) { zeros() } else { Vec::new() };
    for t in 0..n {
        let horizon_day = t + 1 == h;
        // The day's stress on every path: the kept row itself, or computed (into the kept row).
        let row = t * paths..(t + 1) * paths;
        let stress: &[f64] = match kept.as_deref_mut() {
            Some(k) if reuse => &k.rows[row],
            k => {
                draws.row(&draws.noise, t, &mut noise);
                let out = match k {
                    Some(k) => &mut k.rows[row],
                    None => &mut fresh[..],
                };
                plumbing.stress_each(reserves[t], &noise, draws.noise_reach[t], tl.kind[t + 1], out);
                out
            }
        };
        draws.row(&draws.market, t, &mut market);
        accumulate(&market, stress, &mut cum_market, &mut cum_stress);
        if t < before_meeting {
            let g = repricing * ((t + 1) as f64 / pre_meeting_days).min(1.0);
            easing.fill(g);
        } else {
            easing.copy_from_slice(&after);
        }
        mute(&easing, &cum_stress, chain.rate_mute, 1.0 / (t + 1) as f64, &mut easing_muted);
        let mut factors_read = false;
        for (a, c) in consts.iter().enumerate() {
            let eased = if c.muted { &easing_muted } else { &easing };
            let drawn = fans.contains(&a) || horizon_day;
            if let Some(reverting) = draws.reverting(a) {
                // Mean-reverting assets: the channels enter a recursion that decays them; the
                // level itself is only needed on the days drawn.
                let x = &mut state[a];
                revert_day(&market, stress, [c.keep, c.market, c.funding, c.pull], x);
                if Some(a) == credit {
                    revert_day(&market, stress, [c.keep, 0.0, 1.0, 0.0], &mut credit_stress);
                }
                if !drawn {
                    continue;
                }
                draws.row(reverting, t, &mut other);
                reverting_values(x, &other, eased, c.policy, &mut values);
            } else if drawn {
                // Random-walk assets: running sums, so only the days wanted are computed.
                if !factors_read {
                    draws.row(&draws.ai, t, &mut ai);
                    draws.row(&draws.rates, t, &mut rates);
                    factors_read = true;
                }
                // The idiosyncratic part goes through `other` (free for random-walk assets).
                match fan_idio[a] {
                    Some(daily) => draws.row(daily, t, &mut other),
                    None => draws.row(&draws.idio_horizon, a, &mut other),
                }
                let sums = Sums { market: &cum_market, stress: &cum_stress, eased };
                walk_values(c, sums, [&ai, &rates, &other], &mut values);
            } else {
                continue;
            }
            if Some(a) == credit {
                credit_rows.extend_from_slice(&values);
                credit_rows.extend_from_slice(if credit_stress.is_empty() { &cum_stress } else { &credit_stress });
            } else {
                bands.push(select.band(&values));
            }
        }
    }
    SurpriseFree { others: Inputs { surprise: 0.0, ..*inputs }, fans: fans.to_vec(), bands, credit: credit_rows }
}

/// The projection from its surprise-free part: the surprise's explicit terms applied to each
/// series' percentiles on the days drawn (see [`SurpriseFree`]), in levels; the plumbing's fans.
#[allow(clippy::too_many_arguments)]
fn with_surprise(
    s: &Scenario,
    tl: &Timeline,
    plumbing: &Plumbing,
    draws: &Draws,
    inputs: &Inputs,
    reserves: &[f64],
    fans: &[usize],
    free: &SurpriseFree,
) -> Projection {
    let (n, h) = (draws.days, tl.horizon);
    let chain = &s.chain;
    let miss = (-inputs.surprise).max(0.0) / chain.implied_move;
    let credit = s.asset_index(&chain.credit_asset);
    let level_of = |a: usize| {
        let asset = &s.assets[a];
        move |x: f64| match asset.quote {
            Quote::Price => asset.start * libm::exp(x),
            Quote::Rate => asset.start + x / 100.0,
        }
    };
    let mut daily: Vec<Option<Vec<Band>>> = (0..s.assets.len())
        .map(|a| {
            fans.contains(&a).then(|| {
                let mut days = Vec::with_capacity(n + 1);
                days.push(Band::point(s.assets[a].start));
                days
            })
        })
        .collect();
    let mut horizon: Vec<Band> = vec![Band::point(0.0); s.assets.len()];
    let mut select = Selector::default();
    let mut values = vec![0.0; draws.paths];
    // Per asset: the earnings term so far, and the variance of its shocks so far (in units of a
    // day's variance) without the volatility terms and with them on the market factor's share.
    let mut earned = vec![0.0; s.assets.len()];
    let (mut var_plain, mut var_scaled) = (vec![0.0; s.assets.len()], vec![0.0; s.assets.len()]);
    let mut bands = free.bands.iter();
    let mut credit_days = free.credit.chunks_exact(draws.paths);
    for t in 0..n {
        let horizon_day = t + 1 == h;
        // The market factor's volatility that day, relative to an ordinary one: raised by a miss
        // from the reaction day and by the scenario's funding stress at the noise-free shortfall.
        let scale = 1.0
            + if t + 1 >= tl.earnings { chain.vol_miss * miss } else { 0.0 }
            + chain.vol_stress * plumbing.stress(reserves[t], tl.kind[t + 1]);
        let day_var = tl.vol_multiplier[t + 1] * tl.vol_multiplier[t + 1];
        for (a, asset) in s.assets.iter().enumerate() {
            let keep = 1.0 - asset.mean_reversion;
            let (decay, market_share) = (keep * keep, asset.market * asset.market);
            var_plain[a] = decay * var_plain[a] + day_var;
            var_scaled[a] = decay * var_scaled[a] + day_var * (market_share * scale * scale + 1.0 - market_share);
            // The earnings term: the reaction day's move, a level from then on in a random-walk
            // series, an impulse its recursion decays in a mean-reverting one.
            let response = asset.earnings_response() * inputs.surprise * unit(asset.quote);
            earned[a] = if draws.reverting(a).is_some() {
                keep * earned[a] + if t + 1 == tl.earnings { response } else { 0.0 }
            } else if t + 1 >= tl.earnings {
                response
            } else {
                0.0
            };
            if !(fans.contains(&a) || horizon_day) {
                continue;
            }
            let band = if Some(a) == credit {
                // A miss widens credit in proportion to each path's funding stress.
                let (base, stress) = (credit_days.next().unwrap_or_default(), credit_days.next().unwrap_or_default());
                let widening = chain.credit_miss_stress_bp * miss * unit(asset.quote);
                for ((v, b), s) in values.iter_mut().zip(base).zip(stress) {
                    *v = b + widening * s;
                }
                select.band(&values)
            } else {
                bands.next().copied().unwrap_or(Band::point(0.0))
            };
            let band = band.map(|x| x + earned[a]).widen(libm::sqrt(var_scaled[a] / var_plain[a])).map(level_of(a));
            if let Some(days) = &mut daily[a] {
                days.push(band);
            }
            if horizon_day {
                horizon[a] = band;
            }
        }
    }
    let assets = daily
        .into_iter()
        .zip(horizon)
        .enumerate()
        .map(|(a, (daily, horizon))| AssetPath { asset: a, horizon, daily })
        .collect();
    let (spread, srf) = plumbing_fans(plumbing, tl, draws, inputs, reserves);
    Projection { assets, spread, srf }
}

// The per-path loops of a day, on rows of every path ([`Draws::row`]). (Equal-length slices:
// the loops then vectorise.) Each is a function of its own in the browser build (see above).

/// The running sums: `cum_market += shock`, `cum_stress += stress`.
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn accumulate(shock: &[f64], stress: &[f64], cum_market: &mut [f64], cum_stress: &mut [f64]) {
    let n = cum_market.len();
    let (shock, stress, cum_stress) = (&shock[..n], &stress[..n], &mut cum_stress[..n]);
    for p in 0..n {
        cum_market[p] += shock[p];
        cum_stress[p] += stress[p];
    }
}

/// The easing as price-quoted assets feel it: a cut (a positive easing) blunted by the path's
/// funding stress averaged over the days so far (`per_day`: one over their number). A lasting
/// squeeze blunts easing; a one-day balance-sheet date (the year-end turn, which is also the
/// horizon) does not bend the level that day. (Branch-free: × 1 is exact.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn mute(easing: &[f64], cum_stress: &[f64], rate_mute: f64, per_day: f64, out: &mut [f64]) {
    let n = out.len();
    let (easing, cum_stress) = (&easing[..n], &cum_stress[..n]);
    for p in 0..n {
        let e = easing[p];
        let mute = 1.0 - rate_mute * (cum_stress[p] * per_day);
        out[p] = e * if e > 0.0 { mute } else { 1.0 };
    }
}

/// One day of a mean-reverting asset's recursion: `x = keep·x + market·shock + funding·stress +
/// constant`, with `[keep, market, funding, constant]`.
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn revert_day(shock: &[f64], stress: &[f64], [keep, market, funding, constant]: [f64; 4], x: &mut [f64]) {
    let n = x.len();
    let (shock, stress) = (&shock[..n], &stress[..n]);
    for p in 0..n {
        x[p] = keep * x[p] + market * shock[p] + funding * stress[p] + constant;
    }
}

/// A mean-reverting asset's level on a drawn day: its state, its non-market part and the easing.
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn reverting_values(x: &[f64], other: &[f64], eased: &[f64], policy: f64, values: &mut [f64]) {
    let n = values.len();
    let (x, other, eased) = (&x[..n], &other[..n], &eased[..n]);
    for p in 0..n {
        values[p] = x[p] + other[p] + policy * eased[p];
    }
}

/// A random-walk asset's running sums and its easing, per path.
struct Sums<'a> {
    market: &'a [f64],
    stress: &'a [f64],
    eased: &'a [f64],
}

/// A random-walk asset's level on a drawn day before the surprise's terms: the running sums, the
/// AI, rates and idiosyncratic draws (`[ai, rates, idio]`) and the easing.
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn walk_values(c: &AssetConsts, sums: Sums, [ai, rates, idio]: [&[f64]; 3], values: &mut [f64]) {
    let AssetConsts { market, funding, policy, vol, ai: on_ai, rates: on_rates, idio: on_idio, .. } = *c;
    let n = values.len();
    let (cum_market, cum_stress, eased) = (&sums.market[..n], &sums.stress[..n], &sums.eased[..n]);
    let (ai, rates, other) = (&ai[..n], &rates[..n], &idio[..n]);
    for p in 0..n {
        values[p] = market * cum_market[p]
            + funding * cum_stress[p]
            + vol * (on_ai * ai[p] + on_rates * rates[p] + on_idio * other[p])
            + policy * eased[p];
    }
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
