//! Penn Treebank part-of-speech tagger for dyad: a greedy averaged
//! perceptron (Honnibal-style features) with its weights compiled into the
//! binary, so tagging needs no external parser or model download.
//!
//! ```
//! let tags = dyad_tags::Tagger::embedded().tag(&["Rebels", "attacked", "the", "town", "."]);
//! assert_eq!(tags.len(), 5);
//! ```

use dyad_model::Tag;
use std::sync::OnceLock;

pub mod eval;
mod features;
mod model;
pub mod penn;
pub mod train;

use features::{TokenInfo, MAX_FEATURES, START1, START2};

/// Errors from loading a model, reading trees or training data.
#[derive(Debug, thiserror::Error)]
pub enum TagError {
    /// A bracketed tree is malformed; `line` is 1-based within the tree text.
    #[error("tree line {line}: {message}")]
    Tree { line: usize, message: String },
    /// The weights file is corrupt or of another version.
    #[error("corrupt tagger model: {0}")]
    Model(String),
    /// Training data is malformed.
    #[error("{path}:{line}: {message}")]
    Data {
        path: String,
        line: usize,
        message: String,
    },
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// The shipped weights (see `data/MODEL.md` for how they were built).
static EMBEDDED_WEIGHTS: &[u8] = include_bytes!("../data/tagger.bin");

/// A trained tagger. Immutable after loading, so one instance can be shared
/// by every thread.
#[derive(Debug, Clone)]
pub struct Tagger {
    weights: model::Weights,
}

/// Class index → tag (the order of `Tag::ALL`).
#[inline]
pub(crate) fn class_tag(class: u8) -> Tag {
    Tag::ALL.get(class as usize).copied().unwrap_or(Tag::X)
}

#[inline]
pub(crate) fn tag_class(tag: Tag) -> u8 {
    Tag::ALL
        .iter()
        .position(|t| *t == tag)
        .unwrap_or(Tag::ALL.len() - 1) as u8
}

/// Tags fixed by rule rather than learned: quotes are decided by position
/// (the tokenizer folds both kinds to `"`), so an odd-numbered `"` opens.
#[inline]
pub(crate) fn rule_tag(word: &str, quotes_seen: &mut usize) -> Option<Tag> {
    match word {
        "\"" => {
            let open = *quotes_seen & 1 == 0;
            *quotes_seen += 1;
            Some(if open {
                Tag::OpenQuote
            } else {
                Tag::CloseQuote
            })
        }
        "``" => Some(Tag::OpenQuote),
        "''" => Some(Tag::CloseQuote),
        _ => None,
    }
}

/// Per-token hashes for a sentence, with two pads on each side.
/// `lower_known` answers whether a lower-case word hash was common in
/// training; `lexicon` gives the Penn lexicon class of an exact-form hash
/// (`None` for a model without lexicon: no look-ups at all).
pub(crate) fn token_infos(
    words: &[&str],
    lower_known: impl Fn(u64) -> bool,
    lexicon: Option<impl Fn(u64) -> Option<u8>>,
    out: &mut Vec<TokenInfo>,
) {
    out.clear();
    out.reserve(words.len() + 4);
    out.push(TokenInfo::pad(1));
    out.push(TokenInfo::pad(2));
    out.extend(words.iter().map(|w| {
        let mut info = TokenInfo::new(w);
        if w.starts_with(char::is_uppercase) {
            info.case_evidence = if lower_known(info.lower) { 2 } else { 1 };
        }
        // Exact form first; a capitalised word falls back to its lower-case
        // entry (sentence-initial `The`, title-case headlines).
        let class = lexicon.as_ref().and_then(|lexicon| {
            lexicon(info.exact).or_else(|| {
                if w.bytes().any(|b| b.is_ascii_uppercase()) {
                    lexicon(features::lexicon_lower_key(w))
                } else {
                    None
                }
            })
        });
        if let Some(c) = class {
            info.lex = u64::from(c) + 1;
        }
        info
    }));
    out.push(TokenInfo::pad(3));
    out.push(TokenInfo::pad(4));
}

impl Tagger {
    /// The model compiled into the binary, decoded once on first use.
    pub fn embedded() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| match Tagger::from_bytes(EMBEDDED_WEIGHTS) {
            Ok(t) => t,
            // The embedded file is checked by this crate's tests; an empty
            // model (everything NN-ish by bias) is a safe fallback.
            Err(_) => Tagger::empty(),
        })
    }

    /// Load a weights file (raw, or gzip-compressed).
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, TagError> {
        Ok(Tagger {
            weights: model::read(bytes)?,
        })
    }

    fn empty() -> Tagger {
        Tagger {
            weights: model::Weights {
                features: model::Table::with_capacity(0),
                entries: Vec::new(),
                dict: model::Table::with_capacity(0),
                lower: model::Table::with_capacity(0),
                lexicon: model::Table::with_capacity(0),
                second: None,
                has_lexicon: false,
                scale: 1.0,
                n_features: 0,
                n_dict: 0,
            },
        }
    }

    /// Number of features and tag-dictionary words in the model.
    pub fn size(&self) -> (usize, usize) {
        (self.weights.n_features, self.weights.n_dict)
    }

    /// Tag one sentence of tokens (as dyad's tokenizer produces them).
    pub fn tag(&self, words: &[&str]) -> Vec<Tag> {
        let mut out = Vec::with_capacity(words.len());
        self.tag_into(words, &mut out);
        out
    }

    /// Like [`Tagger::tag`], appending to `out` after clearing it, so a caller
    /// tagging many sentences can reuse one buffer.
    pub fn tag_into(&self, words: &[&str], out: &mut Vec<Tag>) {
        thread_local! {
            static SCRATCH: std::cell::RefCell<Vec<TokenInfo>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        out.clear();
        SCRATCH.with(|s| {
            // A re-entrant call (impossible here, but cheap to guard) just
            // uses a fresh buffer.
            match s.try_borrow_mut() {
                Ok(mut infos) => self.tag_with(words, &mut infos, out),
                Err(_) => self.tag_with(words, &mut Vec::new(), out),
            }
        });
    }

    fn tag_with(&self, words: &[&str], infos: &mut Vec<TokenInfo>, out: &mut Vec<Tag>) {
        token_infos(
            words,
            |h| self.weights.lower.get(model::short_key(h)).is_some(),
            self.weights.has_lexicon.then_some(|h| {
                self.weights
                    .lexicon
                    .get(model::short_key(h))
                    .map(|c| c as u8)
            }),
            infos,
        );
        let w = &self.weights;
        let first = |i: usize, p1: u8, p2: u8, feats: &mut [u64; MAX_FEATURES]| {
            let n = features::features(infos, i, p1, p2, w.has_lexicon, None, feats);
            let mut scores = [0i32; 48];
            for &f in &feats[..n] {
                w.add_scores(model::short_key(f), &mut scores);
            }
            argmax(&scores)
        };
        let mut feats = [0u64; MAX_FEATURES];
        let Some((table2, entries2)) = &w.second else {
            decode(
                words,
                infos,
                w,
                |i, p1, p2| first(i, p1, p2, &mut feats),
                |c| out.push(class_tag(c)),
            );
            return;
        };
        // Two passes: the second sees the first's tags of the next two words.
        let mut first_classes: Vec<u8> = Vec::with_capacity(words.len());
        decode(
            words,
            infos,
            w,
            |i, p1, p2| first(i, p1, p2, &mut feats),
            |c| first_classes.push(c),
        );
        let class_at = |j: usize, end: u8| first_classes.get(j).copied().unwrap_or(end);
        decode(
            words,
            infos,
            w,
            |i, p1, p2| {
                let right = (
                    class_at(i + 1, features::END1),
                    class_at(i + 2, features::END2),
                );
                let n =
                    features::features(infos, i, p1, p2, w.has_lexicon, Some(right), &mut feats);
                let mut scores = [0i32; 48];
                for &f in &feats[..n] {
                    model::add_row(table2, entries2, model::short_key(f), &mut scores);
                }
                argmax(&scores)
            },
            |c| out.push(class_tag(c)),
        );
    }
}

