//! Stage 7 of the dyad pipeline: where events happened.
//!
//! Runs after coding. [`find_places`] finds place mentions (dateline,
//! locative phrases, demonym patterns) and resolves each against an
//! offline GeoNames gazetteer compiled into the binary, using the
//! document's own context (the coded actors' countries, the other places
//! it names, population and feature priors). [`locate_events`] gives each
//! event the place of its own sentence, else the dateline, else nothing.
//! Every location says its precision, so a country's centroid is never
//! read as a precise point.

mod gazetteer;
mod mentions;

use dyad_model::{Document, EventRecord};

pub use gazetteer::{name_key, Admin1, Country, Entry, Gazetteer, GeoError, Place, PlaceClass};
pub use mentions::{MentionKind, PlaceMention};

/// Every place mention of a document, resolved with the document's own
/// context (no actor information).
pub fn find_places(doc: &Document, gaz: &Gazetteer) -> Vec<PlaceMention> {
    mentions::find_with_context(doc, gaz, &[])
}

/// Rank of a precision, most specific highest.
fn precision_rank(p: &str) -> u8 {
    match p {
        "feature" => 3,
        "city" => 2,
        "admin1" => 1,
        _ => 0,
    }
}

/// The ISO alpha-3 country of a CAMEO actor code, when it has one
/// (`CHNGOV` → `CHN`; IGOs and bare sectors have none).
fn actor_country(code: &str) -> Option<&str> {
    let c = code.get(..3)?;
    (c.chars().all(|ch| ch.is_ascii_uppercase()) && c != "IGO" && c != "NGO").then_some(c)
}

/// Set each event's `location`: the locative place in its own sentence
/// nearest after the verb (else nearest before it), the most specific of
/// a chain like "at the Great Hall of the People in Beijing"; else the
/// dateline; else none.
pub fn locate_events(doc: &Document, events: &mut [EventRecord], gaz: &Gazetteer) {
    if events.is_empty() {
        return;
    }
    let mut actors: Vec<&str> = events
        .iter()
        .flat_map(|e| [e.source.as_str(), e.target.as_str()])
        .filter_map(actor_country)
        .collect();
    actors.sort_unstable();
    actors.dedup();
    let found = mentions::find_with_context(doc, gaz, &actors);
    let dateline = found.iter().find(|m| m.kind == MentionKind::Dateline);
    // A sentence's events mostly share their sentence and verb: the choice
    // for the previous (sentence, verb position) is reused, not rebuilt.
    let mut here: Vec<&PlaceMention> = Vec::new();
    let mut here_for: Option<usize> = None;
    let mut last: Option<(EventAt, Option<&PlaceMention>)> = None;
    for e in events.iter_mut() {
        let at = (e.sentence, e.spans.verb.map(|v| v.start));
        let chosen = match last {
            Some((prev, chosen)) if prev == at => chosen,
            _ => {
                if here_for != Some(e.sentence) {
                    here.clear();
                    here.extend(found.iter().filter(|m| {
                        m.kind == MentionKind::Locative && m.sentence == Some(e.sentence)
                    }));
                    here_for = Some(e.sentence);
                }
                let chosen = doc.sentences.get(e.sentence).and_then(|s| {
                    let verb_at = at.1.map(|v| s.span.start + v).unwrap_or(s.span.start);
                    pick(&doc.text, &here, verb_at)
                });
                last = Some((at, chosen));
                chosen
            }
        };
        e.location = chosen.or(dateline).map(|m| m.location.clone());
    }
}

/// An event's sentence and its verb's start within it.
type EventAt = (usize, Option<usize>);

/// Choose among the locative mentions of one sentence.
fn pick<'a>(text: &str, here: &[&'a PlaceMention], verb_at: usize) -> Option<&'a PlaceMention> {
    if here.is_empty() {
        return None;
    }
    // Chains: mentions joined only by "in", ",", "the", "of" describe one place.
    let mut chains: Vec<Vec<&PlaceMention>> = Vec::new();
    for &m in here {
        if let Some(last) = chains.last_mut().and_then(|c| c.last().copied()) {
            let gap = text.get(last.span.end..m.span.start).unwrap_or("x");
            let joined = gap
                .split(|c: char| c.is_whitespace() || c == ',')
                .all(|w| matches!(w, "" | "in" | "the" | "of" | "near"));
            if joined {
                if let Some(c) = chains.last_mut() {
                    c.push(m);
                }
                continue;
            }
        }
        chains.push(vec![m]);
    }
    let best_of = |c: &Vec<&'a PlaceMention>| {
        c.iter()
            .copied()
            .max_by_key(|m| (precision_rank(&m.location.precision), m.span.start))
    };
    // "..., officials in Seoul said": the place of the report, not the event.
    let attribution = |c: &&Vec<&'a PlaceMention>| {
        c.last().is_some_and(|m| {
            let rest = text.get(m.span.end..).unwrap_or("");
            let next = rest
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_matches(|c: char| !c.is_alphabetic());
            matches!(
                next,
                "said" | "says" | "reported" | "told" | "added" | "announced"
            )
        })
    };
    let chains: Vec<Vec<&PlaceMention>> = chains.into_iter().filter(|c| !attribution(&c)).collect();
    let after = chains
        .iter()
        .find(|c| c.first().is_some_and(|m| m.span.start >= verb_at));
    let before = chains
        .iter()
        .rev()
        .find(|c| c.first().is_some_and(|m| m.span.start < verb_at));
    after.or(before).and_then(best_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_country_takes_iso_prefix_only() {
        assert_eq!(actor_country("CHNGOV"), Some("CHN"));
        assert_eq!(actor_country("KEN"), Some("KEN"));
        assert_eq!(actor_country("IGOUNO"), None);
        assert_eq!(actor_country("GO"), None);
    }
}
