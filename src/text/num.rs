//! Numbers as text. Written by integer arithmetic: no `f64` Display (it costs ~14 KB of wasm), no
//! NaN on screen, a true minus sign, thousands separators. Read by [`parse`], which gives exactly
//! what `str::parse::<f64>` gives without core's parser and its tables (~15 KB of wasm).

/// `x` limited to `lo..=hi`, as `f64::clamp` gives it (NaN stays NaN, `-0.0` stays) but without
/// its `lo <= hi` assertion, whose message prints both bounds with `f64` Debug: one `f64::clamp`
/// anywhere links core's float printing (~18 KB of wasm). Use this one for floats.
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    let mut x = x;
    if x < lo {
        x = lo;
    }
    if x > hi {
        x = hi;
    }
    x
}

/// 10 to the power `k`, a whole number (as `floor` gives it): the double nearest it for
/// |k| ≤ 22 (every power of ten up to 10^22 is a double; below 1, its correctly rounded
/// reciprocal), as `libm::pow(10.0, k)` gives it over the charts' ranges (10^-4 to 10^12), without
/// `pow` (~1 KB gzip of wasm). NaN gives NaN.
pub fn pow10(k: f64) -> f64 {
    if k.is_nan() {
        return k;
    }
    let mut p = 1.0;
    for _ in 0..(k.abs().min(400.0) as u32) {
        p *= 10.0;
    }
    if k < 0.0 {
        1.0 / p
    } else {
        p
    }
}

/// `x` rounded to `decimals` places, with thousands separators and a minus sign (`−1,234.5`).
/// Non-finite values read `n/a`; numbers beyond ±1e15 are written with an exponent.
pub fn fixed(x: f64, decimals: u32) -> String {
    fmt(x, decimals, true, false)
}

/// Like [`fixed`] with an explicit `+` for positive values (for changes).
pub fn signed(x: f64, decimals: u32) -> String {
    fmt(x, decimals, true, true)
}

/// `x` rounded to `step` (a power of ten) and written with the decimals the step has: 6,657.3 to
/// the ten is `6,660`, 3.0712 to the hundredth `3.07`.
pub fn to_step(x: f64, step: f64) -> String {
    let (x, decimals) = stepped(x, step);
    fixed(x, decimals)
}

/// Like [`to_step`] with an explicit `+` for positive values (for changes).
pub fn signed_to_step(x: f64, step: f64) -> String {
    let (x, decimals) = stepped(x, step);
    signed(x, decimals)
}

/// `x` rounded to `step`, and the decimals the step has.
fn stepped(x: f64, step: f64) -> (f64, u32) {
    let decimals = if step >= 1.0 { 0 } else { libm::round(-libm::log10(step)) as u32 };
    (libm::round(x / step) * step, decimals)
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
    let mut s = cut_zeros(fmt(x, 6, false, false).replace('\u{2212}', "-"));
    if s == "-0" {
        s = "0".into();
    }
    s
}

/// Like [`fixed`] with the zeros that end its decimals cut (`9.15`, `120`).
pub fn trimmed(x: f64, decimals: u32) -> String {
    cut_zeros(fixed(x, decimals))
}

