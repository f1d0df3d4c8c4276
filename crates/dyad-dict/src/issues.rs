//! Issue dictionaries (`Phoenix.IssueCoding.txt`): `phrase [CODE]` lines grouped in
//! `<ISSUE CATEGORY="..."> ... </ISSUE>` blocks. Expansions (PETRARCH's):
//! `n:word` = singular and plural, `v:word` = `-s`, `-ed`/`-d`, `-ing` forms,
//! `a+b` = both `a b` and `a-b`. `~phrase` suppresses issue coding for the sentence,
//! `~~phrase` for the story.

use crate::error::{Diag, DictError, DictWarning};
use crate::intern::{Code, CodeInterner, WordTrie};
use crate::lines::{logical_lines, Line};
use crate::source::DictionaryFile;

/// What an issue phrase does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssueKind {
    /// Counts towards this issue code.
    Code(Code),
    /// `~`: no issues for this sentence.
    IgnoreSentence,
    /// `~~`: no issues for this story.
    IgnoreStory,
}

/// An `<ISSUE ...>` block's attributes.
#[derive(Debug, Clone)]
pub struct IssueCategory {
    pub name: String,
    /// Other attributes (e.g. `TYPE="ALL"`).
    pub attributes: Vec<(String, String)>,
    pub line: usize,
}

/// One expanded phrase.
#[derive(Debug, Clone)]
pub struct IssuePhrase {
    /// Lowercase words joined by spaces.
    pub phrase: String,
    pub kind: IssueKind,
    /// Index into [`IssueDictionary::categories`].
    pub category: Option<usize>,
    pub line: usize,
}

/// A phrase found in a sentence.
#[derive(Debug, Clone, Copy)]
pub struct IssueMatch<'a> {
    pub start: usize,
    pub len: usize,
    pub phrase: &'a IssuePhrase,
}

#[derive(Debug, Clone, Default)]
pub struct IssueDictionary {
    pub categories: Vec<IssueCategory>,
    phrases: Vec<IssuePhrase>,
    trie: WordTrie,
    codes: CodeInterner,
    /// Number of source lines that defined phrases (before expansion).
    pub source_lines: usize,
}

impl IssueDictionary {
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
        let mut category: Option<usize> = None;
        for line in logical_lines(src) {
            let r = self.read_line(&line, &mut category, &mut diag);
            diag.recover(r, strict)?;
        }
        Ok(())
    }

    fn read_line(
        &mut self,
        line: &Line<'_>,
        category: &mut Option<usize>,
        diag: &mut Diag<'_>,
    ) -> Result<(), DictError> {
        let t = line.text;
        if let Some(rest) = t.strip_prefix("<ISSUE") {
            let rest = rest.trim().trim_end_matches('>').trim_end_matches('/');
            let attributes = parse_attributes(rest).map_err(|m| diag.err(line.no, m))?;
            let name = attributes
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("CATEGORY"))
                .map(|(_, v)| v.clone())
                .ok_or_else(|| diag.err(line.no, "`<ISSUE>` without CATEGORY=\"...\""))?;
            self.categories.push(IssueCategory {
                name,
                attributes,
                line: line.no,
            });
            *category = Some(self.categories.len() - 1);
            return Ok(());
        }
        if t.starts_with("</ISSUE") {
            if category.is_none() {
                diag.warn(line.no, "`</ISSUE>` without an open `<ISSUE>`");
            }
            *category = None;
            return Ok(());
        }
        if t.starts_with('<') {
            return Err(diag.err(line.no, format!("unknown tag `{t}`")));
        }
        let mut entries: Vec<(IssueKind, &str)> = Vec::new();
        if let Some(rest) = t.strip_prefix("~~") {
            entries.push((IssueKind::IgnoreStory, rest));
        } else if let Some(rest) = t.strip_prefix('~') {
            entries.push((IssueKind::IgnoreSentence, rest));
        } else {
            if !t.contains('[') {
                diag.warn(line.no, "issue phrase without `[CODE]`; line skipped");
                return Ok(());
            }
            let mut rest = t;
            while let Some(open) = rest.find('[') {
                let Some(close_rel) = rest[open..].find(']') else {
                    return Err(diag.err(line.no, "missing `]` after issue code"));
                };
                let code = rest[open + 1..open + close_rel].trim();
                if code.is_empty() || code.contains(char::is_whitespace) {
                    return Err(diag.err(line.no, format!("bad issue code `[{code}]`")));
                }
                let phrase = &rest[..open];
                if phrase.trim().is_empty() && !entries.is_empty() {
                    diag.warn(line.no, format!("code `[{code}]` repeated; ignored"));
                } else {
                    entries.push((IssueKind::Code(self.codes.intern(code)), phrase));
                }
                rest = rest[open + close_rel + 1..].trim();
            }
            if !rest.is_empty() {
                return Err(diag.err(
                    line.no,
                    format!("unexpected text `{rest}` after issue code"),
                ));
            }
            if entries.len() > 1 {
                diag.warn(line.no, "several `phrase [CODE]` entries on one line");
            }
        }
        for (kind, target) in entries {
            let target = target.trim();
            if target.is_empty() {
                return Err(diag.err(line.no, "empty issue phrase"));
            }
            self.source_lines += 1;
            for form in expand(&target.to_lowercase()) {
                let words: Vec<&str> = form.split_whitespace().collect();
                if words.is_empty() {
                    continue;
                }
                let node = self.trie.node_for(&words);
                if self.trie.value(node).is_some() {
                    // PETRARCH overwrites; keep the first and say nothing: the Phoenix
                    // file repeats its ignore phrases in every category on purpose.
                    continue;
                }
                let id = self.phrases.len() as u32;
                self.phrases.push(IssuePhrase {
                    phrase: words.join(" "),
                    kind: kind.clone(),
                    category: *category,
                    line: line.no,
                });
                self.trie.set_value(node, id);
            }
        }
        Ok(())
    }

    /// Every issue phrase in a sentence (lowercase words), longest at each position, scanning
    /// left to right without overlaps (PETRARCH's scan).
    pub fn find_all<'a>(&'a self, words_lower: &[&str]) -> Vec<IssueMatch<'a>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words_lower.len() {
            match self.trie.longest_match(words_lower, i) {
                Some((len, id)) => {
                    if let Some(phrase) = self.phrases.get(id as usize) {
                        out.push(IssueMatch {
                            start: i,
                            len,
                            phrase,
                        });
                    }
                    i += len.max(1);
                }
                None => i += 1,
            }
        }
        out
    }

    /// Issue codes of a sentence with their counts, in first-seen order; empty when an
    /// ignore phrase (`~`/`~~`) occurs (PETRARCH's rule).
    pub fn issues(&self, words_lower: &[&str]) -> Vec<(Code, usize)> {
        let mut out: Vec<(Code, usize)> = Vec::new();
        for m in self.find_all(words_lower) {
            match &m.phrase.kind {
                IssueKind::Code(c) => match out.iter_mut().find(|(k, _)| k == c) {
                    Some((_, n)) => *n += 1,
                    None => out.push((c.clone(), 1)),
                },
                IssueKind::IgnoreSentence | IssueKind::IgnoreStory => return Vec::new(),
            }
        }
        out
    }

    /// All expanded phrases.
    pub fn phrases(&self) -> &[IssuePhrase] {
        &self.phrases
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }
}

