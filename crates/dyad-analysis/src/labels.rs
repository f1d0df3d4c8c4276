//! Partnership labels: sentences saying two states hold, establish or
//! upgrade a named relationship, placed on an ordered ladder.
//!
//! The parties come from the coder's own actor resolution (`Pipeline::explain`):
//! the noun phrase holding the label ("their comprehensive strategic
//! cooperative partnership", "the Kenya-China partnership"), a "with Y"
//! phrase after it, the clause's subject ("Kenya and China agreed to
//! elevate ..."), and, for "their"/"bilateral" with one party missing, the
//! document's two most-mentioned states.

use chrono::NaiveDate;
use dyad_code::Pipeline;
use dyad_model::{DateSource, Document, EventRecord, EventSpans, Span};
use serde::Serialize;

use crate::fold::{fold, Folded};

/// One rung of the ladder: a canonical label, its level (higher = closer),
/// its family, and the other spellings that mean it.
#[derive(Debug, Clone, Copy)]
pub struct LadderLabel {
    pub label: &'static str,
    pub level: u8,
    pub family: Family,
    pub spellings: &'static [&'static str],
}

/// Which diplomatic vocabulary a label comes from: levels are comparable
/// within a family and only roughly across families.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// "... partnership" (the vocabulary Beijing, Moscow, New Delhi and
    /// the EU use).
    Partnership,
    /// "community with a shared future" (Beijing's top political framing).
    Community,
    /// Formal security designations ("major non-NATO ally").
    Alliance,
}

use Family::*;

/// The ordered ladder (documented in `docs/analysis.md`). Longest spellings
/// are matched first, so "comprehensive strategic partnership" is not also
/// counted as "strategic partnership".
pub const LADDER: &[LadderLabel] = &[
    rung("cooperative partnership", 1, Partnership, &[]),
    rung("friendly cooperative partnership", 1, Partnership, &[]),
    rung("friendly partnership", 1, Partnership, &[]),
    rung("comprehensive partnership", 2, Partnership, &[]),
    rung("comprehensive cooperative partnership", 2, Partnership, &[]),
    rung("all-round cooperative partnership", 2, Partnership, &[]),
    rung("strategic partnership", 3, Partnership, &[]),
    rung("strategic cooperative partnership", 3, Partnership, &[]),
    rung("strategic partnership of coordination", 3, Partnership, &[]),
    rung("enhanced partnership", 3, Partnership, &[]),
    rung("comprehensive strategic partnership", 4, Partnership, &[]),
    rung(
        "comprehensive strategic cooperative partnership",
        4,
        Partnership,
        &[],
    ),
    rung("global strategic partnership", 4, Partnership, &[]),
    rung("enhanced strategic partnership", 4, Partnership, &[]),
    rung("special strategic partnership", 4, Partnership, &[]),
    rung(
        "all-round strategic cooperative partnership",
        5,
        Partnership,
        &["all-round strategic partnership"],
    ),
    rung(
        "comprehensive strategic partnership of coordination",
        5,
        Partnership,
        &[],
    ),
    rung(
        "comprehensive global strategic partnership",
        5,
        Partnership,
        &[],
    ),
    rung(
        "special and privileged strategic partnership",
        5,
        Partnership,
        &[],
    ),
    rung(
        "community with a shared future",
        5,
        Community,
        &["community of shared future", "community of a shared future"],
    ),
    rung(
        "major non-NATO ally",
        5,
        Alliance,
        &["major non-NATO allies"],
    ),
    rung(
        "all-weather strategic cooperative partnership",
        6,
        Partnership,
        &["all-weather strategic partnership"],
    ),
];

const fn rung(
    label: &'static str,
    level: u8,
    family: Family,
    spellings: &'static [&'static str],
) -> LadderLabel {
    LadderLabel {
        label,
        level,
        family,
        spellings,
    }
}

/// What the sentence says is happening to the relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// The parties already have it ("their ... partnership").
    Holds,
    /// They create it ("established", "forged", "signed").
    Establishes,
    /// They raise it ("upgraded ties to", "elevate relations to").
    Upgrades,
    /// Someone wants it ("should become", "proposed", "hopes to").
    Aspires,
}

