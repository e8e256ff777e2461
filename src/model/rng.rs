//! A small seeded generator (xoshiro256++ seeded by SplitMix64) and fast standard normals.
//!
//! Hand-written so that the same seed gives the same bits natively and in wasm: integer
//! arithmetic, a fixed table of the normal quantile function (Acklam's rational approximation,
//! relative error below 1.2e-9) with linear interpolation inside it and the exact approximation in
//! the outer 1/4096 of each tail. One 64-bit draw gives two normals.

/// xoshiro256++ (Blackman & Vigna, 2019).
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// A generator whose whole state derives from `seed`.
    pub fn new(seed: u64) -> Rng {
        let mut x = seed;
        let mut next = || {
            // SplitMix64, the seeding recommended by the xoshiro authors.
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Rng { s: [next(), next(), next(), next()] }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let result = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// Uniform on the open interval (0, 1).
    pub fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) * (1.0 / (1u64 << 53) as f64)
    }
}

const BITS: u32 = 12;
const BINS: usize = 1 << BITS;

/// Standard normals by inverse transform through a quantile table.
pub struct Normals {
    rng: Rng,
    table: Vec<f64>,
    spare: Option<f64>,
}

impl Normals {
    /// Normals from a generator seeded with `seed`.
    pub fn new(seed: u64) -> Normals {
        let table = (0..=BINS).map(|i| if i == 0 || i == BINS { 0.0 } else { quantile(i as f64 / BINS as f64) }).collect();
        Normals { rng: Rng::new(seed), table, spare: None }
    }

    /// A uniform on (0, 1) from the same stream.
    pub fn uniform(&mut self) -> f64 {
        self.rng.uniform()
    }

    /// The next standard normal.
    pub fn next(&mut self) -> f64 {
        if let Some(z) = self.spare.take() {
            return z;
        }
        let bits = self.rng.next_u64();
        self.spare = Some(self.from_u32((bits >> 32) as u32));
        self.from_u32(bits as u32)
    }

    /// Fills `out` with the next `out.len()` normals: the same numbers, in the same order, as
    /// that many calls of [`Normals::next`], in one tight loop.
    pub fn fill(&mut self, out: &mut [f64]) {
        let rest = match (self.spare, out.split_first_mut()) {
            (Some(z), Some((first, tail))) => {
                *first = z;
                self.spare = None;
                tail
            }
            _ => out,
        };
        let mut pairs = rest.chunks_exact_mut(2);
        for pair in &mut pairs {
            let bits = self.rng.next_u64();
            pair[0] = self.from_u32(bits as u32);
            pair[1] = self.from_u32((bits >> 32) as u32);
        }
        if let [last] = pairs.into_remainder() {
            *last = self.next();
        }
    }

    #[inline(always)]
    fn from_u32(&self, x: u32) -> f64 {
        let i = (x >> (32 - BITS)) as usize;
        if i == 0 || i == BINS - 1 {
            return quantile((f64::from(x) + 0.5) / 4_294_967_296.0);
        }
        let frac = f64::from(x & ((1 << (32 - BITS)) - 1)) / f64::from(1u32 << (32 - BITS));
        self.table[i] + (self.table[i + 1] - self.table[i]) * frac
    }
}

/// The standard normal quantile function (Acklam, 2003), for 0 < p < 1.
pub fn quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2,
        1.383577518672690e2, -3.066479806614716e1, 2.506628277459239,
    ];
    const B: [f64; 5] = [
        -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2,
        6.680131188771972e1, -1.328068155288572e1,
    ];
    const C: [f64; 6] = [
        -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838,
        -2.549732539343734, 4.374664141464968, 2.938163982698783,
    ];
    const D: [f64; 4] = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
    const LOW: f64 = 0.02425;
    let tail = |p: f64| {
        let q = libm::sqrt(-2.0 * libm::log(p));
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < LOW {
        tail(p)
    } else if p > 1.0 - LOW {
        -tail(1.0 - p)
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_numbers_and_sane_moments() {
        let (mut a, mut b) = (Normals::new(7), Normals::new(7));
        let n = 400_000;
        let (mut sum, mut sumsq, mut below) = (0.0, 0.0, 0);
        for _ in 0..n {
            let z = a.next();
            assert_eq!(z.to_bits(), b.next().to_bits());
            assert!(z.is_finite());
            sum += z;
            sumsq += z * z;
            below += usize::from(z < -1.6448536);
        }
        let mean = sum / n as f64;
        let var = sumsq / n as f64 - mean * mean;
        assert!(mean.abs() < 0.005, "mean {mean}");
        assert!((var - 1.0).abs() < 0.01, "variance {var}");
        let tail = below as f64 / n as f64;
        assert!((tail - 0.05).abs() < 0.002, "5% tail {tail}");
        let u = Rng::new(1).uniform();
        assert!(u > 0.0 && u < 1.0);
        // Bulk fills give the same stream as single draws, whatever the spare's state.
        let (mut one, mut bulk) = (Normals::new(3), Normals::new(3));
        for len in [0, 1, 2, 3, 5, 8, 13, 1, 1] {
            let mut buf = vec![0.0; len];
            bulk.fill(&mut buf);
            let singles: Vec<u64> = (0..len).map(|_| one.next().to_bits()).collect();
            assert_eq!(buf.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), singles, "fill of {len}");
            assert_eq!(one.uniform().to_bits(), bulk.uniform().to_bits());
        }
    }

    #[test]
    fn quantile_matches_known_values() {
        assert!(quantile(0.5).abs() < 1e-12);
        assert!((quantile(0.975) - 1.959963985).abs() < 1e-8);
        assert!((quantile(0.05) + 1.644853627).abs() < 1e-8);
        assert!((quantile(1e-9) + 5.997807015).abs() < 1e-6);
    }
}
