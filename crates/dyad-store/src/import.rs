//! Parquet import: events coded elsewhere (the Spark job in `spark/`, or a
//! `dyad export --format parquet` of another store) brought into this store
//! for queries, series and the dashboard.
//!
//! Rows are read with parquet's record reader (no Arrow), by column name, so
//! both the export's REQUIRED columns and Spark's OPTIONAL ones are read and
//! extra columns are ignored. Each row is one *mention*: a document
//! (`doc_id`, `url`) reporting an event in a sentence. Rows become events the
//! way `dyad ingest` makes them: the same date, source, target, code and
//! normalised sentence is one event (its `event_key`), and each distinct
//! (document, sentence) is one mention of it. So `dyad series` on an imported
//! store counts what it would count after ingesting the documents, except
//! that near-duplicate documents (found from the full text, which Parquet
//! does not carry) are not detected.
//!
//! The whole import is one transaction: a failed import changes nothing. A
//! document already in the store (same `doc_id`, or same URL) is skipped,
//! so importing the same directory twice adds nothing.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use dyad_model::{DateSource, EventRecord, EventSpans, Location, Plover};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::{Field, Row};
use rusqlite::{params, OptionalExtension, Transaction};

use crate::ingest::{add_mention, resolve_event};
use crate::{hash, Result, Store, StoreError};

/// What one import added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportSummary {
    /// Parquet files read.
    pub files: u64,
    /// Rows read.
    pub rows: u64,
    /// Documents added.
    pub documents: u64,
    /// Documents skipped because the store already had them.
    pub skipped_documents: u64,
    /// Rows of skipped documents.
    pub skipped_rows: u64,
    /// New events.
    pub events: u64,
    /// New mentions.
    pub mentions: u64,
}

/// Columns an event row must have.
const REQUIRED: [&str; 6] = ["doc_id", "sentence", "date", "source", "target", "code"];

fn pq_err(path: &Path, message: impl std::fmt::Display) -> StoreError {
    StoreError::Export {
        path: path.to_path_buf(),
        message: format!("parquet: {message}"),
    }
}

