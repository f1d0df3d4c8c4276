//! Quotations and their speakers: `"…," Xi said`, `said Xi`, `Ruto said that "…"`.

use crate::clause::is_reporting_verb;
use crate::{Quote, SentenceParse, Words};

pub(crate) fn quotes(w: &Words, p: &mut SentenceParse) {
    let marks: Vec<usize> = (0..w.len()).filter(|&i| w.lower[i] == "\"").collect();
    let mut open: Option<usize> = None;
    for &m in &marks {
        // A mark glued to the word before it closes; otherwise it opens.
        let closes = open.is_some() && (w.attached(m) || !w.attached(m + 1));
        match (open, closes) {
            (Some(o), true) => {
                p.quotes.push(Quote {
                    inner: o + 1..m,
                    open: o,
                    close: Some(m),
                    speaker: None,
                    verb: None,
                });
                open = None;
            }
            (Some(_), false) => open = Some(m),
            (None, _) => open = Some(m),
        }
    }
    if let Some(o) = open {
        p.quotes.push(Quote {
            inner: o + 1..w.len(),
            open: o,
            close: None,
            speaker: None,
            verb: None,
        });
    }
    for q in 0..p.quotes.len() {
        let (speaker, verb) = speaker_of(w, p, &p.quotes[q]);
        p.quotes[q].speaker = speaker;
        p.quotes[q].verb = verb;
    }
}

fn speaker_of(w: &Words, p: &SentenceParse, q: &Quote) -> (Option<usize>, Option<usize>) {
    // After the quote: `, Xi said` or `, said Xi`.
    if let Some(c) = q.close {
        let mut k = c + 1;
        while k < w.len() && w.lower[k] == "," {
            k += 1;
        }
        if let Some(np) = p.np_of_token.get(k).copied().flatten() {
            let after = p.nps[np].tokens.end;
            if let Some(vg) = p.vg_of_token.get(after).copied().flatten() {
                if is_reporting_verb(&p.verbs[vg].lemma) {
                    return (Some(np), Some(vg));
                }
            }
        }
        if let Some(vg) = p.vg_of_token.get(k).copied().flatten() {
            if is_reporting_verb(&p.verbs[vg].lemma) {
                let after = p.verbs[vg].tokens.end;
                if let Some(np) = p.np_of_token.get(after).copied().flatten() {
                    return (Some(np), Some(vg));
                }
                // `"…," he said` where tagging put the pronoun elsewhere: use the clause subject.
                if let Some(c) = p.clause_of_verb(vg) {
                    return (p.clauses[c].subject, Some(vg));
                }
            }
        }
    }
    // Before the quote: the nearest clause whose reach includes the quote.
    let mut best: Option<(usize, bool)> = None;
    for (ci, c) in p.clauses.iter().enumerate() {
        let vstart = p.verbs[c.verb].tokens.start;
        if vstart < q.open && c.rest.end >= q.open {
            let reporting = is_reporting_verb(&p.verbs[c.verb].lemma);
            if best.is_none_or(|(_, r)| reporting || !r) {
                best = Some((ci, reporting));
            }
        }
    }
    if let Some((ci, _)) = best {
        // Climb from a participle, infinitive or complement clause to the
        // reporting clause that governs it: "Ruto highlighted X, built on “…”".
        let mut k = ci;
        for _ in 0..4 {
            let c = &p.clauses[k];
            if is_reporting_verb(&p.verbs[c.verb].lemma) && c.kind != crate::ClauseKind::Complement
            {
                return (c.subject, Some(c.verb));
            }
            match c.governor {
                Some(g) if g != k => k = g,
                _ => break,
            }
        }
        let c = &p.clauses[ci];
        return (c.subject, Some(c.verb));
    }
    (None, None)
}
