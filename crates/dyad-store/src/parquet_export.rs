//! Parquet export: one file per month under `month=YYYY-MM/` (Hive-style
//! partitioning, which DuckDB, Spark, pandas and pyarrow read as a column).
//! Written with parquet's column writer directly, so the build does not pull
//! in all of Arrow.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use crate::export::{ExportRow, ExportSummary};
use crate::{Filter, Result, Store, StoreError};

const MESSAGE: &str = "
message dyad_event {
  REQUIRED INT64 event_id;
  REQUIRED BYTE_ARRAY date (UTF8);
  REQUIRED BYTE_ARRAY date_source (UTF8);
  REQUIRED BYTE_ARRAY source (UTF8);
  REQUIRED BYTE_ARRAY target (UTF8);
  REQUIRED BYTE_ARRAY source_text (UTF8);
  REQUIRED BYTE_ARRAY target_text (UTF8);
  REQUIRED BYTE_ARRAY code (UTF8);
  REQUIRED BYTE_ARRAY root (UTF8);
  REQUIRED INT32 quad_class;
  REQUIRED DOUBLE goldstein;
  REQUIRED BYTE_ARRAY plover_event (UTF8);
  REQUIRED BYTE_ARRAY plover_mode (UTF8);
  REQUIRED BYTE_ARRAY plover_context (UTF8);
  REQUIRED INT64 mentions;
  REQUIRED INT64 articles;
  REQUIRED INT64 sources;
  REQUIRED BYTE_ARRAY doc_id (UTF8);
  REQUIRED INT64 sentence;
  REQUIRED BYTE_ARRAY url (UTF8);
  REQUIRED BYTE_ARRAY text (UTF8);
  REQUIRED BYTE_ARRAY location (UTF8);
  REQUIRED BYTE_ARRAY location_country (UTF8);
  OPTIONAL DOUBLE lat;
  OPTIONAL DOUBLE lon;
}";

/// Rows per row group: bounds memory for very large months.
const ROW_GROUP: usize = 100_000;

fn pq_err(path: &Path, e: impl std::fmt::Display) -> StoreError {
    StoreError::Export {
        path: path.to_path_buf(),
        message: format!("parquet: {e}"),
    }
}

/// A month's file being written.
struct MonthFile {
    month: String,
    path: PathBuf,
    writer: SerializedFileWriter<fs::File>,
    rows: Vec<ExportRow>,
}

impl MonthFile {
    fn flush(&mut self) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let path = self.path.clone();
        let err = |e: parquet::errors::ParquetError| pq_err(&path, e);
        let rows = std::mem::take(&mut self.rows);
        let mut rg = self.writer.next_row_group().map_err(err)?;
        let mut index = 0;
        while let Some(mut col) = rg.next_column().map_err(err)? {
            let strings = |f: &dyn Fn(&ExportRow) -> String| -> Vec<ByteArray> {
                rows.iter()
                    .map(|r| ByteArray::from(f(r).into_bytes()))
                    .collect()
            };
            let ints = |f: &dyn Fn(&ExportRow) -> i64| -> Vec<i64> { rows.iter().map(f).collect() };
            let e = |r: &ExportRow| r.stored.event.clone();
            match index {
                0 => {
                    col.typed::<Int64Type>()
                        .write_batch(&ints(&|r| r.stored.event_id), None, None)
                }
                1 => col.typed::<ByteArrayType>().write_batch(
                    &strings(&|r| r.stored.event.date.clone()),
                    None,
                    None,
                ),
                2 => col.typed::<ByteArrayType>().write_batch(
                    &strings(&|r| r.stored.event.date_source.as_str().into()),
                    None,
                    None,
                ),
                3 => col.typed::<ByteArrayType>().write_batch(
                    &strings(&|r| r.stored.event.source.clone()),
                    None,
                    None,
                ),
                4 => col.typed::<ByteArrayType>().write_batch(
                    &strings(&|r| r.stored.event.target.clone()),
                    None,
                    None,
                ),
                5 => col.typed::<ByteArrayType>().write_batch(
                    &strings(&|r| r.stored.event.source_text.clone()),
                    None,
                    None,
                ),
                6 => col.typed::<ByteArrayType>().write_batch(
                    &strings(&|r| r.stored.event.target_text.clone()),
                    None,
                    None,
                ),
                7 => col.typed::<ByteArrayType>().write_batch(
                    &strings(&|r| r.stored.event.code.clone()),
                    None,
                    None,
                ),
                8 => col.typed::<ByteArrayType>().write_batch(
                    &strings(&|r| r.stored.event.root.clone()),
                    None,
                    None,
                ),
                9 => col.typed::<Int32Type>().write_batch(
                    &rows
                        .iter()
                        .map(|r| i32::from(r.stored.event.quad_class))
                        .collect::<Vec<_>>(),
                    None,
                    None,
                ),
                10 => col.typed::<DoubleType>().write_batch(
                    &rows
                        .iter()
                        .map(|r| r.stored.event.goldstein)
                        .collect::<Vec<_>>(),
                    None,
                    None,
                ),
                11 => col.typed::<ByteArrayType>().write_batch(
                    &strings(&|r| r.stored.event.plover.event.clone()),
                    None,
                    None,
                ),
                12 => col.typed::<ByteArrayType>().write_batch(
                    &strings(&|r| r.stored.event.plover.mode.clone()),
                    None,
                    None,
                ),
                13 => col.typed::<ByteArrayType>().write_batch(
                    &strings(&|r| r.stored.event.plover.context.clone()),
                    None,
                    None,
                ),
                14 => col.typed::<Int64Type>().write_batch(
                    &ints(&|r| r.stored.mentions as i64),
                    None,
                    None,
                ),
                15 => col.typed::<Int64Type>().write_batch(
                    &ints(&|r| r.stored.articles as i64),
                    None,
                    None,
                ),
                16 => {
                    col.typed::<Int64Type>()
                        .write_batch(&ints(&|r| r.sources as i64), None, None)
                }
                17 => col.typed::<ByteArrayType>().write_batch(
                    &strings(&|r| r.stored.event.doc_id.clone()),
                    None,
                    None,
                ),
                18 => col.typed::<Int64Type>().write_batch(
                    &ints(&|r| r.stored.event.sentence as i64),
                    None,
                    None,
                ),
                19 => col.typed::<ByteArrayType>().write_batch(
                    &strings(&|r| r.url.clone().unwrap_or_default()),
                    None,
                    None,
                ),
                20 => col.typed::<ByteArrayType>().write_batch(
                    &strings(&|r| r.stored.event.text.clone()),
                    None,
                    None,
                ),
                21 => col.typed::<ByteArrayType>().write_batch(
                    &strings(&|r| e(r).location.map(|l| l.name).unwrap_or_default()),
                    None,
                    None,
                ),
                22 => col.typed::<ByteArrayType>().write_batch(
                    &strings(&|r| e(r).location.map(|l| l.country).unwrap_or_default()),
                    None,
                    None,
                ),
                23 | 24 => {
                    let vals: Vec<Option<f64>> = rows
                        .iter()
                        .map(|r| {
                            r.stored.event.location.as_ref().and_then(|l| {
                                if index == 23 {
                                    l.lat
                                } else {
                                    l.lon
                                }
                            })
                        })
                        .collect();
                    let present: Vec<f64> = vals.iter().flatten().copied().collect();
                    let def: Vec<i16> = vals.iter().map(|v| i16::from(v.is_some())).collect();
                    col.typed::<DoubleType>()
                        .write_batch(&present, Some(&def), None)
                }
                _ => Ok(0),
            }
            .map_err(err)?;
            col.close().map_err(err)?;
            index += 1;
        }
        rg.close().map_err(err)?;
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        self.flush()?;
        let path = self.path.clone();
        self.writer.close().map_err(|e| pq_err(&path, e))?;
        Ok(())
    }
}

