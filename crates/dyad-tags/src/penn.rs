//! A small reader for Penn Treebank bracketings such as
//! `(ROOT (S (NP (NNP Arnor)) (VP (VBD said)) (. .)))`.
//!
//! Only the leaves are needed (to score the tagger against gold trees), so the
//! reader checks that brackets balance and that every leaf is `(TAG word)`,
//! and returns the leaves in order.

use crate::TagError;

/// The `(tag, word)` leaves of one bracketed tree, left to right.
///
/// A leaf is a bracket holding exactly a label and a word. Errors name the
/// 1-based line of the problem within `tree`.
pub fn leaves(tree: &str) -> Result<Vec<(String, String)>, TagError> {
    leaves_with(tree, false)
}

/// Like [`leaves`], but tolerating unbalanced brackets (a stray `)` at the
/// top level, or brackets left open at the end), as found in a few
/// hand-edited PETRARCH parses. Other errors still fail.
pub fn leaves_lenient(tree: &str) -> Result<Vec<(String, String)>, TagError> {
    leaves_with(tree, true)
}

fn leaves_with(tree: &str, lenient: bool) -> Result<Vec<(String, String)>, TagError> {
    let mut out = Vec::new();
    let mut depth: usize = 0;
    // Atoms seen since the innermost open bracket, and whether that bracket
    // already holds a sub-bracket (then it is not a leaf).
    let mut atoms: Vec<(&str, usize)> = Vec::new();
    let mut has_child: Vec<bool> = Vec::new();
    let mut line = 1usize;
    let bytes = tree.as_bytes();
    let mut i = 0usize;
    let err = |line: usize, msg: &str| TagError::Tree {
        line,
        message: msg.to_string(),
    };
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b' ' | b'\t' | b'\r' => i += 1,
            b'(' => {
                if let Some(last) = has_child.last_mut() {
                    *last = true;
                }
                depth += 1;
                has_child.push(false);
                atoms.clear();
                i += 1;
            }
            b')' => {
                if depth == 0 {
                    if lenient {
                        i += 1;
                        continue;
                    }
                    return Err(err(line, "unbalanced ')'"));
                }
                let child = has_child.pop().unwrap_or(true);
                if !child {
                    match atoms.as_slice() {
                        [(tag, _), (word, _)] => out.push((tag.to_string(), word.to_string())),
                        [] => {} // `()` or `( )`: an empty wrapper, nothing to read.
                        [(_, at)] => return Err(err(*at, "leaf without a word")),
                        [_, _, (_, at), ..] => {
                            return Err(err(*at, "leaf with more than one word"))
                        }
                    }
                } else if atoms.len() > 1 {
                    // Text after a sub-bracket, e.g. `(NP (DT a) stray)`.
                    if let Some((_, at)) = atoms.last() {
                        return Err(err(*at, "word outside a leaf"));
                    }
                }
                atoms.clear();
                depth -= 1;
                i += 1;
            }
            _ => {
                let start = i;
                while i < bytes.len()
                    && !matches!(bytes[i], b' ' | b'\t' | b'\r' | b'\n' | b'(' | b')')
                {
                    i += 1;
                }
                if depth == 0 {
                    return Err(err(line, "text outside brackets"));
                }
                // `start..i` lies on ASCII delimiters, so it is a char boundary.
                let atom = tree.get(start..i).unwrap_or("");
                if has_child.last().copied().unwrap_or(false) {
                    return Err(err(line, "word outside a leaf"));
                }
                atoms.push((atom, line));
            }
        }
    }
    if depth != 0 && !lenient {
        return Err(err(line, "unbalanced '('"));
    }
    Ok(out)
}

/// Map a tree leaf back to the token dyad's tokenizer would produce:
/// bracket codes to brackets, LaTeX-style quotes to ASCII `"`.
pub fn leaf_to_token(word: &str) -> &str {
    match word {
        "-LRB-" | "-lrb-" => "(",
        "-RRB-" | "-rrb-" => ")",
        "-LCB-" | "-lcb-" => "{",
        "-RCB-" | "-rcb-" => "}",
        "-LSB-" | "-lsb-" => "[",
        "-RSB-" | "-rsb-" => "]",
        "``" | "''" => "\"",
        "`" => "'",
        other => other,
    }
}

