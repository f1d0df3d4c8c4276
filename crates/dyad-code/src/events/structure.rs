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

/// The actors in a subject's "of"/"between"/"among"/"from" phrases when
/// the subject's own head names none: "the information ministry of X and
/// Y said" is X and Y speaking, "resumption of ties between X and Y may
/// spur …" is X and Y acting. Follows up to three attached phrases, each
/// starting right where the previous one ends and all before the verb.
pub(super) fn subject_modifier_actors(c: &Clause, sc: &Scene, ctx: &DocContext) -> Vec<Actor> {
    let p = sc.p;
    let Some(subject) = c.subject else {
        return Vec::new();
    };
    let verb_start = p.verbs[c.verb].tokens.start;
    // The last member of a coordinated subject is where its phrases attach.
    let mut at = p.conjuncts(subject).last().copied().unwrap_or(subject);
    for _ in 0..3 {
        let next = at + 1;
        let Some(np) = p.nps.get(next) else { break };
        let Some(prep) = np.preposition else { break };
        let attached = prep == p.nps[at].tokens.end
            && matches!(sc.lower[prep], "of" | "between" | "among" | "from")
            && np.tokens.end <= verb_start;
        if !attached {
            break;
        }
        let found: Vec<Actor> = resolve(next, sc, ctx)
            .into_iter()
            .filter(|a| !a.code.starts_with("---"))
            .collect();
        if !found.is_empty() {
            return found;
        }
        at = p.conjuncts(next).last().copied().unwrap_or(next);
    }
    Vec::new()
}

/// The infinitive clause right after `c`'s own words ("vowed on Thursday
/// | to wage war"), whose words `c`'s patterns may also read: in a
/// constituency parse the infinitive sits inside the governing verb's
/// phrase, so "VOW * WAR" sees the war that is vowed. Only the verb's
/// complement: after an object ("signed an accord to supply …") the
/// infinitive is the object's or a purpose, which the verb's own patterns
/// for the object already code.
pub(super) fn adjoining_infinitive(c: &Clause, p: &dyad_phrases::SentenceParse) -> Option<usize> {
    if c.object.is_some() {
        return None;
    }
    p.clauses.iter().position(|d| {
        d.kind == dyad_phrases::ClauseKind::Infinitive
            && d.governor
                .and_then(|g| p.clauses.get(g))
                .is_some_and(|g| g.verb == c.verb)
            && p.verbs[d.verb].tokens.start == c.rest.end
    })
}

/// Whether `c`'s pattern match used words of the infinitive clause `k`: the
/// governing verb's pattern then codes the whole, not a frame around `k`.
pub(super) fn pattern_reaches_into(
    m: Option<&crate::verbs::PatternMatch>,
    k: usize,
    p: &dyad_phrases::SentenceParse,
) -> bool {
    let Some(d) = p.clauses.get(k) else {
        return false;
    };
    m.is_some_and(|m| m.last >= p.verbs[d.verb].tokens.start && m.last < d.rest.end)
}
