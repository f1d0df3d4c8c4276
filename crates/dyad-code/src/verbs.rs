//! Verb patterns as the coder matches them, built from a loaded verb
//! dictionary: for each verb lemma, a default code and patterns over the
//! words around the verb ("* TALKS (WITH +)").

use dyad_dict::{FastMap, Vocab};

use dyad_model::Tag;
use dyad_phrases::{lemma, NpKind, SentenceParse, TokRange};

/// A CAMEO code pair `[fwd:rev]`: `fwd` is coded source → target, `rev`
/// target → source ("X faced calls" is a call *to* X). `None` = no event.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodePair {
    pub fwd: Option<String>,
    pub rev: Option<String>,
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elem {
    /// Any of these lower-case words (surface form or lemma), or phrases.
    Word(Alts),
    /// The target actor's position (`+`).
    Target,
    /// The source actor's position (`$`).
    Source,
    /// Any one word (`^`).
    Skip,
    /// `_`: the words on either side must be adjacent ("NEW_&TIETYPES_RELATIONS").
    Join,
    /// `%`: the clause's subject is a compound ("Arnor and Gondor agreed").
    Compound,
}

/// The alternatives of one pattern element: single words (the common case,
/// compared directly) and multi-word synset members ("swiss francs").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Alts {
    pub words: Vec<String>,
    pub phrases: Vec<Vec<String>>,
    /// What may stand between this word and the pattern word before it.
    pub within: Within,
    /// `words` as [`VerbLexicon`] word ids, sorted: a sentence word is
    /// compared as one integer, not as strings, per alternative.
    word_ids: Vec<u32>,
    /// `phrases` as word ids, in the same order.
    phrase_ids: Vec<Vec<u32>>,
    /// Sorted ids of the words an alternative may start with (its single
    /// words and each phrase's first word), and may end with: a clause
    /// holding none of them cannot match the element (see [`Present`]).
    /// Empty without phrases, where both are `word_ids` (kept once: synsets
    /// run to hundreds of words and are copied into every pattern using them).
    first_ids: Vec<u32>,
    last_ids: Vec<u32>,
}

impl Alts {
    fn first_ids(&self) -> &[u32] {
        if self.phrase_ids.is_empty() {
            &self.word_ids
        } else {
            &self.first_ids
        }
    }
    fn last_ids(&self) -> &[u32] {
        if self.phrase_ids.is_empty() {
            &self.word_ids
        } else {
            &self.last_ids
        }
    }
    /// Whether word id `id` is one of the single-word alternatives.
    #[inline]
    fn has_word(&self, id: u32) -> bool {
        // Most elements list a handful of words; synsets may list hundreds.
        if self.word_ids.len() <= 8 {
            self.word_ids.contains(&id)
        } else {
            self.word_ids.binary_search(&id).is_ok()
        }
    }
}

/// The group a pattern word continues, which limits the words a match may
/// step over to reach it: `{NEW &TIETYPES RELATIONS}` is one noun phrase
/// ("new trade relations" is not "new ties and trade relations"), and
/// `(FOR ASYLUM)` one prepositional phrase ("for political asylum" is, "for
/// foreign asylum seekers" ... is too, but "for foreign aid and asylum" is not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Within {
    /// Between groups: the inside of any noun phrase, within reach.
    #[default]
    Free,
    /// Inside `{…}`: determiners, numbers and adjectives only.
    Noun,
    /// Inside `(…)`: determiners, possessives and numbers only.
    Prep,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub before: Vec<Elem>,
    pub after: Vec<Elem>,
    pub code: CodePair,
    /// The dictionary line, for provenance (`file:line pattern`).
    pub text: String,
    /// For a pattern of only words before the verb ("- &MILITARY *  # TAKE"):
    /// the block verb its comment names. Such a pattern describes that
    /// verb's subject, not the whole synonym block's: soldiers who *take*
    /// a town occupy it (192), soldiers who *arrest* people do not.
    pub only_for: Option<String>,
}

impl Pattern {
    /// Whether every word element could match at all: after the verb, each
    /// element's first word must be in the `after` range (a match only moves
    /// right from its start), before it each element's last word in the
    /// `before` range. Most patterns fail this, and it is cheaper than
    /// trying them position by position; it never rules out a match.
    fn may_match(&self, after: &Present, before: &Present) -> bool {
        let words = |elems: &[Elem], first: bool, present: &Present| {
            elems.iter().all(|e| match e {
                Elem::Word(alts) => present.any_of(if first {
                    alts.first_ids()
                } else {
                    alts.last_ids()
                }),
                _ => true,
            })
        };
        words(&self.after, true, after) && words(&self.before, false, before)
    }

    /// Whether the pattern spells out a negation ("&NEGATVAUXVRB * OVER
    /// EFFORTS" with "DID N'T"): then it, not the negation rule, decides.
    pub fn states_negation(&self) -> bool {
        self.before.iter().chain(&self.after).any(|e| match e {
            Elem::Word(alts) => alts
                .words
                .iter()
                .chain(alts.phrases.iter().flatten())
                .any(|w| {
                    matches!(
                        w.as_str(),
                        "not" | "n't" | "never" | "neither" | "nor" | "no" | "none"
                    )
                }),
            _ => false,
        })
    }
}

#[derive(Debug, Clone, Default)]
pub struct VerbInfo {
    pub base: CodePair,
    /// The dictionary verb this entry is for (lower case, words spaced).
    pub lemma: String,
    /// Indices into [`VerbLexicon::blocks`]: the pattern blocks of this verb.
    pub blocks: Vec<usize>,
}

