//! Agent dictionaries (`Phoenix.agents.txt`, ...): role nouns whose code is attached to the
//! actor code. `PHRASE {PLURAL} [~GOV]`: `~GOV` is appended after the actor code, `NGO~` is
//! put before it. Without `{}` a regular plural is generated (`Y`→`IES`, `S`→`ES`, else `S`);
//! `{}` means no plural. `!PERSON! = MAN, MEN, ...` defines a substitution marker; a phrase
//! containing `!PERSON!` expands to one phrase per listed word, with no plural.

use std::sync::Arc;

use crate::error::{Diag, DictError, DictWarning};
use crate::intern::{phrase_words, Code, CodeInterner, FastMap, WordTrie};
use crate::lines::{logical_lines, Line};
use crate::source::DictionaryFile;

/// Where an agent code goes relative to the actor code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentPlacement {
    /// `[~GOV]`: actor code + agent code (`KEN` + `GOV` = `KENGOV`).
    Suffix,
    /// `[NGO~]`: agent code + actor code.
    Prefix,
}

/// One agent phrase (each generated plural/substitution is its own entry).
#[derive(Debug, Clone)]
pub struct AgentEntry {
    /// The phrase as matched, lowercase words joined by spaces (e.g. `"foreign minister"`).
    pub phrase: String,
    /// The code without `~` (e.g. `GOV`).
    pub code: Code,
    pub placement: AgentPlacement,
    pub file: Arc<str>,
    pub line: usize,
}

impl AgentEntry {
    /// Combines with an actor code: `KEN` + `~GOV` → `KENGOV`, `NGO~` + `KEN` → `NGOKEN`.
    pub fn apply(&self, actor_code: &str) -> String {
        match self.placement {
            AgentPlacement::Suffix => format!("{actor_code}{}", self.code),
            AgentPlacement::Prefix => format!("{}{actor_code}", self.code),
        }
    }
}

/// All agents, indexed by phrase.
#[derive(Debug, Clone, Default)]
pub struct AgentDictionary {
    entries: Vec<AgentEntry>,
    trie: WordTrie,
    markers: FastMap<String, Vec<String>>,
    codes: CodeInterner,
}

impl AgentDictionary {
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads one file into the dictionary (see [`DictionaryFile::add_source_with`]).
    fn read_source(
        &mut self,
        src: &str,
        file: &str,
        warnings: &mut Vec<DictWarning>,
        strict: bool,
    ) -> Result<(), DictError> {
        let mut diag = Diag { file, warnings };
        let file_arc: Arc<str> = Arc::from(file);
        for line in logical_lines(src) {
            let r = self.read_line(&line, &file_arc, &mut diag);
            diag.recover(r, strict)?;
        }
        Ok(())
    }

