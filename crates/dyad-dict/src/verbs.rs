//! Verb dictionaries: PETRARCH-2 (`CAMEO.2.0.txt`, `PETR_Validate_verbs_2_02.txt`) and
//! PETRARCH-1 / TABARI linear patterns (`CAMEO.verbpatterns.150430.txt`,
//! `PETR.Validate.verbs.txt`).
//!
//! Both formats share the layout:
//! * `&NAME` starts a synset; `+member` lines follow.
//! * `--- NAME [code] ---` starts a verb block; then verb lines `VERB {IRREGULAR FORMS} [code]`
//!   (`+ASK_FOR`, `WIRE_+TAP`: the word after `+` is the verb, `_` joins fixed words before and
//!   after it), pattern lines `- before * after [code]` and, in PETRARCH-2,
//!   `~ a (b c VERB) VERB = a b code` transformations.
//!
//! In PETRARCH-2 patterns `{A B}` is a noun phrase (last word the head), `(PREP ...)` a
//! prepositional phrase. In the linear format words are separated by spaces (other words may
//! intervene) or `_` (adjacent, stored as [`PatternToken::Join`]). In both, `$` marks the
//! source, `+` the target, `^` a skipped phrase, `%` a compound actor, `&NAME` a synset.

use std::fmt;

use crate::error::{Diag, DictError, DictWarning};
use crate::intern::{Code, CodeInterner, FastMap};
use crate::lines::{logical_lines, Line};

/// Which pattern syntax a verb file uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbFormat {
    /// PETRARCH-2: `{noun phrases}` and `(prepositional phrases)` in patterns.
    Petrarch2,
    /// PETRARCH-1 / TABARI: flat word sequences, `_` = adjacent.
    Linear,
}

/// An event code specification: `[042]`, `[042:043]`, `[:173]`, `[---]`.
///
/// `forward` is the code for source→target; `reverse` the code for the reverse direction
/// (target→source), used by paired codes. `[---]` (both `None`) means "do not code".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CodeSpec {
    pub forward: Option<Code>,
    pub reverse: Option<Code>,
}

impl CodeSpec {
    /// `[---]`: explicitly no event.
    pub fn is_null(&self) -> bool {
        self.forward.is_none() && self.reverse.is_none()
    }

    fn parse(inner: &str, codes: &mut CodeInterner) -> Result<CodeSpec, String> {
        let inner = inner.trim();
        if inner.is_empty() {
            return Err("empty code `[]`".into());
        }
        if inner.contains(char::is_whitespace) {
            return Err(format!("code `[{inner}]` contains spaces"));
        }
        let one = |s: &str, codes: &mut CodeInterner| -> Option<Code> {
            if s.is_empty() || s == "---" {
                None
            } else {
                Some(codes.intern(s))
            }
        };
        match inner.split_once(':') {
            Some((a, b)) => {
                if b.contains(':') {
                    return Err(format!("code `[{inner}]` has more than one `:`"));
                }
                Ok(CodeSpec {
                    forward: one(a, codes),
                    reverse: one(b, codes),
                })
            }
            None => Ok(CodeSpec {
                forward: one(inner, codes),
                reverse: None,
            }),
        }
    }
}

impl fmt::Display for CodeSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.forward, &self.reverse) {
            (None, None) => f.write_str("---"),
            (Some(a), None) => write!(f, "{a}"),
            (a, Some(b)) => write!(f, "{}:{b}", a.as_ref().map(Code::as_str).unwrap_or("")),
        }
    }
}

/// Index of a synset in [`VerbDictionary::synsets`].
pub type SynsetId = usize;

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternToken {
    /// A literal word, lowercase.
    Word(Box<str>),
    /// `&NAME`: any member of the synset.
    Synset(SynsetId),
    /// `$`: the source actor goes here.
    Source,
    /// `+`: the target actor goes here.
    Target,
    /// `^`: skip a phrase (e.g. a location) here.
    Skip,
    /// `%`: compound actor (source and target are the same compound subject).
    Compound,
    /// `{A B C}`: a noun phrase, the last token its head (PETRARCH-2 only).
    Noun(Vec<PatternToken>),
    /// `(PREP ...)`: a prepositional phrase, the first token the preposition (PETRARCH-2 only).
    Prep(Vec<PatternToken>),
    /// `_` between two tokens: the next token must immediately follow (linear format only).
    Join,
}

/// One `- ... [code]` pattern.
#[derive(Debug, Clone)]
pub struct VerbPattern {
    /// Tokens before the verb, in sentence order (the last one is nearest the verb).
    pub before: Vec<PatternToken>,
    /// Tokens after the verb, in sentence order.
    pub after: Vec<PatternToken>,
    pub code: CodeSpec,
    /// The block the pattern belongs to.
    pub block: usize,
    /// 1-based line in the file.
    pub line: usize,
    /// The pattern as written (without `-` and comment).
    pub text: String,
    /// The `#` comment (often the verb the pattern was written for).
    pub comment: Option<String>,
}

/// A surface form of a verb: the verb word plus fixed words around it (`ask` + `for`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbForm {
    /// The inflected verb word, lowercase (`asked`).
    pub word: String,
    /// Words that must immediately precede it (`wire` in `WIRE_+TAP`).
    pub before: Vec<String>,
    /// Words that must immediately follow it (`for` in `+ASK_FOR`).
    pub after: Vec<String>,
}

/// A verb line of a block.
#[derive(Debug, Clone)]
pub struct VerbEntry {
    /// The verb word as listed, lowercase (`ask`).
    pub lemma: String,
    /// Every surface form, the listed form first; generated (`-s`, `-ed`, `-ing`) unless the
    /// line gives `{irregular forms}` (`{}` = none).
    pub forms: Vec<VerbForm>,
    /// The verb's own code if the line has one, else the block code; `None` when `[---]`.
    pub base_code: Option<CodeSpec>,
    /// Index into [`VerbDictionary::blocks`]; its patterns apply to this verb.
    pub block: usize,
    pub line: usize,
    /// The verb line as written.
    pub text: String,
}

/// A `--- NAME [code] ---` block (blocks repeating a name are merged, as in PETRARCH).
#[derive(Debug, Clone)]
pub struct VerbBlock {
    pub name: String,
    pub code: CodeSpec,
    /// Entry ids of the block's verbs.
    pub verbs: Vec<usize>,
    pub patterns: Vec<VerbPattern>,
    pub line: usize,
}

