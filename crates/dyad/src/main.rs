//! `dyad`: the command-line binary. It parses flags, wires the pipeline
//! stages together, prints, and exits; the logic lives in the crates.

use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use dyad_code::Pipeline;
use dyad_ingest::{IngestOptions, Warning};
use dyad_model::{Document, EventRecord};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

mod analysis_cmd;
mod bench;
mod demo;
mod import_cmd;
mod serve_cmd;
mod store_cmd;
mod validate;

#[derive(Parser)]
#[command(
    name = "dyad",
    version,
    about = "Political event data from news text: who did what to whom, when, with evidence."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Jsonl,
    Tsv,
    Plover,
}

/// How a clause's own future act is coded (see `dyad_code::FutureActs`).
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FutureActsArg {
    /// As the CAMEO codebook: "will give aid" is intent (0331), "will attack" a threat.
    Intent,
    /// As PETRARCH and its validation records: the act's own code, marked `intended`.
    Act,
}

impl From<FutureActsArg> for dyad_code::FutureActs {
    fn from(a: FutureActsArg) -> Self {
        match a {
            FutureActsArg::Intent => dyad_code::FutureActs::Intent,
            FutureActsArg::Act => dyad_code::FutureActs::Act,
        }
    }
}

#[derive(clap::Args, Clone)]
struct InputArgs {
    /// Documents: .txt, .html/.htm, .jsonl, .xml (RSS/Atom), or - for stdin.
    inputs: Vec<PathBuf>,
    /// Date for documents whose text and fields give none (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// Make a malformed JSON Lines line fatal instead of skipping it.
    #[arg(long)]
    strict: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Code documents into events, one JSON object per line on stdout.
    Code {
        #[command(flatten)]
        input: InputArgs,
        #[arg(long, value_enum, default_value = "jsonl")]
        format: Format,
        /// Dictionary file or directory, instead of the embedded defaults (repeatable).
        #[arg(long = "dict")]
        dicts: Vec<PathBuf>,
        /// Code a clause's own future act as intent (CAMEO codebook) or as the act (PETRARCH).
        #[arg(long, value_enum, default_value = "intent")]
        future_acts: FutureActsArg,
    },
    /// Show how dyad reads a document: date, boilerplate, sentences, tags, phrases, clauses, quotes.
    Parse {
        #[command(flatten)]
        input: InputArgs,
        /// Dictionary file or directory, instead of the embedded defaults (repeatable):
        /// shows why your own dictionaries code a sentence as they do.
        #[arg(long = "dict")]
        dicts: Vec<PathBuf>,
    },
    /// Score the coder against PETRARCH-format validation records.
    Validate {
        /// The records file (XML).
        records: PathBuf,
        /// Dictionary file or directory (repeatable); defaults to the embedded ones.
        #[arg(long = "dict")]
        dicts: Vec<PathBuf>,
        /// `given` uses each record's own parse tree instead of dyad's tagger.
        #[arg(long, value_enum, default_value = "own")]
        parse: validate::ParseMode,
        /// Print each failing record with what was expected and what was coded.
        #[arg(long)]
        verbose: bool,
        /// Explain one record: its parse, actors and events.
        #[arg(long)]
        only: Option<String>,
        /// Future acts as the records code them: PETRARCH's `act` by default.
        #[arg(long, value_enum, default_value = "act")]
        future_acts: FutureActsArg,
    },
    /// Code documents and store them (documents, sentences, events, mentions) in the store.
    Ingest(store_cmd::IngestArgs),
    /// Events in the store matching filters.
    Query(store_cmd::QueryArgs),
    /// Per-period counts, quad classes and Goldstein for a dyad (or any filter).
    Series(store_cmd::SeriesArgs),
    /// Export stored events: gdelt, icews, plover, csv or parquet.
    Export(store_cmd::ExportArgs),
    /// Store maintenance.
    Db {
        #[command(subcommand)]
        command: store_cmd::DbCommand,
    },
    /// Partnership-label history of a dyad (or all dyads), upgrades marked.
    Relations(analysis_cmd::RelationsArgs),
    /// Watched diplomatic phrases per speaking country per period, with evidence.
    Signals(analysis_cmd::SignalsArgs),
    /// Monthly alignment index of a country between two blocs (e.g. KEN --blocs china,west).
    Alignment(analysis_cmd::AlignmentArgs),
    /// Change points in a dyad series (--dyad) or an alignment index (--alignment), with driving events.
    Shifts(analysis_cmd::ShiftsArgs),
    /// Bring events from Parquet (the Spark job's output, or a Parquet export) into the store.
    ImportParquet(import_cmd::ImportArgs),
    /// HTTP API and dashboard over the store (loopback by default).
    Serve(serve_cmd::ServeArgs),
    /// The main job on embedded defaults: code the sample articles dyad ships into the store and show the events.
    Demo {
        /// The store (default ./dyad.db).
        #[arg(long, env = "DYAD_DB", default_value = "dyad.db")]
        db: PathBuf,
    },
    /// Measure stage throughput on one core, dictionary load time and peak memory.
    Bench {
        /// A JSON Lines corpus (bench/gen_corpus.py writes one).
        corpus: PathBuf,
        /// Print the figures as JSON.
        #[arg(long)]
        json: bool,
    },
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date in YYYY-MM-DD form"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code {
            input,
            format,
            dicts,
            future_acts,
        } => run_code(&input, format, &dicts, future_acts.into()),
        Command::Parse { input, dicts } => run_parse(&input, &dicts),
        Command::Validate {
            records,
            dicts,
            parse,
            verbose,
            only,
            future_acts,
        } => validate::run(
            &records,
            &dicts,
            parse,
            verbose,
            only.as_deref(),
            future_acts.into(),
        ),
        Command::Bench { corpus, json } => bench::run(&corpus, json),
        Command::Demo { db } => demo::run(&db),
        Command::Serve(args) => serve_cmd::run_serve(&args),
        Command::ImportParquet(args) => import_cmd::run_import(args),
        Command::Relations(args) => analysis_cmd::run_relations(&args),
        Command::Signals(args) => analysis_cmd::run_signals(&args),
        Command::Alignment(args) => analysis_cmd::run_alignment(&args),
        Command::Shifts(args) => analysis_cmd::run_shifts(&args),
        Command::Ingest(args) => store_cmd::run_ingest(&args),
        Command::Query(args) => store_cmd::run_query(&args),
        Command::Series(args) => store_cmd::run_series(&args),
        Command::Export(args) => store_cmd::run_export(&args),
        Command::Db { command } => store_cmd::run_db(&command),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // One line: the context chain joined, naming the file.
            let msg = e
                .chain()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(": ");
            eprintln!("dyad: error: {msg}");
            ExitCode::from(1)
        }
    }
}

