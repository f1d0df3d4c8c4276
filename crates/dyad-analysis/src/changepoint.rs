//! PELT (Killick, Fearnhead & Eckley 2012) for changes in mean, with a
//! Gaussian cost (sum of squared deviations from the segment mean).
//!
//! Penalty: `β = multiplier · 2 · σ̂² · ln n` — the BIC penalty for a mean
//! change in Gaussian noise of variance σ². σ̂ is estimated robustly from the
//! series itself: the median absolute first difference / (0.6745·√2), which
//! level shifts barely move; it is floored at 5 % of the series' standard
//! deviation so a near-constant series does not split on rounding noise.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PeltOptions {
    /// Multiplies the BIC penalty (higher = fewer shifts).
    pub penalty: f64,
    /// Fewest points in a segment.
    pub min_size: usize,
}

impl Default for PeltOptions {
    fn default() -> Self {
        PeltOptions {
            penalty: 1.0,
            min_size: 2,
        }
    }
}

/// Prefix sums for O(1) segment costs.
struct Cost {
    s1: Vec<f64>,
    s2: Vec<f64>,
}

impl Cost {
    fn new(x: &[f64]) -> Cost {
        let mut s1 = vec![0.0];
        let mut s2 = vec![0.0];
        for v in x {
            s1.push(s1[s1.len() - 1] + v);
            s2.push(s2[s2.len() - 1] + v * v);
        }
        Cost { s1, s2 }
    }
    /// Squared deviations of `x[a..b]` from its mean.
    fn of(&self, a: usize, b: usize) -> f64 {
        let n = (b - a) as f64;
        let s = self.s1[b] - self.s1[a];
        ((self.s2[b] - self.s2[a]) - s * s / n).max(0.0)
    }
}

/// The robust noise scale σ̂ of a series (see the module doc).
pub fn noise_sigma(x: &[f64]) -> f64 {
    if x.len() < 2 {
        return 0.0;
    }
    let mut d: Vec<f64> = x.windows(2).map(|w| (w[1] - w[0]).abs()).collect();
    d.sort_by(|a, b| a.total_cmp(b));
    let med = d[d.len() / 2];
    let mad = med / (0.6745 * std::f64::consts::SQRT_2);
    let mean = x.iter().sum::<f64>() / x.len() as f64;
    let sd = (x.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / x.len() as f64).sqrt();
    mad.max(0.05 * sd)
}

/// The penalty used for a series (see the module doc).
pub fn penalty_for(x: &[f64], opts: &PeltOptions) -> f64 {
    let s = noise_sigma(x);
    opts.penalty.max(0.0) * 2.0 * s * s * (x.len().max(2) as f64).ln()
}

/// Change points of `x`: indices where a new segment starts (sorted, never
/// 0). Non-finite values are treated as the mean of the finite ones.
pub fn pelt(x: &[f64], opts: &PeltOptions) -> Vec<usize> {
    let finite: Vec<f64> = x.iter().copied().filter(|v| v.is_finite()).collect();
    let fill = if finite.is_empty() {
        0.0
    } else {
        finite.iter().sum::<f64>() / finite.len() as f64
    };
    let x: Vec<f64> = x
        .iter()
        .map(|&v| if v.is_finite() { v } else { fill })
        .collect();
    let n = x.len();
    let m = opts.min_size.max(1);
    if n < 2 * m {
        return Vec::new();
    }
    let beta = penalty_for(&x, opts);
    let cost = Cost::new(&x);
    let mut f = vec![f64::INFINITY; n + 1];
    let mut last = vec![0usize; n + 1];
    f[0] = -beta;
    let mut candidates: Vec<usize> = vec![0];
    for t in m..=n {
        let mut best = f64::INFINITY;
        let mut arg = 0;
        for &tau in &candidates {
            if t - tau < m || !f[tau].is_finite() {
                continue;
            }
            let v = f[tau] + cost.of(tau, t) + beta;
            // Strictly better only: on ties the fewer, earlier splits win.
            if v < best {
                best = v;
                arg = tau;
            }
        }
        f[t] = best;
        last[t] = arg;
        // Prune: a start that is already worse than the optimum can never win.
        candidates
            .retain(|&tau| t - tau < m || !f[tau].is_finite() || f[tau] + cost.of(tau, t) <= f[t]);
        if t + 1 >= 2 * m {
            let new = t + 1 - m;
            if new >= m && !candidates.contains(&new) {
                candidates.push(new);
            }
        }
    }
    let mut cps = Vec::new();
    let mut t = n;
    while t > 0 {
        let s = last[t];
        if s > 0 {
            cps.push(s);
        }
        if s >= t {
            break;
        }
        t = s;
    }
    cps.reverse();
    cps
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn finds_a_clean_step() {
        let mut x = vec![0.8; 12];
        x.extend(vec![-0.6; 12]);
        // Some noise.
        for (i, v) in x.iter_mut().enumerate() {
            *v += if i % 3 == 0 { 0.1 } else { -0.05 };
        }
        assert_eq!(pelt(&x, &PeltOptions::default()), vec![12]);
    }

    #[test]
    fn flat_noise_has_no_change() {
        // White noise from a hash of the index (no structure for means to fit).
        let x: Vec<f64> = (0..30u64)
            .map(|i| {
                let h = (i + 1).wrapping_mul(0x9E3779B97F4A7C15) >> 40;
                (h % 1000) as f64 / 1000.0 - 0.5
            })
            .collect();
        assert!(pelt(&x, &PeltOptions::default()).is_empty());
    }

    #[test]
    fn two_steps() {
        let mut x = vec![0.0; 10];
        x.extend(vec![5.0; 10]);
        x.extend(vec![1.0; 10]);
        for (i, v) in x.iter_mut().enumerate() {
            *v += ((i * 37) % 5) as f64 * 0.1;
        }
        assert_eq!(pelt(&x, &PeltOptions::default()), vec![10, 20]);
    }

    proptest! {
        #[test]
        fn change_points_are_valid(x in proptest::collection::vec(-1e6f64..1e6, 0..60), m in 1usize..4) {
            let o = PeltOptions { penalty: 1.0, min_size: m };
            let cps = pelt(&x, &o);
            let mut prev = 0;
            for &c in &cps {
                prop_assert!(c >= prev + m && c + m <= x.len());
                prev = c;
            }
        }
    }
}
