//! Labels and signals over the store: documents whose sentences contain a
//! candidate word are rebuilt from their stored sentences and re-read by
//! the pipeline (annotation and actor resolution), so no extra table is
//! needed and a better dictionary improves old documents too.

use chrono::NaiveDate;
use dyad_code::Pipeline;
use dyad_model::{Document, Sentence, Span};
use dyad_store::{Filter, Period, Store};

use crate::config::WatchList;
use crate::labels::{detect_labels, label_history, LabelRecord, LADDER};
use crate::signals::{count_signals, find_signals, SignalCount};
use crate::{AnalysisError, Result};

/// Stored documents (originals, not near-duplicates) with a non-boilerplate
/// sentence containing any of `words` (case-insensitive), dated within
/// `from..=to`, rebuilt with their stored sentence indices and tagged.
pub fn load_documents(
    store: &Store,
    pipeline: &Pipeline,
    words: &[String],
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Vec<Document>> {
    let conn = store.connection();
    let err = |error| AnalysisError::Sqlite {
        path: store.path().to_path_buf(),
        error,
    };
    let mut likes = Vec::new();
    let mut params: Vec<String> = Vec::new();
    for w in words {
        params.push(format!("%{}%", w.to_lowercase().replace(['%', '_'], "")));
        likes.push(format!("lower(s.text) LIKE ?{}", params.len()));
    }
    if likes.is_empty() {
        return Ok(Vec::new());
    }
    let mut date_sql = String::new();
    if let Some(f) = from {
        params.push(f.format("%Y-%m-%d").to_string());
        date_sql.push_str(&format!(" AND d.date >= ?{}", params.len()));
    }
    if let Some(t) = to {
        params.push(t.format("%Y-%m-%d").to_string());
        date_sql.push_str(&format!(" AND d.date <= ?{}", params.len()));
    }
    let sql = format!(
        "SELECT d.id, d.doc_key, d.date FROM documents d WHERE d.duplicate_of IS NULL{date_sql} AND EXISTS \
         (SELECT 1 FROM sentences s WHERE s.document = d.id AND s.boilerplate IS NULL AND ({})) ORDER BY d.date, d.id",
        likes.join(" OR ")
    );
    let mut stmt = conn.prepare(&sql).map_err(err)?;
    let docs: Vec<(i64, String, Option<String>)> = stmt
        .query_map(rusqlite::params_from_iter(params), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .map_err(err)?
        .collect::<rusqlite::Result<_>>()
        .map_err(err)?;
    let mut sent = conn
        .prepare("SELECT idx, text, headline FROM sentences WHERE document = ?1 AND boilerplate IS NULL ORDER BY idx")
        .map_err(err)?;
    let mut out = Vec::with_capacity(docs.len());
    for (id, key, date) in docs {
        let rows: Vec<(i64, String, bool)> = sent
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(err)?
            .collect::<rusqlite::Result<_>>()
            .map_err(err)?;
        let mut doc = Document {
            id: key,
            date: date.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
            ..Document::default()
        };
        for (idx, text, headline) in rows {
            if !doc.text.is_empty() {
                doc.text.push_str("\n\n");
            }
            let start = doc.text.len();
            doc.text.push_str(&text);
            let mut s = Sentence {
                index: idx.max(0) as usize,
                span: Span::new(start, doc.text.len()),
                tokens: dyad_sentences::tokenize(&text, start),
                boilerplate: None,
                headline,
            };
            pipeline.tag_sentence(&mut s);
            doc.sentences.push(s);
        }
        out.push(doc);
    }
    Ok(out)
}

/// Words that every ladder spelling contains one of (the SQL pre-filter).
fn label_words() -> Vec<String> {
    let mut w: Vec<String> = vec![
        "partner".into(),
        "shared future".into(),
        "non-nato".into(),
        "non nato".into(),
        "all-weather".into(),
    ];
    for l in LADDER {
        let last = l.label.rsplit(' ').next().unwrap_or(l.label).to_string();
        if !w.iter().any(|x| last.contains(x.as_str())) {
            w.push(last);
        }
    }
    w
}

/// The label history of a dyad (`CHN-KEN`, either order), oldest first,
/// upgrades marked. `dyad = None` gives every dyad's.
pub fn labels_for_dyad(
    store: &Store,
    pipeline: &Pipeline,
    dyad: Option<&str>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Vec<LabelRecord>> {
    let want = dyad.map(Filter::parse_dyad).transpose()?;
    let docs = load_documents(store, pipeline, &label_words(), from, to)?;
    let fallback = NaiveDate::default();
    let mut all = Vec::new();
    for doc in &docs {
        all.extend(detect_labels(pipeline, doc, fallback));
    }
    // History over every record first, so "higher than before" is judged
    // per dyad regardless of the filter.
    let history = label_history(all);
    Ok(history
        .into_iter()
        .filter(|r| match &want {
            None => true,
            Some((a, b)) => {
                (r.dyad[0].starts_with(a.as_str()) && r.dyad[1].starts_with(b.as_str()))
                    || (r.dyad[0].starts_with(b.as_str()) && r.dyad[1].starts_with(a.as_str()))
            }
        })
        .collect())
}

/// Signal-phrase counts from the store.
pub fn signals(
    store: &Store,
    pipeline: &Pipeline,
    watch: &WatchList,
    by: Period,
    country: Option<&str>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Vec<SignalCount>> {
    // Pre-filter on each spelling's longest word.
    let words: Vec<String> = watch
        .phrases
        .iter()
        .flat_map(|p| p.folded.iter())
        .filter_map(|f| f.split(' ').max_by_key(|w| w.len()).map(str::to_string))
        .collect();
    let docs = load_documents(store, pipeline, &words, from, to)?;
    let fallback = NaiveDate::default();
    let mut hits = Vec::new();
    for doc in &docs {
        hits.extend(find_signals(pipeline, doc, fallback, watch));
    }
    Ok(count_signals(&hits, by, country))
}
