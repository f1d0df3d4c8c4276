//! Filters (the contract's `source`, `target`, `dyad`, `code`, `root`,
//! `quad`, `from`, `to`, `text`, `limit`, `offset`), event queries and
//! dyad series.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use dyad_model::{DateSource, EventRecord, EventSpans, Plover, Span};
use rusqlite::types::Value;
use serde::Serialize;

use crate::{Result, Store, StoreError};

/// Which events a query, series or export covers. Empty = all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Actor code prefix of the source (`CHN` matches `CHNGOV`).
    pub source: Option<String>,
    pub target: Option<String>,
    /// Two actor code prefixes; either direction unless `directed`.
    pub dyad: Option<(String, String)>,
    pub directed: bool,
    /// Exact CAMEO code (`"040"`).
    pub code: Option<String>,
    /// Two-digit root (`"04"`).
    pub root: Option<String>,
    /// Quad class 1-4.
    pub quad: Option<u8>,
    /// Inclusive date bounds.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Full-text search over evidence sentences: every word must occur.
    pub text: Option<String>,
    /// Count each (date, source, target, code) once (series only).
    pub one_a_day: bool,
    pub limit: Option<u64>,
    pub offset: u64,
}

impl Filter {
    /// Parse `CHN-KEN` into two upper-case prefixes.
    pub fn parse_dyad(s: &str) -> Result<(String, String)> {
        match s.split_once('-') {
            Some((a, b)) if valid_code(a) && valid_code(b) => {
                Ok((a.to_ascii_uppercase(), b.to_ascii_uppercase()))
            }
            _ => Err(StoreError::BadFilter(format!(
                "dyad `{s}` is not two actor codes joined by `-` (e.g. CHN-KEN)"
            ))),
        }
    }

    /// Check values that SQL would silently accept but never match.
    pub fn validate(&self) -> Result<()> {
        for (name, v) in [("source", &self.source), ("target", &self.target)] {
            if let Some(v) = v {
                if !valid_code(v) {
                    return Err(StoreError::BadFilter(format!(
                        "{name} `{v}` is not an actor code prefix (letters and digits)"
                    )));
                }
            }
        }
        if let Some(c) = &self.code {
            if !(2..=4).contains(&c.len()) || !c.bytes().all(|b| b.is_ascii_digit()) {
                return Err(StoreError::BadFilter(format!(
                    "code `{c}` is not a CAMEO code (2-4 digits)"
                )));
            }
        }
        if let Some(r) = &self.root {
            if r.len() != 2 || !r.bytes().all(|b| b.is_ascii_digit()) {
                return Err(StoreError::BadFilter(format!(
                    "root `{r}` is not a two-digit CAMEO root"
                )));
            }
        }
        if let Some(q) = self.quad {
            if !(1..=4).contains(&q) {
                return Err(StoreError::BadFilter(format!(
                    "quad `{q}` is not 1, 2, 3 or 4"
                )));
            }
        }
        if let (Some(f), Some(t)) = (self.from, self.to) {
            if f > t {
                return Err(StoreError::BadFilter(format!("from {f} is after to {t}")));
            }
        }
        Ok(())
    }

    /// The WHERE clause (over `events e`) and its parameters.
    pub(crate) fn sql(&self) -> Result<(String, Vec<Value>)> {
        self.validate()?;
        let mut clauses: Vec<String> = Vec::new();
        let mut params: Vec<Value> = Vec::new();
        if let Some(s) = &self.source {
            clauses.push(prefix_clause("e.source", s, &mut params));
        }
        if let Some(t) = &self.target {
            clauses.push(prefix_clause("e.target", t, &mut params));
        }
        if let Some((a, b)) = &self.dyad {
            let forward = format!(
                "({} AND {})",
                prefix_clause("e.source", a, &mut params),
                prefix_clause("e.target", b, &mut params)
            );
            if self.directed {
                clauses.push(forward);
            } else {
                let back = format!(
                    "({} AND {})",
                    prefix_clause("e.source", b, &mut params),
                    prefix_clause("e.target", a, &mut params)
                );
                clauses.push(format!("({forward} OR {back})"));
            }
        }
        if let Some(c) = &self.code {
            params.push(Value::Text(c.clone()));
            clauses.push(format!("e.code = ?{}", params.len()));
        }
        if let Some(r) = &self.root {
            params.push(Value::Text(r.clone()));
            clauses.push(format!("e.root = ?{}", params.len()));
        }
        if let Some(q) = self.quad {
            params.push(Value::Integer(i64::from(q)));
            clauses.push(format!("e.quad_class = ?{}", params.len()));
        }
        if let Some(f) = self.from {
            params.push(Value::Text(f.format("%Y-%m-%d").to_string()));
            clauses.push(format!("e.date >= ?{}", params.len()));
        }
        if let Some(t) = self.to {
            params.push(Value::Text(t.format("%Y-%m-%d").to_string()));
            clauses.push(format!("e.date <= ?{}", params.len()));
        }
        if let Some(text) = &self.text {
            let q = fts_query(text);
            if q.is_empty() {
                return Err(StoreError::BadFilter(format!(
                    "text `{text}` has no words to search for"
                )));
            }
            params.push(Value::Text(q));
            clauses.push(format!(
                "e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?{})",
                params.len()
            ));
        }
        let sql = if clauses.is_empty() {
            "1".to_string()
        } else {
            clauses.join(" AND ")
        };
        Ok((sql, params))
    }
}

