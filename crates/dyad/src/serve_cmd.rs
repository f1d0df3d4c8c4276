//! `dyad serve`: the HTTP API and dashboard over the store. Flags live
//! here; the server lives in `dyad-serve`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Result};
use clap::Args;

#[derive(Args, Clone, Debug)]
pub struct ServeArgs {
    /// The store (SQLite file), as written by `dyad ingest`.
    #[arg(long, env = "DYAD_DB", default_value = "dyad.db")]
    pub db: PathBuf,
    /// Address to listen on; loopback by default (use 0.0.0.0:PORT to expose it, knowingly).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Per-request time limit in seconds (slow queries are stopped with 503).
    #[arg(long, default_value_t = 10.0)]
    pub timeout: f64,
    /// Largest request body in bytes (POST /api/code); larger ones get 413.
    #[arg(long, default_value_t = 1024 * 1024)]
    pub max_body: usize,
}

pub fn run_serve(args: &ServeArgs) -> Result<ExitCode> {
    if !(args.timeout.is_finite() && args.timeout > 0.0 && args.timeout <= 3600.0) {
        bail!(
            "--timeout {} is not between 0 and 3600 seconds",
            args.timeout
        );
    }
    let mut cfg = dyad_serve::ServeConfig::new(args.db.clone(), args.addr);
    cfg.timeout = Duration::from_secs_f64(args.timeout);
    cfg.max_body = args.max_body;
    dyad_serve::serve_blocking(cfg)?;
    Ok(ExitCode::SUCCESS)
}