/// All verbs by surface form and lemma (lower case; multiword verbs such
/// as "meet with" joined by spaces), with their blocks' patterns.
#[derive(Debug, Clone, Default)]
pub struct VerbLexicon {
    pub verbs: FastMap<String, VerbInfo>,
    pub blocks: Vec<Vec<Pattern>>,
    /// Every word the patterns name, as a dense id: a sentence's words are
    /// looked up once, then matched against patterns as integers.
    word_ids: Vocab,
    /// Per block, per pattern: a compact summary of the words it needs
    /// (see [`PatternFilter`]), kept apart from the patterns so that
    /// rejecting most of a large block reads a few cache lines.
    filters: Vec<Vec<PatternFilter>>,
    /// The pattern syntax of the verb file, which carries its coder's
    /// conventions (see the methods below); `None` with no verb file.
    format: Option<dyad_dict::VerbFormat>,
}

impl VerbLexicon {
    /// Pattern words before the verb name the subject (PETRARCH-2 files:
    /// "[Pre-Verb Nouns] [Pre-Verb Prepositions] * ..."), so an adverb
    /// outside a noun phrase ("was heavily criticized") does not meet them;
    /// in linear (TABARI / PETRARCH-1) files any word may ("- HEAVILY *").
    /// Auxiliaries still may: CAMEO.2.0 writes `- WILL *` for HOST.
    fn pre_verb_adverbs_excluded(&self) -> bool {
        self.format == Some(dyad_dict::VerbFormat::Petrarch2)
    }

    /// A dictionary code naming several actors at once ("FRO/BIL/SAM") is
    /// one event per actor in TABARI and PETRARCH-1, whose linear pattern
    /// files go with that convention (UD-PETRARCH expands such codes only on
    /// its PETRARCH-1 pattern path); PETRARCH-2 pattern files keep the code
    /// whole, as one actor.
    pub fn expands_compound_codes(&self) -> bool {
        self.format == Some(dyad_dict::VerbFormat::Linear)
    }

    /// Compile a loaded verb dictionary into the coder's lookup form.
    pub fn from_dictionary(d: &dyad_dict::VerbDictionary) -> VerbLexicon {
        let synset_words = |id: dyad_dict::SynsetId| -> Alts {
            let mut out = Alts::default();
            if let Some(s) = d.synsets.get(id) {
                for m in &s.members {
                    for toks in std::iter::once(&m.tokens).chain(m.plural.as_ref()) {
                        // Multi-word members ("SWISS_FRANCS") are kept as
                        // space-joined phrases and matched word by word.
                        let words: Option<Vec<String>> = toks
                            .iter()
                            .filter(|t| !matches!(t, dyad_dict::PatternToken::Join))
                            .map(|t| match t {
                                dyad_dict::PatternToken::Word(w) => Some(w.to_string()),
                                _ => None,
                            })
                            .collect();
                        match words {
                            Some(mut w) if w.len() == 1 => out.words.extend(w.pop()),
                            Some(w) if w.len() > 1 => out.phrases.push(w),
                            _ => {}
                        }
                    }
                }
            }
            out
        };
        /// `first` limits the gap before the sequence's first word, `rest`
        /// the gaps inside it.
        fn flatten(
            toks: &[dyad_dict::PatternToken],
            syn: &dyn Fn(dyad_dict::SynsetId) -> Alts,
            out: &mut Vec<Elem>,
            first: Within,
            rest: Within,
        ) {
            use dyad_dict::PatternToken as T;
            for (i, t) in toks.iter().enumerate() {
                let within = if i == 0 { first } else { rest };
                match t {
                    // "BOMBING/EXPLOSION": either word.
                    T::Word(w) => out.push(Elem::Word(Alts {
                        words: w
                            .split('/')
                            .filter(|x| !x.is_empty())
                            .map(str::to_string)
                            .collect(),
                        within,
                        ..Alts::default()
                    })),
                    T::Synset(id) => out.push(Elem::Word(Alts { within, ..syn(*id) })),
                    T::Source => out.push(Elem::Source),
                    T::Target => out.push(Elem::Target),
                    T::Skip => out.push(Elem::Skip),
                    T::Noun(inner) => flatten(inner, syn, out, within, Within::Noun),
                    T::Prep(inner) => flatten(inner, syn, out, within, Within::Prep),
                    T::Join => out.push(Elem::Join),
                    T::Compound => out.push(Elem::Compound),
                }
            }
        }
        /// A pattern of nothing but a preposition ("- * (TO)  # WELCOME"):
        /// it says what the named verb's preposition means ("welcomed X to
        /// Y" is hosting), not what "praised X's commitment to Y" means.
        fn bare_preposition(toks: &[dyad_dict::PatternToken]) -> bool {
            use dyad_dict::PatternToken as T;
            let mut preps = 0;
            for t in toks {
                match t {
                    T::Skip | T::Target | T::Source => {}
                    T::Prep(inner) if inner.len() == 1 && matches!(inner[0], T::Word(_)) => {
                        preps += 1
                    }
                    _ => return false,
                }
            }
            preps == 1
        }
        let code = |c: &dyad_dict::CodeSpec| CodePair {
            fwd: c.forward.as_ref().map(|x| x.as_str().to_string()),
            rev: c.reverse.as_ref().map(|x| x.as_str().to_string()),
        };
        let mut blocks: Vec<Vec<Pattern>> = d
            .blocks
            .iter()
            .map(|b| {
                let members: Vec<String> = b
                    .verbs
                    .iter()
                    .filter_map(|&id| d.entries.get(id))
                    .map(|e| e.lemma.replace('_', " ").to_lowercase())
                    .collect();
                b.patterns
                    .iter()
                    .map(|p| {
                        let (mut before, mut after) = (Vec::new(), Vec::new());
                        flatten(
                            &p.before,
                            &synset_words,
                            &mut before,
                            Within::Free,
                            Within::Free,
                        );
                        flatten(
                            &p.after,
                            &synset_words,
                            &mut after,
                            Within::Free,
                            Within::Free,
                        );
                        let subject_only =
                            !before.is_empty() && !after.iter().any(|e| matches!(e, Elem::Word(_)));
                        let named = p
                            .comment
                            .as_deref()
                            .and_then(|c| c.split([',', ' ']).find(|w| !w.is_empty()))
                            .map(|w| w.replace('_', " ").to_lowercase())
                            .filter(|w| members.contains(w));
                        Pattern {
                            before,
                            after,
                            code: code(&p.code),
                            text: format!("{} [{}]", p.text, p.line),
                            only_for: named.filter(|_| subject_only || bare_preposition(&p.after)),
                        }
                    })
                    .collect()
            })
            .collect();
        let mut verbs: FastMap<String, VerbInfo> = FastMap::default();
        for e in &d.entries {
            let base = e.base_code.as_ref().map(code).unwrap_or_default();
            // A multi-word entry ("+IS_DETERMINED", "+HAND_OVER") lends its
            // first word alone its block's patterns, not its code: a bare "is"
            // is no intent (030).
            let multi_word = e
                .forms
                .first()
                .is_some_and(|f| !f.after.is_empty() || !f.before.is_empty());
            let mut keys: Vec<String> = vec![e.lemma.replace('_', " ")];
            for f in &e.forms {
                let mut k = f.word.clone();
                for a in &f.after {
                    k.push(' ');
                    k.push_str(a);
                }
                keys.push(k);
            }
            for k in keys {
                let base = if multi_word && !k.contains(' ') {
                    CodePair::default()
                } else {
                    base.clone()
                };
                let info = verbs.entry(k).or_insert_with(|| VerbInfo {
                    base: base.clone(),
                    blocks: Vec::new(),
                    lemma: e.lemma.replace('_', " ").to_lowercase(),
                });
                // A later file fills a gap, never overrides: dyad.verbs.txt
                // gives "reject" the general code CAMEO.2.0.txt left out.
                if info.base.fwd.is_none() && info.base.rev.is_none() {
                    info.base = base;
                }
                if !info.blocks.contains(&e.block) {
                    info.blocks.push(e.block);
                }
            }
        }
        let mut word_ids = Vocab::default();
        let mut intern = |w: &str| word_ids.intern(w);
        for pat in blocks.iter_mut().flatten() {
            for e in pat.before.iter_mut().chain(pat.after.iter_mut()) {
                if let Elem::Word(alts) = e {
                    let mut ids: Vec<u32> = alts.words.iter().map(|w| intern(w)).collect();
                    ids.sort_unstable();
                    ids.dedup();
                    alts.phrase_ids = alts
                        .phrases
                        .iter()
                        .map(|p| p.iter().map(|w| intern(w)).collect())
                        .collect();
                    let edge = |pick: fn(&Vec<u32>) -> Option<&u32>| -> Vec<u32> {
                        let mut v: Vec<u32> = ids
                            .iter()
                            .copied()
                            .chain(alts.phrase_ids.iter().filter_map(|p| pick(p).copied()))
                            .collect();
                        v.sort_unstable();
                        v.dedup();
                        v
                    };
                    if !alts.phrase_ids.is_empty() {
                        alts.first_ids = edge(|p| p.first());
                        alts.last_ids = edge(|p| p.last());
                    }
                    alts.word_ids = ids;
                }
            }
        }
        let filters = blocks
            .iter()
            .map(|b| b.iter().map(PatternFilter::of).collect())
            .collect();
        VerbLexicon {
            verbs,
            blocks,
            word_ids,
            filters,
            format: Some(d.format),
        }
    }

