//! The two configuration files: the signal-phrase watch list and the bloc
//! definitions. Both are plain text (one entry a line, `#` comments) so an
//! analyst edits them without learning a format; both have an embedded
//! default in `data/`.

use std::path::Path;

use serde::Serialize;

use crate::fold::fold;
use crate::{AnalysisError, Result};

const DEFAULT_SIGNALS: &str = include_str!("../data/signals.txt");
const DEFAULT_BLOCS: &str = include_str!("../data/blocs.txt");

/// One watched phrase and the spellings counted as it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignalPhrase {
    /// The name shown (the first spelling on its line).
    pub name: String,
    /// Folded spellings (lower case, punctuation runs as one space).
    #[serde(skip)]
    pub(crate) folded: Vec<String>,
}

/// The signal phrases to count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WatchList {
    pub phrases: Vec<SignalPhrase>,
}

impl WatchList {
    /// The watch list dyad ships (`data/signals.txt`).
    pub fn embedded() -> WatchList {
        // The embedded file is tested to parse; an empty list is the
        // harmless fallback rather than a panic.
        WatchList::parse("data/signals.txt", DEFAULT_SIGNALS).unwrap_or(WatchList {
            phrases: Vec::new(),
        })
    }

    pub fn from_path(path: &Path) -> Result<WatchList> {
        let text = std::fs::read_to_string(path).map_err(|error| AnalysisError::Io {
            file: path.to_path_buf(),
            error,
        })?;
        WatchList::parse(&path.display().to_string(), &text)
    }

    /// `phrase | spelling | spelling` per line; blank lines and `#` comments
    /// ignored. A spelling with no letter or digit is an error.
    pub fn parse(file: &str, text: &str) -> Result<WatchList> {
        let mut phrases: Vec<SignalPhrase> = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = strip_comment(raw);
            if line.is_empty() {
                continue;
            }
            let mut name = None;
            let mut folded = Vec::new();
            for part in line.split('|') {
                let part = part.trim();
                let f = fold(part);
                if f.is_empty() {
                    return Err(AnalysisError::Config {
                        file: file.to_string(),
                        line: i + 1,
                        message: format!("`{}` has no words to match", part),
                    });
                }
                name.get_or_insert_with(|| part.to_string());
                if !folded.contains(&f) {
                    folded.push(f);
                }
            }
            let name = name.unwrap_or_default();
            if phrases.iter().any(|p| p.name.eq_ignore_ascii_case(&name)) {
                return Err(AnalysisError::Config {
                    file: file.to_string(),
                    line: i + 1,
                    message: format!("phrase `{name}` is listed twice"),
                });
            }
            phrases.push(SignalPhrase { name, folded });
        }
        Ok(WatchList { phrases })
    }
}

/// A named set of actor-code prefixes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bloc {
    pub name: String,
    pub members: Vec<String>,
}

impl Bloc {
    /// Whether an actor code belongs to the bloc (prefix match:
    /// `USA` covers `USAGOV`, `IGOEUREEC` only itself and its sub-codes).
    pub fn contains(&self, code: &str) -> bool {
        self.members.iter().any(|m| code.starts_with(m.as_str()))
    }
}

/// Every bloc of a configuration file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlocConfig {
    pub blocs: Vec<Bloc>,
}

impl BlocConfig {
    /// The blocs dyad ships (`data/blocs.txt`).
    pub fn embedded() -> BlocConfig {
        BlocConfig::parse("data/blocs.txt", DEFAULT_BLOCS)
            .unwrap_or(BlocConfig { blocs: Vec::new() })
    }

    pub fn from_path(path: &Path) -> Result<BlocConfig> {
        let text = std::fs::read_to_string(path).map_err(|error| AnalysisError::Io {
            file: path.to_path_buf(),
            error,
        })?;
        BlocConfig::parse(&path.display().to_string(), &text)
    }

