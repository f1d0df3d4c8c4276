//! Clauses from chunks: each verb group gets its subject, object,
//! prepositional phrases and the clause that governs it.

use dyad_model::Tag;

use crate::{Clause, ClauseKind, PrepPhrase, SentenceParse, Words};

/// Verbs that introduce reported content ("X said that …").
pub fn is_reporting_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "say"
            | "tell"
            | "add"
            | "state"
            | "declare"
            | "note"
            | "stress"
            | "emphasise"
            | "emphasize"
            | "insist"
            | "warn"
            | "announce"
            | "write"
            | "remark"
            | "explain"
            | "urge"
            | "propose"
            | "claim"
            | "assert"
            | "argue"
            | "report"
            | "confirm"
            | "deny"
            | "suggest"
            | "believe"
            | "think"
            | "hope"
            | "expect"
            | "predict"
            | "reiterate"
            | "affirm"
            | "underline"
            | "underscore"
            | "highlight"
            | "acknowledge"
            | "admit"
            | "agree"
            | "allege"
            | "indicate"
            | "recommend"
            | "demand"
            | "ask"
            | "request"
            | "pledge"
            | "promise"
            | "vow"
            | "threaten"
            | "accuse"
            | "charge"
            | "know"
            | "hint"
            | "signal"
            | "caution"
            | "recall"
            | "point"
    )
}

/// Nouns for a written or spoken message, which say what their author says.
fn is_message_noun(word: &str) -> bool {
    matches!(
        word,
        "statement"
            | "declaration"
            | "communique"
            | "communiqué"
            | "letter"
            | "resolution"
            | "message"
            | "note"
            | "memorandum"
            | "report"
            | "petition"
            | "proposal"
            | "bill"
            | "motion"
            | "decree"
            | "appeal"
            | "ultimatum"
            | "warning"
            | "plea"
            | "manifesto"
    )
}

fn is_boundary(w: &Words, i: usize) -> bool {
    matches!(w.lower[i], ";" | ":" | "--")
}

/// A subject that denies itself negates its verb: "Neither Kenya nor
/// Uganda attacked", "No troops crossed", "None of the states recognised";
/// so does a "neither … nor" object ("criticised neither Peru nor Chile").
/// ("has no plans to attack" keeps its object's "no": that object often
/// says something else, as in "left no doubt it would attack".)
pub(crate) fn negative_subjects(w: &Words, p: &mut SentenceParse) {
    let starts = |np: Option<usize>| np.and_then(|i| p.nps.get(i)).map(|np| np.tokens.start);
    for c in &p.clauses {
        let by_subject = starts(c.subject).is_some_and(|first| match w.lower.get(first) {
            Some(&"neither") | Some(&"none") => true,
            // "No. 2" is a rank, not a denial.
            Some(&"no") => w.tags.get(first + 1).is_some_and(|t| *t != Tag::CD),
            _ => false,
        });
        let by_object =
            starts(c.object).is_some_and(|first| w.lower.get(first) == Some(&"neither"));
        let denies = by_subject || by_object;
        if denies {
            if let Some(v) = p.verbs.get_mut(c.verb) {
                v.negated = true;
            }
        }
    }
}

