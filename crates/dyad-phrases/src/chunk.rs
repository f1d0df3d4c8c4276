//! Noun-phrase and verb-group chunking from tags, then coordination and
//! apposition between the noun phrases.

use dyad_model::Tag;

use crate::{lemma, Coordination, NounPhrase, NpKind, SentenceParse, Tense, VerbGroup, Words};

fn np_start(w: &Words, i: usize) -> bool {
    let t = w.tag(i);
    matches!(
        t,
        Tag::DT | Tag::PDT | Tag::PRPS | Tag::CD | Tag::PRP | Tag::EX | Tag::Dollar | Tag::WPS
    ) || t.is_noun()
        || t.is_adj()
        || (matches!(t, Tag::VBN | Tag::VBG)
            && w.tag(i + 1).is_noun()
            && i > 0
            && matches!(w.tag(i - 1), Tag::DT | Tag::PRPS | Tag::JJ))
        || (t == Tag::RB && w.tag(i + 1).is_adj() && w.tag(i + 2).is_noun())
        || participle_after_preposition(w, i)
}

/// "against besieged Osgiliath", "by armed men": a past participle right
/// after a preposition and before a noun describes that noun; a preposition
/// takes a noun phrase, never a finite verb. (A gerund there is a verb with
/// its object: "after attacking the town".)
fn participle_after_preposition(w: &Words, i: usize) -> bool {
    w.tag(i) == Tag::VBN
        && w.tag(i + 1).is_noun()
        && i > 0
        && w.tag(i - 1) == Tag::IN
        && !is_subordinator(w.lower[i - 1])
}

/// A singular -ing noun ("bombing", "training"), the kind that modifies
/// another noun in coordination ("bombing and shelling offensive").
fn coordinated_modifier(w: &Words, i: usize) -> bool {
    w.tag(i) == Tag::NN && w.lower[i].len() > 5 && w.lower[i].ends_with("ing")
}

/// Whether token `i` continues a noun phrase that already has tokens.
fn np_continues(w: &Words, i: usize, has_noun: bool) -> bool {
    let t = w.tag(i);
    if t == Tag::PRP || t == Tag::EX {
        return false;
    }
    if has_noun && matches!(t, Tag::DT | Tag::PDT | Tag::PRPS) {
        return false;
    }
    // An adjective right after a common noun head ends the phrase when it
    // is the verb's complement, no noun following ("leaving 12 people
    // dead", "declared the vote invalid"), or a proper adjective, which
    // comes before the nouns it modifies, never after them ("according to a
    // zoo spokesman Malaysian authorities have …").
    if has_noun && t == Tag::JJ && i > 0 && matches!(w.tag(i - 1), Tag::NN | Tag::NNS) {
        let next = w.tag(i + 1);
        let complement = !next.is_noun() && !next.is_adj() && next != Tag::Hyph;
        if complement || w.capitalised(i) {
            return false;
        }
    }
    t.is_noun()
        || t.is_adj()
        || matches!(t, Tag::CD | Tag::Hyph)
        || (matches!(t, Tag::DT | Tag::PDT | Tag::PRPS) && !has_noun)
        || (matches!(t, Tag::VBN | Tag::VBG) && w.tag(i + 1).is_noun() && !has_noun)
        || (t == Tag::VBG
            && !has_noun
            && i > 0
            && matches!(w.tag(i - 1), Tag::DT | Tag::PRPS | Tag::POS))
        || (t == Tag::RB && w.tag(i + 1).is_adj())
        // "any more refugees", "no more troops".
        || (t == Tag::RBR && !has_noun && w.tag(i + 1).is_noun())
}

