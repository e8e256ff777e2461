//! Number formatting by integer arithmetic: no `f64` Display (it costs ~14 KB of wasm), no NaN
//! on screen, a true minus sign, thousands separators.

/// `x` rounded to `decimals` places, with thousands separators and a minus sign (`−1,234.5`).
/// Non-finite values read `n/a`; numbers beyond ±1e15 are written with an exponent.
pub fn fixed(x: f64, decimals: u32) -> String {
    fmt(x, decimals, true, false)
}

/// Like [`fixed`] with an explicit `+` for positive values (for changes).
pub fn signed(x: f64, decimals: u32) -> String {
    fmt(x, decimals, true, true)
}

/// A value as typed in a file or attribute, for messages: up to 6 decimals, trailing zeros cut,
/// no separators, ASCII minus (`-0.2`, `1e20`).
pub fn plain(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    let mut s = fmt(x, 6, false, false).replace('\u{2212}', "-");
    if s.contains('.') && !s.contains('e') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" {
        s = "0".into();
    }
    s
}

fn fmt(x: f64, decimals: u32, separators: bool, plus: bool) -> String {
    if !x.is_finite() {
        return "n/a".into();
    }
    let decimals = decimals.min(9);
    let scale = 10u64.pow(decimals) as f64;
    let neg = x < 0.0;
    let a = x.abs();
    let mut out = String::new();
    if a >= 1e15 {
        // Exponent form: one leading digit, two decimals.
        let mut e = 0i32;
        let mut m = a;
        while m >= 10.0 {
            m /= 10.0;
            e += 1;
        }
        let digits = (m * 100.0 + 0.5) as u64;
        if neg {
            out.push('\u{2212}');
        }
        out.push_str(&format!("{}.{:02}e{}", digits / 100, digits % 100, e));
        return out;
    }
    let units = (a * scale + 0.5) as u64;
    let int = units / 10u64.pow(decimals);
    let frac = units % 10u64.pow(decimals);
    if neg && units != 0 {
        out.push('\u{2212}');
    } else if plus && units != 0 {
        out.push('+');
    }
    let digits = int.to_string();
    for (i, ch) in digits.chars().enumerate() {
        if separators && i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if decimals > 0 {
        out.push('.');
        let f = frac.to_string();
        for _ in f.len()..decimals as usize {
            out.push('0');
        }
        out.push_str(&f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_a_reader_expects() {
        assert_eq!(fixed(6672.41, 0), "6,672");
        assert_eq!(fixed(-1234.567, 1), "\u{2212}1,234.6");
        assert_eq!(fixed(0.004, 2), "0.00");
        assert_eq!(fixed(-0.004, 2), "0.00", "no negative zero");
        assert_eq!(signed(1.25, 1), "+1.3");
        assert_eq!(signed(0.0, 1), "0.0");
        assert_eq!(fixed(f64::NAN, 1), "n/a");
        assert_eq!(fixed(f64::INFINITY, 1), "n/a");
        assert_eq!(fixed(2.5e17, 0), "2.50e17");
        assert_eq!(fixed(999_999.0, 0), "999,999");
    }

    #[test]
    fn plain_is_short_and_exact_enough() {
        assert_eq!(plain(-0.2), "-0.2");
        assert_eq!(plain(150.0), "150");
        assert_eq!(plain(f64::NAN), "NaN");
        assert_eq!(plain(1e300), "1.00e300");
        assert_eq!(plain(0.1234567), "0.123457");
        assert_eq!(plain(-0.0), "0");
    }
}
