//! Training an averaged perceptron and exporting the compact weights file.
//!
//! Training data is TSV: one `word<TAB>tag` line per token, a blank line
//! between sentences. Used by `examples/train.rs`; not needed at run time.

use crate::features::{self, TokenInfo, MAX_FEATURES, N_CLASSES, START1, START2};
use crate::{rule_tag, tag_class, token_infos, TagError};
use dyad_model::Tag;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A training sentence: words and their gold tags.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainSentence {
    pub words: Vec<String>,
    pub tags: Vec<Tag>,
    /// A first-pass tagger's tags (optional third TSV column), for training
    /// a second pass; empty when absent.
    pub first_pass: Vec<Tag>,
}

/// Parse TSV training data; `path` is only used in error messages.
pub fn parse_tsv(text: &str, path: &str) -> Result<Vec<TrainSentence>, TagError> {
    let mut out = Vec::new();
    let mut cur = TrainSentence {
        words: Vec::new(),
        tags: Vec::new(),
        first_pass: Vec::new(),
    };
    let mut columns: Option<bool> = None;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    TrainSentence {
                        words: Vec::new(),
                        tags: Vec::new(),
                        first_pass: Vec::new(),
                    },
                ));
            }
            continue;
        }
        let (word, tag) = line.split_once('\t').ok_or_else(|| TagError::Data {
            path: path.to_string(),
            line: n + 1,
            message: "expected word<TAB>tag".into(),
        })?;
        let (tag, first) = match tag.split_once('\t') {
            Some((t, f)) => (t, Some(f)),
            None => (tag, None),
        };
        let penn = |t: &str| {
            Tag::from_penn(t.trim()).ok_or_else(|| TagError::Data {
                path: path.to_string(),
                line: n + 1,
                message: format!("unknown Penn tag {t:?}"),
            })
        };
        // Either every line has the first-pass column or none has.
        let three = *columns.get_or_insert(first.is_some());
        if three != first.is_some() {
            return Err(TagError::Data {
                path: path.to_string(),
                line: n + 1,
                message: format!(
                    "expected {} columns like the first line",
                    if three { 3 } else { 2 }
                ),
            });
        }
        cur.words.push(word.to_string());
        cur.tags.push(penn(tag)?);
        if let Some(f) = first {
            cur.first_pass.push(penn(f)?);
        }
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Parse a word → Penn tag lexicon: one `word TAG` pair a line (Brill's
/// format, as shipped by TextBlob/pattern), `;;;` comments. Of alternatives
/// `NN|JJ` the first is kept; tags outside the Penn set (Brill's `NP`, `PP`)
/// drop the line.
pub fn parse_lexicon(text: &str, path: &str) -> Result<Vec<(String, Tag)>, TagError> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with(";;;") {
            continue;
        }
        let mut parts = line.split_whitespace();
        let (Some(word), Some(tags)) = (parts.next(), parts.next()) else {
            return Err(TagError::Data {
                path: path.to_string(),
                line: n + 1,
                message: "expected `word TAG`".into(),
            });
        };
        let first = tags.split('|').next().unwrap_or(tags);
        if let Some(tag) = Tag::from_penn(first) {
            out.push((word.to_string(), tag));
        }
    }
    Ok(out)
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub iterations: usize,
    pub seed: u64,
    /// Tag dictionary: a word must occur this often...
    pub dict_min_count: usize,
    /// ...with its majority tag at least this share of the time.
    pub dict_min_share: f64,
    /// Averaged weights with |w| below this are dropped at export.
    pub prune_below: f32,
    /// Share of training tokens whose word-identity features are hidden.
    pub word_dropout: f64,
    /// Penn lexicon folded into the model (word → tag), see [`parse_lexicon`].
    pub lexicon: Vec<(String, Tag)>,
    /// A first-pass weights file: when set, train a second pass on every
    /// sentence's `first_pass` tags and write both passes into one file.
    pub first_pass_model: Option<Vec<u8>>,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            iterations: 10,
            seed: 42,
            dict_min_count: 20,
            dict_min_share: 0.97,
            prune_below: 0.15,
            word_dropout: 0.1,
            lexicon: Vec::new(),
            first_pass_model: None,
        }
    }
}