/// Build one clause per verb group.
pub(crate) fn clauses(w: &Words, p: &mut SentenceParse) {
    let nv = p.verbs.len();
    for v in 0..nv {
        let vg = p.verbs[v].clone();
        let start = vg.tokens.start;
        let mut kind = ClauseKind::Main;
        let mut governor = None;
        let mut subject = None;
        // A verb coordinated with the clause before shares its subject, which
        // control must not recompute: "urged Kenya to open and expand its
        // markets" — Kenya expands.
        let mut coordinated = false;

        // What stands right before the verb group (skipping adverbs).
        let mut b = start;
        while b > 0 && (w.tag(b - 1).is_adv()) {
            b -= 1;
        }
        let before = b.checked_sub(1);
        let before_word = before.map(|i| w.lower[i]).unwrap_or("");

        // "to help defend Saudi Arabia": "help" takes a bare infinitive.
        // So does "help" or "let" with an object: "helping militants attack
        // the town" — the militants attack.
        let after_object_of_help = matches!(w.tag(start), Tag::VB | Tag::VBP)
            && before
                .and_then(|i| p.np_of_token[i])
                .map(|np| p.nps[np].tokens.start)
                .and_then(|s| s.checked_sub(1))
                .and_then(|i| p.vg_of_token[i])
                .is_some_and(|g| matches!(p.verbs[g].lemma.as_str(), "help" | "let"));
        let after_help = (w.tag(start) == Tag::VB
            && before.is_some_and(|i| w.tag(i).is_verb())
            && matches!(before_word, "help" | "helps" | "helped" | "helping"))
            || after_object_of_help;
        if w.tag(start) == Tag::TO || after_help {
            kind = ClauseKind::Infinitive;
            governor = previous_clause(p, v);
        } else if matches!(w.tag(before.unwrap_or(usize::MAX)), Tag::WDT | Tag::WP)
            || (before_word == "that"
                && before.is_some_and(|i| i > 0 && p.np_of_token[i - 1].is_some()))
        {
            // "Ruto, who is attending" / "projects that have …": subject relative.
            kind = ClauseKind::Relative;
            subject = before.and_then(|i| antecedent(w, p, i));
            governor = previous_clause(p, v);
        } else if vg.tokens.start == vg.main
            && matches!(w.tag(vg.main), Tag::VBG | Tag::VBN)
            && before.is_some_and(|i| p.np_of_token[i].is_some() || w.lower[i] == ",")
            && !(w.tag(vg.main) == Tag::VBN && v == 0 && !has_finite_verb_after(w, p, v))
        {
            // (A bare "-ed" form that is the sentence's only verb is a past
            // tense the tagger read as a participle: "Israel and Lebanon
            // renewed negotiations".)
            // Participle clause: "…, citing X" / "a communique issued by Beijing".
            kind = ClauseKind::Participle;
            governor = previous_clause(p, v);
            subject = before.and_then(|i| {
                if w.lower[i] == "," {
                    governor
                        .and_then(|g| p.clauses.get(g))
                        .and_then(|c| c.subject)
                } else {
                    p.np_of_token[i]
                }
            });
            if w.tag(vg.main) == Tag::VBN {
                subject = before.and_then(|i| p.np_of_token[i]);
            }
            // "issued a statement urging …": a message speaks for whoever
            // issued it, so its author is the participle's subject.
            if w.tag(vg.main) == Tag::VBG {
                if let (Some(s), Some(g)) = (subject, governor.and_then(|g| p.clauses.get(g))) {
                    if g.object == Some(s) && is_message_noun(w.lower[p.nps[s].head]) {
                        subject = g.subject;
                    }
                }
            }
            // "Oxfam Canada today called on …": a time word is not the subject.
            if subject.is_some_and(|s| p.nps[s].kind == crate::NpKind::Time) {
                subject = subject_left_of(w, p, b);
            }
        } else if vg.tokens.start == vg.main
            && w.tag(vg.main) == Tag::VBG
            && matches!(before_word, "to" | "by" | "in")
            && before.is_some_and(|i| i > 0 && p.vg_of_token[i - 1].is_some())
        {
            // A gerund right after verb + preposition is the means or manner
            // of that verb, done by its subject: "resorted to throwing
            // stones", "retaliated by shelling". (Accusations — "accused X
            // of killing" — and time clauses — "after leaving" — are not
            // events of their own.)
            kind = ClauseKind::Participle;
            governor = previous_clause(p, v);
            subject = governor
                .and_then(|g| p.clauses.get(g))
                .and_then(|g| g.subject);
        } else if vg.tokens.start == vg.main
            && w.tag(vg.main) == Tag::VBG
            && matches!(before_word, "and" | "or" | ",")
            && previous_clause(p, v)
                .is_none_or(|c| w.tag(p.verbs[p.clauses[c].verb].main) != Tag::VBG)
        {
            // "emphasis on trust, and upholding fairness": a gerund in a list of
            // nouns, not a verb coordinated with the clause before.
            kind = ClauseKind::Participle;
        } else if matches!(before_word, "and" | "or" | "but" | "nor")
            && before.is_some_and(|i| {
                i > 0
                    && (p.vg_of_token[i - 1].is_some()
                        || p.np_of_token[i - 1].is_some()
                        || w.lower[i - 1] == ","
                        || w.tag(i - 1) == Tag::IN)
            })
        {
            // "X met Y and signed Z": shares the subject of the clause before,
            // unless a subject stands right before the conjunction's verb;
            // so does "established ties with and opened …" (a stranded
            // preposition).
            let prev = previous_clause(p, v);
            subject = prev.and_then(|c| p.clauses[c].subject);
            kind = prev.map(|c| p.clauses[c].kind).unwrap_or(ClauseKind::Main);
            governor = prev.and_then(|c| p.clauses[c].governor);
            coordinated = subject.is_some();
        }
        if subject.is_none() && kind != ClauseKind::Infinitive {
            subject = subject_left_of(w, p, b);
            // A fronted subordinator marks an adverbial clause: "While Ruto affirmed …".
            if let Some(s) = subject {
                let s0 = p.nps[s].tokens.start;
                let mut k = s0;
                while k > 0 && w.tag(k - 1).is_adv() {
                    k -= 1;
                }
                if k > 0 {
                    let wd = w.lower[k - 1];
                    if matches!(
                        wd,
                        "while"
                            | "as"
                            | "when"
                            | "after"
                            | "before"
                            | "because"
                            | "since"
                            | "although"
                            | "though"
                            | "if"
                            | "unless"
                            | "until"
                            | "whereas"
                    ) {
                        kind = ClauseKind::Adverbial;
                    } else if wd == "that" || wd == "whether" {
                        // "asked whether Uganda attacked": an open question
                        // is the asking verb's content, not a main clause.
                        kind = ClauseKind::Complement;
                        governor = previous_clause(p, v);
                    } else if let Some(g) = k.checked_sub(1).and_then(|i| {
                        // skip a time phrase: "said Monday it had asked",
                        // "said on Wednesday NATO would"
                        let i = match p.np_of_token[i]
                            .filter(|&n| p.nps[n].kind == crate::NpKind::Time)
                        {
                            Some(n) => {
                                let before = p.nps[n].tokens.start.checked_sub(1)?;
                                if p.nps[n].preposition == Some(before) {
                                    before.checked_sub(1)?
                                } else {
                                    before
                                }
                            }
                            None => i,
                        };
                        p.vg_of_token[i]
                    }) {
                        // "Xi said China would …": a clause right after a reporting verb.
                        if crate::clause::is_reporting_verb(&p.verbs[g].lemma) {
                            kind = ClauseKind::Complement;
                            governor = p.clause_of_verb(g);
                        }
                    }
                }
            }
        } else if kind == ClauseKind::Main && subject.is_none() {
            // (only Infinitive reaches here)
        }
        if kind == ClauseKind::Infinitive && !coordinated {
            // Subject control: "X agreed to help" → X; object control:
            // "X urged Kenya to align" → Kenya.
            if let Some(g) = governor {
                let gc = &p.clauses[g];
                // Only a real noun object controls ("urged Kenya to"), not an
                // adjective after a copula ("is about to").
                let gv = &p.verbs[gc.verb];
                // "used tear gas to disperse", "took steps to": the object is
                // the means, the subject still acts.
                let means = matches!(gv.lemma.as_str(), "use" | "employ" | "take" | "make");
                let object_control = gv.lemma != "be"
                    && !means
                    && gc.object.is_some_and(|o| {
                        p.nps[o].tokens.end == start
                            && (w.tag(p.nps[o].head).is_noun() || w.tag(p.nps[o].head) == Tag::PRP)
                    });
                subject = if object_control {
                    gc.object
                } else {
                    gc.subject
                };
            }
        }

        // Object and prepositional phrases to the right, up to the next verb
        // group that starts a new clause, a semicolon, or the sentence end.
        let after = vg.particle.map_or(vg.tokens.end, |x| x + 1);
        let mut end = w.len();
        let mut object = None;
        let mut agent = None;
        let mut preps = Vec::new();
        let mut k = after;
        while k < w.len() {
            if is_boundary(w, k) {
                end = k;
                break;
            }
            if let Some(ov) = p.vg_of_token[k] {
                if ov != v {
                    end = k;
                    break;
                }
            }
            if matches!(w.tag(k), Tag::WDT | Tag::WP)
                || (w.lower[k] == "," && matches!(w.tag(k + 1), Tag::WDT | Tag::WP))
            {
                // A relative clause on the object: its words belong to it,
                // but our clause's patterns still see them via `rest`.
            }
            if let Some(np) = p.np_of_token[k] {
                let n = &p.nps[np];
                if n.tokens.start == k {
                    match n.preposition {
                        None if n.kind == crate::NpKind::Time => {}
                        None if object.is_none()
                            && preps.is_empty()
                            && w.tag(n.head) != Tag::EX
                            && !starts_clause(w, p, np)
                            && (after..k).all(|j| {
                                w.tag(j).is_adv()
                                    || p.np_of_token[j]
                                        .is_some_and(|t| p.nps[t].kind == crate::NpKind::Time)
                            }) =>
                        {
                            object = Some(np)
                        }
                        Some(pr) if w.lower[pr] == "by" && vg.passive && agent.is_none() => {
                            agent = Some(np)
                        }
                        Some(pr) => preps.push(PrepPhrase { prep: pr, np }),
                        None => {}
                    }
                }
            }
            k += 1;
        }
        // Passive voice: the grammatical subject is the one acted on.
        p.clauses.push(Clause {
            verb: v,
            kind,
            subject,
            object,
            preps,
            agent,
            governor,
            rest: after..end,
        });
    }
}