    /// The id of a pattern word, or [`NO_WORD`] for a word no pattern names.
    fn word_id(&self, w: &str) -> u32 {
        self.word_ids.get(w).unwrap_or(NO_WORD)
    }

    /// The verb for a surface word (or its lemma), optionally followed by a particle.
    pub fn lookup(&self, surface: &str, lemma: &str, next: Option<&str>) -> Option<&VerbInfo> {
        if let Some(n) = next {
            let mut key = String::with_capacity(surface.len().max(lemma.len()) + 1 + n.len());
            for w in [surface, lemma] {
                key.clear();
                key.push_str(w);
                key.push(' ');
                key.push_str(n);
                if let Some(v) = self.verbs.get(key.as_str()) {
                    return Some(v);
                }
            }
        }
        self.verbs
            .get(surface)
            .or_else(|| self.verbs.get(lemma))
            // "re-examine", "re-impose": the verb repeated is the verb.
            .or_else(|| {
                let base = lemma.strip_prefix("re-")?;
                self.verbs.get(base)
            })
    }
}

/// How a pattern matched a clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternMatch<'a> {
    pub pattern: &'a Pattern,
    /// Literal words matched: more is more specific.
    pub score: usize,
    /// Token where `+` matched.
    pub target_at: Option<usize>,
    pub source_at: Option<usize>,
    /// Last token the pattern used (for the verb span).
    pub last: usize,
}

/// The id of a sentence word no pattern names: it matches nothing.
const NO_WORD: u32 = u32::MAX;

/// Sentence words as patterns see them.
pub struct PatternWords<'a> {
    pub lower: &'a [&'a str],
    pub tags: &'a [Tag],
    /// Per token, the lexicon's id of its lower-cased word and of its lemma
    /// (a noun's or verb's base form; any other word is its own lemma).
    ids: Vec<(u32, u32)>,
}