/// A synset member.
#[derive(Debug, Clone)]
pub struct SynsetMember {
    /// As written after `+`.
    pub text: String,
    /// The member as a contiguous token sequence (words, nested synsets, phrases).
    pub tokens: Vec<PatternToken>,
    /// The generated plural (last word), unless the member ends in `_` or is not plain words.
    pub plural: Option<Vec<PatternToken>>,
    pub line: usize,
}

/// A `&NAME` synonym set.
#[derive(Debug, Clone)]
pub struct Synset {
    /// Name as written without `&` (e.g. `AUXVERB1_`).
    pub name: String,
    pub members: Vec<SynsetMember>,
    /// Line of the `&NAME` header (0 if only referenced, never defined).
    pub line: usize,
    /// Set when the synset is referenced by a name differing only by a trailing `_`.
    pub alias_of: Option<SynsetId>,
    /// Line of the first reference (for messages about undefined synsets).
    pub first_use: usize,
}

/// Argument of a transformation event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransformArg {
    /// A variable such as `a`, `b`.
    Var(String),
    /// `.`: anything.
    Any,
    /// `_`: nothing.
    Empty,
    /// A nested event `(source target VERB)`.
    Event(Box<TransformEvent>),
}

/// `source target VERB` in a transformation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransformEvent {
    pub source: TransformArg,
    pub target: TransformArg,
    /// Verb block name or code placeholder (`SAY`, `ATTACK`, `Q`).
    pub verb: String,
}

/// `~ a (a b ATTACK) SAY = a b 015`: an event about an event becomes a new event.
#[derive(Debug, Clone)]
pub struct Transformation {
    pub pattern: TransformEvent,
    /// Right-hand side tokens: usually `[source, target, code]` (`Q` = the inner code).
    pub result: Vec<String>,
    pub line: usize,
    pub text: String,
}

/// A verb dictionary.
#[derive(Debug, Clone)]
pub struct VerbDictionary {
    pub format: VerbFormat,
    pub synsets: Vec<Synset>,
    pub blocks: Vec<VerbBlock>,
    pub entries: Vec<VerbEntry>,
    pub transformations: Vec<Transformation>,
    /// Number of `---` block header lines read (blocks with a repeated name are merged).
    pub block_headers: usize,
    synset_ids: FastMap<String, SynsetId>,
    block_ids: FastMap<String, usize>,
    by_form: FastMap<String, Vec<(u32, u32)>>,
    by_lemma: FastMap<String, Vec<u32>>,
    codes: CodeInterner,
}

#[derive(Clone, Copy)]
enum Section {
    None,
    Synset(SynsetId),
    Block(usize),
}

/// Low-level token of a pattern body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lex<'a> {
    Open(char),
    Close(char),
    Atom(&'a str),
    Join,
}

/// Marker produced for `*` while parsing.
const VERB_MARK: &str = "\u{0}*";

impl VerbDictionary {
    pub fn new(format: VerbFormat) -> Self {
        VerbDictionary {
            format,
            synsets: Vec::new(),
            blocks: Vec::new(),
            entries: Vec::new(),
            transformations: Vec::new(),
            block_headers: 0,
            synset_ids: FastMap::default(),
            block_ids: FastMap::default(),
            by_form: FastMap::default(),
            by_lemma: FastMap::default(),
            codes: CodeInterner::default(),
        }
    }

    /// Guesses the format from the pattern lines: PETRARCH-2 uses `{}`/`()` phrases, the
    /// linear format `_` connectors.
    pub fn detect_format(src: &str) -> VerbFormat {
        let (mut phrases, mut joins) = (0usize, 0usize);
        for line in logical_lines(src) {
            let t = line.text;
            if t.starts_with('-') && !t.starts_with("---") {
                let body = t.rfind('[').map(|p| &t[..p]).unwrap_or(t);
                if body.contains(['(', '{']) {
                    phrases += 1;
                }
                if body.contains('_') {
                    joins += 1;
                }
            }
        }
        if joins > phrases {
            VerbFormat::Linear
        } else {
            VerbFormat::Petrarch2
        }
    }

    /// Parses a verb file, detecting its format.
    pub fn parse(src: &str, file: &str) -> Result<(Self, Vec<DictWarning>), DictError> {
        Self::parse_as(src, file, Self::detect_format(src))
    }

    /// Parses a verb file in the given format.
    pub fn parse_as(
        src: &str,
        file: &str,
        format: VerbFormat,
    ) -> Result<(Self, Vec<DictWarning>), DictError> {
        let mut dict = Self::new(format);
        let mut warnings = Vec::new();
        dict.add_source(src, file, &mut warnings)?;
        Ok((dict, warnings))
    }

    /// Parses a verb file in the given format, stopping at the first malformed line.
    pub fn parse_strict(src: &str, file: &str, format: VerbFormat) -> Result<Self, DictError> {
        let mut dict = Self::new(format);
        dict.add_source_with(src, file, &mut Vec::new(), true)?;
        Ok(dict)
    }

    /// Adds another verb file in this dictionary's format (blocks and synsets accumulate).
    /// Malformed lines are skipped with a warning.
    pub fn add_source(
        &mut self,
        src: &str,
        file: &str,
        warnings: &mut Vec<DictWarning>,
    ) -> Result<(), DictError> {
        self.add_source_with(src, file, warnings, false)
    }

    /// [`VerbDictionary::add_source`]; with `strict` a malformed line is an error.
    pub fn add_source_with(
        &mut self,
        src: &str,
        file: &str,
        warnings: &mut Vec<DictWarning>,
        strict: bool,
    ) -> Result<(), DictError> {
        let mut diag = Diag { file, warnings };
        let mut section = Section::None;
        for line in logical_lines(src) {
            let r = self.read_line(&line, &mut section, &mut diag);
            diag.recover(r, strict)?;
        }
        self.resolve_synsets(&mut diag);
        Ok(())
    }

