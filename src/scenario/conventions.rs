//! Fixed conventions shared by the scenario format, the reader's inputs and the model: the
//! version of the model's equations that permalinks and exports carry, and the day counts.

/// Version of the model's equations; permalinks, CSV files and exported captions carry it.
pub const MODEL_VERSION: u32 = 2;

/// Trading days in a month, for rates quoted per month (runoff, reserve purchases).
pub const TRADING_DAYS_PER_MONTH: f64 = 21.0;

/// The longest calendar a scenario may span, in calendar days from the as-of date to the end.
pub const MAX_CALENDAR_DAYS: i64 = 400;
