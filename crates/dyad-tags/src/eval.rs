//! Scoring the tagger against gold Penn trees (the `<Parse>` blocks of
//! PETRARCH record files).

use crate::penn::{gold_tag, leaf_to_token, leaves_lenient};
use crate::{TagError, Tagger};
use dyad_model::Tag;

/// Token counts from one evaluation.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Accuracy {
    pub sentences: usize,
    pub tokens: usize,
    /// Exact Penn tag matches.
    pub penn_correct: usize,
    /// Matches after mapping both sides to Universal POS.
    pub upos_correct: usize,
    /// Tokens whose gold tag is not punctuation, and Penn matches among them.
    pub words: usize,
    pub words_correct: usize,
}

impl Accuracy {
    pub fn penn(&self) -> f64 {
        ratio(self.penn_correct, self.tokens)
    }
    pub fn upos(&self) -> f64 {
        ratio(self.upos_correct, self.tokens)
    }
    pub fn penn_words_only(&self) -> f64 {
        ratio(self.words_correct, self.words)
    }
    pub fn add(&mut self, gold: Tag, guess: Tag) {
        self.tokens += 1;
        self.penn_correct += usize::from(gold == guess);
        self.upos_correct += usize::from(gold.upos() == guess.upos());
        if !gold.is_punct() {
            self.words += 1;
            self.words_correct += usize::from(gold == guess);
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// One gold sentence: tokens in the tokenizer's convention and gold tags.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldSentence {
    pub words: Vec<String>,
    pub tags: Vec<Tag>,
}

/// Every `<Parse>` tree of a records file, read leniently (one PETRARCH
/// unit-test tree has a stray `)`; its leaves are still right). Errors name
/// `path` and the 1-based line in the file.
pub fn gold_sentences(xml: &str, path: &str) -> Result<Vec<GoldSentence>, TagError> {
    let mut out = Vec::new();
    let mut rest = xml;
    let mut consumed = 0usize;
    while let Some(open) = rest.find("<Parse>") {
        let body_start = open + "<Parse>".len();
        let close = rest[body_start..]
            .find("</Parse>")
            .ok_or_else(|| TagError::Data {
                path: path.to_string(),
                line: line_of(xml, consumed + open),
                message: "<Parse> without </Parse>".into(),
            })?;
        let body = &rest[body_start..body_start + close];
        let base_line = line_of(xml, consumed + body_start);
        let leaves = leaves_lenient(body).map_err(|e| match e {
            TagError::Tree { line, message } => TagError::Data {
                path: path.to_string(),
                line: base_line + line - 1,
                message,
            },
            other => other,
        })?;
        let mut s = GoldSentence {
            words: Vec::with_capacity(leaves.len()),
            tags: Vec::with_capacity(leaves.len()),
        };
        for (tag, word) in &leaves {
            // Empty elements (-NONE- traces) are not tokens.
            if tag == "-NONE-" {
                continue;
            }
            s.words.push(leaf_to_token(word).to_string());
            s.tags.push(gold_tag(tag).unwrap_or(Tag::X));
        }
        out.push(s);
        let next = body_start + close + "</Parse>".len();
        consumed += next;
        rest = &rest[next..];
    }
    Ok(out)
}

fn line_of(text: &str, byte: usize) -> usize {
    1 + text.as_bytes()[..byte.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
}

/// Tag every gold sentence with `tag` and count matches.
pub fn score(gold: &[GoldSentence], mut tag: impl FnMut(&[&str]) -> Vec<Tag>) -> Accuracy {
    let mut acc = Accuracy::default();
    for s in gold {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let guess = tag(&words);
        acc.sentences += 1;
        for (i, g) in s.tags.iter().enumerate() {
            acc.add(*g, guess.get(i).copied().unwrap_or(Tag::X));
        }
    }
    acc
}

/// Evaluate `tagger` on a records file's trees.
pub fn evaluate(tagger: &Tagger, xml: &str, path: &str) -> Result<Accuracy, TagError> {
    Ok(score(&gold_sentences(xml, path)?, |w| tagger.tag(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_parse_blocks_and_maps_leaves() {
        let xml = "<S>\n<Parse>\n(ROOT (S (NP (NNP Arnor)) (VP (AUXD did) (`` ``) (-LRB- -LRB-)) (. .)))\n</Parse>\n</S>";
        let g = gold_sentences(xml, "f.xml").unwrap();
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].words, vec!["Arnor", "did", "\"", "(", "."]);
        assert_eq!(
            g[0].tags,
            vec![Tag::NNP, Tag::VBD, Tag::OpenQuote, Tag::LRB, Tag::Period]
        );
    }

    #[test]
    fn errors_name_file_line() {
        let xml = "a\nb\n<Parse>\n(S\n(NP (DT x) y))\n</Parse>";
        match gold_sentences(xml, "f.xml") {
            Err(TagError::Data { path, line, .. }) => {
                assert_eq!(path, "f.xml");
                assert_eq!(line, 5);
            }
            other => panic!("{other:?}"),
        }
        assert!(gold_sentences("<Parse> (S (DT a))", "f.xml").is_err());
        assert_eq!(
            gold_sentences("<Parse> (S (DT a))) </Parse>", "f.xml")
                .unwrap()
                .len(),
            1
        );
    }

    #[test]
    fn scores_count_upos_and_words() {
        let gold = vec![GoldSentence {
            words: vec!["a".into(), "b".into(), ".".into()],
            tags: vec![Tag::NN, Tag::VBD, Tag::Period],
        }];
        let acc = score(&gold, |_| vec![Tag::NNS, Tag::VBD, Tag::Period]);
        assert_eq!(acc.tokens, 3);
        assert_eq!(acc.penn_correct, 2);
        assert_eq!(acc.upos_correct, 3);
        assert_eq!((acc.words, acc.words_correct), (2, 1));
    }
}