/// Keys are already well-mixed hashes: hashing them again is wasted work.
#[derive(Default)]
struct IdentityHasher(u64);
impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
type FastMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

#[derive(Clone, Copy)]
struct Param {
    class: u8,
    w: f32,
    total: f64,
    stamp: u64,
}

/// The perceptron being trained: sparse per-feature rows.
struct Perceptron {
    rows: FastMap<Vec<Param>>,
    instances: u64,
}

impl Perceptron {
    fn score(&self, feats: &[u64]) -> u8 {
        let mut scores = [0f32; 48];
        for f in feats {
            if let Some(row) = self.rows.get(f) {
                for p in row {
                    scores[p.class as usize] += p.w;
                }
            }
        }
        let mut best = 0usize;
        for c in 1..N_CLASSES {
            if scores[c] > scores[best] {
                best = c;
            }
        }
        best as u8
    }

    fn bump(&mut self, f: u64, class: u8, delta: f32) {
        let now = self.instances;
        let row = self.rows.entry(f).or_default();
        let p = match row.iter_mut().position(|p| p.class == class) {
            Some(i) => &mut row[i],
            None => {
                row.push(Param {
                    class,
                    w: 0.0,
                    total: 0.0,
                    stamp: now,
                });
                let last = row.len() - 1;
                &mut row[last]
            }
        };
        p.total += (now - p.stamp) as f64 * f64::from(p.w);
        p.stamp = now;
        p.w += delta;
    }

    fn update(&mut self, truth: u8, guess: u8, feats: &[u64]) {
        if truth == guess {
            return;
        }
        for &f in feats {
            self.bump(f, truth, 1.0);
            self.bump(f, guess, -1.0);
        }
    }

    /// Averaged weights, `(feature, [(class, weight)])`.
    fn averaged(&self) -> Vec<(u64, Vec<(u8, f32)>)> {
        let now = self.instances.max(1);
        let mut out: Vec<(u64, Vec<(u8, f32)>)> = self
            .rows
            .iter()
            .map(|(k, row)| {
                let avg = row
                    .iter()
                    .map(|p| {
                        let total = p.total + (now - p.stamp) as f64 * f64::from(p.w);
                        (p.class, (total / now as f64) as f32)
                    })
                    .collect();
                (*k, avg)
            })
            .collect();
        out.sort_unstable_by_key(|(k, _)| *k);
        out
    }
}

fn build_dict(data: &[TrainSentence], opts: &TrainOptions) -> FastMap<u8> {
    let mut counts: HashMap<&str, [u32; N_CLASSES]> = HashMap::new();
    for s in data {
        for (w, t) in s.words.iter().zip(&s.tags) {
            counts.entry(w.as_str()).or_insert([0; N_CLASSES])[tag_class(*t) as usize] += 1;
        }
    }
    let mut dict = FastMap::default();
    for (w, c) in counts {
        let total: u32 = c.iter().sum();
        let (best, n) = c
            .iter()
            .enumerate()
            .max_by_key(|(_, n)| **n)
            .unwrap_or((0, &0));
        // Past forms and base/present forms flip with context (`has said`,
        // `they say` / `to say`) more often in news than in the templated
        // silver corpus, so those are always left to the model.
        let context_dependent = matches!(
            crate::class_tag(best as u8),
            Tag::VBD | Tag::VBN | Tag::VB | Tag::VBP
        );
        if w != "\""
            && !context_dependent
            && total as usize >= opts.dict_min_count
            && f64::from(*n) / f64::from(total) >= opts.dict_min_share
        {
            dict.insert(TokenInfo::new(w).exact, best as u8);
        }
    }
    dict
}

/// A small deterministic PRNG for shuffling (xorshift64*).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// Average two weights files trained on the same corpus with different
/// seeds (a two-model ensemble at the cost of one).
pub fn average_models(a: &[u8], b: &[u8]) -> Result<Vec<u8>, TagError> {
    crate::model::average(a, b)
}

