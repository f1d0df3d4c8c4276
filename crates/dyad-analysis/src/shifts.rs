//! Shifts: change points (PELT, see [`crate::changepoint`]) in an alignment
//! index or a dyad's monthly Goldstein sum, each with its date, size and the
//! events that drive it — the largest |Goldstein| events, pushing in the
//! shift's direction, from the month before the change to the month after.

use chrono::NaiveDate;
use dyad_model::EventRecord;
use dyad_store::{Filter, Period, Store};
use serde::Serialize;

use crate::alignment::{month_range, AlignmentSeries};
use crate::changepoint::{pelt, penalty_for, PeltOptions};
use crate::Result;

/// Which alignment channel to analyse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    All,
    Verbal,
    Material,
}

impl std::str::FromStr for Channel {
    type Err = crate::AnalysisError;
    fn from_str(s: &str) -> Result<Channel> {
        match s {
            "all" => Ok(Channel::All),
            "verbal" => Ok(Channel::Verbal),
            "material" => Ok(Channel::Material),
            _ => Err(crate::AnalysisError::BadArgument(format!(
                "channel `{s}` is not all, verbal or material"
            ))),
        }
    }
}

/// An event behind a shift and its push on the measure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Driver {
    pub contribution: f64,
    #[serde(flatten)]
    pub event: EventRecord,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shift {
    /// First period of the new regime (`YYYY-MM`).
    pub period: String,
    /// Its first day (`YYYY-MM-DD`).
    pub date: String,
    /// Segment means before and after, and `after − before`.
    pub before: f64,
    pub after: f64,
    pub size: f64,
    /// Mean events per month in the regimes before and after: a shift
    /// made by silence (fewer events) rather than by new events shows here
    /// and has few drivers.
    pub events_per_month_before: f64,
    pub events_per_month_after: f64,
    pub drivers: Vec<Driver>,
}

/// Where a change point falls, in period indices.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChangeAt {
    /// First period of the new regime.
    pub index: usize,
    pub before: f64,
    pub after: f64,
    /// The old regime's first period and the new regime's end (exclusive).
    pub regime_start: usize,
    pub regime_end: usize,
}

