//! The coded event, exactly as `docs/contracts.md` fixes its JSON shape.

use serde::{Deserialize, Serialize};

use crate::{CameoTable, DateSource, Span};

/// PLOVER fields of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Plover {
    pub event: String,
    pub mode: String,
    pub context: String,
}

/// Byte offsets in the evidence sentence (`EventRecord::text`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct EventSpans {
    #[serde(skip_serializing_if = "Option::is_none", with = "opt_span")]
    pub source: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none", with = "opt_span")]
    pub target: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none", with = "opt_span")]
    pub verb: Option<Span>,
}

/// Spans serialise as `[start, end]` pairs, the contract's shape.
mod opt_span {
    use super::Span;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<Span>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(sp) => s.collect_seq([sp.start, sp.end]),
            None => s.serialize_none(),
        }
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Span>, D::Error> {
        let v: Option<[usize; 2]> = Option::deserialize(d)?;
        Ok(v.map(|[a, b]| Span::new(a.min(b), b.max(a))))
    }
}

/// One coded event: who did what to whom, when, and the evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub doc_id: String,
    pub sentence: usize,
    pub date: String,
    pub date_source: DateSource,
    pub source: String,
    pub target: String,
    pub source_text: String,
    pub target_text: String,
    pub code: String,
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub plover: Plover,
    pub text: String,
    pub spans: EventSpans,
    /// Words of the verb phrase that matched, for provenance.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub verb_text: String,
    /// The quoted speaker when the event is a statement reported in quotes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// `"negated"` / `"hypothetical"` when the event was kept but qualified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<String>,
    /// The dictionary pattern that produced the code.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub pattern: String,
    /// Where the event happened (filled by `dyad-geo` after coding).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
}

/// An event's place, resolved against the GeoNames gazetteer.
///
/// `precision` says how much the coordinates mean (`country` | `admin1` |
/// `city` | `feature`), so a country centroid is never mistaken for a
/// precise point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Location {
    pub name: String,
    /// ISO 3166 alpha-3 country code.
    pub country: String,
    /// First-level administrative division name, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonameid: Option<u64>,
    pub precision: String,
}

impl EventRecord {
    /// Fill `root`, `quad_class`, `goldstein` and `plover` from `code` using
    /// the pinned table, so no caller computes them differently.
    pub fn set_code(&mut self, code: &str) {
        let table = CameoTable::get();
        self.code = code.to_string();
        self.root = CameoTable::root(code).to_string();
        self.quad_class = CameoTable::quad_class(code)
            .map(|q| q.number())
            .unwrap_or(0);
        self.goldstein = table.goldstein(code).unwrap_or(0.0);
        self.plover = table
            .plover(code)
            .map(|p| Plover {
                event: p.event.clone(),
                mode: p.mode.clone(),
                context: p.context.clone(),
            })
            .unwrap_or_default();
    }
}
