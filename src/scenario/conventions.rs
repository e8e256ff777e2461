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
/// and one with the most series allowed (32) about 45 KB; the largest invalid file (10,000
/// assets sharing one id) is 6.4 MB. A page hands a file to the wasm 512 Ki characters per task
/// and reads it [`READ_STEP_BYTES`] per task (`scenario::json`, no boundary crossing per node),
/// then reads its fields, checks it (writing only the 20 problems listed) and frees it, each in a
/// task of its own. Measured in Chromium with the 2 cores shared (load 7), the longest of these
/// calls for the worst invalid files at this limit (645,000 bad dates, or 13,000 assets sharing
/// one id): handing over 9 ms, reading 21 ms, checking 20 ms, freeing 18 ms; the long-task
/// observer of tests/e2e/scenario-limits.test.mjs saw no task of 50 ms (at load 11). Reading a
/// file in one task had cost about 2 ms per 10 KB (JSON.parse and serde-wasm-bindgen), hence the
/// 256 KiB this limit was before.
pub const MAX_SCENARIO_CHARS: usize = 8 << 20;

/// How much of an author's file a page reads in one task (bytes of its text): see
/// [`MAX_SCENARIO_CHARS`] for what that costs.
pub const READ_STEP_BYTES: usize = 512 << 10;

/// How many problems of one file are listed; the rest are counted ("… and N more").
pub const MAX_PROBLEMS_SHOWN: usize = 20;
