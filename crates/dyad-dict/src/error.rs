//! Typed errors and warnings. Every message about input names the file and the 1-based line,
//! because dictionary authors fix files by line number.

use std::fmt;

/// A fatal problem while reading dictionaries.
#[derive(Debug, thiserror::Error)]
pub enum DictError {
    /// A line that cannot be given any meaning.
    #[error("{file}:{line}: {message}")]
    Syntax {
        file: String,
        line: usize,
        message: String,
    },
    /// The file or directory could not be read.
    #[error("{file}: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    /// A file whose kind is neither in its name nor recognisable from its content.
    #[error("{file}: cannot tell which kind of dictionary this is (name it *verbs*, *actors*, *agents*, *discards* or *issues*)")]
    UnknownKind { file: String },
    /// Two dictionaries that cannot be merged (e.g. verb files in different formats).
    #[error("{file}: {message}")]
    Incompatible { file: String, message: String },
}

impl DictError {
    pub(crate) fn syntax(file: &str, line: usize, message: impl Into<String>) -> Self {
        DictError::Syntax {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }

    /// The 1-based line of a syntax error, if this error has one.
    pub fn line(&self) -> Option<usize> {
        match self {
            DictError::Syntax { line, .. } => Some(*line),
            _ => None,
        }
    }
}

/// A problem PETRARCH tolerates (it logs and goes on); we keep the same leniency so real
/// dictionaries load, but report each one so the files can be cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictWarning {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for DictWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Collects warnings for one file.
pub(crate) struct Diag<'a> {
    pub file: &'a str,
    pub warnings: &'a mut Vec<DictWarning>,
}

impl Diag<'_> {
    pub fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.warnings.push(DictWarning {
            file: self.file.to_string(),
            line,
            message: message.into(),
        });
    }

    pub fn err(&self, line: usize, message: impl Into<String>) -> DictError {
        DictError::syntax(self.file, line, message)
    }

    /// In lenient mode a malformed line becomes a warning and is skipped (PETRARCH logs
    /// and goes on, and the shipped dictionaries do contain such lines); strict mode stops.
    pub fn recover(
        &mut self,
        result: Result<(), DictError>,
        strict: bool,
    ) -> Result<(), DictError> {
        match result {
            Err(DictError::Syntax { line, message, .. }) if !strict => {
                self.warn(line, format!("{message}; line skipped"));
                Ok(())
            }
            other => other,
        }
    }
}
