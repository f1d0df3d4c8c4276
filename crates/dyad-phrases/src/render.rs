//! The `dyad parse` view of one sentence: tags, phrases, clauses, quotes.

use std::fmt::Write;

use dyad_model::Sentence;

use crate::SentenceParse;

fn words(s: &Sentence, r: std::ops::Range<usize>) -> String {
    s.tokens
        .get(r)
        .map(|t| {
            t.iter()
                .map(|t| t.norm.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default()
}

/// Render a parsed sentence for people: one line of `word/TAG`, then the
/// phrases, clauses and quotes found, each with its words.
pub fn render(s: &Sentence, p: &SentenceParse) -> String {
    let mut out = String::new();
    let tagged: Vec<String> = s
        .tokens
        .iter()
        .map(|t| format!("{}/{}", t.norm, t.tag.penn()))
        .collect();
    let _ = writeln!(out, "  tags: {}", tagged.join(" "));
    let np = |i: Option<usize>| {
        i.and_then(|i| p.nps.get(i))
            .map(|n| format!("[{}]", words(s, n.tokens.clone())))
            .unwrap_or_else(|| "-".into())
    };
    for (i, n) in p.nps.iter().enumerate() {
        let mut extra = String::new();
        if let Some(c) = n.coordination {
            let _ = write!(extra, " coord#{c}");
        }
        if let Some(a) = n.apposition_of {
            let _ = write!(extra, " appos-of NP{a}");
        }
        if let Some(pr) = n.preposition {
            let _ = write!(extra, " prep={}", s.tokens[pr].norm);
        }
        if let Some(ps) = &n.possessor {
            let _ = write!(extra, " possessor=[{}]", words(s, ps.clone()));
        }
        let _ = writeln!(
            out,
            "  NP{i} [{}] head={} {:?}{extra}",
            words(s, n.tokens.clone()),
            s.tokens[n.head].norm,
            n.kind
        );
    }
    for (i, c) in p.clauses.iter().enumerate() {
        let v = &p.verbs[c.verb];
        let mut flags = vec![format!("{:?}", v.tense).to_lowercase()];
        if v.passive {
            flags.push("passive".into());
        }
        if v.negated {
            flags.push("negated".into());
        }
        if let Some(m) = &v.modal {
            flags.push(format!("modal={m}"));
        }
        let preps: Vec<String> = c
            .preps
            .iter()
            .map(|pp| format!("{} {}", s.tokens[pp.prep].norm, np(Some(pp.np))))
            .collect();
        let _ = writeln!(
            out,
            "  C{i} {:?} verb=[{}] lemma={} ({}) subj={} obj={}{}{}{}",
            c.kind,
            words(s, v.tokens.clone()),
            v.lemma,
            flags.join(","),
            np(c.subject),
            np(c.object),
            if c.agent.is_some() {
                format!(" by={}", np(c.agent))
            } else {
                String::new()
            },
            if preps.is_empty() {
                String::new()
            } else {
                format!(" pp=[{}]", preps.join("; "))
            },
            c.governor.map(|g| format!(" gov=C{g}")).unwrap_or_default(),
        );
    }
    for q in &p.quotes {
        let _ = writeln!(
            out,
            "  QUOTE \"{}\" speaker={}",
            words(s, q.inner.clone()),
            np(q.speaker)
        );
    }
    out
}
