//! Actor dictionaries (`Phoenix.*.actors.txt`, `PETR.Validate.actors.txt`, ...).
//!
//! An entry is a root phrase line, optional `+synonym` lines and code lines. Codes sit on
//! the root line (`KENYA_  [KEN]`) or on following (usually tab-indented) lines, optionally
//! date-restricted: `[KENGOV >080301]`, `[KENGOV <130409]`, `[AFGELI 730717-070723]`.
//! Dates are `YYMMDD` (years 00–30 are 20YY, others 19YY, the KEDS/TABARI/PETRARCH
//! convention) or `YYYYMMDD` (8 or more characters). When resolving a date, codes are tried in
//! file order and the first that applies wins, so an undated code listed last is a fallback.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::error::{Diag, DictError, DictWarning};
use crate::intern::{has_words, phrase_words, Code, CodeInterner, WordTrie};
use crate::lines::logical_lines;
use crate::source::DictionaryFile;

/// When a dated code applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRange {
    /// No restriction.
    Always,
    /// `<D`: strictly before D.
    Before(NaiveDate),
    /// `>D` (or a bare `D`): on or after D.
    From(NaiveDate),
    /// `A-B`: from A to B, both included. PETRARCH2's code stops before B,
    /// but the validation records' own test of the upper bound (DATE-11,
    /// "Upper bound of embedded interval restriction") expects B included.
    Between(NaiveDate, NaiveDate),
}

impl DateRange {
    /// Whether `date` falls in the range.
    pub fn contains(&self, date: NaiveDate) -> bool {
        match *self {
            DateRange::Always => true,
            DateRange::Before(d) => date < d,
            DateRange::From(d) => date >= d,
            DateRange::Between(a, b) => date >= a && date <= b,
        }
    }
}

/// One code with its date restriction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    /// The actor code; `---` is kept literally (an explicit "do not code").
    pub code: Code,
    pub range: DateRange,
}

/// An actor: its root phrase, every phrase that names it, and its codes.
#[derive(Debug, Clone)]
pub struct ActorEntry {
    /// Root phrase as written, `_` turned into spaces (e.g. `"DANIEL ARAP MOI"`).
    pub phrase: String,
    /// Synonym phrases (`+` lines), as written with `_` turned into spaces.
    pub synonyms: Vec<String>,
    /// Codes in file order (order matters for dated resolution).
    pub codes: Vec<DatedCode>,
    /// File the entry came from.
    pub file: Arc<str>,
    /// 1-based line of the root phrase.
    pub line: usize,
}

impl ActorEntry {
    /// The code that applies on `date`: the first code in file order whose range contains it.
    ///
    /// A dated restriction that contains the date wins over an undated code
    /// wherever that stands, as in PETRARCH: `SAM_GAMGEE [HOB]` followed by
    /// `[HOBGOV 20121109-20130119]` is HOBGOV in December 2012, HOB otherwise.
    pub fn code_on(&self, date: NaiveDate) -> Option<&str> {
        self.codes
            .iter()
            .find(|c| c.range != DateRange::Always && c.range.contains(date))
            .or_else(|| self.codes.iter().find(|c| c.range == DateRange::Always))
            .map(|c| c.code.as_str())
    }

    /// The code to use when no date is known: the first undated code, else the first code.
    pub fn default_code(&self) -> Option<&str> {
        self.codes
            .iter()
            .find(|c| c.range == DateRange::Always)
            .or_else(|| self.codes.first())
            .map(|c| c.code.as_str())
    }
}

/// All actors, indexed by phrase in a word trie.
#[derive(Debug, Clone, Default)]
pub struct ActorDictionary {
    entries: Vec<ActorEntry>,
    trie: WordTrie,
    /// Entry ids that were synthesised by merging duplicate phrases (not shared with others).
    merged: Vec<bool>,
    codes: CodeInterner,
}

/// Lines of one entry while it is being read.
struct Pending {
    phrases: Vec<(usize, String)>,
    codes: Vec<DatedCode>,
}

