//! The scenario file format: everything the engine knows about one story, as plain data.
//!
//! A scenario names its dates, its starting levels, its inputs (labels, units, ranges, as-of
//! values), its assets and their sensitivities, the funding plumbing and its presets. The engine
//! hard-wires only the *kinds* of channel (an earnings surprise, a priced meeting, a reserve
//! shortfall); every number comes from here, each with a `source`.
//!
//! Plain structs only (no internally tagged enums, no `flatten`). Natively a file is read by
//! serde_json and the derives; in the browser by [`json`] into a [`Value`] and then [`FromValue`].

pub mod builtin;
mod conventions;
mod directions;
mod input_defs;
pub mod json;
pub(crate) mod validate;
mod value;

pub use crate::text::{Date, Text};
pub use input_defs::{InputDef, InputId, Kind, Metric, PresetValue, Spec, Unit, INPUTS};
pub use conventions::{MAX_CALENDAR_DAYS, MAX_PROBLEMS_SHOWN, MAX_SCENARIO_CHARS, MODEL_VERSION, READ_STEP_BYTES, TRADING_DAYS_PER_MONTH};
pub use validate::{capped, more_problems, problem_list, too_large, validate, validate_first, Problem};
pub use directions::Directions;
pub use json::JsonError;
pub use value::{FromValue, Value, ValueError};
use value::{scenario_structs, word_enums};

use serde::{Deserialize, Serialize};

/// The default story as written, with every parameter's source (native tools, tests, the studio).
pub const DEFAULT_SCENARIO_JSON: &str = include_str!("default.json");

/// The default story, parsed (native builds; the wasm gets it through [`builtin`], without its
/// citations).
#[cfg(not(target_arch = "wasm32"))]
pub fn default_scenario() -> Scenario {
    from_json(DEFAULT_SCENARIO_JSON).unwrap_or_else(|e| unreachable!("the built-in scenario parses: {e}"))
}

/// Parses a scenario file's structure (field names and types); values are checked by [`validate`].
#[cfg(not(target_arch = "wasm32"))]
pub fn from_json(json: &str) -> Result<Scenario, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

scenario_structs! {
/// One whole scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// Short stable identifier, used in permalinks (`nov-2025`).
    pub id: String,
    /// Bumped whenever numbers change; permalinks carry it.
    pub version: u32,
    /// Headline of the story.
    pub title: Text,
    /// One-line credit shown under charts and in exports.
    pub source: Text,
    /// Monte Carlo settings.
    pub simulation: Simulation,
    /// Trading days and dated events.
    pub calendar: Calendar,
    /// The reader's inputs.
    pub inputs: InputSpecs,
    /// Projected series.
    pub assets: Vec<Asset>,
    /// Reserves, repo and the Standing Repo Facility.
    pub funding: Funding,
    /// The cross-channel links of the story.
    pub chain: Chain,
    /// Named input states from the story.
    pub presets: Vec<Preset>,
    /// How far the calibration reaches: beyond it the widget says the model is extrapolating.
    #[serde(default)]
    pub calibration: Option<Calibration>,
}
}

scenario_structs! {
/// The edge of what the model was calibrated on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    /// The largest median peak of SOFR − IORB the calibration covers, bp.
    pub spread_bp: f64,
    /// What the widget says beyond it (one line).
    pub note: Text,
    /// Where the edge comes from.
    pub source: String,
}
}

scenario_structs! {
/// Monte Carlo settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Simulation {
    /// Number of simulated paths (common random numbers: drawn once per scenario).
    pub paths: u32,
    /// Seed of the generator (a 32-bit value so that it survives JavaScript numbers).
    pub seed: u32,
    /// Trading days per year, for annualised volatilities.
    pub trading_days_per_year: f64,
    /// Source or reason for these settings.
    pub source: String,
}
}