pub(crate) fn write(store: &Store, f: &Filter, out: &Path) -> Result<ExportSummary> {
    let io_err = |p: &Path, e: std::io::Error| StoreError::Io {
        path: p.to_path_buf(),
        error: e,
    };
    if out.exists()
        && fs::read_dir(out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(StoreError::Export {
            path: out.to_path_buf(),
            message: "already exists and is not an empty directory".into(),
        });
    }
    let schema = Arc::new(parse_message_type(MESSAGE).map_err(|e| pq_err(out, e))?);
    let props = Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build(),
    );
    // Written beside `out` and renamed at the end: a failed export leaves nothing half-written.
    let tmp = crate::export::temp_beside(out);
    let _ = fs::remove_dir_all(&tmp);
    fs::create_dir_all(&tmp).map_err(|e| io_err(&tmp, e))?;
    let mut files = 0u64;
    let mut current: Option<MonthFile> = None;
    let result = store.for_each_export_row(f, |row| {
        let month = row
            .stored
            .event
            .date
            .get(..7)
            .unwrap_or("unknown")
            .to_string();
        if current.as_ref().map_or(true, |c| c.month != month) {
            if let Some(done) = current.take() {
                done.finish()?;
            }
            let dir = tmp.join(format!("month={month}"));
            fs::create_dir_all(&dir).map_err(|e| io_err(&dir, e))?;
            let path = dir.join("part-0.parquet");
            let file = fs::File::create(&path).map_err(|e| io_err(&path, e))?;
            let writer = SerializedFileWriter::new(file, schema.clone(), props.clone())
                .map_err(|e| pq_err(&path, e))?;
            current = Some(MonthFile {
                month,
                path,
                writer,
                rows: Vec::new(),
            });
            files += 1;
        }
        if let Some(c) = current.as_mut() {
            c.rows.push(row);
            if c.rows.len() >= ROW_GROUP {
                c.flush()?;
            }
        }
        Ok(())
    });
    let result = result.and_then(|n| current.take().map(MonthFile::finish).transpose().map(|_| n));
    match result {
        Ok(events) => {
            if out.exists() {
                fs::remove_dir(out).map_err(|e| io_err(out, e))?;
            }
            fs::rename(&tmp, out).map_err(|e| io_err(out, e))?;
            Ok(ExportSummary { events, files })
        }
        Err(e) => {
            let _ = fs::remove_dir_all(&tmp);
            Err(e)
        }
    }
}