    fn read_line(
        &mut self,
        line: &Line<'_>,
        section: &mut Section,
        diag: &mut Diag<'_>,
    ) -> Result<(), DictError> {
        let t = line.text;
        if t.starts_with("---") {
            *section = Section::Block(self.read_block_header(line, diag)?);
            self.block_headers += 1;
        } else if let Some(name) = t.strip_prefix('&') {
            let name = name.trim();
            if name.is_empty() || name.contains(char::is_whitespace) {
                return Err(diag.err(line.no, format!("bad synset name `&{name}`")));
            }
            let id = self.synset_id(name);
            let s = &mut self.synsets[id];
            if s.line != 0 && !s.members.is_empty() {
                diag.warn(
                    line.no,
                    format!("synset `&{name}` defined again; members added"),
                );
            }
            if s.line == 0 {
                s.line = line.no;
            }
            *section = Section::Synset(id);
        } else if let Some(body) = t.strip_prefix('-') {
            let Section::Block(b) = *section else {
                return Err(diag.err(
                    line.no,
                    "pattern line outside a `--- VERB [code] ---` block",
                ));
            };
            self.read_pattern(line, body, b, diag)?;
        } else if let Some(rest) = t.strip_prefix('~') {
            self.read_transformation(line, rest, diag)?;
        } else if t.starts_with('*') {
            let Section::Block(b) = *section else {
                return Err(diag.err(line.no, "pattern line outside a verb block"));
            };
            diag.warn(
                line.no,
                "pattern line without leading `-`; read as a pattern",
            );
            self.read_pattern(line, t, b, diag)?;
        } else {
            match *section {
                Section::Synset(s) if t.starts_with('+') => {
                    self.read_synset_member(line, &t[1..], s, diag)?;
                }
                Section::Block(b) => self.read_verb_line(line, b, diag)?,
                Section::Synset(_) => {
                    return Err(diag.err(line.no, "synset member must start with `+`"));
                }
                Section::None => {
                    return Err(diag.err(
                        line.no,
                        "line before any `&SYNSET` or `--- VERB [code] ---` header",
                    ));
                }
            }
        }
        Ok(())
    }

    fn synset_id(&mut self, name: &str) -> SynsetId {
        let key = name.to_uppercase();
        if let Some(&id) = self.synset_ids.get(&key) {
            return id;
        }
        let id = self.synsets.len();
        self.synsets.push(Synset {
            name: name.to_string(),
            members: Vec::new(),
            line: 0,
            alias_of: None,
            first_use: 0,
        });
        self.synset_ids.insert(key, id);
        id
    }

    /// Synsets referenced but never defined: `&PREPOSIT1` means `&PREPOSIT1_` (TABARI's
    /// trailing `_` only controls plurals).
    fn resolve_synsets(&mut self, diag: &mut Diag<'_>) {
        for id in 0..self.synsets.len() {
            if self.synsets[id].line != 0 || self.synsets[id].alias_of.is_some() {
                continue;
            }
            let name = self.synsets[id].name.to_uppercase();
            let alt = match name.strip_suffix('_') {
                Some(stem) => stem.to_string(),
                None => format!("{name}_"),
            };
            match self.synset_ids.get(&alt).copied() {
                Some(other) if self.synsets[other].line != 0 => {
                    self.synsets[id].alias_of = Some(other);
                    self.synsets[id].members = self.synsets[other].members.clone();
                }
                _ => diag.warn(
                    self.synsets[id].first_use,
                    format!(
                        "synset `&{}` is used but never defined",
                        self.synsets[id].name
                    ),
                ),
            }
        }
    }

    fn read_block_header(
        &mut self,
        line: &Line<'_>,
        diag: &mut Diag<'_>,
    ) -> Result<usize, DictError> {
        let inner = line.text.trim_matches('-').trim();
        let (name, code) = match inner.find('[') {
            Some(open) => {
                let Some(close) = inner[open..].find(']') else {
                    return Err(diag.err(line.no, "missing `]` in block header"));
                };
                let code = CodeSpec::parse(&inner[open + 1..open + close], &mut self.codes)
                    .map_err(|m| diag.err(line.no, m))?;
                let trailing =
                    inner[open + close + 1..].trim_matches(|c: char| c == '-' || c.is_whitespace());
                if !trailing.is_empty() {
                    if !trailing.starts_with('[') {
                        return Err(
                            diag.err(line.no, format!("unexpected `{trailing}` after block code"))
                        );
                    }
                    diag.warn(
                        line.no,
                        format!("block header has a second code `{trailing}`; the first is used"),
                    );
                }
                (inner[..open].trim(), code)
            }
            None => {
                // `--- DEFEND  ###`: keep the block (its verbs follow) with no code.
                let name = inner.split_whitespace().next().unwrap_or("");
                diag.warn(line.no, "block header without `[code]`; block has no code");
                (name, CodeSpec::default())
            }
        };
        if name.is_empty() {
            return Err(diag.err(line.no, "block header without a name"));
        }
        let key = name.to_uppercase();
        if let Some(&b) = self.block_ids.get(&key) {
            return Ok(b);
        }
        let id = self.blocks.len();
        self.blocks.push(VerbBlock {
            name: name.to_string(),
            code,
            verbs: Vec::new(),
            patterns: Vec::new(),
            line: line.no,
        });
        self.block_ids.insert(key, id);
        Ok(id)
    }

