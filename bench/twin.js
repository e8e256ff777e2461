// bench/twin.js — the scenario engine's Monte Carlo kernel in plain JavaScript, for the browser
// benchmark's wasm / JS ratio. A line-by-line port of src/model/{rng,draws,project,quantile}.rs:
// the same seeded generator (xoshiro256++ seeded by SplitMix64, on 32-bit halves), the same
// table-based normals drawn in the same order, the same day-by-day projection over the same paths
// and the same exact percentiles (R type 7). The scenario arrives as plain numbers
// (bench/twin-spec.json, written by `cargo bench --bench project` with TAPECAST_TWIN_SPEC): the
// calendar and the funding stress tables are set-up data, not kernel. Not in the twin: the
// SOFR − IORB and SRF fans (ten table reads a day in the engine).
// The browser build's SIMD loops (src/model/simd.rs: the stress lookups, the selection's range,
// buckets and gathering) are the same arithmetic several values at a time; here, one at a time.

const TWO32 = 4294967296;

/** One xoshiro256++ lane, each 64-bit word as [hi, lo] unsigned 32-bit halves. */
class Lane {
  constructor(words) {
    this.s = new Uint32Array(8); // s0h s0l s1h s1l s2h s2l s3h s3l
    for (let i = 0; i < 4; i++) {
      this.s[2 * i] = Number(words[i] >> 32n);
      this.s[2 * i + 1] = Number(words[i] & 0xFFFFFFFFn);
    }
    this.hi = 0;
    this.lo = 0;
  }

  /** The next 64 bits, left in this.hi / this.lo. */
  next() {
    const s = this.s;
    const s0h = s[0], s0l = s[1], s1h = s[2], s1l = s[3], s2h = s[4], s2l = s[5], s3h = s[6], s3l = s[7];
    // result = rotl(s0 + s3, 23) + s0
    let al = (s0l + s3l) >>> 0;
    let ah = (s0h + s3h + (al < s0l ? 1 : 0)) >>> 0;
    const rh = ((ah << 23) | (al >>> 9)) >>> 0;
    const rl = ((al << 23) | (ah >>> 9)) >>> 0;
    const ol = (rl + s0l) >>> 0;
    this.lo = ol;
    this.hi = (rh + s0h + (ol < rl ? 1 : 0)) >>> 0;
    // t = s1 << 17
    const th = ((s1h << 17) | (s1l >>> 15)) >>> 0;
    const tl = (s1l << 17) >>> 0;
    let n2h = s2h ^ s0h, n2l = s2l ^ s0l;
    let n3h = s3h ^ s1h, n3l = s3l ^ s1l;
    const n1h = s1h ^ n2h, n1l = s1l ^ n2l;
    const n0h = s0h ^ n3h, n0l = s0l ^ n3l;
    n2h ^= th; n2l ^= tl;
    // s3 = rotl(s3, 45) = swap halves, then rotl 13
    const wh = n3l, wl = n3h;
    s[0] = n0h; s[1] = n0l; s[2] = n1h; s[3] = n1l; s[4] = n2h; s[5] = n2l;
    s[6] = ((wh << 13) | (wl >>> 19)) >>> 0;
    s[7] = ((wl << 13) | (wh >>> 19)) >>> 0;
  }
}

/** Four lanes read as one stream of words: lanes 0–3 of a step, then the next step. */
class Rng {
  constructor(seed) {
    let x = BigInt.asUintN(64, BigInt(seed));
    const M = (1n << 64n) - 1n;
    const next = () => {
      x = (x + 0x9E3779B97F4A7C15n) & M;
      let z = x;
      z = ((z ^ (z >> 30n)) * 0xBF58476D1CE4E5B9n) & M;
      z = ((z ^ (z >> 27n)) * 0x94D049BB133111EBn) & M;
      return z ^ (z >> 31n);
    };
    this.lanes = [0, 1, 2, 3].map(() => new Lane([next(), next(), next(), next()]));
    this.used = 4;
    this.hi = 0;
    this.lo = 0;
  }