/// Chunk noun phrases and verb groups.
pub(crate) fn chunk(w: &Words, p: &mut SentenceParse) {
    let n = w.len();
    p.np_of_token = vec![None; n];
    p.vg_of_token = vec![None; n];
    let mut i = 0;
    while i < n {
        if let Some(end) = verb_group_end(w, i) {
            let vg = make_verb_group(w, i, end);
            let id = p.verbs.len();
            for k in i..end {
                p.vg_of_token[k] = Some(id);
            }
            if let Some(part) = vg.particle {
                p.vg_of_token[part] = Some(id);
            }
            let next = vg.particle.map_or(end, |x| x + 1);
            p.verbs.push(vg);
            i = next;
            continue;
        }
        let lead = number_lead(w, i);
        if lead > 0 || np_start(w, i) {
            let start = i;
            i += lead;
            let mut possessor = None;
            let mut body_start = start;
            let single = matches!(w.tag(i), Tag::PRP | Tag::EX) || is_temporal(w.lower[i]);
            let mut has_noun = w.tag(i).is_noun() || single || w.tag(i) == Tag::CD;
            i += 1;
            if !single {
                loop {
                    if i < n && w.tag(i) == Tag::POS && has_noun {
                        // "China 's desire": the phrase goes on after the possessive.
                        possessor = Some(body_start..i);
                        i += 1;
                        body_start = i;
                        has_noun = false;
                        continue;
                    }
                    // "awful and evil minister": coordinated adjectives inside one phrase.
                    if i + 1 < n
                        && w.tag(i) == Tag::CC
                        && i > start
                        && w.tag(i - 1).is_adj()
                        && w.tag(i + 1).is_adj()
                        && !has_noun
                    {
                        i += 1;
                        continue;
                    }
                    // "a bombing and shelling offensive": coordinated -ing nouns
                    // that both modify the noun after them.
                    if has_noun
                        && i + 2 < n
                        && w.tag(i) == Tag::CC
                        && coordinated_modifier(w, i - 1)
                        && coordinated_modifier(w, i + 1)
                        && w.tag(i + 2).is_noun()
                    {
                        i += 2;
                        continue;
                    }
                    // "a “special law”", "the “peace” plan": quotation marks
                    // around words inside a phrase do not end it.
                    if i > start {
                        if let Some(close) = inner_quote(w, i) {
                            if w.tag(close + 1).is_noun() {
                                has_noun = true;
                                i = close + 1;
                                continue;
                            }
                            if !has_noun {
                                has_noun = true;
                                i = close + 1;
                                break;
                            }
                        }
                    }
                    // "the Asia-Pacific Economic Cooperation (APEC) forum": a short
                    // parenthesised name inside a phrase that goes on after it.
                    if has_noun {
                        if let Some(close) = inner_parenthesis(w, i) {
                            if w.tag(close + 1).is_noun() {
                                i = close + 1;
                                continue;
                            }
                        }
                    }
                    if i < n && np_continues(w, i, has_noun) && !is_temporal(w.lower[i]) {
                        has_noun |= w.tag(i).is_noun() || w.tag(i) == Tag::CD;
                        i += 1;
                        continue;
                    }
                    break;
                }
            }
            // A phrase of only determiners/adjectives ("the two", "both") still
            // counts: it can be a subject.
            let head = (start..i)
                .rev()
                .find(|&k| w.tag(k).is_noun() || matches!(w.tag(k), Tag::PRP | Tag::CD | Tag::EX))
                .unwrap_or(i - 1);
            let kind = if single && is_temporal(w.lower[start]) {
                NpKind::Time
            } else {
                match w.tag(head) {
                    Tag::NNP | Tag::NNPS => NpKind::Proper,
                    Tag::PRP | Tag::EX => NpKind::Pronoun,
                    Tag::CD => NpKind::Number,
                    _ => NpKind::Common,
                }
            };
            let prep = if start > 0
                && matches!(w.tag(start - 1), Tag::IN | Tag::TO)
                && !is_subordinator(w.lower[start - 1])
            {
                Some(start - 1)
            } else {
                None
            };
            let id = p.nps.len();
            for k in start..i {
                p.np_of_token[k] = Some(id);
            }
            p.nps.push(NounPhrase {
                tokens: start..i,
                head,
                possessor,
                kind,
                coordination: None,
                apposition_of: None,
                preposition: prep,
            });
            continue;
        }
        i += 1;
    }
}