/// One label statement with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelRecord {
    /// The two parties, sorted (`["CHN", "KEN"]`).
    pub dyad: [String; 2],
    /// The canonical ladder label (also the ladder key).
    pub label: String,
    /// The words as written.
    pub matched: String,
    pub level: u8,
    pub family: Family,
    pub stance: Stance,
    pub date: String,
    pub doc_id: String,
    /// 0-based sentence index in the document (the contract's `sentence`).
    pub sentence: usize,
    /// The evidence sentence and the label's byte span in it.
    pub text: String,
    pub span: [usize; 2],
    /// Why these two parties (for the analyst to check).
    pub parties_from: String,
    /// Set by [`label_history`]: a higher level than any before for the
    /// dyad, or an establish/upgrade verb.
    pub upgrade: bool,
}

/// CAMEO region and non-state prefixes: codes starting with these are not
/// states and cannot be a party to a bilateral label.
const NON_STATE: &[&str] = &[
    "IGO", "NGO", "NGM", "MNC", "UIS", "INT", "AFR", "ASA", "BLK", "CAS", "CAU", "CFR", "CRB",
    "EAF", "EEU", "EIN", "EUR", "LAM", "MEA", "MDT", "NAF", "NAM", "PGS", "SAF", "SAM", "SAS",
    "SEA", "WAF", "WEU", "WST", "EST", "SCN", "NTH", "STH", "---",
];

/// The state an actor code belongs to (`KENGOV` → `KEN`), if it is one.
pub fn state_of(code: &str) -> Option<&str> {
    let c = code.get(..3)?;
    (c.bytes().all(|b| b.is_ascii_uppercase()) && !NON_STATE.contains(&c)).then_some(c)
}

/// Words before a label that mean "the two parties" without naming them.
const PAIR_WORDS: &[&str] = &["their", "our", "bilateral", "two", "both", "mutual"];
const UPGRADE_VERBS: &[&str] = &[
    "upgrade",
    "upgraded",
    "upgrading",
    "upgrades",
    "elevate",
    "elevated",
    "elevating",
    "elevates",
    "raise",
    "raised",
    "raising",
    "lift",
    "lifted",
    "lifting",
    "upgradation",
];
const ESTABLISH_VERBS: &[&str] = &[
    "establish",
    "established",
    "establishing",
    "establishes",
    "establishment",
    "forge",
    "forged",
    "forging",
    "form",
    "formed",
    "sign",
    "signed",
    "signing",
    "launch",
    "launched",
    "designate",
    "designated",
    "designating",
    "designates",
    "designation",
    "named",
    "announced",
];
const ASPIRE_WORDS: &[&str] = &[
    "should", "would", "could", "propose", "proposed", "proposes", "hope", "hopes", "hoped",
    "seek", "seeks", "sought", "aim", "aims", "want", "wants", "become", "may", "might", "if",
    "not", "never",
];

/// Folded spellings of every ladder label, longest first.
fn spellings() -> Vec<(String, &'static LadderLabel)> {
    let mut out = Vec::new();
    for l in LADDER {
        let mut add = |s: &str| {
            let f = fold(s);
            // "partner(s)" forms only for labels of three words or more:
            // "strategic partners upholding fairness" is a slogan, not a label.
            if let Some(stem) = f.strip_suffix(" partnership") {
                if f.split(' ').count() >= 3 {
                    out.push((format!("{stem} partner"), l));
                    out.push((format!("{stem} partners"), l));
                }
            }
            out.push((f, l));
        };
        add(l.label);
        for s in l.spellings {
            add(s);
        }
    }
    out.sort_by_key(|s| std::cmp::Reverse(s.0.len()));
    out
}