    /// Splits `body [code]` at the last `[`.
    fn split_code<'a>(
        &mut self,
        text: &'a str,
        line: usize,
        diag: &Diag<'_>,
    ) -> Result<(&'a str, Option<CodeSpec>), DictError> {
        let Some(open) = text.rfind('[') else {
            return Ok((text, None));
        };
        let Some(close_rel) = text[open..].find(']') else {
            return Err(diag.err(line, "missing `]` after code"));
        };
        if !text[open + close_rel + 1..].trim().is_empty() {
            return Err(diag.err(line, "unexpected text after `[code]`"));
        }
        let code = CodeSpec::parse(&text[open + 1..open + close_rel], &mut self.codes)
            .map_err(|m| diag.err(line, m))?;
        Ok((text[..open].trim(), Some(code)))
    }

    fn read_pattern(
        &mut self,
        line: &Line<'_>,
        body: &str,
        block: usize,
        diag: &Diag<'_>,
    ) -> Result<(), DictError> {
        let (body, code) = self.split_code(body, line.no, diag)?;
        let Some(code) = code else {
            return Err(diag.err(line.no, "pattern has no `[code]`"));
        };
        let tokens = self.parse_tokens(body, line.no, diag, true)?;
        let mut parts = tokens.split(|t| matches!(t, PatternToken::Word(w) if &**w == VERB_MARK));
        let before = parts.next().unwrap_or_default().to_vec();
        let Some(after) = parts.next() else {
            return Err(diag.err(line.no, "pattern has no `*` (verb position)"));
        };
        if parts.next().is_some() {
            return Err(diag.err(line.no, "pattern has more than one `*`"));
        }
        let after = after.to_vec();
        let pattern = VerbPattern {
            before,
            after,
            code,
            block,
            line: line.no,
            text: body.trim().to_string(),
            comment: line.comment.map(str::to_string),
        };
        if let Some(b) = self.blocks.get_mut(block) {
            b.patterns.push(pattern);
        }
        Ok(())
    }

    /// Tokenises a pattern body or synset member in this dictionary's format.
    fn parse_tokens(
        &mut self,
        body: &str,
        line: usize,
        diag: &Diag<'_>,
        allow_verb: bool,
    ) -> Result<Vec<PatternToken>, DictError> {
        let lex = match self.format {
            VerbFormat::Petrarch2 => lex_phrases(body, true),
            VerbFormat::Linear => lex_linear(body),
        };
        let mut pos = 0;
        let tokens = self.parse_group(&lex, &mut pos, None, line, diag, allow_verb)?;
        Ok(tokens)
    }

    fn parse_group(
        &mut self,
        lex: &[Lex<'_>],
        pos: &mut usize,
        close: Option<char>,
        line: usize,
        diag: &Diag<'_>,
        allow_verb: bool,
    ) -> Result<Vec<PatternToken>, DictError> {
        let mut out = Vec::new();
        while let Some(&tok) = lex.get(*pos) {
            *pos += 1;
            match tok {
                Lex::Open(c) => {
                    let want = if c == '{' { '}' } else { ')' };
                    let inner = self.parse_group(lex, pos, Some(want), line, diag, false)?;
                    if inner.is_empty() {
                        return Err(diag.err(line, format!("empty `{c}{want}` in pattern")));
                    }
                    out.push(if c == '{' {
                        PatternToken::Noun(inner)
                    } else {
                        PatternToken::Prep(inner)
                    });
                }
                Lex::Close(c) => {
                    if close == Some(c) {
                        return Ok(out);
                    }
                    return Err(diag.err(line, format!("unbalanced `{c}` in pattern")));
                }
                Lex::Join => out.push(PatternToken::Join),
                Lex::Atom(a) => match a {
                    "*" => {
                        if !allow_verb || close.is_some() {
                            return Err(diag.err(line, "`*` (verb) is not allowed here"));
                        }
                        out.push(PatternToken::Word(VERB_MARK.into()));
                    }
                    "$" => out.push(PatternToken::Source),
                    "+" => out.push(PatternToken::Target),
                    "^" => out.push(PatternToken::Skip),
                    "%" => out.push(PatternToken::Compound),
                    _ => {
                        if let Some(name) = a.strip_prefix('&') {
                            if name.is_empty() {
                                return Err(diag.err(line, "`&` without a synset name"));
                            }
                            let id = self.synset_id(name);
                            if let Some(s) = self.synsets.get_mut(id) {
                                if s.first_use == 0 {
                                    s.first_use = line;
                                }
                            }
                            out.push(PatternToken::Synset(id));
                        } else {
                            out.push(PatternToken::Word(a.to_lowercase().into()));
                        }
                    }
                },
            }
        }
        match close {
            Some(c) => Err(diag.err(line, format!("missing `{c}` in pattern"))),
            None => Ok(out),
        }
    }

    fn read_synset_member(
        &mut self,
        line: &Line<'_>,
        text: &str,
        synset: SynsetId,
        diag: &Diag<'_>,
    ) -> Result<(), DictError> {
        let text = text.trim();
        let tokens = self.parse_tokens(text, line.no, diag, false)?;
        // Drop stray joins at the ends (`CASH_` in the linear format).
        let tokens: Vec<PatternToken> = trim_joins(tokens);
        if tokens.is_empty() {
            return Err(diag.err(line.no, "empty synset member"));
        }
        let plain = tokens
            .iter()
            .all(|t| matches!(t, PatternToken::Word(_) | PatternToken::Join));
        let plural = if plain && !text.ends_with('_') {
            let mut p = tokens.clone();
            if let Some(PatternToken::Word(w)) = p.last_mut() {
                *w = noun_plural(w).into();
            }
            Some(p)
        } else {
            None
        };
        if let Some(s) = self.synsets.get_mut(synset) {
            s.members.push(SynsetMember {
                text: text.to_string(),
                tokens,
                plural,
                line: line.no,
            });
        }
        Ok(())
    }

    fn read_verb_line(
        &mut self,
        line: &Line<'_>,
        block: usize,
        diag: &mut Diag<'_>,
    ) -> Result<(), DictError> {
        // TABARI-era `;comment` after the forms.
        let text = line.text.split(';').next().unwrap_or("").trim();
        // `{forms}` and `[code]` may come in either order.
        let mut main = String::new();
        let mut braces: Option<&str> = None;
        let mut code_text: Option<&str> = None;
        let mut rest = text;
        while !rest.is_empty() {
            let Some(pos) = rest.find(['{', '[']) else {
                main.push_str(rest);
                break;
            };
            main.push_str(&rest[..pos]);
            let (close, slot) = if rest[pos..].starts_with('{') {
                ('}', &mut braces)
            } else {
                (']', &mut code_text)
            };
            let Some(end_rel) = rest[pos..].find(close) else {
                return Err(diag.err(line.no, format!("missing `{close}` in verb line")));
            };
            if slot.is_some() {
                return Err(diag.err(
                    line.no,
                    format!("more than one `{close}` group in verb line"),
                ));
            }
            *slot = Some(&rest[pos + 1..pos + end_rel]);
            rest = &rest[pos + end_rel + 1..];
        }
        let code = match code_text {
            Some(c) => Some(CodeSpec::parse(c, &mut self.codes).map_err(|m| diag.err(line.no, m))?),
            None => None,
        };
        let mut main = main.trim().to_string();
        if main.is_empty() {
            return Err(diag.err(line.no, "verb line without a verb"));
        }
        if main.contains(char::is_whitespace) {
            if braces.is_some()
                && text.find('{') < text.rfind(|c: char| c.is_alphanumeric())
                && !text.trim_end().ends_with(['}', ']'])
            {
                return Err(diag.err(
                    line.no,
                    format!("unexpected text after `{{forms}}` in `{text}`"),
                ));
            }
            let joined = main.split_whitespace().collect::<Vec<_>>().join("_");
            diag.warn(
                line.no,
                format!("verb `{main}` contains spaces; read as `{joined}`"),
            );
            main = joined;
        }
        let main = main.as_str();
        if main.contains(['(', ')', '[', ']', '{', '}', '*', '$', '&']) {
            return Err(diag.err(line.no, format!("bad verb `{main}`")));
        }
        let Some(first) = parse_verb_word(main) else {
            return Err(diag.err(line.no, format!("bad verb `{main}`")));
        };
        let mut forms = vec![first.clone()];
        match braces {
            Some(list) => {
                for item in list.split(|c: char| c.is_whitespace() || c == ',') {
                    if item.is_empty() {
                        continue;
                    }
                    let item = match item.strip_suffix('+') {
                        Some(stripped) if !stripped.contains('+') => {
                            diag.warn(
                                line.no,
                                format!("verb form `{item}` ends in `+`; read as `+{stripped}`"),
                            );
                            stripped
                        }
                        _ => item,
                    };
                    let Some(mut f) = parse_verb_word(item) else {
                        return Err(diag.err(line.no, format!("bad verb form `{item}`")));
                    };
                    let item_has_compound = item.contains(['_', '+']);
                    if !item_has_compound {
                        f.before = first.before.clone();
                        f.after = first.after.clone();
                    }
                    if !forms.contains(&f) {
                        forms.push(f);
                    }
                }
            }
            None => {
                for word in regular_verb_forms(&first.word) {
                    let f = VerbForm {
                        word,
                        before: first.before.clone(),
                        after: first.after.clone(),
                    };
                    if !forms.contains(&f) {
                        forms.push(f);
                    }
                }
            }
        }
        let Some(b) = self.blocks.get(block) else {
            return Err(diag.err(line.no, "verb line outside a block"));
        };
        let spec = code.unwrap_or_else(|| b.code.clone());
        let base_code = if spec.is_null() { None } else { Some(spec) };
        let id = self.entries.len();
        for (fi, f) in forms.iter().enumerate() {
            self.by_form
                .entry(f.word.clone())
                .or_default()
                .push((id as u32, fi as u32));
        }
        self.by_lemma
            .entry(first.word.clone())
            .or_default()
            .push(id as u32);
        self.entries.push(VerbEntry {
            lemma: first.word,
            forms,
            base_code,
            block,
            line: line.no,
            text: line.text.to_string(),
        });
        if let Some(b) = self.blocks.get_mut(block) {
            b.verbs.push(id);
        }
        Ok(())
    }

    fn read_transformation(
        &mut self,
        line: &Line<'_>,
        rest: &str,
        diag: &Diag<'_>,
    ) -> Result<(), DictError> {
        let Some((lhs, rhs)) = rest.split_once('=') else {
            return Err(diag.err(line.no, "transformation needs `=`"));
        };
        let lex = lex_phrases(lhs, false);
        let mut pos = 0;
        let pattern = parse_transform_event(&lex, &mut pos, None)
            .map_err(|m| diag.err(line.no, format!("bad transformation: {m}")))?;
        let result: Vec<String> = rhs.split_whitespace().map(str::to_string).collect();
        if result.is_empty() {
            return Err(diag.err(line.no, "transformation has nothing after `=`"));
        }
        self.transformations.push(Transformation {
            pattern,
            result,
            line: line.no,
            text: line.text.to_string(),
        });
        Ok(())
    }

    // ----- lookups -----

    /// Every verb form whose verb word is `word_lower` (e.g. `"asked"`), with its entry. The
    /// caller checks `form.before` / `form.after` against the neighbouring words. Entries come
    /// in file order (PETRARCH uses the first definition of a verb).
    pub fn lookup_form<'a>(
        &'a self,
        word_lower: &str,
    ) -> impl Iterator<Item = (&'a VerbEntry, &'a VerbForm)> + 'a {
        self.by_form
            .get(word_lower)
            .map(|v| v.as_slice())
            .unwrap_or_default()
            .iter()
            .filter_map(|&(e, f)| {
                let entry = self.entries.get(e as usize)?;
                Some((entry, entry.forms.get(f as usize)?))
            })
    }

    /// Entries whose listed verb word is `lemma_lower`.
    pub fn entries_for_lemma<'a>(
        &'a self,
        lemma_lower: &str,
    ) -> impl Iterator<Item = &'a VerbEntry> + 'a {
        self.by_lemma
            .get(lemma_lower)
            .map(|v| v.as_slice())
            .unwrap_or_default()
            .iter()
            .filter_map(|&e| self.entries.get(e as usize))
    }

    /// The patterns that apply to a verb (its block's patterns, in file order).
    pub fn patterns(&self, entry: &VerbEntry) -> &[VerbPattern] {
        self.blocks
            .get(entry.block)
            .map(|b| b.patterns.as_slice())
            .unwrap_or_default()
    }

    /// The block a verb belongs to.
    pub fn block_of(&self, entry: &VerbEntry) -> Option<&VerbBlock> {
        self.blocks.get(entry.block)
    }

    /// A block by name (case-insensitive).
    pub fn block_by_name(&self, name: &str) -> Option<&VerbBlock> {
        self.blocks.get(*self.block_ids.get(&name.to_uppercase())?)
    }

    /// A synset by name without `&` (case-insensitive).
    pub fn synset_by_name(&self, name: &str) -> Option<&Synset> {
        self.synsets
            .get(*self.synset_ids.get(&name.to_uppercase())?)
    }

    /// Number of patterns over all blocks.
    pub fn pattern_count(&self) -> usize {
        self.blocks.iter().map(|b| b.patterns.len()).sum()
    }

    /// Number of synsets defined in the files (excluding names only referenced).
    pub fn defined_synset_count(&self) -> usize {
        self.synsets.iter().filter(|s| s.line != 0).count()
    }

    /// Longest match of a plain-word member of synset `id` (its own words, plurals and nested
    /// synsets) at `start` in lowercase `words_lower`: the number of words matched. Members
    /// that are phrases (`(TO THE END)`) are not matched here.
    pub fn synset_match(&self, id: SynsetId, words_lower: &[&str], start: usize) -> Option<usize> {
        self.synset_match_depth(id, words_lower, start, 0)
    }

    fn synset_match_depth(
        &self,
        id: SynsetId,
        words: &[&str],
        start: usize,
        depth: usize,
    ) -> Option<usize> {
        if depth > 8 {
            return None;
        }
        let s = self.synsets.get(id)?;
        let mut best: Option<usize> = None;
        for m in &s.members {
            for seq in std::iter::once(&m.tokens).chain(m.plural.as_ref()) {
                if let Some(n) = self.match_seq(seq, words, start, depth) {
                    best = Some(best.map_or(n, |b| b.max(n)));
                }
            }
        }
        best
    }

    fn match_seq(
        &self,
        seq: &[PatternToken],
        words: &[&str],
        start: usize,
        depth: usize,
    ) -> Option<usize> {
        let mut pos = start;
        for t in seq {
            match t {
                PatternToken::Word(w) => {
                    if words.get(pos).map(|x| *x == &**w) != Some(true) {
                        return None;
                    }
                    pos += 1;
                }
                PatternToken::Join => {}
                PatternToken::Synset(inner) => {
                    pos += self.synset_match_depth(*inner, words, pos, depth + 1)?;
                }
                _ => return None,
            }
        }
        if pos > start {
            Some(pos - start)
        } else {
            None
        }
    }
}