impl<'a> PatternWords<'a> {
    pub fn new(lower: &'a [&'a str], tags: &'a [Tag], lex: &VerbLexicon) -> Self {
        let ids = lower
            .iter()
            .zip(tags)
            .map(|(w, t)| {
                let id = lex.word_id(w);
                // The same word is its own lemma: one look-up, not two.
                let lemma_id = if t.is_noun() {
                    let l = lemma::noun_lemma_cow(w);
                    if l == *w {
                        id
                    } else {
                        lex.word_id(&l)
                    }
                } else if t.is_verb() {
                    let l = lemma::verb_lemma_cow(w);
                    if l == *w {
                        id
                    } else {
                        lex.word_id(&l)
                    }
                } else {
                    id
                };
                (id, lemma_id)
            })
            .collect();
        PatternWords { lower, tags, ids }
    }
    /// Whether token `i`'s word or lemma is the pattern word `id`.
    #[inline]
    fn word_at(&self, i: usize, id: u32) -> bool {
        self.ids.get(i).is_some_and(|&(w, l)| w == id || l == id)
    }
    /// Whether token `i`'s word or lemma is one of the single words of `alts`.
    #[inline]
    fn one_word_at(&self, i: usize, alts: &Alts) -> bool {
        self.ids.get(i).is_some_and(|&(w, l)| {
            (w != NO_WORD && alts.has_word(w)) || (l != NO_WORD && alts.has_word(l))
        })
    }
    /// How many words of one of `alts` start at `i` (the longest), if any.
    fn match_at(&self, i: usize, alts: &Alts) -> Option<usize> {
        let phrase = alts
            .phrase_ids
            .iter()
            .filter(|p| p.iter().enumerate().all(|(k, &w)| self.word_at(i + k, w)))
            .map(Vec::len)
            .max();
        phrase.or_else(|| self.one_word_at(i, alts).then_some(1))
    }
    /// Where one of `alts` starts if it ends at `end` (inclusive), if any.
    fn match_ending_at(&self, end: usize, alts: &Alts) -> Option<usize> {
        let phrase = alts
            .phrase_ids
            .iter()
            .filter_map(|p| {
                let start = (end + 1).checked_sub(p.len())?;
                p.iter()
                    .enumerate()
                    .all(|(k, &w)| self.word_at(start + k, w))
                    .then_some(start)
            })
            .min();
        phrase.or_else(|| self.one_word_at(end, alts).then_some(end))
    }
    /// Words a pattern may step over between its elements: determiners,
    /// adjectives, adverbs, numbers, possessives (the inside of a noun phrase).
    fn skippable(&self, i: usize) -> bool {
        let t = self.tags[i];
        matches!(
            t,
            Tag::DT
                | Tag::PDT
                | Tag::PRPS
                | Tag::CD
                | Tag::POS
                | Tag::JJ
                | Tag::JJR
                | Tag::JJS
                | Tag::RB
                | Tag::Hyph
        ) || (t.is_noun() && self.tags.get(i + 1).is_some_and(|n| n.is_noun()))
    }
    /// Whether token `i` is the "of" after a measure or part ("700 kg of
    /// medicine", "ten days of war games", "part of the aid", "thousands of
    /// civilians"): what is handed over, held or suspended is what follows it.
    fn measure_of(&self, i: usize) -> bool {
        /// Nouns that count or measure the noun after their "of".
        const MEASURES: &[&str] = &[
            "kg",
            "kilogram",
            "kilo",
            "ton",
            "tonne",
            "pound",
            "litre",
            "liter",
            "barrel",
            "shipment",
            "consignment",
            "truckload",
            "batch",
            "part",
            "portion",
            "half",
            "third",
            "quarter",
            "dozen",
            "ten",
            "hundred",
            "thousand",
            "million",
            "hour",
            "day",
            "week",
            "month",
        ];
        if self.lower.get(i) != Some(&"of") || i == 0 {
            return false;
        }
        let (prev, tag) = (self.lower[i - 1], self.tags[i - 1]);
        tag == Tag::CD || (tag.is_noun() && MEASURES.contains(&lemma::noun_lemma(prev).as_str()))
    }
    /// Whether a match may step over token `i` to reach a word of a group.
    fn inside_group(&self, i: usize, within: Within) -> bool {
        let t = self.tags[i];
        match within {
            Within::Free => true,
            Within::Noun => matches!(
                t,
                Tag::DT | Tag::PDT | Tag::CD | Tag::JJ | Tag::JJR | Tag::JJS | Tag::Hyph
            ),
            Within::Prep => matches!(t, Tag::DT | Tag::PDT | Tag::PRPS | Tag::CD | Tag::POS),
        }
    }
}

const MAX_GAP: usize = 4;

/// A 128-bit Bloom signature of word ids: bit `id_bit(id)` per id.
type IdBits = u128;

#[inline]
fn id_bit(id: u32) -> IdBits {
    1 << (id.wrapping_mul(0x9E37_79B1) >> 25)
}

/// What a pattern's words demand of a clause, as Bloom signatures: a
/// necessary condition of [`Pattern::may_match`], tested with a few bit
/// operations before the pattern itself is read.
#[derive(Debug, Clone, Copy, Default)]
struct PatternFilter {
    /// Bits of the single-id elements after the verb (each must be present).
    after_all: IdBits,
    /// Bits of one multi-id element after the verb (one must be present;
    /// 0 = no such element).
    after_any: IdBits,
    before_all: IdBits,
    before_any: IdBits,
    /// Up to two single-id elements' ids per side ([`NO_WORD`] = none),
    /// checked exactly when the signatures let the pattern through.
    after_ids: [u32; 2],
    before_ids: [u32; 2],
}