/// Label statements in an annotated document (`pipeline.annotate` first).
/// `upgrade` is left false; [`label_history`] sets it across documents.
pub fn detect_labels(pipeline: &Pipeline, doc: &Document, fallback: NaiveDate) -> Vec<LabelRecord> {
    let spellings = spellings();
    // Cheap test first: most documents name no label.
    let folded_doc = fold(&doc.text);
    if !spellings
        .iter()
        .any(|(s, _)| folded_doc.contains(s.as_str()))
    {
        return Vec::new();
    }
    let date = doc.date.unwrap_or(fallback);
    let explained = pipeline.explain(doc, date);
    let main = main_states(&explained);
    let mut out = Vec::new();
    for (s, (parse, actors)) in doc.sentences.iter().zip(&explained) {
        if s.boilerplate.is_some() {
            continue;
        }
        let text = s.span.slice(&doc.text);
        let folded = Folded::new(text);
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for (sp, rung) in &spellings {
            for (a, b) in folded.find_all(sp) {
                if taken.iter().any(|&(x, y)| a < y && x < b) {
                    continue;
                }
                taken.push((a, b));
                let (doc_a, doc_b) = (s.span.start + a, s.span.start + b);
                let toks: Vec<usize> = s
                    .tokens
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| t.span.start < doc_b && doc_a < t.span.end)
                    .map(|(i, _)| i)
                    .collect();
                let (Some(&first), Some(&last)) = (toks.first(), toks.last()) else {
                    continue;
                };
                let lower: Vec<String> = s.tokens.iter().map(|t| t.norm.to_lowercase()).collect();
                let Some((parties, from)) = parties(parse, actors, &lower, first, last, &main)
                else {
                    continue;
                };
                let mut dyad = [parties[0].clone(), parties[1].clone()];
                dyad.sort();
                out.push(LabelRecord {
                    dyad,
                    label: rung.label.to_string(),
                    matched: text.get(a..b).unwrap_or_default().to_string(),
                    level: rung.level,
                    family: rung.family,
                    stance: stance(&lower, first, last),
                    date: date.format("%Y-%m-%d").to_string(),
                    doc_id: doc.id.clone(),
                    sentence: s.index,
                    text: text.to_string(),
                    span: [a, b],
                    parties_from: from,
                    upgrade: false,
                });
            }
        }
    }
    out.sort_by_key(|r| (r.sentence, r.span[0]));
    out
}

type Explained = (
    dyad_phrases::SentenceParse,
    dyad_code::events::SentenceActors,
);

/// The document's two most-mentioned states (ties: first mentioned first).
fn main_states(explained: &[Explained]) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for (_, a) in explained {
        for np in &a.nps {
            let mut seen: Vec<&str> = Vec::new();
            for actor in np {
                if let Some(st) = state_of(&actor.code) {
                    if seen.contains(&st) {
                        continue;
                    }
                    seen.push(st);
                    match counts.iter_mut().find(|(c, _)| c == st) {
                        Some((_, n)) => *n += 1,
                        None => counts.push((st.to_string(), 1)),
                    }
                }
            }
        }
    }
    // Stable sort keeps first-mention order among equal counts.
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts.into_iter().take(2).map(|(c, _)| c).collect()
}

fn states_of_np(actors: &dyad_code::events::SentenceActors, np: usize, into: &mut Vec<String>) {
    if let Some(list) = actors.nps.get(np) {
        for a in list {
            if let Some(st) = state_of(&a.code) {
                if !into.iter().any(|c| c == st) {
                    into.push(st.to_string());
                }
            }
        }
    }
}

/// The two parties of a label spanning tokens `first..=last`, and which
/// rule found them.
fn parties(
    p: &dyad_phrases::SentenceParse,
    actors: &dyad_code::events::SentenceActors,
    lower: &[String],
    first: usize,
    last: usize,
    main: &[String],
) -> Option<(Vec<String>, String)> {
    let mut found: Vec<String> = Vec::new();
    let mut rules: Vec<&str> = Vec::new();
    let label_np = p.np_of_token.get(last).copied().flatten();
    if let Some(np) = label_np {
        let before = found.len();
        states_of_np(actors, np, &mut found);
        if found.len() > before {
            rules.push("label phrase");
        }
    }
    // "... partnership with Kenya"
    let mut i = last + 1;
    while i < lower.len()
        && label_np.is_some()
        && p.np_of_token.get(i).copied().flatten() == label_np
    {
        i += 1;
    }
    if lower.get(i).map(String::as_str) == Some("with") {
        if let Some(np) = p.np_of_token.get(i + 1).copied().flatten() {
            let before = found.len();
            for m in p.conjuncts(np) {
                states_of_np(actors, m, &mut found);
            }
            if found.len() > before {
                rules.push("with-phrase");
            }
        }
    }
    // The subject of the clause the label sits in.
    if found.len() < 2 {
        let clause = p
            .clauses
            .iter()
            .filter(|c| {
                c.rest.contains(&first)
                    || label_np.is_some_and(|np| {
                        c.object == Some(np) || c.preps.iter().any(|pp| pp.np == np)
                    })
            })
            .min_by_key(|c| c.rest.len());
        if let Some(subj) = clause.and_then(|c| c.subject) {
            let before = found.len();
            for m in p.conjuncts(subj) {
                states_of_np(actors, m, &mut found);
            }
            if found.len() > before {
                rules.push("clause subject");
            }
        }
    }
    if found.len() < 2 {
        let window = first.saturating_sub(3)..first;
        let pair_word = window.clone().any(|k| {
            lower
                .get(k)
                .is_some_and(|w| PAIR_WORDS.contains(&w.as_str()))
        }) || (first >= 2
            && lower
                .get(first - 2)
                .is_some_and(|w| w == "two" || w == "both"));
        if pair_word {
            let before = found.len();
            for m in main {
                if found.len() >= 2 {
                    break;
                }
                if !found.contains(m) {
                    found.push(m.clone());
                }
            }
            if found.len() > before {
                rules.push("document's two main states");
            }
        }
    }
    if found.len() < 2 {
        return None;
    }
    found.truncate(2);
    Some((found, rules.join(" + ")))
}

