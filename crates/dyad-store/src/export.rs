//! Exports that downstream tools read: plain CSV of the contract's fields,
//! GDELT 2.0 event columns, ICEWS columns, PLOVER JSON Lines, and Parquet
//! partitioned by month.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use dyad_model::{CameoTable, Location};
use rusqlite::types::Value;
use serde_json::json;

use crate::query::{event_from_row, StoredEvent, EVENT_COLUMNS};
use crate::{Filter, Result, Store, StoreError};

/// An export format, parsed from the `--format` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Every contract field plus counts, comma-separated with a header.
    Csv,
    /// GDELT 2.0 event table columns, tab-separated, with a header row.
    Gdelt,
    /// ICEWS event columns, tab-separated, with a header row.
    Icews,
    /// PLOVER records, one JSON object per line.
    Plover,
    /// Parquet files under `month=YYYY-MM/` directories (Hive partitioning).
    Parquet,
}

impl FromStr for ExportFormat {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "csv" => Ok(ExportFormat::Csv),
            "gdelt" => Ok(ExportFormat::Gdelt),
            "icews" => Ok(ExportFormat::Icews),
            "plover" => Ok(ExportFormat::Plover),
            "parquet" => Ok(ExportFormat::Parquet),
            _ => Err(StoreError::UnknownFormat(s.to_string())),
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportSummary {
    pub events: u64,
    pub files: u64,
}

/// Formats one export row as cells.
type RowFn = fn(&ExportRow) -> Vec<String>;

/// An event with what exports add: where it was first reported and how
/// widely.
#[derive(Debug, Clone)]
pub struct ExportRow {
    pub stored: StoredEvent,
    pub url: Option<String>,
    pub publisher: Option<String>,
    pub ingested_at: String,
    /// Distinct publishers (document `source`, else URL) that reported it.
    pub sources: u64,
}

/// CAMEO agent/sector codes: a code starting with one of these has no country.
const SECTORS: [&str; 32] = [
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "IGO", "NGO", "MED", "EDU", "BUS",
    "CRM", "CVL", "HLH", "REF", "MOD", "RAD", "AGR", "ELI", "LAB", "LEG", "UAF", "REL", "SET",
    "IMG", "INS", "MNC", "NGM", "UIS", "SEP",
];

/// Split a CAMEO actor code into its country (first 3-letter chunk unless
/// it is a sector) and its sector/type chunks.
pub fn split_actor(code: &str) -> (String, Vec<String>) {
    let chunks: Vec<String> = code
        .as_bytes()
        .chunks(3)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    match chunks.split_first() {
        Some((first, rest)) if !SECTORS.contains(&first.as_str()) && first.len() == 3 => {
            (first.clone(), rest.to_vec())
        }
        _ => (String::new(), chunks),
    }
}

pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

pub const ICEWS_COLUMNS: [&str; 20] = [
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
];

pub const CSV_COLUMNS: [&str; 25] = [
    "event_id",
    "date",
    "date_source",
    "source",
    "target",
    "source_text",
    "target_text",
    "code",
    "root",
    "quad_class",
    "goldstein",
    "plover_event",
    "plover_mode",
    "plover_context",
    "mentions",
    "articles",
    "sources",
    "doc_id",
    "sentence",
    "url",
    "text",
    "verb_text",
    "speaker",
    "modality",
    "pattern",
];

fn actor_cells(code: &str, name: &str) -> Vec<String> {
    let (country, types) = split_actor(code);
    let t = |i: usize| types.get(i).cloned().unwrap_or_default();
    vec![
        code.into(),
        name.into(),
        country,
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        t(0),
        t(1),
        t(2),
    ]
}

pub fn gdelt_row(r: &ExportRow) -> Vec<String> {
    let e = &r.stored.event;
    let compact = e.date.replace('-', "");
    let year = e.date.get(..4).unwrap_or("").to_string();
    let fraction = chrono::NaiveDate::parse_from_str(&e.date, "%Y-%m-%d")
        .map(|d| {
            use chrono::Datelike;
            format!(
                "{:.4}",
                f64::from(d.year()) + f64::from(d.ordinal0()) / 365.0
            )
        })
        .unwrap_or_default();
    let mut row = vec![
        r.stored.event_id.to_string(),
        compact.clone(),
        compact.get(..6).unwrap_or("").to_string(),
        year,
        fraction,
    ];
    row.extend(actor_cells(&e.source, &e.source_text));
    row.extend(actor_cells(&e.target, &e.target_text));
    let base = e.code.get(..3).unwrap_or(&e.code).to_string();
    // GDELT's "root event": reported in the lead (first two sentences).
    row.push(if e.sentence <= 1 { "1" } else { "0" }.into());
    row.extend([
        e.code.clone(),
        base,
        e.root.clone(),
        e.quad_class.to_string(),
        format!("{}", e.goldstein),
    ]);
    row.extend([
        r.stored.mentions.to_string(),
        r.sources.to_string(),
        r.stored.articles.to_string(),
        String::new(),
    ]);
    // Actor geography is unknown; the action's place comes from the geocoder.
    row.extend(std::iter::repeat(String::new()).take(16));
    row.extend(action_geo(e.location.as_ref()));
    let added: String = r
        .ingested_at
        .chars()
        .filter(|c| c.is_ascii_digit())
        .collect();
    row.push(added);
    row.push(r.url.clone().unwrap_or_else(|| e.doc_id.clone()));
    row
}

/// GDELT's eight ActionGeo columns. Type: 1 country, 5 first-level
/// division, 4 city or feature (GDELT's "world" types; country codes are
/// ISO alpha-3 here, not FIPS).
fn action_geo(loc: Option<&Location>) -> Vec<String> {
    let Some(l) = loc else {
        return vec![String::new(); 8];
    };
    let kind = match l.precision.as_str() {
        "country" => "1",
        "admin1" => "5",
        _ => "4",
    };
    let num = |v: Option<f64>| v.map(|x| format!("{x}")).unwrap_or_default();
    vec![
        kind.into(),
        l.name.clone(),
        l.country.clone(),
        l.admin1.clone().unwrap_or_default(),
        String::new(),
        num(l.lat),
        num(l.lon),
        l.geonameid.map(|g| g.to_string()).unwrap_or_default(),
    ]
}

pub fn icews_row(r: &ExportRow) -> Vec<String> {
    let e = &r.stored.event;
    let (sc, st) = split_actor(&e.source);
    let (tc, tt) = split_actor(&e.target);
    let loc = e.location.as_ref();
    let name = CameoTable::get()
        .entry(&e.code)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    vec![
        r.stored.event_id.to_string(),
        e.date.clone(),
        e.source_text.clone(),
        st.join(","),
        sc,
        name,
        e.code.clone(),
        format!("{}", e.goldstein),
        e.target_text.clone(),
        tt.join(","),
        tc,
        e.doc_id.clone(),
        (e.sentence + 1).to_string(),
        r.publisher.clone().unwrap_or_default(),
        loc.filter(|l| matches!(l.precision.as_str(), "city" | "feature"))
            .map(|l| l.name.clone())
            .unwrap_or_default(),
        String::new(),
        loc.and_then(|l| l.admin1.clone()).unwrap_or_default(),
        loc.map(|l| l.country.clone()).unwrap_or_default(),
        loc.and_then(|l| l.lat)
            .map(|x| format!("{x}"))
            .unwrap_or_default(),
        loc.and_then(|l| l.lon)
            .map(|x| format!("{x}"))
            .unwrap_or_default(),
    ]
}

pub fn csv_row(r: &ExportRow) -> Vec<String> {
    let e = &r.stored.event;
    vec![
        r.stored.event_id.to_string(),
        e.date.clone(),
        e.date_source.as_str().into(),
        e.source.clone(),
        e.target.clone(),
        e.source_text.clone(),
        e.target_text.clone(),
        e.code.clone(),
        e.root.clone(),
        e.quad_class.to_string(),
        format!("{}", e.goldstein),
        e.plover.event.clone(),
        e.plover.mode.clone(),
        e.plover.context.clone(),
        r.stored.mentions.to_string(),
        r.stored.articles.to_string(),
        r.sources.to_string(),
        e.doc_id.clone(),
        e.sentence.to_string(),
        r.url.clone().unwrap_or_default(),
        e.text.clone(),
        e.verb_text.clone(),
        e.speaker.clone().unwrap_or_default(),
        e.modality.clone().unwrap_or_default(),
        e.pattern.clone(),
    ]
}

/// A PLOVER record, the same shape `dyad code --format plover` prints, with
/// the store's id and counts.
pub fn plover_record(r: &ExportRow) -> serde_json::Value {
    let e = &r.stored.event;
    let (sc, _) = split_actor(&e.source);
    let (tc, _) = split_actor(&e.target);
    json!({
        "id": format!("dyad-{}", r.stored.event_id),
        "date": e.date,
        "event": e.plover.event,
        "mode": e.plover.mode,
        "context": e.plover.context,
        "actor": e.source,
        "actor_country": sc,
        "actor_text": e.source_text,
        "recipient": e.target,
        "recipient_country": tc,
        "recipient_text": e.target_text,
        "cameo": e.code,
        "goldstein": e.goldstein,
        "quad_class": e.quad_class,
        "text": e.text,
        "source_doc": e.doc_id,
        "sentence": e.sentence,
        "url": r.url,
        "mentions": r.stored.mentions,
        "articles": r.stored.articles,
        "sources": r.sources,
    })
}

impl Store {
    /// Visit every event matching `f` (limit/offset honoured), by date and id.
    pub fn for_each_export_row(
        &self,
        f: &Filter,
        mut visit: impl FnMut(ExportRow) -> Result<()>,
    ) -> Result<u64> {
        let (wh, mut params) = f.sql()?;
        params.push(Value::Integer(
            f.limit.map(|l| l.min(i64::MAX as u64) as i64).unwrap_or(-1),
        ));
        params.push(Value::Integer(f.offset.min(i64::MAX as u64) as i64));
        let sql = format!(
            "SELECT {EVENT_COLUMNS}, d.url, d.source, d.ingested_at, \
             (SELECT count(DISTINCT COALESCE(d2.source, d2.url, d2.doc_key)) FROM mentions m JOIN documents d2 ON d2.id = m.document WHERE m.event = e.id) \
             FROM events e JOIN documents d ON d.id = e.first_document WHERE {wh} ORDER BY e.date, e.id LIMIT ?{} OFFSET ?{}",
            params.len() - 1,
            params.len()
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(params))
            .map_err(|e| self.err(e))?;
        let mut n = 0;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let stored = event_from_row(row).map_err(|e| self.err(e))?;
            let export_row = ExportRow {
                stored,
                url: row.get(25).map_err(|e| self.err(e))?,
                publisher: row.get(26).map_err(|e| self.err(e))?,
                ingested_at: row.get(27).map_err(|e| self.err(e))?,
                sources: row.get::<_, i64>(28).map_err(|e| self.err(e))?.max(0) as u64,
            };
            visit(export_row)?;
            n += 1;
        }
        Ok(n)
    }

