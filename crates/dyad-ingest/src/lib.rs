//! Reads input files into [`Document`]s: plain text, HTML, JSON Lines and
//! RSS/Atom feeds. Every document gets normalised text, [`Block`]s marking
//! boilerplate (navigation, captions, footers, bylines, repeated headlines),
//! a date with its [`DateSource`], and relative time mentions resolved
//! against that date.
//!
//! Nothing here panics on input: malformed input becomes an [`IngestError`]
//! (one line naming the file and line) or a [`Warning`].

use std::path::Path;

use chrono::NaiveDate;
use dyad_model::{BlockKind, DateSource, Document, Span};

mod blocks;
mod dates;
mod decode;
mod feed;
mod html;
mod jsonl;

pub use blocks::mark_blocks;
pub use dates::{find_text_date, resolve_time_mentions};

/// The format of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Text,
    Html,
    JsonLines,
    Feed,
}

/// Settings that apply to every document of a run.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// `--date`: the date of documents whose text has none.
    pub default_date: Option<NaiveDate>,
    /// The run's date: last resort for a document date, and the reference
    /// for completing year-less datelines.
    pub today: NaiveDate,
    /// Make malformed JSON Lines lines (and broken feeds) fatal.
    pub strict: bool,
}

impl IngestOptions {
    pub fn new(today: NaiveDate) -> Self {
        IngestOptions {
            default_date: None,
            today,
            strict: false,
        }
    }
}

/// Something wrong with the input that did not stop ingest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// `file` or `file:line`.
    pub origin: String,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// The documents of one input and the warnings met reading it.
#[derive(Debug, Clone, Default)]
pub struct Ingested {
    pub docs: Vec<Document>,
    pub warnings: Vec<Warning>,
}

/// Why an input could not be read. Each message is one line that names the
/// file, and the 1-based line where there is one.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{name}: cannot read: {source}")]
    Io {
        name: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{name}: binary file (NUL bytes), not text")]
    Binary { name: String },
    /// `origin` is `file:line`.
    #[error("{origin}: {message}")]
    Malformed { origin: String, message: String },
}

/// Guesses an input's format from its name, or for stdin (`-`) and unknown
/// extensions from its first non-blank byte (`{` → JSON Lines, as the
/// contract says for stdin). Unknown extensions also recognise markup.
pub fn detect_kind(name: &str, bytes: &[u8]) -> InputKind {
    let ext = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("txt" | "text") => return InputKind::Text,
        Some("html" | "htm" | "xhtml") => return InputKind::Html,
        Some("jsonl" | "ndjson" | "json") => return InputKind::JsonLines,
        Some("xml" | "rss" | "atom") => return InputKind::Feed,
        _ => {}
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head = &bytes[start..bytes.len().min(start + 512)];
    if head.first() == Some(&b'{') {
        return InputKind::JsonLines;
    }
    if name == "-" {
        return InputKind::Text;
    }
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        InputKind::Html
    } else if lower.starts_with("<?xml") || lower.starts_with("<rss") || lower.starts_with("<feed")
    {
        if lower.contains("<html") {
            InputKind::Html
        } else {
            InputKind::Feed
        }
    } else {
        InputKind::Text
    }
}

/// Reads one input (a file's bytes, or stdin's with name `-`) into documents.
/// `kind: None` detects the format with [`detect_kind`]. An empty input gives
/// no document and a warning, not an error, so that a batch run goes on.
pub fn ingest_bytes(
    name: &str,
    bytes: &[u8],
    kind: Option<InputKind>,
    opts: &IngestOptions,
) -> Result<Ingested, IngestError> {
    let kind = kind.unwrap_or_else(|| detect_kind(name, bytes));
    let mut warnings = Vec::new();
    let raw = decode::decode_bytes(name, bytes, &mut warnings)?;
    let text = decode::normalise(&raw);
    drop(raw);
    if text.trim().is_empty() {
        warnings.push(Warning {
            origin: name.to_string(),
            message: "empty file".to_string(),
        });
        return Ok(Ingested {
            docs: Vec::new(),
            warnings,
        });
    }
    let docs = match kind {
        InputKind::Text => {
            let doc = build_document(
                DocumentParts {
                    id: file_name(name),
                    origin: name.to_string(),
                    text,
                    ..DocumentParts::default()
                },
                opts,
            );
            vec![doc]
        }
        InputKind::Html => {
            let page = html::html_to_text(&text);
            vec![build_document(
                DocumentParts {
                    id: file_name(name),
                    origin: name.to_string(),
                    text: page.text,
                    title: page.title,
                    forced: page.forced,
                    given_date: page.published,
                    ..DocumentParts::default()
                },
                opts,
            )]
        }
        InputKind::JsonLines => jsonl::read_json_lines(name, &text, opts, &mut warnings)?,
        InputKind::Feed => feed::read_feed(name, &text, opts, &mut warnings)?,
    };
    Ok(Ingested { docs, warnings })
}

/// Reads one file. Directories are the caller's to expand.
pub fn ingest_path(path: &Path, opts: &IngestOptions) -> Result<Ingested, IngestError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io {
        name: name.clone(),
        source,
    })?;
    ingest_bytes(&name, &bytes, None, opts)
}

/// The last path component, used as a document id (`-` stays `-`).
fn file_name(name: &str) -> String {
    Path::new(name)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(name)
        .to_string()
}

/// What a format reader knows about one document before the shared steps
/// (blocks, dates, time mentions) run.
#[derive(Debug, Default)]
pub(crate) struct DocumentParts {
    pub id: String,
    pub origin: String,
    /// Already normalised.
    pub text: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// A date the input states outright (JSON `date`, feed `pubDate`).
    pub given_date: Option<NaiveDate>,
    /// Block kinds the markup decided (e.g. `<figcaption>` → caption).
    pub forced: Vec<(Span, BlockKind)>,
}

/// The steps every format shares: blocks, date by the contract's precedence
/// (given → text → `--date` → today), time mentions.
pub(crate) fn build_document(parts: DocumentParts, opts: &IngestOptions) -> Document {
    let blocks = blocks::mark_blocks(&parts.text, &parts.forced, parts.title.as_deref());
    let reference = opts.default_date.unwrap_or(opts.today);
    let mut doc = Document {
        id: parts.id,
        title: parts.title,
        url: parts.url,
        source: parts.source,
        origin: parts.origin,
        ..Document::default()
    };
    if let Some(date) = parts.given_date {
        doc.date = Some(date);
        doc.date_source = DateSource::Given;
    } else if let Some((date, span)) = dates::find_text_date(&parts.text, &blocks, reference) {
        doc.date = Some(date);
        doc.date_source = DateSource::Text;
        doc.date_span = Some(span);
    } else {
        doc.date = Some(reference);
        doc.date_source = DateSource::Default;
    }
    if doc.title.is_none() {
        doc.title = blocks
            .iter()
            .find(|b| b.kind == BlockKind::Headline)
            .map(|b| b.span.slice(&parts.text).to_string());
    }
    if let Some(date) = doc.date {
        doc.time_mentions = dates::resolve_time_mentions(&parts.text, &blocks, date, doc.date_span);
    }
    doc.blocks = blocks;
    doc.text = parts.text;
    doc
}

#[cfg(test)]
mod tests;
