//! Signal phrases: diplomatic formulas ("one-China policy", "Global South")
//! counted per speaking country per period, each count keeping its
//! sentences.
//!
//! The speaker is, in order: the speaker of the quotation holding the
//! phrase; else the subject of the top clause above the phrase (so in
//! "Ruto said Kenya backs the one-China policy" Kenya's president speaks);
//! else nobody (`---`).

use chrono::{Datelike, NaiveDate};
use dyad_code::Pipeline;
use dyad_model::Document;
use dyad_store::Period;
use serde::Serialize;

use crate::config::WatchList;
use crate::fold::Folded;
use crate::labels::state_of;

/// One phrase occurrence with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignalHit {
    pub phrase: String,
    /// The speaking country (`KEN`), an IGO code, or `---` when unknown.
    pub country: String,
    /// The speaker's full actor code (`KENGOV`), when known.
    pub speaker: Option<String>,
    pub date: String,
    pub doc_id: String,
    pub sentence: usize,
    pub text: String,
    pub span: [usize; 2],
}

/// Occurrences of watched phrases in an annotated document.
pub fn find_signals(
    pipeline: &Pipeline,
    doc: &Document,
    fallback: NaiveDate,
    watch: &WatchList,
) -> Vec<SignalHit> {
    let doc_folded = Folded::new(&doc.text);
    if !watch
        .phrases
        .iter()
        .any(|p| p.folded.iter().any(|f| !doc_folded.find_all(f).is_empty()))
    {
        return Vec::new();
    }
    let date = doc.date.unwrap_or(fallback);
    let explained = pipeline.explain(doc, date);
    let mut out = Vec::new();
    for (s, (p, actors)) in doc.sentences.iter().zip(&explained) {
        if s.boilerplate.is_some() {
            continue;
        }
        let text = s.span.slice(&doc.text);
        let folded = Folded::new(text);
        for phrase in &watch.phrases {
            let mut taken: Vec<(usize, usize)> = Vec::new();
            for f in &phrase.folded {
                for (a, b) in folded.find_all(f) {
                    if taken.iter().any(|&(x, y)| a < y && x < b) {
                        continue;
                    }
                    taken.push((a, b));
                    let at = s.span.start + a;
                    let tok = s.tokens.iter().position(|t| t.span.end > at).unwrap_or(0);
                    let speaker = speaker_at(p, actors, tok);
                    let country = speaker
                        .as_deref()
                        .map(|c| state_of(c).unwrap_or(c).to_string())
                        .unwrap_or_else(|| "---".to_string());
                    out.push(SignalHit {
                        phrase: phrase.name.clone(),
                        country,
                        speaker,
                        date: date.format("%Y-%m-%d").to_string(),
                        doc_id: doc.id.clone(),
                        sentence: s.index,
                        text: text.to_string(),
                        span: [a, b],
                    });
                }
            }
        }
    }
    out
}

/// The actor speaking at token `tok`: the quotation's speaker, else the
/// subject of the highest clause governing the nearest clause before it.
fn speaker_at(
    p: &dyad_phrases::SentenceParse,
    actors: &dyad_code::events::SentenceActors,
    tok: usize,
) -> Option<String> {
    let first_code = |np: usize| {
        actors
            .nps
            .get(np)
            .and_then(|a| a.first())
            .map(|a| a.code.clone())
    };
    for (qi, q) in p.quotes.iter().enumerate() {
        if q.inner.contains(&tok) {
            if let Some(a) = actors.speakers.get(qi).and_then(|s| s.first()) {
                return Some(a.code.clone());
            }
        }
    }
    let verb_start = |ci: usize| {
        p.clauses
            .get(ci)
            .and_then(|c| p.verbs.get(c.verb))
            .map(|v| v.tokens.start)
            .unwrap_or(usize::MAX)
    };
    // The nearest clause whose verb precedes the phrase, else the first.
    let mut ci = (0..p.clauses.len())
        .filter(|&ci| verb_start(ci) <= tok)
        .max_by_key(|&ci| verb_start(ci))
        .or(if p.clauses.is_empty() { None } else { Some(0) })?;
    let mut best = p.clauses[ci].subject.and_then(first_code);
    // Climb to the reporting clause ("X said ..."), at most a few levels.
    for _ in 0..8 {
        let Some(g) = p.clauses.get(ci).and_then(|c| c.governor) else {
            break;
        };
        if g == ci {
            break;
        }
        ci = g;
        if let Some(code) = p
            .clauses
            .get(ci)
            .and_then(|c| c.subject)
            .and_then(first_code)
        {
            best = Some(code);
        }
    }
    best
}

