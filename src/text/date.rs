//! Calendar dates without a date library: parse `YYYY-MM-DD`, count days, tell weekdays, list
//! trading days and write short dates for readers.

use super::Lang;
use core::fmt;

/// A proleptic Gregorian date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of month, 1–31.
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`; `None` for anything else, including 30 February.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: core::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
            })
        };
        let (year, month, day) = (num(0..4)? as i32, num(5..7)?, num(8..10)?);
        let date = Date { year, month, day };
        ((1..=12).contains(&month) && day >= 1 && day <= date.days_in_month()).then_some(date)
    }

    fn days_in_month(self) -> u32 {
        match self.month {
            2 if self.year % 4 == 0 && (self.year % 100 != 0 || self.year % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn ordinal(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `n` days after 1970-01-01 (inverse of [`Date::ordinal`]).
    pub fn from_ordinal(n: i64) -> Date {
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// True on Saturdays and Sundays.
    pub fn is_weekend(self) -> bool {
        // 1970-01-01 was a Thursday (index 3 with Monday = 0).
        let weekday = (self.ordinal() + 3).rem_euclid(7);
        weekday >= 5
    }

    /// The next calendar day.
    pub fn succ(self) -> Date {
        Date::from_ordinal(self.ordinal() + 1)
    }
}

/// Every weekday from `start` to `end` that is not in `holidays`, `start` first (whatever its day).
pub fn trading_days(start: Date, end: Date, holidays: &[Date]) -> Vec<Date> {
    let mut days = vec![start];
    let mut d = start;
    while d < end {
        d = d.succ();
        if !d.is_weekend() && !holidays.contains(&d) {
            days.push(d);
        }
    }
    days
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A short date: `20 Nov` or `11月20日`.
pub fn short_date(d: Date, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} {}", d.day, MONTHS[(d.month as usize).clamp(1, 12) - 1]),
        Lang::Zh => format!("{}月{}日", d.month, d.day),
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!(Date::parse("2025-11-17"), Some(Date { year: 2025, month: 11, day: 17 }));
        for bad in ["2025-02-30", "2025-13-01", "2025-1-01", "20251117", "2025-11-1x", ""] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2024-02-29").is_some());
    }

    #[test]
    fn ordinal_round_trips_and_knows_weekends() {
        let d = Date::parse("2025-11-17").unwrap();
        assert_eq!(Date::from_ordinal(d.ordinal()), d);
        assert!(!d.is_weekend(), "17 Nov 2025 was a Monday");
        assert!(Date::parse("2025-11-22").unwrap().is_weekend());
        assert_eq!(Date::parse("1970-01-01").unwrap().ordinal(), 0);
        assert_eq!(d.succ().to_string(), "2025-11-18");
    }

    #[test]
    fn short_dates_in_both_languages() {
        let d = Date::parse("2025-12-31").unwrap();
        assert_eq!(short_date(d, Lang::En), "31 Dec");
        assert_eq!(short_date(d, Lang::Zh), "12月31日");
    }

    #[test]
    fn trading_days_skip_weekends_and_holidays() {
        let d = |s: &str| Date::parse(s).unwrap();
        let days = trading_days(d("2025-11-21"), d("2025-11-28"), &[d("2025-11-27")]);
        let text: Vec<String> = days.iter().map(|x| x.to_string()).collect();
        assert_eq!(text, ["2025-11-21", "2025-11-24", "2025-11-25", "2025-11-26", "2025-11-28"]);
    }
}
