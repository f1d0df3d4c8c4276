//! The coder: annotated sentences + dictionaries → CAMEO events, and the
//! [`Pipeline`] that runs every stage of a document in order:
//! ingest (done by the caller) → sentences → tags → phrases → actors → events.
//!
//! One `Pipeline` is built once (dictionaries, tagger) and shared read-only
//! across threads, so `code`, `validate` and later `ingest`/`serve` run the
//! same code path.

use std::path::PathBuf;

use chrono::NaiveDate;
use dyad_model::{Document, EventRecord, Sentence, Tag};
use dyad_phrases::SentenceParse;
use dyad_tags::Tagger;

pub mod actors;
pub mod events;
pub mod frames;
pub mod output;
pub mod verbs;

pub use dyad_dict::{Dictionaries, DiscardLevel};
pub use events::DocContext;
pub use verbs::VerbLexicon;

/// How a clause's own future act ("Finland will give Tanzania a grant") is
/// coded.
///
/// The CAMEO codebook codes it as a statement of intent (0331 "express
/// intent to provide economic aid"; a hostile act as a threat); PETRARCH
/// codes the verb whatever its tense (071), and the PETRARCH-format
/// validation records follow PETRARCH.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FutureActs {
    /// As the CAMEO codebook does: intent (03) or threat (13).
    #[default]
    Intent,
    /// As PETRARCH does: the act's own code, marked `intended`.
    Act,
}

#[derive(Debug, thiserror::Error)]
pub enum CodeError {
    #[error(transparent)]
    Dict(#[from] dyad_dict::DictError),
}

/// Everything needed to code documents, loaded once.
pub struct Pipeline {
    pub dicts: Dictionaries,
    pub verbs: VerbLexicon,
    /// Coding conventions where coders differ; see [`FutureActs`].
    pub future_acts: FutureActs,
    tagger: &'static Tagger,
    /// The gazetteer, or why it could not be loaded: events are then coded
    /// without locations, and the binary says so once.
    gazetteer: Result<&'static dyad_geo::Gazetteer, String>,
}

impl Pipeline {
    /// Load dictionaries from `paths` (files or directories), or dyad's
    /// embedded defaults when `paths` is empty.
    pub fn load(paths: &[PathBuf]) -> Result<Pipeline, CodeError> {
        let dicts = if paths.is_empty() {
            dyad_dict::embedded()?
        } else {
            dyad_dict::load(paths)?
        };
        let verbs = dicts
            .verbs
            .as_ref()
            .map(VerbLexicon::from_dictionary)
            .unwrap_or_default();
        let gazetteer = dyad_geo::Gazetteer::embedded().map_err(|e| e.to_string());
        Ok(Pipeline {
            dicts,
            verbs,
            future_acts: FutureActs::default(),
            tagger: Tagger::embedded(),
            gazetteer,
        })
    }

    /// Use `future_acts` for a clause's own future act (see [`FutureActs`]).
    pub fn with_future_acts(mut self, future_acts: FutureActs) -> Pipeline {
        self.future_acts = future_acts;
        self
    }

    /// What [`events::code_sentence`] needs from the pipeline.
    fn coder(&self) -> events::Coder<'_> {
        events::Coder {
            dicts: &self.dicts,
            verbs: &self.verbs,
            future_acts: self.future_acts,
        }
    }

    /// Split into sentences and tag them (stages 2–3).
    pub fn annotate(&self, doc: &mut Document) {
        dyad_sentences::split_document(doc);
        for s in &mut doc.sentences {
            self.tag_sentence(s);
        }
    }

    pub fn tag_sentence(&self, s: &mut Sentence) {
        let words: Vec<&str> = s.tokens.iter().map(|t| t.norm.as_str()).collect();
        let tags = self.tagger.tag(&words);
        for (t, tag) in s.tokens.iter_mut().zip(tags) {
            t.tag = tag;
        }
        self.tag_known_names(s);
        correct_tags(s);
        self.tag_subjunctives(s);
    }