/// The label of the period holding `date` (`YYYY-MM-DD`), as the store
/// prints periods.
pub fn period_of(date: &str, by: Period) -> String {
    let Ok(d) = NaiveDate::parse_from_str(date, "%Y-%m-%d") else {
        return date.to_string();
    };
    match by {
        Period::Day => d.format("%Y-%m-%d").to_string(),
        Period::Week => {
            let w = d.iso_week();
            format!("{}-W{:02}", w.year(), w.week())
        }
        Period::Month => d.format("%Y-%m").to_string(),
        Period::Year => d.format("%Y").to_string(),
    }
}

/// A count of one phrase by one country in one period, with its sentences.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignalCount {
    pub period: String,
    pub country: String,
    pub phrase: String,
    pub count: usize,
    pub hits: Vec<SignalHit>,
}

/// Group hits by (period, country, phrase), optionally for one country.
pub fn count_signals(hits: &[SignalHit], by: Period, country: Option<&str>) -> Vec<SignalCount> {
    let mut out: Vec<SignalCount> = Vec::new();
    for h in hits {
        if country.is_some_and(|c| !h.country.eq_ignore_ascii_case(c)) {
            continue;
        }
        let period = period_of(&h.date, by);
        match out
            .iter_mut()
            .find(|c| c.period == period && c.country == h.country && c.phrase == h.phrase)
        {
            Some(c) => {
                c.count += 1;
                c.hits.push(h.clone());
            }
            None => out.push(SignalCount {
                period,
                country: h.country.clone(),
                phrase: h.phrase.clone(),
                count: 1,
                hits: vec![h.clone()],
            }),
        }
    }
    out.sort_by(|a, b| (&a.period, &a.country, &a.phrase).cmp(&(&b.period, &b.country, &b.phrase)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(text: &str) -> Vec<SignalHit> {
        let p = Pipeline::load(&[]).expect("pipeline");
        let mut d = Document {
            id: "t".into(),
            text: text.into(),
            date: NaiveDate::from_ymd_opt(2024, 3, 2),
            ..Document::default()
        };
        p.annotate(&mut d);
        find_signals(&p, &d, NaiveDate::default(), &WatchList::embedded())
    }

    #[test]
    fn reporting_clause_names_the_speaker() {
        let h = hits("President William Ruto said Kenya firmly adheres to the one-China policy.");
        assert_eq!(h.len(), 1, "{h:?}");
        assert_eq!(h[0].phrase, "one-China policy");
        assert_eq!(h[0].country, "KEN");
        assert_eq!(&h[0].text[h[0].span[0]..h[0].span[1]], "one-China policy");
    }

    #[test]
    fn counts_group_by_period_country_phrase() {
        let mut h = hits("China urged respect for its core interests. The Chinese government defended its core interests.");
        assert_eq!(h.len(), 2, "{h:?}");
        h[1].date = "2024-04-01".into();
        let c = count_signals(&h, Period::Month, Some("CHN"));
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].period, "2024-03");
        assert_eq!(c[0].count, 1);
        let y = count_signals(&h, Period::Year, None);
        assert_eq!(y.len(), 1);
        assert_eq!(y[0].count, 2);
        assert_eq!(y[0].hits.len(), 2);
        assert!(count_signals(&h, Period::Year, Some("KEN")).is_empty());
    }

    #[test]
    fn periods_print_like_the_store() {
        assert_eq!(period_of("2024-01-01", Period::Week), "2024-W01");
        assert_eq!(period_of("2021-01-03", Period::Week), "2020-W53");
        assert_eq!(period_of("2024-09-05", Period::Month), "2024-09");
    }
}