impl PatternFilter {
    fn of(pat: &Pattern) -> PatternFilter {
        fn side(elems: &[Elem], first: bool) -> (IdBits, IdBits, [u32; 2]) {
            let (mut all, mut any, mut any_len) = (0, 0, usize::MAX);
            let mut singles = [NO_WORD; 2];
            let mut n_singles = 0;
            for e in elems {
                let Elem::Word(alts) = e else { continue };
                let ids = if first {
                    alts.first_ids()
                } else {
                    alts.last_ids()
                };
                match ids {
                    [] => {}
                    [id] => {
                        all |= id_bit(*id);
                        if let Some(slot) = singles.get_mut(n_singles) {
                            *slot = *id;
                            n_singles += 1;
                        }
                    }
                    _ if ids.len() < any_len && ids.len() <= 16 => {
                        any_len = ids.len();
                        any = ids.iter().fold(0, |m, &id| m | id_bit(id));
                    }
                    _ => {}
                }
            }
            (all, any, singles)
        }
        let (after_all, after_any, after_ids) = side(&pat.after, true);
        let (before_all, before_any, before_ids) = side(&pat.before, false);
        PatternFilter {
            after_all,
            after_any,
            before_all,
            before_any,
            after_ids,
            before_ids,
        }
    }

    /// False only if the pattern cannot match (see [`Pattern::may_match`]).
    #[inline]
    fn passes(&self, after: IdBits, before: IdBits) -> bool {
        self.after_all & !after == 0
            && self.before_all & !before == 0
            && (self.after_any == 0 || self.after_any & after != 0)
            && (self.before_any == 0 || self.before_any & before != 0)
    }

    /// False only if a single-word element's word is surely absent.
    #[inline]
    fn has_ids(&self, after: &Present, before: &Present) -> bool {
        let holds = |present: &Present, id: u32| id == NO_WORD || present.has(id);
        self.after_ids.iter().all(|&id| holds(after, id))
            && self.before_ids.iter().all(|&id| holds(before, id))
    }
}

/// The Bloom signature of the pattern word ids a token range holds.
fn present_bits(w: &PatternWords, range: &TokRange) -> IdBits {
    w.ids
        .get(range.start.min(w.ids.len())..range.end.min(w.ids.len()))
        .unwrap_or_default()
        .iter()
        .flat_map(|&(a, b)| [a, b])
        .filter(|&id| id != NO_WORD)
        .fold(0, |m, id| m | id_bit(id))
}

/// The pattern word ids a token range holds (words and lemmas), sorted.
struct Present(Vec<u32>);

impl Present {
    fn of(w: &PatternWords, range: &TokRange) -> Present {
        let mut ids: Vec<u32> = w
            .ids
            .get(range.start.min(w.ids.len())..range.end.min(w.ids.len()))
            .unwrap_or_default()
            .iter()
            .flat_map(|&(a, b)| [a, b])
            .filter(|&id| id != NO_WORD)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        Present(ids)
    }

    #[inline]
    fn has(&self, id: u32) -> bool {
        self.0.binary_search(&id).is_ok()
    }

    /// Whether any of `ids` (sorted) is present.
    fn any_of(&self, ids: &[u32]) -> bool {
        let present = self.0.as_slice();
        if ids.len() <= present.len() {
            ids.iter().any(|id| present.binary_search(id).is_ok())
        } else {
            present.iter().any(|id| ids.binary_search(id).is_ok())
        }
    }
}

/// Where a clause's patterns may match, and what they may know of it.
#[derive(Clone)]
pub struct ClauseScope<'s> {
    /// From the clause start to the verb.
    pub before: TokRange,
    /// After the verb group: the clause's `rest`.
    pub after: TokRange,
    /// The subject is a compound ("Arnor and Gondor"), for `%`.
    pub compound_subject: bool,
    /// The clause verb's own lemma.
    pub verb_lemma: &'s str,
}

impl VerbInfo {
    /// The most specific pattern matching the clause around a verb group.
    pub fn best_match<'a>(
        &self,
        lex: &'a VerbLexicon,
        w: &PatternWords,
        p: &SentenceParse,
        scope: &ClauseScope,
    ) -> Option<PatternMatch<'a>> {
        let ClauseScope {
            before,
            after,
            compound_subject,
            verb_lemma,
        } = scope;
        let compound_subject = *compound_subject;
        let mut best: Option<PatternMatch> = None;
        let (bits_after, bits_before) = (present_bits(w, after), present_bits(w, before));
        // Built on the first pattern the signatures let through.
        let mut present: Option<(Present, Present)> = None;
        for &b in &self.blocks {
            let Some(block) = lex.blocks.get(b) else {
                continue;
            };
            // A block edited after compiling has no usable filters.
            let filters = lex.filters.get(b).filter(|f| f.len() == block.len());
            for (k, pat) in block.iter().enumerate() {
                let filter = filters.and_then(|f| f.get(k));
                if filter.is_some_and(|f| !f.passes(bits_after, bits_before)) {
                    continue;
                }
                let (present_after, present_before) =
                    present.get_or_insert_with(|| (Present::of(w, after), Present::of(w, before)));
                if filter.is_some_and(|f| !f.has_ids(present_after, present_before)) {
                    continue;
                }
                // The entry found may be an inflected multi-word one ("+KILLED_AND"),
                // so the clause's own lemma counts too.
                if pat
                    .only_for
                    .as_ref()
                    .is_some_and(|v| *v != self.lemma && v != verb_lemma)
                {
                    continue;
                }
                if !pat.may_match(present_after, present_before) {
                    continue;
                }
                let Some(mut m) = match_forward(w, p, &pat.after, after.clone(), compound_subject)
                else {
                    continue;
                };
                let Some(back) = match_backward(
                    w,
                    p,
                    &pat.before,
                    before.clone(),
                    compound_subject,
                    lex.pre_verb_adverbs_excluded(),
                ) else {
                    continue;
                };
                m.score += back.0;
                if m.source_at.is_none() {
                    m.source_at = back.1;
                }
                if m.score == 0
                    && pat.after.iter().all(|e| !matches!(e, Elem::Target))
                    && pat.before.is_empty()
                {
                    continue;
                }
                let m = PatternMatch { pattern: pat, ..m };
                if best.as_ref().is_none_or(|b| m.score > b.score) {
                    best = Some(m);
                }
            }
        }
        best
    }
}