/// Read every input into documents. Errors on one file are reported and
/// the others still read; the returned flag says whether any failed.
fn read_inputs(input: &InputArgs) -> Result<(Vec<Document>, bool)> {
    let today = chrono::Local::now().date_naive();
    let opts = IngestOptions {
        default_date: input.date,
        today,
        strict: input.strict,
    };
    let stdin_only = input.inputs.is_empty();
    let paths: Vec<PathBuf> = if stdin_only {
        vec![PathBuf::from("-")]
    } else {
        input.inputs.clone()
    };
    let mut docs = Vec::new();
    let mut failed = false;
    for path in &paths {
        let result = ingest_input(path, &opts)?;
        match result {
            Ok(ing) => {
                print_warnings(&ing.warnings);
                docs.extend(ing.docs);
            }
            Err(e) => {
                if input.strict {
                    return Err(anyhow::anyhow!("{e}"));
                }
                eprintln!("dyad: error: {e}");
                failed = true;
            }
        }
    }
    Ok((docs, failed))
}

/// Read one input (`-` is stdin) into documents. The outer error is a
/// failure to read stdin; the inner one is the file's own problem.
pub(crate) fn ingest_input(
    path: &Path,
    opts: &IngestOptions,
) -> Result<Result<dyad_ingest::Ingested, dyad_ingest::IngestError>> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .context("stdin: cannot read")?;
        Ok(dyad_ingest::ingest_bytes("-", &bytes, None, opts))
    } else {
        Ok(dyad_ingest::ingest_path(path, opts))
    }
}

fn print_warnings(ws: &[Warning]) {
    for w in ws {
        eprintln!("dyad: warning: {}: {}", w.origin, w.message);
    }
}

