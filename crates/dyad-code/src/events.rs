//! Stage 6: events. Each clause whose verb the dictionary knows becomes
//! zero or more events: source from the subject (the agent in the passive),
//! target from the pattern's `+`, the object, a prepositional object, or
//! reported content; compound actors expand to one event per pair.

use dyad_model::{Document, EventRecord, EventSpans, Sentence, Span, Tag};
use dyad_phrases::{ClauseKind, NpKind, SentenceParse, TokRange};

use crate::actors::{self, find_mentions, np_actors, Actor, Mention};
use crate::frames::{self, Frame};
use crate::verbs::{CodePair, PatternMatch, PatternWords, VerbLexicon};
use crate::Dictionaries;

mod structure;

/// What the coder remembers across sentences of one document, so "he",
/// "Xi" and "the two nations" find who they mean.
#[derive(Debug, Default, Clone)]
pub struct DocContext {
    /// The last person actor in subject position.
    pub last_person: Option<Actor>,
    /// Every person actor named so far (for surname mentions).
    pub persons: Vec<Actor>,
    /// Distinct country-level actors in order of first mention.
    pub countries: Vec<String>,
    /// The actors of the most recent subject with two or more actors ("the
    /// two leaders … they promised").
    pub last_group: Vec<Actor>,
    /// Country of the most recent subject: a role named without a country
    /// ("Defence Minister Pierre Joxe said") is taken to belong to it.
    pub subject_country: Option<String>,
}

impl DocContext {
    fn note(&mut self, a: &Actor, subject: bool) {
        if a.person {
            if subject {
                self.last_person = Some(a.clone());
            }
            if !self
                .persons
                .iter()
                .any(|p| p.code == a.code && p.name == a.name)
            {
                self.persons.push(a.clone());
            }
        }
        let c = a.country().to_string();
        if subject && c.len() == 3 && !a.code.starts_with("IGO") {
            self.subject_country = Some(c.clone());
        }
        if c.len() == 3 && !self.countries.contains(&c) {
            self.countries.push(c);
        }
    }
}

const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "her", "his"];
const GROUP_WORDS: &[&str] = &[
    "nations",
    "countries",
    "sides",
    "states",
    "governments",
    "partners",
    "leaders",
];

/// Resolve a noun phrase to actors: dictionary/composed actor, coordination
/// members, pronouns and surnames through the document context.
/// One sentence as the actor and target resolvers read it.
struct Scene<'a> {
    p: &'a SentenceParse,
    /// Clauses a discard phrase removed: their phrases are no one's target.
    discarded: &'a [usize],
    lower: &'a [&'a str],
    tags: &'a [Tag],
    mentions: &'a [Mention],
    /// Whether a dictionary code naming several actors ("FRO/BIL/SAM")
    /// codes one event per actor; see [`VerbLexicon::expands_compound_codes`].
    expand_compound_codes: bool,
}

fn resolve(np: usize, sc: &Scene, ctx: &DocContext) -> Vec<Actor> {
    let (p, lower, mentions, tags) = (sc.p, sc.lower, sc.mentions, sc.tags);
    let members = p.conjuncts(np);
    // "Danish media and government": a country before the first member
    // modifies them all.
    let shared = members
        .first()
        .and_then(|&m| actors::country_modifier(mentions, &p.nps[m].tokens));
    // "Lawmakers and officials in Arnor and Gondor": the phrase after the
    // last member distributes over roles that name no country.
    let last = *members.last().unwrap_or(&np);
    let mut out = Vec::new();
    for &m in &members {
        let resolved = resolve_one(m, sc, ctx).unwrap_or_default();
        let role_only = actors::agent_without_country(mentions, &p.nps[m].tokens);
        // A role of unknown country may still take one from its coordination;
        // what the phrase resolved to alone is the fallback.
        let mut got = if resolved.iter().any(|a| !a.code.starts_with("---")) {
            resolved.clone()
        } else {
            Vec::new()
        };
        if role_only && m != last && members.len() > 1 {
            let from_last: Vec<String> = np_actors(p, last, mentions, tags, lower, None)
                .into_iter()
                .map(|a| a.code)
                .collect();
            if let Some(role) = mentions.iter().find(|x| {
                x.tokens.start >= p.nps[m].tokens.start
                    && x.tokens.start < p.nps[m].tokens.end
                    && x.kind != actors::MentionKind::Actor
            }) {
                got = from_last
                    .iter()
                    .filter_map(|code| {
                        let country = code.get(..3)?;
                        let c = Mention {
                            tokens: 0..0,
                            code: country.to_string(),
                            kind: actors::MentionKind::Actor,
                            phrase: String::new(),
                            in_compound: false,
                        };
                        role_of_country(role, &c, &p.nps[m].tokens, tags, lower)
                    })
                    .collect();
            }
        }
        // "Chinese, Kenyan and Ethiopian officials": a bare nationality
        // before the last member shares its role. So does a country's
        // abbreviation before one ("US and British activists").
        let last_starts_demonym = lower
            .get(p.nps[last].tokens.start)
            .is_some_and(|w| is_demonym_form(w));
        let bare_country = mentions.iter().find(|x| {
            x.kind == actors::MentionKind::Actor
                && x.code.len() == 3
                && x.tokens == p.nps[m].tokens
                && x.tokens.end.checked_sub(1).is_some_and(|k| {
                    lower.get(k).is_some_and(|w| is_demonym_form(w))
                        || (x.tokens.len() == 1
                            && last_starts_demonym
                            && tags.get(k) == Some(&Tag::NNP)
                            && lower.get(k).is_some_and(|w| w.len() <= 3))
                })
        });
        if let (true, Some(c)) = (m != last, bare_country) {
            let last_range = &p.nps[last].tokens;
            let role = mentions.iter().find(|x| {
                x.tokens.start >= last_range.start
                    && x.tokens.end <= last_range.end
                    && x.kind != actors::MentionKind::Actor
            });
            if let Some(a) = role.and_then(|r| role_of_country(r, c, &p.nps[m].tokens, tags, lower))
            {
                got = vec![a];
            }
        }
        if got.is_empty() && m != members[0] && role_only {
            got = np_actors(p, m, mentions, tags, lower, shared);
        }
        if got.is_empty() {
            got = resolved;
        }
        out.extend(got);
    }
    if !sc.expand_compound_codes {
        return out;
    }
    out.into_iter()
        .flat_map(|a| {
            if a.code.contains('/') {
                a.code
                    .split('/')
                    .filter(|c| !c.is_empty())
                    .map(|c| Actor {
                        code: c.to_string(),
                        ..a.clone()
                    })
                    .collect::<Vec<_>>()
            } else {
                vec![a]
            }
        })
        .collect()
}

/// A role mention of one coordinated member given another member's
/// country ("officials and lawmakers of Arnor", "Chinese and Kenyan
/// officials"), named by the member's own words `tokens`.
fn role_of_country(
    role: &Mention,
    country: &Mention,
    tokens: &TokRange,
    tags: &[Tag],
    lower: &[&str],
) -> Option<Actor> {
    let head = role.tokens.end.checked_sub(1)?;
    let mut a = actors::compose(
        std::slice::from_ref(role),
        role.tokens.clone(),
        head,
        tags,
        lower,
        Some(country),
    )?;
    a.tokens = tokens.clone();
    Some(a)
}

/// Whether a word has the shape of a nationality adjective ("Kenyan",
/// "Chinese", "Danish", "Iraqi", "Thai"), which the tagger may call NNP.
fn is_demonym_form(w: &str) -> bool {
    ["an", "ese", "ish", "i", "ic", "ch", "ai"]
        .iter()
        .any(|s| w.ends_with(s))
}

fn resolve_one(np: usize, sc: &Scene, ctx: &DocContext) -> Option<Vec<Actor>> {
    let (p, lower, mentions, tags) = (sc.p, sc.lower, sc.mentions, sc.tags);
    let n = &p.nps[np];
    let direct = np_actors(p, np, mentions, tags, lower, None);
    if !direct.is_empty() {
        return Some(direct);
    }
    // A role with no country of its own takes the country of the last subject:
    // "France is ready to contribute troops, Defence Minister Pierre Joxe said".
    // Not a relative's antecedent: "its campaign against the militant group
    // that has seized ..." names the subject's adversary, not its own people.
    let is_subject = p.clauses.iter().any(|c| {
        c.kind != ClauseKind::Relative && c.subject.is_some_and(|x| p.conjuncts(x).contains(&np))
    });
    if let (true, true, Some(country)) = (
        is_subject,
        actors::agent_without_country(mentions, &n.tokens),
        &ctx.subject_country,
    ) {
        let c = Mention {
            tokens: 0..0,
            code: country.clone(),
            kind: actors::MentionKind::Actor,
            phrase: String::new(),
            in_compound: false,
        };
        let got = np_actors(p, np, mentions, tags, lower, Some(&c));
        if !got.is_empty() {
            return Some(got);
        }
    }
    // "A group of Kenyan diplomats", "thousands of protesters", "members of
    // parliament from X": a quantity or collective is the people it counts.
    // "Leaders of the opposition coalition": those who lead or speak for a
    // body the phrase does not otherwise name are that body acting.
    let names_nothing = || {
        !mentions
            .iter()
            .any(|m| m.tokens.start < n.tokens.end && m.tokens.end > n.tokens.start)
    };
    if is_partitive(lower[n.head]) || (actors::speaks_for_body(lower[n.head]) && names_nothing()) {
        let of_next = p.nps.get(np + 1).is_some_and(|x| {
            x.preposition == Some(n.tokens.end) && lower.get(n.tokens.end) == Some(&"of")
        });
        if of_next {
            let got = resolve(np + 1, sc, ctx);
            if !got.is_empty() {
                return Some(
                    got.into_iter()
                        .map(|a| Actor {
                            tokens: n.tokens.start..a.tokens.end.max(n.tokens.end),
                            ..a
                        })
                        .collect(),
                );
            }
        }
    }
    let words: Vec<&str> = n.tokens.clone().map(|i| lower[i]).collect();
    if n.kind == NpKind::Pronoun || (words.len() == 1 && PERSON_PRONOUNS.contains(&words[0])) {
        if matches!(words[0], "they" | "them") && ctx.last_group.len() >= 2 {
            return Some(
                ctx.last_group
                    .iter()
                    .map(|a| Actor {
                        tokens: n.tokens.clone(),
                        ..a.clone()
                    })
                    .collect(),
            );
        }
        if PERSON_PRONOUNS.contains(&words[0]) {
            return ctx.last_person.clone().map(|mut a| {
                a.tokens = n.tokens.clone();
                vec![a]
            });
        }
        return None;
    }
    let head = lower[n.head];
    // A relationship names its parties: "Kenya-China relations" → KEN, CHN;
    // "their cooperation" → the document's two main countries.
    if actors::is_relation_noun(head) {
        let named: Vec<&Mention> = mentions
            .iter()
            .filter(|m| {
                n.tokens.contains(&m.tokens.start)
                    && m.kind == actors::MentionKind::Actor
                    && m.code.len() == 3
            })
            .collect();
        if named.len() >= 2 {
            return Some(
                named
                    .iter()
                    .map(|m| Actor {
                        code: m.code.clone(),
                        tokens: m.tokens.clone(),
                        person: false,
                        name: None,
                    })
                    .collect(),
            );
        }
        if words.contains(&"their") && ctx.countries.len() >= 2 {
            return Some(main_pair(ctx, &n.tokens));
        }
    }
    // "the two nations", "both sides": the document's two main countries.
    if (words.contains(&"two") || words.contains(&"both"))
        && GROUP_WORDS.contains(&head)
        && ctx.countries.len() >= 2
    {
        return Some(main_pair(ctx, &n.tokens));
    }
    // A surname or short form of a person named earlier: "Xi", "Ruto".
    if n.kind == NpKind::Proper {
        let name: String = n
            .tokens
            .clone()
            .filter(|&i| tags[i].is_proper())
            .map(|i| lower[i])
            .collect::<Vec<_>>()
            .join(" ");
        if !name.is_empty() {
            for person in ctx.persons.iter().rev() {
                if let Some(full) = &person.name {
                    let full = full.to_lowercase();
                    if full.split_whitespace().any(|w| w == name)
                        || full.ends_with(&format!(" {name}"))
                    {
                        return Some(vec![Actor {
                            code: person.code.clone(),
                            tokens: n.tokens.clone(),
                            person: true,
                            name: person.name.clone(),
                        }]);
                    }
                }
            }
        }
    }
    // A role with no country anywhere: PETRARCH's "---" country ("officials
    // said", "an aid agency appealed") keeps the event, marked unknown.
    // The role is the head ("officials"), or modifies a head naming people
    // ("Islamic fundamentalist leaders"), or is the title of an unknown
    // person ("Judge Alejandro Rivera").
    let people_head = actors::is_people_noun(lower[n.head]) || sc.tags[n.head].is_proper();
    let role = mentions.iter().rev().find(|m| {
        matches!(m.kind, actors::MentionKind::Agent { .. })
            && (m.tokens.contains(&n.head)
                || (people_head && m.tokens.start >= n.tokens.start && m.tokens.end <= n.head))
    })?;
    if actors::agent_without_country(mentions, &n.tokens) {
        return Some(vec![Actor {
            code: format!("---{}", role.code),
            tokens: n.tokens.clone(),
            person: false,
            name: None,
        }]);
    }
    None
}