fn valid_code(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// `col` starts with `prefix`, as an index range (`>= CHN AND < CHO`).
fn prefix_clause(col: &str, prefix: &str, params: &mut Vec<Value>) -> String {
    let p = prefix.to_ascii_uppercase();
    let mut upper = p.clone().into_bytes();
    // valid_code guarantees ASCII alphanumerics, so the last byte + 1 is ASCII.
    if let Some(last) = upper.last_mut() {
        *last += 1;
    }
    params.push(Value::Text(p));
    params.push(Value::Text(String::from_utf8_lossy(&upper).into_owned()));
    format!(
        "({col} >= ?{} AND {col} < ?{})",
        params.len() - 1,
        params.len()
    )
}

/// User words as an FTS5 query of quoted terms (implicit AND), so that no
/// input is an FTS syntax error.
fn fts_query(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A stored event: the contract's event fields plus the store's counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredEvent {
    pub event_id: i64,
    /// `doc_id` and `sentence` are those of the first document that reported it.
    #[serde(flatten)]
    pub event: EventRecord,
    /// Mentions (document sentences) that reported the event.
    pub mentions: u64,
    /// Distinct documents that reported it.
    pub articles: u64,
}

/// The columns [`event_from_row`] reads, in its order, over `events e` joined
/// with the first reporting document `d`. Public so that readers outside the
/// store (the HTTP API's document view) select and map events the same way;
/// they append their own columns after these, from [`EVENT_COLUMN_COUNT`] on.
pub const EVENT_COLUMNS: &str = "e.id, d.doc_key, e.first_sentence, e.date, e.date_source, e.source, e.target, e.source_text, e.target_text, \
    e.code, e.root, e.quad_class, e.goldstein, e.plover_event, e.plover_mode, e.plover_context, e.text, e.spans, e.verb_text, \
    e.speaker, e.modality, e.pattern, e.num_mentions, e.num_articles, e.location";

/// How many columns [`EVENT_COLUMNS`] names: the index of the first column a
/// caller appends after them.
pub const EVENT_COLUMN_COUNT: usize = 25;

/// One stored event from a row whose first columns are [`EVENT_COLUMNS`].
pub fn event_from_row(r: &rusqlite::Row) -> rusqlite::Result<StoredEvent> {
    let date_source = match r.get::<_, String>(4)?.as_str() {
        "given" => DateSource::Given,
        "text" => DateSource::Text,
        _ => DateSource::Default,
    };
    let spans = parse_spans(&r.get::<_, String>(17)?);
    Ok(StoredEvent {
        event_id: r.get(0)?,
        event: EventRecord {
            doc_id: r.get(1)?,
            sentence: r.get::<_, i64>(2)?.max(0) as usize,
            date: r.get(3)?,
            date_source,
            source: r.get(5)?,
            target: r.get(6)?,
            source_text: r.get(7)?,
            target_text: r.get(8)?,
            code: r.get(9)?,
            root: r.get(10)?,
            quad_class: r.get::<_, i64>(11)?.clamp(0, 4) as u8,
            goldstein: r.get(12)?,
            plover: Plover {
                event: r.get(13)?,
                mode: r.get(14)?,
                context: r.get(15)?,
            },
            text: r.get(16)?,
            spans,
            verb_text: r.get(18)?,
            speaker: r.get(19)?,
            modality: r.get(20)?,
            pattern: r.get(21)?,
            location: r
                .get::<_, Option<String>>(24)?
                .and_then(|j| serde_json::from_str(&j).ok()),
        },
        mentions: r.get::<_, i64>(22)?.max(0) as u64,
        articles: r.get::<_, i64>(23)?.max(0) as u64,
    })
}

/// Spans as stored (`{"source": [s, e], ...}`, keys optional). Parsed by
/// hand because a missing key must mean "no span", not a failed row.
fn parse_spans(json: &str) -> EventSpans {
    let v: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    let span = |k: &str| {
        let a = v.get(k)?.as_array()?;
        let (s, e) = (a.first()?.as_u64()? as usize, a.get(1)?.as_u64()? as usize);
        Some(Span::new(s.min(e), e.max(s)))
    };
    EventSpans {
        source: span("source"),
        target: span("target"),
        verb: span("verb"),
    }
}

/// Series granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    Week,
    Month,
    Year,
}

impl Period {
    /// SQL giving the period label from `e.date`: `YYYY-MM-DD`, ISO
    /// `YYYY-Www`, `YYYY-MM`, `YYYY`.
    fn sql(&self) -> &'static str {
        match self {
            Period::Day => "e.date",
            Period::Week => "strftime('%G-W%V', e.date)",
            Period::Month => "substr(e.date, 1, 7)",
            Period::Year => "substr(e.date, 1, 4)",
        }
    }
}

