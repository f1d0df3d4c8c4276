//! Relationship analytics over dyad's own events: partnership labels,
//! signal phrases, bloc alignment and the shifts in them.
//!
//! Everything here answers one analyst question — "is country X tilting
//! from bloc A to bloc B, since when, and on what evidence?" — and every
//! figure it returns carries the sentences it came from.
//!
//! Labels and signal phrases are computed on the fly from the store's
//! sentences by re-running the pipeline's actor resolution (no extra
//! tables, so a dictionary fix improves old documents too); alignment and
//! shifts read the store's events. Methods, assumptions and failure modes
//! are documented in `docs/analysis.md`.

use std::path::PathBuf;

pub mod alignment;
pub mod changepoint;
pub mod config;
mod fold;
pub mod labels;
pub mod shifts;
pub mod signals;
pub mod stored;

pub use alignment::{
    alignment, alignment_from_events, AlignmentOptions, AlignmentSeries, Direction,
};
pub use changepoint::{pelt, PeltOptions};
pub use config::{Bloc, BlocConfig, WatchList};
pub use labels::{detect_labels, label_history, upgrade_events, LabelRecord, Stance, LADDER};
pub use shifts::{
    alignment_shifts, dyad_shifts, shifts_in_series, Channel, Driver, Shift, ShiftReport,
};
pub use signals::{count_signals, find_signals, SignalCount, SignalHit};
pub use stored::{labels_for_dyad, signals};

/// What can go wrong, each message one line naming the file (and 1-based
/// line) or the argument at fault.
#[derive(Debug, thiserror::Error)]
pub enum AnalysisError {
    #[error("{file}:{line}: {message}")]
    Config {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}: cannot read: {error}")]
    Io {
        file: PathBuf,
        error: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] dyad_store::StoreError),
    #[error("{path}: {error}")]
    Sqlite {
        path: PathBuf,
        error: rusqlite::Error,
    },
    #[error("{0}")]
    BadArgument(String),
}

pub type Result<T, E = AnalysisError> = std::result::Result<T, E>;
