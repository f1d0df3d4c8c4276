//! Types shared by every stage of the dyad pipeline.
//!
//! A [`Document`] flows one way: `dyad-ingest` fills its text, blocks and date;
//! `dyad-sentences` adds [`Sentence`]s with [`Token`]s; `dyad-tags` fills each
//! token's tag; `dyad-phrases` adds phrases, clauses and quotes; `dyad-code`
//! turns that into [`EventRecord`]s. Offsets are byte offsets into
//! `Document::text` unless a field says otherwise, so every annotation can be
//! traced back to the characters it came from.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

mod cameo;
pub mod hash;
pub mod lower;
pub use cameo::{CameoEntry, CameoTable, PloverMapping, QuadClass};
mod event;
pub use event::{EventRecord, EventSpans, Location, Plover};

/// A half-open byte range `[start, end)` into some text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// The text this span covers; empty if the span does not fit `text`
    /// (never panics, because spans may come from user-supplied data).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// The same range, moved so that `origin` becomes 0.
    pub fn relative_to(&self, origin: usize) -> Span {
        Span::new(
            self.start.saturating_sub(origin),
            self.end.saturating_sub(origin),
        )
    }
}

/// Where a document's date came from. Serialised as the contract's
/// `date_source` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// The document's own `date` field.
    Given,
    /// Found in the text (byline, dateline, ISO date).
    Text,
    /// `--date`, or today when no date was given at all.
    #[default]
    Default,
}

impl DateSource {
    pub fn as_str(&self) -> &'static str {
        match self {
            DateSource::Given => "given",
            DateSource::Text => "text",
            DateSource::Default => "default",
        }
    }
}

/// Why a block of a page is not news body. Boilerplate never yields events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Boilerplate {
    /// Site navigation: "Select Page", "Home | News | Contact".
    Navigation,
    /// A headline repeated verbatim (pages often print the title twice).
    RepeatedHeadline,
    /// A photo caption or credit: "Photo: ...", "(AP Photo/...)".
    Caption,
    /// Donation, subscription, newsletter or share footers.
    Footer,
    /// A byline or dateline line holding only the author or date.
    Byline,
}

impl Boilerplate {
    pub fn as_str(&self) -> &'static str {
        match self {
            Boilerplate::Navigation => "navigation",
            Boilerplate::RepeatedHeadline => "repeated_headline",
            Boilerplate::Caption => "caption",
            Boilerplate::Footer => "footer",
            Boilerplate::Byline => "byline",
        }
    }
}

/// What a block of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "why")]
pub enum BlockKind {
    /// Running text of the story.
    Body,
    /// The story's headline or a sub-headline: coded, but flagged.
    Headline,
    /// Page furniture that must not produce events.
    Boilerplate(Boilerplate),
}

/// A paragraph or line of a document as ingest found it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub span: Span,
    pub kind: BlockKind,
}

/// A relative time mention ("on Thursday", "yesterday") resolved against
/// the document date, for the coder to date events more precisely.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeMention {
    pub span: Span,
    /// The resolved calendar date (start of the period for "last week").
    pub date: NaiveDate,
    /// `day`, `week`, `month` or `year`: how precise `date` is.
    pub precision: String,
}

/// Penn Treebank part-of-speech tag, interned as a small enum so that the
/// coder matches on it without string compares.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[allow(clippy::upper_case_acronyms)]
pub enum Tag {
    CC,
    CD,
    DT,
    EX,
    FW,
    IN,
    JJ,
    JJR,
    JJS,
    LS,
    MD,
    NN,
    NNS,
    NNP,
    NNPS,
    PDT,
    POS,
    PRP,
    PRPS,
    RB,
    RBR,
    RBS,
    RP,
    SYM,
    TO,
    UH,
    VB,
    VBD,
    VBG,
    VBN,
    VBP,
    VBZ,
    WDT,
    WP,
    WPS,
    WRB,
    /// Punctuation and symbols: `, . : `` '' -LRB- -RRB- # $ HYPH NFP`.
    Comma,
    Period,
    Colon,
    OpenQuote,
    CloseQuote,
    LRB,
    RRB,
    Hash,
    Dollar,
    Hyph,
    /// Not yet tagged, or a tag this enum does not know.
    #[default]
    X,
}

