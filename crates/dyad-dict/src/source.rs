//! What every line-oriented dictionary reader shares: reading one file's
//! text into a dictionary, leniently (a malformed line is a warning, as
//! PETRARCH tolerates) or strictly (it is the error), and merging further
//! files into the same dictionary.

use crate::error::{DictError, DictWarning};

/// A dictionary built from one or more files of the same kind.
pub trait DictionaryFile: Default + Sized {
    /// Adds one file's entries; with `strict` a malformed line is an error,
    /// otherwise it is skipped with a warning naming its line.
    fn add_source_with(
        &mut self,
        src: &str,
        file: &str,
        warnings: &mut Vec<DictWarning>,
        strict: bool,
    ) -> Result<(), DictError>;

    /// Adds one file's entries, skipping malformed lines with a warning.
    fn add_source(
        &mut self,
        src: &str,
        file: &str,
        warnings: &mut Vec<DictWarning>,
    ) -> Result<(), DictError> {
        self.add_source_with(src, file, warnings, false)
    }

    /// Reads one file; returns the dictionary and the warnings.
    fn parse(src: &str, file: &str) -> Result<(Self, Vec<DictWarning>), DictError> {
        let mut dict = Self::default();
        let mut warnings = Vec::new();
        dict.add_source(src, file, &mut warnings)?;
        Ok((dict, warnings))
    }

    /// Reads one file, stopping at the first malformed line.
    fn parse_strict(src: &str, file: &str) -> Result<Self, DictError> {
        let mut dict = Self::default();
        dict.add_source_with(src, file, &mut Vec::new(), true)?;
        Ok(dict)
    }
}