    /// "demanded that the government end curbs": after a verb of demanding,
    /// the complement's verb is a bare base form the tagger easily reads as
    /// a noun. If the complement has no verb at all, the first word after
    /// its subject noun that the verb dictionary knows in that form is it.
    fn tag_subjunctives(&self, s: &mut Sentence) {
        const MANDATIVE: [&str; 10] = [
            "demand",
            "insist",
            "urge",
            "ask",
            "request",
            "recommend",
            "propose",
            "suggest",
            "require",
            "order",
        ];
        if !s.tokens.iter().any(|t| t.norm.eq_ignore_ascii_case("that")) {
            return;
        }
        // One buffer for the words (str::to_lowercase, as lemma::lowercase).
        let words = dyad_model::lower::LowerWords::of_tokens(&s.tokens);
        let lower = words.sentence(0);
        for i in 1..s.tokens.len() {
            // The verb or its noun: "demanded that", "its demands that".
            let before = s.tokens[i - 1].tag;
            if lower[i] != "that"
                || !(before.is_verb() || matches!(before, Tag::NN | Tag::NNS))
                || !MANDATIVE.contains(&&*dyad_phrases::lemma::verb_lemma_cow(lower[i - 1]))
            {
                continue;
            }
            let mut seen_noun = false;
            let mut verb = None;
            for (k, &word) in lower.iter().enumerate().skip(i + 1) {
                let t = s.tokens[k].tag;
                if t.is_verb() || t == Tag::MD {
                    verb = None;
                    break;
                }
                if t.is_punct() || (t == Tag::IN && word != "of") {
                    break;
                }
                let base_verb = matches!(t, Tag::NN | Tag::NNS | Tag::JJ)
                    && dyad_phrases::lemma::verb_lemma_cow(word) == word
                    && self.verbs.lookup(word, word, None).is_some();
                if seen_noun && verb.is_none() && base_verb {
                    verb = Some(k);
                }
                seen_noun |= t.is_noun();
            }
            if let Some(k) = verb {
                s.tokens[k].tag = Tag::VB;
            }
        }
    }

    /// A capitalised word the actor dictionary knows as a name is a proper
    /// noun even where the tagger read it as a verb: sentence-initial
    /// "Beijing criticized Tokyo" starts with a place, not a participle.
    fn tag_known_names(&self, s: &mut Sentence) {
        for i in 0..s.tokens.len() {
            let t = &s.tokens[i];
            let capitalised = t.norm.chars().next().is_some_and(char::is_uppercase);
            if !capitalised || !(t.tag.is_verb() || t.tag == Tag::RB) {
                continue;
            }
            let lower = t.norm.to_lowercase();
            let known = self
                .dicts
                .actors
                .lookup(&[lower.as_str()])
                .and_then(|e| e.default_code())
                .is_some_and(|c| c != "---");
            if known {
                s.tokens[i].tag = Tag::NNP;
            }
        }
    }

    /// Shallow syntax for one tagged sentence (stage 4).
    pub fn parse(&self, s: &Sentence) -> SentenceParse {
        dyad_phrases::parse(s)
    }

    /// Why events carry no locations, if the gazetteer failed to load.
    pub fn gazetteer_error(&self) -> Option<&str> {
        self.gazetteer.as_ref().err().map(String::as_str)
    }

    /// Stage 7: place each event (its own clause's place, else the dateline).
    pub fn locate(&self, doc: &Document, events: &mut [EventRecord]) {
        if let Ok(g) = self.gazetteer {
            dyad_geo::locate_events(doc, events, g);
        }
    }

    /// Code a document whose sentences are already annotated (stages 4–7).
    pub fn code_annotated(&self, doc: &Document, fallback_date: NaiveDate) -> Vec<EventRecord> {
        let mut events = self.code_events(doc, fallback_date);
        self.locate(doc, &mut events);
        events
    }

    /// Stages 4–6 only: events without locations.
    pub fn code_events(&self, doc: &Document, fallback_date: NaiveDate) -> Vec<EventRecord> {
        let date = doc.date.unwrap_or(fallback_date);
        let mut ctx = DocContext::default();
        let mut out = Vec::new();
        // One lower-cased word list per sentence serves the discard search
        // and the coder; the words of the whole document share one buffer.
        let lowered = dyad_model::lower::LowerWords::of(&doc.sentences);
        let lowered: Vec<Vec<&str>> = (0..doc.sentences.len())
            .map(|i| lowered.sentence(i))
            .collect();
        // A story-level discard phrase ("World Cup", "Grand Prix") in the lede
        // makes the document a sports or entertainment story and drops it;
        // further down it drops only its sentence: an article on Qatar's
        // diplomacy that mentions the World Cup once is still news. (PETRARCH
        // read whole stories, but Phoenix fed it only their first sentences.)
        let story_discarded = doc
            .sentences
            .iter()
            .zip(&lowered)
            .filter(|(s, _)| s.boilerplate.is_none())
            .take(STORY_LEDE)
            .any(|(_, l)| {
                self.discard_in(l).map(|d| d.level) == Some(dyad_dict::DiscardLevel::Story)
            });
        if story_discarded {
            return out;
        }
        for (s, lower) in doc.sentences.iter().zip(&lowered) {
            let p = dyad_phrases::parse_lowered(s, lower);
            let Some(skip) = self.discarded_clauses_in(s, lower, &p) else {
                continue;
            };
            let input = events::SentenceInput {
                doc,
                s,
                p: &p,
                lower,
                discarded: &skip,
            };
            events::code_sentence(&input, &self.coder(), &mut ctx, date, &mut out, None);
        }
        out
    }

