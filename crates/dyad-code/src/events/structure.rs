//! Where a clause's parties sit when they are not its plain subject and
//! object: the source of a passive without "by", the actors inside a
//! subject's "of"/"between" phrase. Kept apart from the main coding loop so
//! each rule reads (and is tested) on its own.

use dyad_phrases::Clause;

use super::{resolve, Actor, DocContext, Scene};

/// Prepositions after a passive verb that name where it went or when, not
/// who did it: "was handed over to", "was attacked on Monday".
fn not_agentive(prep: &str) -> bool {
    matches!(
        prep,
        "to" | "toward"
            | "towards"
            | "against"
            | "into"
            | "onto"
            | "at"
            | "on"
            | "for"
            | "during"
            | "after"
            | "before"
            | "since"
            | "until"
            | "despite"
            | "of"
            | "as"
            | "like"
            | "than"
    )
}

/// The source of a passive clause with no "by" agent, read from its
/// prepositional phrases: "was shot dead in X" (X's forces), "was
/// criticised over its dispute with X", "was killed in clashes with X".
/// PETRARCH codes such passives this way (its sources come from the
/// verb's "by"/"from"/"in" phrases, UD-PETRARCH's from any other noun of
/// the verb). Only when the clause has a target (its subject) and the
/// actor is another party; phrases naming a destination, a time or a
/// purpose are passed over.
pub(super) fn passive_source_in_phrases(
    c: &Clause,
    sc: &Scene,
    ctx: &DocContext,
    targets: &[Actor],
) -> Vec<Actor> {
    if targets.is_empty() {
        return Vec::new();
    }
    for pp in &c.preps {
        if not_agentive(sc.lower[pp.prep]) {
            continue;
        }
        let found: Vec<Actor> = resolve(pp.np, sc, ctx)
            .into_iter()
            .filter(|a| !a.code.starts_with("---"))
            .filter(|a| targets.iter().all(|t| t.code != a.code))
            .collect();
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}