/// A noun phrase that is the subject of a following clause rather than an
/// object: a nominative pronoun, or "it"/a name right before a finite verb
/// ("said Monday it had asked").
fn starts_clause(w: &Words, p: &SentenceParse, np: usize) -> bool {
    let n = &p.nps[np];
    if n.kind == crate::NpKind::Pronoun
        && matches!(w.lower[n.head], "he" | "she" | "they" | "we" | "i")
    {
        return true;
    }
    n.kind == crate::NpKind::Pronoun
        && p.vg_of_token
            .get(n.tokens.end)
            .copied()
            .flatten()
            .is_some_and(|v| {
                p.verbs[v]
                    .tokens
                    .clone()
                    .any(|k| matches!(w.tag(k), Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD))
            })
}

/// Whether a finite verb group (tensed or modal) follows verb group `v`.
fn has_finite_verb_after(w: &Words, p: &SentenceParse, v: usize) -> bool {
    p.verbs[v + 1..].iter().any(|g| {
        g.tokens
            .clone()
            .any(|k| matches!(w.tag(k), Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD))
    })
}

/// The clause of the verb group before `v`, if any.
fn previous_clause(p: &SentenceParse, v: usize) -> Option<usize> {
    v.checked_sub(1).and_then(|u| p.clause_of_verb(u))
}