impl ActorDictionary {
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
        let mut pending: Option<Pending> = None;
        for line in logical_lines(src) {
            let r = self.read_line(line.no, line.text, &mut pending, &file_arc, &mut diag);
            diag.recover(r, strict)?;
        }
        if let Some(p) = pending.take() {
            self.finish(p, &file_arc, &mut diag);
        }
        Ok(())
    }

    fn read_line(
        &mut self,
        no: usize,
        text: &str,
        pending: &mut Option<Pending>,
        file_arc: &Arc<str>,
        diag: &mut Diag<'_>,
    ) -> Result<(), DictError> {
        if text.starts_with('[') {
            let Some(p) = pending.as_mut() else {
                return Err(diag.err(no, "code line before any actor phrase"));
            };
            let codes = self.parse_codes(text, no, diag)?;
            p.codes.extend(codes);
        } else if let Some(syn) = text.strip_prefix('+') {
            let Some(p) = pending.as_mut() else {
                return Err(diag.err(no, "synonym line `+...` before any actor phrase"));
            };
            let (phrase, codes_part) = split_phrase_codes(syn);
            if !has_words(phrase) {
                return Err(diag.err(no, "empty synonym phrase"));
            }
            let codes = match codes_part {
                Some(c) => self.parse_codes(c, no, diag)?,
                None => Vec::new(),
            };
            p.phrases.push((no, phrase.to_string()));
            p.codes.extend(codes);
        } else {
            let (phrase, codes_part) = split_phrase_codes(text);
            if !has_words(phrase) {
                return Err(diag.err(no, "empty actor phrase"));
            }
            let codes = match codes_part {
                Some(c) => self.parse_codes(c, no, diag),
                None => Ok(Vec::new()),
            };
            if let Some(p) = pending.take() {
                self.finish(p, file_arc, diag);
            }
            // Start the entry even if its codes are bad, so its `+`/`[` lines do not attach
            // to the previous actor.
            let (codes, result) = match codes {
                Ok(c) => (c, Ok(())),
                Err(e) => (Vec::new(), Err(e)),
            };
            *pending = Some(Pending {
                phrases: vec![(no, phrase.to_string())],
                codes,
            });
            return result;
        }
        Ok(())
    }

    /// Parses `[CODE dates][CODE2]...`.
    fn parse_codes(
        &mut self,
        text: &str,
        line: usize,
        diag: &mut Diag<'_>,
    ) -> Result<Vec<DatedCode>, DictError> {
        let mut out = Vec::new();
        let mut rest = text.trim();
        while !rest.is_empty() {
            let Some(inner_start) = rest.strip_prefix('[') else {
                if out.is_empty() {
                    return Err(diag.err(line, format!("expected `[CODE ...]`, found `{rest}`")));
                }
                // Real files have uncommented notes after the codes; PETRARCH misreads them.
                diag.warn(line, format!("text after the codes ignored: `{rest}`"));
                break;
            };
            let Some(close) = inner_start.find(']') else {
                return Err(diag.err(line, "missing `]` after code"));
            };
            let inner = &inner_start[..close];
            rest = inner_start[close + 1..].trim_start();
            let mut parts = inner.split_whitespace();
            let Some(code) = parts.next() else {
                return Err(diag.err(line, "empty code `[]`"));
            };
            let date_text: String = parts.collect();
            let range = if date_text.is_empty() {
                DateRange::Always
            } else {
                parse_range(&date_text, line, diag)?
            };
            out.push(DatedCode {
                code: self.codes.intern(code),
                range,
            });
        }
        Ok(out)
    }

    fn finish(&mut self, p: Pending, file: &Arc<str>, diag: &mut Diag<'_>) {
        let Some((root_line, root)) = p.phrases.first().cloned() else {
            return;
        };
        if p.codes.is_empty() {
            diag.warn(root_line, format!("actor `{root}` has no code"));
        }
        let id = self.entries.len() as u32;
        self.entries.push(ActorEntry {
            phrase: root.replace('_', " ").trim().to_string(),
            synonyms: p.phrases[1..]
                .iter()
                .map(|(_, s)| s.replace('_', " ").trim().to_string())
                .collect(),
            codes: p.codes,
            file: file.clone(),
            line: root_line,
        });
        self.merged.push(false);
        for (_, phrase) in &p.phrases {
            let Some(node) = self.trie.node_for_phrase(phrase) else {
                continue;
            };
            match self.trie.value(node) {
                None => self.trie.set_value(node, id),
                Some(old) if old == id => {}
                Some(old) => {
                    // PETRARCH appends the new codes to the phrase's code list.
                    let extra = self.entries[id as usize].codes.clone();
                    let target = if self.merged[old as usize] {
                        old
                    } else {
                        let mut copy = self.entries[old as usize].clone();
                        copy.synonyms.clear();
                        copy.phrase = phrase.replace('_', " ").trim().to_string();
                        self.entries.push(copy);
                        self.merged.push(true);
                        let new_id = (self.entries.len() - 1) as u32;
                        self.trie.set_value(node, new_id);
                        new_id
                    };
                    self.entries[target as usize].codes.extend(extra);
                }
            }
        }
    }

    /// The longest actor phrase starting at word `start` of `words_lower` (lowercase words):
    /// (number of words, entry).
    pub fn longest_match(
        &self,
        words_lower: &[&str],
        start: usize,
    ) -> Option<(usize, &ActorEntry)> {
        let (len, id) = self.trie.longest_match(words_lower, start)?;
        Some((len, self.entries.get(id as usize)?))
    }

    /// The longest actor phrase at every start of `words_lower` (what
    /// [`ActorDictionary::longest_match`] gives at each), hashing each word once.
    pub fn longest_matches(&self, words_lower: &[&str]) -> Vec<Option<(usize, &ActorEntry)>> {
        self.trie.longest_entries(words_lower, &self.entries)
    }

    /// Every actor phrase starting at `start`, shortest first.
    pub fn matches_at(&self, words_lower: &[&str], start: usize) -> Vec<(usize, &ActorEntry)> {
        self.trie
            .matches_at(words_lower, start)
            .into_iter()
            .filter_map(|(len, id)| Some((len, self.entries.get(id as usize)?)))
            .collect()
    }

    /// The entry for exactly this phrase (words lowercase, or a `_`/space-joined phrase via
    /// [`ActorDictionary::lookup_phrase`]).
    pub fn lookup(&self, words_lower: &[&str]) -> Option<&ActorEntry> {
        let id = self.trie.get(words_lower)?;
        self.entries.get(id as usize)
    }

    /// The entry for a phrase written as in the files (`"Daniel_arap_Moi"`, any case).
    pub fn lookup_phrase(&self, phrase: &str) -> Option<&ActorEntry> {
        let words = phrase_words(phrase);
        let id = self.trie.get(&words)?;
        self.entries.get(id as usize)
    }

    /// All entries (including merged duplicates), in reading order.
    pub fn entries(&self) -> &[ActorEntry] {
        &self.entries
    }

    /// Number of entries read from files (root phrases), excluding merge artefacts.
    pub fn len(&self) -> usize {
        self.merged.iter().filter(|m| !**m).count()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of distinct phrases indexed.
    pub fn phrase_count(&self) -> usize {
        self.trie.phrase_count()
    }
}