fn progress(n: usize, what: &str) -> ProgressBar {
    let bar = if n > 1 {
        ProgressBar::new(n as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template(&format!(
            "{{spinner}} {what} [{{bar:30}}] {{pos}}/{{len}} {{per_sec}} eta {{eta}}"
        ))
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

fn run_code(
    input: &InputArgs,
    format: Format,
    dicts: &[PathBuf],
    future_acts: dyad_code::FutureActs,
) -> Result<ExitCode> {
    let start = Instant::now();
    let pipeline = Pipeline::load(dicts)
        .context("loading dictionaries")?
        .with_future_acts(future_acts);
    if let Some(e) = pipeline.gazetteer_error() {
        eprintln!("dyad: warning: {e}; events are coded without locations");
    }
    let (mut docs, failed) = read_inputs(input)?;
    let fallback = input
        .date
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let bar = progress(docs.len(), "coding");
    let results: Vec<Vec<EventRecord>> = docs
        .par_iter_mut()
        .map(|d| {
            let ev = pipeline.code(d, fallback);
            bar.inc(1);
            ev
        })
        .collect();
    bar.finish_and_clear();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut n_events = 0;
    for events in &results {
        for (i, e) in events.iter().enumerate() {
            n_events += 1;
            let line = match format {
                Format::Jsonl => serde_json::to_string(e)?,
                Format::Tsv => dyad_code::output::tsv_line(e),
                Format::Plover => dyad_code::output::plover_record(e, i).to_string(),
            };
            if writeln!(out, "{line}").is_err() {
                return Ok(ExitCode::SUCCESS); // closed pipe: the reader has what it wants
            }
        }
    }
    let _ = out.flush();
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    eprintln!(
        "dyad: coded {} documents, {} sentences, {} events in {:.2} s",
        docs.len(),
        sentences,
        n_events,
        start.elapsed().as_secs_f64()
    );
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn run_parse(input: &InputArgs, dicts: &[PathBuf]) -> Result<ExitCode> {
    let pipeline = Pipeline::load(dicts).context("loading dictionaries")?;
    let (mut docs, failed) = read_inputs(input)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for doc in &mut docs {
        pipeline.annotate(doc);
        writeln!(out, "document {} ({})", doc.id, doc.origin)?;
        let date_text = doc
            .date_span
            .map(|s| format!(" from {:?}", s.slice(&doc.text)))
            .unwrap_or_default();
        writeln!(
            out,
            "date: {} [{}]{}",
            doc.date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "-".into()),
            doc.date_source.as_str(),
            date_text
        )?;
        for tm in &doc.time_mentions {
            writeln!(
                out,
                "time: {:?} -> {} ({})",
                tm.span.slice(&doc.text),
                tm.date,
                tm.precision
            )?;
        }
        for b in &doc.blocks {
            let kind = match b.kind {
                dyad_model::BlockKind::Body => continue,
                dyad_model::BlockKind::Headline => "HEADLINE".to_string(),
                dyad_model::BlockKind::Boilerplate(k) => format!("BOILERPLATE {}", k.as_str()),
            };
            let text: String = b.span.slice(&doc.text).chars().take(90).collect();
            writeln!(out, "{kind}: {text}")?;
        }
        let fallback = input
            .date
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        let explained = pipeline.explain(doc, fallback);
        for (s, (p, actors)) in doc.sentences.iter().zip(&explained) {
            let mark = match (s.boilerplate, s.headline) {
                (Some(b), _) => format!(" [boilerplate: {}]", b.as_str()),
                (None, true) => " [headline]".to_string(),
                _ => String::new(),
            };
            writeln!(out, "\nS{}{mark} {:?}", s.index, s.span.slice(&doc.text))?;
            write!(out, "{}", dyad_phrases::render(s, p))?;
            let words = |r: &std::ops::Range<usize>| {
                s.tokens
                    .get(r.clone())
                    .map(|t| {
                        t.iter()
                            .map(|t| t.norm.as_str())
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .unwrap_or_default()
            };
            let codes = |a: &[dyad_code::actors::Actor]| {
                a.iter()
                    .map(|a| a.code.as_str())
                    .collect::<Vec<_>>()
                    .join("+")
            };
            let named: Vec<String> = p
                .nps
                .iter()
                .zip(&actors.nps)
                .filter(|(_, a)| !a.is_empty())
                .map(|(n, a)| format!("[{}]={}", words(&n.tokens), codes(a)))
                .collect();
            if !named.is_empty() {
                writeln!(out, "  actors: {}", named.join(" "))?;
            }
            if let Some(d) = pipeline.discard(s) {
                let level = match (d.level, pipeline.discarded_clauses(s, p)) {
                    (dyad_code::DiscardLevel::Story, _) => "the whole document".to_string(),
                    (_, None) => "this sentence".to_string(),
                    (_, Some(cs)) => format!(
                        "its dependent clause(s) {}",
                        cs.iter()
                            .map(|c| format!("C{c}"))
                            .collect::<Vec<_>>()
                            .join(" ")
                    ),
                };
                writeln!(
                    out,
                    "  discarded: `{}` ({}:{}) drops {level}",
                    d.phrase, d.file, d.line
                )?;
            }
            for (i, d) in actors
                .decisions
                .iter()
                .enumerate()
                .filter(|(_, d)| !d.is_empty())
            {
                writeln!(out, "  coding C{i}: {d}")?;
            }
            for (q, a) in p.quotes.iter().zip(&actors.speakers) {
                if !a.is_empty() {
                    writeln!(out, "  speaker of \"{}\": {}", words(&q.inner), codes(a))?;
                }
            }
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