fn stance(lower: &[String], first: usize, last: usize) -> Stance {
    let before = &lower[..first.min(lower.len())];
    let possessive = first > 0
        && lower
            .get(first - 1)
            .is_some_and(|w| matches!(w.as_str(), "their" | "our" | "its" | "'s" | "bilateral"));
    let has = |set: &[&str]| before.iter().any(|w| set.contains(&w.as_str()));
    let _ = last;
    if has(UPGRADE_VERBS) {
        Stance::Upgrades
    } else if has(ESTABLISH_VERBS) {
        Stance::Establishes
    } else if !possessive && has(ASPIRE_WORDS) {
        Stance::Aspires
    } else {
        Stance::Holds
    }
}

/// Sort records by date and mark upgrades: a level above every earlier
/// level for the dyad (within the same family), or an establish/upgrade
/// verb. Aspirations never count as upgrades.
pub fn label_history(mut records: Vec<LabelRecord>) -> Vec<LabelRecord> {
    records.sort_by(|a, b| (&a.date, &a.doc_id, a.sentence).cmp(&(&b.date, &b.doc_id, b.sentence)));
    let mut best: Vec<([String; 2], Family, u8)> = Vec::new();
    for r in &mut records {
        if r.stance == Stance::Aspires {
            continue;
        }
        let prev = best
            .iter_mut()
            .find(|(d, f, _)| *d == r.dyad && *f == r.family);
        let higher = prev.as_ref().is_some_and(|(_, _, l)| r.level > *l);
        r.upgrade = higher || matches!(r.stance, Stance::Upgrades | Stance::Establishes);
        match prev {
            Some((_, _, l)) => *l = (*l).max(r.level),
            None => best.push((r.dyad.clone(), r.family, r.level)),
        }
    }
    records
}

/// The CAMEO code an upgrade is coded as (see `docs/analysis.md`):
/// security designations are military cooperation (062); a relationship
/// signed or set down in an agreement or joint statement is a formal
/// agreement (057); any other upgrade is diplomatic cooperation (050).
pub fn upgrade_code(r: &LabelRecord) -> &'static str {
    if r.family == Family::Alliance {
        return "062";
    }
    let folded = Folded::new(&r.text);
    let formal = [
        "sign",
        "signed",
        "agreement",
        "joint statement",
        "declaration",
        "treaty",
    ]
    .iter()
    .any(|w| !folded.find_all(w).is_empty());
    if formal {
        "057"
    } else {
        "050"
    }
}