    /// Write a text export (csv, gdelt, icews, plover) to `out`; `name` is
    /// what errors call the output.
    pub fn export(
        &self,
        format: ExportFormat,
        f: &Filter,
        out: &mut dyn Write,
        name: &Path,
    ) -> Result<ExportSummary> {
        let io_err = |e: std::io::Error| StoreError::Io {
            path: name.to_path_buf(),
            error: e,
        };
        let csv_err = |e: csv::Error| StoreError::Export {
            path: name.to_path_buf(),
            message: e.to_string(),
        };
        let events = match format {
            ExportFormat::Parquet => {
                return Err(StoreError::Export {
                    path: name.to_path_buf(),
                    message: "parquet is written to a directory: use export_to_path".into(),
                })
            }
            ExportFormat::Plover => self.for_each_export_row(f, |r| {
                writeln!(out, "{}", plover_record(&r)).map_err(io_err)
            })?,
            ExportFormat::Csv | ExportFormat::Gdelt | ExportFormat::Icews => {
                let (header, row, tab): (&[&str], RowFn, bool) = match format {
                    ExportFormat::Gdelt => (&GDELT_COLUMNS, gdelt_row, true),
                    ExportFormat::Icews => (&ICEWS_COLUMNS, icews_row, true),
                    _ => (&CSV_COLUMNS, csv_row, false),
                };
                let mut w = csv::WriterBuilder::new()
                    .delimiter(if tab { b'\t' } else { b',' })
                    .from_writer(&mut *out);
                w.write_record(header).map_err(csv_err)?;
                let n =
                    self.for_each_export_row(f, |r| w.write_record(row(&r)).map_err(csv_err))?;
                w.flush().map_err(io_err)?;
                n
            }
        };
        Ok(ExportSummary { events, files: 1 })
    }

    /// Write an export to `out`: a file for text formats (written beside it
    /// and renamed, so a failed export leaves no half file), a directory of
    /// `month=YYYY-MM/part-0.parquet` files for Parquet.
    pub fn export_to_path(
        &self,
        format: ExportFormat,
        f: &Filter,
        out: &Path,
    ) -> Result<ExportSummary> {
        if format == ExportFormat::Parquet {
            return crate::parquet_export::write(self, f, out);
        }
        let io_err = |e: std::io::Error| StoreError::Io {
            path: out.to_path_buf(),
            error: e,
        };
        let tmp = temp_beside(out);
        let file = fs::File::create(&tmp).map_err(io_err)?;
        let mut w = std::io::BufWriter::new(file);
        let result = self
            .export(format, f, &mut w, out)
            .and_then(|s| w.flush().map(|_| s).map_err(io_err));
        drop(w);
        match result {
            Ok(s) => {
                fs::rename(&tmp, out).map_err(io_err)?;
                Ok(s)
            }
            Err(e) => {
                let _ = fs::remove_file(&tmp);
                Err(e)
            }
        }
    }
}

pub(crate) fn temp_beside(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    out.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}
