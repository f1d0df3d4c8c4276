//! Stand-in for the `dyad` binary's analysis subcommands, compiling
//! `crates/dyad/src/analysis_cmd.rs` exactly as the binary will, so the
//! commands can be tried before they are wired into `dyad`:
//! `cargo run -p dyad-analysis --example analysis_cli -- alignment KEN --db x.db`.
//! `ingest FILE --db x.db` codes and stores documents (what `dyad ingest` does).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[path = "../../dyad/src/analysis_cmd.rs"]
mod analysis_cmd;

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Relations(analysis_cmd::RelationsArgs),
    Signals(analysis_cmd::SignalsArgs),
    Alignment(analysis_cmd::AlignmentArgs),
    Shifts(analysis_cmd::ShiftsArgs),
    Ingest {
        file: PathBuf,
        #[arg(long)]
        db: PathBuf,
    },
}

fn ingest(file: &Path, db: &Path) -> anyhow::Result<ExitCode> {
    let opts = dyad_ingest::IngestOptions::new(chrono::Local::now().date_naive());
    let docs = dyad_ingest::ingest_path(file, &opts)?.docs;
    let p = dyad_code::Pipeline::load(&[])?;
    let batch: Vec<dyad_store::CodedDocument> = docs
        .into_iter()
        .map(|mut doc| {
            let events = p.code(&mut doc, opts.today);
            dyad_store::CodedDocument { doc, events }
        })
        .collect();
    let mut store = dyad_store::Store::open(db)?;
    let s = store.ingest(&batch)?;
    eprintln!("{s:?}");
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Relations(a) => analysis_cmd::run_relations(a),
        Command::Signals(a) => analysis_cmd::run_signals(a),
        Command::Alignment(a) => analysis_cmd::run_alignment(a),
        Command::Shifts(a) => analysis_cmd::run_shifts(a),
        Command::Ingest { file, db } => ingest(file, db),
    };
    match result {
        Ok(c) => c,
        Err(e) => {
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