    /// Which clauses a sentence-level discard phrase removes: `None` for
    /// the whole sentence, else the (possibly empty) list of clauses.
    ///
    /// A discard phrase marks history or a topic not to code ("years ago",
    /// "World War Two", "1961"). In the main clause it drops the sentence,
    /// as in PETRARCH; inside a dependent clause it drops only that clause
    /// and what hangs off it: in "the rebels will release the ministers,
    /// whom they took hostage two weeks ago" the release is news.
    pub fn discarded_clauses(&self, s: &Sentence, p: &SentenceParse) -> Option<Vec<usize>> {
        let words = dyad_model::lower::LowerWords::of_tokens(&s.tokens);
        self.discarded_clauses_in(s, &words.sentence(0), p)
    }

    /// [`Pipeline::discarded_clauses`] over the sentence's lower-cased words.
    fn discarded_clauses_in(
        &self,
        s: &Sentence,
        words: &[&str],
        p: &SentenceParse,
    ) -> Option<Vec<usize>> {
        if self.dicts.discards.is_empty() {
            return Some(Vec::new());
        }
        let mut skip: Vec<usize> = Vec::new();
        for m in self.dicts.discards.find_all(words) {
            if m.discard.level == dyad_dict::DiscardLevel::Story {
                return None;
            }
            let within = p.clauses.iter().position(|c| {
                let start = p.verbs.get(c.verb).map_or(usize::MAX, |v| v.tokens.start);
                start <= m.start && m.start < c.rest.end.max(start + 1)
            });
            let ci = within?;
            let c = &p.clauses[ci];
            // A clause opened by "when", "since", "whom" … depends on another
            // even where the parser left it a main clause.
            let first = c
                .subject
                .and_then(|np| p.nps.get(np))
                .map(|n| n.tokens.start)
                .into_iter()
                .chain(p.verbs.get(c.verb).map(|v| v.tokens.start))
                .min()
                .unwrap_or(0);
            let introduced = first.checked_sub(1).is_some_and(|k| {
                matches!(s.tokens[k].tag, Tag::WP | Tag::WDT | Tag::WRB)
                    || matches!(
                        words[k],
                        "when"
                            | "since"
                            | "after"
                            | "before"
                            | "while"
                            | "because"
                            | "until"
                            | "as"
                            | "whom"
                            | "which"
                            | "who"
                    )
            });
            // A later "main" clause with no subject is a fragment the parser
            // could not attach ("… of blowing up a plane in 1988", "since
            // Tirana split with Moscow in 1961"): it is not the news.
            let dependent = (c.kind != dyad_phrases::ClauseKind::Main && c.governor.is_some())
                || (c.subject.is_none() && ci > 0);
            if !dependent && !introduced {
                return None;
            }
            skip.push(ci);
        }
        // What hangs off a dropped clause goes with it.
        let mut grew = true;
        while grew {
            grew = false;
            for (ci, c) in p.clauses.iter().enumerate() {
                if !skip.contains(&ci) && c.governor.is_some_and(|g| skip.contains(&g)) {
                    skip.push(ci);
                    grew = true;
                }
            }
        }
        Some(skip)
    }