  /** The next 64 bits of the stream, left in this.hi / this.lo. */
  next() {
    if (this.used === 4) {
      for (const lane of this.lanes) lane.next();
      this.used = 0;
    }
    const lane = this.lanes[this.used++];
    this.hi = lane.hi;
    this.lo = lane.lo;
  }

  /** Uniform on (0, 1): ((bits >> 11) + 0.5) · 2^-53. */
  uniform() {
    this.next();
    return (this.hi * 2097152 + (this.lo >>> 11) + 0.5) * (1 / 9007199254740992);
  }
}

/** Acklam's normal quantile, as src/model/rng.rs. */
function quantile(p) {
  const A0 = -3.969683028665376e1, A1 = 2.209460984245205e2, A2 = -2.759285104469687e2,
    A3 = 1.383577518672690e2, A4 = -3.066479806614716e1, A5 = 2.506628277459239;
  const B0 = -5.447609879822406e1, B1 = 1.615858368580409e2, B2 = -1.556989798598866e2,
    B3 = 6.680131188771972e1, B4 = -1.328068155288572e1;
  const C0 = -7.784894002430293e-3, C1 = -3.223964580411365e-1, C2 = -2.400758277161838,
    C3 = -2.549732539343734, C4 = 4.374664141464968, C5 = 2.938163982698783;
  const D0 = 7.784695709041462e-3, D1 = 3.224671290700398e-1, D2 = 2.445134137142996, D3 = 3.754408661907416;
  const LOW = 0.02425;
  const tail = (p) => {
    const q = Math.sqrt(-2.0 * Math.log(p));
    return (((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5)
      / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1.0);
  };
  if (p < LOW) return tail(p);
  if (p > 1.0 - LOW) return -tail(1.0 - p);
  const q = p - 0.5;
  const r = q * q;
  return (((((A0 * r + A1) * r + A2) * r + A3) * r + A4) * r + A5) * q
    / (((((B0 * r + B1) * r + B2) * r + B3) * r + B4) * r + 1.0);
}

const BINS = 2048;
let LEFT, RISE;

/** Standard normals by inverse transform through a quantile table; one 64-bit draw gives two. */
class Normals {
  constructor(seed) {
    if (!LEFT) {
      const edge = (i) => (i === 0 || i === BINS ? 0 : quantile(i / BINS));
      LEFT = new Float32Array(BINS);
      RISE = new Float32Array(BINS);
      for (let i = 0; i < BINS; i++) { LEFT[i] = edge(i); RISE[i] = edge(i + 1) - edge(i); }
    }
    this.rng = new Rng(seed);
    this.spare = null;
  }

  uniform() { return this.rng.uniform(); }

  static fromU32(x) {
    const i = x >>> 21;
    if (i === 0 || i === BINS - 1) return quantile((x + 0.5) / TWO32);
    const frac = (x & 0x1FFFFF) * (1 / 2097152);
    return LEFT[i] + RISE[i] * frac;
  }

  next() {
    if (this.spare !== null) { const z = this.spare; this.spare = null; return z; }
    this.rng.next();
    this.spare = Normals.fromU32(this.rng.hi);
    return Normals.fromU32(this.rng.lo);
  }

  fill(out, from, len) {
    let k = from;
    const end = from + len;
    if (this.spare !== null && k < end) { out[k++] = this.spare; this.spare = null; }
    const rng = this.rng;
    for (; k + 1 < end; k += 2) {
      rng.next();
      out[k] = Normals.fromU32(rng.lo);
      out[k + 1] = Normals.fromU32(rng.hi);
    }
    if (k < end) out[k] = this.next();
  }
}

/** Exact percentiles (5, 25, 50, 75, 95; R type 7) by histogram selection, as quantile.rs. */
const LEVELS = [0.05, 0.25, 0.5, 0.75, 0.95];
const BUCKETS = 512;
class Selector {
  constructor() {
    this.bucket = new Uint16Array(0);
    this.counts = new Uint32Array(BUCKETS);
    this.slot = new Int16Array(BUCKETS);
    this.gathered = new Float64Array(0);
  }

  /** [p5, p25, p50, p75, p95] of v[0..n), each mapped by f. */
  band(v, n, f, out, at) {
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < n; i++) { const x = v[i]; if (x < lo) lo = x; if (x > hi) hi = x; }
    if (!(hi > lo)) {
      const x = f(Number.isFinite(lo) ? lo : 0);
      for (let i = 0; i < 5; i++) out[at + i] = x;
      return;
    }
    if (this.bucket.length < n) this.bucket = new Uint16Array(n);
    const bucket = this.bucket, counts = this.counts, slot = this.slot;
    counts.fill(0);
    const scale = BUCKETS / (hi - lo);
    for (let i = 0; i < n; i++) {
      const b = Math.min(((v[i] - lo) * scale) | 0, BUCKETS - 1);
      bucket[i] = b;
      counts[b]++;
    }
    const ranks = [], fracs = [];
    for (const q of LEVELS) {
      const h = (n - 1) * q;
      const k = Math.trunc(h);
      ranks.push(k, Math.min(k + 1, n - 1));
      fracs.push(h - k);
    }
    const order = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].sort((a, b) => ranks[a] - ranks[b]);
    const bucketOf = new Array(10), inner = new Array(10);
    let b = 0, before = 0;
    for (const r of order) {
      const rank = ranks[r];
      while (before + counts[b] <= rank) { before += counts[b]; b++; }
      bucketOf[r] = b;
      inner[r] = rank - before;
    }
    slot.fill(-1);
    const startOf = [];
    let len = 0;
    for (const bb of bucketOf) {
      if (slot[bb] < 0) { slot[bb] = startOf.length; startOf.push(len); len += counts[bb]; }
    }
    if (this.gathered.length < len) this.gathered = new Float64Array(len);
    const g = this.gathered;
    const fill = startOf.slice();
    for (let i = 0; i < n; i++) {
      const k = slot[bucket[i]];
      if (k >= 0) g[fill[k]++] = v[i];
    }
    const sorted = new Set();
    const value = (r) => {
      const bb = bucketOf[r];
      const s = startOf[slot[bb]];
      if (!sorted.has(bb)) { g.subarray(s, s + counts[bb]).sort(); sorted.add(bb); }
      return g[s + inner[r]];
    };
    for (let i = 0; i < 5; i++) {
      const a = value(2 * i), c = value(2 * i + 1);
      out[at + i] = f(a + (c - a) * fracs[i]);
    }
  }
}