fn trim_joins(mut tokens: Vec<PatternToken>) -> Vec<PatternToken> {
    while tokens.last() == Some(&PatternToken::Join) {
        tokens.pop();
    }
    while tokens.first() == Some(&PatternToken::Join) {
        tokens.remove(0);
    }
    tokens
}

/// PETRARCH-2 lexer: `{ } ( )` are tokens; `_` joins words of one phrase, which must then be
/// adjacent in the text (`NEW_&TIETYPES_RELATIONS`): with `joins` a [`Lex::Join`] marks that
/// (pattern lines), without it the words are just split (transformations).
fn lex_phrases(body: &str, joins: bool) -> Vec<Lex<'_>> {
    fn flush<'a>(out: &mut Vec<Lex<'a>>, s: &'a str, joins: bool) {
        let mut first = true;
        for w in s.split('_').filter(|w| !w.is_empty()) {
            if joins && !first {
                out.push(Lex::Join);
            }
            first = false;
            out.push(Lex::Atom(w));
        }
    }
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in body.char_indices() {
        let is_sep = c.is_whitespace() || matches!(c, '{' | '}' | '(' | ')' | '*');
        if is_sep {
            if let Some(s) = start.take() {
                flush(&mut out, &body[s..i], joins);
            }
            match c {
                '{' | '(' => out.push(Lex::Open(c)),
                '}' | ')' => out.push(Lex::Close(c)),
                '*' => out.push(Lex::Atom("*")),
                _ => {}
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        flush(&mut out, &body[s..], joins);
    }
    out
}

/// Linear lexer: whitespace separates (gap allowed), `_` joins (adjacent).
fn lex_linear(body: &str) -> Vec<Lex<'_>> {
    let mut out = Vec::new();
    for chunk in body.split_whitespace() {
        let mut first = true;
        for piece in chunk.split('_').filter(|p| !p.is_empty()) {
            if !first {
                out.push(Lex::Join);
            }
            first = false;
            // `*` glued to a word (`*SCEPTICAL`) is still the verb position.
            let mut rest = piece;
            while let Some(pos) = rest.find('*') {
                if pos > 0 {
                    out.push(Lex::Atom(&rest[..pos]));
                }
                out.push(Lex::Atom("*"));
                rest = &rest[pos + 1..];
            }
            if !rest.is_empty() {
                out.push(Lex::Atom(rest));
            }
        }
    }
    out
}

