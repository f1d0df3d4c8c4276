//! Stage 4 of the pipeline: shallow syntax over a tagged sentence.
//!
//! No external parser: noun phrases and verb groups are chunked from the
//! tags, then clauses are assembled from them (subject to the left, object
//! and prepositional phrases to the right, relative and reported clauses
//! linked to what governs them), and quotations get their speakers. This is
//! what the coder needs to find who did what to whom in each clause, and
//! what `dyad parse` prints so a person can see why the coder did what it did.

use dyad_model::{Sentence, Tag};

mod chunk;
mod clause;
pub mod lemma;
mod quote;
mod render;

pub use chunk::{is_temporal, is_time_unit};
pub use clause::is_reporting_verb;
pub use render::render;

/// Token index range `[start, end)` within a sentence.
pub type TokRange = std::ops::Range<usize>;

/// What kind of thing a noun phrase's head is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NpKind {
    Proper,
    Common,
    Pronoun,
    Number,
    /// "Monday", "today", "yesterday": when, not who — never a subject or object.
    Time,
}

/// A base noun phrase: "Kenyan President William Ruto", "China 's desire".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NounPhrase {
    pub tokens: TokRange,
    /// The head noun (last noun of the phrase).
    pub head: usize,
    /// "China 's" in "China 's desire": the possessor's tokens, without `'s`.
    pub possessor: Option<TokRange>,
    pub kind: NpKind,
    /// Index of the [`Coordination`] this phrase is a member of.
    pub coordination: Option<usize>,
    /// Index of the phrase this one stands in apposition to
    /// ("Xi Jinping, China 's president": the second points to the first).
    pub apposition_of: Option<usize>,
    /// The preposition token when this phrase is a prepositional object.
    pub preposition: Option<usize>,
}

/// Tense of a verb group, as far as the auxiliaries show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    Infinitive,
    Participle,
}

/// A verb group: auxiliaries, negation and the main verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbGroup {
    pub tokens: TokRange,
    /// The main (last) verb.
    pub main: usize,
    /// Lemma of the main verb, lower case.
    pub lemma: String,
    pub tense: Tense,
    pub passive: bool,
    pub negated: bool,
    /// "would", "could", "may": hypothetical or intended rather than done.
    pub modal: Option<String>,
    /// A particle right after the verb ("carry out", "call on").
    pub particle: Option<usize>,
}

/// What a clause is to the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseKind {
    Main,
    /// "…, who is attending the summit": subject is the antecedent.
    Relative,
    /// "X said (that) …" / "X urged that …": reported content.
    Complement,
    /// "to work together": subject from the governing clause.
    Infinitive,
    /// "…, citing the railway" / "a communique issued by Beijing".
    Participle,
    /// "while expressing …", "as both nations pursue …".
    Adverbial,
}

/// A prepositional phrase attached to a clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrepPhrase {
    /// The preposition token.
    pub prep: usize,
    /// The noun phrase it governs.
    pub np: usize,
}

/// One clause: a verb group with its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub verb: usize,
    pub kind: ClauseKind,
    pub subject: Option<usize>,
    pub object: Option<usize>,
    pub preps: Vec<PrepPhrase>,
    /// Passive "by" agent.
    pub agent: Option<usize>,
    /// The clause this one depends on (reporting verb, antecedent clause).
    pub governor: Option<usize>,
    /// Tokens from the end of the verb group to the end of the clause: what
    /// verb patterns match against.
    pub rest: TokRange,
}

/// Noun phrases joined by "and"/"or"/commas: "China and Kenya".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coordination {
    pub members: Vec<usize>,
}

/// A quotation and who said it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Tokens inside the quotation marks.
    pub inner: TokRange,
    /// Token indices of the opening and closing marks (closing may be
    /// missing when a quote runs past the sentence).
    pub open: usize,
    pub close: Option<usize>,
    pub speaker: Option<usize>,
    /// The speech verb group, when found.
    pub verb: Option<usize>,
}

/// Everything the shallow parser found in one sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SentenceParse {
    pub nps: Vec<NounPhrase>,
    pub verbs: Vec<VerbGroup>,
    pub clauses: Vec<Clause>,
    pub coordinations: Vec<Coordination>,
    pub quotes: Vec<Quote>,
    /// For each token, the noun phrase containing it.
    pub np_of_token: Vec<Option<usize>>,
    /// For each token, the verb group containing it.
    pub vg_of_token: Vec<Option<usize>>,
}

impl SentenceParse {
    /// The members of `np`'s coordination, or just `np`.
    pub fn conjuncts(&self, np: usize) -> Vec<usize> {
        match self.nps.get(np).and_then(|n| n.coordination) {
            Some(c) => self.coordinations[c].members.clone(),
            None => vec![np],
        }
    }

    /// The noun phrase token `k` belongs to, if any.
    pub fn np_at(&self, k: usize) -> Option<&NounPhrase> {
        self.np_of_token
            .get(k)
            .copied()
            .flatten()
            .and_then(|np| self.nps.get(np))
    }

    /// The clause whose verb group is `vg`.
    pub fn clause_of_verb(&self, vg: usize) -> Option<usize> {
        self.clauses.iter().position(|c| c.verb == vg)
    }
}

/// A view of a sentence's tokens the parser reads: lower-cased words and tags.
pub(crate) struct Words<'a> {
    pub lower: &'a [&'a str],
    pub tags: Vec<Tag>,
    pub sentence: &'a Sentence,
}