    fn read_line(
        &mut self,
        line: &Line<'_>,
        file_arc: &Arc<str>,
        diag: &mut Diag<'_>,
    ) -> Result<(), DictError> {
        let text = line.text;
        if text.starts_with('!') && text.contains('=') {
            return self.define_marker(text, line.no, diag);
        }
        let Some(open) = text.find('[') else {
            diag.warn(line.no, "agent without a `[code]`; line skipped");
            return Ok(());
        };
        let head = text[..open].trim();
        let after = &text[open + 1..];
        let raw_code = match after.find(']') {
            Some(close) => {
                let trailing = after[close + 1..].trim();
                if !trailing.is_empty() {
                    return Err(
                        diag.err(line.no, format!("unexpected `{trailing}` after agent code"))
                    );
                }
                after[..close].trim().to_string()
            }
            None => {
                let code = after.trim().trim_end_matches('}').trim().to_string();
                diag.warn(
                    line.no,
                    format!("missing `]` after agent code; read as `[{code}]`"),
                );
                code
            }
        };
        let (code_text, placement) = if let Some(c) = raw_code.strip_prefix('~') {
            (c.trim(), AgentPlacement::Suffix)
        } else if let Some(c) = raw_code.strip_suffix('~') {
            (c.trim(), AgentPlacement::Prefix)
        } else {
            diag.warn(
                line.no,
                format!("agent code `{raw_code}` has no `~`; used as a suffix"),
            );
            (raw_code.as_str(), AgentPlacement::Suffix)
        };
        if code_text.is_empty() || code_text.contains(char::is_whitespace) {
            return Err(diag.err(line.no, format!("bad agent code `[{raw_code}]`")));
        }
        let code = self.codes.intern(code_text);
        let (phrase, plural) = match head.find('{') {
            Some(b) => {
                let Some(end_rel) = head[b..].find('}') else {
                    return Err(diag.err(line.no, "missing `}` after plural"));
                };
                let plural = head[b + 1..b + end_rel].trim();
                (head[..b].trim(), Some(plural))
            }
            None => (head, None),
        };
        if phrase_words(phrase).is_empty() {
            return Err(diag.err(line.no, "empty agent phrase"));
        }
        let mut phrases: Vec<String> = Vec::new();
        if phrase.contains('!') {
            let mut parts = phrase.splitn(3, '!');
            let before = parts.next().unwrap_or("");
            let marker = parts.next().unwrap_or("");
            let Some(after_marker) = parts.next() else {
                diag.warn(
                    line.no,
                    "substitution marker `!...!` not closed; line skipped",
                );
                return Ok(());
            };
            let Some(subs) = self.markers.get(marker) else {
                diag.warn(
                    line.no,
                    format!("substitution marker `!{marker}!` is not defined; line skipped"),
                );
                return Ok(());
            };
            for s in subs {
                phrases.push(format!("{before}{s}{after_marker}"));
            }
        } else {
            phrases.push(phrase.to_string());
            match plural {
                Some(p) if !p.is_empty() => phrases.push(p.to_string()),
                Some(_) => {}
                None => phrases.push(regular_plural(phrase)),
            }
        }
        for p in phrases {
            let words = phrase_words(&p);
            if words.is_empty() {
                continue;
            }
            let id = self.entries.len() as u32;
            self.entries.push(AgentEntry {
                phrase: words.join(" "),
                code: code.clone(),
                placement,
                file: file_arc.clone(),
                line: line.no,
            });
            let node = self.trie.node_for(&words);
            self.trie.set_value(node, id);
        }
        Ok(())
    }

    fn define_marker(
        &mut self,
        text: &str,
        line: usize,
        diag: &mut Diag<'_>,
    ) -> Result<(), DictError> {
        let rest = &text[1..];
        let Some(end) = rest.find('!') else {
            return Err(diag.err(line, "substitution marker definition needs `!NAME! = a, b`"));
        };
        let name = &rest[..end];
        let Some(list) = rest[end + 1..].trim().strip_prefix('=') else {
            return Err(diag.err(
                line,
                "substitution marker definition needs `=` after `!NAME!`",
            ));
        };
        let items: Vec<String> = list
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if name.is_empty() || items.is_empty() {
            return Err(diag.err(line, "empty substitution marker definition"));
        }
        self.markers.insert(name.to_string(), items);
        Ok(())
    }

    /// The longest agent phrase starting at `start` in lowercase `words_lower`.
    pub fn longest_match(
        &self,
        words_lower: &[&str],
        start: usize,
    ) -> Option<(usize, &AgentEntry)> {
        let (len, id) = self.trie.longest_match(words_lower, start)?;
        Some((len, self.entries.get(id as usize)?))
    }

    /// The longest agent phrase at every start of `words_lower` (what
    /// [`AgentDictionary::longest_match`] gives at each), hashing each word once.
    pub fn longest_matches(&self, words_lower: &[&str]) -> Vec<Option<(usize, &AgentEntry)>> {
        self.trie.longest_entries(words_lower, &self.entries)
    }

    /// Exact phrase lookup (lowercase words).
    pub fn lookup(&self, words_lower: &[&str]) -> Option<&AgentEntry> {
        let id = self.trie.get(words_lower)?;
        self.entries.get(id as usize)
    }