fn per_month(counts: &[usize], a: usize, b: usize) -> f64 {
    let slice = counts.get(a..b.min(counts.len())).unwrap_or(&[]);
    slice.iter().sum::<usize>() as f64 / slice.len().max(1) as f64
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesValue {
    pub period: String,
    pub value: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShiftReport {
    /// What was analysed (`alignment KEN china/west all`, `dyad CHN-KEN goldstein_sum`).
    pub subject: String,
    /// The penalty PELT used.
    pub penalty: f64,
    pub series: Vec<SeriesValue>,
    pub shifts: Vec<Shift>,
}

/// Change points of a series with gaps: PELT runs over the periods that
/// have a value. Returns the change points and the penalty used.
pub fn shifts_in_series(values: &[Option<f64>], opts: &PeltOptions) -> (Vec<ChangeAt>, f64) {
    let defined: Vec<(usize, f64)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.filter(|x| x.is_finite()).map(|x| (i, x)))
        .collect();
    let x: Vec<f64> = defined.iter().map(|&(_, v)| v).collect();
    let penalty = penalty_for(&x, opts);
    let cps = pelt(&x, opts);
    let mut bounds = vec![0];
    bounds.extend(cps.iter().copied());
    bounds.push(x.len());
    let mean = |a: usize, b: usize| x[a..b].iter().sum::<f64>() / (b - a).max(1) as f64;
    let out = cps
        .iter()
        .enumerate()
        .map(|(k, &c)| {
            let end = bounds[k + 2];
            ChangeAt {
                index: defined[c].0,
                before: mean(bounds[k], c),
                after: mean(c, end),
                regime_start: defined[bounds[k]].0,
                regime_end: if end >= defined.len() {
                    values.len()
                } else {
                    defined[end].0
                },
            }
        })
        .collect();
    (out, penalty)
}

fn first_day(period: &str) -> String {
    format!("{period}-01")
}

fn top_drivers(mut candidates: Vec<Driver>, direction: f64, top: usize) -> Vec<Driver> {
    candidates.retain(|d| d.contribution * direction > 0.0);
    candidates.sort_by(|a, b| b.contribution.abs().total_cmp(&a.contribution.abs()));
    candidates.truncate(top);
    candidates
}

/// Shifts in an alignment series's index (`channel`), with `top` drivers each.
pub fn alignment_shifts(
    series: &AlignmentSeries,
    channel: Channel,
    opts: &PeltOptions,
    top: usize,
) -> ShiftReport {
    let pick = |p: &crate::alignment::AlignmentPoint| match channel {
        Channel::All => p.all.index,
        Channel::Verbal => p.verbal.index,
        Channel::Material => p.material.index,
    };
    let values: Vec<Option<f64>> = series.points.iter().map(pick).collect();
    let (found, penalty) = shifts_in_series(&values, opts);
    let keep = |q: u8| match channel {
        Channel::All => true,
        Channel::Verbal => q == 1 || q == 3,
        Channel::Material => q == 2 || q == 4,
    };
    let counts: Vec<usize> = series
        .points
        .iter()
        .map(|p| {
            let c = match channel {
                Channel::All => &p.all,
                Channel::Verbal => &p.verbal,
                Channel::Material => &p.material,
            };
            c.events_a + c.events_b
        })
        .collect();
    let shifts = found
        .into_iter()
        .map(|at| {
            let (i, before, after) = (at.index, at.before, at.after);
            let window: Vec<&str> = (i.saturating_sub(1)
                ..=(i + 1).min(series.points.len().saturating_sub(1)))
                .filter_map(|k| series.points.get(k).map(|p| p.period.as_str()))
                .collect();
            let candidates = series
                .events
                .iter()
                .filter(|e| window.contains(&e.period.as_str()) && keep(e.event.quad_class))
                .map(|e| Driver {
                    contribution: e.contribution,
                    event: e.event.clone(),
                })
                .collect();
            let period = series.points[i].period.clone();
            Shift {
                date: first_day(&period),
                period,
                before,
                after,
                size: after - before,
                events_per_month_before: per_month(&counts, at.regime_start, i),
                events_per_month_after: per_month(&counts, i, at.regime_end),
                drivers: top_drivers(candidates, after - before, top),
            }
        })
        .collect();
    ShiftReport {
        subject: format!(
            "alignment {} {}/{} {}",
            series.country,
            series.bloc_a.name,
            series.bloc_b.name,
            match channel {
                Channel::All => "all",
                Channel::Verbal => "verbal",
                Channel::Material => "material",
            }
        ),
        penalty,
        series: series
            .points
            .iter()
            .zip(values)
            .map(|(p, value)| SeriesValue {
                period: p.period.clone(),
                value,
            })
            .collect(),
        shifts,
    }
}

/// Shifts in a dyad's monthly Goldstein sum (months without events count
/// as 0: no interaction is neither cooperation nor conflict).
pub fn dyad_shifts(
    store: &Store,
    dyad: &str,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    opts: &PeltOptions,
    top: usize,
) -> Result<ShiftReport> {
    let pair = Filter::parse_dyad(dyad)?;
    let f = Filter {
        dyad: Some(pair.clone()),
        from,
        to,
        ..Filter::default()
    };
    let rows = store.series(&f, Period::Month)?;
    let months = month_range(rows.iter().map(|r| r.period.as_str()));
    let values: Vec<Option<f64>> = months
        .iter()
        .map(|m| {
            Some(
                rows.iter()
                    .find(|r| &r.period == m)
                    .map(|r| r.goldstein_sum)
                    .unwrap_or(0.0),
            )
        })
        .collect();
    let (found, penalty) = shifts_in_series(&values, opts);
    let counts: Vec<usize> = months
        .iter()
        .map(|m| {
            rows.iter()
                .find(|r| &r.period == m)
                .map(|r| r.events as usize)
                .unwrap_or(0)
        })
        .collect();
    let mut shifts = Vec::new();
    for at in found {
        let (i, before, after) = (at.index, at.before, at.after);
        let lo = &months[i.saturating_sub(1)];
        let hi = &months[(i + 1).min(months.len() - 1)];
        let window = Filter {
            dyad: Some(pair.clone()),
            from: NaiveDate::parse_from_str(&first_day(lo), "%Y-%m-%d").ok(),
            to: NaiveDate::parse_from_str(&first_day(hi), "%Y-%m-%d")
                .ok()
                .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
                .and_then(|d| d.pred_opt()),
            ..Filter::default()
        };
        let candidates = store
            .query(&window)?
            .into_iter()
            .map(|e| Driver {
                contribution: e.event.goldstein,
                event: e.event,
            })
            .collect();
        let period = months[i].clone();
        shifts.push(Shift {
            date: first_day(&period),
            period,
            before,
            after,
            size: after - before,
            events_per_month_before: per_month(&counts, at.regime_start, i),
            events_per_month_after: per_month(&counts, i, at.regime_end),
            drivers: top_drivers(candidates, after - before, top),
        });
    }
    Ok(ShiftReport {
        subject: format!("dyad {}-{} goldstein_sum", pair.0, pair.1),
        penalty,
        series: months
            .into_iter()
            .zip(values)
            .map(|(period, value)| SeriesValue { period, value })
            .collect(),
        shifts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_are_skipped_and_indices_map_back() {
        let mut v: Vec<Option<f64>> = vec![Some(0.9); 8];
        v.extend(vec![Some(-0.9); 8]);
        v[3] = None;
        v[12] = None;
        let (s, _) = shifts_in_series(&v, &PeltOptions::default());
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].index, 8);
        assert_eq!((s[0].regime_start, s[0].regime_end), (0, 16));
        assert!((s[0].after - s[0].before + 1.8).abs() < 1e-9);
    }

    #[test]
    fn drivers_push_the_right_way() {
        let mk = |c: f64| Driver {
            contribution: c,
            event: crate::alignment::tests_support::event("2023-01-01", "KEN", "USA", "057"),
        };
        let d = top_drivers(vec![mk(3.0), mk(-8.0), mk(-2.0), mk(-5.0)], -1.0, 2);
        let c: Vec<f64> = d.iter().map(|d| d.contribution).collect();
        assert_eq!(c, [-8.0, -5.0]);
    }
}