/// `s`, a number as written here, without the zeros that end its decimals, nor then its point
/// (an exponent's digits are kept): `+5.0` → `+5`.
pub fn cut_zeros(mut s: String) -> String {
    if s.contains('.') && !s.contains('e') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
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

/// `text` as `text.parse::<f64>().ok()` reads it, bit for bit: an optional sign, then `inf`,
/// `infinity` or `nan` (any case), or digits with an optional point and exponent, rounded to the
/// nearest `f64` (ties to even). Small cases take the exact fast path (at most 19 digits and
/// 10^±22); the rest is one exact division of big integers.
pub fn parse(text: &str) -> Option<f64> {
    // Not `&text[1..]`: a str slice links its panic message's char escaping (~1.5 KB gzip).
    let (neg, rest) = match (text.strip_prefix('-'), text.strip_prefix('+')) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        _ => (false, text),
    };
    let sign = |x: f64| if neg { -x } else { x };
    if rest.eq_ignore_ascii_case("inf") || rest.eq_ignore_ascii_case("infinity") {
        return Some(sign(f64::INFINITY));
    }
    if rest.eq_ignore_ascii_case("nan") {
        return Some(f64::NAN);
    }
    let b = rest.as_bytes();
    let mut i = 0;
    let mut digits: Vec<u8> = Vec::new(); // significant digits, no leading zeros
    let mut exp: i64 = 0; // value = digits × 10^exp
    let mut seen = false;
    let mut point = false;
    while i < b.len() {
        match b[i] {
            c @ b'0'..=b'9' => {
                seen = true;
                if c != b'0' || !digits.is_empty() {
                    digits.push(c - b'0');
                }
                if point {
                    exp -= 1;
                }
            }
            b'.' if !point => point = true,
            _ => break,
        }
        i += 1;
    }
    if !seen {
        return None;
    }
    if i < b.len() {
        if !matches!(b[i], b'e' | b'E') {
            return None;
        }
        i += 1;
        let eneg = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        if i >= b.len() {
            return None;
        }
        let mut e: i64 = 0;
        for &c in &b[i..] {
            if !c.is_ascii_digit() {
                return None;
            }
            e = (e * 10 + i64::from(c - b'0')).min(1 << 40);
        }
        exp += if eneg { -e } else { e };
    }
    while digits.last() == Some(&0) {
        digits.pop();
        exp += 1;
    }
    if digits.is_empty() {
        return Some(sign(0.0));
    }
    let top = exp + digits.len() as i64; // value < 10^top, ≥ 10^(top-1)
    if top > 310 {
        return Some(sign(f64::INFINITY));
    }
    if top < -330 {
        return Some(sign(0.0));
    }
    if digits.len() <= 19 && (-22..=22).contains(&exp) {
        let w = digits.iter().fold(0u64, |w, &d| w * 10 + u64::from(d));
        if w <= 1 << 53 {
            let p = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22][exp.unsigned_abs() as usize];
            // Both operands are exact, so the one rounding is IEEE's: correctly rounded.
            return Some(sign(if exp < 0 { w as f64 / p } else { w as f64 * p }));
        }
    }
    let mut n = Big::default();
    for &d in &digits {
        n.mul_add(10, u32::from(d));
    }
    let mut m = Big(vec![1]);
    let scale = if exp < 0 { &mut m } else { &mut n };
    for _ in 0..exp.unsigned_abs() {
        scale.mul_add(10, 0);
    }
    Some(sign(ratio_to_f64(&n, &m)))
}

/// The nearest `f64` to `n / m` (both non-zero), ties to even.
fn ratio_to_f64(n: &Big, m: &Big) -> f64 {
    // Scale by 2^s so that the quotient q has 53 bits: value = (q + r/m') × 2^-s.
    let mut s = 53 - (n.bits() as i64 - m.bits() as i64);
    let quotient = |s: i64| {
        let (mut r, d) = if s >= 0 { (n.shl(s as usize), m.clone()) } else { (n.clone(), m.shl((-s) as usize)) };
        let mut q = 0u64;
        for k in (0..=54).rev() {
            let dk = d.shl(k);
            if r.cmp(&dk) != std::cmp::Ordering::Less {
                r.sub(&dk);
                q |= 1 << k;
            }
        }
        (q, r, d)
    };
    let (mut q, mut r, mut d) = quotient(s);
    while q >= 1 << 53 {
        s -= 1;
        (q, r, d) = quotient(s);
    }
    while q < 1 << 52 && s < 1074 {
        s += 1;
        (q, r, d) = quotient(s);
    }
    if s > 1074 {
        // Below the smallest subnormal's scale: fewer bits are kept.
        s = 1074;
        (q, r, d) = quotient(s);
    }
    let twice = r.shl(1);
    match twice.cmp(&d) {
        std::cmp::Ordering::Greater => q += 1,
        std::cmp::Ordering::Equal => q += q & 1,
        std::cmp::Ordering::Less => {}
    }
    if q == 1 << 53 {
        q >>= 1;
        s -= 1;
    }
    let e = 52 - s; // unbiased exponent of a normal result
    if e > 1023 {
        return f64::INFINITY;
    }
    if q < 1 << 52 {
        return f64::from_bits(q); // subnormal (s = 1074)
    }
    f64::from_bits((((e + 1023) as u64) << 52) | (q - (1 << 52)))
}

/// An unsigned big integer, 32-bit limbs, least significant first, no high zero limbs.
#[derive(Clone, Default)]
struct Big(Vec<u32>);