/// Head nouns that count or collect people rather than name them.
fn is_partitive(head: &str) -> bool {
    matches!(
        head,
        "group"
            | "groups"
            | "member"
            | "members"
            | "tens"
            | "hundreds"
            | "thousands"
            | "millions"
            | "dozens"
            | "scores"
            | "some"
            | "many"
            | "most"
            | "several"
            | "all"
            | "majority"
            | "number"
            | "team"
            | "delegation"
            | "contingent"
            | "batch"
            | "patch"
            | "deployment"
            | "unit"
            | "band"
            | "crowd"
            | "crowds"
            | "handful"
            | "supporters"
            | "followers"
            | "loyalists"
            | "wing"
            | "faction"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "dozen"
            | "hundred"
            | "thousand"
    )
}

/// The document's two main countries, named by `tokens` ("their",
/// "the two nations", "both sides").
fn main_pair(ctx: &DocContext, tokens: &TokRange) -> Vec<Actor> {
    ctx.countries
        .iter()
        .take(2)
        .map(|c| Actor {
            code: c.clone(),
            tokens: tokens.clone(),
            person: false,
            name: None,
        })
        .collect()
}

fn span_of(s: &Sentence, r: &std::ops::Range<usize>) -> Option<Span> {
    let first = s.tokens.get(r.start)?;
    let last = s.tokens.get(r.end.checked_sub(1)?)?;
    Some(Span::new(
        first.span.start - s.span.start,
        last.span.end - s.span.start,
    ))
}

/// What the coder understood of a sentence's actors, for `dyad parse`.
#[derive(Debug, Clone, Default)]
pub struct SentenceActors {
    /// Per noun phrase, the actors it resolved to (empty when none).
    pub nps: Vec<Vec<Actor>>,
    /// Per quotation, the speaker's actors.
    pub speakers: Vec<Vec<Actor>>,
    /// Per clause, what the coder decided and why (for `dyad parse`).
    pub decisions: Vec<String>,
}

/// One sentence as the coder reads it: its document, tokens, parse, the
/// lower-cased words (computed once per sentence for every dictionary
/// search) and the clauses a discard phrase removed.
#[derive(Clone, Copy)]
pub struct SentenceInput<'a> {
    pub doc: &'a Document,
    pub s: &'a Sentence,
    pub p: &'a SentenceParse,
    pub lower: &'a [&'a str],
    pub discarded: &'a [usize],
}

/// What codes every sentence alike: the dictionaries, the verb patterns
/// compiled from them, and the conventions chosen for the run.
#[derive(Clone, Copy)]
pub struct Coder<'a> {
    pub dicts: &'a Dictionaries,
    pub verbs: &'a VerbLexicon,
    pub future_acts: crate::FutureActs,
}