    /// For each sentence of an annotated document: its parse and the actors
    /// the coder resolved (phrases, quote speakers), with the same document
    /// memory coding uses. This is what `dyad parse` shows.
    pub fn explain(
        &self,
        doc: &Document,
        fallback_date: NaiveDate,
    ) -> Vec<(SentenceParse, events::SentenceActors)> {
        let date = doc.date.unwrap_or(fallback_date);
        let mut ctx = DocContext::default();
        let mut sink = Vec::new();
        doc.sentences
            .iter()
            .map(|s| {
                let p = self.parse(s);
                let mut x = events::SentenceActors::default();
                let words = dyad_model::lower::LowerWords::of_tokens(&s.tokens);
                let lower = words.sentence(0);
                let skip = self
                    .discarded_clauses_in(s, &lower, &p)
                    .unwrap_or_else(|| (0..p.clauses.len()).collect());
                let input = events::SentenceInput {
                    doc,
                    s,
                    p: &p,
                    lower: &lower,
                    discarded: &skip,
                };
                events::code_sentence(
                    &input,
                    &self.coder(),
                    &mut ctx,
                    date,
                    &mut sink,
                    Some(&mut x),
                );
                (p, x)
            })
            .collect()
    }

    /// Annotate and code a document (stages 2–6).
    pub fn code(&self, doc: &mut Document, fallback_date: NaiveDate) -> Vec<EventRecord> {
        self.annotate(doc);
        self.code_annotated(doc, fallback_date)
    }

    /// The discard phrase that drops this sentence (or, at story level, its
    /// whole document), if any: `dyad parse` shows it.
    pub fn discard(&self, s: &Sentence) -> Option<&dyad_dict::Discard> {
        self.discard_in(&dyad_model::lower::LowerWords::of_tokens(&s.tokens).sentence(0))
    }

    fn discard_in(&self, words: &[&str]) -> Option<&dyad_dict::Discard> {
        if self.dicts.discards.is_empty() {
            return None;
        }
        self.dicts.discards.find(words)
    }
}

/// Sentences (headline included) whose story-level discard phrases decide
/// what a whole document is about.
const STORY_LEDE: usize = 3;

