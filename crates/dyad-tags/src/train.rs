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
}

/// Parse TSV training data; `path` is only used in error messages.
pub fn parse_tsv(text: &str, path: &str) -> Result<Vec<TrainSentence>, TagError> {
    let mut out = Vec::new();
    let mut cur = TrainSentence {
        words: Vec::new(),
        tags: Vec::new(),
    };
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    TrainSentence {
                        words: Vec::new(),
                        tags: Vec::new(),
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
        let tag = Tag::from_penn(tag.trim()).ok_or_else(|| TagError::Data {
            path: path.to_string(),
            line: n + 1,
            message: format!("unknown Penn tag {tag:?}"),
        })?;
        cur.words.push(word.to_string());
        cur.tags.push(tag);
    }
    if !cur.words.is_empty() {
        out.push(cur);
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

/// Train on `data` and return the weights file bytes.
/// `log` receives one progress line per iteration.
pub fn train(data: &[TrainSentence], opts: &TrainOptions, log: impl FnMut(&str)) -> Vec<u8> {
    train_pruned(data, opts, &[opts.prune_below], log)
        .pop()
        .unwrap_or_default()
}

/// Train once and export one weights file per pruning threshold (to pick
/// the size/accuracy trade-off without retraining).
pub fn train_pruned(
    data: &[TrainSentence],
    opts: &TrainOptions,
    prunes: &[f32],
    mut log: impl FnMut(&str),
) -> Vec<Vec<u8>> {
    let dict = build_dict(data, opts);
    let lower = lower_words(data);
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
            token_infos(&words, |h| lower.contains_key(&h), &mut infos);
            let (mut p1, mut p2) = (START1, START2);
            let mut quotes = 0usize;
            for (i, word) in words.iter().enumerate() {
                let truth = tag_class(s.tags[i]);
                let guess = if let Some(t) = rule_tag(word, &mut quotes) {
                    tag_class(t)
                } else if let Some(&c) = dict.get(&infos[i + 2].exact) {
                    c
                } else {
                    let n = features::features(&infos, i, p1, p2, &mut feats);
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
    prunes
        .iter()
        .map(|p| {
            let o = TrainOptions {
                prune_below: *p,
                ..opts.clone()
            };
            export(&model, &dict, &lower, &o, &mut log)
        })
        .collect()
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
    crate::model::write(scale, &d, &rows, &l)
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
        let data = parse_tsv(&text, "toy").unwrap();
        let opts = TrainOptions {
            iterations: 5,
            dict_min_count: 1000,
            ..TrainOptions::default()
        };
        let bytes = train(&data, &opts, |_| {});
        let t = Tagger::from_bytes(&bytes).unwrap();
        assert_eq!(
            t.tag(&["The", "cat", "praised", "the", "dog", "."]),
            vec![Tag::DT, Tag::NN, Tag::VBD, Tag::DT, Tag::NN, Tag::Period]
        );
    }

    proptest! {
        #[test]
        fn tsv_parser_never_panics(s in "[a-zA-Z\t\n .,$]{0,80}") {
            let _ = parse_tsv(&s, "p");
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