/// Code one sentence; `ctx` carries the document's memory. When `explain`
/// is given it receives the actors resolved for each phrase and speaker.
pub fn code_sentence(
    input: &SentenceInput,
    coder: &Coder,
    ctx: &mut DocContext,
    date: chrono::NaiveDate,
    out: &mut Vec<EventRecord>,
    mut explain: Option<&mut SentenceActors>,
) {
    let SentenceInput {
        doc,
        s,
        p,
        lower,
        discarded,
    } = *input;
    let Coder { dicts, verbs, .. } = *coder;
    let tags: Vec<Tag> = s.tokens.iter().map(|t| t.tag).collect();
    let mut mentions = find_mentions(lower, &dicts.actors, &dicts.agents, date);
    drop_common_words(&mut mentions, s);
    let words = PatternWords::new(lower, &tags, verbs);
    let sc = Scene {
        p,
        discarded,
        lower,
        tags: &tags,
        mentions: &mentions,
        expand_compound_codes: verbs.expands_compound_codes(),
    };
    let text = s.span.slice(&doc.text);
    // The event date as written, formatted once for the sentence's events.
    let mut date_text: Option<String> = None;

    // Subjects first, so pronouns later in the sentence resolve.
    let mut subject_actors: Vec<Vec<Actor>> = Vec::with_capacity(p.clauses.len());
    let quote_of = |tok: usize| p.quotes.iter().position(|q| q.inner.contains(&tok));
    // Who speaks each quotation (resolved once, before its clauses need it).
    let mut speakers: Vec<Vec<Actor>> = Vec::with_capacity(p.quotes.len());
    for (ci, c) in p.clauses.iter().enumerate() {
        let mut acts = c
            .subject
            .map(|np| resolve(np, &sc, ctx))
            .unwrap_or_default();
        // In reported speech "it", "they" and "we" are the speaker:
        // "Ethiopia indicated it would act" / "“We will help,” Xi said".
        let self_pronoun = c
            .subject
            .is_some_and(|np| matches!(lower[p.nps[np].head], "it" | "they" | "we"));
        if acts.is_empty() && self_pronoun && c.kind == ClauseKind::Complement {
            if let Some(g) = c.governor.filter(|&g| g < ci) {
                acts = subject_actors[g].clone();
            }
        }
        for a in &acts {
            ctx.note(a, true);
        }
        // "The Kenyan president said he would …": one office holder in
        // subject position is who a later "he" or "she" most likely means.
        if acts.len() == 1
            && c.subject
                .is_some_and(|np| actors::is_person_role(lower[p.nps[np].head]))
        {
            ctx.last_person = Some(acts[0].clone());
        }
        if acts.len() >= 2 {
            ctx.last_group = acts.clone();
        }
        // "President Xi's emphasis … was accompanied by …": the possessor of
        // a subject is who the next "he" most likely means.
        if let Some(np) = c.subject {
            if let Some(a) = possessor_actor(p, np, &mentions, &tags, lower) {
                if a.person {
                    ctx.note(&a, true);
                }
                // "Eriador's death toll has risen": with no actor in the
                // subject itself, its possessor is who the clause is about.
                if acts.is_empty() {
                    acts.push(a);
                }
            }
        }
        if acts.is_empty() {
            acts = structure::subject_modifier_actors(c, &sc, ctx);
        }
        subject_actors.push(acts);
    }
    for q in &p.quotes {
        speakers.push(
            q.speaker
                .map(|np| resolve(np, &sc, ctx))
                .unwrap_or_default(),
        );
    }
    for (ci, c) in p.clauses.iter().enumerate() {
        let in_quote = quote_of(p.verbs[c.verb].main);
        if let (Some(q), true) = (in_quote, subject_actors[ci].is_empty()) {
            if c.subject
                .is_some_and(|np| matches!(lower[p.nps[np].head], "we" | "i"))
            {
                subject_actors[ci] = speakers[q].clone();
            }
        }
    }
    for np in 0..p.nps.len() {
        for a in np_actors(p, np, &mentions, &tags, lower, None) {
            ctx.note(&a, false);
        }
    }
    // Why each clause was or was not coded, spelled out only for `dyad parse`.
    let explaining = explain.is_some();
    let mut decisions: Vec<String> = vec![String::new(); p.clauses.len()];
    if let Some(x) = explain.as_deref_mut() {
        x.nps = (0..p.nps.len())
            .map(|np| resolve_one(np, &sc, ctx).unwrap_or_default())
            .collect();
        x.speakers = p
            .quotes
            .iter()
            .map(|q| {
                q.speaker
                    .map(|np| resolve(np, &sc, ctx))
                    .unwrap_or_default()
            })
            .collect();
    }
    if s.boilerplate.is_some() {
        return;
    }

    // Who reports each clause, if it is reported, asked or intended rather
    // than done: quoted content, a reporting verb's complement ("Xi urged
    // that …"), an infinitive under a directive ("encouraged both sides to
    // work together"), and anything hanging off such a clause ("said it
    // would send troops to help Niger").
    let mut reported: Vec<Option<Vec<Actor>>> = Vec::with_capacity(p.clauses.len());
    for (ci, c) in p.clauses.iter().enumerate() {
        let r = if let Some(q) = quote_of(p.verbs[c.verb].main) {
            Some(speakers[q].clone())
        } else if c.kind == ClauseKind::Complement {
            Some(
                c.governor
                    .and_then(|g| subject_actors.get(g).cloned())
                    .unwrap_or_default(),
            )
        } else if let Some(g) = reporting_governor(p, ci) {
            Some(subject_actors.get(g).cloned().unwrap_or_default())
        } else if matches!(c.kind, ClauseKind::Infinitive | ClauseKind::Participle) {
            c.governor
                .filter(|&g| g < ci)
                .and_then(|g| reported[g].clone())
        } else {
            None
        };
        reported.push(r);
    }
    // Each clause's own code from the verb dictionary, before any actor.
    let own: Vec<Result<ClauseCode, String>> = p
        .clauses
        .iter()
        .map(|c| clause_code(c, p, lower, &words, verbs))
        .collect();
    // Frames ("agreed to lift the ban", "urged X to send troops", "said X
    // must release"): the governing clause takes its code from the action,
    // which is then not coded on its own.
    let framed = frame_clauses(p, lower, &own, &subject_actors);
    // What a punishment or accusation is for, and what hangs off it.
    let mut alleged = vec![false; p.clauses.len()];
    for (ci, c) in p.clauses.iter().enumerate() {
        alleged[ci] = alleged_reason(p, ci, lower)
            || (matches!(c.kind, ClauseKind::Infinitive | ClauseKind::Participle)
                && c.governor.is_some_and(|g| g < ci && alleged[g]));
    }
    for (ci, c) in p.clauses.iter().enumerate() {
        let vg = &p.verbs[c.verb];
        // A pattern that spells the negation out codes it as written.
        let pattern_negates = own[ci]
            .as_ref()
            .ok()
            .and_then(|o| o.m.as_ref())
            .is_some_and(|m| m.pattern.states_negation());
        // A negated verb codes nothing, unless the dictionaries' ontology
        // says what its negation means ("did not criticise" → 050 in PICO),
        // or it refuses cooperation (see `refusal`).
        let negation = (vg.negated && !pattern_negates)
            .then(|| {
                let own = own[ci].as_ref().ok()?;
                let code = own.code.fwd.as_deref()?;
                let neg = dicts
                    .ontology
                    .as_ref()
                    .and_then(|o| o.negated(code))
                    .map(str::to_string)
                    .or_else(|| refusal(vg, code))?;
                Some((neg, own.m.clone()))
            })
            .flatten();
        // "will not meet" is a refusal made now, not an intention.
        let refused = negation.is_some();
        if vg.negated && negation.is_none() && !pattern_negates {
            if explaining {
                decisions[ci] = "negated: not coded".into();
            }
            continue;
        }
        if discarded.contains(&ci) {
            if explaining {
                decisions[ci] = "discarded (see below): not coded".into();
            }
            continue;
        }
        // "asked whether Uganda attacked Somalia", "will decide whether to
        // send troops": an open question reports no act.
        if open_question(p, ci, lower) {
            if explaining {
                decisions[ci] = "an open question (whether …): not coded".into();
            }
            continue;
        }
        // "would not give Russia permission to help Israel": what a negated
        // clause's infinitive would do is not done.
        let under_negation = c.kind == ClauseKind::Infinitive
            && framed.folded[ci].is_none()
            && c.governor
                .is_some_and(|g| p.verbs[p.clauses[g].verb].negated);
        if under_negation {
            if explaining {
                decisions[ci] = "under a negated clause: not coded".into();
            }
            continue;
        }
        if alleged[ci] {
            if explaining {
                decisions[ci] = "the reason given for a punishment or accusation: not coded".into();
            }
            continue;
        }
        if let Some(f) = framed.folded[ci] {
            if explaining {
                decisions[ci] = format!("folded into C{f}'s frame");
            }
            continue;
        }
        // Reported content is not coded as fact: the speaker's statement is
        // (its own clause), and the content is kept marked `reported`, with
        // the speaker, so an analyst can count or drop it.
        let speaker = reported[ci].clone();
        let composed = framed.composed[ci].as_ref();
        let (code, m) = match (composed, &own[ci]) {
            _ if negation.is_some() => {
                let (neg, m) = negation.unwrap_or_default();
                (
                    CodePair {
                        fwd: Some(neg),
                        rev: None,
                    },
                    m,
                )
            }
            (Some(f), own) => (
                CodePair {
                    fwd: Some(f.code.clone()),
                    rev: None,
                },
                own.as_ref().ok().and_then(|o| o.m.clone()),
            ),
            (None, Ok(o)) => (o.code.clone(), o.m.clone()),
            (None, Err(why)) => {
                if explaining {
                    decisions[ci] = why.clone();
                }
                continue;
            }
        };
        // "Finland will give Tanzania a grant": under the codebook's
        // convention one's own future act is a statement of intent (0331),
        // a hostile one a threat.
        // So is a conditional one: "may halt mediation if cooperation
        // founders" threatens, as the codebook codes it (135).
        let will = future_or_modal(vg, &["will", "shall"])
            || (future_or_modal(vg, CONDITIONAL_MODALS) && conditioned(p, lower, vg));
        let intended_code = (coder.future_acts == crate::FutureActs::Intent
            && !refused
            && composed.is_none()
            && will)
            .then(|| {
                code.fwd
                    .as_deref()
                    // Already an intent or threat ("will host" is 036:036).
                    .filter(|c| !c.starts_with("03") && !c.starts_with("13"))
                    .and_then(|c| frames::compose(frames::Frame::Intent, c))
            })
            .flatten();
        let intended = intended_code.is_some();
        // "wounded two soldiers in a bomb attack": CAMEO splits violence by
        // weapon, which the clause names more often than the verb does.
        let code = match code.fwd.as_deref() {
            // Only the verb's base code: a pattern that chose 180 or 190 for
            // its words ("fired {ARTILLERY SHELLS}") has decided.
            Some(general @ ("180" | "190")) if intended_code.is_none() && m.is_none() => {
                let start = c
                    .subject
                    .map_or(vg.tokens.start, |n| p.nps[n].tokens.start)
                    .min(vg.tokens.start);
                let words = lower.get(start..c.rest.end).unwrap_or_default();
                match weapon_code(words, general) {
                    Some(w) => CodePair {
                        fwd: Some(w.to_string()),
                        rev: None,
                    },
                    None => code,
                }
            }
            _ => code,
        };
        // "killed the deputy chief of …", "murdered the governor": killing
        // one holder of a political office is CAMEO's assassination (186).
        let code = match code.fwd.as_deref() {
            Some("190")
                if intended_code.is_none()
                    && m.is_none()
                    && matches!(vg.lemma.as_str(), "kill" | "murder")
                    && c.object
                        .is_some_and(|o| is_political_office(lower[p.nps[o].head])) =>
            {
                CodePair {
                    fwd: Some("186".to_string()),
                    rev: None,
                }
            }
            _ => code,
        };
        // "helicopter gunships killed 46 civilians", "warplanes attacked the
        // town": violence whose doer is an aircraft is CAMEO's 195, employ
        // aerial weapons, whatever the victims or the verb's own code.
        let doer = if vg.passive { c.agent } else { c.subject };
        let code = match code.fwd.as_deref() {
            Some(v)
                if intended_code.is_none()
                    && is_aerial_replaceable(v)
                    && doer.is_some_and(|np| is_aircraft_phrase(lower, &p.nps[np])) =>
            {
                CodePair {
                    fwd: Some("195".to_string()),
                    rev: None,
                }
            }
            _ => code,
        };
        // "began a hunger strike to demand the president's resignation":
        // CAMEO splits protests by what they are for, as it splits demands
        // (1041 leadership change → 1411, 1421, …; 1044 institutions → 1414).
        let code = match code.fwd.as_deref() {
            Some(pc @ ("141" | "142" | "143" | "144" | "145")) if intended_code.is_none() => {
                match protest_purpose(p, ci, &own) {
                    Some(n) => CodePair {
                        fwd: Some(format!("{pc}{n}")),
                        rev: None,
                    },
                    None => code,
                }
            }
            _ => code,
        };
        let code = match intended_code {
            Some(c) => CodePair {
                fwd: Some(c),
                rev: None,
            },
            None => code,
        };

        // Who acts: the subject, or the "by" agent of a passive.
        let (mut sources, mut targets): (Vec<Actor>, Vec<Actor>);
        let actors_at = |tok: usize| {
            p.np_of_token
                .get(tok)
                .copied()
                .flatten()
                .map(|np| resolve(np, &sc, ctx))
                .unwrap_or_default()
        };
        // "Algeria is prepared to lift the ban": "prepared/committed to" with
        // no "by" agent is an adjective and its subject acts ("Kenya was
        // urged to" stays someone else's appeal).
        let adjectival = frames::adjectival_participle(&vg.lemma);
        // "ten Russian soldiers killed in Ukraine": a bare past participle
        // after its phrase, with no object, is passive — when the sentence
        // has a main verb of its own (else the "participle" is a main verb
        // the tagger misread).
        // The phrase must belong to another clause (its object, a
        // prepositional object, or the subject of a verb after it): a
        // sentence-opening "Ethiopia broken down with Libya" is a main verb
        // missing its auxiliary.
        let in_other_clause = |np: usize| {
            p.clauses.iter().enumerate().any(|(oi, o)| {
                oi != ci
                    && (o.object == Some(np)
                        || o.preps.iter().any(|pp| pp.np == np)
                        || (o.subject == Some(np) && p.verbs[o.verb].main > vg.main))
            })
        };
        let reduced_passive = c.kind == ClauseKind::Participle
            && vg.tokens.start == vg.main
            && c.object.is_none()
            && tags.get(vg.main) == Some(&Tag::VBN)
            && p.clauses.iter().any(|o| o.kind == ClauseKind::Main)
            && c.subject.is_some_and(in_other_clause);
        let passive = (vg.passive || reduced_passive)
            && !(adjectival && composed.is_some() && c.agent.is_none());
        if passive {
            sources = c.agent.map(|np| resolve(np, &sc, ctx)).unwrap_or_default();
            targets = subject_actors[ci].clone();
            // "The Russian building was demolished by a Ukrainian protester";
            // "Evidence against Russia was presented by the US": the parties
            // sit in modifiers of the passive's phrases.
            if sources.is_empty() {
                sources = c
                    .agent
                    .and_then(|np| modifier_country(&sc, np))
                    .into_iter()
                    .collect();
            }
            if targets.is_empty() {
                if let Some(subj) = c.subject {
                    let attached = p
                        .nps
                        .get(subj + 1)
                        .filter(|n| n.preposition.is_some() && n.tokens.end <= vg.tokens.start);
                    targets = attached
                        .map(|_| resolve(subj + 1, &sc, ctx))
                        .unwrap_or_default();
                    if targets.is_empty() {
                        targets = modifier_country(&sc, subj).into_iter().collect();
                    }
                }
            }
        } else {
            sources = subject_actors[ci].clone();
            targets = Vec::new();
        }
        if let Some(at) = m.as_ref().and_then(|m| m.source_at) {
            let a = actors_at(at);
            if !a.is_empty() {
                sources = a;
            }
        }
        if let Some(at) = m.as_ref().and_then(|m| m.target_at) {
            targets = actors_at(at);
            // "condemned Ukraine's attack on Kursk": when the pattern's
            // target is the source's own side, the object's possessor is
            // the other party.
            let own_side = |t: &Actor| sources.iter().any(|s| same_side(s, t));
            if !targets.is_empty() && targets.iter().all(own_side) {
                if let Some(a) = c
                    .object
                    .and_then(|o| possessor_actor(p, o, &mentions, &tags, lower))
                    .filter(|a| !own_side(a))
                {
                    targets = vec![a];
                }
            }
        }
        if passive && sources.is_empty() {
            sources = structure::passive_source_in_phrases(c, &sc, ctx, &targets);
        }
        // "said Sudan must return the helicopter": the demand is on the
        // action's subject.
        if let Some(k) = composed.and_then(|f| f.target_subject_of) {
            let a: Vec<Actor> = subject_actors[k]
                .iter()
                .filter(|t| !sources.iter().any(|s| s.code == t.code))
                .cloned()
                .collect();
            if !a.is_empty() {
                targets = a;
            }
        }
        if let Some(o) = composed
            .and_then(|f| f.target_object_of)
            .and_then(|k| p.clauses[k].object)
        {
            let a: Vec<Actor> = resolve(o, &sc, ctx)
                .into_iter()
                .filter(|t| !sources.iter().any(|s| s.code == t.code))
                .collect();
            if !a.is_empty() {
                targets = a;
            }
        }
        let protest = code.fwd.as_deref().is_some_and(|c| c.starts_with("14"));
        if targets.is_empty() {
            // With a compound subject a place is not the other party: "India
            // and Pakistan held talks in Geneva" is India with Pakistan. But
            // protesters do not protest against each other: "US and British
            // activists protested in Beijing" is against China.
            let places = sources.len() < 2 || protest;
            targets = find_target(c, ci, &sc, ctx, &sources, places, false);
        }
        // A frame's other party sits in its action: "refused to release the
        // Eritrean prisoners" is towards Eritrea.
        // Or further down its purpose: "is willing to send material to help
        // defend Saudi Arabia" is towards Saudi Arabia.
        if let (true, Some(f)) = (targets.is_empty(), composed) {
            let mut k = Some(f.action);
            for _ in 0..3 {
                let Some(ki) = k else { break };
                targets = find_target(
                    &p.clauses[ki],
                    ki,
                    &sc,
                    ctx,
                    &sources,
                    sources.len() < 2,
                    false,
                );
                if !targets.is_empty() {
                    break;
                }
                k = (ki + 1..p.clauses.len()).find(|&j| {
                    p.clauses[j].governor == Some(ki) && p.clauses[j].kind == ClauseKind::Infinitive
                });
            }
        }
        // "Gondor and Osgiliath have postponed their meeting": a compound
        // subject with no other party acts on itself, each member towards
        // each other one.
        if targets.is_empty() && sources.len() >= 2 && !protest {
            targets = sources.clone();
        }
        if targets.is_empty() && m.as_ref().and_then(|m| m.target_at).is_none() {
            // Statements (01) about one's own country are not events towards
            // it; protests (14) go to its government (below).
            let own_ok = !code
                .fwd
                .as_deref()
                .or(code.rev.as_deref())
                .is_some_and(|c| c.starts_with("01") || c.starts_with("14"));
            targets = find_target(c, ci, &sc, ctx, &sources, true, own_ok);
        }
        // "threatened to ban voting if Hamas ran": a threat is aimed at whoever
        // its condition names. So is a refusal ("will not end the strike
        // unless the government meets their demands").
        if targets.is_empty()
            && code
                .fwd
                .as_deref()
                .is_some_and(|c| c.starts_with("13") || c.starts_with("12"))
        {
            targets = conditional_party(ci, &sc, ctx, &sources);
        }
        // "Nepalese students protested against the government": a role of no
        // stated country is the protesters' own. So is a home institution
        // ("the government", "the opposition", "parliament", "the courts",
        // "police") that a national actor names without a country.
        let home_institution = |t: &Actor| {
            matches!(
                t.code.as_str(),
                "---GOV" | "---OPP" | "---LEG" | "---JUD" | "---COP"
            )
        };
        if protest || targets.iter().any(home_institution) {
            if let Some(home) = sources.iter().find_map(|s| {
                let c = s.country();
                (c.len() == 3 && !c.starts_with("---") && !s.code.starts_with("IGO"))
                    .then(|| c.to_string())
            }) {
                for t in targets.iter_mut() {
                    if !protest && !home_institution(t) {
                        continue;
                    }
                    if let Some(role) = t.code.strip_prefix("---").filter(|r| !r.is_empty()) {
                        let code = format!("{home}{role}");
                        // Not into the protesters themselves.
                        if sources.iter().all(|s| s.code != code) {
                            t.code = code;
                        }
                    }
                }
            }
        }
        // A protest naming no one protests against its own government
        // ("Egyptian demonstrators rioted"), as ICEWS and CAMEO coders read it.
        if targets.is_empty() && protest {
            targets = sources
                .iter()
                .filter(|a| {
                    a.code.len() >= 3 && !a.code.starts_with("---") && !a.code.starts_with("IGO")
                })
                .filter(|a| !a.code.ends_with("GOV"))
                .map(|a| home_actor(a, "GOV"))
                .collect();
        }
        // Leadership and political reform naming no other party is towards
        // the leader's own country: "President Akayev agreed to resign" is
        // KGZGOV → KGZ (0341), "declined to resign" 1231. So are easing or
        // imposing restrictions on one's own people ("the court cancelled
        // restrictions", "declared a curfew"): 081, 082, 0351–0352, 132, 172.
        let reform = code.fwd.as_deref().is_some_and(|c| {
            [
                "034", "083", "123", "081", "082", "0351", "0352", "132", "172",
            ]
            .iter()
            .any(|r| c.starts_with(r))
        });
        if targets.is_empty() && reform {
            targets = sources
                .iter()
                .filter(|a| a.code.len() > 3 && !a.code.starts_with("---"))
                .filter(|a| !a.code.starts_with("IGO") && !a.code.starts_with("NGO"))
                .map(|a| home_actor(a, ""))
                .collect();
        }
        // Rebels de-escalating towards no one named ("500 Ugandan rebels
        // surrendered", "the rebels declared a truce") yield to the
        // government they fight, their own country's.
        if targets.is_empty() && code.fwd.as_deref().is_some_and(|c| c.starts_with("087")) {
            targets = sources
                .iter()
                .filter(|a| {
                    !a.code.starts_with("---")
                        && a.code
                            .get(3..)
                            .is_some_and(|r| r.starts_with("REB") || r.starts_with("INS"))
                })
                .map(|a| home_actor(a, "GOV"))
                .collect();
        }
        // "A roadside bombing killed a soldier", "was killed in a car bomb
        // explosion": violence done by an attack that names no party is an
        // unidentified attacker's (ICEWS's "Unidentified Attacker"), "---".
        // Only a bombing, blast or explosion: its victims are named, its
        // doer is not, and no other reading of the clause exists.
        let violent = code
            .fwd
            .as_deref()
            .is_some_and(|c| c.starts_with("18") || c.starts_with("19"));
        if sources.is_empty() && !targets.is_empty() && violent {
            let by_attack = if passive {
                c.agent.or_else(|| {
                    c.preps
                        .iter()
                        .find(|pp| matches!(lower[pp.prep], "in" | "by"))
                        .map(|pp| pp.np)
                })
            } else {
                c.subject
            };
            if let Some(np) = by_attack.filter(|&np| is_attack_noun(lower[p.nps[np].head])) {
                sources = vec![Actor {
                    code: "---".to_string(),
                    tokens: p.nps[np].tokens.clone(),
                    person: false,
                    name: None,
                }];
            }
        }
        // "forced out more than 1,000 refugees", "expelled thousands of
        // migrants": expelling a crowd of people is CAMEO's mass expulsion.
        let code = match code.fwd.as_deref() {
            // The phrase counted is the target's, wherever the parse put it
            // ("forced out on Wednesday more than 1,000 refugees").
            Some("174")
                if (0..p.nps.len()).any(|np| {
                    let n = &p.nps[np];
                    n.tokens.start >= c.rest.start
                        && n.tokens.end <= c.rest.end
                        && counts_thousands(lower, &n.tokens)
                        && resolve(np, &sc, ctx)
                            .iter()
                            .any(|a| targets.iter().any(|t| t.code == a.code))
                }) =>
            {
                CodePair {
                    fwd: Some("201".to_string()),
                    rev: None,
                }
            }
            _ => code,
        };
        // "farmers would blockade Paris": a blockade (191) is imposed with
        // armed forces; civilians barring the way protest by obstruction
        // (144), and a threat of it threatens protest (133).
        let code = match code.fwd.as_deref() {
            Some(c @ ("191" | "1381"))
                if !sources.is_empty() && sources.iter().all(|s| civilian_group(&s.code)) =>
            {
                CodePair {
                    fwd: Some(if c == "191" { "144" } else { "133" }.to_string()),
                    rev: None,
                }
            }
            _ => code,
        };
        if sources.is_empty() || targets.is_empty() {
            if explaining {
                decisions[ci] = format!(
                    "code {} from `{}` but {}",
                    code.fwd.as_deref().or(code.rev.as_deref()).unwrap_or("-"),
                    m.as_ref()
                        .map(|m| m.pattern.text.as_str())
                        .unwrap_or("base code"),
                    if sources.is_empty() {
                        "no source actor"
                    } else {
                        "no target actor"
                    }
                );
            }
            continue;
        }
        let verb_end = m.as_ref().map(|m| m.last.max(vg.main)).unwrap_or(vg.main) + 1;
        let verb_range = vg.main..verb_end.min(s.tokens.len());
        let hypothetical = vg
            .modal
            .as_deref()
            .is_some_and(|m| matches!(m, "could" | "might" | "may" | "would"));
        let future = will && !intended;
        let modality = if speaker.is_some() {
            Some("reported".to_string())
        } else if refused {
            None
        } else if hypothetical {
            Some("hypothetical".to_string())
        } else {
            future.then(|| "intended".to_string())
        };
        let speaker_code = speaker.as_ref().filter(|v| !v.is_empty()).map(|v| {
            v.iter()
                .map(|a| a.code.as_str())
                .collect::<Vec<_>>()
                .join("+")
        });
        let own_text = m
            .as_ref()
            .map(|m| m.pattern.text.clone())
            .unwrap_or_default();
        let pattern_text = match composed {
            Some(f) => format!(
                "{} frame `{}` + action `{}` [{}]",
                f.frame.name(),
                vg.lemma,
                f.action_lemma,
                f.action_code
            ),
            None => own_text,
        };
        if explaining {
            decisions[ci] = format!(
                "code {}{} from `{}`: {} -> {}",
                code.fwd.as_deref().unwrap_or("-"),
                code.rev
                    .as_deref()
                    .map(|r| format!(":{r}"))
                    .unwrap_or_default(),
                if pattern_text.is_empty() {
                    "base code"
                } else {
                    pattern_text.as_str()
                },
                sources
                    .iter()
                    .map(|a| a.code.as_str())
                    .collect::<Vec<_>>()
                    .join("+"),
                targets
                    .iter()
                    .map(|a| a.code.as_str())
                    .collect::<Vec<_>>()
                    .join("+"),
            );
        }
        for src in &sources {
            // Self-directed: the same actor, or an actor and its own country
            // ("Xi urged that China and Kenya …" is not CHNGOV→CHN) — unless
            // its own country is the only other party ("promised to
            // democratize Serbia" is SRBGOV→SRB).
            let own = |t: &Actor| same_side(src, t);
            let only_own = targets.iter().all(own);
            for tgt in &targets {
                if tgt.code == src.code || (own(tgt) && !only_own) {
                    continue;
                }
                for (code, a, b) in [(code.fwd.as_ref(), src, tgt), (code.rev.as_ref(), tgt, src)] {
                    let Some(code) = code else { continue };
                    let mut e = EventRecord {
                        doc_id: doc.id.clone(),
                        sentence: s.index,
                        date: date_text
                            .get_or_insert_with(|| date.format("%Y-%m-%d").to_string())
                            .clone(),
                        date_source: doc.date_source,
                        source: a.code.clone(),
                        target: b.code.clone(),
                        source_text: span_of(s, &a.tokens)
                            .map(|sp| sp.slice(text).to_string())
                            .unwrap_or_default(),
                        target_text: span_of(s, &b.tokens)
                            .map(|sp| sp.slice(text).to_string())
                            .unwrap_or_default(),
                        code: String::new(),
                        root: String::new(),
                        quad_class: 0,
                        goldstein: 0.0,
                        plover: Default::default(),
                        text: text.to_string(),
                        spans: EventSpans {
                            source: span_of(s, &a.tokens),
                            target: span_of(s, &b.tokens),
                            verb: span_of(s, &verb_range),
                        },
                        verb_text: span_of(s, &verb_range)
                            .map(|sp| sp.slice(text).to_string())
                            .unwrap_or_default(),
                        speaker: speaker_code.clone(),
                        modality: modality.clone(),
                        pattern: pattern_text.clone(),
                        location: None,
                    };
                    e.set_code(code);
                    if !out.iter().any(|o| {
                        o.sentence == e.sentence
                            && o.source == e.source
                            && o.target == e.target
                            && o.code == e.code
                    }) {
                        out.push(e);
                    }
                }
            }
        }
    }
    if let Some(x) = explain {
        x.decisions = decisions;
    }
}