/// Train on `data` and return the weights file bytes.
/// `log` receives one progress line per iteration.
pub fn train(
    data: &[TrainSentence],
    opts: &TrainOptions,
    log: impl FnMut(&str),
) -> Result<Vec<u8>, TagError> {
    Ok(train_pruned(data, opts, &[opts.prune_below], log)?
        .pop()
        .unwrap_or_default())
}

/// Train once and export one weights file per pruning threshold (to pick
/// the size/accuracy trade-off without retraining).
pub fn train_pruned(
    data: &[TrainSentence],
    opts: &TrainOptions,
    prunes: &[f32],
    mut log: impl FnMut(&str),
) -> Result<Vec<Vec<u8>>, TagError> {
    let first_rows = match &opts.first_pass_model {
        Some(bytes) => Some(crate::model::first_pass_rows(bytes)?),
        None => None,
    };
    if first_rows.is_some() {
        if let Some(s) = data.iter().find(|s| s.first_pass.len() != s.words.len()) {
            return Err(TagError::Data {
                path: "training data".into(),
                line: 0,
                message: format!(
                    "second pass needs first-pass tags for every word (sentence starting {:?})",
                    s.words.first()
                ),
            });
        }
    }
    let dict = build_dict(data, opts);
    let lower = lower_words(data);
    let lexicon: FastMap<u8> = opts
        .lexicon
        .iter()
        .map(|(w, t)| (TokenInfo::new(w).exact, tag_class(*t)))
        .collect();
    let mut model = Perceptron {
        rows: FastMap::default(),
        instances: 0,
    };
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng(opts.seed | 1);
    let mut shuffle_rng = Rng(opts.seed.wrapping_mul(31) | 1);
    let mut infos = Vec::new();
    let mut feats = [0u64; MAX_FEATURES];
    for it in 0..opts.iterations {
        let (mut correct, mut total) = (0usize, 0usize);
        for &si in &order {
            let s = &data[si];
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            token_infos(
                &words,
                |h| lower.contains_key(&h),
                (!lexicon.is_empty()).then_some(|h| lexicon.get(&h).copied()),
                &mut infos,
            );
            let (mut p1, mut p2) = (START1, START2);
            let mut quotes = 0usize;
            for (i, word) in words.iter().enumerate() {
                let truth = tag_class(s.tags[i]);
                let guess = if let Some(t) = rule_tag(word, &mut quotes) {
                    tag_class(t)
                } else if let Some(&c) = dict.get(&infos[i + 2].exact) {
                    c
                } else {
                    let right = first_rows.as_ref().map(|_| {
                        let at =
                            |j: usize, end: u8| s.first_pass.get(j).map_or(end, |t| tag_class(*t));
                        (at(i + 1, features::END1), at(i + 2, features::END2))
                    });
                    let n = features::features(
                        &infos,
                        i,
                        p1,
                        p2,
                        !lexicon.is_empty(),
                        right,
                        &mut feats,
                    );
                    if opts.word_dropout > 0.0
                        && (rng.next() % 10_000) as f64 / 10_000.0 < opts.word_dropout
                    {
                        // Word dropout: hide the word-identity features so the
                        // model also learns to tag from shape, affixes and
                        // context, as it must for names it never saw.
                        for at in features::WORD_IDENTITY {
                            feats[at] = features::DROPPED;
                        }
                    }
                    model.instances += 1;
                    let g = model.score(&feats[..n]);
                    model.update(truth, g, &feats[..n]);
                    g
                };
                correct += usize::from(guess == truth);
                total += 1;
                p2 = p1;
                p1 = guess;
            }
        }
        log(&format!(
            "iteration {}: train accuracy {:.3}% ({} features)",
            it + 1,
            100.0 * correct as f64 / total.max(1) as f64,
            model.rows.len()
        ));
        // Fisher-Yates with the fixed seed: reproducible runs.
        for i in (1..order.len()).rev() {
            let j = (shuffle_rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
    }
    Ok(prunes
        .iter()
        .map(|p| {
            let o = TrainOptions {
                prune_below: *p,
                first_pass_model: None,
                lexicon: Vec::new(),
                ..opts.clone()
            };
            export(
                &model,
                &dict,
                &lower,
                &lexicon,
                first_rows.as_deref(),
                &o,
                &mut log,
            )
        })
        .collect())
}

/// Lower-case words seen at least 3 times in lower case: evidence that a
/// capitalised occurrence is a common word, not a name.
fn lower_words(data: &[TrainSentence]) -> FastMap<()> {
    let mut counts: FastMap<u32> = FastMap::default();
    for s in data {
        for w in &s.words {
            if w.starts_with(|c: char| c.is_lowercase()) {
                *counts.entry(TokenInfo::new(w).lower).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 3)
        .map(|(k, _)| (k, ()))
        .collect()
}

fn export(
    model: &Perceptron,
    dict: &FastMap<u8>,
    lower: &FastMap<()>,
    lexicon: &FastMap<u8>,
    first_rows: Option<&crate::model::Rows>,
    opts: &TrainOptions,
    log: &mut impl FnMut(&str),
) -> Vec<u8> {
    let avg = model.averaged();
    let max = avg
        .iter()
        .flat_map(|(_, r)| r.iter().map(|(_, w)| w.abs()))
        .fold(0f32, f32::max)
        .max(1e-6);
    let scale = 32767.0 / max;
    let mut kept = 0usize;
    let mut rows: Vec<(u32, Vec<(u8, i16)>)> = Vec::new();
    for (k, row) in avg {
        let r: Vec<(u8, i16)> = row
            .into_iter()
            .filter(|(_, w)| w.abs() >= opts.prune_below)
            .map(|(c, w)| (c, (w * scale).round().clamp(-32767.0, 32767.0) as i16))
            .filter(|(_, q)| *q != 0)
            .collect();
        if !r.is_empty() {
            kept += r.len();
            rows.push((crate::model::short_key(k), r));
        }
    }
    let mut d: Vec<(u32, u8)> = dict
        .iter()
        .map(|(k, c)| (crate::model::short_key(*k), *c))
        .collect();
    d.sort_unstable();
    log(&format!(
        "export: {} features, {} weights, {} dictionary words, max |w| {max:.3}",
        rows.len(),
        kept,
        d.len()
    ));
    let mut l: Vec<u32> = lower.keys().map(|k| crate::model::short_key(*k)).collect();
    l.sort_unstable();
    let mut lex: Vec<(u32, u8)> = lexicon
        .iter()
        .map(|(k, c)| (crate::model::short_key(*k), *c))
        .collect();
    lex.sort_unstable();
    match first_rows {
        // This model is the second pass: the first pass keeps its rows.
        Some(first) => crate::model::write(scale, &d, first, &l, &lex, &rows),
        None => crate::model::write(scale, &d, &rows, &l, &lex, &[]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Tagger;
    use proptest::prelude::*;

    #[test]
    fn parses_tsv_and_reports_bad_lines() {
        let s = parse_tsv("The\tDT\ndog\tNN\n\nRuns\tVBZ\n", "x.tsv").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tags, vec![Tag::DT, Tag::NN]);
        match parse_tsv("a\tDT\nb NN\n", "x.tsv") {
            Err(TagError::Data { line, path, .. }) => {
                assert_eq!(line, 2);
                assert_eq!(path, "x.tsv");
            }
            other => panic!("{other:?}"),
        }
        assert!(parse_tsv("a\tBOGUS\n", "x.tsv").is_err());
    }

    #[test]
    fn learns_a_toy_language() {
        let data = parse_tsv(&toy_corpus(), "toy").unwrap();
        let opts = TrainOptions {
            iterations: 5,
            dict_min_count: 1000,
            ..TrainOptions::default()
        };
        let bytes = train(&data, &opts, |_| {}).unwrap();
        let t = Tagger::from_bytes(&bytes).unwrap();
        assert_eq!(
            t.tag(&["The", "cat", "praised", "the", "dog", "."]),
            vec![Tag::DT, Tag::NN, Tag::VBD, Tag::DT, Tag::NN, Tag::Period]
        );
    }

    fn toy_corpus() -> String {
        let mut text = String::new();
        let nouns = ["dog", "cat", "army", "rebel"];
        let verbs = ["attacked", "saw", "met", "praised"];
        for (i, n) in nouns.iter().enumerate() {
            for v in verbs.iter() {
                let m = nouns[(i + 1) % nouns.len()];
                text.push_str(&format!(
                    "The\tDT\n{n}\tNN\n{v}\tVBD\nthe\tDT\n{m}\tNN\n.\t.\n\n"
                ));
            }
        }
        text
    }

    #[test]
    fn parses_lexicon_lines() {
        let lex = parse_lexicon(";;; comment\nthe DT\nfree JJ|VB\nBrill NP\n\n", "l").unwrap();
        assert_eq!(
            lex,
            vec![("the".to_string(), Tag::DT), ("free".to_string(), Tag::JJ)]
        );
        match parse_lexicon("ok NN\nlonely\n", "l.txt") {
            Err(TagError::Data { line, .. }) => assert_eq!(line, 2),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn third_tsv_column_is_the_first_pass() {
        let s = parse_tsv("a\tDT\tDT\nb\tNN\tVB\n", "x").unwrap();
        assert_eq!(s[0].first_pass, vec![Tag::DT, Tag::VB]);
        assert!(parse_tsv("a\tDT\tBOGUS\n", "x").is_err());
        match parse_tsv("a\tDT\tDT\n\nb\tNN\n", "x.tsv") {
            Err(TagError::Data { line, .. }) => assert_eq!(line, 3),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn lexicon_and_second_pass_round_trip() {
        let opts = TrainOptions {
            iterations: 5,
            dict_min_count: 1000,
            lexicon: vec![("attacked".into(), Tag::VBD), ("the".into(), Tag::DT)],
            ..TrainOptions::default()
        };
        let data = parse_tsv(&toy_corpus(), "toy").unwrap();
        let first = train(&data, &opts, |_| {}).unwrap();
        let t1 = Tagger::from_bytes(&first).unwrap();
        assert!(t1.weights.second.is_none());
        assert!(t1
            .weights
            .lexicon
            .get(crate::model::short_key(TokenInfo::new("the").exact))
            .is_some());
        // Second pass on the first pass's own tags.
        let mut data2 = data.clone();
        for s in &mut data2 {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            s.first_pass = t1.tag(&words);
        }
        let both = train(
            &data2,
            &TrainOptions {
                first_pass_model: Some(first.clone()),
                ..opts.clone()
            },
            |_| {},
        )
        .unwrap();
        let t2 = Tagger::from_bytes(&both).unwrap();
        assert!(t2.weights.second.is_some());
        assert_eq!(t2.size().0, t1.size().0);
        assert_eq!(
            t2.tag(&["The", "cat", "praised", "the", "dog", "."]),
            vec![Tag::DT, Tag::NN, Tag::VBD, Tag::DT, Tag::NN, Tag::Period]
        );
        // Averaging: a model with itself tags as before; a one-pass and a
        // two-pass model do not mix.
        let avg = Tagger::from_bytes(&average_models(&both, &both).unwrap()).unwrap();
        let words = ["The", "army", "met", "the", "rebel", "."];
        assert_eq!(avg.tag(&words), t2.tag(&words));
        assert!(average_models(&first, &both).is_err());
        // Missing first-pass tags are an error, not a silent bad model.
        let no_first = TrainOptions {
            first_pass_model: Some(first),
            ..opts
        };
        assert!(train(&data, &no_first, |_| {}).is_err());
    }

    proptest! {
        #[test]
        fn tsv_parser_never_panics(s in "[a-zA-Z\t\n .,$]{0,80}") {
            let _ = parse_tsv(&s, "p");
        }

        #[test]
        fn lexicon_parser_never_panics(s in "[a-zA-Z;|\t\n .,$]{0,80}") {
            let _ = parse_lexicon(&s, "p");
        }

        #[test]
        fn tsv_round_trips(words in prop::collection::vec("[a-z]{1,8}", 1..10)) {
            let text: String = words.iter().map(|w| format!("{w}\tNN\n")).collect();
            let s = parse_tsv(&text, "p").unwrap();
            prop_assert_eq!(s.len(), 1);
            prop_assert_eq!(&s[0].words, &words);
        }
    }
}