/** A stored row of the drawn paths unfolded into every path: [row, −row]. */
function unfold(stored, at, drawn, out, paths) {
  for (let p = 0; p < drawn; p++) out[p] = stored[at + p];
  for (let p = drawn; p < paths; p++) out[p] = -stored[at + p - drawn];
}

/** The draws of a scenario (common random numbers): the drawn half of the paths, [t * drawn + p]. */
export class Twin {
  constructor(spec) {
    this.spec = spec;
    const s = spec;
    const paths = s.paths, days = s.days, h = s.horizon;
    const drawn = Math.ceil(paths / 2);
    const A = s.assets.length;
    const z = new Normals(s.seed);
    const mult = Float64Array.from({ length: days }, (_, t) => s.vol_multiplier[t + 1]);
    this.dayVar = mult.map((m) => m * m);
    let hv = 0;
    for (let t = 0; t < h; t++) hv += this.dayVar[t];
    const horizonSd = Math.sqrt(hv);
    this.dailyVol = s.assets.map((a) => a.vol / Math.sqrt(s.trading_days_per_year));
    this.idioLoading = s.assets.map((a) => Math.sqrt(Math.max(1.0 - a.market * a.market - a.ai * a.ai - a.rates * a.rates, 0)));
    const innovation = s.noise_bn * Math.sqrt(1.0 - s.noise_persistence * s.noise_persistence);
    const cells = drawn * days;

    const meeting = new Float64Array(paths);
    for (let p = 0; p < drawn; p++) meeting[p] = z.uniform();
    for (let p = drawn; p < paths; p++) meeting[p] = 1.0 - meeting[p - drawn];
    const shock = new Float64Array(drawn);
    const idioHorizon = new Float32Array(A * drawn);
    for (let a = 0; a < A; a++) {
      z.fill(shock, 0, drawn);
      for (let p = 0; p < drawn; p++) idioHorizon[a * drawn + p] = horizonSd * shock[p];
    }
    const reserve = new Float64Array(drawn);
    z.fill(reserve, 0, drawn);
    for (let p = 0; p < drawn; p++) reserve[p] *= s.noise_bn;
    // Each path's balance-sheet tightness, added to the stored noise on month- and year-ends.
    const tight = new Float64Array(drawn);
    z.fill(tight, 0, drawn);
    const rev = [];
    s.assets.forEach((a, i) => {
      if (a.mean_reversion > 0) {
        rev.push({ asset: i, vol: this.dailyVol[i], ai: a.ai, rates: a.rates, idio: this.idioLoading[i],
          keep: 1.0 - a.mean_reversion, level: new Float64Array(drawn), path: new Float32Array(cells) });
      }
    });
    const market = new Float32Array(cells), ai = new Float32Array(cells), rates = new Float32Array(cells), noise = new Float32Array(cells);
    const za = new Float64Array(drawn), zr = new Float64Array(drawn);
    const cumAi = new Float64Array(drawn), cumRates = new Float64Array(drawn);
    for (let t = 0; t < days; t++) {
      const m = mult[t], row = t * drawn;
      z.fill(shock, 0, drawn);
      for (let p = 0; p < drawn; p++) market[row + p] = shock[p] * m;
      z.fill(za, 0, drawn);
      z.fill(zr, 0, drawn);
      for (let p = 0; p < drawn; p++) {
        cumAi[p] += za[p] * m;
        cumRates[p] += zr[p] * m;
        ai[row + p] = cumAi[p];
        rates[row + p] = cumRates[p];
      }
      if (t > 0) {
        z.fill(shock, 0, drawn);
        for (let p = 0; p < drawn; p++) reserve[p] = s.noise_persistence * reserve[p] + innovation * shock[p];
      }
      const k = s.tightness_bn[s.kind[t + 1]];
      for (let p = 0; p < drawn; p++) noise[row + p] = reserve[p] + k * tight[p];
      for (const r of rev) {
        z.fill(shock, 0, drawn);
        for (let p = 0; p < drawn; p++) {
          const step = r.vol * m * (r.ai * za[p] + r.rates * zr[p] + r.idio * shock[p]);
          r.level[p] = r.keep * r.level[p] + step;
          r.path[row + p] = r.level[p];
        }
      }
    }
    this.reverting = s.assets.map((_, a) => { const r = rev.find((x) => x.asset === a); return r ? r.path : null; });
    Object.assign(this, { paths, drawn, days, h, market, ai, rates, noise, meeting, idioHorizon });
    this.idioDailyCache = new Map();
    this.select = new Selector();
  }