/// In normally capitalised text, a name written in lower case is a common
/// word or phrase: "scaling a pole", "ate turkey", "china cups" are not
/// Poland, Turkey and China. A name right after a capitalised word is kept
/// ("President obama").
fn drop_common_words(mentions: &mut Vec<Mention>, s: &Sentence) {
    let upper = |i: usize| {
        s.tokens
            .get(i)
            .and_then(|t| t.norm.chars().next())
            .is_some_and(char::is_uppercase)
    };
    // No capital anywhere: "anti-Gondor" names Gondor.
    let lower_at = |i: usize| {
        s.tokens
            .get(i)
            .is_some_and(|t| !t.norm.chars().any(char::is_uppercase))
    };
    if !(1..s.tokens.len()).any(upper) {
        return;
    }
    // So is a name of several words that starts and ends in lower case: "an
    // armed Islamic group" is not the Armed Islamic Group.
    mentions.retain(|m| {
        let last = m.tokens.end.saturating_sub(1);
        !(m.kind == actors::MentionKind::Actor
            && (m.tokens.len() == 1 || lower_at(last))
            && lower_at(m.tokens.start)
            && !(m.tokens.start > 0 && upper(m.tokens.start - 1)))
    });
}

/// Whether a clause is introduced by "whether": its subject ("whether
/// Uganda attacked"), or its "to" ("whether to send"), right after it,
/// adverbs aside.
fn open_question(p: &SentenceParse, ci: usize, lower: &[&str]) -> bool {
    let c = &p.clauses[ci];
    let verb_start = p.verbs[c.verb].tokens.start;
    // An infinitive's subject is its controller, further back.
    let start = if c.kind == ClauseKind::Infinitive {
        verb_start
    } else {
        c.subject
            .and_then(|s| p.nps.get(s))
            .map(|np| np.tokens.start)
            .filter(|&s| s < verb_start)
            .unwrap_or(verb_start)
    };
    let mut k = start;
    while k > 0 && matches!(lower[k - 1], "really" | "ever" | "even" | "yet" | "not") {
        k -= 1;
    }
    k > 0 && lower[k - 1] == "whether"
}