impl Tag {
    /// Every tag, in a fixed order (the tagger's class index).
    pub const ALL: [Tag; 47] = [
        Tag::CC,
        Tag::CD,
        Tag::DT,
        Tag::EX,
        Tag::FW,
        Tag::IN,
        Tag::JJ,
        Tag::JJR,
        Tag::JJS,
        Tag::LS,
        Tag::MD,
        Tag::NN,
        Tag::NNS,
        Tag::NNP,
        Tag::NNPS,
        Tag::PDT,
        Tag::POS,
        Tag::PRP,
        Tag::PRPS,
        Tag::RB,
        Tag::RBR,
        Tag::RBS,
        Tag::RP,
        Tag::SYM,
        Tag::TO,
        Tag::UH,
        Tag::VB,
        Tag::VBD,
        Tag::VBG,
        Tag::VBN,
        Tag::VBP,
        Tag::VBZ,
        Tag::WDT,
        Tag::WP,
        Tag::WPS,
        Tag::WRB,
        Tag::Comma,
        Tag::Period,
        Tag::Colon,
        Tag::OpenQuote,
        Tag::CloseQuote,
        Tag::LRB,
        Tag::RRB,
        Tag::Hash,
        Tag::Dollar,
        Tag::Hyph,
        Tag::X,
    ];

    /// The Penn Treebank spelling of the tag.
    pub fn penn(&self) -> &'static str {
        match self {
            Tag::CC => "CC",
            Tag::CD => "CD",
            Tag::DT => "DT",
            Tag::EX => "EX",
            Tag::FW => "FW",
            Tag::IN => "IN",
            Tag::JJ => "JJ",
            Tag::JJR => "JJR",
            Tag::JJS => "JJS",
            Tag::LS => "LS",
            Tag::MD => "MD",
            Tag::NN => "NN",
            Tag::NNS => "NNS",
            Tag::NNP => "NNP",
            Tag::NNPS => "NNPS",
            Tag::PDT => "PDT",
            Tag::POS => "POS",
            Tag::PRP => "PRP",
            Tag::PRPS => "PRP$",
            Tag::RB => "RB",
            Tag::RBR => "RBR",
            Tag::RBS => "RBS",
            Tag::RP => "RP",
            Tag::SYM => "SYM",
            Tag::TO => "TO",
            Tag::UH => "UH",
            Tag::VB => "VB",
            Tag::VBD => "VBD",
            Tag::VBG => "VBG",
            Tag::VBN => "VBN",
            Tag::VBP => "VBP",
            Tag::VBZ => "VBZ",
            Tag::WDT => "WDT",
            Tag::WP => "WP",
            Tag::WPS => "WP$",
            Tag::WRB => "WRB",
            Tag::Comma => ",",
            Tag::Period => ".",
            Tag::Colon => ":",
            Tag::OpenQuote => "``",
            Tag::CloseQuote => "''",
            Tag::LRB => "-LRB-",
            Tag::RRB => "-RRB-",
            Tag::Hash => "#",
            Tag::Dollar => "$",
            Tag::Hyph => "HYPH",
            Tag::X => "XX",
        }
    }

    /// Parse a Penn tag as CoreNLP or spaCy print it; unknown tags give `None`.
    pub fn from_penn(s: &str) -> Option<Tag> {
        Some(match s {
            "CC" => Tag::CC,
            "CD" => Tag::CD,
            "DT" => Tag::DT,
            "EX" => Tag::EX,
            "FW" => Tag::FW,
            "IN" => Tag::IN,
            "JJ" => Tag::JJ,
            "JJR" => Tag::JJR,
            "JJS" => Tag::JJS,
            "LS" => Tag::LS,
            "MD" => Tag::MD,
            "NN" => Tag::NN,
            "NNS" => Tag::NNS,
            "NNP" => Tag::NNP,
            "NNPS" => Tag::NNPS,
            "PDT" => Tag::PDT,
            "POS" => Tag::POS,
            "PRP" => Tag::PRP,
            "PRP$" => Tag::PRPS,
            "RB" => Tag::RB,
            "RBR" => Tag::RBR,
            "RBS" => Tag::RBS,
            "RP" => Tag::RP,
            "SYM" => Tag::SYM,
            "TO" => Tag::TO,
            "UH" => Tag::UH,
            "VB" => Tag::VB,
            "VBD" => Tag::VBD,
            "VBG" => Tag::VBG,
            "VBN" => Tag::VBN,
            "VBP" => Tag::VBP,
            "VBZ" => Tag::VBZ,
            "WDT" => Tag::WDT,
            "WP" => Tag::WP,
            "WP$" => Tag::WPS,
            "WRB" => Tag::WRB,
            "," => Tag::Comma,
            "." => Tag::Period,
            ":" => Tag::Colon,
            "``" => Tag::OpenQuote,
            "''" => Tag::CloseQuote,
            "-LRB-" | "(" => Tag::LRB,
            "-RRB-" | ")" => Tag::RRB,
            "#" => Tag::Hash,
            "$" => Tag::Dollar,
            "HYPH" => Tag::Hyph,
            "NFP" | "ADD" | "AFX" | "XX" | "_SP" | "-NONE-" => Tag::X,
            _ => return None,
        })
    }

    /// The Universal POS tag this Penn tag maps to (the UD project's mapping).
    pub fn upos(&self) -> &'static str {
        match self {
            Tag::CC => "CCONJ",
            Tag::CD => "NUM",
            Tag::DT | Tag::PDT | Tag::WDT => "DET",
            Tag::EX | Tag::PRP | Tag::PRPS | Tag::WP | Tag::WPS => "PRON",
            Tag::FW | Tag::LS | Tag::X => "X",
            Tag::IN => "ADP",
            Tag::JJ | Tag::JJR | Tag::JJS => "ADJ",
            Tag::MD => "AUX",
            Tag::NN | Tag::NNS => "NOUN",
            Tag::NNP | Tag::NNPS => "PROPN",
            Tag::POS | Tag::RP | Tag::TO => "PART",
            Tag::RB | Tag::RBR | Tag::RBS | Tag::WRB => "ADV",
            Tag::SYM | Tag::Hash | Tag::Dollar => "SYM",
            Tag::UH => "INTJ",
            Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ => "VERB",
            Tag::Comma
            | Tag::Period
            | Tag::Colon
            | Tag::OpenQuote
            | Tag::CloseQuote
            | Tag::LRB
            | Tag::RRB
            | Tag::Hyph => "PUNCT",
        }
    }

    pub fn is_noun(&self) -> bool {
        matches!(self, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
    }
    pub fn is_proper(&self) -> bool {
        matches!(self, Tag::NNP | Tag::NNPS)
    }
    pub fn is_verb(&self) -> bool {
        matches!(
            self,
            Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ
        )
    }
    pub fn is_adj(&self) -> bool {
        matches!(self, Tag::JJ | Tag::JJR | Tag::JJS)
    }
    pub fn is_adv(&self) -> bool {
        matches!(self, Tag::RB | Tag::RBR | Tag::RBS)
    }
    pub fn is_punct(&self) -> bool {
        self.upos() == "PUNCT"
    }
}

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Byte range in `Document::text`.
    pub span: Span,
    /// The token as the tagger and dictionaries see it: quotes folded to
    /// ASCII, non-breaking spaces removed; otherwise the surface text.
    pub norm: String,
    pub tag: Tag,
}