/// "last week", "this year", "the past month", and "evening" right after
/// "Friday": phrases that say when, which the chunker built as ordinary
/// noun phrases. They become [`NpKind::Time`], so they are never taken for
/// a subject or an object ("surrendered last week").
pub(crate) fn time_phrases(w: &Words, p: &mut SentenceParse) {
    const DAY_PART: &[&str] = &["morning", "afternoon", "evening", "night"];
    for n in &mut p.nps {
        if n.possessor.is_some() {
            continue;
        }
        let mut words: Vec<&str> = n.tokens.clone().map(|k| w.lower[k]).collect();
        if words.first() == Some(&"the") {
            words.remove(0);
        }
        let relative = matches!(
            words.as_slice(),
            ["last" | "next" | "this" | "past" | "coming" | "previous" | "same", unit]
                if is_time_unit(unit)
        );
        let day_part = matches!(words.as_slice(), [part] if DAY_PART.contains(part))
            && n.tokens.start > 0
            && is_temporal(w.lower[n.tokens.start - 1]);
        if relative || day_part {
            n.kind = NpKind::Time;
        }
    }
}

/// If a parenthesis opens at `i` and holds only a few nouns, numbers or
/// name words ("(APEC)", "(Party of God)"), the position of its `)`.
fn inner_parenthesis(w: &Words, i: usize) -> Option<usize> {
    if w.tag(i) != Tag::LRB {
        return None;
    }
    let close = (i + 1..(i + 6).min(w.len())).find(|&k| w.tag(k) == Tag::RRB)?;
    let names = (i + 1..close).all(|k| {
        let t = w.tag(k);
        t.is_noun() || matches!(t, Tag::CD | Tag::Hyph | Tag::IN | Tag::DT | Tag::CC) || t.is_adj()
    });
    (close > i + 1 && names).then_some(close)
}

/// If a quotation opens at `i` and holds only a few adjectives and nouns,
/// at least one a noun ("“special law”"), the position of its closing mark.
fn inner_quote(w: &Words, i: usize) -> Option<usize> {
    if w.tag(i) != Tag::OpenQuote {
        return None;
    }
    let close = (i + 1..(i + 6).min(w.len())).find(|&k| w.tag(k) == Tag::CloseQuote)?;
    let words = i + 1..close;
    let nominal = words.clone().all(|k| {
        let t = w.tag(k);
        t.is_noun() || t.is_adj() || t == Tag::Hyph
    });
    (nominal && words.clone().any(|k| w.tag(k).is_noun())).then_some(close)
}

/// Words before a number that make it approximate ("about 300
/// representatives", "up to 100 ethnic Albanians", "more than 2,000
/// soldiers"): they belong to the noun phrase, which stays a subject.
/// Returns how many words they take (0 if none).
fn number_lead(w: &Words, i: usize) -> usize {
    let two = |a: &str, b: &str| w.is(i, a) && w.is(i + 1, b) && w.tag(i + 2) == Tag::CD;
    if ["up", "more", "fewer", "less", "at"]
        .iter()
        .zip(["to", "than", "than", "than", "least"])
        .any(|(a, b)| two(a, b))
    {
        return 2;
    }
    let one = [
        "about",
        "around",
        "nearly",
        "almost",
        "approximately",
        "roughly",
        "some",
        "over",
        "under",
        "only",
    ];
    if w.tag(i + 1) == Tag::CD && one.iter().any(|a| w.is(i, a)) {
        return 1;
    }
    0
}

/// Words that name a time, not a participant: they stand alone as a phrase.
/// A span of time a relative phrase counts in: "last week", "this spring".
pub fn is_time_unit(word: &str) -> bool {
    matches!(
        word,
        "week"
            | "month"
            | "year"
            | "weekend"
            | "night"
            | "morning"
            | "afternoon"
            | "evening"
            | "spring"
            | "summer"
            | "autumn"
            | "winter"
            | "decade"
    )
}

/// Days and the words for the day itself ("Monday", "today").
pub fn is_temporal(word: &str) -> bool {
    matches!(
        word,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "tonight"
    )
}

/// A modal or a form of be/have/do: what can stand before the main verb.
fn is_auxiliary(w: &Words, i: usize) -> bool {
    w.tag(i) == Tag::MD
        || (w.tag(i).is_verb()
            && matches!(lemma::verb_lemma(w.lower[i]).as_str(), "be" | "have" | "do"))
}

