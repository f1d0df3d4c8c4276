//! `dyad import-parquet`: bring events coded on a cluster (`spark/`) or
//! exported from another store into the local store.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::Args;
use dyad_store::{OpenOptions, Store};

#[derive(Args, Clone, Debug)]
pub struct ImportArgs {
    /// A directory of Parquet files (searched recursively, e.g. the Spark
    /// job's OUT/events or a `dyad export --format parquet` directory) or one file.
    pub dir: PathBuf,
    /// The store (SQLite file); created when absent.
    #[arg(long, env = "DYAD_DB", default_value = "dyad.db")]
    pub db: PathBuf,
    /// Seconds to wait for another process's write lock before giving up.
    #[arg(long, default_value_t = 5.0)]
    pub wait: f64,
}

/// `dyad import-parquet`.
pub fn run_import(args: ImportArgs) -> Result<ExitCode> {
    let start = Instant::now();
    let wait = if args.wait.is_finite() {
        args.wait.clamp(0.0, 86_400.0)
    } else {
        5.0
    };
    let mut store = Store::open_with(
        &args.db,
        &OpenOptions {
            create: true,
            busy_timeout: Duration::from_secs_f64(wait),
        },
    )?;
    let s = dyad_store::import_parquet(&mut store, &args.dir)
        .with_context(|| format!("importing {}", args.dir.display()))?;
    eprintln!(
        "dyad: imported {} rows from {} files: {} documents ({} already stored, {} rows skipped), {} new events, {} mentions in {:.2} s",
        s.rows,
        s.files,
        s.documents,
        s.skipped_documents,
        s.skipped_rows,
        s.events,
        s.mentions,
        start.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