/// One sentence of a document, with its tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// 0-based index in the document (the contract's `sentence`).
    pub index: usize,
    /// Byte range in `Document::text`.
    pub span: Span,
    pub tokens: Vec<Token>,
    /// Set when the sentence lies in a boilerplate block: no events.
    pub boilerplate: Option<Boilerplate>,
    /// True for a headline (no final full stop, title block).
    pub headline: bool,
}

impl Sentence {
    /// A sentence of already tagged words, as if the text were the words
    /// joined by single spaces: for tests of the stages after tagging.
    pub fn from_tagged(words: &[(&str, Tag)]) -> Sentence {
        let mut at = 0;
        let tokens = words
            .iter()
            .map(|(w, t)| {
                let tok = Token {
                    span: Span::new(at, at + w.len()),
                    norm: w.to_string(),
                    tag: *t,
                };
                at += w.len() + 1;
                tok
            })
            .collect();
        Sentence {
            index: 0,
            span: Span::new(0, at),
            tokens,
            boilerplate: None,
            headline: false,
        }
    }
}

/// A document as it flows through the pipeline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    /// Normalised text; every span in the pipeline points into it.
    pub text: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// The document date and where it came from (filled by ingest).
    pub date: Option<NaiveDate>,
    pub date_source: DateSource,
    /// Byte range of the text that gave the date, when it came from the text.
    pub date_span: Option<Span>,
    /// Paragraphs/lines with their boilerplate marks, in order, covering the
    /// text's non-blank parts.
    pub blocks: Vec<Block>,
    /// Relative time mentions resolved against `date`.
    pub time_mentions: Vec<TimeMention>,
    /// Filled by `dyad-sentences` (and tags by `dyad-tags`).
    pub sentences: Vec<Sentence>,
    /// Where the document came from, for error messages: `file` or `file:line`.
    pub origin: String,
}

impl Document {
    /// The block containing byte offset `at`, if any.
    pub fn block_at(&self, at: usize) -> Option<&Block> {
        let i = self.blocks.partition_point(|b| b.span.end <= at);
        self.blocks.get(i).filter(|b| b.span.start <= at)
    }
}