/// "jailed a student for helping militants", "accused Rwanda of arming
/// rebels": the act a punishment or accusation is for is alleged, not
/// reported as done; the punishment or accusation is the event.
fn alleged_reason(p: &SentenceParse, ci: usize, lower: &[&str]) -> bool {
    let c = &p.clauses[ci];
    let vg = &p.verbs[c.verb];
    let gerund_after = vg.tokens.start > 0
        && vg.tokens.start == vg.main
        && lower.get(vg.main).is_some_and(|w| w.ends_with("ing"))
        && matches!(lower[vg.tokens.start - 1], "for" | "of");
    if !gerund_after || ci == 0 {
        return false;
    }
    let before = &p.verbs[p.clauses[ci - 1].verb];
    matches!(
        before.lemma.as_str(),
        "jail"
            | "imprison"
            | "sentence"
            | "convict"
            | "arrest"
            | "detain"
            | "accuse"
            | "charge"
            | "indict"
            | "prosecute"
            | "punish"
            | "fine"
            | "blame"
            | "suspect"
            | "execute"
    )
}

/// Whether two actors are one side: the same actor, or an actor and its
/// own country or institution (CHNGOV and CHN).
fn same_side(a: &Actor, b: &Actor) -> bool {
    a.code.starts_with(&b.code) || b.code.starts_with(&a.code)
}

/// The actor a noun phrase's possessor names ("China's position" → CHN).
fn possessor_actor(
    p: &SentenceParse,
    np: usize,
    mentions: &[Mention],
    tags: &[Tag],
    lower: &[&str],
) -> Option<Actor> {
    let pos = p.nps.get(np)?.possessor.clone()?;
    let head = pos.end.saturating_sub(1);
    actors::compose(mentions, pos, head, tags, lower, None)
}

/// The actor's own country, with `role` ("GOV", or "" for the country
/// itself), named by the actor's words: the other party of acts that name
/// none ("Egyptian demonstrators rioted", "the president agreed to resign").
fn home_actor(a: &Actor, role: &str) -> Actor {
    Actor {
        code: format!("{}{role}", a.country()),
        tokens: a.tokens.clone(),
        person: false,
        name: None,
    }
}

/// The subject of the first "if"/"unless" clause after clause `ci`, if it
/// names an actor other than the sources.
fn conditional_party(ci: usize, sc: &Scene, ctx: &DocContext, sources: &[Actor]) -> Vec<Actor> {
    let p = sc.p;
    for d in p.clauses.iter().skip(ci + 1) {
        if d.kind != ClauseKind::Adverbial {
            continue;
        }
        let Some(subj) = d.subject else { continue };
        let start = p.nps[subj].tokens.start;
        let opened = start
            .checked_sub(1)
            .is_some_and(|k| matches!(sc.lower[k], "if" | "unless"));
        if !opened {
            continue;
        }
        // "unless their demands are met by Belgrade": in a passive condition
        // the party who must act is the agent.
        let party = if p.verbs[d.verb].passive {
            d.agent.unwrap_or(subj)
        } else {
            subj
        };
        let a: Vec<Actor> = resolve(party, sc, ctx)
            .into_iter()
            .filter(|t| sources.iter().all(|s| s.code != t.code))
            .collect();
        if !a.is_empty() {
            return a;
        }
    }
    Vec::new()
}

/// Singular head nouns for one holder of a political office.
fn is_political_office(w: &str) -> bool {
    matches!(
        w,
        "president"
            | "vice-president"
            | "minister"
            | "premier"
            | "governor"
            | "mayor"
            | "chief"
            | "leader"
            | "official"
            | "lawmaker"
            | "legislator"
            | "senator"
            | "judge"
            | "ambassador"
            | "envoy"
            | "diplomat"
            | "chairman"
    )
}

/// The sub-digit of what a protest demands, from the purpose clause it
/// governs ("to demand the resignation" is 1041, leadership change: 1),
/// when that demand is one of CAMEO's four political ones (1041–1044).
fn protest_purpose(
    p: &SentenceParse,
    ci: usize,
    own: &[Result<ClauseCode, String>],
) -> Option<char> {
    p.clauses
        .iter()
        .enumerate()
        .skip(ci + 1)
        .filter(|(_, d)| {
            d.governor == Some(ci)
                && matches!(d.kind, ClauseKind::Infinitive | ClauseKind::Participle)
        })
        .find_map(|(k, _)| {
            let code = own.get(k)?.as_ref().ok()?.code.fwd.as_deref()?;
            let n = code.strip_prefix("104")?;
            let mut chars = n.chars();
            let d = chars.next()?;
            (chars.next().is_none() && ('1'..='4').contains(&d)).then_some(d)
        })
}