fn parse_transform_event(
    lex: &[Lex<'_>],
    pos: &mut usize,
    close: Option<char>,
) -> Result<TransformEvent, String> {
    let mut args: Vec<TransformArg> = Vec::new();
    while let Some(&tok) = lex.get(*pos) {
        *pos += 1;
        match tok {
            Lex::Open('(') => args.push(TransformArg::Event(Box::new(parse_transform_event(
                lex,
                pos,
                Some(')'),
            )?))),
            Lex::Open(c) => return Err(format!("unexpected `{c}`")),
            Lex::Close(c) => {
                if close == Some(c) {
                    break;
                }
                return Err(format!("unbalanced `{c}`"));
            }
            Lex::Join => args.push(TransformArg::Empty),
            Lex::Atom(".") => args.push(TransformArg::Any),
            Lex::Atom(a) => args.push(TransformArg::Var(a.to_string())),
        }
    }
    // `_` is split away by the phrase lexer, so an empty slot shows up as a missing argument.
    if args.len() == 2 {
        args.insert(0, TransformArg::Empty);
    }
    if args.len() != 3 {
        return Err(format!(
            "expected `source target VERB`, found {} items",
            args.len()
        ));
    }
    let verb = match args.pop() {
        Some(TransformArg::Var(v)) => v,
        _ => return Err("the last item must be a verb".into()),
    };
    let target = args.pop().ok_or("missing target")?;
    let source = args.pop().ok_or("missing source")?;
    Ok(TransformEvent {
        source,
        target,
        verb,
    })
}

/// Parses `WORD`, `+ASK_FOR`, `WIRE_+TAP`, `FRONT_+VERB_BACK` into a form (lowercase).
fn parse_verb_word(text: &str) -> Option<VerbForm> {
    let split_words = |s: &str| -> Vec<String> {
        s.split('_')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (front, rest) = match text.split_once('+') {
        Some((f, r)) => (split_words(f), r),
        None => (Vec::new(), text),
    };
    if rest.contains('+') {
        return None;
    }
    let mut words = split_words(rest).into_iter();
    let word = words.next()?;
    Some(VerbForm {
        word,
        before: front,
        after: words.collect(),
    })
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// `-s`, `-ed`, `-ing` forms of a lowercase verb, PETRARCH's rules made a little more
/// careful: `-es` after s/x/z/ch/sh, `-ies`/`-ied` only after a consonant + y.
pub(crate) fn regular_verb_forms(stem: &str) -> Vec<String> {
    let chars: Vec<char> = stem.chars().collect();
    let last = chars.last().copied().unwrap_or(' ');
    let prev = if chars.len() >= 2 {
        chars[chars.len() - 2]
    } else {
        ' '
    };
    let body: String = chars[..chars.len().saturating_sub(1)].iter().collect();
    let consonant_y = last == 'y' && !is_vowel(prev);
    let s = if matches!(last, 's' | 'x' | 'z') || stem.ends_with("ch") || stem.ends_with("sh") {
        format!("{stem}es")
    } else if consonant_y {
        format!("{body}ies")
    } else {
        format!("{stem}s")
    };
    let ed = if last == 'e' {
        format!("{stem}d")
    } else if consonant_y {
        format!("{body}ied")
    } else {
        format!("{stem}ed")
    };
    let ing = if last == 'e' && chars.len() > 2 && !is_vowel(prev) {
        format!("{body}ing")
    } else {
        format!("{stem}ing")
    };
    vec![s, ed, ing]
}

/// Plural of a (lowercase) noun for synset members.
fn noun_plural(noun: &str) -> String {
    let chars: Vec<char> = noun.chars().collect();
    let last = chars.last().copied().unwrap_or(' ');
    let prev = if chars.len() >= 2 {
        chars[chars.len() - 2]
    } else {
        ' '
    };
    if last == 'y' && !is_vowel(prev) {
        format!("{}ies", &noun[..noun.len() - 1])
    } else if matches!(last, 's' | 'x' | 'z') || noun.ends_with("ch") || noun.ends_with("sh") {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PETR2: &str = "\
# header
####### SYNONYM SETS #######
&CURRENCY
+MONEY
+CASH_
+SWISS FRANCS
&WEAPON
+GUN
+ASSAULT_RIFLE
&ARMS
+&WEAPON
+(TO THE END)

####### VERB PATTERNS #######
---  ARRANGE   [---]  ---
ARRANGE
PUT {PUTS PUTTING }  # HUX
+SET_UP {+SETS_UP +SETTING_UP }
WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}
HURRY [042:043]
- * (TO A VOTE)                                       [014]         # PUT
- * OFF (FROM ^)                                      [042]         # SET
- &CURRENCY * {MOCK ATTACKS} $                        [062:062]     # STAGE
- * (BEFORE COURT)                                    [:173]
- $ * (AS &NEGOTIATOR) (IN TALK) (WITH +)             [045]
- % &AIRCRAFT *                                       [---]
- * DIPLXMATIC [###]

--- ASK [020] ---
+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]
QUERY {QUERYING QUERIES QUERIED }
+ANGERED_BY {}
~ a (a b ATTACK) SAY = a b 015
~ a (_ b ASSASSINATE) ATTEMPT = a b 185
";

    fn parse2() -> (VerbDictionary, Vec<DictWarning>) {
        VerbDictionary::parse(PETR2, "v.txt").unwrap()
    }

    #[test]
    fn detects_petrarch2_and_counts() {
        let (d, warnings) = parse2();
        assert_eq!(d.format, VerbFormat::Petrarch2);
        assert_eq!(d.blocks.len(), 2);
        assert_eq!(d.defined_synset_count(), 3);
        assert_eq!(d.pattern_count(), 7);
        assert_eq!(d.entries.len(), 8);
        assert_eq!(d.transformations.len(), 2);
        // &NEGOTIATOR and &AIRCRAFT are undefined.
        assert_eq!(warnings.len(), 2, "{warnings:?}");
    }

    #[test]
    fn verb_forms_and_compounds() {
        let (d, _) = parse2();
        let words =
            |w: &str| -> Vec<String> { d.lookup_form(w).map(|(e, _)| e.lemma.clone()).collect() };
        assert_eq!(words("arranged"), ["arrange"]);
        assert_eq!(words("arranging"), ["arrange"]);
        assert_eq!(words("puts"), ["put"]);
        assert!(
            words("putted").is_empty(),
            "irregular list replaces generation"
        );
        let (e, f) = d.lookup_form("setting").next().unwrap();
        assert_eq!(
            (e.lemma.as_str(), f.after.as_slice()),
            ("set", &["up".to_string()][..])
        );
        let (_, f) = d.lookup_form("tapped").next().unwrap();
        assert_eq!(f.before, ["wire"]);
        let (e, _) = d.lookup_form("hurried").next().unwrap();
        assert_eq!(e.base_code.as_ref().unwrap().to_string(), "042:043");
        assert!(d
            .lookup_form("arrange")
            .next()
            .unwrap()
            .0
            .base_code
            .is_none());
        let (e, f) = d.lookup_form("asked").next().unwrap();
        assert_eq!(f.after, ["for"]);
        assert_eq!(
            e.base_code.as_ref().unwrap().forward.as_ref().unwrap(),
            "020"
        );
        assert_eq!(d.lookup_form("angered").count(), 1);
        assert_eq!(d.lookup_form("angereds").count(), 0);
        assert_eq!(d.patterns(e).len(), 0);
        assert_eq!(d.entries_for_lemma("query").count(), 1);
    }

    #[test]
    fn pattern_structure() {
        let (d, _) = parse2();
        let b = d.block_by_name("arrange").unwrap();
        let p = &b.patterns[0];
        assert!(p.before.is_empty());
        assert_eq!(
            p.after,
            vec![PatternToken::Prep(vec![
                PatternToken::Word("to".into()),
                PatternToken::Word("a".into()),
                PatternToken::Word("vote".into())
            ])]
        );
        assert_eq!(p.comment.as_deref(), Some("PUT"));
        let p = &b.patterns[2];
        assert!(matches!(p.before[0], PatternToken::Synset(_)));
        assert!(matches!(p.after[0], PatternToken::Noun(ref v) if v.len() == 2));
        assert_eq!(p.after[1], PatternToken::Source);
        assert_eq!(p.code.to_string(), "062:062");
        assert_eq!(b.patterns[3].code.forward, None);
        assert_eq!(b.patterns[3].code.reverse.as_ref().unwrap(), "173");
        assert!(b.patterns[5].code.is_null());
        assert_eq!(b.patterns[5].before[0], PatternToken::Compound);
        assert_eq!(b.patterns[6].code.forward.as_ref().unwrap(), "###");
    }

    #[test]
    fn synsets_members_plurals_nesting() {
        let (d, _) = parse2();
        let cur = d.synset_by_name("currency").unwrap();
        assert_eq!(cur.members.len(), 3);
        assert!(cur.members[1].plural.is_none(), "CASH_ has no plural");
        let id = d.synsets.iter().position(|s| s.name == "ARMS").unwrap();
        assert_eq!(d.synset_match(id, &["assault", "rifles", "x"], 0), Some(2));
        assert_eq!(d.synset_match(id, &["a", "gun"], 1), Some(1));
        assert_eq!(d.synset_match(id, &["guns"], 0), Some(1));
        assert_eq!(d.synset_match(id, &["rifle"], 0), None);
        let cur_id = d.synsets.iter().position(|s| s.name == "CURRENCY").unwrap();
        assert_eq!(d.synset_match(cur_id, &["swiss", "francs"], 0), Some(2));
    }

    #[test]
    fn transformations_parse() {
        let (d, _) = parse2();
        let t = &d.transformations[0];
        assert_eq!(t.pattern.verb, "SAY");
        assert_eq!(t.pattern.source, TransformArg::Var("a".into()));
        let TransformArg::Event(inner) = &t.pattern.target else {
            panic!()
        };
        assert_eq!(inner.verb, "ATTACK");
        assert_eq!(t.result, ["a", "b", "015"]);
        let TransformArg::Event(inner) = &d.transformations[1].pattern.target else {
            panic!()
        };
        assert_eq!(inner.source, TransformArg::Empty);
    }

    const LINEAR: &str = "\
<!-- SYNSETS -->
&PREPOSIT1_
+AGAINST
+IN
--- ACCORD  [---] ---
ACCORD
KLM_NOP_+RST [002]
- SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS  [111]
- IN_*  [075A]
- * &PREPOSIT1 RESOLUTION  [102]
- SO IN_AND_*_OUT_AGAIN NOW [074]
&GENINT
+GENEVA
";

    #[test]
    fn linear_format() {
        let (d, w) = VerbDictionary::parse(LINEAR, "l.txt").unwrap();
        assert_eq!(d.format, VerbFormat::Linear);
        assert!(w.is_empty(), "{w:?}");
        let b = d.block_by_name("ACCORD").unwrap();
        let p = &b.patterns[0];
        assert_eq!(
            p.before,
            vec![
                PatternToken::Word("suggested".into()),
                PatternToken::Join,
                PatternToken::Target
            ]
        );
        assert_eq!(p.after.len(), 5);
        assert_eq!(p.after[1], PatternToken::Join);
        let p = &b.patterns[1];
        assert_eq!(p.before.last(), Some(&PatternToken::Join));
        assert_eq!(p.code.forward.as_ref().unwrap(), "075A");
        let PatternToken::Synset(s) = b.patterns[2].after[0] else {
            panic!()
        };
        assert_eq!(
            d.synsets[s].alias_of,
            d.synsets.iter().position(|s| s.name == "PREPOSIT1_")
        );
        assert_eq!(d.synset_match(s, &["in"], 0), Some(1));
        let p = &b.patterns[3];
        assert_eq!(p.after.first(), Some(&PatternToken::Join));
        let (_, f) = d.lookup_form("rst").next().unwrap();
        assert_eq!(f.before, ["klm", "nop"]);
    }

    #[test]
    fn malformed_lines_report_lines() {
        let cases = [
            ("--- A [01] ---\n- * X\n", 2),
            ("--- A [01] ---\n- X [01]\n", 2),
            ("--- A [01] ---\n- * * [01]\n", 2),
            ("--- A [01] ---\n- * (X [01]\n", 2),
            ("--- A [01] ---\n- * X} [01]\n", 2),
            ("FOO\n", 1),
            ("- * X [01]\n", 1),
            ("&S\nFOO\n", 2),
            ("--- A [01] ---\nB {C\n", 2),
            ("--- A [01] ---\nB {C} D\n", 2),
            ("--- A [01] ---\nB {C} {D}\n", 2),
            ("--- A [01] ---\n~ a b\n", 2),
            ("--- A [01] ---\n- * X [a:b:c]\n", 2),
        ];
        for (src, line) in cases {
            let e = VerbDictionary::parse_strict(src, "v.txt", VerbFormat::Petrarch2).unwrap_err();
            assert_eq!(e.line(), Some(line), "{src:?}: {e}");
            assert!(e.to_string().starts_with(&format!("v.txt:{line}:")));
        }
    }

    #[test]
    fn regular_forms() {
        assert_eq!(
            regular_verb_forms("accelerate"),
            ["accelerates", "accelerated", "accelerating"]
        );
        assert_eq!(
            regular_verb_forms("reach"),
            ["reaches", "reached", "reaching"]
        );
        assert_eq!(regular_verb_forms("deny"), ["denies", "denied", "denying"]);
        assert_eq!(regular_verb_forms("play"), ["plays", "played", "playing"]);
        assert_eq!(regular_verb_forms("see"), ["sees", "seed", "seeing"]);
        assert_eq!(noun_plural("rifle"), "rifles");
        assert_eq!(noun_plural("city"), "cities");
        assert_eq!(noun_plural("box"), "boxes");
    }

    /// In PETRARCH-2 patterns `_` keeps words adjacent; transformations only split on it.
    #[test]
    fn petrarch2_underscore_is_adjacency_in_patterns() {
        let src = "---  ABANDON   [---]  ---\nABANDON\n- * NEW_TRADE_RELATIONS [1121]\n";
        let d = VerbDictionary::parse_strict(src, "v.txt", VerbFormat::Petrarch2).unwrap();
        let b = d.block_by_name("ABANDON").unwrap();
        assert_eq!(
            b.patterns[0].after,
            vec![
                PatternToken::Word("new".into()),
                PatternToken::Join,
                PatternToken::Word("trade".into()),
                PatternToken::Join,
                PatternToken::Word("relations".into()),
            ]
        );
    }
}