  /** Row i of a stored array, unfolded into every path. */
  row(stored, i, out) { unfold(stored, i * this.drawn, this.drawn, out, this.paths); }

  /** An asset's cumulative idiosyncratic shocks day by day: a bridge pinned to its horizon draw. */
  idioDaily(asset) {
    if (this.idioDailyCache.has(asset)) return this.idioDailyCache.get(asset);
    const { drawn, days, h } = this;
    let totalVar = 0;
    for (let t = 0; t < h; t++) totalVar += this.dayVar[t];
    const seed = BigInt.asUintN(64, BigInt(this.spec.seed) ^ BigInt.asUintN(64, (0xA5A50000n + BigInt(asset)) * 0x9E3779B9n));
    const z = new Normals(seed);
    const target = this.idioHorizon.subarray(asset * drawn, (asset + 1) * drawn);
    const out = new Float32Array(drawn * days);
    const eps = new Float64Array(drawn), walk = new Float64Array(drawn);
    const step = (t) => {
      z.fill(eps, 0, drawn);
      const sd = Math.sqrt(this.dayVar[t]);
      for (let p = 0; p < drawn; p++) { walk[p] += eps[p] * sd; out[t * drawn + p] = walk[p]; }
    };
    for (let t = 0; t < h; t++) step(t);
    const gap = Float64Array.from(target, (x, p) => x - walk[p]);
    let share = 0;
    for (let t = 0; t < h; t++) {
      share += this.dayVar[t] / totalVar;
      for (let p = 0; p < drawn; p++) {
        out[t * drawn + p] = t + 1 === h ? target[p] : out[t * drawn + p] + share * gap[p];
      }
    }
    for (let p = 0; p < drawn; p++) walk[p] = target[p];
    for (let t = h; t < days; t++) step(t);
    this.idioDailyCache.set(asset, out);
    return out;
  }