/// Whether an actor code names a civilian group with no armed or state
/// role: farmers (AGR), workers (LAB), students (EDU), civilians (CVL),
/// the opposition (OPP), business (BUS), media (MED), refugees (REF).
fn civilian_group(code: &str) -> bool {
    let roles = code.get(3..).unwrap_or_default();
    if roles.is_empty() || roles.len() % 3 != 0 {
        return false;
    }
    let all = || {
        (0..roles.len())
            .step_by(3)
            .filter_map(|k| roles.get(k..k + 3))
    };
    all().any(|r| {
        matches!(
            r,
            "AGR" | "LAB" | "EDU" | "CVL" | "OPP" | "BUS" | "MED" | "REF"
        )
    }) && !all().any(|r| {
        matches!(
            r,
            "GOV" | "MIL" | "COP" | "REB" | "INS" | "UAF" | "SPY" | "JUD" | "LEG" | "ELI"
        )
    })
}

/// Whether a phrase counts people in thousands: "more than 1,000
/// refugees", "thousands of villagers", "2 million people".
fn counts_thousands(lower: &[&str], tokens: &TokRange) -> bool {
    lower
        .get(tokens.clone())
        .unwrap_or_default()
        .iter()
        .any(|w| {
            matches!(*w, "thousands" | "millions" | "thousand" | "million")
            // "1,000" (a year has no comma: "in 1999").
            || (w.contains(',')
                && w.replace(',', "").parse::<u64>().is_ok_and(|n| n >= 1000))
        })
}

/// Codes of violence that say nothing more specific than the aerial
/// weapon would: general, bombing, small-arms, artillery and mass-killing
/// codes (not abduction, assault, assassination, blockade or occupation).
fn is_aerial_replaceable(code: &str) -> bool {
    matches!(
        code,
        "180" | "183" | "1831" | "1832" | "1833" | "190" | "193" | "194" | "200" | "202"
    )
}

/// A noun phrase naming aircraft ("helicopter gunships", "Israeli
/// warplanes", "the air force", "a drone"): its head is an aircraft word
/// (the dictionary's &AIRCRAFT class, less "bomber", which is also a
/// person who sets off a bomb).
fn is_aircraft_phrase(lower: &[&str], np: &dyad_phrases::NounPhrase) -> bool {
    let Some(&head) = lower.get(np.head) else {
        return false;
    };
    let air_force =
        head == "force" && np.head > np.tokens.start && lower.get(np.head - 1) == Some(&"air");
    air_force
        || matches!(
            head,
            "aircraft"
                | "warplane"
                | "warplanes"
                | "plane"
                | "planes"
                | "airplane"
                | "airplanes"
                | "helicopter"
                | "helicopters"
                | "gunship"
                | "gunships"
                | "chopper"
                | "choppers"
                | "jet"
                | "jets"
                | "drone"
                | "drones"
                | "fighter-bomber"
                | "fighter-bombers"
                | "fighter-jets"
        )
}

/// Head nouns for an attack that kills by itself: "a roadside bombing", "a
/// car bomb explosion", "the blast".
fn is_attack_noun(w: &str) -> bool {
    matches!(
        w,
        "bombing" | "bombings" | "explosion" | "explosions" | "blast" | "blasts"
    )
}

/// The CAMEO code of an act of violence by the weapon its clause names:
/// bombings (183, suicide 1831, car 1832, roadside 1833), aerial weapons
/// (195), artillery and tanks (194), small arms (193). `general` is the
/// verb's own code (180 unconventional or 190 conventional violence); a
/// clause naming no weapon keeps it.
fn weapon_code(words: &[&str], general: &str) -> Option<&'static str> {
    let has = |w: &[&str]| words.iter().any(|x| w.contains(x));
    let pair = |a: &str, b: &[&str]| {
        words.windows(2).any(|p| p[0] == a && b.contains(&p[1]))
            || words.iter().any(|x| {
                x.split_once('-')
                    .is_some_and(|(l, r)| l == a && b.contains(&r))
            })
    };
    const BOMB: &[&str] = &["bomb", "bombs", "bomber", "bombers", "bombing", "bombings"];
    Some(
        if has(&["suicide"]) && (has(BOMB) || has(&["attack", "attacker", "attackers"])) {
            "1831"
        } else if pair("car", BOMB) || pair("truck", BOMB) {
            "1832"
        } else if pair("roadside", BOMB) || has(&["ied", "ieds"]) {
            "1833"
        } else if pair("air", &["strike", "strikes", "raid", "raids"])
            || pair("drone", &["strike", "strikes", "attack", "attacks"])
            || has(&[
                "airstrike",
                "airstrikes",
                "warplanes",
                "warplane",
                "gunships",
                "gunship",
                "aerial",
                "jets",
            ])
        {
            "195"
        } else if has(&[
            "artillery",
            "shelling",
            "mortar",
            "mortars",
            "tanks",
            "howitzers",
        ]) {
            "194"
        } else if has(BOMB) || has(&["explosive", "explosives", "grenade", "grenades", "blast"]) {
            "183"
        } else if general == "190"
            && has(&["gunfire", "gunmen", "gunman", "rifles", "snipers", "sniper"])
        {
            "193"
        } else {
            return None;
        },
    )
}

/// Whether a verb group speaks of the future: a future tense or one of
/// `modals` ("will visit", "would meet", "can accept").
fn future_or_modal(vg: &dyad_phrases::VerbGroup, modals: &[&str]) -> bool {
    vg.tense == dyad_phrases::Tense::Future
        || vg.modal.as_deref().is_some_and(|m| modals.contains(&m))
}

/// Modals that state one's own act as a possibility; with a condition
/// attached ("may halt talks if …", "would attack unless …") they state
/// what one will do on that condition: an intention or a threat.
const CONDITIONAL_MODALS: &[&str] = &["would", "may", "might", "could"];

/// Whether an "if"/"unless" condition follows the verb group before any
/// other verb: the condition the verb's act depends on ("will withdraw its
/// force unless a ceasefire is arranged"), not one of a later clause.
fn conditioned(p: &SentenceParse, lower: &[&str], vg: &dyad_phrases::VerbGroup) -> bool {
    let next_verb = p
        .verbs
        .iter()
        .map(|v| v.tokens.start)
        .filter(|&t| t > vg.main)
        .min()
        .unwrap_or(lower.len());
    lower
        .get(vg.tokens.end..)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .take_while(|&(i, _)| vg.tokens.end + i < next_verb)
        .any(|(_, w)| matches!(*w, "if" | "unless"))
}

/// A negated intent or offer of cooperation that states a refusal: "will not provide
/// support", "would not meet", "cannot accept" (a future or modal negation),
/// or a response verb negated ("did not accept the plan"). CAMEO codes these
/// as rejections (12) of the cooperation's category; a plain past negation
/// ("did not meet") is a non-event.
fn refusal(vg: &dyad_phrases::VerbGroup, code: &str) -> Option<String> {
    let b = code.as_bytes();
    let cooperative = b.len() >= 3 && b[0] == b'0' && (b'3'..=b'8').contains(&b[1]);
    let stated = future_or_modal(vg, &["will", "would", "shall", "can", "could"])
        || matches!(
            vg.lemma.as_str(),
            "accept"
                | "agree"
                | "approve"
                | "allow"
                | "permit"
                | "endorse"
                | "recognize"
                | "recognise"
                | "heed"
                | "comply"
        );
    if !(cooperative && stated) {
        return None;
    }
    frames::compose(frames::Frame::Reject, code)
}

/// The country modifying a phrase ("Ukrainian protester" → UKR), as an actor.
fn modifier_country(sc: &Scene, np: usize) -> Option<Actor> {
    let m = actors::country_modifier(sc.mentions, &sc.p.nps.get(np)?.tokens)?;
    Some(Actor {
        code: m.code.clone(),
        tokens: m.tokens.clone(),
        person: false,
        name: None,
    })
}

/// For an infinitive clause, the reporting or directive clause it depends
/// on, through a chain of infinitives ("urged X to work together to safeguard").
fn reporting_governor(p: &SentenceParse, ci: usize) -> Option<usize> {
    let mut k = ci;
    for _ in 0..4 {
        let c = &p.clauses[k];
        if c.kind != ClauseKind::Infinitive {
            return None;
        }
        let g = c.governor.filter(|&g| g != k)?;
        let gc = &p.clauses[g];
        if dyad_phrases::is_reporting_verb(&p.verbs[gc.verb].lemma)
            || matches!(
                p.verbs[gc.verb].lemma.as_str(),
                "encourage"
                    | "call"
                    | "want"
                    | "seek"
                    | "plan"
                    | "intend"
                    | "invite"
                    | "order"
                    | "instruct"
                    | "persuade"
                    | "allow"
                    | "permit"
                    | "authorize"
                    | "authorise"
            )
        {
            return Some(g);
        }
        k = g;
    }
    None
}