    /// `name = CODE CODE ...` per line (codes separated by spaces or commas).
    pub fn parse(file: &str, text: &str) -> Result<BlocConfig> {
        let mut blocs: Vec<Bloc> = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = strip_comment(raw);
            if line.is_empty() {
                continue;
            }
            let err = |message: String| AnalysisError::Config {
                file: file.to_string(),
                line: i + 1,
                message,
            };
            let Some((name, codes)) = line.split_once('=') else {
                return Err(err(format!(
                    "expected `name = CODE CODE ...`, found `{line}`"
                )));
            };
            let name = name.trim().to_ascii_lowercase();
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Err(err(format!(
                    "bloc name `{name}` must be letters, digits or `_`"
                )));
            }
            let mut members = Vec::new();
            for code in codes.split(|c: char| c.is_whitespace() || c == ',') {
                if code.is_empty() {
                    continue;
                }
                if !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    return Err(err(format!("`{code}` is not an actor code")));
                }
                members.push(code.to_ascii_uppercase());
            }
            if members.is_empty() {
                return Err(err(format!("bloc `{name}` has no members")));
            }
            if blocs.iter().any(|b| b.name == name) {
                return Err(err(format!("bloc `{name}` is defined twice")));
            }
            blocs.push(Bloc { name, members });
        }
        Ok(BlocConfig { blocs })
    }

    pub fn get(&self, name: &str) -> Result<&Bloc> {
        let want = name.trim().to_ascii_lowercase();
        self.blocs.iter().find(|b| b.name == want).ok_or_else(|| {
            let known: Vec<&str> = self.blocs.iter().map(|b| b.name.as_str()).collect();
            AnalysisError::BadArgument(format!(
                "unknown bloc `{name}` (known: {})",
                known.join(", ")
            ))
        })
    }

    /// `china,west` → the two blocs.
    pub fn pair(&self, spec: &str) -> Result<(Bloc, Bloc)> {
        let parts: Vec<&str> = spec.split(',').map(str::trim).collect();
        match parts.as_slice() {
            [a, b] if a != b => Ok((self.get(a)?.clone(), self.get(b)?.clone())),
            _ => Err(AnalysisError::BadArgument(format!(
                "blocs `{spec}` must be two different bloc names joined by a comma (e.g. china,west)"
            ))),
        }
    }
}

fn strip_comment(line: &str) -> &str {
    line.split('#').next().unwrap_or("").trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn embedded_files_parse() {
        let w = WatchList::parse("signals.txt", DEFAULT_SIGNALS).expect("signals");
        assert!(w.phrases.iter().any(|p| p.name == "one-China policy"));
        let b = BlocConfig::parse("blocs.txt", DEFAULT_BLOCS).expect("blocs");
        let (china, west) = b.pair("china,west").expect("pair");
        assert!(china.contains("CHNGOV"));
        assert!(west.contains("USAGOV") && west.contains("IGOEUREEC"));
        assert!(!west.contains("CHN"));
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = BlocConfig::parse("b.txt", "# c\nwest = USA\nbad line\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "b.txt:3: expected `name = CODE CODE ...`, found `bad line`"
        );
        let e = WatchList::parse("s.txt", "a\n\n --- \n").unwrap_err();
        assert!(e.to_string().starts_with("s.txt:3:"), "{e}");
        let e = BlocConfig::parse("b.txt", "a = X\na = Y").unwrap_err();
        assert!(e.to_string().contains("defined twice"));
    }

    #[test]
    fn pair_rejects_unknown_and_same() {
        let b = BlocConfig::embedded();
        assert!(b.pair("china,china").is_err());
        assert!(b
            .pair("china,mars")
            .unwrap_err()
            .to_string()
            .contains("unknown bloc"));
    }

    proptest! {
        #[test]
        fn parsers_never_panic(s in "\\PC{0,200}") {
            let _ = WatchList::parse("x", &s);
            let _ = BlocConfig::parse("x", &s);
        }

        #[test]
        fn valid_bloc_lines_round_trip(name in "[a-z][a-z0-9_]{0,8}", codes in proptest::collection::vec("[A-Z]{3}", 1..5)) {
            let text = format!("{name} = {}\n", codes.join(" "));
            let b = BlocConfig::parse("x", &text).expect("valid");
            prop_assert_eq!(&b.blocs[0].members, &codes);
        }
    }
}