/// Greedy left-to-right decoding: rule and dictionary tags first, else
/// `score(i, prev_class, prev_prev_class)`; each class goes to `emit`.
fn decode(
    words: &[&str],
    infos: &[TokenInfo],
    weights: &model::Weights,
    mut score: impl FnMut(usize, u8, u8) -> u8,
    mut emit: impl FnMut(u8),
) {
    let (mut p1, mut p2) = (START1, START2);
    let mut quotes = 0usize;
    for (i, word) in words.iter().enumerate() {
        let class = if let Some(t) = rule_tag(word, &mut quotes) {
            tag_class(t)
        } else if let Some(c) = infos
            .get(i + 2)
            .and_then(|info| weights.dict.get(model::short_key(info.exact)))
        {
            c as u8
        } else {
            score(i, p1, p2)
        };
        emit(class);
        p2 = p1;
        p1 = class;
    }
}

/// Highest-scoring class among the real classes; ties go to the lower index.
#[inline]
fn argmax(scores: &[i32; 48]) -> u8 {
    let mut best = 0usize;
    for c in 1..features::N_CLASSES {
        if scores[c] > scores[best] {
            best = c;
        }
    }
    best as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tagger_is_shareable_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Tagger>();
    }

    #[test]
    fn class_index_round_trips() {
        for (i, t) in Tag::ALL.iter().enumerate() {
            assert_eq!(tag_class(*t) as usize, i);
            assert_eq!(class_tag(i as u8), *t);
        }
        assert_eq!(Tag::ALL.len(), features::N_CLASSES);
    }

    #[test]
    fn quotes_alternate_by_position() {
        let t = Tagger::embedded();
        let tags = t.tag(&["He", "said", "\"", "no", "\"", "."]);
        assert_eq!(tags[2], Tag::OpenQuote);
        assert_eq!(tags[4], Tag::CloseQuote);
    }

    #[test]
    fn embedded_model_loads_and_tags() {
        let t = Tagger::embedded();
        assert!(
            t.size().0 > 1000,
            "embedded model looks empty: {:?}",
            t.size()
        );
        let tags = t.tag(&[
            "The",
            "president",
            "said",
            "on",
            "Thursday",
            "that",
            "talks",
            "failed",
            ".",
        ]);
        assert_eq!(tags[0], Tag::DT);
        assert_eq!(tags[2], Tag::VBD);
        assert_eq!(tags[3], Tag::IN);
        assert_eq!(tags[8], Tag::Period);
        assert!(t.tag(&[]).is_empty());
    }

    #[test]
    fn corrupt_models_are_errors_not_panics() {
        assert!(Tagger::from_bytes(b"").is_err());
        assert!(Tagger::from_bytes(b"DYADTAG4").is_err());
        assert!(Tagger::from_bytes(b"DYADTAG5").is_err());
        assert!(Tagger::from_bytes(&[0x1f, 0x8b, 1, 2, 3]).is_err());
        let good = model::write(
            1.0,
            &[(5, 3)],
            &[(7, vec![(1, 10), (2, -4)])],
            &[9],
            &[(11, 4)],
            &[],
        );
        let t = Tagger::from_bytes(&good).unwrap();
        assert_eq!(t.size(), (1, 1));
        // Gzip-compressed models load too.
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, &good).unwrap();
        assert_eq!(
            Tagger::from_bytes(&gz.finish().unwrap()).unwrap().size(),
            (1, 1)
        );
        // Truncated at every length must fail cleanly.
        let raw = good;
        for n in 0..raw.len() {
            assert!(
                Tagger::from_bytes(&raw[..n]).is_err(),
                "truncated at {n} accepted"
            );
        }
        assert!(Tagger::from_bytes(&raw).is_ok());
    }

    proptest::proptest! {
        #[test]
        fn loading_arbitrary_bytes_never_panics(tail in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200)) {
            let mut bytes = model::MAGIC.to_vec();
            bytes.extend_from_slice(&tail);
            let _ = Tagger::from_bytes(&bytes);
            let _ = Tagger::from_bytes(&tail);
        }

        #[test]
        fn one_tag_per_token(words in proptest::collection::vec("[A-Za-z0-9,.'\"-]{0,12}", 0..30)) {
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(Tagger::embedded().tag(&refs).len(), words.len());
        }
    }

    #[test]
    fn handles_odd_tokens() {
        let t = Tagger::embedded();
        let words = [
            "",
            "é",
            "–",
            "1,000",
            "China-Africa",
            "U.S.",
            "n't",
            "'s",
            "\u{200b}",
        ];
        assert_eq!(t.tag(&words).len(), words.len());
    }
}