/// The target when no pattern placed it: the object, a prepositional
/// object, then actors in reported content the clause governs or quotes.
fn find_target(
    c: &dyad_phrases::Clause,
    ci: usize,
    sc: &Scene,
    ctx: &DocContext,
    sources: &[Actor],
    allow_places: bool,
    own_country_target: bool,
) -> Vec<Actor> {
    let (p, lower, mentions) = (sc.p, sc.lower, sc.mentions);
    // Candidates that are the source itself (or its own country) are passed
    // over: "Norway is willing to send material" does not target Norway.
    // With a compound source a candidate is foreign if it is foreign to one
    // member: "reconciliation between Arnor and Gondor" is Gondor's towards
    // Arnor even when Gondor also acts (self-pairs are dropped later).
    // A party of known country anywhere in the clause beats a role of
    // unknown country ("send peacekeepers to Somalia" is towards Somalia):
    // the first unknown one is kept aside in case nothing better comes.
    let mut unknown: Vec<Actor> = Vec::new();
    // The source's own country (not the source itself) is the last resort:
    // "promised to democratize Serbia", "imposed a curfew in southeastern
    // Turkey" act on their own country.
    let mut own: Vec<Actor> = Vec::new();
    let mut others = |v: Vec<Actor>| -> Vec<Actor> {
        let (foreign, own_here): (Vec<Actor>, Vec<Actor>) = v
            .into_iter()
            .partition(|t| !sources.iter().all(|s| same_side(s, t)));
        if own.is_empty() {
            own = own_here
                .into_iter()
                .filter(|t| sources.iter().all(|s| s.code != t.code))
                .collect();
        }
        let (known, unknown_here): (Vec<Actor>, Vec<Actor>) = foreign
            .into_iter()
            .partition(|t| !t.code.starts_with("---"));
        if unknown.is_empty() {
            unknown = unknown_here;
        }
        known
    };
    // What is discussed or debated is a topic, not a party: "met to discuss
    // border security" is not a meeting with security forces; the party of a
    // discussion comes with "with".
    // Nor is a clause under the topic: "to discuss efforts to counter
    // militants" is no discussion with the militants.
    let topic_object = matches!(
        p.verbs[c.verb].lemma.as_str(),
        "discuss" | "debate" | "review" | "examine" | "consider"
    );
    if let Some(o) = c.object.filter(|_| !topic_object) {
        let a = others(resolve(o, sc, ctx));
        if !a.is_empty() {
            return a;
        }
        // "supports China's position on Taiwan": the object's possessor is
        // the party, before any prepositional phrase.
        if let Some(a) = possessor_actor(p, o, mentions, sc.tags, lower) {
            let a = others(vec![a]);
            if !a.is_empty() {
                return a;
            }
        }
        // "forced the UN refugee agency, UNHCR, out": the object's
        // apposition names it.
        for (k, n) in p.nps.iter().enumerate().skip(o + 1).take(2) {
            if n.apposition_of == Some(o) {
                let a = others(resolve(k, sc, ctx));
                if !a.is_empty() {
                    return a;
                }
            }
        }
    }
    // Parties before places: "celebrated in Osgiliath with the leaders of
    // Gondor" is about Gondor; a place is the target only when nothing else is.
    let locative = |pp: &dyad_phrases::PrepPhrase| {
        matches!(
            lower[pp.prep],
            "in" | "at" | "inside" | "near" | "across" | "throughout" | "outside" | "during"
        )
    };
    // "in the Sea of Japan", "in the south of Lebanon": an "of" phrase
    // right after a place continues the place.
    let place_of = |i: usize| {
        i > 0
            && lower[c.preps[i].prep] == "of"
            && locative(&c.preps[i - 1])
            && p.nps[c.preps[i - 1].np].tokens.end == c.preps[i].prep
    };
    let locative_at = |i: usize| locative(&c.preps[i]) || place_of(i);
    for pass in [false, true] {
        if pass && !allow_places {
            break;
        }
        for pp in (0..c.preps.len())
            .filter(|&i| locative_at(i) == pass)
            .map(|i| &c.preps[i])
        {
            let a = others(resolve(pp.np, sc, ctx));
            if !a.is_empty() {
                return a;
            }
        }
    }
    // A country that only modifies the object or a prepositional object:
    // "promised aid to the affected Ithilen villages" is aid to Ithilen.
    for np in c.object.into_iter().chain(
        (0..c.preps.len())
            .filter(|&i| allow_places || !locative_at(i))
            .map(|i| c.preps[i].np),
    ) {
        if let Some(m) = actors::country_modifier(mentions, &p.nps[np].tokens) {
            let a = others(vec![Actor {
                code: m.code.clone(),
                tokens: m.tokens.clone(),
                person: false,
                name: None,
            }]);
            if !a.is_empty() {
                return a;
            }
        }
    }
    // Coordinated verbs share what follows the last one: "donated and
    // delivered goods to Baghdad", "established ties with and opened an
    // embassy in Tehran".
    if c.preps.is_empty() {
        if let Some(next) = shared_complement_clause(c, ci, sc) {
            for np in next
                .object
                .into_iter()
                .chain(next.preps.iter().map(|pp| pp.np))
            {
                let a = others(resolve(np, sc, ctx));
                if !a.is_empty() {
                    return a;
                }
            }
        }
    }
    // Reported content: "Xi urged that China and Kenya should …"; through
    // an infinitive, the content of its verb ("began to question whether
    // he has a future with the Orcs").
    let through_infinitive = |d: &dyad_phrases::Clause| {
        d.governor
            .and_then(|g| p.clauses.get(g).map(|gc| (g, gc)))
            .is_some_and(|(g, gc)| {
                g != ci && gc.kind == ClauseKind::Infinitive && gc.governor == Some(ci)
            })
            && d.kind == ClauseKind::Complement
    };
    let governed = p
        .clauses
        .iter()
        .enumerate()
        .filter(|(_, d)| d.governor == Some(ci))
        .chain(
            p.clauses
                .iter()
                .enumerate()
                .filter(|(_, d)| through_infinitive(d)),
        );
    for (di, d) in governed {
        // Also the clauses hanging off the object: "cordoned off the roads
        // leading into Mordor".
        if !topic_object
            && !sc.discarded.contains(&di)
            && matches!(
                d.kind,
                ClauseKind::Complement
                    | ClauseKind::Infinitive
                    | ClauseKind::Participle
                    | ClauseKind::Relative
            )
        {
            let own_subject = d
                .subject
                .filter(|_| matches!(d.kind, ClauseKind::Complement | ClauseKind::Infinitive));
            // "agreed to a ceasefire brokered by Qatar": a third party that
            // brokered the object is not a party to it (while the author of
            // "a report issued by HRW" is).
            let dv = &p.verbs[d.verb];
            let brokered = d.kind == ClauseKind::Participle
                && (dv.passive || sc.tags[dv.main] == Tag::VBN)
                && matches!(
                    dv.lemma.as_str(),
                    "broker" | "mediate" | "facilitate" | "sponsor" | "host" | "arrange"
                );
            let agent_of = |pp: &&dyad_phrases::PrepPhrase| brokered && lower[pp.prep] == "by";
            for np in own_subject
                .into_iter()
                .chain(d.object)
                .chain(d.preps.iter().filter(|pp| !agent_of(pp)).map(|pp| pp.np))
            {
                let a = others(resolve(np, sc, ctx));
                if !a.is_empty() {
                    return a;
                }
            }
        }
    }
    if unknown.is_empty() && own_country_target {
        return own;
    }
    unknown
}

/// The clause whose verb is coordinated with `c`'s and whose object and
/// prepositional phrases `c` shares: only `c`'s own object, a stranded
/// preposition, adverbs and "and"/"or" lie between the two verbs
/// ("donated and personally delivered goods to …", "established ties with
/// and opened an embassy in …").
fn shared_complement_clause<'p>(
    c: &dyad_phrases::Clause,
    ci: usize,
    sc: &Scene<'p>,
) -> Option<&'p dyad_phrases::Clause> {
    let p = sc.p;
    let next = p.clauses.get(ci + 1)?;
    if next.kind != c.kind || next.subject != c.subject {
        return None;
    }
    let object = c.object.map(|o| p.nps[o].tokens.clone()).unwrap_or(0..0);
    let (a, b) = (&p.verbs[c.verb], &p.verbs[next.verb]);
    let mut conj = false;
    for i in a.tokens.end..b.tokens.start {
        let next_is_conj = matches!(sc.lower.get(i + 1).copied(), Some("and" | "or"));
        match (sc.lower.get(i).copied()?, sc.tags.get(i)?) {
            ("and" | "or", _) => conj = true,
            (_, Tag::RB) => {}
            (_, Tag::IN) if next_is_conj => {}
            _ if object.contains(&i) => {}
            _ => return None,
        }
    }
    conj.then_some(next)
}

/// A clause's own code from the verb dictionary.
#[derive(Debug, Clone)]
struct ClauseCode<'v> {
    code: CodePair,
    m: Option<PatternMatch<'v>>,
}

/// Look up a clause's verb and match its patterns; `Err` says why it has
/// no code (for `dyad parse`).
fn clause_code<'v>(
    c: &dyad_phrases::Clause,
    p: &SentenceParse,
    lower: &[&str],
    words: &PatternWords,
    verbs: &'v VerbLexicon,
) -> Result<ClauseCode<'v>, String> {
    let vg = &p.verbs[c.verb];
    let next = vg
        .particle
        .or_else(|| c.rest.clone().next())
        .map(|i| lower[i]);
    let Some(info) = verbs.lookup(lower[vg.main], &vg.lemma, next) else {
        return Err(format!("verb `{}` not in the dictionary", vg.lemma));
    };
    let clause_start = c
        .subject
        .map(|s| p.nps[s].tokens.start)
        .unwrap_or(vg.tokens.start)
        .min(vg.tokens.start);
    // Patterns before the verb see its auxiliaries ("% HAVE *", "WILL NOT *"),
    // but not the infinitive marker, which is no preposition "to".
    let before_end = if lower[vg.tokens.start] == "to" {
        vg.tokens.start
    } else {
        vg.main
    };
    let compound_subject = c.subject.is_some_and(|s| p.conjuncts(s).len() >= 2);
    let scope = crate::verbs::ClauseScope {
        before: clause_start..before_end,
        after: c.rest.clone(),
        compound_subject,
        verb_lemma: &vg.lemma,
    };
    let mut m = info.best_match(verbs, words, p, &scope);
    // "vowed to wage war": a longer pattern may read into the infinitive.
    if let Some(k) = structure::adjoining_infinitive(c, p) {
        // Through its marker and verb ("* {TO SUPPLY}"), or straight to
        // what it acts on ("VOW * WAR" over "vowed to wage war").
        let d = &p.clauses[k];
        for after in [c.rest.start..d.rest.end, d.rest.clone()] {
            let wide = crate::verbs::ClauseScope {
                after,
                ..scope.clone()
            };
            if let Some(w) = info.best_match(verbs, words, p, &wide) {
                let reaches = structure::pattern_reaches_into(Some(&w), k, p);
                if reaches && m.as_ref().is_none_or(|m| w.score > m.score) {
                    m = Some(w);
                }
            }
        }
    }
    // "The Ugandan president was received by his counterpart": a passive's
    // subject is what the active patterns read as the object ("* PRESIDENT").
    if let (None, true, None, Some(subj)) = (&m, vg.passive, c.object, c.subject) {
        let passive_scope = crate::verbs::ClauseScope {
            before: 0..0,
            after: p.nps[subj].tokens.clone(),
            compound_subject: false,
            ..scope.clone()
        };
        m = info
            .best_match(verbs, words, p, &passive_scope)
            .filter(|w| w.target_at.is_none() && w.source_at.is_none());
    }
    let code = m
        .as_ref()
        .map(|m| m.pattern.code.clone())
        .unwrap_or_else(|| info.base.clone());
    if code.fwd.is_none() && code.rev.is_none() {
        return Err(format!(
            "verb `{}` has no code here (no pattern matched)",
            vg.lemma
        ));
    }
    Ok(ClauseCode { code, m })
}

