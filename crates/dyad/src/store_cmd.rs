//! `dyad ingest`, `dyad query`, `dyad series`, `dyad export`, `dyad db check`:
//! the command-line face of `dyad-store`. Flags and printing live here; the
//! store's logic lives in the crate.

use std::collections::{HashMap, HashSet};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{anyhow, Context, Result};
use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use dyad_analysis::LabelRecord;
use dyad_code::Pipeline;
use dyad_ingest::IngestOptions;
use dyad_model::Document;
use dyad_store::{
    CodedDocument, ExportFormat, Filter, IngestSummary, OpenOptions, Period, SeriesRow, Store,
    StoredEvent,
};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date in YYYY-MM-DD form"))
}

/// The store to use: `--db`, else `DYAD_DB`, else `./dyad.db`.
#[derive(Args, Clone, Debug)]
pub struct DbArg {
    /// The store (SQLite file).
    #[arg(long, env = "DYAD_DB", default_value = "dyad.db")]
    pub db: PathBuf,
}

#[derive(Args, Clone, Debug)]
pub struct IngestArgs {
    /// Documents: .txt, .html/.htm, .jsonl, .xml (RSS/Atom), or - for stdin.
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub db: DbArg,
    /// Date for documents whose text and fields give none (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Make a malformed JSON Lines line fatal instead of skipping it.
    #[arg(long)]
    pub strict: bool,
    /// Dictionary file or directory, instead of the embedded defaults (repeatable).
    #[arg(long = "dict")]
    pub dicts: Vec<PathBuf>,
    /// Code a clause's own future act as intent (CAMEO codebook) or as the act (PETRARCH).
    #[arg(long, value_enum, default_value = "intent")]
    pub future_acts: crate::FutureActsArg,
    /// Documents per write transaction (a crash loses at most one batch, which a re-run adds).
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..))]
    pub batch: u64,
    /// Seconds to wait for another process's write lock before giving up.
    #[arg(long, default_value_t = 5.0)]
    pub wait: f64,
}

/// The contract's filters, as flags.
#[derive(Args, Clone, Debug, Default)]
pub struct FilterArgs {
    /// Source actor code prefix (CHN matches CHNGOV).
    #[arg(long)]
    pub source: Option<String>,
    /// Target actor code prefix.
    #[arg(long)]
    pub target: Option<String>,
    /// Dyad such as CHN-KEN: either direction unless --directed.
    #[arg(long)]
    pub dyad: Option<String>,
    /// Only the dyad's first actor as source and second as target.
    #[arg(long)]
    pub directed: bool,
    /// CAMEO event code, exactly (040).
    #[arg(long)]
    pub code: Option<String>,
    /// CAMEO root (04).
    #[arg(long)]
    pub root: Option<String>,
    /// Quad class 1-4 (verbal coop, material coop, verbal conflict, material conflict).
    #[arg(long)]
    pub quad: Option<u8>,
    /// First date, inclusive (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub from: Option<NaiveDate>,
    /// Last date, inclusive (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub to: Option<NaiveDate>,
    /// Full-text search over evidence sentences (every word must occur).
    #[arg(long)]
    pub text: Option<String>,
}

impl FilterArgs {
    pub fn to_filter(&self) -> Result<Filter> {
        let dyad = self.dyad.as_deref().map(Filter::parse_dyad).transpose()?;
        let f = Filter {
            source: self.source.as_ref().map(|s| s.to_ascii_uppercase()),
            target: self.target.as_ref().map(|s| s.to_ascii_uppercase()),
            dyad,
            directed: self.directed,
            code: self.code.clone(),
            root: self.root.clone(),
            quad: self.quad,
            from: self.from,
            to: self.to,
            text: self.text.clone(),
            ..Filter::default()
        };
        f.validate()?;
        Ok(f)
    }
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum TableFormat {
    Table,
    Jsonl,
    Json,
    Csv,
}

#[derive(Args, Clone, Debug)]
pub struct QueryArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Most events to print (0 = all).
    #[arg(long, default_value_t = 100)]
    pub limit: u64,
    #[arg(long, default_value_t = 0)]
    pub offset: u64,
    #[arg(long, value_enum, default_value = "table")]
    pub format: TableFormat,
}

