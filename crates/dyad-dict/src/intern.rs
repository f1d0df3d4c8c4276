//! Interned codes, a small fast hasher and the word trie every phrase matcher uses.
//!
//! Matching a sentence walks the trie word by word: each step is one hash lookup of an
//! interned word id, so a sentence is matched in one pass with no string allocation.

use std::collections::HashSet;
use std::fmt;
use std::hash::BuildHasherDefault;
use std::sync::Arc;

pub use dyad_model::hash::{FastHasher, FastMap};

/// An event, actor or agent code such as `"042"`, `"KENGOV"` or `"~GOV"`. Cheap to clone;
/// equal codes read in one `load` share one allocation.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(Arc<str>);

impl Code {
    /// The code text exactly as in the dictionary.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", &*self.0)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Code {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

/// Deduplicates code strings.
#[derive(Default, Debug, Clone)]
pub(crate) struct CodeInterner {
    set: HashSet<Arc<str>, BuildHasherDefault<FastHasher>>,
}

impl CodeInterner {
    pub fn intern(&mut self, s: &str) -> Code {
        if let Some(existing) = self.set.get(s) {
            return Code(existing.clone());
        }
        let arc: Arc<str> = Arc::from(s);
        self.set.insert(arc.clone());
        Code(arc)
    }
}

/// Maps lowercase words to dense ids.
#[derive(Default, Debug, Clone)]
pub struct Vocab {
    ids: FastMap<Box<str>, u32>,
}

impl Vocab {
    pub fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(word.into(), id);
        id
    }

    #[inline]
    pub fn get(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }
}

/// A trie over word sequences; each node may hold one value (an index chosen by the owner).
#[derive(Debug, Clone)]
pub(crate) struct WordTrie {
    vocab: Vocab,
    /// (parent node, word id) -> child node. Node 0 is the root.
    edges: FastMap<(u32, u32), u32>,
    values: Vec<Option<u32>>,
}

impl Default for WordTrie {
    fn default() -> Self {
        WordTrie {
            vocab: Vocab::default(),
            edges: FastMap::default(),
            values: vec![None],
        }
    }
}

impl WordTrie {
    /// Inserts `words` (already lowercase) and returns the node id; the caller sets its value.
    pub fn node_for<S: AsRef<str>>(&mut self, words: &[S]) -> u32 {
        let mut node = 0u32;
        for w in words {
            let id = self.vocab.intern(w.as_ref());
            node = match self.edges.get(&(node, id)) {
                Some(&child) => child,
                None => {
                    let child = self.values.len() as u32;
                    self.values.push(None);
                    self.edges.insert((node, id), child);
                    child
                }
            };
        }
        node
    }

    /// Inserts a dictionary phrase (words split on `_`/whitespace, lowercased without
    /// allocating per word) and returns its node, or `None` if it has no words.
    pub fn node_for_phrase(&mut self, phrase: &str) -> Option<u32> {
        let mut node = 0u32;
        let mut any = false;
        let mut buf = String::new();
        for w in phrase.split(|c: char| c == '_' || c.is_whitespace()) {
            if w.is_empty() {
                continue;
            }
            any = true;
            let key: &str = if w.bytes().any(|b| b.is_ascii_uppercase()) || !w.is_ascii() {
                buf.clear();
                if w.is_ascii() {
                    buf.push_str(w);
                    buf.make_ascii_lowercase();
                } else {
                    buf.push_str(&w.to_lowercase());
                }
                &buf
            } else {
                w
            };
            let id = self.vocab.intern(key);
            node = match self.edges.get(&(node, id)) {
                Some(&child) => child,
                None => {
                    let child = self.values.len() as u32;
                    self.values.push(None);
                    self.edges.insert((node, id), child);
                    child
                }
            };
        }
        any.then_some(node)
    }

    pub fn value(&self, node: u32) -> Option<u32> {
        self.values.get(node as usize).copied().flatten()
    }

    pub fn set_value(&mut self, node: u32, value: u32) {
        if let Some(slot) = self.values.get_mut(node as usize) {
            *slot = Some(value);
        }
    }

    /// Number of phrases stored (nodes with values).
    pub fn phrase_count(&self) -> usize {
        self.values.iter().filter(|v| v.is_some()).count()
    }

    /// The value of exactly this word sequence.
    pub fn get<S: AsRef<str>>(&self, words: &[S]) -> Option<u32> {
        let mut node = 0u32;
        for w in words {
            let id = self.vocab.get(w.as_ref())?;
            node = *self.edges.get(&(node, id))?;
        }
        self.value(node)
    }

    /// Longest phrase starting at `start`: (length in words, value).
    pub fn longest_match<S: AsRef<str>>(&self, words: &[S], start: usize) -> Option<(usize, u32)> {
        let mut best = None;
        let ids = words
            .get(start..)?
            .iter()
            .map(|w| self.vocab.get(w.as_ref()));
        self.walk(ids, |len, v| best = Some((len, v)));
        best
    }