/// One event per upgrade, source and target the two parties in dyad order
/// (a joint act has no natural direction; see `docs/analysis.md`).
pub fn upgrade_events(history: &[LabelRecord]) -> Vec<EventRecord> {
    history
        .iter()
        .filter(|r| r.upgrade)
        .map(|r| {
            let mut e = EventRecord {
                doc_id: r.doc_id.clone(),
                sentence: r.sentence,
                date: r.date.clone(),
                date_source: DateSource::Given,
                source: r.dyad[0].clone(),
                target: r.dyad[1].clone(),
                source_text: String::new(),
                target_text: String::new(),
                code: String::new(),
                root: String::new(),
                quad_class: 0,
                goldstein: 0.0,
                plover: Default::default(),
                text: r.text.clone(),
                spans: EventSpans {
                    source: None,
                    target: None,
                    verb: Some(Span::new(r.span[0], r.span[1])),
                },
                verb_text: r.matched.clone(),
                speaker: None,
                modality: None,
                pattern: format!("relationship label: {} (level {})", r.label, r.level),
                location: None,
            };
            e.set_code(upgrade_code(r));
            e
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str, date: &str) -> Document {
        Document {
            id: "t".into(),
            text: text.into(),
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            ..Document::default()
        }
    }

    fn pipeline() -> &'static Pipeline {
        static P: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
        P.get_or_init(|| Pipeline::load(&[]).expect("pipeline"))
    }

    fn labels(text: &str) -> Vec<LabelRecord> {
        let p = pipeline();
        let mut d = doc(text, "2023-05-01");
        p.annotate(&mut d);
        detect_labels(p, &d, NaiveDate::default())
    }

    #[test]
    fn bilateral_falls_back_to_the_documents_two_states() {
        let r = labels(
            "Chinese President Xi Jinping met Kenyan President William Ruto in Beijing. \
             Officials praised the progress of the bilateral comprehensive strategic partnership.",
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].dyad, ["CHN".to_string(), "KEN".to_string()]);
        assert_eq!(r[0].sentence, 1);
        assert!(
            r[0].parties_from.contains("main states"),
            "{}",
            r[0].parties_from
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn any_text_is_safe(words in proptest::collection::vec(proptest::sample::select(vec![
            "China", "Kenya", "and", "their", "strategic", "comprehensive", "partnership", "partners",
            "with", "upgraded", "“", "-", "’s", ".", "all-weather", "community", "with a shared future",
            "major", "non-NATO", "ally", "é", "\u{0}", "\n\n",
        ]), 0..40)) {
            let text = words.join(" ");
            for r in labels(&text) {
                proptest::prop_assert!(r.text.get(r.span[0]..r.span[1]).is_some());
                proptest::prop_assert!(r.dyad[0] < r.dyad[1]);
            }
        }
    }

    #[test]
    fn ladder_is_ordered_and_spellings_unique() {
        let all = spellings();
        for (i, (s, _)) in all.iter().enumerate() {
            assert!(
                !all[i + 1..].iter().any(|(t, _)| t == s),
                "duplicate spelling {s}"
            );
        }
        assert!(LADDER.windows(2).all(|w| w[0].level <= w[1].level));
    }

    #[test]
    fn joint_upgrade_names_both_parties() {
        let r = labels("Kenya and China agreed to elevate relations to a comprehensive strategic cooperative partnership.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].dyad, ["CHN".to_string(), "KEN".to_string()]);
        assert_eq!(
            r[0].label,
            "comprehensive strategic cooperative partnership"
        );
        assert_eq!(r[0].level, 4);
        assert_eq!(r[0].stance, Stance::Upgrades);
        assert_eq!(
            &r[0].text[r[0].span[0]..r[0].span[1]],
            "comprehensive strategic cooperative partnership"
        );
    }

    #[test]
    fn with_phrase_and_longest_match() {
        let r = labels("Vietnam established a comprehensive strategic partnership with Australia.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].dyad, ["AUS".to_string(), "VNM".to_string()]);
        assert_eq!(r[0].level, 4);
        assert_eq!(r[0].stance, Stance::Establishes);
    }

    #[test]
    fn no_parties_no_record_and_slogans_ignored() {
        assert!(labels("A strategic partnership is a fine thing.").is_empty());
        assert!(
            labels("China and Kenya should be strategic partners upholding fairness.").is_empty()
        );
    }

    #[test]
    fn history_marks_upgrades_and_codes_events() {
        let mk = |date: &str, level: u8, stance: Stance| LabelRecord {
            dyad: ["CHN".into(), "KEN".into()],
            label: "x".into(),
            matched: "x".into(),
            level,
            family: Family::Partnership,
            stance,
            date: date.into(),
            doc_id: "d".into(),
            sentence: 0,
            text: "They signed a joint statement.".into(),
            span: [0, 4],
            parties_from: String::new(),
            upgrade: false,
        };
        let h = label_history(vec![
            mk("2020-01-01", 4, Stance::Holds),
            mk("2017-01-01", 3, Stance::Holds),
            mk("2021-01-01", 4, Stance::Holds),
            mk("2022-01-01", 6, Stance::Aspires),
        ]);
        let ups: Vec<bool> = h.iter().map(|r| r.upgrade).collect();
        assert_eq!(ups, [false, true, false, false]);
        let ev = upgrade_events(&h);
        assert_eq!(ev.len(), 1);
        assert_eq!(ev[0].code, "057");
        assert_eq!(ev[0].quad_class, 1);
        assert_eq!(ev[0].date, "2020-01-01");
    }
}
