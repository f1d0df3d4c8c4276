//! Bloc alignment: per month, how much of country X's cooperation (net of
//! conflict, in Goldstein points) goes to bloc A rather than bloc B.
//!
//! `index = (S_A − S_B) / W`, where `S_A` is the Goldstein sum of X's events
//! with members of A (and likewise B) and `W` the sum of their absolute
//! values: +1 when all of the month's activity is cooperation with A, −1
//! when all of it is cooperation with B (conflict with A counts towards B
//! and vice versa). Verbal (quad classes 1, 3) and material (2, 4) events
//! are indexed separately as well as together. The band is a percentile
//! bootstrap over the month's events.

use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use dyad_model::EventRecord;
use dyad_store::{Filter, Store};
use serde::Serialize;

use crate::config::Bloc;
use crate::{AnalysisError, Result};

/// Which of X's events count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// X as source: what X does to the blocs.
    Outgoing,
    /// X as target: what the blocs do to X.
    Incoming,
    Both,
}

impl FromStr for Direction {
    type Err = AnalysisError;
    fn from_str(s: &str) -> Result<Direction> {
        match s {
            "out" | "outgoing" => Ok(Direction::Outgoing),
            "in" | "incoming" => Ok(Direction::Incoming),
            "both" => Ok(Direction::Both),
            _ => Err(AnalysisError::BadArgument(format!(
                "direction `{s}` is not out, in or both"
            ))),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AlignmentOptions {
    pub direction: Direction,
    /// Bootstrap resamples per month (0 = no band).
    pub bootstrap: usize,
    /// Coverage of the band (0.9 = 5th to 95th percentile).
    pub level: f64,
    pub seed: u64,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Default for AlignmentOptions {
    fn default() -> Self {
        AlignmentOptions {
            direction: Direction::Both,
            bootstrap: 400,
            level: 0.9,
            seed: 0x5eed,
            from: None,
            to: None,
        }
    }
}

/// One channel (all, verbal or material) of one month.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct ChannelIndex {
    /// Events with A and with B.
    pub events_a: usize,
    pub events_b: usize,
    /// Goldstein sums with A and with B.
    pub sum_a: f64,
    pub sum_b: f64,
    /// `sum_a − sum_b`, in Goldstein points.
    pub net: f64,
    /// The normalised index in [−1, 1]; `None` without events (or when
    /// every event scores 0).
    pub index: Option<f64>,
    /// Bootstrap band around `index`.
    pub low: Option<f64>,
    pub high: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlignmentPoint {
    /// `YYYY-MM`.
    pub period: String,
    pub all: ChannelIndex,
    pub verbal: ChannelIndex,
    pub material: ChannelIndex,
}

/// Which bloc an event counts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    A,
    B,
}

/// An event that entered the index, and how it moved it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlignedEvent {
    pub period: String,
    pub side: Side,
    /// `+goldstein` for A, `−goldstein` for B: its push on the index.
    pub contribution: f64,
    pub event: EventRecord,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlignmentSeries {
    pub country: String,
    pub bloc_a: Bloc,
    pub bloc_b: Bloc,
    pub direction: Direction,
    /// One point per month from the first to the last month with events.
    pub points: Vec<AlignmentPoint>,
    /// The events behind the points (not serialised: use shifts' drivers
    /// or the events API for evidence).
    #[serde(skip)]
    pub events: Vec<AlignedEvent>,
}

impl AlignmentSeries {
    /// Months where the overall index changes sign relative to the last
    /// month that had one (the country "crosses" from one bloc to the other).
    pub fn crossings(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut last: Option<f64> = None;
        for p in &self.points {
            if let Some(i) = p.all.index.filter(|i| *i != 0.0) {
                if last.is_some_and(|l| l.signum() != i.signum()) {
                    out.push(p.period.clone());
                }
                last = Some(i);
            }
        }
        out
    }
}

/// The alignment series from events already at hand.
pub fn alignment_from_events(
    country: &str,
    a: &Bloc,
    b: &Bloc,
    events: &[EventRecord],
    opts: &AlignmentOptions,
) -> AlignmentSeries {
    let x = country.to_ascii_uppercase();
    let mut aligned = Vec::new();
    for e in events {
        let (sx, tx) = (e.source.starts_with(&x), e.target.starts_with(&x));
        let other = match (sx, tx) {
            (true, false) if opts.direction != Direction::Incoming => &e.target,
            (false, true) if opts.direction != Direction::Outgoing => &e.source,
            _ => continue,
        };
        let side = match (a.contains(other), b.contains(other)) {
            (true, false) => Side::A,
            (false, true) => Side::B,
            _ => continue,
        };
        if !(1..=4).contains(&e.quad_class) || !e.goldstein.is_finite() {
            continue;
        }
        let Some(month) = e.date.get(..7) else {
            continue;
        };
        if let Ok(d) = NaiveDate::parse_from_str(&e.date, "%Y-%m-%d") {
            if opts.from.is_some_and(|f| d < f) || opts.to.is_some_and(|t| d > t) {
                continue;
            }
        } else {
            continue;
        }
        let contribution = match side {
            Side::A => e.goldstein,
            Side::B => -e.goldstein,
        };
        aligned.push(AlignedEvent {
            period: month.to_string(),
            side,
            contribution,
            event: e.clone(),
        });
    }
    aligned.sort_by(|p, q| {
        (&p.event.date, &p.event.doc_id, p.event.sentence).cmp(&(
            &q.event.date,
            &q.event.doc_id,
            q.event.sentence,
        ))
    });
    let months = month_range(aligned.iter().map(|e| e.period.as_str()));
    let points = months
        .into_iter()
        .map(|period| {
            let in_month: Vec<&AlignedEvent> =
                aligned.iter().filter(|e| e.period == period).collect();
            let seed = opts.seed ^ fnv(&period);
            let channel = |keep: &dyn Fn(u8) -> bool, salt: u64| {
                let evs: Vec<(Side, f64)> = in_month
                    .iter()
                    .filter(|e| keep(e.event.quad_class))
                    .map(|e| (e.side, e.event.goldstein))
                    .collect();
                channel_index(&evs, opts, seed ^ salt)
            };
            AlignmentPoint {
                all: channel(&|_| true, 1),
                verbal: channel(&|q| q == 1 || q == 3, 2),
                material: channel(&|q| q == 2 || q == 4, 3),
                period,
            }
        })
        .collect();
    AlignmentSeries {
        country: x,
        bloc_a: a.clone(),
        bloc_b: b.clone(),
        direction: opts.direction,
        points,
        events: aligned,
    }
}

/// The alignment series of `country` from the store's events.
pub fn alignment(
    store: &Store,
    country: &str,
    a: &Bloc,
    b: &Bloc,
    opts: &AlignmentOptions,
) -> Result<AlignmentSeries> {
    let x = country.trim().to_ascii_uppercase();
    if x.is_empty() || !x.bytes().all(|c| c.is_ascii_alphanumeric()) {
        return Err(AnalysisError::BadArgument(format!(
            "country `{country}` is not an actor code (e.g. KEN)"
        )));
    }
    let mut events = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for f in [
        Filter {
            source: Some(x.clone()),
            from: opts.from,
            to: opts.to,
            ..Filter::default()
        },
        Filter {
            target: Some(x.clone()),
            from: opts.from,
            to: opts.to,
            ..Filter::default()
        },
    ] {
        for e in store.query(&f)? {
            if seen.insert(e.event_id) {
                events.push(e.event);
            }
        }
    }
    Ok(alignment_from_events(&x, a, b, &events, opts))
}

fn index_of(evs: &[(Side, f64)]) -> Option<f64> {
    let (mut net, mut w) = (0.0, 0.0);
    for &(side, g) in evs {
        net += match side {
            Side::A => g,
            Side::B => -g,
        };
        w += g.abs();
    }
    (w > 0.0).then(|| net / w)
}

fn channel_index(evs: &[(Side, f64)], opts: &AlignmentOptions, seed: u64) -> ChannelIndex {
    let mut c = ChannelIndex::default();
    for &(side, g) in evs {
        match side {
            Side::A => {
                c.events_a += 1;
                c.sum_a += g;
            }
            Side::B => {
                c.events_b += 1;
                c.sum_b += g;
            }
        }
    }
    c.net = c.sum_a - c.sum_b;
    c.index = index_of(evs);
    if c.index.is_some() && opts.bootstrap > 0 && !evs.is_empty() {
        let mut rng = SplitMix(seed);
        let mut stats = Vec::with_capacity(opts.bootstrap);
        let mut sample = Vec::with_capacity(evs.len());
        for _ in 0..opts.bootstrap {
            sample.clear();
            for _ in 0..evs.len() {
                let k = (rng.next() % evs.len() as u64) as usize;
                if let Some(&e) = evs.get(k) {
                    sample.push(e);
                }
            }
            if let Some(i) = index_of(&sample) {
                stats.push(i);
            }
        }
        stats.sort_by(|p, q| p.total_cmp(q));
        let tail = ((1.0 - opts.level.clamp(0.0, 1.0)) / 2.0).max(0.0);
        c.low = quantile(&stats, tail);
        c.high = quantile(&stats, 1.0 - tail);
    }
    c
}

fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let k = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted.get(k.min(sorted.len() - 1)).copied()
}

/// Every month from the first to the last given (`YYYY-MM`), gaps filled.
pub(crate) fn month_range<'a>(months: impl Iterator<Item = &'a str>) -> Vec<String> {
    let parsed: Vec<NaiveDate> = months
        .filter_map(|m| NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok())
        .collect();
    let (Some(&first), Some(&last)) = (parsed.iter().min(), parsed.iter().max()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut d = first;
    while d <= last {
        out.push(d.format("%Y-%m").to_string());
        let (y, m) = if d.month() == 12 {
            (d.year() + 1, 1)
        } else {
            (d.year(), d.month() + 1)
        };
        match NaiveDate::from_ymd_opt(y, m, 1) {
            Some(n) => d = n,
            None => break,
        }
    }
    out
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
    })
}

