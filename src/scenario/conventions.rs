//! Fixed conventions shared by the scenario format, the reader's inputs and the model: the
//! version of the model's equations that permalinks and exports carry, and the day counts.

/// Version of the model's equations; permalinks, CSV files and exported captions carry it.
pub const MODEL_VERSION: u32 = 3;

/// Trading days in a month, for rates quoted per month (runoff, reserve purchases).
pub const TRADING_DAYS_PER_MONTH: f64 = 21.0;

/// The longest calendar a scenario may span, in calendar days from the as-of date to the end.
pub const MAX_CALENDAR_DAYS: i64 = 400;

/// The largest author scenario file read, in characters (bytes for an ASCII file): refused with
/// one message before parsing above it. The built-in story is 18 KB (22 KB as written, indented)
/// and one with the most series allowed (32) about 45 KB, so a real scenario has five times the
/// room. Reading a file costs up to about 2 ms per 10 KB in the browser (serde-wasm-bindgen and
/// a problem per entry, worst for a file of nothing but bad dates), so the worst invalid file of
/// this size is rejected in about 50 ms on an idle machine, under 200 ms with the 2 cores shared
/// five ways (measured in tests/e2e/scenario-limits.test.mjs).
pub const MAX_SCENARIO_CHARS: usize = 256 << 10;

/// How many problems of one file are listed; the rest are counted ("… and N more").
pub const MAX_PROBLEMS_SHOWN: usize = 20;
