//! `dyad serve`: a JSON API over the event store and a dashboard, both in
//! the one binary.
//!
//! The API is the contract's (`docs/contracts.md`, HTTP API): `/api/events`,
//! `/api/series`, `/api/actors`, `/api/documents/{id}`, `POST /api/code`,
//! `/api/health`, and the relationship analytics of `dyad-analysis`
//! (`/api/relations`, `/api/signals`, `/api/alignment`, `/api/shifts`),
//! described by the OpenAPI document at `/api/openapi.json`.
//! Limits keep one client from hurting the others: request bodies (413),
//! page size (`limit` ≤ 1000), a per-request time limit (SQLite queries are
//! interrupted when it passes, 503), and a cap on concurrent coding jobs.
//!
//! SQLite connections are not `Sync`, so requests take a [`Store`] from a
//! small pool on a blocking thread; WAL lets readers run side by side and
//! next to a running `dyad ingest`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context;
use dyad_analysis::{BlocConfig, WatchList};
use dyad_code::Pipeline;
use dyad_store::Store;
use tokio::sync::Semaphore;

mod analysis;
mod api;
mod assets;
pub mod db;
pub mod error;
pub mod names;
pub mod params;

pub use api::router;
pub use error::ApiError;
pub use names::ActorNames;

/// Limits and where to find the store.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub db: PathBuf,
    pub addr: SocketAddr,
    /// Largest request body (`POST /api/code`), bytes.
    pub max_body: usize,
    /// Per-request time limit.
    pub timeout: Duration,
    /// Coding jobs running at once (each takes a core).
    pub max_coding: usize,
    /// Tests only: sleep this long before each store request, so the time
    /// limit can be exercised deterministically.
    #[doc(hidden)]
    pub test_delay: Duration,
    /// Bloc definitions for `/api/alignment` and `/api/shifts`, read once at
    /// start-up; `None` = the blocs dyad ships. HTTP clients can only name
    /// blocs, never a file.
    pub blocs_file: Option<PathBuf>,
}

impl ServeConfig {
    pub fn new(db: PathBuf, addr: SocketAddr) -> ServeConfig {
        ServeConfig {
            db,
            addr,
            max_body: 1024 * 1024,
            timeout: Duration::from_secs(10),
            max_coding: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2),
            test_delay: Duration::ZERO,
            blocs_file: None,
        }
    }
}

/// What every request shares.
pub struct AppState {
    db: PathBuf,
    pool: Mutex<Vec<Store>>,
    pipeline: Arc<Pipeline>,
    names: ActorNames,
    coding: Arc<Semaphore>,
    max_body: usize,
    timeout: Duration,
    test_delay: Duration,
    blocs: BlocConfig,
    watch: WatchList,
}

/// Idle connections kept for reuse.
const POOL_KEEP: usize = 16;

impl AppState {
    /// Open the store once (so a missing or foreign file fails at start-up,
    /// not on the first request) and keep that connection for the pool.
    pub fn new(cfg: &ServeConfig, pipeline: Arc<Pipeline>) -> Result<AppState, ApiError> {
        let store = Store::open_existing(&cfg.db)?;
        let names = ActorNames::build(&pipeline.dicts);
        let blocs = match &cfg.blocs_file {
            Some(p) => BlocConfig::from_path(p).map_err(|e| ApiError::internal(e.to_string()))?,
            None => BlocConfig::embedded(),
        };
        Ok(AppState {
            db: cfg.db.clone(),
            pool: Mutex::new(vec![store]),
            pipeline,
            names,
            coding: Arc::new(Semaphore::new(cfg.max_coding.max(1))),
            max_body: cfg.max_body,
            timeout: cfg.timeout,
            test_delay: cfg.test_delay,
            blocs,
            watch: WatchList::embedded(),
        })
    }

    pub fn db(&self) -> &Path {
        &self.db
    }

    fn checkout(&self) -> Result<Store, ApiError> {
        let pooled = self.pool.lock().ok().and_then(|mut p| p.pop());
        match pooled {
            Some(s) => Ok(s),
            None => Ok(Store::open_existing(&self.db)?),
        }
    }

    fn checkin(&self, store: Store) {
        if let Ok(mut p) = self.pool.lock() {
            if p.len() < POOL_KEEP {
                p.push(store);
            }
        }
    }
}

/// Bind, print the address, and serve until Ctrl-C (or SIGTERM).
pub async fn serve(cfg: ServeConfig) -> anyhow::Result<()> {
    let pipeline = tokio::task::spawn_blocking(|| Pipeline::load(&[]))
        .await
        .context("loading dictionaries")?
        .context("loading dictionaries")?;
    let state = AppState::new(&cfg, Arc::new(pipeline)).map_err(|e| anyhow::anyhow!(e.message))?;
    let app = router(Arc::new(state));
    let listener = tokio::net::TcpListener::bind(cfg.addr)
        .await
        .with_context(|| format!("cannot listen on {}", cfg.addr))?;
    let local = listener.local_addr().context("listening address")?;
    // One line on stdout that scripts can wait for and parse.
    println!(
        "dyad serve: listening on http://{local}/ (store {})",
        cfg.db.display()
    );
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("server")?;
    Ok(())
}

/// Blocking entry point for the CLI: a multi-threaded runtime around [`serve`].
pub fn serve_blocking(cfg: ServeConfig) -> anyhow::Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?
        .block_on(serve(cfg))
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