/// A small deterministic generator (SplitMix64): bands must not change
/// between runs, and a dependency would be overkill.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E3779B97F4A7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
        z ^ (z >> 31)
    }
}

/// Event builders shared by this crate's unit tests.
#[cfg(test)]
pub(crate) mod tests_support {
    use dyad_model::EventRecord;

    pub(crate) fn event(date: &str, source: &str, target: &str, code: &str) -> EventRecord {
        let mut e = EventRecord {
            doc_id: format!("{date}-{source}-{target}"),
            sentence: 0,
            date: date.into(),
            date_source: dyad_model::DateSource::Given,
            source: source.into(),
            target: target.into(),
            source_text: String::new(),
            target_text: String::new(),
            code: String::new(),
            root: String::new(),
            quad_class: 0,
            goldstein: 0.0,
            plover: Default::default(),
            text: String::new(),
            spans: Default::default(),
            verb_text: String::new(),
            speaker: None,
            modality: None,
            pattern: String::new(),
            location: None,
        };
        e.set_code(code);
        e
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::event;
    use super::*;
    use crate::config::BlocConfig;

    #[test]
    fn index_signs_and_channels() {
        let blocs = BlocConfig::embedded();
        let (a, b) = blocs.pair("china,west").expect("blocs");
        let evs = vec![
            event("2023-01-05", "KENGOV", "CHN", "051"),
            event("2023-01-06", "CHN", "KEN", "061"),
            event("2023-03-05", "KEN", "USA", "057"),
            event("2023-03-06", "KEN", "CHN", "111"),
            event("2023-03-07", "UGA", "USA", "057"),
            event("2023-03-08", "KEN", "KENGOV", "057"),
        ];
        let s = alignment_from_events("KEN", &a, &b, &evs, &AlignmentOptions::default());
        assert_eq!(s.points.len(), 3);
        assert_eq!(s.points[0].all.index, Some(1.0));
        assert_eq!(s.points[1].all.index, None);
        let march = &s.points[2];
        assert_eq!(march.all.events_a + march.all.events_b, 2);
        assert!(march.all.index.is_some_and(|i| i == -1.0), "{march:?}");
        assert_eq!(march.verbal.events_a, 1);
        assert_eq!(march.material.events_a + march.material.events_b, 0);
        assert_eq!(s.points[0].material.events_a, 1);
        let out = alignment_from_events(
            "KEN",
            &a,
            &b,
            &evs,
            &AlignmentOptions {
                direction: Direction::Outgoing,
                ..Default::default()
            },
        );
        assert_eq!(out.points[0].all.events_a, 1);
    }

    #[test]
    fn band_contains_index_and_narrows_with_events() {
        let blocs = BlocConfig::embedded();
        let (a, b) = blocs.pair("china,west").expect("blocs");
        let mut few = Vec::new();
        let mut many = Vec::new();
        for i in 0..4 {
            few.push(event(
                "2023-01-05",
                "KEN",
                if i % 2 == 0 { "CHN" } else { "USA" },
                "051",
            ));
        }
        for i in 0..80 {
            many.push(event(
                "2023-01-05",
                "KEN",
                if i % 2 == 0 { "CHN" } else { "USA" },
                "051",
            ));
        }
        let o = AlignmentOptions::default();
        let f = &alignment_from_events("KEN", &a, &b, &few, &o).points[0].all;
        let m = &alignment_from_events("KEN", &a, &b, &many, &o).points[0].all;
        let width = |c: &ChannelIndex| c.high.unwrap_or(0.0) - c.low.unwrap_or(0.0);
        assert!(f.low <= f.index && f.index <= f.high);
        assert!(width(m) < width(f), "{m:?} {f:?}");
    }

    #[test]
    fn month_range_fills_gaps_across_years() {
        let r = month_range(["2023-11", "2024-02"].into_iter());
        assert_eq!(r, ["2023-11", "2023-12", "2024-01", "2024-02"]);
    }
}
