//! Text folding for phrase matching: lower case, every run of non-alphanumeric
//! characters (hyphens, quotes, punctuation, spaces) becomes one space, with a
//! map back to byte offsets in the original so evidence spans stay exact.

/// Folded text and, per folded byte, the original byte range of the
/// character that produced it.
pub(crate) struct Folded {
    pub text: String,
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl Folded {
    pub fn new(s: &str) -> Folded {
        let mut text = String::with_capacity(s.len());
        let mut starts = Vec::with_capacity(s.len());
        let mut ends = Vec::with_capacity(s.len());
        let mut pending_space: Option<(usize, usize)> = None;
        for (i, c) in s.char_indices() {
            let end = i + c.len_utf8();
            if c.is_alphanumeric() {
                if let Some((a, b)) = pending_space.take() {
                    if !text.is_empty() {
                        text.push(' ');
                        starts.push(a);
                        ends.push(b);
                    }
                }
                for l in c.to_lowercase() {
                    let mut buf = [0u8; 4];
                    for _ in 0..l.encode_utf8(&mut buf).len() {
                        starts.push(i);
                        ends.push(end);
                    }
                    text.push(l);
                }
            } else if pending_space.is_none() {
                pending_space = Some((i, end));
            }
        }
        Folded { text, starts, ends }
    }

    /// Word-bounded occurrences of `needle` (already folded) as original
    /// byte ranges.
    pub fn find_all(&self, needle: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        if needle.is_empty() {
            return out;
        }
        let hay = self.text.as_bytes();
        for (at, _) in self.text.match_indices(needle) {
            let end = at + needle.len();
            let left_ok = at == 0 || hay.get(at - 1) == Some(&b' ');
            let right_ok = end == hay.len() || hay.get(end) == Some(&b' ');
            if left_ok && right_ok {
                if let (Some(&s), Some(&e)) = (self.starts.get(at), self.ends.get(end - 1)) {
                    out.push((s, e));
                }
            }
        }
        out
    }
}

/// Fold a phrase the way [`Folded`] folds text.
pub(crate) fn fold(s: &str) -> String {
    Folded::new(s).text
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn hyphens_quotes_and_case_fold_away() {
        let f = Folded::new("Kenya backs the One-China “policy”, he said.");
        let hits = f.find_all(&fold("one china policy"));
        assert_eq!(hits.len(), 1);
        let (s, e) = hits[0];
        assert_eq!(
            &"Kenya backs the One-China “policy”, he said."[s..e],
            "One-China “policy"
        );
    }

    #[test]
    fn word_boundaries_are_respected() {
        let f = Folded::new("the strategic partnerships grew");
        assert!(f.find_all("strategic partnership").is_empty());
        assert_eq!(f.find_all("strategic partnerships").len(), 1);
    }

    proptest! {
        #[test]
        fn spans_are_valid_char_boundaries(s in "\\PC{0,60}", n in "[a-z]{1,4}") {
            let f = Folded::new(&s);
            for (a, b) in f.find_all(&n) {
                prop_assert!(a <= b && b <= s.len());
                prop_assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
            }
        }
    }
}