/// A clause whose code comes from a frame.
#[derive(Debug, Clone)]
struct Composed {
    frame: Frame,
    code: String,
    /// The action clause.
    action: usize,
    action_lemma: String,
    action_code: String,
    /// Take the target from this clause's subject ("X must …").
    target_subject_of: Option<usize>,
    /// Take the target from this clause's object: the party others are
    /// asked to back ("urged the EC to support the PLO").
    target_object_of: Option<usize>,
}

struct Framed {
    composed: Vec<Option<Composed>>,
    /// Actions coded through their frame: the clause that took them.
    folded: Vec<Option<usize>>,
}

/// Nouns naming something said or written, whose that-clause is its
/// content ("a statement that", "a reminder that", "a message that").
fn is_statement_noun(word: &str) -> bool {
    matches!(
        dyad_phrases::lemma::noun_lemma_cow(word).as_ref(),
        "statement"
            | "reminder"
            | "message"
            | "warning"
            | "declaration"
            | "communique"
            | "letter"
            | "note"
            | "notice"
            | "memorandum"
            | "memo"
            | "ultimatum"
    )
}

/// "needs to"/"has to" + infinitive in reported content: an appeal (like
/// "should") or a demand (like "must"), with the infinitive's clause.
fn semi_modal(p: &SentenceParse, k: usize) -> Option<(Frame, usize)> {
    let d = &p.clauses[k];
    // "said NATO would need to remain strong" states a conditional need,
    // it asks nothing of NATO.
    if p.verbs[d.verb].modal.as_deref() == Some("would") {
        return None;
    }
    let frame = match p.verbs[d.verb].lemma.as_str() {
        "need" => Frame::Request,
        "have" => Frame::Demand,
        _ => return None,
    };
    if d.object.is_some() {
        return None;
    }
    let inf = (k + 1..p.clauses.len()).find(|&j| {
        p.clauses[j].governor == Some(k) && p.clauses[j].kind == ClauseKind::Infinitive
    })?;
    // Only "needs to do", not "needs, he said, to do" nor a purpose clause.
    let gap = p.verbs[p.clauses[inf].verb]
        .tokens
        .start
        .checked_sub(p.verbs[d.verb].tokens.end)?;
    (gap <= 1).then_some((frame, inf))
}

/// Apply frames to a sentence's clauses: a governing verb or predicate
/// adjective with an infinitive/complement action ("agreed to lift",
/// "urged X to send", "is ready to help"), and a reporting verb with a
/// must/should complement ("said X must release").
///
/// A clause's own future ("will visit") keeps the act's code, as PETRARCH
/// codes it, and is marked `intended`; CAMEO's manual would code it 036.
fn frame_clauses(
    p: &SentenceParse,
    lower: &[&str],
    own: &[Result<ClauseCode, String>],
    subject_actors: &[Vec<Actor>],
) -> Framed {
    let n = p.clauses.len();
    let mut composed: Vec<Option<Composed>> = vec![None; n];
    let mut folded: Vec<Option<usize>> = vec![None; n];
    let fwd = |k: usize| -> Option<&str> { own[k].as_ref().ok()?.code.fwd.as_deref() };
    for (ci, c) in p.clauses.iter().enumerate() {
        let vg = &p.verbs[c.verb];
        if vg.negated || folded[ci].is_some() {
            continue;
        }
        // The action: the first infinitive or complement this clause governs.
        let Some(k) = (ci + 1..n).find(|&k| {
            let d = &p.clauses[k];
            d.governor == Some(ci)
                && matches!(d.kind, ClauseKind::Infinitive | ClauseKind::Complement)
        }) else {
            continue;
        };
        let d = &p.clauses[k];
        let dv = &p.verbs[d.verb];
        // A negated action is only framed as one's own announced refusal
        // ("said it would not attend" is a rejection, below).
        let negated_action = dv.negated;
        if structure::pattern_reaches_into(own[ci].as_ref().ok().and_then(|o| o.m.as_ref()), k, p) {
            folded[k] = Some(ci);
            continue;
        }
        // "The court decided to allow …": the CAMEO manual codes a body's
        // decision to act as the act itself (0812, 1322), not as an intent;
        // the infinitive is coded on its own, with the decider as its subject.
        if vg.lemma == "decide"
            && d.kind == ClauseKind::Infinitive
            && !dv.negated
            && fwd(k).is_some()
        {
            folded[ci] = Some(k);
            continue;
        }
        let own_code = fwd(ci);
        let predicate = c
            .object
            .map(|o| lower[p.nps[o].head])
            .or_else(|| c.rest.clone().next().map(|i| lower[i]));
        let mut frame = if vg.lemma == "be" {
            predicate.and_then(frames::frame_of_adjective)
        } else {
            frames::frame_of(&vg.lemma, own_code, vg.passive)
        };
        // "agree that disputes should be resolved" shares an opinion; only
        // asking, demanding and promising take a that-clause as their action.
        // So does agreeing on what the agreeing parties themselves will or
        // should do ("agreed that their countries should cooperate").
        let own_commitment = d.subject.is_some_and(|np| {
            matches!(
                lower[p.nps[np].tokens.start],
                "they" | "we" | "their" | "our"
            )
        }) && future_or_modal(dv, &["will", "would", "shall", "should"]);
        if d.kind == ClauseKind::Complement
            && !matches!(vg.lemma.as_str(), "promise" | "pledge" | "vow")
            && !own_commitment
            && frame == Some(Frame::Intent)
        {
            frame = None;
        }
        let mut target_subject_of = None;
        let mut action_k = k;
        // "said Sudan must return …", "said both sides should talk".
        // Only a statement makes a demand, and only of a party: "agree that
        // disputes should be resolved" is an opinion.
        let party = subject_actors.get(k).is_some_and(|a| !a.is_empty());
        // "issued a reminder to Iraq that it must cooperate": a verb whose
        // object is a statement states its that-clause, as "said" does.
        let states_object = c
            .object
            .is_some_and(|o| is_statement_noun(lower[p.nps[o].head]));
        if frame.is_none()
            && d.kind == ClauseKind::Complement
            && party
            && (states_object
                || matches!(
                    vg.lemma.as_str(),
                    "say"
                        | "tell"
                        | "add"
                        | "state"
                        | "declare"
                        | "stress"
                        | "insist"
                        | "warn"
                        | "announce"
                        | "write"
                        | "reiterate"
                        | "repeat"
                        | "remind"
                        | "emphasise"
                        | "emphasize"
                        | "underline"
                        | "confirm"
                        | "signal"
                        | "reaffirm"
                ))
        {
            frame = dv.modal.as_deref().and_then(frames::frame_of_modal);
            target_subject_of = Some(k);
            // "said Japan needs to enact reforms", "has to withdraw": the
            // semi-modal's infinitive is the action asked for or demanded.
            if frame.is_none() && !negated_action {
                if let Some((f, inf)) = semi_modal(p, k) {
                    frame = Some(f);
                    folded[k] = Some(ci);
                    action_k = inf;
                }
            }
            // "The rebels said they will release the minister": announcing
            // one's own future act is a statement of intent (03, or a threat
            // for a hostile act), as the CAMEO manual codes it.
            let own_future = future_or_modal(dv, &["will", "would", "shall"])
                || (future_or_modal(dv, CONDITIONAL_MODALS) && conditioned(p, lower, dv));
            let same_party = |a: &[Actor], b: &[Actor]| {
                !a.is_empty()
                    && a.len() == b.len()
                    && a.iter().zip(b).all(|(x, y)| x.code == y.code)
            };
            if frame.is_none() && own_future && same_party(&subject_actors[k], &subject_actors[ci])
            {
                // "said he would not provide support to Israel" refuses it.
                frame = Some(if negated_action {
                    Frame::Reject
                } else {
                    Frame::Intent
                });
                target_subject_of = None;
            }
        }
        let Some(mut frame) = frame else { continue };
        if negated_action && frame != Frame::Reject {
            continue;
        }
        // "wants Germany to pay": intending an action by someone else is
        // asking them.
        if frame == Frame::Intent
            && d.kind == ClauseKind::Infinitive
            && c.object.is_some()
            && d.subject == c.object
            && vg.lemma != "be"
        {
            frame = Frame::Request;
        }
        let k = action_k;
        let dv = &p.verbs[p.clauses[k].verb];
        let action = fwd(k);
        // An intention or threat whose action the dictionary cannot code is
        // still one: "agreed to undertake joint exercises" is 030, not the
        // verb's own 050.
        // Asking or demanding it stays an appeal or demand whatever the
        // action: "wants Putin to attack Switzerland" is an appeal to Putin.
        let general = match (frame, action) {
            (Frame::Intent, None) => Some("030".to_string()),
            // "said it would not take part" refuses whatever it is.
            (Frame::Reject, None) if negated_action => Some("120".to_string()),
            (Frame::Threaten, None) => Some("130".to_string()),
            // (unless the verb's own pattern said more: "urged X to respond
            // to proposals" keeps its pattern's code).
            (Frame::Request, _) if own_code.is_none_or(frames::is_general) => {
                Some("020".to_string())
            }
            (Frame::Demand, _) if own_code.is_none_or(frames::is_general) => {
                Some("100".to_string())
            }
            _ => None,
        };
        let Some(code) = action.and_then(|a| frames::compose(frame, a)).or(general) else {
            // What one is urged, required or refuses to do has not happened:
            // "urged Eriador to respond" is the appeal alone.
            if matches!(frame, Frame::Request | Frame::Demand | Frame::Reject) {
                folded[k] = Some(ci);
            }
            continue;
        };
        // "urged the EC to support the PLO": asking others to back a party
        // is CAMEO's 053, rallying support on behalf of that party, the target.
        // Not when they are to back each other or the asker: "urged that
        // China and Kenya support each other" appeals for cooperation.
        let third_party = p.clauses[k].object.is_some_and(|o| {
            let head = p.nps[o].head;
            !matches!(lower[head], "other" | "another") && p.nps[o].kind != NpKind::Pronoun
        });
        let rally = frame == Frame::Request
            && matches!(dv.lemma.as_str(), "support" | "back" | "endorse")
            && third_party;
        composed[ci] = Some(Composed {
            frame,
            code: if rally { "053".to_string() } else { code },
            action: k,
            action_lemma: dv.lemma.clone(),
            action_code: action.unwrap_or("-").to_string(),
            target_subject_of,
            target_object_of: rally.then_some(k),
        });
        folded[k] = Some(ci);
    }
    Framed { composed, folded }
}