/// The noun phrase a relative pronoun at `rel` refers to.
fn antecedent(w: &Words, p: &SentenceParse, rel: usize) -> Option<usize> {
    let mut k = rel;
    while k > 0 {
        k -= 1;
        if w.lower[k] == "," {
            continue;
        }
        let np = p.np_of_token[k]?;
        // "President Xi of China, who": climb over "of"-phrases to the head phrase.
        let mut np = np;
        while let Some(pr) = p.nps[np].preposition {
            if w.lower[pr] != "of" || pr == 0 {
                break;
            }
            match p.np_of_token[pr - 1] {
                Some(prev) => np = prev,
                None => break,
            }
        }
        return Some(np);
    }
    None
}

/// ", a body linked to the union," between a noun phrase and its verb: a
/// description of the phrase before the comma (a phrase with a determiner or
/// possessor, with a participle or prepositions after it but no finite
/// verb), so the subject is the phrase it describes.
fn described_apposition(w: &Words, p: &SentenceParse, open: usize, close: usize) -> bool {
    let first = open + 1;
    let Some(np) = p.np_of_token[first].and_then(|n| p.nps.get(n)) else {
        return false;
    };
    let described = open > 0 && w.tag(open - 1).is_noun();
    let determined = w.tag(first) == Tag::DT || np.possessor.is_some();
    let finite = (np.tokens.end..close).any(|k| {
        matches!(w.tag(k), Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD) || w.tag(k) == Tag::WDT
    });
    described && determined && np.tokens.start == first && !finite
}