fn parse_attributes(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let Some(eq) = rest.find('=') else {
            return Err(format!("bad attribute text `{rest}`"));
        };
        let key = rest[..eq].trim().to_string();
        let after = rest[eq + 1..].trim_start();
        let Some(quoted) = after.strip_prefix('"') else {
            return Err(format!("attribute `{key}` value must be quoted"));
        };
        let Some(end) = quoted.find('"') else {
            return Err(format!("attribute `{key}` value not closed"));
        };
        out.push((key, quoted[..end].to_string()));
        rest = quoted[end + 1..].trim_start();
    }
    Ok(out)
}

/// Expands `n:`, `v:` and `+` (lowercase input) into every phrase variant.
fn expand(target: &str) -> Vec<String> {
    let mut forms = vec![target.to_string()];
    let mut i = 0;
    // Bounded: every step removes one marker from a form.
    while i < forms.len() && forms.len() < 4096 {
        let f = forms[i].clone();
        if let Some(pos) = f.find('+') {
            forms[i] = format!("{} {}", &f[..pos], &f[pos + 1..]);
            forms.push(format!("{}-{}", &f[..pos], &f[pos + 1..]));
            continue;
        }
        if let Some((pre, word, post)) = marker(&f, "n:") {
            forms[i] = format!("{pre}{word}{post}");
            let plural = match word.strip_suffix('y') {
                Some(stem) => format!("{stem}ies"),
                None => format!("{word}s"),
            };
            forms.push(format!("{pre}{plural}{post}"));
            continue;
        }
        if let Some((pre, word, post)) = marker(&f, "v:") {
            forms[i] = format!("{pre}{word}{post}");
            let (ed, ing) = match word.strip_suffix('e') {
                Some(stem) => (format!("{word}d"), format!("{stem}ing")),
                None => (format!("{word}ed"), format!("{word}ing")),
            };
            for w in [format!("{word}s"), ed, ing] {
                forms.push(format!("{pre}{w}{post}"));
            }
            continue;
        }
        i += 1;
    }
    forms
}

/// Finds `mark` and returns (text before, the marked word, text after the word).
fn marker<'a>(f: &'a str, mark: &str) -> Option<(&'a str, &'a str, &'a str)> {
    let pos = f.find(mark)?;
    let pre = &f[..pos];
    let rest = &f[pos + mark.len()..];
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    Some((pre, &rest[..end], &rest[end..]))
}

impl DictionaryFile for IssueDictionary {
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
<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">
n:preschool [EARLY_CHILDHOOD]
pre+n:school [EARLY_CHILDHOOD]
ethnic v:purge [ATROCITY]
~a head start
touristry[TOURISM]
</ISSUE>
";

    #[test]
    fn expansions_and_counts() {
        let (d, w) = IssueDictionary::parse(SAMPLE, "i.txt").unwrap();
        assert!(w.is_empty());
        assert_eq!(d.categories[0].name, "EDUCATION");
        let phrases: Vec<&str> = d.phrases().iter().map(|p| p.phrase.as_str()).collect();
        for p in [
            "preschool",
            "preschools",
            "pre school",
            "pre-school",
            "pre schools",
            "pre-schools",
            "ethnic purged",
            "ethnic purging",
            "touristry",
        ] {
            assert!(phrases.contains(&p), "{p} missing from {phrases:?}");
        }
        let s = ["preschools", "and", "pre-school", "touristry"];
        let issues = d.issues(&s);
        assert_eq!(issues.len(), 2);
        assert_eq!(issues[0].0, "EARLY_CHILDHOOD");
        assert_eq!(issues[0].1, 2);
        assert!(d.issues(&["a", "head", "start", "touristry"]).is_empty());
    }

    #[test]
    fn errors() {
        let e = IssueDictionary::parse_strict("<ISSUE TYPE=\"X\">\n", "i.txt").unwrap_err();
        assert_eq!(e.line(), Some(1));
        let e = IssueDictionary::parse_strict("\nfoo [X\n", "i.txt").unwrap_err();
        assert_eq!(e.line(), Some(2));
    }
}