scenario_structs! {
/// The trading calendar from the as-of close to the last projected day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Calendar {
    /// The as-of close (day 0), `YYYY-MM-DD`.
    pub as_of: String,
    /// The last projected trading day.
    pub end: String,
    /// The day whose distribution is called "year-end" in charts and text.
    pub horizon: String,
    /// Weekdays on which the exchange is closed.
    pub holidays: Vec<String>,
    /// Early-close days (kept as trading days; labelled).
    pub half_days: Vec<String>,
    /// Dated events, drawn as markers.
    pub events: Vec<Event>,
    /// Source for the dates.
    pub source: String,
}
}

word_enums! {
/// What an event does in the model.
pub enum EventKind {
    /// The day the market reacts to the earnings report (the surprise lands).
    Earnings = "earnings",
    /// The policy meeting resolves (cut or hold).
    Meeting = "meeting",
    /// Balance-sheet runoff stops.
    QtEnd = "qt_end",
    /// A marked funding-stress date (drains are listed under `funding.drains`).
    Funding = "funding",
}
}

scenario_structs! {
/// A dated event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Trading day, `YYYY-MM-DD`.
    pub date: String,
    /// Role in the model.
    pub kind: EventKind,
    /// Short label for chart markers.
    pub label: Text,
    /// Volatility multiplier on this day (event-day jump risk), 1 = ordinary day.
    pub vol_multiplier: f64,
    /// Source or reason.
    pub source: String,
}
}

scenario_structs! {
/// A numeric input's description.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputSpec {
    /// Visible label.
    pub label: Text,
    /// Unit shown beside the value.
    pub unit: Text,
    /// One-sentence help.
    pub help: Text,
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value.
    pub max: f64,
    /// Slider step.
    pub step: f64,
    /// The value on the as-of date (the author's case).
    pub as_of: f64,
    /// Reference marks on the track (e.g. the options-implied move), value and label.
    pub marks: Vec<Mark>,
    /// Where the as-of value comes from.
    pub source: String,
}
}

scenario_structs! {
/// A labelled reference value on an input's track.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    /// Position on the track, in the input's unit.
    pub value: f64,
    /// Short label.
    pub label: Text,
}
}

scenario_structs! {
/// A choice among labelled options (the Fed's response timing).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChoiceSpec {
    /// Visible label.
    pub label: Text,
    /// One-sentence help.
    pub help: Text,
    /// The options.
    pub options: Vec<ChoiceOption>,
    /// Index of the as-of option.
    pub as_of: u32,
    /// Where the as-of choice comes from.
    pub source: String,
}
}

scenario_structs! {
/// One option of a [`ChoiceSpec`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChoiceOption {
    /// Stable id used in permalinks and attributes.
    pub id: String,
    /// Visible label.
    pub label: Text,
    /// First trading day of purchases; `None` for no purchases.
    pub start: Option<String>,
}
}

scenario_structs! {
/// The reader's inputs. The engine knows each one's role; the scenario gives everything else.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputSpecs {
    /// Earnings surprise against what is priced: the reporting company's next-day move, percent.
    pub surprise: InputSpec,
    /// Priced probability of a cut at the meeting, percent.
    pub cut_odds: InputSpec,
    /// Reserves below the ample threshold, $bn.
    pub shortfall: InputSpec,
    /// When reserve management purchases start.
    pub rmp_start: ChoiceSpec,
    /// Pace of reserve management purchases, $bn a month.
    pub rmp_pace: InputSpec,
}
}

word_enums! {
/// How an asset's value is quoted and simulated.
pub enum Quote {
    /// A price or index level: simulated in logs, changes shown in percent.
    Price = "price",
    /// A yield or spread in percent: simulated in basis points, changes shown in bp.
    Rate = "rate",
}
}

word_enums! {
/// Which group an asset belongs to on the cross-asset chart.
pub enum Group {
    /// The AI complex.
    Ai = "ai",
    /// Broad indices.
    Broad = "broad",
    /// Defensive sectors.
    Defensive = "defensive",
    /// Crypto and gold.
    Alternatives = "alternatives",
    /// Rates, credit and volatility.
    RatesCredit = "rates_credit",
}
}