impl Big {
    fn mul_add(&mut self, mul: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let x = u64::from(*limb) * u64::from(mul) + carry;
            *limb = x as u32;
            carry = x >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn bits(&self) -> usize {
        self.0.last().map_or(0, |&top| 32 * self.0.len() - top.leading_zeros() as usize)
    }

    fn shl(&self, k: usize) -> Big {
        let (words, bits) = (k / 32, k % 32);
        let mut out = vec![0u32; words];
        let mut carry = 0u32;
        for &limb in &self.0 {
            out.push(if bits == 0 { limb } else { (limb << bits) | carry });
            carry = if bits == 0 { 0 } else { limb >> (32 - bits) };
        }
        if carry > 0 {
            out.push(carry);
        }
        Big(out)
    }

    fn cmp(&self, other: &Big) -> std::cmp::Ordering {
        self.0.len().cmp(&other.0.len()).then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    /// `self -= other`, for `other <= self`.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let x = i64::from(*limb) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            *limb = x as u32;
            borrow = i64::from(x < 0);
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_level_to_its_step_carries_the_steps_decimals() {
        assert_eq!(to_step(6657.3, 10.0), "6,660");
        assert_eq!(to_step(91_034.6, 1000.0), "91,000");
        assert_eq!(to_step(3.0712, 0.01), "3.07");
        assert_eq!(to_step(99.75, 0.1), "99.8");
        assert_eq!(signed_to_step(-232.4, 10.0), "\u{2212}230");
        assert_eq!(signed_to_step(-3.0, 10.0), "0", "no sign on a change that rounds away");
        assert_eq!(to_step(f64::NAN, 10.0), "n/a");
    }

    #[test]
    fn powers_of_ten_are_pows() {
        for k in -22..=22 {
            let nearest: f64 = format!("1e{k}").parse().unwrap_or_default();
            assert_eq!(pow10(f64::from(k)).to_bits(), nearest.to_bits(), "10^{k}");
            // What the charts used before (`libm::pow`, one ulp off at 10^-5, -11, -17, -20 and
            // -21), over the ranges they meet: the same bits.
            if (-4..=12).contains(&k) {
                assert_eq!(pow10(f64::from(k)).to_bits(), libm::pow(10.0, f64::from(k)).to_bits(), "10^{k}");
            }
        }
        assert!(pow10(f64::NAN).is_nan() && pow10(400.0).is_infinite() && pow10(-400.0) == 0.0);
    }

    #[test]
    fn clamps_as_core_does() {
        let xs = [f64::NAN, f64::NEG_INFINITY, -1e300, -2.5, -0.0, 0.0, 0.3, 1.0, 7.25, 1e300, f64::INFINITY];
        for (lo, hi) in [(0.0, 1.0), (-0.0, 0.0), (-3.0, 8.0), (0.01, 1e6)] {
            for x in xs {
                let (ours, core) = (clamp(x, lo, hi), x.clamp(lo, hi));
                assert!(ours.to_bits() == core.to_bits() || (ours.is_nan() && core.is_nan()), "{x} in {lo}..{hi}");
            }
        }
    }

    #[test]
    fn parses_exactly_as_core_does() {
        let cases = [
            "0", "-0", "+1", "1.", ".5", "-.5e-3", "7.5", "150", "12.345", "1e400", "-1e400", "1e-400", "inf", "-Infinity", "NaN",
            "", "-", "+", ".", "e5", "1e", "1e+", "1e5.5", "--1", "1x", " 1", "1 ", "0x10", "1_000", "infinit", "nan1",
            "9007199254740993", "9007199254740992.5", "2.2250738585072011e-308", "2.2250738585072014e-308", "4.9406564584124654e-324",
            "2.4703282292062327e-324", "2.4703282292062328e-324", "1e23", "8.98846567431158e307", "1.7976931348623157e308",
            "1.7976931348623158e308", "1.7976931348623159e308", "0.1", "0.30000000000000004", "123456789012345678901234567890",
            "0.000000000000000000000000000000000000000000001", "1e22", "1e-22", "123456789e-30", "00000.000001230000e+0005",
            "3.14159265358979323846264338327950288419716939937510", "1e0000000000000000000000000000000000000000005",
        ];
        for c in cases {
            let want = c.parse::<f64>().ok();
            let got = parse(c);
            assert_eq!(got.map(f64::to_bits), want.map(f64::to_bits), "{c:?}: {got:?} vs {want:?}");
        }
    }

    #[test]
    fn parses_random_decimals_exactly_as_core_does() {
        // A small deterministic generator: digit strings of every length and exponents over the
        // whole range, subnormals and overflow included.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        for _ in 0..20_000 {
            let len = 1 + next(40) as usize;
            let mut t: String = (0..len).map(|_| char::from(b'0' + next(10) as u8)).collect();
            if next(2) == 0 {
                t.insert(next(len as u64 + 1) as usize, '.');
            }
            if next(3) > 0 {
                t.push_str(&format!("e{}", next(700) as i64 - 350));
            }
            let want = t.parse::<f64>().ok();
            assert_eq!(parse(&t).map(f64::to_bits), want.map(f64::to_bits), "{t}");
        }
    }

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
