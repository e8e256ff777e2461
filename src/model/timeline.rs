//! The scenario's calendar turned into indexed trading days with everything the model needs per
//! day: event roles, volatility multipliers, dated reserve drains, month-end and year-end flags.

use crate::scenario::{Date, EventKind, Scenario};

/// What kind of balance-sheet day a trading day is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    /// An ordinary day.
    Ordinary,
    /// The last trading day of a month.
    MonthEnd,
    /// The last trading day of a year.
    YearEnd,
}

/// Indexed trading days. Index 0 is the as-of close; 1..=n are projected days.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// The dates, as-of first.
    pub dates: Vec<Date>,
    /// Index of the "year-end" horizon.
    pub horizon: usize,
    /// Index of the earnings reaction day.
    pub earnings: usize,
    /// Index of the meeting day.
    pub meeting: usize,
    /// Index of the first day without balance-sheet runoff (n + 1 if none).
    pub qt_end: usize,
    /// Volatility multiplier per day.
    pub vol_multiplier: Vec<f64>,
    /// Reserves drained per day, $bn.
    pub drain_bn: Vec<f64>,
    /// Balance-sheet kind per day.
    pub kind: Vec<DayKind>,
    /// Early-close days.
    pub half_day: Vec<bool>,
}

impl Timeline {
    /// Builds the timeline of a *validated* scenario.
    pub fn new(s: &Scenario) -> Timeline {
        let dates = s.calendar.trading_days();
        let n = dates.len();
        let index = |text: &str| -> Option<usize> {
            Date::parse(text).and_then(|d| dates.binary_search(&d).ok())
        };
        let event = |kind: EventKind| {
            s.calendar.events.iter().find(|e| e.kind == kind).and_then(|e| index(&e.date))
        };
        let mut vol_multiplier = vec![1.0; n];
        for e in &s.calendar.events {
            if let Some(i) = index(&e.date) {
                vol_multiplier[i] *= e.vol_multiplier;
            }
        }
        let mut drain_bn = vec![0.0; n];
        for d in &s.funding.drains {
            if let Some(i) = index(&d.date) {
                for slot in drain_bn.iter_mut().skip(i).take(d.days as usize) {
                    *slot += d.bn;
                }
            }
        }
        let kind = (0..n)
            .map(|i| match dates.get(i + 1) {
                Some(next) if next.year != dates[i].year => DayKind::YearEnd,
                Some(next) if next.month != dates[i].month => DayKind::MonthEnd,
                _ => DayKind::Ordinary,
            })
            .collect();
        let half_day = dates
            .iter()
            .map(|d| s.calendar.half_days.iter().any(|h| Date::parse(h) == Some(*d)))
            .collect();
        Timeline {
            horizon: index(&s.calendar.horizon).unwrap_or(n.saturating_sub(1)),
            earnings: event(EventKind::Earnings).unwrap_or(1).max(1),
            meeting: event(EventKind::Meeting).unwrap_or(n.saturating_sub(1)).max(1),
            qt_end: event(EventKind::QtEnd).unwrap_or(n),
            dates,
            vol_multiplier,
            drain_bn,
            kind,
            half_day,
        }
    }

    /// Number of projected days (excluding the as-of close).
    pub fn days(&self) -> usize {
        self.dates.len() - 1
    }

    /// The index of a date, if it is a trading day.
    pub fn index_of(&self, text: &str) -> Option<usize> {
        Date::parse(text).and_then(|d| self.dates.binary_search(&d).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::default_scenario;

    #[test]
    fn the_story_calendar_has_its_holidays_and_events() {
        let t = Timeline::new(&default_scenario());
        let text: Vec<String> = t.dates.iter().map(|d| d.to_string()).collect();
        assert_eq!(text[0], "2025-11-17");
        assert!(!text.contains(&"2025-11-27".to_string()), "Thanksgiving is closed");
        assert!(!text.contains(&"2025-12-25".to_string()));
        assert!(!text.contains(&"2026-01-01".to_string()));
        assert_eq!(t.days(), 32, "18 Nov 2025 to 5 Jan 2026");
        assert_eq!(text[t.earnings], "2025-11-20");
        assert_eq!(text[t.meeting], "2025-12-10");
        assert_eq!(text[t.qt_end], "2025-12-01");
        assert_eq!(text[t.horizon], "2025-12-31");
        assert_eq!(t.kind[t.horizon], DayKind::YearEnd);
        let nov_end = t.index_of("2025-11-28").unwrap();
        assert_eq!(t.kind[nov_end], DayKind::MonthEnd);
        assert!(t.half_day[nov_end]);
        let tax = t.index_of("2025-12-15").unwrap();
        assert_eq!(t.drain_bn[tax], 120.0);
        assert_eq!(t.drain_bn[tax + 3], 0.0);
    }
}