    /// Each word's id in this trie's vocabulary (`None` for a word no phrase uses): a
    /// sentence searched at every start is then hashed once per word, not once per step.
    pub fn word_ids<S: AsRef<str>>(&self, words: &[S]) -> Vec<Option<u32>> {
        words.iter().map(|w| self.vocab.get(w.as_ref())).collect()
    }

    /// The longest phrase at every start of `words`, as the entry its value
    /// indexes in `entries`; each word is hashed once.
    pub fn longest_entries<'e, E>(
        &self,
        words: &[&str],
        entries: &'e [E],
    ) -> Vec<Option<(usize, &'e E)>> {
        let ids = self.word_ids(words);
        (0..words.len())
            .map(|start| {
                let (len, id) = self.longest_match_ids(&ids, start)?;
                Some((len, entries.get(id as usize)?))
            })
            .collect()
    }

    /// [`WordTrie::longest_match`] over ids from [`WordTrie::word_ids`].
    pub fn longest_match_ids(&self, ids: &[Option<u32>], start: usize) -> Option<(usize, u32)> {
        let mut best = None;
        self.walk(ids.get(start..)?.iter().copied(), |len, v| {
            best = Some((len, v))
        });
        best
    }

    /// [`WordTrie::matches_at`] over ids from [`WordTrie::word_ids`], appending to `out`.
    pub fn matches_at_ids(&self, ids: &[Option<u32>], start: usize, out: &mut Vec<(usize, u32)>) {
        if let Some(rest) = ids.get(start..) {
            self.walk(rest.iter().copied(), |len, v| out.push((len, v)));
        }
    }

    /// Every phrase starting at `start`, shortest first: (length, value).
    pub fn matches_at<S: AsRef<str>>(&self, words: &[S], start: usize) -> Vec<(usize, u32)> {
        let mut out = Vec::new();
        if let Some(rest) = words.get(start..) {
            let ids = rest.iter().map(|w| self.vocab.get(w.as_ref()));
            self.walk(ids, |len, v| out.push((len, v)));
        }
        out
    }

    /// Follows word ids from the root, calling `found(length, value)` at every
    /// phrase end, shortest first; stops at the first word no phrase continues with.
    fn walk(&self, ids: impl Iterator<Item = Option<u32>>, mut found: impl FnMut(usize, u32)) {
        let mut node = 0u32;
        for (offset, id) in ids.enumerate() {
            let Some(id) = id else {
                break;
            };
            let Some(&child) = self.edges.get(&(node, id)) else {
                break;
            };
            node = child;
            if let Some(v) = self.value(node) {
                found(offset + 1, v);
            }
        }
    }
}

/// Whether a dictionary phrase has at least one word.
pub(crate) fn has_words(phrase: &str) -> bool {
    phrase
        .split(|c: char| c == '_' || c.is_whitespace())
        .any(|w| !w.is_empty())
}

/// Splits a dictionary phrase on `_` and whitespace into lowercase words.
pub(crate) fn phrase_words(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trie_longest_and_all_matches() {
        let mut t = WordTrie::default();
        let n = t.node_for(&["united", "states"]);
        t.set_value(n, 1);
        let n = t.node_for(&["united", "states", "army"]);
        t.set_value(n, 2);
        let n = t.node_for(&["united"]);
        t.set_value(n, 3);
        let s = ["the", "united", "states", "army", "said"];
        assert_eq!(t.longest_match(&s, 1), Some((3, 2)));
        assert_eq!(t.longest_match(&s, 0), None);
        assert_eq!(t.matches_at(&s, 1), vec![(1, 3), (2, 1), (3, 2)]);
        assert_eq!(t.get(&["united", "states"]), Some(1));
        assert_eq!(t.get(&["states"]), None);
        assert_eq!(t.longest_match(&s, 99), None);
        assert_eq!(t.phrase_count(), 3);
        // The id forms agree with the string forms at every start.
        let ids = t.word_ids(&s);
        for start in 0..=s.len() + 1 {
            assert_eq!(t.longest_match_ids(&ids, start), t.longest_match(&s, start));
            let mut all = Vec::new();
            t.matches_at_ids(&ids, start, &mut all);
            assert_eq!(all, t.matches_at(&s, start));
        }
        assert_eq!(
            t.node_for_phrase("United_STATES "),
            t.node_for_phrase("united states")
        );
        assert_eq!(t.node_for_phrase(" _ "), None);
    }

    #[test]
    fn codes_are_shared() {
        let mut i = CodeInterner::default();
        let a = i.intern("KEN");
        let b = i.intern("KEN");
        assert_eq!(a, b);
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(a, "KEN");
    }
}