/// The Parquet files under `dir` (or `dir` itself when it is a file), in
/// path order. Hidden and `_`-prefixed files (Spark's `_SUCCESS`, `.crc`
/// checksums, `_temporary` attempt directories) are not data.
pub fn parquet_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let io = |p: &Path, error| StoreError::Io {
        path: p.to_path_buf(),
        error,
    };
    let meta = fs::metadata(dir).map_err(|e| io(dir, e))?;
    if meta.is_file() {
        return Ok(vec![dir.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).map_err(|e| io(&d, e))? {
            let entry = entry.map_err(|e| io(&d, e))?;
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name.starts_with('_') {
                continue;
            }
            let ft = entry.file_type().map_err(|e| io(&path, e))?;
            if ft.is_dir() {
                stack.push(path);
            } else if name.ends_with(".parquet") {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// A row's fields by column position, looked up by name through `columns`.
struct Columns {
    index: HashMap<String, usize>,
}

impl Columns {
    fn of(row: &Row) -> Columns {
        Columns {
            index: row
                .get_column_iter()
                .enumerate()
                .map(|(i, (name, _))| (name.clone(), i))
                .collect(),
        }
    }

    fn field<'a>(&self, fields: &[&'a Field], name: &str) -> Option<&'a Field> {
        self.index.get(name).and_then(|&i| fields.get(i).copied())
    }
}

fn as_string(f: Option<&Field>) -> Option<String> {
    match f? {
        Field::Str(s) => Some(s.clone()),
        Field::Bytes(b) => std::str::from_utf8(b.data()).ok().map(str::to_string),
        Field::Null => None,
        other => Some(other.to_string()),
    }
}

fn as_i64(f: Option<&Field>) -> Option<i64> {
    match f? {
        Field::Byte(v) => Some(i64::from(*v)),
        Field::Short(v) => Some(i64::from(*v)),
        Field::Int(v) => Some(i64::from(*v)),
        Field::Long(v) => Some(*v),
        Field::UByte(v) => Some(i64::from(*v)),
        Field::UShort(v) => Some(i64::from(*v)),
        Field::UInt(v) => Some(i64::from(*v)),
        Field::ULong(v) => i64::try_from(*v).ok(),
        Field::Str(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn as_f64(f: Option<&Field>) -> Option<f64> {
    match f? {
        Field::Float(v) => Some(f64::from(*v)),
        Field::Double(v) => Some(*v),
        Field::Str(s) => s.trim().parse().ok(),
        other => as_i64(Some(other)).map(|v| v as f64),
    }
}

/// One row as an event, with its URL; a missing required value is an error
/// naming the file and the 1-based row.
fn row_event(
    cols: &Columns,
    row: &Row,
    path: &Path,
    row_no: u64,
) -> Result<(EventRecord, Option<String>)> {
    let fields: Vec<&Field> = row.get_column_iter().map(|(_, f)| f).collect();
    let get = |name: &str| cols.field(&fields, name);
    let text = |name: &str| as_string(get(name)).unwrap_or_default();
    let need = |name: &str| {
        as_string(get(name))
            .filter(|s| !s.is_empty())
            .ok_or_else(|| pq_err(path, format!("row {row_no}: no `{name}`")))
    };
    let sentence = as_i64(get("sentence"))
        .filter(|s| *s >= 0)
        .ok_or_else(|| pq_err(path, format!("row {row_no}: no valid `sentence`")))?;
    let date = need("date")?;
    if chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d").is_err() {
        return Err(pq_err(
            path,
            format!("row {row_no}: date `{date}` is not YYYY-MM-DD"),
        ));
    }
    let date_source = match text("date_source").as_str() {
        "given" => DateSource::Given,
        "text" => DateSource::Text,
        _ => DateSource::Default,
    };
    let location_name = text("location");
    let location = (!location_name.is_empty()).then(|| Location {
        name: location_name,
        country: text("location_country"),
        lat: as_f64(get("lat")),
        lon: as_f64(get("lon")),
        ..Location::default()
    });
    let code = need("code")?;
    let event = EventRecord {
        doc_id: need("doc_id")?,
        sentence: usize::try_from(sentence).unwrap_or(usize::MAX),
        date,
        date_source,
        source: need("source")?,
        target: need("target")?,
        source_text: text("source_text"),
        target_text: text("target_text"),
        root: as_string(get("root"))
            .filter(|r| !r.is_empty())
            .unwrap_or_else(|| code.get(..2).unwrap_or(&code).to_string()),
        code,
        quad_class: as_i64(get("quad_class"))
            .and_then(|q| u8::try_from(q).ok())
            .unwrap_or(0),
        goldstein: as_f64(get("goldstein")).unwrap_or(0.0),
        plover: Plover {
            event: text("plover_event"),
            mode: text("plover_mode"),
            context: text("plover_context"),
        },
        text: text("text"),
        spans: EventSpans::default(),
        verb_text: String::new(),
        speaker: None,
        modality: None,
        pattern: String::new(),
        location,
    };
    let url = as_string(get("url")).filter(|u| !u.is_empty());
    Ok((event, url))
}

/// A document seen during the import: its row, or `None` when it was
/// already in the store (its rows are skipped).
type DocSlot = Option<i64>;

/// Read every Parquet file under `dir` into the store, in one transaction.
pub fn import_parquet(store: &mut Store, dir: &Path) -> Result<ImportSummary> {
    let files = parquet_files(dir)?;
    if files.is_empty() {
        return Err(pq_err(dir, "no .parquet files here"));
    }
    let db_path = store.path.clone();
    let sql = |e| StoreError::sqlite(&db_path, e);
    let tx = store
        .conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(sql)?;
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut summary = ImportSummary::default();
    let mut docs: HashMap<String, DocSlot> = HashMap::new();
    for path in &files {
        let file = fs::File::open(path).map_err(|error| StoreError::Io {
            path: path.clone(),
            error,
        })?;
        let reader = SerializedFileReader::new(file).map_err(|e| pq_err(path, e))?;
        let rows = reader.get_row_iter(None).map_err(|e| pq_err(path, e))?;
        let mut cols: Option<Columns> = None;
        let mut row_no = 0u64;
        for row in rows {
            row_no += 1;
            let row = row.map_err(|e| pq_err(path, format!("row {row_no}: {e}")))?;
            let cols = cols.get_or_insert_with(|| Columns::of(&row));
            if row_no == 1 {
                if let Some(missing) = REQUIRED.iter().find(|c| !cols.index.contains_key(**c)) {
                    return Err(pq_err(
                        path,
                        format!("no `{missing}` column: not dyad events"),
                    ));
                }
            }
            let (event, url) = row_event(cols, &row, path, row_no)?;
            summary.rows += 1;
            let slot = match docs.get(&event.doc_id) {
                Some(slot) => *slot,
                None => {
                    let slot = document_for(&tx, &event, url.as_deref(), &now).map_err(sql)?;
                    match slot {
                        Some(_) => summary.documents += 1,
                        None => summary.skipped_documents += 1,
                    }
                    docs.insert(event.doc_id.clone(), slot);
                    slot
                }
            };
            let Some(doc_row) = slot else {
                summary.skipped_rows += 1;
                continue;
            };
            let (event_row, is_new) = resolve_event(&tx, &event, doc_row, None).map_err(sql)?;
            if is_new {
                summary.events += 1;
            }
            if add_mention(&tx, event_row, doc_row, event.sentence, false).map_err(sql)? {
                summary.mentions += 1;
            }
        }
        summary.files += 1;
    }
    {
        let mut count = tx
            .prepare(
                "UPDATE documents SET n_events = (SELECT count(DISTINCT m.event) FROM mentions m WHERE m.document = ?1) WHERE id = ?1",
            )
            .map_err(sql)?;
        for doc_row in docs.values().flatten() {
            count.execute([doc_row]).map_err(sql)?;
        }
    }
    tx.commit().map_err(sql)?;
    Ok(summary)
}

/// The document row for a new `doc_id`, or `None` when the store already has
/// this document (by `doc_id` or URL). Parquet carries no document text, so
/// its hashes are made from the id: unique, and never equal to a real text's.
fn document_for(
    tx: &Transaction,
    e: &EventRecord,
    url: Option<&str>,
    now: &str,
) -> rusqlite::Result<DocSlot> {
    let known = tx
        .prepare_cached("SELECT 1 FROM documents WHERE doc_key = ?1 LIMIT 1")?
        .query_row([&e.doc_id], |_| Ok(()))
        .optional()?
        .is_some();
    if known {
        return Ok(None);
    }
    if let Some(u) = url {
        let by_url = tx
            .prepare_cached("SELECT 1 FROM documents WHERE url = ?1")?
            .query_row([u], |_| Ok(()))
            .optional()?
            .is_some();
        if by_url {
            return Ok(None);
        }
    }
    let id_hash = hash::hex128(format!("dyad-import\u{1f}{}", e.doc_id).as_bytes());
    tx.prepare_cached(
        "INSERT INTO documents (doc_key, url, date, date_source, text_hash, norm_hash, n_sentences, ingested_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?5, 0, ?6)",
    )?
    .execute(params![e.doc_id, url, e.date, e.date_source.as_str(), id_hash, now])?;
    Ok(Some(tx.last_insert_rowid()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Filter, Period};
    use parquet::basic::Compression;
    use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    use parquet::schema::parser::parse_message_type;
    use proptest::prelude::*;
    use std::collections::BTreeSet;
    use std::sync::Arc;

    /// A mention-level row as the Spark job writes it.
    #[derive(Debug, Clone)]
    struct TestRow {
        doc_id: String,
        sentence: i64,
        date: String,
        source: String,
        target: String,
        code: String,
        quad: i32,
        goldstein: f64,
        text: String,
        url: String,
    }

    fn row(
        doc: &str,
        sentence: i64,
        date: &str,
        st: (&str, &str),
        code: &str,
        text: &str,
    ) -> TestRow {
        TestRow {
            doc_id: doc.into(),
            sentence,
            date: date.into(),
            source: st.0.into(),
            target: st.1.into(),
            code: code.into(),
            quad: if code.starts_with('1') { 3 } else { 1 },
            goldstein: if code.starts_with('1') { -4.0 } else { 1.5 },
            text: text.into(),
            url: String::new(),
        }
    }

    fn tempdir(tag: &str) -> PathBuf {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let d =
            std::env::temp_dir().join(format!("dyad-import-{tag}-{}-{nanos}", std::process::id()));
        fs::create_dir_all(&d).expect("tempdir");
        d
    }

    /// Write rows with Spark's OPTIONAL columns (a subset of the export's, in
    /// another order, plus a column the importer does not know).
    fn write_rows(path: &Path, rows: &[TestRow]) {
        let schema = Arc::new(
            parse_message_type(
                "message spark_schema {
                  OPTIONAL INT64 event_id;
                  OPTIONAL BYTE_ARRAY doc_id (UTF8);
                  OPTIONAL INT64 sentence;
                  OPTIONAL BYTE_ARRAY date (UTF8);
                  OPTIONAL BYTE_ARRAY source (UTF8);
                  OPTIONAL BYTE_ARRAY target (UTF8);
                  OPTIONAL BYTE_ARRAY code (UTF8);
                  OPTIONAL INT32 quad_class;
                  OPTIONAL DOUBLE goldstein;
                  OPTIONAL BYTE_ARRAY text (UTF8);
                  OPTIONAL BYTE_ARRAY url (UTF8);
                  OPTIONAL BYTE_ARRAY extra (UTF8);
                }",
            )
            .expect("schema"),
        );
        let props = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .build(),
        );
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        let file = fs::File::create(path).expect("create");
        let mut w = SerializedFileWriter::new(file, schema, props).expect("writer");
        let mut rg = w.next_row_group().expect("row group");
        let def = vec![1i16; rows.len()];
        let strings = |f: &dyn Fn(&TestRow) -> String| -> Vec<ByteArray> {
            rows.iter()
                .map(|r| ByteArray::from(f(r).as_str()))
                .collect()
        };
        let mut index = 0;
        while let Some(mut col) = rg.next_column().expect("column") {
            let d = Some(&def[..]);
            match index {
                0 => col.typed::<Int64Type>().write_batch(
                    &rows.iter().map(|_| 7).collect::<Vec<_>>(),
                    d,
                    None,
                ),
                2 => col.typed::<Int64Type>().write_batch(
                    &rows.iter().map(|r| r.sentence).collect::<Vec<_>>(),
                    d,
                    None,
                ),
                7 => col.typed::<Int32Type>().write_batch(
                    &rows.iter().map(|r| r.quad).collect::<Vec<_>>(),
                    d,
                    None,
                ),
                8 => col.typed::<DoubleType>().write_batch(
                    &rows.iter().map(|r| r.goldstein).collect::<Vec<_>>(),
                    d,
                    None,
                ),
                i => {
                    let f: &dyn Fn(&TestRow) -> String = match i {
                        1 => &|r| r.doc_id.clone(),
                        3 => &|r| r.date.clone(),
                        4 => &|r| r.source.clone(),
                        5 => &|r| r.target.clone(),
                        6 => &|r| r.code.clone(),
                        9 => &|r| r.text.clone(),
                        10 => &|r| r.url.clone(),
                        _ => &|_| "x".to_string(),
                    };
                    col.typed::<ByteArrayType>()
                        .write_batch(&strings(f), d, None)
                }
            }
            .expect("write");
            col.close().expect("close column");
            index += 1;
        }
        rg.close().expect("close row group");
        w.close().expect("close file");
    }

    fn store(dir: &Path) -> Store {
        Store::open(&dir.join("s.db")).expect("store")
    }

    #[test]
    fn mention_rows_become_store_events_and_reimport_adds_nothing() {
        let dir = tempdir("basic");
        let rows = [
            row(
                "a",
                0,
                "2024-09-01",
                ("CHN", "KEN"),
                "040",
                "China met Kenya.",
            ),
            // The same sentence (up to case and punctuation) in another document: one event, two mentions.
            row(
                "b",
                3,
                "2024-09-01",
                ("CHN", "KEN"),
                "040",
                "china met KENYA",
            ),
            row(
                "b",
                4,
                "2024-09-02",
                ("KEN", "CHN"),
                "112",
                "Kenya accused China.",
            ),
            row(
                "c",
                0,
                "2024-10-05",
                ("RUS", "TUR"),
                "040",
                "Russia met Turkey.",
            ),
        ];
        write_rows(&dir.join("events/month=2024-09/part-0.parquet"), &rows[..3]);
        write_rows(&dir.join("events/month=2024-10/part-0.parquet"), &rows[3..]);
        fs::write(dir.join("events/_SUCCESS"), b"").expect("marker");
        fs::write(
            dir.join("events/month=2024-09/.part-0.parquet.crc"),
            b"junk",
        )
        .expect("crc");
        let mut s = store(&dir);
        let sum = import_parquet(&mut s, &dir.join("events")).expect("import");
        assert_eq!(sum.files, 2);
        assert_eq!(sum.rows, 4);
        assert_eq!(sum.documents, 3);
        assert_eq!(sum.events, 3);
        assert_eq!(sum.mentions, 4);
        let f = Filter {
            dyad: Some(("CHN".into(), "KEN".into())),
            ..Filter::default()
        };
        let series = s.series(&f, Period::Month).expect("series");
        assert_eq!(series.len(), 1);
        assert_eq!(series[0].events, 2);
        assert_eq!(series[0].mentions, 3);
        assert_eq!(series[0].verbal_coop, 1);
        assert_eq!(series[0].verbal_conflict, 1);
        assert!((series[0].goldstein_sum - (1.5 - 4.0)).abs() < 1e-9);
        let report = s.check().expect("check");
        assert!(report.ok(), "{:?}", report.problems);
        assert_eq!(report.mentions, 4);
        let again = import_parquet(&mut s, &dir.join("events")).expect("again");
        assert_eq!((again.documents, again.events, again.mentions), (0, 0, 0));
        assert_eq!(again.skipped_documents, 3);
        assert_eq!(s.check().expect("check").events, 3);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn export_of_one_store_imports_into_another_with_the_same_series() {
        let dir = tempdir("export");
        let rows = vec![
            row(
                "a",
                0,
                "2024-09-01",
                ("CHN", "KEN"),
                "040",
                "China met Kenya.",
            ),
            row(
                "a",
                1,
                "2024-09-01",
                ("KEN", "CHN"),
                "112",
                "Kenya accused China.",
            ),
            row(
                "d",
                2,
                "2025-01-03",
                ("CHN", "KEN"),
                "190",
                "China fought Kenya.",
            ),
        ];
        write_rows(&dir.join("in/p.parquet"), &rows);
        let mut first = store(&dir);
        import_parquet(&mut first, &dir.join("in/p.parquet")).expect("import");
        first
            .export_to_path(
                crate::ExportFormat::Parquet,
                &Filter::default(),
                &dir.join("out"),
            )
            .expect("export");
        let mut second = Store::open(&dir.join("second.db")).expect("second");
        let sum = import_parquet(&mut second, &dir.join("out")).expect("import export");
        assert_eq!(sum.events, 3);
        for by in [Period::Day, Period::Week, Period::Month, Period::Year] {
            let f = Filter::default();
            assert_eq!(
                first.series(&f, by).expect("first"),
                second.series(&f, by).expect("second")
            );
        }
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn bad_input_names_the_file_and_changes_nothing() {
        let dir = tempdir("bad");
        let mut s = store(&dir);
        fs::create_dir_all(dir.join("empty")).expect("mkdir");
        let e = import_parquet(&mut s, &dir.join("empty")).expect_err("empty");
        assert!(e.to_string().contains("no .parquet files"), "{e}");
        fs::write(dir.join("junk.parquet"), b"not parquet at all").expect("junk");
        let e = import_parquet(&mut s, &dir.join("junk.parquet")).expect_err("junk");
        assert!(e.to_string().contains("junk.parquet"), "{e}");
        let e = import_parquet(&mut s, &dir.join("missing")).expect_err("missing");
        assert!(e.to_string().contains("missing"), "{e}");
        // A good file then a row with a bad date: the import is all or nothing.
        let good = vec![row("a", 0, "2024-09-01", ("CHN", "KEN"), "040", "x")];
        let bad = vec![row("b", 0, "2024-13-01", ("CHN", "KEN"), "040", "y")];
        write_rows(&dir.join("mixed/a.parquet"), &good);
        write_rows(&dir.join("mixed/b.parquet"), &bad);
        let e = import_parquet(&mut s, &dir.join("mixed")).expect_err("bad date");
        let msg = e.to_string();
        assert!(msg.contains("b.parquet") && msg.contains("row 1"), "{msg}");
        assert_eq!(s.check().expect("check").events, 0);
        assert_eq!(s.check().expect("check").documents, 0);
        let _ = fs::remove_dir_all(&dir);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(12))]
        /// Events are the distinct (date, source, target, code, normalised
        /// text); mentions the distinct (event, document, sentence).
        #[test]
        fn import_counts_match_the_store_rules(
            spec in prop::collection::vec((0u8..4, 0i64..3, 0u8..3, 0u8..3, 0u8..2, 0u8..3), 1..40)
        ) {
            let dir = tempdir("prop");
            let actors = ["CHN", "KEN", "RUS"];
            let codes = ["040", "112"];
            let texts = ["China met Kenya.", "CHINA met kenya", "Talks failed."];
            let rows: Vec<TestRow> = spec
                .iter()
                .map(|&(d, s, a, b, c, t)| {
                    row(
                        &format!("doc{d}"),
                        s,
                        &format!("2024-0{}-01", 1 + (d % 2)),
                        (actors[a as usize], actors[b as usize]),
                        codes[c as usize],
                        texts[t as usize],
                    )
                })
                .collect();
            write_rows(&dir.join("p.parquet"), &rows);
            let mut s = store(&dir);
            let sum = import_parquet(&mut s, &dir.join("p.parquet")).expect("import");
            let key = |r: &TestRow| {
                (r.date.clone(), r.source.clone(), r.target.clone(), r.code.clone(), hash::normalise(&r.text))
            };
            let events: BTreeSet<_> = rows.iter().map(key).collect();
            let mentions: BTreeSet<_> = rows.iter().map(|r| (key(r), r.doc_id.clone(), r.sentence)).collect();
            prop_assert_eq!(sum.events as usize, events.len());
            prop_assert_eq!(sum.mentions as usize, mentions.len());
            let report = s.check().expect("check");
            prop_assert!(report.ok(), "{:?}", report.problems);
            let _ = fs::remove_dir_all(&dir);
        }
    }
}