impl Words<'_> {
    pub fn len(&self) -> usize {
        self.tags.len()
    }
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.lower.get(i).is_some_and(|x| *x == w)
    }
    pub fn tag(&self, i: usize) -> Tag {
        self.tags.get(i).copied().unwrap_or(Tag::X)
    }
    /// Whether token `i` is written with a capital first letter.
    pub fn capitalised(&self, i: usize) -> bool {
        self.sentence
            .tokens
            .get(i)
            .is_some_and(|t| t.norm.starts_with(|c: char| c.is_uppercase()))
    }
    /// Whether token `i` is glued to the previous token (no space between).
    pub fn attached(&self, i: usize) -> bool {
        i > 0
            && self.sentence.tokens.get(i).map(|t| t.span.start)
                == self.sentence.tokens.get(i - 1).map(|t| t.span.end)
    }
}

/// "rejected proposed changes", "abandon improved economic relations": a
/// participle right after a main verb and before a noun modifies the noun;
/// read as a verb it would open a clause and cut the object off.
fn participles_as_adjectives(lower: &[&str], tags: &mut [Tag]) {
    // "Ousted President Askar Akayev has agreed …": a sentence-initial
    // participle before a noun, with a finite verb later, is an adjective.
    if tags.first() == Some(&Tag::VBN) {
        let mut j = 1;
        while tags.get(j).is_some_and(|t| t.is_adj()) {
            j += 1;
        }
        let finite_later = tags[j.min(tags.len())..]
            .iter()
            .any(|t| matches!(t, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD));
        if tags.get(j).is_some_and(|t| t.is_noun()) && finite_later {
            tags[0] = Tag::JJ;
        }
    }
    for i in 1..tags.len() {
        if !matches!(tags[i], Tag::VBN | Tag::VBG) {
            continue;
        }
        // After a determiner or possessive (and any adjectives) a participle
        // is inside a noun phrase: "a new bombing and shelling offensive",
        // "the killing of …", "its stalled talks". ("that" is often a
        // complementiser the tagger read as DT.)
        let mut d = i;
        while d > 0
            && (tags[d - 1].is_adj()
                || (tags[d - 1] == Tag::CC && d >= 2 && tags[d - 2] == Tag::JJ))
        {
            d -= 1;
        }
        let determined = d > 0
            && matches!(tags[d - 1], Tag::DT | Tag::PRPS | Tag::POS)
            && lower[d - 1] != "that";
        if determined {
            let mut j = i + 1;
            while tags
                .get(j)
                .is_some_and(|t| t.is_adj() || matches!(t, Tag::VBG | Tag::VBN | Tag::CC))
            {
                j += 1;
            }
            if tags.get(j).is_some_and(|t| t.is_noun()) {
                tags[i] = Tag::JJ;
            } else if tags[i] == Tag::VBG
                && !tags
                    .get(i + 1)
                    .is_some_and(|t| matches!(t, Tag::DT | Tag::PRPS | Tag::PRP))
            {
                tags[i] = Tag::NN;
            }
            continue;
        }
        // Any adjectives may stand between: "extradited suspected British
        // militant X".
        let mut j = i + 1;
        while tags.get(j).is_some_and(|t| t.is_adj()) {
            j += 1;
        }
        let noun_follows = tags.get(j).is_some_and(|t| t.is_noun());
        if !noun_follows || !tags[i - 1].is_verb() {
            continue;
        }
        let aux = matches!(
            lemma::verb_lemma(lower[i - 1]).as_str(),
            "be" | "have" | "do" | "get" | "keep" | "remain" | "become" | "seem"
        );
        if !aux {
            tags[i] = Tag::JJ;
        }
    }
}

/// "at least", "at last", "of course": fixed phrases that are adverbs, not a
/// preposition and its object (which would stand in for a subject or object:
/// "was disarmed, or at least put under guard"). Before a number "at least"
/// is the number's ("at least 20 soldiers").
fn fixed_adverbs(lower: &[&str], tags: &mut [Tag]) {
    for i in 0..lower.len().saturating_sub(1) {
        let fixed = matches!(
            (lower[i], lower[i + 1]),
            ("at", "least" | "most" | "last" | "once") | ("of", "course")
        );
        if fixed && tags.get(i + 2) != Some(&Tag::CD) {
            tags[i] = Tag::RB;
            tags[i + 1] = Tag::RB;
        }
    }
}

/// Parse one tagged sentence.
pub fn parse(sentence: &Sentence) -> SentenceParse {
    let words = dyad_model::lower::LowerWords::of_tokens(&sentence.tokens);
    parse_lowered(sentence, &words.sentence(0))
}

/// [`parse`] for a caller that already holds the sentence's words
/// lower-cased by [`lemma::lowercase`] (one per token, in order).
pub fn parse_lowered(sentence: &Sentence, lower: &[&str]) -> SentenceParse {
    let mut tags: Vec<Tag> = sentence.tokens.iter().map(|t| t.tag).collect();
    fixed_adverbs(lower, &mut tags);
    participles_as_adjectives(lower, &mut tags);
    let words = Words {
        lower,
        tags,
        sentence,
    };
    let mut p = SentenceParse::default();
    chunk::chunk(&words, &mut p);
    chunk::time_phrases(&words, &mut p);
    chunk::coordinate(&words, &mut p);
    chunk::subordinate_subjects(&words, &mut p);
    clause::clauses(&words, &mut p);
    clause::negative_subjects(&words, &mut p);
    quote::quotes(&words, &mut p);
    p
}

#[cfg(test)]
mod tests;