scenario_structs! {
/// One projected series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Asset {
    /// Stable id (`spx`).
    pub id: String,
    /// Visible name.
    pub label: Text,
    /// What the level is quoted in (`index, 17 Nov = 100`, `$/oz`, `%`).
    pub units: Text,
    /// Cross-asset chart group.
    pub group: Group,
    /// How it is quoted.
    pub quote: Quote,
    /// Level at the as-of close (index points, dollars, or percent for rates).
    pub start: f64,
    /// Annualised volatility: a fraction for prices (0.155), basis points for rates.
    pub vol: f64,
    /// Daily mean reversion of deviations (0 = random walk).
    pub mean_reversion: f64,
    /// Correlation with the market factor (downside amplified under stress).
    pub market: f64,
    /// Correlation with the AI factor.
    pub ai: f64,
    /// Correlation with the rates factor.
    pub rates: f64,
    /// The reporting company's weight in this series (its own move passes through mechanically).
    pub earnings_weight: f64,
    /// Move of the rest of the series per 1 pp of earnings surprise (percent, or bp for rates).
    pub earnings_spill: f64,
    /// Move per 25 bp of unexpected easing (percent, or bp for rates).
    pub policy: f64,
    /// Daily drift at full funding stress (percent a day, or bp a day for rates).
    pub funding: f64,
    /// Mean-reverting series: the level deviations revert to (`None`: the as-of level).
    #[serde(default)]
    pub long_run: Option<f64>,
    /// The way this series' median must move as each input rises, keyed by the input's scenario
    /// field (`INPUTS[..].field`); every input is listed. For a choice, "rises" means its options
    /// ordered by how early they start (none, the latest, …, the earliest). A file without the
    /// block parses, and validation names every missing input.
    #[serde(default)]
    pub directions: Directions,
    /// Where these numbers come from.
    pub source: String,
}
}

word_enums! {
/// The declared direction of a series' median as an input rises.
pub enum Direction {
    /// The median never falls.
    Up = "up",
    /// The median never rises.
    Down = "down",
    /// The model gives the input no channel to this series' centre (not asserted).
    None = "none",
}
}

scenario_structs! {
/// A dated reserve drain (tax receipts, settlement, the turn).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Drain {
    /// First trading day of the drain.
    pub date: String,
    /// Reserves removed, $bn.
    pub bn: f64,
    /// Trading days it lasts.
    pub days: u32,
    /// Label for the plumbing chart.
    pub label: Text,
    /// Source or reason.
    pub source: String,
}
}

scenario_structs! {
/// Reserves, the repo market and the Standing Repo Facility.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Funding {
    /// Interest on reserve balances, percent.
    pub iorb: f64,
    /// SRF minimum bid rate, percent.
    pub srf_rate: f64,
    /// Whether the SRF is available (false: a 2019-style world).
    pub srf_enabled: bool,
    /// SRF aggregate daily limit, $bn.
    pub srf_limit_bn: f64,
    /// SRF take-up: spread above the SRF rate at which half the aggregate limit is used, bp.
    pub srf_takeup_mid_bp: f64,
    /// SRF take-up: width of the logistic in the spread above the SRF rate, bp.
    pub srf_takeup_width_bp: f64,
    /// Dealers' balance-sheet tightness on a month-end, as extra shortfall: the standard
    /// deviation across paths (one draw per path), $bn.
    pub tightness_month_end_bn: f64,
    /// ... on the year-end turn.
    pub tightness_year_end_bn: f64,
    /// Balance-sheet premium on month-end days: dealers' intermediation withdrawn, as extra
    /// shortfall the repo market feels that day, $bn (model version 3; version 2 added bp).
    pub premium_month_end_bn: f64,
    /// ... on the year-end turn.
    pub premium_year_end_bn: f64,
    /// SOFR − IORB while reserves are ample or abundant, bp.
    pub spread_ample_bp: f64,
    /// Scale of the demand curve's steepening, bp.
    pub curve_scale_bp: f64,
    /// Shortfall over which the curve's slope grows e-fold, $bn.
    pub curve_efold_bn: f64,
    /// Balance-sheet runoff until QT ends, $bn a month.
    pub qt_runoff_bn_per_month: f64,
    /// Day-to-day reserve noise (Treasury General Account swings), $bn, standard deviation.
    pub noise_bn: f64,
    /// Persistence of that noise from one day to the next (AR(1) coefficient).
    pub noise_persistence: f64,
    /// Spread above the SRF rate at which funding stress reaches 63% of full, bp.
    pub stress_scale_bp: f64,
    /// Dated drains.
    pub drains: Vec<Drain>,
    /// Where these numbers come from.
    pub source: String,
}
}