/// Tags the tagger gets wrong in ways the coder cares about: bare verbs
/// read as nouns or adjectives, -ing nouns read as verbs, and "according
/// (to)" read as a verb.
///
/// After a modal ("must drop", "will not face") the next word that is not
/// an adverb is the verb's bare form; the tagger sometimes reads a word that
/// is also a noun ("drop", "face", "grant") as one. Only words WordNet
/// knows as verbs are changed.
///
/// After "to", a noun followed by a determiner is an infinitive with its
/// object: "a rally to protest the violations" (a preposition's noun is not
/// followed by "the": "went to church the next day" is rare, "to power the
/// engines" is a verb too).
fn correct_tags(s: &mut Sentence) {
    for i in 0..s.tokens.len() {
        // "a new bombing and shelling offensive": -ing words coordinated
        // inside a noun phrase (after a determiner, adjective or possessive)
        // name things; "were bombing and shelling towns" (after a verb) stays.
        if i >= 3
            && s.tokens[i].tag == Tag::VBG
            && s.tokens[i - 1].tag == Tag::CC
            && matches!(s.tokens[i - 2].tag, Tag::NN | Tag::VBG)
            && ends_with_ing(&s.tokens[i - 2].norm)
            && ends_with_ing(&s.tokens[i].norm)
            && matches!(
                s.tokens[i - 3].tag,
                Tag::DT | Tag::JJ | Tag::PRPS | Tag::POS
            )
            && s.tokens
                .get(i + 1)
                .is_some_and(|n| n.tag.is_noun() || n.tag == Tag::JJ)
        {
            s.tokens[i - 2].tag = Tag::NN;
            s.tokens[i].tag = Tag::NN;
            // "... offensive against": the phrase's head, read as an adjective.
            if s.tokens[i + 1].tag == Tag::JJ
                && s.tokens
                    .get(i + 2)
                    .is_some_and(|n| matches!(n.tag, Tag::IN | Tag::TO | Tag::Comma | Tag::Period))
            {
                s.tokens[i + 1].tag = Tag::NN;
            }
            continue;
        }
        // "according to the ministry" attributes a report; it is no act.
        if s.tokens[i].norm.eq_ignore_ascii_case("according")
            && s.tokens
                .get(i + 1)
                .is_some_and(|t| t.norm.eq_ignore_ascii_case("to"))
        {
            s.tokens[i].tag = Tag::IN;
            continue;
        }
        // "tapped all communication links leading into the city": a plural
        // noun read as a verb between a compound's first noun and a
        // participle, inside an NP that is a verb's object or a preposition's
        // (not a subject: "said the army keeps shelling").
        if s.tokens[i].tag == Tag::VBZ
            && i >= 2
            && s.tokens[i - 1].tag == Tag::NN
            && s.tokens.get(i + 1).is_some_and(|n| n.tag == Tag::VBG)
            && object_np_before(s, i - 1)
        {
            let lemma = dyad_phrases::lemma::verb_lemma_cow(&s.tokens[i].norm);
            if !GERUND_TAKING_VERBS.contains(&lemma.as_ref()) {
                s.tokens[i].tag = Tag::NNS;
                continue;
            }
        }
        // "killed in Israeli tank shelling in the east": an -ing word that
        // ends a bare noun phrase after a preposition, with no object of its
        // own, is that phrase's head noun.
        if s.tokens[i].tag == Tag::VBG && bare_np_head_after_preposition(s, i) {
            s.tokens[i].tag = Tag::NN;
            continue;
        }
        // "a memorandum of understanding with …": an -ing word after a noun's
        // "of" with no object of its own names a thing, not an act.
        if s.tokens[i].tag == Tag::VBG
            && i >= 2
            && s.tokens[i - 1].norm.eq_ignore_ascii_case("of")
            && s.tokens[i - 2].tag.is_noun()
            && s.tokens.get(i + 1).is_none_or(|n| {
                matches!(
                    n.tag,
                    Tag::IN | Tag::TO | Tag::CC | Tag::Comma | Tag::Period | Tag::Colon
                ) && n.norm != "that"
            })
        {
            s.tokens[i].tag = Tag::NN;
            continue;
        }
        // "re-imposed sanctions", "to re-examine": the tagger does not know
        // the prefixed form of a verb it knows.
        if let Some(tag) = re_prefixed_verb(s, i) {
            s.tokens[i].tag = tag;
            continue;
        }
        if s.tokens[i].tag == Tag::TO {
            split_infinitive(s, i);
            let object_follows = s
                .tokens
                .get(i + 2)
                .is_some_and(|n| matches!(n.tag, Tag::DT | Tag::PRPS | Tag::PDT));
            // "offered to hand over the prisoners": a phrasal verb's particle
            // and then its object.
            let particle_then_object = s.tokens.get(i + 2).is_some_and(|p| {
                PHRASAL_PARTICLES
                    .iter()
                    .any(|w| p.norm.eq_ignore_ascii_case(w))
            }) && s
                .tokens
                .get(i + 3)
                .is_some_and(|n| matches!(n.tag, Tag::DT | Tag::PRPS | Tag::PDT));
            if let Some(t) = s.tokens.get(i + 1).filter(|t| t.tag == Tag::NN) {
                let word = t.norm.to_lowercase();
                let particle_then_object =
                    particle_then_object && !BARE_NOUNS_AFTER_TO.contains(&word.as_str());
                if (object_follows || particle_then_object)
                    && dyad_phrases::lemma::is_verb_lemma(&word)
                {
                    s.tokens[i + 1].tag = Tag::VB;
                }
            }
            continue;
        }
        if s.tokens[i].tag != Tag::MD {
            continue;
        }
        let mut k = i + 1;
        while k < s.tokens.len() && s.tokens[k].tag == Tag::RB {
            k += 1;
        }
        let Some(t) = s.tokens.get(k) else { break };
        if !matches!(t.tag, Tag::NN | Tag::VBP | Tag::JJ) {
            continue;
        }
        let word = t.norm.to_lowercase();
        if dyad_phrases::lemma::is_verb_lemma(&word) {
            s.tokens[k].tag = Tag::VB;
        }
    }
}

