//! `dyad relations`, `dyad signals`, `dyad alignment`, `dyad shifts`: the
//! command-line face of `dyad-analysis`. Flags and printing live here; the
//! methods (documented in docs/analysis.md) live in the crate.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{anyhow, Context, Result};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use dyad_analysis::shifts::{Channel, ShiftReport};
use dyad_analysis::{
    AlignmentOptions, AlignmentSeries, BlocConfig, Direction, LabelRecord, PeltOptions,
    SignalCount, WatchList,
};
use dyad_code::Pipeline;
use dyad_store::{Period, Store};

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date in YYYY-MM-DD form"))
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum AnalysisFormat {
    Table,
    Json,
}

/// Flags every analysis command shares.
#[derive(Args, Clone, Debug)]
pub struct AnalysisCommon {
    /// The store (SQLite file).
    #[arg(long, env = "DYAD_DB", default_value = "dyad.db")]
    pub db: PathBuf,
    /// First date, inclusive (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub from: Option<NaiveDate>,
    /// Last date, inclusive (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub to: Option<NaiveDate>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: AnalysisFormat,
}

#[derive(Args, Clone, Debug)]
pub struct RelationsArgs {
    #[command(flatten)]
    pub common: AnalysisCommon,
    /// Dyad such as CHN-KEN (either order); all dyads when absent.
    #[arg(long)]
    pub dyad: Option<String>,
    /// Print the upgrades as CAMEO events (JSON Lines, the `dyad code` shape) instead.
    #[arg(long)]
    pub events: bool,
    /// Dictionary file or directory, instead of the embedded defaults (repeatable).
    #[arg(long = "dict")]
    pub dicts: Vec<PathBuf>,
}

#[derive(Args, Clone, Debug)]
pub struct SignalsArgs {
    #[command(flatten)]
    pub common: AnalysisCommon,
    /// day, week, month or year.
    #[arg(long, default_value = "month")]
    pub by: String,
    /// Only this speaking country (KEN).
    #[arg(long)]
    pub country: Option<String>,
    /// Watch list file (one phrase a line, `|` between spellings); default: the embedded list.
    #[arg(long)]
    pub watch: Option<PathBuf>,
    /// Print each count's evidence sentences.
    #[arg(long)]
    pub evidence: bool,
    #[arg(long = "dict")]
    pub dicts: Vec<PathBuf>,
}

#[derive(Args, Clone, Debug)]
pub struct BlocArgs {
    /// Two blocs, A then B (e.g. china,west).
    #[arg(long, default_value = "china,west")]
    pub blocs: String,
    /// Bloc file (`name = CODE CODE ...` per line); default: the embedded blocs.
    #[arg(long)]
    pub blocs_file: Option<PathBuf>,
    /// Which of the country's events count: out (as source), in (as target) or both.
    #[arg(long, default_value = "both")]
    pub direction: String,
    /// Bootstrap resamples per month for the band (0 = none).
    #[arg(long, default_value_t = 400)]
    pub bootstrap: usize,
}

#[derive(Args, Clone, Debug)]
pub struct AlignmentArgs {
    /// The country (actor code prefix, e.g. KEN).
    pub country: String,
    #[command(flatten)]
    pub blocs: BlocArgs,
    #[command(flatten)]
    pub common: AnalysisCommon,
}

#[derive(Args, Clone, Debug)]
pub struct ShiftsArgs {
    /// Shifts in this dyad's monthly Goldstein sum (CHN-KEN).
    #[arg(long, conflicts_with = "alignment")]
    pub dyad: Option<String>,
    /// Shifts in this country's alignment index (KEN), with --blocs.
    #[arg(long)]
    pub alignment: Option<String>,
    #[command(flatten)]
    pub blocs: BlocArgs,
    /// Alignment channel: all, verbal or material.
    #[arg(long, default_value = "all")]
    pub channel: String,
    /// Multiplier of the BIC penalty (higher = fewer shifts).
    #[arg(long, default_value_t = 1.0)]
    pub penalty: f64,
    /// Fewest months in a regime.
    #[arg(long, default_value_t = 2)]
    pub min_months: usize,
    /// Driving events listed per shift.
    #[arg(long, default_value_t = 5)]
    pub top: usize,
    #[command(flatten)]
    pub common: AnalysisCommon,
}

