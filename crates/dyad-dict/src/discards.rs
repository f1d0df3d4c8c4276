//! Discard lists (`Phoenix.discards.txt`): phrases whose presence stops coding. A leading `+`
//! makes the phrase story-level (skip the whole story); otherwise the sentence is skipped.
//! Matching is whole-word and case-insensitive, like PETRARCH-2's word trie.

use std::sync::Arc;

use crate::error::{Diag, DictError, DictWarning};
use crate::intern::{phrase_words, WordTrie};
use crate::lines::logical_lines;
use crate::source::DictionaryFile;

/// What a discard phrase discards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DiscardLevel {
    Sentence,
    Story,
}

/// One discard phrase.
#[derive(Debug, Clone)]
pub struct Discard {
    /// Lowercase words joined by spaces.
    pub phrase: String,
    pub level: DiscardLevel,
    pub file: Arc<str>,
    pub line: usize,
}

/// A match of a discard phrase in a sentence.
#[derive(Debug, Clone, Copy)]
pub struct DiscardMatch<'a> {
    pub start: usize,
    pub len: usize,
    pub discard: &'a Discard,
}

#[derive(Debug, Clone, Default)]
pub struct DiscardList {
    items: Vec<Discard>,
    trie: WordTrie,
}

impl DiscardList {
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads one file into the dictionary (see [`DictionaryFile::add_source_with`]).
    fn read_source(
        &mut self,
        src: &str,
        file: &str,
        warnings: &mut Vec<DictWarning>,
        strict: bool,
    ) -> Result<(), DictError> {
        let mut diag = Diag { file, warnings };
        let file_arc: Arc<str> = Arc::from(file);
        for line in logical_lines(src) {
            let (level, phrase) = match line.text.strip_prefix('+') {
                Some(rest) => (DiscardLevel::Story, rest),
                None => (DiscardLevel::Sentence, line.text),
            };
            let words = phrase_words(phrase);
            if words.is_empty() {
                let e = diag.err(line.no, "empty discard phrase");
                diag.recover(Err(e), strict)?;
                continue;
            }
            let node = self.trie.node_for(&words);
            match self.trie.value(node) {
                Some(old) => {
                    if let Some(existing) = self.items.get_mut(old as usize) {
                        if level > existing.level {
                            existing.level = level;
                        }
                    }
                    diag.warn(
                        line.no,
                        format!("discard `{}` listed twice", words.join(" ")),
                    );
                }
                None => {
                    let id = self.items.len() as u32;
                    self.items.push(Discard {
                        phrase: words.join(" "),
                        level,
                        file: file_arc.clone(),
                        line: line.no,
                    });
                    self.trie.set_value(node, id);
                }
            }
        }
        Ok(())
    }

    /// The discard that applies to a sentence (lowercase words): a story-level match if any,
    /// else the leftmost sentence-level match.
    pub fn find(&self, sentence_lower_words: &[&str]) -> Option<&Discard> {
        let mut first_sentence_level = None;
        for m in self.find_all(sentence_lower_words) {
            if m.discard.level == DiscardLevel::Story {
                return Some(m.discard);
            }
            if first_sentence_level.is_none() {
                first_sentence_level = Some(m.discard);
            }
        }
        first_sentence_level
    }

    /// Every discard phrase occurring in the sentence (all lengths, left to right).
    pub fn find_all<'a>(&'a self, sentence_lower_words: &[&str]) -> Vec<DiscardMatch<'a>> {
        let mut out = Vec::new();
        let ids = self.trie.word_ids(sentence_lower_words);
        let mut here = Vec::new();
        for start in 0..sentence_lower_words.len() {
            here.clear();
            self.trie.matches_at_ids(&ids, start, &mut here);
            for &(len, id) in &here {
                if let Some(discard) = self.items.get(id as usize) {
                    out.push(DiscardMatch {
                        start,
                        len,
                        discard,
                    });
                }
            }
        }
        out
    }

    pub fn items(&self) -> &[Discard] {
        &self.items
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl DictionaryFile for DiscardList {
    fn add_source_with(
        &mut self,
        src: &str,
        file: &str,
        warnings: &mut Vec<DictWarning>,
        strict: bool,
    ) -> Result<(), DictError> {
        self.read_source(src, file, warnings, strict)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_level_wins_and_words_are_whole() {
        let src = "# x\nMONTHS LATER\n+World Golf Championships   # pas\nBASEBALL\n+ESPN2\n";
        let (list, w) = DiscardList::parse(src, "d.txt").unwrap();
        assert!(w.is_empty());
        assert_eq!(list.len(), 4);
        let s = ["baseball", "at", "the", "world", "golf", "championships"];
        let d = list.find(&s).unwrap();
        assert_eq!(d.level, DiscardLevel::Story);
        assert_eq!(d.phrase, "world golf championships");
        assert_eq!(list.find(&["baseballs"]).map(|d| d.line), None);
        assert_eq!(list.find(&["two", "months", "later"]).unwrap().line, 2);
        assert_eq!(list.find_all(&s).len(), 2);
        assert!(list.find(&[]).is_none());
    }

    #[test]
    fn empty_story_phrase_is_an_error() {
        let e = DiscardList::parse_strict("A\n+\n", "d.txt").unwrap_err();
        assert_eq!(e.to_string(), "d.txt:2: empty discard phrase");
        let (l, w) = DiscardList::parse("A\n+\n", "d.txt").unwrap();
        assert_eq!((l.len(), w.len()), (1, 1));
    }
}