scenario_structs! {
/// The links between channels that the story turns on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chain {
    /// The options-implied move that scales "one unit" of surprise, percent.
    pub implied_move: f64,
    /// Share of an easing impulse lost at full funding stress ("lower rates need calm funding").
    pub rate_mute: f64,
    /// Downside volatility added at full funding stress (1 = doubled).
    pub vol_stress: f64,
    /// Downside volatility added per implied move of miss.
    pub vol_miss: f64,
    /// Extra high-yield widening per implied move of miss at full funding stress, bp a day.
    pub credit_miss_stress_bp: f64,
    /// Id of the asset that carries the credit interaction.
    pub credit_asset: String,
    /// Where these numbers come from.
    pub source: String,
}
}

scenario_structs! {
/// A named input state from the story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Preset {
    /// Stable id (`nvda-delivers`).
    pub id: String,
    /// Button label.
    pub label: Text,
    /// One-sentence description.
    pub description: Text,
    /// Earnings surprise, percent.
    pub surprise: f64,
    /// Cut odds, percent.
    pub cut_odds: f64,
    /// Shortfall, $bn.
    pub shortfall: f64,
    /// RMP start option id.
    pub rmp_start: String,
    /// RMP pace, $bn a month.
    pub rmp_pace: f64,
}
}


impl Asset {
    /// Reaction-day move per 1 pp of earnings surprise: the company's own weight plus the
    /// spill-over on the rest of the series.
    pub fn earnings_response(&self) -> f64 {
        self.earnings_weight + (1.0 - self.earnings_weight) * self.earnings_spill
    }

    /// Mean-reverting series: the daily pull towards the long-run level, in simulation units
    /// (log points for prices, bp for rates): the reversion rate times the gap from the start.
    /// 0 without a long-run level or without reversion.
    pub fn long_run_pull(&self) -> f64 {
        self.long_run.map_or(0.0, |l| {
            self.mean_reversion
                * match self.quote {
                    Quote::Price => libm::log(l / self.start),
                    Quote::Rate => (l - self.start) * 100.0,
                }
        })
    }

    /// The declared direction of this series' median as input `id` rises (`None` when the
    /// file does not say; validation requires every input).
    pub fn direction(&self, id: InputId) -> Direction {
        self.directions.get(id.def().field).unwrap_or(Direction::None)
    }
}

impl Calendar {
    /// Every weekday from the as-of date to the end that is not a holiday, the as-of date first;
    /// empty when either date does not parse.
    pub fn trading_days(&self) -> Vec<Date> {
        let (Some(start), Some(end)) = (Date::parse(&self.as_of), Date::parse(&self.end)) else {
            return Vec::new();
        };
        let holidays: Vec<Date> = self.holidays.iter().filter_map(|h| Date::parse(h)).collect();
        crate::text::trading_days(start, end, &holidays)
    }
}

impl Scenario {
    /// The index of the asset with this id.
    pub fn asset_index(&self, id: &str) -> Option<usize> {
        self.assets.iter().position(|a| a.id == id)
    }
}