impl FromStr for Period {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Period> {
        match s {
            "day" => Ok(Period::Day),
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            "year" => Ok(Period::Year),
            _ => Err(StoreError::BadFilter(format!(
                "by `{s}` is not day, week, month or year"
            ))),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Year => "year",
        })
    }
}

/// One period of a series. Counts are of events (each stored event once);
/// `mentions` adds up every report of them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesRow {
    pub period: String,
    pub events: u64,
    pub mentions: u64,
    pub verbal_coop: u64,
    pub material_coop: u64,
    pub verbal_conflict: u64,
    pub material_conflict: u64,
    pub goldstein_sum: f64,
    pub goldstein_mean: f64,
}

impl SeriesRow {
    pub const HEADER: [&'static str; 9] = [
        "period",
        "events",
        "mentions",
        "verbal_coop",
        "material_coop",
        "verbal_conflict",
        "material_conflict",
        "goldstein_sum",
        "goldstein_mean",
    ];

    pub fn fields(&self) -> [String; 9] {
        [
            self.period.clone(),
            self.events.to_string(),
            self.mentions.to_string(),
            self.verbal_coop.to_string(),
            self.material_coop.to_string(),
            self.verbal_conflict.to_string(),
            self.material_conflict.to_string(),
            format!("{:.2}", self.goldstein_sum),
            format!("{:.3}", self.goldstein_mean),
        ]
    }
}

impl Store {
    /// Events matching `f`, by date then id, `f.limit`/`f.offset` applied.
    pub fn query(&self, f: &Filter) -> Result<Vec<StoredEvent>> {
        let (wh, mut params) = f.sql()?;
        params.push(Value::Integer(
            f.limit.map(|l| l.min(i64::MAX as u64) as i64).unwrap_or(-1),
        ));
        params.push(Value::Integer(f.offset.min(i64::MAX as u64) as i64));
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.id = e.first_document WHERE {wh} ORDER BY e.date, e.id LIMIT ?{} OFFSET ?{}",
            params.len() - 1,
            params.len()
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params), event_from_row)
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// How many events match `f` (ignoring limit and offset).
    pub fn count(&self, f: &Filter) -> Result<u64> {
        let (wh, params) = f.sql()?;
        let sql = format!("SELECT count(*) FROM events e WHERE {wh}");
        self.conn
            .query_row(&sql, rusqlite::params_from_iter(params), |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| n.max(0) as u64)
            .map_err(|e| self.err(e))
    }

    /// Per-period counts for the events matching `f` (usually a dyad).
    /// With `f.one_a_day`, events with the same date, source, target and
    /// code count once (their mentions are still all added up).
    pub fn series(&self, f: &Filter, by: Period) -> Result<Vec<SeriesRow>> {
        let (wh, params) = f.sql()?;
        let from = if f.one_a_day {
            format!(
                "(SELECT MIN(e.date) AS date, MIN(e.quad_class) AS quad_class, MIN(e.goldstein) AS goldstein, SUM(e.num_mentions) AS num_mentions \
                 FROM events e WHERE {wh} GROUP BY e.date, e.source, e.target, e.code) e"
            )
        } else {
            format!("(SELECT e.date, e.quad_class, e.goldstein, e.num_mentions FROM events e WHERE {wh}) e")
        };
        let sql = format!(
            "SELECT {p} AS period, count(*), sum(e.num_mentions), sum(e.quad_class = 1), sum(e.quad_class = 2), sum(e.quad_class = 3), \
             sum(e.quad_class = 4), sum(e.goldstein), avg(e.goldstein) FROM {from} GROUP BY period ORDER BY period",
            p = by.sql()
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let u = |v: Option<i64>| v.unwrap_or(0).max(0) as u64;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params), |r| {
                Ok(SeriesRow {
                    period: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                    events: u(r.get(1)?),
                    mentions: u(r.get(2)?),
                    verbal_coop: u(r.get(3)?),
                    material_coop: u(r.get(4)?),
                    verbal_conflict: u(r.get(5)?),
                    material_conflict: u(r.get(6)?),
                    goldstein_sum: r.get::<_, Option<f64>>(7)?.unwrap_or(0.0),
                    goldstein_mean: r.get::<_, Option<f64>>(8)?.unwrap_or(0.0),
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_column_count_is_the_number_of_event_columns() {
        assert_eq!(EVENT_COLUMNS.split(',').count(), EVENT_COLUMN_COUNT);
    }
}