fn out() -> BufWriter<io::StdoutLock<'static>> {
    BufWriter::new(io::stdout().lock())
}

fn print_json<T: serde::Serialize>(v: &T) -> Result<()> {
    let mut o = out();
    serde_json::to_writer_pretty(&mut o, v)?;
    writeln!(o)?;
    o.flush().context("writing to stdout")
}

/// `dyad relations`.
pub fn run_relations(args: &RelationsArgs) -> Result<ExitCode> {
    let store = Store::open_existing(&args.common.db)?;
    let pipeline = Pipeline::load(&args.dicts)?;
    let labels = dyad_analysis::labels_for_dyad(
        &store,
        &pipeline,
        args.dyad.as_deref(),
        args.common.from,
        args.common.to,
    )?;
    if args.events {
        let mut o = out();
        for e in dyad_analysis::upgrade_events(&labels) {
            serde_json::to_writer(&mut o, &e)?;
            writeln!(o)?;
        }
        o.flush().context("writing to stdout")?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.common.format == AnalysisFormat::Json {
        print_json(&serde_json::json!({ "labels": labels }))?;
        return Ok(ExitCode::SUCCESS);
    }
    print_labels(&labels)?;
    Ok(ExitCode::SUCCESS)
}

fn print_labels(labels: &[LabelRecord]) -> Result<()> {
    let mut o = out();
    if labels.is_empty() {
        writeln!(o, "no relationship labels found")?;
    }
    for r in labels {
        writeln!(
            o,
            "{}  {}-{}  level {}  {}{}  ({:?}; {} sentence {}; parties from {})",
            r.date,
            r.dyad[0],
            r.dyad[1],
            r.level,
            r.label,
            if r.upgrade { "  [UPGRADE]" } else { "" },
            r.stance,
            r.doc_id,
            r.sentence,
            r.parties_from
        )?;
        writeln!(o, "    \"{}\"", r.text)?;
    }
    o.flush().context("writing to stdout")
}

/// `dyad signals`.
pub fn run_signals(args: &SignalsArgs) -> Result<ExitCode> {
    let by: Period = args.by.parse()?;
    let watch = match &args.watch {
        Some(p) => WatchList::from_path(p)?,
        None => WatchList::embedded(),
    };
    let store = Store::open_existing(&args.common.db)?;
    let pipeline = Pipeline::load(&args.dicts)?;
    let counts = dyad_analysis::signals(
        &store,
        &pipeline,
        &watch,
        by,
        args.country.as_deref(),
        args.common.from,
        args.common.to,
    )?;
    if args.common.format == AnalysisFormat::Json {
        print_json(&serde_json::json!({ "signals": counts }))?;
        return Ok(ExitCode::SUCCESS);
    }
    print_signals(&counts, args.evidence)?;
    Ok(ExitCode::SUCCESS)
}

fn print_signals(counts: &[SignalCount], evidence: bool) -> Result<()> {
    let mut o = out();
    writeln!(
        o,
        "{:<10} {:<9} {:>5}  phrase",
        "period", "country", "count"
    )?;
    for c in counts {
        writeln!(
            o,
            "{:<10} {:<9} {:>5}  {}",
            c.period, c.country, c.count, c.phrase
        )?;
        if evidence {
            for h in &c.hits {
                writeln!(
                    o,
                    "    {} {}#{}: \"{}\"",
                    h.date, h.doc_id, h.sentence, h.text
                )?;
            }
        }
    }
    o.flush().context("writing to stdout")
}

fn blocs_and_options(
    b: &BlocArgs,
    common: &AnalysisCommon,
) -> Result<(dyad_analysis::Bloc, dyad_analysis::Bloc, AlignmentOptions)> {
    let config = match &b.blocs_file {
        Some(p) => BlocConfig::from_path(p)?,
        None => BlocConfig::embedded(),
    };
    let (a, bb) = config.pair(&b.blocs)?;
    let direction: Direction = b.direction.parse()?;
    let opts = AlignmentOptions {
        direction,
        bootstrap: b.bootstrap,
        from: common.from,
        to: common.to,
        ..AlignmentOptions::default()
    };
    Ok((a, bb, opts))
}

/// `dyad alignment`.
pub fn run_alignment(args: &AlignmentArgs) -> Result<ExitCode> {
    let (a, b, opts) = blocs_and_options(&args.blocs, &args.common)?;
    let store = Store::open_existing(&args.common.db)?;
    let series = dyad_analysis::alignment(&store, &args.country, &a, &b, &opts)?;
    if args.common.format == AnalysisFormat::Json {
        print_json(&series)?;
        return Ok(ExitCode::SUCCESS);
    }
    print_alignment(&series)?;
    Ok(ExitCode::SUCCESS)
}

fn fmt_opt(v: Option<f64>) -> String {
    v.map(|x| format!("{x:+.2}"))
        .unwrap_or_else(|| "    -".to_string())
}

fn print_alignment(s: &AlignmentSeries) -> Result<()> {
    let mut o = out();
    writeln!(
        o,
        "{} between {} (+1) and {} (-1), {:?} events; index = (S_A - S_B) / sum|g|, band = 90% bootstrap",
        s.country, s.bloc_a.name, s.bloc_b.name, s.direction
    )?;
    writeln!(
        o,
        "{:<8} {:>4} {:>4} {:>6}  {:>13}  {:>7} {:>8} {:>8}",
        "period", "n_A", "n_B", "index", "band", "verbal", "material", "net"
    )?;
    for p in &s.points {
        writeln!(
            o,
            "{:<8} {:>4} {:>4} {:>6}  {:>13}  {:>7} {:>8} {:>8.1}",
            p.period,
            p.all.events_a,
            p.all.events_b,
            fmt_opt(p.all.index),
            match (p.all.low, p.all.high) {
                (Some(l), Some(h)) => format!("[{l:+.2},{h:+.2}]"),
                _ => "-".to_string(),
            },
            fmt_opt(p.verbal.index),
            fmt_opt(p.material.index),
            p.all.net
        )?;
    }
    let c = s.crossings();
    if !c.is_empty() {
        writeln!(o, "crosses zero in: {}", c.join(", "))?;
    }
    o.flush().context("writing to stdout")
}

/// `dyad shifts`.
pub fn run_shifts(args: &ShiftsArgs) -> Result<ExitCode> {
    let pelt = PeltOptions {
        penalty: args.penalty,
        min_size: args.min_months.max(1),
    };
    let store = Store::open_existing(&args.common.db)?;
    let report = match (&args.dyad, &args.alignment) {
        (Some(d), None) => dyad_analysis::dyad_shifts(
            &store,
            d,
            args.common.from,
            args.common.to,
            &pelt,
            args.top,
        )?,
        (None, Some(country)) => {
            let (a, b, opts) = blocs_and_options(&args.blocs, &args.common)?;
            let channel: Channel = args.channel.parse()?;
            let series = dyad_analysis::alignment(&store, country, &a, &b, &opts)?;
            dyad_analysis::alignment_shifts(&series, channel, &pelt, args.top)
        }
        _ => {
            return Err(anyhow!(
                "give --dyad CHN-KEN or --alignment KEN (with --blocs china,west)"
            ))
        }
    };
    if args.common.format == AnalysisFormat::Json {
        print_json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    print_shifts(&report)?;
    Ok(ExitCode::SUCCESS)
}

fn print_shifts(r: &ShiftReport) -> Result<()> {
    let mut o = out();
    writeln!(
        o,
        "{}: {} months, PELT penalty {:.3}",
        r.subject,
        r.series.len(),
        r.penalty
    )?;
    if r.shifts.is_empty() {
        writeln!(o, "no shift found")?;
    }
    for s in &r.shifts {
        writeln!(
            o,
            "shift from {}: {:+.2} ({:.2} -> {:.2}; events/month {:.1} -> {:.1})",
            s.period,
            s.size,
            s.before,
            s.after,
            s.events_per_month_before,
            s.events_per_month_after
        )?;
        for d in &s.drivers {
            let e = &d.event;
            writeln!(
                o,
                "    {:+6.1}  {} {} -> {} {}  {}#{}: \"{}\"",
                d.contribution, e.date, e.source, e.target, e.code, e.doc_id, e.sentence, e.text
            )?;
        }
    }
    o.flush().context("writing to stdout")
}