/// "after Kenyan crowds burned the embassy": a temporal word before a noun
/// phrase and a finite verb introduces a clause, and the phrase is that
/// verb's subject, not a prepositional object of the clause before.
pub(crate) fn subordinate_subjects(w: &Words, p: &mut SentenceParse) {
    for np in 0..p.nps.len() {
        let Some(k) = p.nps[np].preposition else {
            continue;
        };
        if !matches!(
            w.lower[k],
            "after" | "before" | "since" | "until" | "till" | "as"
        ) {
            continue;
        }
        let last = p.conjuncts(np).last().copied().unwrap_or(np);
        let end = p.nps[last].tokens.end;
        let finite = p.vg_of_token.get(end).copied().flatten().is_some_and(|v| {
            let vg = &p.verbs[v];
            vg.tokens.start == end && matches!(w.tag(end), Tag::MD | Tag::VBD | Tag::VBZ | Tag::VBP)
        });
        if finite {
            p.nps[np].preposition = None;
        }
    }
}

/// Words tagged IN that introduce a clause rather than govern a noun phrase.
pub(crate) fn is_subordinator(word: &str) -> bool {
    matches!(
        word,
        "that"
            | "whether"
            | "if"
            | "because"
            | "while"
            | "although"
            | "though"
            | "unless"
            | "whereas"
            | "once"
    )
}

fn is_neg(w: &Words, i: usize) -> bool {
    w.is(i, "not")
        || w.is(i, "n't")
        || w.is(i, "never")
        // "will no longer tolerate".
        || (w.is(i, "no") && w.is(i + 1, "longer"))
        // "can neither attack … nor block": "neither" before a verb negates it.
        || (w.is(i, "neither") && w.tag(i + 1).is_verb())
        || (w.is(i, "longer") && i > 0 && w.is(i - 1, "no"))
}

/// If a verb group starts at `i`, where it ends.
fn verb_group_end(w: &Words, i: usize) -> Option<usize> {
    let t = w.tag(i);
    let starts = t == Tag::MD
        || t.is_verb()
        || (t == Tag::TO && w.tag(i + 1) == Tag::VB)
        || (t == Tag::TO && w.tag(i + 1) == Tag::RB && w.tag(i + 2) == Tag::VB);
    if !starts {
        return None;
    }
    // Adjectival participles inside a noun phrase are not verb groups, nor
    // is a gerund after a determiner ("the hosting of the summit").
    if matches!(t, Tag::VBN | Tag::VBG)
        && w.tag(i + 1).is_noun()
        && i > 0
        && matches!(w.tag(i - 1), Tag::DT | Tag::PRPS | Tag::JJ | Tag::POS)
    {
        return None;
    }
    if participle_after_preposition(w, i) {
        return None;
    }
    if t == Tag::VBG && i > 0 && matches!(w.tag(i - 1), Tag::DT | Tag::PRPS | Tag::POS) {
        return None;
    }
    let mut end = i + 1;
    let mut last_verb = if t.is_verb() { Some(i) } else { None };
    while end < w.len() {
        let u = w.tag(end);
        if u.is_verb() {
            // Only an auxiliary can be followed by another verb in the same group.
            if let Some(lv) = last_verb {
                let aux = matches!(
                    lemma::verb_lemma(w.lower[lv]).as_str(),
                    "be" | "have" | "do" | "get"
                );
                if !aux {
                    break;
                }
                // "is expected to": a participle after "be" is the main verb; stop at "to".
            }
            last_verb = Some(end);
            end += 1;
        } else if let Some(skip) = coordinated_adverbs(w, end) {
            // "was heavily and unjustly criticized": coordinated adverbs
            // between an auxiliary and its verb stay inside the group.
            end += skip;
        } else if is_neg(w, end)
            || (u.is_adv()
                && (w.tag(end + 1).is_verb() || w.tag(end + 1) == Tag::RB)
                && end + 1 < w.len())
        {
            end += 1;
        } else if w.lower[end] == "\""
            && is_auxiliary(w, end - 1)
            && (w.tag(end + 1).is_verb() || w.tag(end + 1).is_adv())
        {
            // should “firmly support …: a quotation can open inside the group.
            end += 1;
        } else {
            break;
        }
    }
    // Trailing adverbs are not part of the group.
    while end > i + 1 && !w.tag(end - 1).is_verb() {
        end -= 1;
    }
    last_verb?;
    Some(end)
}

/// At `i`, "adverb and/or adverb" followed by a verb or another adverb:
/// how many tokens the coordination spans.
fn coordinated_adverbs(w: &Words, i: usize) -> Option<usize> {
    let adverb = |k: usize| w.tag(k).is_adv() && !is_neg(w, k);
    let joined = adverb(i)
        && (w.is(i + 1, "and") || w.is(i + 1, "or"))
        && adverb(i + 2)
        && (w.tag(i + 3).is_verb() || w.tag(i + 3).is_adv());
    joined.then_some(3)
}

