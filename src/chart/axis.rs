//! Axis helpers: "nice" tick values for a range.

/// About `target` round tick values covering `lo..=hi` (steps of 1, 2 or 5 × 10^k).
pub fn nice_ticks(lo: f64, hi: f64, target: usize) -> (Vec<f64>, u32) {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo {
        return (vec![lo], 0);
    }
    let raw = (hi - lo) / target.max(1) as f64;
    let mag = crate::text::num::pow10(libm::floor(libm::log10(raw)));
    // The finest round step that gives at most half as many ticks again as asked for.
    let most = target.max(1) as f64 * 1.5;
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * mag).find(|s| (hi - lo) / s <= most).unwrap_or(10.0 * mag);
    let first = libm::ceil(lo / step);
    let decimals = if step >= 1.0 { 0 } else { (-libm::floor(libm::log10(step))) as u32 };
    let ticks = (0..=target * 3)
        .map(|i| (first + i as f64) * step)
        .take_while(|v| *v <= hi + step * 1e-9)
        .collect();
    (ticks, decimals)
}

#[cfg(test)]
mod tests {
    use super::nice_ticks;

    #[test]
    fn ticks_are_round_and_inside() {
        let (t, d) = nice_ticks(6123.0, 7211.0, 4);
        assert_eq!(t, vec![6200.0, 6400.0, 6600.0, 6800.0, 7000.0, 7200.0]);
        assert_eq!(d, 0);
        let (t, d) = nice_ticks(3.41, 3.69, 4);
        assert_eq!(d, 2);
        assert!(t.len() >= 3 && t[0] >= 3.41 && *t.last().unwrap() <= 3.69);
        assert_eq!(nice_ticks(1.0, 1.0, 4).0, vec![1.0]);
        assert_eq!(nice_ticks(f64::NAN, 1.0, 4).0.len(), 1);
    }
}