fn match_forward<'a>(
    w: &PatternWords,
    p: &SentenceParse,
    elems: &[Elem],
    range: TokRange,
    compound_subject: bool,
) -> Option<PatternMatch<'a>> {
    static EMPTY: Pattern = Pattern {
        before: Vec::new(),
        after: Vec::new(),
        code: CodePair {
            fwd: None,
            rev: None,
        },
        text: String::new(),
        only_for: None,
    };
    let mut cur = range.start;
    let mut score = 0;
    let mut target_at = None;
    let mut source_at = None;
    let mut last = range.start.saturating_sub(1);
    let mut adjacent = false;
    for e in elems {
        let joined = std::mem::take(&mut adjacent);
        match e {
            Elem::Join => adjacent = true,
            Elem::Compound if compound_subject => score += 1,
            Elem::Compound => return None,
            Elem::Word(alts) => {
                let mut k = cur;
                let mut gap = 0;
                // "for" opening what is sought may be stepped over, into its
                // phrase only (see `sought_for`).
                let sought_end = (alts.within == Within::Free && cur == range.start)
                    .then(|| sought_for(p, w, cur))
                    .flatten();
                let end = sought_end.map_or(range.end, |e| e.min(range.end));
                loop {
                    if k >= end || gap > MAX_GAP || (joined && k > cur) {
                        return None;
                    }
                    if let Some(n) = w.match_at(k, alts) {
                        // A member of several words is that much more specific.
                        score += n - 1;
                        k += n - 1;
                        break;
                    }
                    // Prepositions in patterns must be met, not skipped over, except inside
                    // NPs, before a time ("denied on Thursday the charges") and after a
                    // measure ("handed over 700 kg of medicine").
                    let steppable = w.skippable(k)
                        || p.np_of_token.get(k).is_some_and(|x| x.is_some())
                        || time_preposition(p, k)
                        || (alts.within == Within::Free && w.measure_of(k))
                        || (k == cur && sought_end.is_some());
                    if !w.inside_group(k, alts.within) || !steppable {
                        return None;
                    }
                    // After "thousands of" the phrase that matters starts: a
                    // measure or count does not use up the reach.
                    let measure = alts.within == Within::Free && w.measure_of(k);
                    // A pattern noun names the head of a phrase (PETRARCH-2
                    // matches phrase heads): the modifiers before the head
                    // ("a new bombing and shelling offensive") use up no reach.
                    let before_head = p.np_at(k).is_some_and(|np| np.head > k);
                    k += 1;
                    gap = if measure {
                        0
                    } else if before_head {
                        gap
                    } else {
                        gap + 1
                    };
                }
                score += 1;
                last = k;
                cur = k + 1;
            }
            Elem::Target | Elem::Source => {
                // The next noun phrase (its start) within reach.
                let mut k = cur;
                while k < range.end
                    && k < cur + MAX_GAP
                    && p.np_of_token.get(k).is_none_or(|x| x.is_none())
                {
                    k += 1;
                }
                let np = p.np_of_token.get(k).copied().flatten()?;
                if matches!(e, Elem::Target) {
                    target_at = Some(k);
                } else {
                    source_at = Some(k);
                }
                let end = p.nps[np].tokens.end;
                last = end.saturating_sub(1);
                cur = end;
            }
            Elem::Skip => {
                if cur >= range.end {
                    return None;
                }
                // `^` skips a phrase: a noun phrase, with its preposition
                // ("IFTAR (AT ^ ^) +" over "at the Egyptian embassy").
                let np_at = |k: usize| p.np_of_token.get(k).copied().flatten();
                cur = match (np_at(cur), np_at(cur + 1)) {
                    (Some(np), _) => p.nps[np].tokens.end,
                    (None, Some(np)) if p.nps[np].preposition == Some(cur) => p.nps[np].tokens.end,
                    _ => cur + 1,
                }
                .min(range.end);
            }
        }
    }
    Some(PatternMatch {
        pattern: &EMPTY,
        score,
        target_at,
        source_at,
        last,
    })
}

/// "for" right after an intransitive verb, opening the phrase of what is
/// sought ("bargain for foreign asylum", "called for calm"): that phrase is
/// the verb's object in all but form, and PETRARCH-2's `* ASYLUM` names its
/// head. A partner ("clashed with the government") is not an object.
/// Returns the end of that phrase.
fn sought_for(p: &SentenceParse, w: &PatternWords, k: usize) -> Option<usize> {
    if w.lower.get(k) != Some(&"for") {
        return None;
    }
    p.np_at(k + 1)
        .filter(|n| n.preposition == Some(k))
        .map(|n| n.tokens.end)
}

/// A preposition introducing a time phrase ("on Thursday", "in June").
fn time_preposition(p: &SentenceParse, k: usize) -> bool {
    p.np_at(k + 1)
        .is_some_and(|n| n.kind == NpKind::Time && n.preposition == Some(k))
}