fn make_verb_group(w: &Words, start: usize, end: usize) -> VerbGroup {
    let main = (start..end)
        .rev()
        .find(|&k| w.tag(k).is_verb())
        .unwrap_or(start);
    let lemma = lemma::verb_lemma(w.lower[main]);
    let aux: Vec<String> = (start..main)
        .filter(|&k| w.tag(k).is_verb() || w.tag(k) == Tag::MD)
        .map(|k| lemma::verb_lemma(w.lower[k]))
        .collect();
    let passive = w.tag(main) == Tag::VBN && aux.iter().any(|a| a == "be" || a == "get");
    // "agreed not to attack": the negation stands before the infinitive's "to".
    // "neither attack … nor block": the verb after "nor" is negated too.
    let negated = (start..end).any(|k| is_neg(w, k))
        || (w.tag(start) == Tag::TO && start > 0 && is_neg(w, start - 1))
        || (start > 0 && w.is(start - 1, "nor"));
    let modal = (start..end)
        .find(|&k| w.tag(k) == Tag::MD)
        .map(|k| w.lower[k].to_string());
    let tense = if w.tag(start) == Tag::TO {
        Tense::Infinitive
    } else if modal
        .as_deref()
        .is_some_and(|m| matches!(m, "will" | "'ll" | "shall" | "wo"))
    {
        Tense::Future
    } else if let Some(first) = (start..end).find(|&k| w.tag(k).is_verb()) {
        match w.tag(first) {
            Tag::VBD => Tense::Past,
            Tag::VBZ | Tag::VBP => Tense::Present,
            Tag::VBN | Tag::VBG if start == first => Tense::Participle,
            _ => Tense::Present,
        }
    } else {
        Tense::Present
    };
    let particle = (w.tag(end) == Tag::RP).then_some(end);
    VerbGroup {
        tokens: start..end,
        main,
        lemma,
        tense,
        passive,
        negated,
        modal,
        particle,
    }
}

/// A verb whose complement is a finite clause, "that" or not, and hardly
/// ever a noun phrase ("believes X can cope"; not "confirmed X", "told X").
fn takes_bare_clause(lemma: &str) -> bool {
    matches!(
        lemma,
        "say"
            | "believe"
            | "think"
            | "hope"
            | "expect"
            | "claim"
            | "argue"
            | "predict"
            | "insist"
            | "suggest"
            | "fear"
            | "feel"
            | "assert"
            | "allege"
            | "contend"
            | "reckon"
            | "suspect"
    )
}