#[derive(Args, Clone, Debug)]
pub struct SeriesArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Period: day, week (ISO), month or year.
    #[arg(long, default_value = "month")]
    pub by: String,
    /// Count events with the same date, source, target and code once.
    #[arg(long)]
    pub one_a_day: bool,
    #[arg(long, value_enum, default_value = "table")]
    pub format: TableFormat,
}

#[derive(Args, Clone, Debug)]
pub struct ExportArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// gdelt, icews, plover, csv or parquet.
    #[arg(long)]
    pub format: String,
    /// Output file (a directory for parquet); stdout when absent (not for parquet).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Subcommand, Clone, Debug)]
pub enum DbCommand {
    /// Integrity check, foreign keys, full-text index, counters, and counts.
    Check {
        #[command(flatten)]
        db: DbArg,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Read every input. Errors on one file are reported and the others still
/// read; returns the documents and the number of inputs that failed.
fn read_inputs(args: &IngestArgs) -> Result<(Vec<Document>, u64)> {
    let today = chrono::Local::now().date_naive();
    let opts = IngestOptions {
        default_date: args.date,
        today,
        strict: args.strict,
    };
    let paths: Vec<PathBuf> = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };
    let mut docs = Vec::new();
    let mut errors = 0;
    for path in &paths {
        let result = crate::ingest_input(path, &opts)?;
        match result {
            Ok(ing) => {
                for w in &ing.warnings {
                    eprintln!("dyad: warning: {}: {}", w.origin, w.message);
                }
                docs.extend(ing.docs);
            }
            Err(e) if args.strict => return Err(anyhow!("{e}")),
            Err(e) => {
                eprintln!("dyad: error: {e}");
                errors += 1;
            }
        }
    }
    Ok((docs, errors))
}

/// `dyad ingest`: code on every core, write from one thread, one
/// transaction per batch, in input order (so runs are reproducible and a
/// re-run after a crash adds exactly the missing documents).
pub fn run_ingest(args: &IngestArgs) -> Result<ExitCode> {
    let start = Instant::now();
    // Open first: a bad --db fails before any work, and leaves the file alone.
    let wait = Duration::from_secs_f64(if args.wait.is_finite() {
        args.wait.clamp(0.0, 86_400.0)
    } else {
        5.0
    });
    let store = Store::open_with(
        &args.db.db,
        &OpenOptions {
            create: true,
            busy_timeout: wait,
        },
    )?;
    let (docs, errors) = read_inputs(args)?;
    let pipeline = Pipeline::load(&args.dicts)
        .context("loading dictionaries")?
        .with_future_acts(args.future_acts.into());
    let fallback = args
        .date
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    // Documents already stored are not coded again.
    let mut skipped = 0u64;
    let mut todo = Vec::with_capacity(docs.len());
    for d in docs {
        if store.is_stored(&d)? {
            skipped += 1;
        } else {
            todo.push(d);
        }
    }
    let bar = if todo.len() > 1 {
        ProgressBar::new(todo.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} ingesting [{bar:30}] {pos}/{len} docs {per_sec} eta {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    // A second connection reads the stored label history, and only when a
    // new document states a partnership label.
    let mut upgrades = UpgradeTracker::new(Store::open_existing(&args.db.db)?);
    let (tx, rx) = mpsc::sync_channel::<Vec<CodedDocument>>(2);
    let writer_bar = bar.clone();
    let writer = std::thread::spawn(move || -> Result<IngestSummary, dyad_store::StoreError> {
        let mut store = store;
        let mut total = IngestSummary::default();
        for batch in rx {
            total += store.ingest(&batch)?;
            writer_bar.inc(batch.len() as u64);
        }
        Ok(total)
    });
    let batch_size = usize::try_from(args.batch).unwrap_or(usize::MAX);
    let mut rest = todo;
    while !rest.is_empty() {
        let tail = rest.split_off(batch_size.min(rest.len()));
        let mut chunk = std::mem::replace(&mut rest, tail);
        let (mut coded, labels): (Vec<CodedDocument>, Vec<Vec<LabelRecord>>) = chunk
            .par_iter_mut()
            .map(|d| {
                let events = pipeline.code(d, fallback);
                let labels = dyad_analysis::detect_labels(&pipeline, d, fallback);
                let coded = CodedDocument {
                    doc: std::mem::take(d),
                    events,
                };
                (coded, labels)
            })
            .unzip();
        upgrades.add_upgrade_events(&pipeline, &mut coded, labels)?;
        if tx.send(coded).is_err() {
            break; // the writer stopped on an error: it is reported below
        }
    }
    drop(tx);
    let summary = writer
        .join()
        .map_err(|_| anyhow!("the store writer thread panicked"))??;
    bar.finish_and_clear();
    eprintln!(
        "dyad: ingested {} documents, {} sentences, {} events ({} duplicates, {} errors) in {:.2} s",
        summary.documents,
        summary.sentences,
        summary.events,
        summary.duplicates + summary.near_duplicates + skipped,
        errors,
        start.elapsed().as_secs_f64()
    );
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Stores partnership-label upgrades as events (`dyad_analysis::upgrade_events`:
/// CAMEO 050/057/062 between the two states, the label's sentence as
/// evidence), judged against the label history already in the store plus
/// the documents of this run. Only new documents produce events, and an
/// event's key (date, actors, code, sentence) makes a repeated report a
/// mention of the stored event, so re-ingesting never duplicates one.
struct UpgradeTracker {
    reader: Store,
    /// Label statements seen so far: the store's (loaded on first need)
    /// and this run's.
    known: Option<Vec<LabelRecord>>,
}

impl UpgradeTracker {
    fn new(reader: Store) -> UpgradeTracker {
        UpgradeTracker {
            reader,
            known: None,
        }
    }

    /// Append to each document's events the upgrades its labels make.
    fn add_upgrade_events(
        &mut self,
        pipeline: &Pipeline,
        batch: &mut [CodedDocument],
        labels: Vec<Vec<LabelRecord>>,
    ) -> Result<()> {
        let fresh: Vec<(usize, LabelRecord)> = labels
            .into_iter()
            .enumerate()
            .flat_map(|(i, rs)| rs.into_iter().map(move |r| (i, r)))
            .collect();
        if fresh.is_empty() {
            return Ok(());
        }
        let key = |r: &LabelRecord| (r.doc_id.clone(), r.sentence, r.span, r.label.clone());
        if self.known.is_none() {
            self.known = Some(
                dyad_analysis::labels_for_dyad(&self.reader, pipeline, None, None, None)
                    .context("reading the stored partnership labels")?,
            );
        }
        let known = self.known.get_or_insert_with(Vec::new);
        // The writer may already have stored earlier batches of this run.
        let seen: HashSet<_> = known.iter().map(key).collect();
        let fresh: Vec<(usize, LabelRecord)> = fresh
            .into_iter()
            .filter(|(_, r)| !seen.contains(&key(r)))
            .collect();
        let new_keys: HashMap<_, usize> = fresh.iter().map(|(i, r)| (key(r), *i)).collect();
        known.extend(fresh.into_iter().map(|(_, r)| r));
        let history = dyad_analysis::label_history(std::mem::take(known));
        for r in history.iter().filter(|r| r.upgrade) {
            let Some(&i) = new_keys.get(&key(r)) else {
                continue;
            };
            if let Some(cd) = batch.get_mut(i) {
                cd.events
                    .extend(dyad_analysis::upgrade_events(std::slice::from_ref(r)));
            }
        }
        *known = history;
        Ok(())
    }
}

/// Print rows as an aligned table, JSON Lines, a JSON array or CSV.
/// Returns false when stdout was closed (a pager quit): not an error.
fn print_rows<T: serde::Serialize>(
    format: TableFormat,
    header: &[&str],
    rows: &[T],
    cells: impl Fn(&T) -> Vec<String>,
) -> Result<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result: io::Result<()> = (|| {
        match format {
            TableFormat::Jsonl => {
                for r in rows {
                    writeln!(
                        out,
                        "{}",
                        serde_json::to_string(r).map_err(io::Error::other)?
                    )?;
                }
            }
            TableFormat::Json => writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(rows).map_err(io::Error::other)?
            )?,
            TableFormat::Csv => {
                let mut w = csv_line(header.iter().map(|s| s.to_string()));
                w.push('\n');
                out.write_all(w.as_bytes())?;
                for r in rows {
                    writeln!(out, "{}", csv_line(cells(r).into_iter()))?;
                }
            }
            TableFormat::Table => {
                let body: Vec<Vec<String>> = rows.iter().map(&cells).collect();
                let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
                for row in &body {
                    for (w, c) in widths.iter_mut().zip(row) {
                        *w = (*w).max(c.chars().count()).min(60);
                    }
                }
                let line = |cells: Vec<String>| {
                    cells
                        .iter()
                        .zip(&widths)
                        .map(|(c, w)| {
                            let c: String = if c.chars().count() > *w {
                                c.chars().take(w.saturating_sub(1)).chain(['…']).collect()
                            } else {
                                c.clone()
                            };
                            format!("{c:<w$}")
                        })
                        .collect::<Vec<_>>()
                        .join("  ")
                        .trim_end()
                        .to_string()
                };
                writeln!(
                    out,
                    "{}",
                    line(header.iter().map(|s| s.to_string()).collect())
                )?;
                for row in body {
                    writeln!(out, "{}", line(row))?;
                }
            }
        }
        out.flush()
    })();
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to stdout"),
    }
}

fn csv_line(cells: impl Iterator<Item = String>) -> String {
    cells
        .map(|c| {
            if c.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

const EVENT_HEADER: [&str; 10] = [
    "id",
    "date",
    "source",
    "target",
    "code",
    "quad",
    "goldstein",
    "mentions",
    "doc",
    "text",
];

fn event_cells(e: &StoredEvent) -> Vec<String> {
    vec![
        e.event_id.to_string(),
        e.event.date.clone(),
        e.event.source.clone(),
        e.event.target.clone(),
        e.event.code.clone(),
        e.event.quad_class.to_string(),
        format!("{:.1}", e.event.goldstein),
        e.mentions.to_string(),
        format!("{}#{}", e.event.doc_id, e.event.sentence),
        e.event.text.clone(),
    ]
}

/// `dyad query`.
pub fn run_query(args: &QueryArgs) -> Result<ExitCode> {
    let mut filter = args.filter.to_filter()?;
    filter.limit = (args.limit > 0).then_some(args.limit);
    filter.offset = args.offset;
    let store = Store::open_existing(&args.db.db)?;
    let events = store.query(&filter)?;
    print_rows(args.format, &EVENT_HEADER, &events, event_cells)?;
    Ok(ExitCode::SUCCESS)
}

/// `dyad series`.
pub fn run_series(args: &SeriesArgs) -> Result<ExitCode> {
    let by: Period = args.by.parse()?;
    let mut filter = args.filter.to_filter()?;
    filter.one_a_day = args.one_a_day;
    let store = Store::open_existing(&args.db.db)?;
    let rows = store.series(&filter, by)?;
    print_rows(args.format, &SeriesRow::HEADER, &rows, |r| {
        r.fields().to_vec()
    })?;
    Ok(ExitCode::SUCCESS)
}

/// `dyad export`.
pub fn run_export(args: &ExportArgs) -> Result<ExitCode> {
    let format: ExportFormat = args.format.parse()?;
    let filter = args.filter.to_filter()?;
    let store = Store::open_existing(&args.db.db)?;
    let summary = match (&args.out, format) {
        (Some(out), _) => store.export_to_path(format, &filter, out)?,
        (None, ExportFormat::Parquet) => {
            return Err(anyhow!("--format parquet needs --out DIRECTORY"))
        }
        (None, _) => {
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            let s = store.export(format, &filter, &mut out, Path::new("<stdout>"))?;
            out.flush().context("writing to stdout")?;
            s
        }
    };
    eprintln!(
        "dyad: exported {} events ({} files)",
        summary.events,
        summary.files.max(1)
    );
    Ok(ExitCode::SUCCESS)
}

/// `dyad db check`.
pub fn run_db(cmd: &DbCommand) -> Result<ExitCode> {
    match cmd {
        DbCommand::Check { db, json } => {
            let store = Store::open_existing(&db.db)?;
            let r = store.check()?;
            if *json {
                println!("{}", serde_json::to_string_pretty(&r)?);
            } else {
                println!("store: {} (schema v{})", db.db.display(), r.schema_version);
                println!(
                    "documents {} ({} near-duplicates), sentences {}, events {}, mentions {}, actors {}",
                    r.documents, r.near_duplicates, r.sentences, r.events, r.mentions, r.actors
                );
                for p in &r.problems {
                    println!("problem: {p}");
                }
                println!("{}", if r.ok() { "ok" } else { "NOT OK" });
            }
            Ok(if r.ok() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}