/// Splits `PHRASE [CODE...]` at the first `[`.
fn split_phrase_codes(text: &str) -> (&str, Option<&str>) {
    match text.find('[') {
        Some(pos) => (text[..pos].trim(), Some(text[pos..].trim())),
        None => (text.trim(), None),
    }
}

fn parse_range(text: &str, line: usize, diag: &mut Diag<'_>) -> Result<DateRange, DictError> {
    if let Some(d) = text.strip_prefix('<') {
        return Ok(DateRange::Before(parse_date(d, line, diag)?));
    }
    if let Some(d) = text.strip_prefix('>') {
        return Ok(DateRange::From(parse_date(d, line, diag)?));
    }
    if let Some((a, b)) = text.split_once('-') {
        let a = parse_date(a, line, diag)?;
        let b = parse_date(b, line, diag)?;
        return Ok(DateRange::Between(a, b));
    }
    let date = parse_date(text, line, diag)?;
    diag.warn(
        line,
        format!("date `{text}` has no `<`, `>` or range; read as `>{text}`"),
    );
    Ok(DateRange::From(date))
}

/// Parses `YYMMDD` or `YYYYMMDD` with PETRARCH's rules (8+ characters = 4-digit year; YY of
/// 00–30 = 20YY, else 19YY).
pub fn parse_dict_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    if !t.is_ascii() {
        return None;
    }
    let num = |s: &str| -> Option<u32> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    };
    let (year, month, day) = if t.len() > 7 {
        (num(&t[..4])? as i32, num(&t[4..6])?, num(&t[6..8])?)
    } else if t.len() >= 6 {
        let yy = num(&t[..2])? as i32;
        let year = if yy <= 30 { 2000 + yy } else { 1900 + yy };
        (year, num(&t[2..4])?, num(&t[4..6])?)
    } else {
        return None;
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

fn parse_date(text: &str, line: usize, diag: &mut Diag<'_>) -> Result<NaiveDate, DictError> {
    let t = text.trim();
    match parse_dict_date(t) {
        Some(d) => {
            if t.len() == 7 || t.len() > 8 {
                diag.warn(
                    line,
                    format!("date `{t}` is not 6 or 8 digits; read as {d} (PETRARCH's rule)"),
                );
            }
            Ok(d)
        }
        None => Err(diag.err(
            line,
            format!("bad date `{t}` (expected YYMMDD or YYYYMMDD)"),
        )),
    }
}

impl DictionaryFile for ActorDictionary {
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

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const SAMPLE: &str = "\
# comment
NARNIA_  [NAR]
+NARNIAN_
+CAIR_PARAVEL

ASLAN_LION_  # a note
\t[NARELI 420101-780822]
\t[NARGOV 780822-021230]
\t[NARELI]
JADIS_
\t[NARGOV >130409]
\t[NAROPP <130409]
EMPTY_ONE
";

    #[test]
    fn reads_entries_synonyms_and_dated_codes() {
        let (dict, warnings) = ActorDictionary::parse(SAMPLE, "t.actors.txt").unwrap();
        assert_eq!(dict.len(), 4);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].to_string().starts_with("t.actors.txt:13:"));
        let s = ["the", "narnian", "army"];
        let (len, e) = dict.longest_match(&s, 1).unwrap();
        assert_eq!(len, 1);
        assert_eq!(e.phrase, "NARNIA");
        assert_eq!(e.default_code(), Some("NAR"));
        let s = ["aslan", "lion", "roared"];
        let (len, e) = dict.longest_match(&s, 0).unwrap();
        assert_eq!(len, 2);
        assert_eq!(e.code_on(d(1950, 1, 1)), Some("NARELI"));
        assert_eq!(e.code_on(d(1990, 1, 1)), Some("NARGOV"));
        assert_eq!(e.code_on(d(2010, 1, 1)), Some("NARELI"));
        // Both ends of an interval belong to it; the first listed wins where
        // two meet.
        assert_eq!(e.code_on(d(1942, 1, 1)), Some("NARELI"));
        assert_eq!(e.code_on(d(1978, 8, 22)), Some("NARELI"));
        assert_eq!(e.code_on(d(2002, 12, 30)), Some("NARGOV"));
        assert_eq!(e.code_on(d(2002, 12, 31)), Some("NARELI"));
        let j = dict.lookup_phrase("JADIS").unwrap();
        assert_eq!(j.code_on(d(2013, 4, 9)), Some("NARGOV"));
        assert_eq!(j.code_on(d(2013, 4, 8)), Some("NAROPP"));
        assert!(dict.lookup(&["cair", "paravel"]).is_some());
        assert!(dict.lookup(&["cair"]).is_none());
    }

    #[test]
    fn century_convention() {
        assert_eq!(parse_dict_date("300101"), Some(d(2030, 1, 1)));
        assert_eq!(parse_dict_date("310101"), Some(d(1931, 1, 1)));
        assert_eq!(parse_dict_date("20070101"), Some(d(2007, 1, 1)));
        assert_eq!(parse_dict_date("2004017"), Some(d(2020, 4, 1)));
        assert_eq!(parse_dict_date("100231"), None);
        assert_eq!(parse_dict_date("12ab01"), None);
        assert_eq!(parse_dict_date(""), None);
    }

    #[test]
    fn duplicate_phrases_merge_codes_in_order() {
        let src = "GONDOR [GON]\n+MINAS_TIRITH\nMINAS_TIRITH [MTR]\n";
        let (dict, _) = ActorDictionary::parse(src, "x").unwrap();
        let e = dict.lookup(&["minas", "tirith"]).unwrap();
        let codes: Vec<_> = e.codes.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, ["GON", "MTR"]);
        assert_eq!(dict.lookup(&["gondor"]).unwrap().codes.len(), 1);
        assert_eq!(dict.len(), 2);
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = ActorDictionary::parse_strict("A [X]\n\t[Y 99x101]\n", "f.txt").unwrap_err();
        assert_eq!(e.line(), Some(2));
        assert!(e.to_string().starts_with("f.txt:2:"), "{e}");
        let e = ActorDictionary::parse_strict("[X]\n", "f.txt").unwrap_err();
        assert_eq!(e.line(), Some(1));
        let e = ActorDictionary::parse_strict("A [X\n", "f.txt").unwrap_err();
        assert_eq!(e.line(), Some(1));
        // Lenient: the bad line is skipped with a warning naming it.
        let (d, w) = ActorDictionary::parse("A [X]\n\t[Y 99x101]\nB [Z]\n", "f.txt").unwrap();
        assert_eq!(d.len(), 2);
        assert!(w[0].to_string().starts_with("f.txt:2: bad date"), "{w:?}");
        // A bad root line still starts its own entry: its synonyms do not join the previous one.
        let (d, w) = ActorDictionary::parse("A [X]\nB [Y 1]\n+C\n\t[Z]\n", "f.txt").unwrap();
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(d.lookup(&["a"]).unwrap().codes.len(), 1);
        assert_eq!(d.lookup(&["c"]).unwrap().default_code(), Some("Z"));
    }
}