/// Match elements before the verb, right to left; returns (score, source position).
/// With `adverbs_excluded`, an adverb outside a noun phrase matches no
/// word (see `VerbLexicon::pre_verb_adverbs_excluded`).
fn match_backward(
    w: &PatternWords,
    p: &SentenceParse,
    elems: &[Elem],
    range: TokRange,
    compound_subject: bool,
    adverbs_excluded: bool,
) -> Option<(usize, Option<usize>)> {
    let may_match = |k: usize| {
        !adverbs_excluded
            || !w.tags.get(k).is_some_and(|t| t.is_adv())
            || p.np_of_token.get(k).copied().flatten().is_some()
    };
    let mut cur = range.end;
    let mut score = 0;
    let mut source_at = None;
    let mut adjacent = false;
    // Right to left, the gap before a word is limited by the word after it.
    let mut right = Within::Free;
    for e in elems.iter().rev() {
        let joined = std::mem::take(&mut adjacent);
        let limit = std::mem::take(&mut right);
        match e {
            Elem::Join => adjacent = true,
            Elem::Compound if compound_subject => score += 1,
            Elem::Compound => return None,
            Elem::Word(alts) => {
                let mut gap = 0;
                loop {
                    if cur <= range.start || gap > MAX_GAP || (joined && gap > 0) {
                        return None;
                    }
                    cur -= 1;
                    if let Some(start) = w
                        .match_ending_at(cur, alts)
                        .filter(|&s| s >= range.start)
                        .filter(|&s| (s..=cur).all(may_match))
                    {
                        score += cur - start;
                        cur = start;
                        break;
                    }
                    if !w.inside_group(cur, limit) {
                        return None;
                    }
                    gap += 1;
                }
                score += 1;
                right = alts.within;
            }
            Elem::Source | Elem::Target => {
                if cur <= range.start {
                    return None;
                }
                cur -= 1;
                source_at = Some(cur);
            }
            Elem::Skip => {
                if cur <= range.start {
                    return None;
                }
                cur -= 1;
            }
        }
    }
    Some((score, source_at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_model::Sentence;

    /// The best pattern for a tagged sentence whose verb group is at
    /// `before.end`: (code, last token used, states a negation).
    fn best(
        lex: &VerbLexicon,
        info: &VerbInfo,
        words: &[(&str, Tag)],
        before: TokRange,
        after: TokRange,
    ) -> Option<(String, usize, bool)> {
        let s = Sentence::from_tagged(words);
        let p = dyad_phrases::parse(&s);
        let lower: Vec<String> = words.iter().map(|(w, _)| w.to_lowercase()).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        let tags: Vec<Tag> = words.iter().map(|(_, t)| *t).collect();
        let w = PatternWords::new(&lower, &tags, lex);
        let scope = ClauseScope {
            before,
            after,
            compound_subject: false,
            verb_lemma: &info.lemma,
        };
        let m = info.best_match(lex, &w, &p, &scope)?;
        Some((
            m.pattern.code.fwd.clone().unwrap_or_default(),
            m.last,
            m.pattern.states_negation(),
        ))
    }

    /// The filter is only a shortcut: over every pattern of the default
    /// dictionaries, a clause holding just the words `may_match` needs
    /// (one per element) passes it, and one missing a needed word fails.
    #[test]
    fn pattern_filters_never_reject_a_possible_match() {
        let dicts = dyad_dict::embedded().expect("embedded dictionaries");
        let lex = VerbLexicon::from_dictionary(dicts.verbs.as_ref().expect("verbs"));
        let (mut checked, mut rejected) = (0, 0);
        for (block, filters) in lex.blocks.iter().zip(&lex.filters) {
            assert_eq!(block.len(), filters.len());
            for (pat, f) in block.iter().zip(filters) {
                let needed = |elems: &[Elem], first: bool| -> Vec<u32> {
                    let mut ids: Vec<u32> = elems
                        .iter()
                        .filter_map(|e| match e {
                            Elem::Word(a) if first => a.first_ids().last().copied(),
                            Elem::Word(a) => a.last_ids().last().copied(),
                            _ => None,
                        })
                        .collect();
                    ids.sort_unstable();
                    ids.dedup();
                    ids
                };
                let (after, before) = (needed(&pat.after, true), needed(&pat.before, false));
                let bits = |ids: &[u32]| ids.iter().fold(0, |m, &id| m | id_bit(id));
                let (pa, pb) = (Present(after.clone()), Present(before.clone()));
                if pat.may_match(&pa, &pb) {
                    checked += 1;
                    assert!(f.passes(bits(&after), bits(&before)), "{}", pat.text);
                    assert!(f.has_ids(&pa, &pb), "{}", pat.text);
                }
                if f.after_ids[0] != NO_WORD {
                    let without: Vec<u32> = after
                        .iter()
                        .copied()
                        .filter(|&id| id != f.after_ids[0])
                        .collect();
                    assert!(!f.has_ids(&Present(without), &pb), "{}", pat.text);
                    rejected += 1;
                }
            }
        }
        assert!(checked > 1000 && rejected > 1000, "{checked} {rejected}");
    }

    /// A synset member of several words ("SWISS_FRANCS") matches those
    /// words in a row, after the verb and before it (a negative auxiliary
    /// before the verb, as the linear PETRARCH-1 validation file writes
    /// "&NEGATVAUXVRB * OVER EFFORTS").
    #[test]
    fn multi_word_synset_members_match() {
        let src = "&CURRENCY\n+DOLLARS\n+SWISS_FRANCS\n\n&NEGAUX\n+DID_NOT\n\n\
                   --- GIVE [070] ---\nCONTRIBUTE\n- * &CURRENCY [903]\n- &NEGAUX * TO [904]\n";
        let (d, _) =
            dyad_dict::VerbDictionary::parse_as(src, "test.verbs", dyad_dict::VerbFormat::Linear)
                .expect("parses");
        let lex = VerbLexicon::from_dictionary(&d);
        let info = lex.lookup("contributed", "contribute", None).expect("verb");
        let francs = [
            ("Arnor", Tag::NNP),
            ("contributed", Tag::VBD),
            ("a", Tag::DT),
            ("million", Tag::CD),
            ("swiss", Tag::JJ),
            ("francs", Tag::NNS),
            (".", Tag::Period),
        ];
        // The last word used is "francs": both words of the member matched.
        assert_eq!(
            best(&lex, info, &francs, 0..1, 2..7),
            Some(("903".to_string(), 5, false))
        );
        let negated = [
            ("Arnor", Tag::NNP),
            ("did", Tag::VBD),
            ("not", Tag::RB),
            ("contribute", Tag::VB),
            ("to", Tag::TO),
            ("Gondor", Tag::NNP),
            (".", Tag::Period),
        ];
        // The pattern spells the negation out, so the coder must not drop it.
        let got = best(&lex, info, &negated, 0..3, 4..7).expect("match");
        assert_eq!((got.0.as_str(), got.2), ("904", true));
    }

    /// Words of a `{…}` or `(…)` group stay inside one phrase, `/` gives
    /// alternatives, and `^` skips a whole phrase.
    #[test]
    fn groups_limit_what_a_match_steps_over() {
        let src = "--- BARGAIN [031] ---\nBARGAIN\n- * (FOR ASYLUM) [901]\n\
                   - * {NEW TRADE TIES} [902]\n- * (IN BOMBING/EXPLOSION) [903]\n\
                   - * FEAST (AT ^ ^) + [904]\n";
        let (d, _) = dyad_dict::VerbDictionary::parse(src, "test.verbs").expect("parses");
        let lex = VerbLexicon::from_dictionary(&d);
        let info = lex.lookup("bargained", "bargain", None).expect("verb");
        let words = |s: &str| -> Vec<(String, Tag)> {
            s.split(' ')
                .map(|w| {
                    let (w, t) = w.split_once('/').expect("word/TAG");
                    let tag = match t {
                        "NNP" => Tag::NNP,
                        "VBD" => Tag::VBD,
                        "IN" => Tag::IN,
                        "JJ" => Tag::JJ,
                        "DT" => Tag::DT,
                        "CC" => Tag::CC,
                        "NNS" => Tag::NNS,
                        _ => Tag::NN,
                    };
                    (w.to_string(), tag)
                })
                .collect()
        };
        let code = |s: &str| {
            let w = words(s);
            let w: Vec<(&str, Tag)> = w.iter().map(|(a, t)| (a.as_str(), *t)).collect();
            best(&lex, info, &w, 0..1, 2..w.len()).map(|m| m.0)
        };
        // A determiner may sit inside a prepositional group, an adjective not.
        assert_eq!(
            code("Arnor/NNP bargained/VBD for/IN the/DT asylum/NN"),
            Some("901".into())
        );
        assert_eq!(
            code("Arnor/NNP bargained/VBD for/IN foreign/JJ asylum/NN"),
            None
        );
        // An adjective may sit inside a noun group, a noun or "and" not.
        assert_eq!(
            code("Arnor/NNP bargained/VBD new/JJ trade/NN ties/NNS"),
            Some("902".into())
        );
        assert_eq!(
            code("Arnor/NNP bargained/VBD new/JJ trade/NN and/CC security/NN ties/NNS"),
            None
        );
        assert_eq!(
            code("Arnor/NNP bargained/VBD in/IN explosion/NN"),
            Some("903".into())
        );
        assert_eq!(
            code("Arnor/NNP bargained/VBD in/IN bombing/NN"),
            Some("903".into())
        );
        // `^ ^` steps over "the great hall" and "of Dol": the target is
        // Gondor (token 10), not "hall".
        let w = words("Arnor/NNP bargained/VBD feast/NN at/IN the/DT great/JJ hall/NN of/IN Dol/NNP with/IN Gondor/NNP");
        let w: Vec<(&str, Tag)> = w.iter().map(|(a, t)| (a.as_str(), *t)).collect();
        assert_eq!(
            best(&lex, info, &w, 0..1, 2..w.len()).map(|m| (m.0, m.1)),
            Some(("904".to_string(), 10))
        );
    }

    /// A pattern noun names the head of the object: the modifiers before the
    /// head use up none of the reach, however many there are; `_` still
    /// demands adjacent words.
    #[test]
    fn modifiers_before_a_head_use_no_reach() {
        let src = "&TIES\n+TIES\n\n--- LAUNCH [---] ---\nLAUNCH\n- * OFFENSIVE [190]\n\
                   - * NEW_&TIES [902]\n";
        let (d, _) = dyad_dict::VerbDictionary::parse(src, "test.verbs").expect("parses");
        let lex = VerbLexicon::from_dictionary(&d);
        let info = lex.lookup("launched", "launch", None).expect("verb");
        let code =
            |words: &[(&str, Tag)]| best(&lex, info, words, 0..1, 2..words.len()).map(|m| m.0);
        use Tag::*;
        let long_phrase = [
            ("Arnor", NNP),
            ("launched", VBD),
            ("a", DT),
            ("big", JJ),
            ("new", JJ),
            ("bombing", NN),
            ("and", CC),
            ("shelling", NN),
            ("offensive", NN),
        ];
        assert_eq!(code(&long_phrase), Some("190".into()));
        // The same distance across two phrases is out of reach.
        let two_phrases = [
            ("Arnor", NNP),
            ("launched", VBD),
            ("it", PRP),
            ("on", IN),
            ("the", DT),
            ("day", NN),
            ("after", IN),
            ("offensive", NN),
        ];
        assert_eq!(code(&two_phrases), None);
        let adjacent = [
            ("Arnor", NNP),
            ("launched", VBD),
            ("new", JJ),
            ("ties", NNS),
        ];
        assert_eq!(code(&adjacent), Some("902".into()));
        let apart = [
            ("Arnor", NNP),
            ("launched", VBD),
            ("new", JJ),
            ("trade", NN),
            ("ties", NNS),
        ];
        assert_eq!(code(&apart), None);
    }
}