  /**
   * Projects `inputs` ({surprise, cut_odds, shortfall, rmp_start, rmp_pace}) with the daily
   * percentiles of asset `fan`: returns each asset's horizon band (5 values, scenario order) then
   * the fan asset's daily bands (as-of day first), the layout of Widget.bench_numbers().
   */
  project(inputs, fan) {
    const s = this.spec, ch = s.chain;
    const { paths, days: n, h } = this;
    const A = s.assets.length;
    const miss = Math.max(-inputs.surprise, 0) / ch.implied_move;
    const cutProbability = inputs.cut_odds / 100;
    const repricing = (inputs.cut_odds - s.cut_odds_as_of) / 100;
    const pricedBefore = s.cut_odds_as_of / 100;
    // The shortfall path before noise.
    const runoff = s.qt_runoff_bn_per_month / 21, purchases = inputs.rmp_pace / 21;
    const startIdx = s.rmp_start[inputs.rmp_start];
    const start = startIdx < 0 ? Infinity : startIdx;
    const reserves = new Float64Array(n);
    for (let day = 1; day <= n; day++) {
      const qt = runoff * Math.min(day, Math.max(s.qt_end - 1, 0));
      const bought = day >= start ? purchases * (day - start + 1) : 0;
      reserves[day - 1] = inputs.shortfall + qt + s.drain_bn[day] - bought;
    }
    const consts = s.assets.map((a, i) => {
      const u = a.price ? 0.01 : 1;
      return {
        keep: 1 - a.mean_reversion, marketShare: a.market * a.market, pull: a.long_run_pull,
        market: this.dailyVol[i] * a.market, funding: a.funding * u,
        // A miss's credit widening, per unit of each path's stress sum (the credit series only).
        widening: i === ch.credit ? ch.credit_miss_stress_bp * miss * u : 0,
        earnings: a.earnings_response * inputs.surprise * u, policy: a.policy * u, muted: a.price,
        vol: this.dailyVol[i], ai: a.ai, rates: a.rates, idio: this.idioLoading[i],
        level: a.price ? (x) => a.start * Math.exp(x) : (x) => a.start + x / 100,
      };
    });
    const out = new Float64Array(5 * A + 5 * (n + 1));
    const fanAt = 5 * A;
    for (let i = 0; i < 5; i++) out[fanAt + i] = s.assets[fan].start;
    const fanIdio = this.reverting[fan] ? null : this.idioDaily(fan);
    const preMeetingDays = Math.max(s.meeting - 1, 1);
    const beforeMeeting = s.meeting - 1;
    const after = new Float64Array(paths);
    for (let p = 0; p < paths; p++) after[p] = this.meeting[p] < cutProbability ? 1 - pricedBefore : -pricedBefore;
    const stress = new Float64Array(paths), raw = new Float64Array(5);
    const cumMarket = new Float64Array(paths), cumStress = new Float64Array(paths);
    const easing = new Float64Array(paths), easingMuted = new Float64Array(paths), values = new Float64Array(paths);
    const market = new Float64Array(paths), noise = new Float64Array(paths), ai = new Float64Array(paths);
    const rates = new Float64Array(paths), other = new Float64Array(paths);
    const state = s.assets.map((_, a) => (this.reverting[a] ? new Float64Array(paths) : null));
    // The credit series' stress sum as its recursion decays it (a mean-reverting credit series).
    const creditStress = this.reverting[ch.credit] ? new Float64Array(paths) : cumStress;
    // Per asset, the earnings term so far (applied to the percentiles: the same on every path),
    // and the variance of its shocks so far without and with the volatility terms.
    const earned = new Float64Array(A);
    const varPlain = new Float64Array(A), varScaled = new Float64Array(A);
    for (let t = 0; t < n; t++) {
      const horizonDay = t + 1 === h;
      // The stress table is by the shortfall the repo market feels: the day's balance-sheet
      // premium ($bn) is added to the day's shortfall before each path's noise.
      const table = s.stress_table;
      const last = table.length - 1;
      const base = reserves[t] + s.premium_bn[s.kind[t + 1]];
      const stressAt = (x) => {
        const pos = x > 0 ? x : 0;
        const i = Math.trunc(pos);
        if (i >= last) throw new Error('twin: shortfall beyond the stress table');
        return table[i] + (table[i + 1] - table[i]) * (pos - i);
      };
      const scale = 1 + (t + 1 >= s.earnings ? ch.vol_miss * miss : 0) + ch.vol_stress * stressAt(base);
      const dayVar = s.vol_multiplier[t + 1] * s.vol_multiplier[t + 1];
      for (let a = 0; a < A; a++) {
        const c = consts[a], decay = c.keep * c.keep;
        varPlain[a] = decay * varPlain[a] + dayVar;
        varScaled[a] = decay * varScaled[a] + dayVar * (c.marketShare * scale * scale + 1 - c.marketShare);
        if (this.reverting[a]) earned[a] = c.keep * earned[a] + (t + 1 === s.earnings ? c.earnings : 0);
        else earned[a] = t + 1 >= s.earnings ? c.earnings : 0;
      }
      this.row(this.noise, t, noise);
      this.row(this.market, t, market);
      for (let p = 0; p < paths; p++) {
        const st = stressAt(base + noise[p]);
        stress[p] = st;
        cumMarket[p] += market[p];
        cumStress[p] += st;
      }
      if (t < beforeMeeting) easing.fill(repricing * Math.min((t + 1) / preMeetingDays, 1));
      else easing.set(after);
      const perDay = 1 / (t + 1);
      for (let p = 0; p < paths; p++) {
        const e = easing[p];
        easingMuted[p] = e > 0 ? e * (1 - ch.rate_mute * (cumStress[p] * perDay)) : e;
      }
      let factorsRead = false;
      for (let a = 0; a < A; a++) {
        const c = consts[a];
        const eased = c.muted ? easingMuted : easing;
        const isFan = a === fan;
        const rev = this.reverting[a];
        if (rev) {
          const x = state[a];
          for (let p = 0; p < paths; p++) x[p] = c.keep * x[p] + c.market * market[p] + c.funding * stress[p] + c.pull;
          if (a === ch.credit) for (let p = 0; p < paths; p++) creditStress[p] = c.keep * creditStress[p] + stress[p];
          if (!isFan && !horizonDay) continue;
          this.row(rev, t, other);
          for (let p = 0; p < paths; p++) values[p] = x[p] + other[p] + c.policy * eased[p];
        } else if (isFan || horizonDay) {
          if (!factorsRead) { this.row(this.ai, t, ai); this.row(this.rates, t, rates); factorsRead = true; }
          if (isFan) this.row(fanIdio, t, other);
          else this.row(this.idioHorizon, a, other);
          for (let p = 0; p < paths; p++) {
            values[p] = c.market * cumMarket[p] + c.funding * cumStress[p]
              + c.vol * (c.ai * ai[p] + c.rates * rates[p] + c.idio * other[p])
              + c.policy * eased[p];
          }
        } else continue;
        if (a === ch.credit) for (let p = 0; p < paths; p++) values[p] = values[p] + c.widening * creditStress[p];
        // Percentiles shifted by the earnings term, scaled around the median by the volatility
        // terms, then as levels.
        this.select.band(values, paths, (x) => x, raw, 0);
        for (let i = 0; i < 5; i++) raw[i] = raw[i] + earned[a];
        const k = Math.sqrt(varScaled[a] / varPlain[a]), m = raw[2];
        for (let i = 0; i < 5; i++) raw[i] = c.level(i === 2 ? m : m + k * (raw[i] - m));
        if (isFan) out.set(raw, fanAt + 5 * (t + 1));
        if (horizonDay) out.set(raw, 5 * a);
      }
    }
    return out;
  }
}