    /// Exact lookup of a phrase written as in the files (`"FOREIGN_MINISTER"`).
    pub fn lookup_phrase(&self, phrase: &str) -> Option<&AgentEntry> {
        let words = phrase_words(phrase);
        let id = self.trie.get(&words)?;
        self.entries.get(id as usize)
    }

    /// Every generated entry (singulars, plurals, substitutions), in reading order; a phrase
    /// defined twice appears twice here but matches the later one.
    pub fn entries(&self) -> &[AgentEntry] {
        &self.entries
    }

    /// Number of distinct phrases indexed.
    pub fn phrase_count(&self) -> usize {
        self.trie.phrase_count()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// PETRARCH's agent plural: `Y`→`IES`, `S`→`SES`+`ES`, else `+S`, applied to the last word.
fn regular_plural(phrase: &str) -> String {
    let p = phrase.trim_end_matches(['_', ' ']);
    if let Some(stem) = p.strip_suffix(['Y', 'y']) {
        format!("{stem}IES")
    } else if p.ends_with(['S', 's']) {
        format!("{p}ES")
    } else {
        format!("{p}S")
    }
}

impl DictionaryFile for AgentDictionary {
    fn add_source_with(
        &mut self,
        src: &str,
        file: &str,
        warnings: &mut Vec<DictWarning>,
        strict: bool,
    ) -> Result<(), DictError> {
        self.read_source(src, file, warnings, strict)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
<!-- AGENTS -->
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
!MINST! = MINISTER, MINISTRY

PARLIAMENTARY_OPPOSITION {} [~OPP] #jap
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
CONGRESS [~LEG]
CONGRESS!PERSON! [~LEG]
!MINST!_OF_SILLY_WALKS [~GOV]
AUTHORITY  [~GOV]
HUMAN_RIGHTS_ORGANIZATION  [  NGO~]
POLICE {} [ ~COP]
DEPARTMENT_OF_ENV [~ENV}
NO_CODE_HERE
";

    #[test]
    fn plurals_markers_and_placement() {
        let (dict, warnings) = AgentDictionary::parse(SAMPLE, "a.txt").unwrap();
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(dict.lookup(&["parliamentary", "opposition"]).is_some());
        assert!(dict.lookup(&["parliamentary", "oppositions"]).is_none());
        assert!(dict.lookup(&["attorneys", "general"]).is_some());
        assert!(dict.lookup(&["congresses"]).is_some());
        assert!(dict.lookup(&["congresswomen"]).is_some());
        assert!(dict.lookup(&["congresspersons"]).is_none());
        assert!(dict.lookup(&["ministry", "of", "silly", "walks"]).is_some());
        assert!(dict.lookup(&["authorities"]).is_some());
        assert!(dict.lookup(&["polices"]).is_none());
        let e = dict.lookup(&["human", "rights", "organization"]).unwrap();
        assert_eq!(e.placement, AgentPlacement::Prefix);
        assert_eq!(e.apply("USA"), "NGOUSA");
        let e = dict.lookup_phrase("POLICE").unwrap();
        assert_eq!(e.apply("KEN"), "KENCOP");
        assert_eq!(dict.lookup_phrase("department_of_env").unwrap().code, "ENV");
        let s = ["the", "attorney", "general", "said"];
        let (len, e) = dict.longest_match(&s, 1).unwrap();
        assert_eq!((len, e.code.as_str()), (2, "GOV"));
    }

    #[test]
    fn malformed_lines_are_errors_with_lines() {
        let e = AgentDictionary::parse_strict("\nA {B [~X]\n", "a.txt").unwrap_err();
        assert_eq!(e.line(), Some(2));
        let e = AgentDictionary::parse_strict("A [~X] junk\n", "a.txt").unwrap_err();
        assert!(e.to_string().starts_with("a.txt:1:"));
        let e = AgentDictionary::parse("!P! MAN\n", "a.txt");
        assert!(e.is_ok(), "no `=` means it is not a marker definition");
    }
}
