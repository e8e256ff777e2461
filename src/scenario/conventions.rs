//! Fixed conventions shared by the scenario format, the reader's inputs and the model: the
//! version of the model's equations that permalinks and exports carry, and the day counts.

/// Version of the model's equations; permalinks, CSV files and exported captions carry it.
pub const MODEL_VERSION: u32 = 2;

/// Trading days in a month, for rates quoted per month (runoff, reserve purchases).
pub const TRADING_DAYS_PER_MONTH: f64 = 21.0;

/// The longest calendar a scenario may span, in calendar days from the as-of date to the end.
pub const MAX_CALENDAR_DAYS: i64 = 400;

/// The largest author scenario file read, in characters (bytes for an ASCII file): refused with
/// one message before parsing above it. The built-in story is about 18 KB, so a real scenario has
/// some 28 times the room; reading a file costs about 1 ms per 10 KB in the browser (mostly
/// serde-wasm-bindgen), so the worst invalid file of this size is rejected in well under 200 ms
/// (measured in tests/e2e/scenario-limits.test.mjs).
pub const MAX_SCENARIO_CHARS: usize = 512 << 10;

/// How many problems of one file are listed; the rest are counted ("… and N more").
pub const MAX_PROBLEMS_SHOWN: usize = 20;