/// "to further develop its plans": an adverb between "to" and a verb splits
/// the infinitive (TO RB VB). The tagger reads the comparative adverbs
/// "further" and "better" there as adjectives, and then the verb as a noun,
/// which leaves the verb without its "to" and the clause without its subject.
fn split_infinitive(s: &mut Sentence, to: usize) {
    let Some(adverb) = s.tokens.get(to + 1) else {
        return;
    };
    let adverb_read_as_adjective = matches!(adverb.tag, Tag::JJ | Tag::JJR)
        && ["further", "better"]
            .iter()
            .any(|w| adverb.norm.eq_ignore_ascii_case(w));
    if !adverb_read_as_adjective && !matches!(adverb.tag, Tag::RB | Tag::RBR) {
        return;
    }
    let Some(verb) = s.tokens.get(to + 2) else {
        return;
    };
    let verb_tag = verb.tag;
    let is_verb = match verb_tag {
        Tag::VB => true,
        // "to further strengthen ties": a verb read as a noun, with its
        // object after it ("to further talks" has none: a plural noun).
        Tag::NN | Tag::VBP => {
            dyad_phrases::lemma::is_verb_lemma(&verb.norm.to_lowercase())
                && s.tokens.get(to + 3).is_some_and(|n| {
                    matches!(
                        n.tag,
                        Tag::DT
                            | Tag::PRPS
                            | Tag::PDT
                            | Tag::PRP
                            | Tag::NNS
                            | Tag::NNP
                            | Tag::NNPS
                            | Tag::CD
                    )
                })
        }
        _ => false,
    };
    if !is_verb || (verb_tag == Tag::VB && !adverb_read_as_adjective) {
        return;
    }
    s.tokens[to + 1].tag = Tag::RB;
    s.tokens[to + 2].tag = Tag::VB;
}

/// Particles of phrasal verbs ("hand over", "carry out", "call off").
const PHRASAL_PARTICLES: [&str; 7] = ["over", "out", "back", "off", "up", "down", "away"];

/// Nouns English uses without an article after the preposition "to" ("went
/// to war over the islands", "took them to court over the deal"): there
/// "to" is no infinitive marker even when a particle-like word follows.
const BARE_NOUNS_AFTER_TO: [&str; 12] = [
    "war", "court", "power", "office", "trial", "task", "school", "church", "bed", "town", "sea",
    "market",
];

/// Verbs that take an -ing complement ("keeps fighting", "continues
/// shelling"), with the auxiliaries and copulas an -ing form follows ("is
/// fighting", "seems worrying").
const GERUND_TAKING_VERBS: [&str; 30] = [
    "be",
    "have",
    "do",
    "get",
    "go",
    "seem",
    "look",
    "sound",
    "become",
    "remain",
    "keep",
    "continue",
    "start",
    "begin",
    "stop",
    "resume",
    "avoid",
    "risk",
    "deny",
    "admit",
    "consider",
    "finish",
    "quit",
    "enjoy",
    "recommend",
    "suggest",
    "involve",
    "mean",
    "need",
    "require",
];

/// Whether the noun at `noun` (with its premodifiers) follows a verb or a
/// preposition other than a reporting verb, so it is an object, not the
/// subject of a clause ("said the army keeps ...").
fn object_np_before(s: &Sentence, noun: usize) -> bool {
    let mut j = noun;
    while j > 0
        && matches!(
            s.tokens[j - 1].tag,
            Tag::DT | Tag::PDT | Tag::JJ | Tag::NN | Tag::CD | Tag::PRPS
        )
    {
        j -= 1;
    }
    let Some(before) = j.checked_sub(1).map(|k| &s.tokens[k]) else {
        return false;
    };
    match before.tag {
        Tag::IN => !before.norm.eq_ignore_ascii_case("that"),
        Tag::VB | Tag::VBD | Tag::VBP | Tag::VBZ | Tag::VBN | Tag::VBG => {
            let lemma = dyad_phrases::lemma::verb_lemma_cow(&before.norm);
            !dyad_phrases::is_reporting_verb(&lemma)
        }
        _ => false,
    }
}

/// Whether the -ing word at `i` closes a noun phrase with no determiner
/// ("in artillery shelling on Friday"): a preposition, then adjectives and
/// singular nouns, then the word, then no object (a preposition or the end).
fn bare_np_head_after_preposition(s: &Sentence, i: usize) -> bool {
    let no_object = s.tokens.get(i + 1).is_none_or(|n| {
        matches!(n.tag, Tag::IN | Tag::Comma | Tag::Period | Tag::CC) && n.norm != "that"
    });
    if !no_object || i < 2 || s.tokens[i - 1].tag != Tag::NN {
        return false;
    }
    let mut j = i - 1;
    while j > 0 && matches!(s.tokens[j - 1].tag, Tag::NN | Tag::JJ) {
        j -= 1;
    }
    j.checked_sub(1).is_some_and(|k| {
        s.tokens[k].tag == Tag::IN && !s.tokens[k].norm.eq_ignore_ascii_case("that")
    })
}

fn ends_with_ing(word: &str) -> bool {
    word.len() > 5
        && word
            .get(word.len() - 3..)
            .is_some_and(|e| e.eq_ignore_ascii_case("ing"))
}