/// The subject of a verb group starting at `b`: the nearest noun phrase to
/// the left that is not a prepositional object, skipping "of"-phrases,
/// parenthetical appositions and relative clauses set off by commas.
fn subject_left_of(w: &Words, p: &SentenceParse, b: usize) -> Option<usize> {
    let mut k = b;
    while k > 0 {
        k -= 1;
        let word = w.lower[k];
        // "the European Union (EU) agree": step over a parenthesis.
        if word == ")" {
            if let Some(open) = (0..k).rev().find(|&i| w.lower[i] == "(") {
                k = open;
                continue;
            }
        }
        if word == "," {
            // ", who is attending the summit ," — jump to before the opening comma
            // when the stretch is a relative clause or an apposition.
            if let Some(open) = (0..k).rev().find(|&i| w.lower[i] == ",") {
                let first = open + 1;
                // ", who …," / ", China 's president," / ", while expressing …," / ", citing …,"
                let rel = matches!(w.tag(first), Tag::WDT | Tag::WP)
                    || p.nps
                        .get(p.np_of_token[first].unwrap_or(usize::MAX))
                        .is_some_and(|n| n.apposition_of.is_some())
                    || crate::chunk::is_subordinator(w.lower[first])
                    || matches!(
                        w.lower[first],
                        "when"
                            | "after"
                            | "before"
                            | "as"
                            | "in"
                            | "on"
                            | "at"
                            | "during"
                            | "despite"
                    )
                    || (matches!(w.tag(first), Tag::VBG | Tag::VBN)
                        && p.vg_of_token[first].is_some())
                    || described_apposition(w, p, open, k);
                if rel {
                    k = open;
                    continue;
                }
            }
            // An apposition closing right before the verb: "Xi, China 's president, said".
            continue;
        }
        if let Some(np) = p.np_of_token[k] {
            if p.nps[np].kind == crate::NpKind::Time {
                continue;
            }
            if let Some(a) = p.nps[np].apposition_of {
                return Some(a);
            }
            // A coordinated subject: its first member stands for it (callers expand).
            let first = p.nps[np]
                .coordination
                .and_then(|c| p.coordinations[c].members.first().copied())
                .unwrap_or(np);
            let n = &p.nps[first];
            // A prepositional object ("the ambassadors of Arnor, Osgiliath and
            // Gondor presented"): look past it.
            if n.preposition.is_some() {
                k = n.tokens.start;
                continue;
            }
            // The object of an embedded gerund ("… and upholding fairness and
            // justice … was"): skip the gerund phrase.
            if let Some(v) = n.tokens.start.checked_sub(1).and_then(|b| p.vg_of_token[b]) {
                let vg = &p.verbs[v];
                let bare = vg.tokens.start == vg.main && w.tag(vg.main) == Tag::VBG;
                if bare
                    && vg.tokens.start > 0
                    && matches!(w.tag(vg.tokens.start - 1), Tag::CC | Tag::Comma | Tag::IN)
                {
                    k = vg.tokens.start;
                    continue;
                }
            }
            // A later item of a prepositional list ("emphasis on sincerity,
            // mutual trust, and …"): preceded by a comma after a
            // prepositional object and followed by more of the list.
            let after_np = w.lower.get(n.tokens.end).copied();
            let list_item = n.tokens.start >= 2
                && w.lower[n.tokens.start - 1] == ","
                && p.np_of_token[n.tokens.start - 2].is_some_and(|q| {
                    p.nps[q].preposition.is_some() || p.nps[q].coordination.is_some()
                })
                && matches!(after_np, Some(",") | Some("and") | Some("or"))
                && !p.np_of_token[n.tokens.start - 2]
                    .is_some_and(|q| crate::chunk::ends_fronted_phrase(w, p, q));
            if list_item {
                k = n.tokens.start;
                continue;
            }
            return Some(first);
        }
        if let Some(v) = p.vg_of_token[k] {
            // A bare gerund or participle inside a list or phrase ("emphasis
            // on trust, and upholding fairness … was accompanied") is not a
            // clause of its own for this purpose: look past it.
            let vg = &p.verbs[v];
            let bare = vg.tokens.start == vg.main && matches!(w.tag(vg.main), Tag::VBG | Tag::VBN);
            let embedded = vg.tokens.start > 0
                && matches!(w.tag(vg.tokens.start - 1), Tag::CC | Tag::Comma | Tag::IN);
            if bare && embedded {
                k = vg.tokens.start;
                continue;
            }
            // A reduced relative after the subject ("workers affiliated
            // with the union stopped work", "a group based in Trinidad
            // claims"): the subject is the phrase it modifies.
            let after_np = vg.tokens.start > 0 && p.np_of_token[vg.tokens.start - 1].is_some();
            if bare && after_np {
                k = vg.tokens.start;
                continue;
            }
            return None;
        }
        if matches!(word, "that" | ";" | ":" | "\"") || w.tag(k) == Tag::WDT {
            return None;
        }
        if matches!(
            w.tag(k),
            Tag::IN | Tag::TO | Tag::CC | Tag::RB | Tag::POS | Tag::RRB | Tag::LRB
        ) || w.tag(k).is_adj()
            || w.tag(k) == Tag::CD
        {
            continue;
        }
        return None;
    }
    None
}