/// Parse a gold tree label as a [`dyad_model::Tag`], folding the `AUX*`
/// labels some PETRARCH parses use (`AUXD` = auxiliary in past tense) to the
/// matching verb tag.
pub fn gold_tag(label: &str) -> Option<dyad_model::Tag> {
    use dyad_model::Tag;
    match label {
        "AUX" | "AUXB" => Some(Tag::VB),
        "AUXD" => Some(Tag::VBD),
        "AUXP" => Some(Tag::VBP),
        "AUXZ" => Some(Tag::VBZ),
        "AUXN" => Some(Tag::VBN),
        "AUXG" => Some(Tag::VBG),
        other => Tag::from_penn(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_leaves_in_order() {
        let t = "(ROOT (S (NP (NNP Arnor))\n (VP (VBD said)) (. .)))";
        let l = leaves(t).unwrap();
        assert_eq!(
            l,
            vec![
                ("NNP".into(), "Arnor".into()),
                ("VBD".into(), "said".into()),
                (".".into(), ".".into())
            ]
        );
    }

    #[test]
    fn accepts_unlabelled_root() {
        let l = leaves("( (S (NP (DT The) (NN stopover)) ) )").unwrap();
        assert_eq!(l.len(), 2);
    }

    #[test]
    fn reports_line_of_errors() {
        match leaves("(S\n(NP (DT the) x)\n)") {
            Err(TagError::Tree { line, .. }) => assert_eq!(line, 2),
            other => panic!("expected error, got {other:?}"),
        }
        assert!(leaves("(S (NP (DT the))").is_err());
        assert!(leaves("(S (NP (DT the))))").is_err());
        assert!(leaves("(S (DT a b))").is_err());
        assert!(leaves("word").is_err());
    }

    #[test]
    fn lenient_reader_skips_stray_brackets() {
        assert!(leaves("(S (DT a)))").is_err());
        assert_eq!(leaves_lenient("(S (DT a)))").unwrap().len(), 1);
        assert_eq!(leaves_lenient("(S (DT a) (NN b)").unwrap().len(), 2);
        assert!(leaves_lenient("(S (DT a b))").is_err());
    }

    #[test]
    fn maps_leaf_words_and_aux_tags() {
        assert_eq!(leaf_to_token("-LRB-"), "(");
        assert_eq!(leaf_to_token("``"), "\"");
        assert_eq!(leaf_to_token("''"), "\"");
        assert_eq!(leaf_to_token("U.S."), "U.S.");
        assert_eq!(gold_tag("AUXD"), Some(dyad_model::Tag::VBD));
        assert_eq!(gold_tag("PRP$"), Some(dyad_model::Tag::PRPS));
        assert_eq!(gold_tag("NOPE"), None);
    }

    fn atom() -> impl Strategy<Value = String> {
        "[A-Za-z0-9$.,'`:-]{1,6}"
    }

    fn tree() -> impl Strategy<Value = (String, Vec<(String, String)>)> {
        let leaf = (atom(), atom()).prop_map(|(t, w)| (format!("({t} {w})"), vec![(t, w)]));
        leaf.prop_recursive(4, 40, 4, |inner| {
            (atom(), prop::collection::vec(inner, 1..4)).prop_map(|(label, kids)| {
                let mut s = format!("({label}");
                let mut all = Vec::new();
                for (k, l) in kids {
                    s.push_str("\n ");
                    s.push_str(&k);
                    all.extend(l);
                }
                s.push(')');
                (s, all)
            })
        })
    }

    proptest! {
        #[test]
        fn round_trips_generated_trees((text, expected) in tree()) {
            prop_assert_eq!(leaves(&text).unwrap(), expected);
        }

        #[test]
        fn never_panics_on_arbitrary_text(s in "[()A-Za-z \n]{0,60}") {
            let _ = leaves(&s);
        }

        #[test]
        fn truncated_trees_are_errors((text, _e) in tree(), cut in 1usize..20) {
            // Dropping a closing bracket always unbalances the tree.
            let n = text.len().saturating_sub(cut.min(text.len()));
            let pos = text[..].rfind(')').unwrap();
            let mut broken = text.clone();
            broken.remove(pos);
            prop_assert!(leaves(&broken).is_err());
            let _ = leaves(&text[..n]);
        }
    }
}