/// The verb tag for a "re-" word the tagger called an adjective or noun,
/// read from the word before it: "Kenya re-imposed" (VBD), "has
/// re-imposed" (VBN), "to re-examine" (VB), "is re-examining" (VBG).
fn re_prefixed_verb(s: &Sentence, i: usize) -> Option<Tag> {
    let t = &s.tokens[i];
    if !matches!(t.tag, Tag::JJ | Tag::NN | Tag::NNP) || i == 0 {
        return None;
    }
    // Most tokens fail here, before any lower-casing.
    if !t
        .norm
        .get(..3)
        .is_some_and(|p| p.eq_ignore_ascii_case("re-"))
    {
        return None;
    }
    let word = t.norm.to_lowercase();
    let base = word.strip_prefix("re-")?;
    if !dyad_phrases::lemma::is_verb_lemma(&dyad_phrases::lemma::verb_lemma(base)) {
        return None;
    }
    let prev = &s.tokens[i - 1];
    let prev_word = prev.norm.to_lowercase();
    let be_or_have = matches!(
        prev_word.as_str(),
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "has" | "have" | "had"
    );
    if base.ends_with("ed") {
        if be_or_have {
            Some(Tag::VBN)
        } else if prev.tag.is_noun() || matches!(prev.tag, Tag::PRP | Tag::RB) {
            Some(Tag::VBD)
        } else {
            None
        }
    } else if base.ends_with("ing") {
        be_or_have.then_some(Tag::VBG)
    } else if matches!(prev.tag, Tag::TO | Tag::MD) {
        Some(Tag::VB)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ing_word_after_a_nouns_of_without_object_is_a_noun() {
        use Tag::*;
        let mut s = Sentence::from_tagged(&[
            ("memorandum", NN),
            ("of", IN),
            ("understanding", VBG),
            ("with", IN),
            ("Kenya", NNP),
        ]);
        correct_tags(&mut s);
        assert_eq!(s.tokens[2].tag, NN);
        // With an object, or after a verb's "of", it stays a verb.
        let mut s = Sentence::from_tagged(&[
            ("accused", VBN),
            ("of", IN),
            ("spying", VBG),
            ("for", IN),
            ("Russia", NNP),
        ]);
        correct_tags(&mut s);
        assert_eq!(s.tokens[2].tag, VBG);
        let mut s = Sentence::from_tagged(&[
            ("charges", NNS),
            ("of", IN),
            ("killing", VBG),
            ("the", DT),
            ("soldiers", NNS),
        ]);
        correct_tags(&mut s);
        assert_eq!(s.tokens[2].tag, VBG);
    }

    #[test]
    fn an_ing_word_closing_a_bare_phrase_after_a_preposition_is_a_noun() {
        use Tag::*;
        let mut s = Sentence::from_tagged(&[
            ("killed", VBN),
            ("in", IN),
            ("heavy", JJ),
            ("artillery", NN),
            ("shelling", VBG),
            ("on", IN),
            ("Friday", NNP),
        ]);
        correct_tags(&mut s);
        assert_eq!(s.tokens[4].tag, NN);
        // With an object it is a verb; after a determiner the phrase is the
        // tagger's to read ("for the group fighting in …").
        let mut s = Sentence::from_tagged(&[
            ("in", IN),
            ("artillery", NN),
            ("shelling", VBG),
            ("the", DT),
            ("town", NN),
        ]);
        correct_tags(&mut s);
        assert_eq!(s.tokens[2].tag, VBG);
        let mut s = Sentence::from_tagged(&[
            ("for", IN),
            ("the", DT),
            ("group", NN),
            ("fighting", VBG),
            ("in", IN),
            ("Gondor", NNP),
        ]);
        correct_tags(&mut s);
        assert_eq!(s.tokens[3].tag, VBG);
    }

    #[test]
    fn an_adverb_read_as_adjective_splits_an_infinitive() {
        use Tag::*;
        let mut s = Sentence::from_tagged(&[
            ("to", TO),
            ("further", JJ),
            ("develop", VB),
            ("its", PRPS),
            ("plans", NNS),
        ]);
        correct_tags(&mut s);
        assert_eq!((s.tokens[1].tag, s.tokens[2].tag), (RB, VB));
        let mut s = Sentence::from_tagged(&[
            ("to", TO),
            ("further", JJ),
            ("strengthen", NN),
            ("ties", NNS),
        ]);
        correct_tags(&mut s);
        assert_eq!((s.tokens[1].tag, s.tokens[2].tag), (RB, VB));
        // "to further talks": no verb follows, so "further" stays.
        let mut s = Sentence::from_tagged(&[("to", TO), ("further", JJ), ("talks", NNS)]);
        correct_tags(&mut s);
        assert_eq!(s.tokens[1].tag, JJ);
        // "to new heights": only adverbs split an infinitive.
        let mut s = Sentence::from_tagged(&[("to", TO), ("new", JJ), ("record", NN), ("the", DT)]);
        correct_tags(&mut s);
        assert_eq!((s.tokens[1].tag, s.tokens[2].tag), (JJ, NN));
    }

    #[test]
    fn a_noun_after_to_with_an_object_is_a_verb() {
        use Tag::*;
        let mut s = Sentence::from_tagged(&[
            ("rally", NN),
            ("to", TO),
            ("protest", NN),
            ("the", DT),
            ("law", NN),
        ]);
        correct_tags(&mut s);
        assert_eq!(s.tokens[2].tag, VB);
        // No object after it: "returned to power in 2010" keeps the noun.
        let mut s = Sentence::from_tagged(&[
            ("returned", VBD),
            ("to", TO),
            ("power", NN),
            ("in", IN),
            ("2010", CD),
        ]);
        correct_tags(&mut s);
        assert_eq!(s.tokens[2].tag, NN);
    }

    #[test]
    fn a_noun_after_to_with_a_particle_and_object_is_a_verb() {
        use Tag::*;
        let mut s = Sentence::from_tagged(&[
            ("offered", VBD),
            ("to", TO),
            ("hand", NN),
            ("over", IN),
            ("the", DT),
            ("keys", NNS),
        ]);
        correct_tags(&mut s);
        assert_eq!(s.tokens[2].tag, VB);
        // "went to war over the islands": a bare noun after the preposition.
        let mut s = Sentence::from_tagged(&[
            ("went", VBD),
            ("to", TO),
            ("war", NN),
            ("over", IN),
            ("the", DT),
            ("islands", NNS),
        ]);
        correct_tags(&mut s);
        assert_eq!(s.tokens[2].tag, NN);
    }

    #[test]
    fn coordinated_ing_words_inside_a_noun_phrase_are_nouns() {
        use Tag::*;
        let mut s = Sentence::from_tagged(&[
            ("a", DT),
            ("new", JJ),
            ("mining", NN),
            ("and", CC),
            ("drilling", VBG),
            ("offensive", JJ),
            ("against", IN),
        ]);
        correct_tags(&mut s);
        assert_eq!(s.tokens[4].tag, NN);
        assert_eq!(s.tokens[5].tag, NN);
        // After a verb they are the verbs of the clause.
        let mut s = Sentence::from_tagged(&[
            ("were", VBD),
            ("mining", VBG),
            ("and", CC),
            ("drilling", VBG),
            ("wells", NNS),
        ]);
        correct_tags(&mut s);
        assert_eq!(s.tokens[3].tag, VBG);
    }

    #[test]
    fn a_plural_noun_read_as_a_verb_before_a_participle_in_an_object() {
        use Tag::*;
        let mut s = Sentence::from_tagged(&[
            ("cut", VBD),
            ("all", DT),
            ("water", NN),
            ("pipes", VBZ),
            ("running", VBG),
            ("into", IN),
        ]);
        correct_tags(&mut s);
        assert_eq!(s.tokens[3].tag, NNS);
        // A subject after a reporting verb, or a verb taking an -ing form.
        let mut s = Sentence::from_tagged(&[
            ("said", VBD),
            ("the", DT),
            ("army", NN),
            ("plans", VBZ),
            ("building", VBG),
        ]);
        correct_tags(&mut s);
        assert_eq!(s.tokens[3].tag, VBZ);
        let mut s = Sentence::from_tagged(&[
            ("in", IN),
            ("the", DT),
            ("war", NN),
            ("keeps", VBZ),
            ("going", VBG),
        ]);
        correct_tags(&mut s);
        assert_eq!(s.tokens[3].tag, VBZ);
        let mut s = Sentence::from_tagged(&[
            ("in", IN),
            ("the", DT),
            ("town", NN),
            ("is", VBZ),
            ("growing", VBG),
        ]);
        correct_tags(&mut s);
        assert_eq!(s.tokens[3].tag, VBZ);
    }
}
