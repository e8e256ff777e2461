//! The scenario engine: pure, deterministic, natively testable. No web types, no I/O.
//!
//! [`Engine::new`] validates a scenario, lays out its calendar and makes its random draws once;
//! [`Engine::project`] turns validated [`Inputs`] into a [`Projection`] by arithmetic only.

mod draws;
mod funding;
mod project;
mod quantile;
mod rng;
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd;
mod takeup;
mod timeline;

pub use funding::{Day as FundingDay, Plumbing};
pub use project::{AssetPath, Projection, Kept};
pub use quantile::{band, Band, LEVELS};
pub use timeline::{DayKind, Timeline};

use crate::inputs::Inputs;
use crate::scenario::{validate, Problem, Quote, Scenario, TRADING_DAYS_PER_MONTH};

/// A validated scenario with its calendar and draws, ready to project.
pub struct Engine {
    scenario: Scenario,
    timeline: Timeline,
    plumbing: Plumbing,
    draws: draws::Draws,
}

/// The numbers the summary sentence and the host page's prose use.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Headline {
    /// The first asset (the story's lead index) at the horizon.
    pub lead: Band,
    /// Day index and band of SOFR − IORB where its median peaks.
    pub spread_peak_day: usize,
    /// SOFR − IORB at that day, bp.
    pub spread_peak: Band,
    /// Day index where median SRF use peaks (the 95th percentile's peak when the median is 0).
    pub srf_peak_day: usize,
    /// SRF use at that day, $bn.
    pub srf_peak: Band,
    /// The price-quoted series (any shown in percent) whose median moves most by the horizon.
    pub mover: usize,
    /// Its median change, percent.
    pub mover_change: f64,
}

/// The largest shortfall an update can reach, $bn (the plumbing tables cover it): the input's
/// maximum, every drain at once, runoff over every projected day and eight deviations of the
/// noise and of the balance-sheet tightness.
fn max_shortfall(s: &Scenario, tl: &Timeline) -> f64 {
    let f = &s.funding;
    let drains: f64 = f.drains.iter().map(|d| d.bn.max(0.0)).sum();
    let runoff = f.qt_runoff_bn_per_month.max(0.0) * tl.days() as f64 / TRADING_DAYS_PER_MONTH;
    s.inputs.shortfall.max + drains + runoff + 8.0 * (f.noise_bn + f.tightness_month_end_bn.max(f.tightness_year_end_bn))
}

impl Engine {
    /// Validates the scenario and prepares it; every problem is returned if it does not validate.
    pub fn new(scenario: Scenario) -> Result<Engine, Vec<Problem>> {
        let problems = validate(&scenario);
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Engine::prepared(scenario))
    }

    /// The built-in story ([`crate::scenario::builtin`]), prepared without checking it again:
    /// its tests validate it, so it is the one scenario that skips `validate` (and the reader's
    /// wasm for it carries none of `validate`).
    pub fn built_in() -> Engine {
        Engine::prepared(crate::scenario::builtin::scenario())
    }

    /// A valid scenario's calendar, funding block and draws.
    fn prepared(scenario: Scenario) -> Engine {
        let timeline = Timeline::new(&scenario);
        let plumbing = Plumbing::new(&scenario.funding, max_shortfall(&scenario, &timeline));
        let draws = draws::Draws::new(&scenario, &timeline);
        Engine { scenario, timeline, plumbing, draws }
    }

    /// The scenario.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The calendar.
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// The funding block, prepared.
    pub fn plumbing(&self) -> &Plumbing {
        &self.plumbing
    }

    /// Projects `inputs`, with daily percentiles for the assets listed in `fans`.
    pub fn project(&self, inputs: &Inputs, fans: &[usize]) -> Projection {
        project::project(&self.scenario, &self.timeline, &self.plumbing, &self.draws, inputs, fans, None)
    }

    /// [`Engine::project`], reading back what `kept` holds for these inputs (the paths' funding
    /// stress for this reserve path; the surprise-free percentiles for these other inputs and
    /// fans) and keeping what it lacks: the same numbers, and a drag of the surprise walks no path.
    pub fn project_keeping(&self, inputs: &Inputs, fans: &[usize], kept: &mut Kept) -> Projection {
        project::project(&self.scenario, &self.timeline, &self.plumbing, &self.draws, inputs, fans, Some(kept))
    }

    /// Projects with daily percentiles for every asset (exports, tests).
    pub fn project_all(&self, inputs: &Inputs) -> Projection {
        let all: Vec<usize> = (0..self.scenario.assets.len()).collect();
        self.project(inputs, &all)
    }

    /// The headline numbers of a projection.
    pub fn headline(&self, p: &Projection) -> Headline {
        // Peaks over the projected days (day 0 is the as-of state, not a projection).
        let peak = |series: &[Band], key: fn(&Band) -> f64| {
            (1..series.len()).fold(1.min(series.len() - 1), |best, i| if key(&series[i]) > key(&series[best]) { i } else { best })
        };
        let spread_peak_day = peak(&p.spread, |b| b.p50);
        let mut srf_peak_day = peak(&p.srf, |b| b.p50);
        if p.srf[srf_peak_day].p50 <= 0.0 {
            srf_peak_day = peak(&p.srf, |b| b.p95);
        }
        let change = |a: &AssetPath| {
            let start = self.scenario.assets[a.asset].start;
            (a.horizon.p50 / start - 1.0) * 100.0
        };
        // Every series the cross-asset chart shows in percent (prices, the VIX among them).
        let movers = p.assets.iter().filter(|a| self.scenario.assets[a.asset].quote == Quote::Price);
        let mover = movers.fold(None::<&AssetPath>, |best, a| match best {
            Some(b) if change(b).abs() >= change(a).abs() => Some(b),
            _ => Some(a),
        });
        Headline {
            lead: p.assets[0].horizon,
            spread_peak_day,
            spread_peak: p.spread[spread_peak_day],
            srf_peak_day,
            srf_peak: p.srf[srf_peak_day],
            mover: mover.map_or(0, |a| a.asset),
            mover_change: mover.map_or(0.0, change),
        }
    }
}
