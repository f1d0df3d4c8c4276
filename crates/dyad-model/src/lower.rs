//! Sentences' words lower-cased into one buffer.
//!
//! The parser, the coder and the locator all read words in lower case; one
//! buffer per document (or sentence) costs one allocation instead of one
//! String per word, which showed in the coder's profile.

use crate::{Sentence, Token};

/// `word.to_lowercase()`, without Unicode case tables for ASCII words (the
/// same result: an ASCII letter's lower case is its ASCII lower case).
pub fn lowercase(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.to_lowercase()
    }
}

/// The lower-cased words of some sentences, in one buffer.
#[derive(Debug, Default)]
pub struct LowerWords {
    text: String,
    /// Per word, its end in `text`; per sentence, its words' range in `ends`.
    ends: Vec<usize>,
    sentences: Vec<std::ops::Range<usize>>,
}

impl LowerWords {
    /// The words of every sentence, in order.
    pub fn of(sentences: &[Sentence]) -> LowerWords {
        Self::of_token_lists(sentences.iter().map(|s| s.tokens.as_slice()))
    }

    /// The words of one list of tokens (its sentence index is 0).
    pub fn of_tokens(tokens: &[Token]) -> LowerWords {
        Self::of_token_lists(std::iter::once(tokens))
    }

    fn of_token_lists<'a>(lists: impl Iterator<Item = &'a [Token]> + Clone) -> LowerWords {
        let words: usize = lists.clone().map(<[Token]>::len).sum();
        let bytes: usize = lists.clone().flatten().map(|t| t.norm.len()).sum();
        let mut out = LowerWords {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(words),
            sentences: Vec::new(),
        };
        for tokens in lists {
            let first = out.ends.len();
            for t in tokens {
                let w = t.norm.as_str();
                if w.is_ascii() {
                    let start = out.text.len();
                    out.text.push_str(w);
                    out.text[start..].make_ascii_lowercase();
                } else {
                    out.text.push_str(&lowercase(w));
                }
                out.ends.push(out.text.len());
            }
            out.sentences.push(first..out.ends.len());
        }
        out
    }

    /// Sentence `i`'s words (empty for an unknown sentence).
    pub fn sentence(&self, i: usize) -> Vec<&str> {
        let Some(r) = self.sentences.get(i) else {
            return Vec::new();
        };
        let mut start = r
            .start
            .checked_sub(1)
            .and_then(|k| self.ends.get(k))
            .copied()
            .unwrap_or(0);
        self.ends
            .get(r.clone())
            .unwrap_or_default()
            .iter()
            .map(|&end| {
                let w = self.text.get(start..end).unwrap_or("");
                start = end;
                w
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_each_tokens_lower_case() {
        let a = Sentence::from_tagged(&[("Kenya", crate::Tag::NNP), ("MET", crate::Tag::VBD)]);
        let b = Sentence::from_tagged(&[("ΣΟΦΙΑ", crate::Tag::NNP), ("x", crate::Tag::NN)]);
        let lw = LowerWords::of(&[a.clone(), b.clone()]);
        assert_eq!(lw.sentence(0), vec!["kenya", "met"]);
        assert_eq!(lw.sentence(1), vec![lowercase("ΣΟΦΙΑ").as_str(), "x"]);
        assert!(lw.sentence(2).is_empty());
        assert_eq!(LowerWords::of_tokens(&b.tokens).sentence(0), lw.sentence(1));
    }

    #[test]
    fn lower_words_match_per_word_lowercasing() {
        use crate::Tag::*;
        let sentences = [
            Sentence::from_tagged(&[("Arnor", NNP), ("ÖDESSA", NNP), ("ΟΔΟΣ", NN)]),
            Sentence::from_tagged(&[]),
            Sentence::from_tagged(&[("SAID", VBD), ("it", PRP), (".", Period)]),
        ];
        let lw = LowerWords::of(&sentences);
        for (i, s) in sentences.iter().enumerate() {
            let per_word: Vec<String> = s.tokens.iter().map(|t| lowercase(&t.norm)).collect();
            assert_eq!(lw.sentence(i), per_word);
        }
        assert_eq!(lw.sentence(0)[2], "οδος");
        assert!(lw.sentence(3).is_empty());
    }
}