/// Join noun phrases separated by "and"/"or"/"as well as" or list commas,
/// and mark appositions ("Xi Jinping, China 's president,").
pub(crate) fn coordinate(w: &Words, p: &mut SentenceParse) {
    let mut k = 0;
    while k + 1 < p.nps.len() {
        let mut members = vec![k];
        let mut j = k;
        loop {
            let a_end = p.nps[j].tokens.end;
            let Some(next) = p.nps.get(j + 1) else { break };
            let gap = a_end..next.tokens.start;
            let gap_words: Vec<&str> = gap.clone().map(|i| w.lower[i]).collect();
            let joined = match gap_words.as_slice() {
                ["and"]
                | ["or"]
                | [",", "and"]
                | [",", "or"]
                | ["as", "well", "as"]
                | ["and", "both"]
                // "neither Chad nor Niger".
                | ["nor"]
                | [",", "nor"] => true,
                // A list comma only joins when an "and" closes the list later,
                // and not across the comma that ends a fronted prepositional
                // phrase: "At the end of the seminar, 100 scholars and
                // activists signed …" (the list after it is the subject).
                [","] => list_closes(w, p, j + 1) && !ends_fronted_phrase(w, p, j),
                _ => false,
            };
            // Both sides must be the same sort of thing and neither a pronoun object.
            // "Xi met Ruto and Putin visited Kenya": an object followed by a
            // new subject is two clauses, not a coordination.
            let a_start = p.nps[j].tokens.start;
            // "Arnor believes Dagolath and Osgiliath can cope": after a verb
            // taking a clause without "that", the pair is that clause's subject.
            let a_is_object = a_start > 0
                && p.vg_of_token[a_start - 1]
                    .and_then(|g| p.verbs.get(g))
                    .is_some_and(|g| !takes_bare_clause(&g.lemma));
            // ("urged Sudan and Chad to reopen": an infinitive after the
            // second is no new clause's verb.)
            let b_is_subject = p
                .vg_of_token
                .get(next.tokens.end)
                .is_some_and(|v| v.is_some())
                && !w.is(next.tokens.end, "to");
            if joined && !(a_is_object && b_is_subject) {
                members.push(j + 1);
                j += 1;
                if matches!(
                    gap_words.as_slice(),
                    ["and"]
                        | ["or"]
                        | ["nor"]
                        | [",", "and"]
                        | [",", "or"]
                        | [",", "nor"]
                        | ["as", "well", "as"]
                ) {
                    break;
                }
            } else {
                break;
            }
        }
        if members.len() > 1 {
            let id = p.coordinations.len();
            for &m in &members {
                p.nps[m].coordination = Some(id);
            }
            p.coordinations.push(Coordination { members });
            k = j + 1;
        } else {
            k += 1;
        }
    }
    // Apposition: NP , NP , where the second has no verb between and ends at a comma or clause end.
    for k in 0..p.nps.len().saturating_sub(1) {
        let (a, b) = (&p.nps[k], &p.nps[k + 1]);
        if a.coordination.is_some() || b.coordination.is_some() || b.preposition.is_some() {
            continue;
        }
        let gap_is_comma = b.tokens.start == a.tokens.end + 1 && w.is(a.tokens.end, ",");
        let closes =
            b.tokens.end >= w.len() || matches!(w.lower[b.tokens.end], "," | "." | ")" | "--");
        let b_nominal = matches!(b.kind, NpKind::Common | NpKind::Proper);
        // "Ruto, the Kenyan leader," / "Xi Jinping, China 's president,"
        if gap_is_comma && closes && b_nominal && a.kind != NpKind::Pronoun {
            let det = matches!(w.tag(b.tokens.start), Tag::DT)
                || b.possessor.is_some()
                || (a.kind == NpKind::Proper) != (b.kind == NpKind::Proper);
            if det {
                p.nps[k + 1].apposition_of = Some(k);
            }
        }
    }
}

/// Whether the noun phrases from `from` on form a list that an "and"/"or" closes.
fn list_closes(w: &Words, p: &SentenceParse, from: usize) -> bool {
    list_last(w, p, from).is_some()
}

/// The last member of the list that starts at phrase `from`, if an
/// "and"/"or"/"nor" closes it.
fn list_last(w: &Words, p: &SentenceParse, from: usize) -> Option<usize> {
    let mut j = from;
    while let Some(np) = p.nps.get(j) {
        let end = np.tokens.end;
        let next = p.nps.get(j + 1)?;
        let gap: Vec<&str> = (end..next.tokens.start).map(|i| w.lower[i]).collect();
        match gap.as_slice() {
            ["and"] | ["or"] | ["nor"] | [",", "and"] | [",", "or"] | [",", "nor"] => {
                return Some(j + 1)
            }
            [","] => j += 1,
            _ => return None,
        }
    }
    None
}

/// Whether the comma after phrase `a` closes a sentence-initial
/// prepositional phrase: the sentence opens with a preposition, no verb
/// stands before the comma, and the list after it runs straight into a
/// verb. ("In Kenya, Uganda and Tanzania, rebels …" stays one list: a
/// comma follows it.)
pub(crate) fn ends_fronted_phrase(w: &Words, p: &SentenceParse, a: usize) -> bool {
    let a_end = p.nps[a].tokens.end;
    let mut first = 0;
    while first < a_end && w.tag(first).is_adv() {
        first += 1;
    }
    let fronted = matches!(w.tag(first), Tag::IN | Tag::TO)
        && !is_subordinator(w.lower[first])
        && p.nps[a].preposition.is_some()
        && (0..a_end).all(|k| p.vg_of_token[k].is_none());
    if !fronted {
        return false;
    }
    list_last(w, p, a + 1).is_some_and(|last| {
        let end = p.nps[last].tokens.end;
        p.vg_of_token.get(end).copied().flatten().is_some()
    })
}
