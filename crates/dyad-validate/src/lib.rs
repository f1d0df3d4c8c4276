//! PETRARCH-format validation records, read robustly, and a scorer.
//!
//! Validation files (`PETR.UnitTest.records.xml`, `PETR_Validate_records_2_02.xml`,
//! `PETR2_GSR_validation.xml`, ...) hold `<Sentence>` records with expected
//! `<EventCoding>`s, the `<Text>` and often a `<Parse>`. Several real files are
//! not well-formed XML, so [`read_records`] uses a forgiving tokenizer, warns
//! once per kind of problem (with `file:line`), and keeps every record it can.
//! [`score`] runs any coder over the records and tallies pass/fail per
//! category plus event-level recall and extras, in the terms PETRARCH's own
//! validators used.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

mod lexer;
mod parse;
mod reader;
mod score;

pub use parse::{Parse, Token};
pub use reader::parse_records;
pub use score::{score, score_with, CategoryTally, Outcome, Report, ScoreOptions, SkipCounts};

#[derive(Debug, thiserror::Error)]
pub enum ValidateError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: no <Sentence> records found")]
    NoRecords { path: PathBuf },
    /// `line` counts from the first line of the parse text (1-based); add the
    /// record's `parse_line - 1` for the line in the file.
    #[error("parse line {line}: {message}")]
    BadParse { line: usize, message: String },
}

/// One expected or coded event: actor codes and CAMEO code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Coding {
    pub source: String,
    pub target: String,
    pub code: String,
}

/// The null code PETRARCH writes for a missing actor or event.
pub const NULL_CODE: &str = "---";

impl Coding {
    pub fn new(
        source: impl Into<String>,
        target: impl Into<String>,
        code: impl Into<String>,
    ) -> Self {
        Coding {
            source: source.into(),
            target: target.into(),
            code: code.into(),
        }
    }

    /// The coding in the canonical form both sides are compared in.
    ///
    /// Normalisations, each taken from PETRARCH's validators:
    /// - surrounding whitespace is trimmed and codes are upper-cased (codes are
    ///   upper-case by convention; PETRARCH upper-cases its input text too);
    /// - an empty or missing actor becomes `---`, the null actor: UD-PETRARCH's
    ///   attribute reader returns `---` for `sourcecode=""`, and PETRARCH-1
    ///   prints empty coded actors as `---`;
    /// - `~` becomes `---` (UD-PETRARCH `validation.py`: "replace handles the
    ///   isolated agent cases"): an agent found without an actor, written
    ///   `~GOV` in dictionaries, is coded with a null actor prefix, `---GOV`.
    ///   Agents are otherwise compared appended to their actor, as written
    ///   (`USAGOV`, `NGOARNGOV`), never reordered;
    /// - an empty event code becomes `---` (a null event; see [`Coding::is_null_event`]).
    ///
    /// Quoted text codes (`"INJURY TOLL"`, PETRARCH-1's stand-in for an actor
    /// not in the dictionary) and compound codes (`FRO/BIL/SAM`, a single
    /// dictionary code) are kept verbatim apart from the above.
    pub fn normalised(&self) -> Coding {
        fn actor(code: &str) -> String {
            let c = code.trim().to_uppercase().replace('~', NULL_CODE);
            if c.is_empty() {
                NULL_CODE.to_string()
            } else {
                c
            }
        }
        let event = self.code.trim().to_uppercase();
        Coding {
            source: actor(&self.source),
            target: actor(&self.target),
            code: if event.is_empty() {
                NULL_CODE.to_string()
            } else {
                event
            },
        }
    }

    /// A coded event whose verb had no code: UD-PETRARCH's validator counts
    /// these ("Null events") but never matches them against expectations.
    pub fn is_null_event(&self) -> bool {
        let c = self.code.trim();
        c.is_empty() || c.starts_with(NULL_CODE)
    }

    /// Either actor is the null actor `---` (agent codes like `---GOV` are not null).
    pub fn has_null_actor(&self) -> bool {
        self.source.trim() == NULL_CODE || self.target.trim() == NULL_CODE
    }
}

impl fmt::Display for Coding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.source, self.target, self.code)
    }
}

/// One `<Sentence>` validation record.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: String,
    /// `category` attribute; empty when absent (e.g. the GigaWord sample).
    pub category: String,
    pub date: Option<NaiveDate>,
    /// `<Text>` with its line breaks and runs of spaces collapsed to one space.
    pub text: String,
    pub parse: Option<Parse>,
    /// File line where `<Parse>` starts, to place [`ValidateError::BadParse`] lines.
    pub parse_line: Option<usize>,
    /// Expected codings, already [`Coding::normalised`], in file order.
    pub expected: Vec<Coding>,
    /// `<EventCoding noevents="True">` or `error="..."`: nothing should be coded.
    pub expects_none: bool,
    /// `error="dateline" | "bad_input_parse" | "storydiscard" | "sentencediscard"`:
    /// the PETRARCH-1 error or discard this record should trigger.
    pub expected_error: Option<String>,
    /// False for `evaluate="false"`, `sentence="false"`, `valid="false"` or a `<Skip>`.
    pub evaluate: bool,
    /// Why `evaluate` is false, e.g. `evaluate="false"`.
    pub skip_reason: Option<String>,
    /// The category is in the file's `<Include>` list (and not in `<Exclude>`),
    /// which PETRARCH's validators require before evaluating a record.
    pub included: bool,
    /// 1-based line of the `<Sentence` tag.
    pub line: usize,
    /// `<Config option= value=>` settings in force at this record (they
    /// persist from where they appear, e.g. `require_dyad`, `new_actor_length`).
    pub options: BTreeMap<String, String>,
    /// Every attribute of the `<Sentence>` tag (`place`, `source`, ...).
    pub attributes: BTreeMap<String, String>,
    /// Raw payloads of `<PLEvent {...}>` lines (PLOVER JSON, unused by PETRARCH).
    pub plover_events: Vec<String>,
}

impl Record {
    /// Has something to score against: expected codings or a no-event mark.
    /// (The GigaWord sample has neither.)
    pub fn is_annotated(&self) -> bool {
        self.expects_none || !self.expected.is_empty()
    }
}

/// The records of one file, and what was wrong with it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RecordSet {
    pub records: Vec<Record>,
    /// `file:line: message`, one per kind of problem.
    pub warnings: Vec<String>,
    /// Text of the `<Environment>` children (`Verbfile`, `Actorfile`,
    /// `Include`, ...), as PETRARCH reads them.
    pub environment: BTreeMap<String, String>,
}

/// Reads a record file. Fails only if it cannot be read or holds no
/// `<Sentence>` at all; every other problem is a warning in the result.
/// Invalid UTF-8 is replaced (with a warning) rather than rejected.
pub fn read_records(path: &Path) -> Result<RecordSet, ValidateError> {
    let bytes = std::fs::read(path).map_err(|source| ValidateError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let name = path.display().to_string();
    let (text, lossy) = match String::from_utf8(bytes) {
        Ok(t) => (t, false),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
    };
    let mut set = parse_records(&text, &name);
    if lossy {
        set.warnings.insert(
            0,
            format!("{name}:1: not valid UTF-8; bad bytes replaced with U+FFFD"),
        );
    }
    if set.records.is_empty() {
        return Err(ValidateError::NoRecords {
            path: path.to_path_buf(),
        });
    }
    Ok(set)
}

#[cfg(test)]
mod tests;
