//! Lemmas for verbs and nouns from WordNet's lemma list and exception
//! tables, so "urged" finds URGE and "agreed" AGREE without a dictionary of
//! every inflected form.

use dyad_model::hash::FastHasher;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// Lemmas are looked up for every noun and verb of every sentence: the
/// word tables use the fast hasher.
type WordBuild = BuildHasherDefault<FastHasher>;

pub use dyad_model::lower::lowercase;

const VERB_LEMMAS: &str = include_str!("../data/verb-lemmas.txt");
const VERB_EXC: &str = include_str!("../data/verb-exceptions.txt");
const NOUN_EXC: &str = include_str!("../data/noun-exceptions.txt");

struct Tables {
    verbs: HashSet<&'static str, WordBuild>,
    verb_exc: HashMap<&'static str, &'static str, WordBuild>,
    noun_exc: HashMap<&'static str, &'static str, WordBuild>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let lines = |s: &'static str| s.lines().filter(|l| !l.starts_with('#') && !l.is_empty());
        let pairs = |s: &'static str| {
            lines(s)
                .filter_map(|l| l.split_once(' '))
                .collect::<HashMap<_, _, WordBuild>>()
        };
        Tables {
            verbs: lines(VERB_LEMMAS).collect(),
            verb_exc: pairs(VERB_EXC),
            noun_exc: pairs(NOUN_EXC),
        }
    })
}

/// Whether WordNet knows `word` as a verb lemma.
pub fn is_verb_lemma(word: &str) -> bool {
    tables().verbs.contains(word)
}

/// The base form of a verb (`word` lower-cased by the caller or not).
pub fn verb_lemma(word: &str) -> String {
    lemma_with(word, verb_lemma_of).into_owned()
}

/// [`verb_lemma`], borrowing the word or a table entry where it can (no
/// allocation for most words already in lower case).
pub fn verb_lemma_cow(word: &str) -> Cow<'_, str> {
    lemma_with(word, verb_lemma_of)
}

/// `of` (a lemma function of a lower-case word) applied to `word`,
/// lower-casing it first only when it has capitals or is not ASCII.
fn lemma_with<'a>(word: &'a str, of: for<'b> fn(&'b str) -> Cow<'b, str>) -> Cow<'a, str> {
    if is_ascii_lower(word) {
        of(word)
    } else {
        Cow::Owned(of(&lowercase(word)).into_owned())
    }
}

/// Whether `word` is ASCII without capitals: [`lowercase`] returns it as is.
fn is_ascii_lower(word: &str) -> bool {
    word.bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// [`verb_lemma`] of an already lower-cased word.
fn verb_lemma_of(w: &str) -> Cow<'_, str> {
    let t = tables();
    match w {
        "'s" | "is" | "are" | "was" | "were" | "am" | "'re" | "'m" | "been" | "being" | "be" => {
            return Cow::Borrowed("be")
        }
        "has" | "had" | "having" | "'ve" | "'d" => return Cow::Borrowed("have"),
        "does" | "did" | "done" | "doing" => return Cow::Borrowed("do"),
        "ca" => return Cow::Borrowed("can"),
        "wo" => return Cow::Borrowed("will"),
        _ => {}
    }
    if let Some(l) = t.verb_exc.get(w) {
        return Cow::Borrowed(l);
    }
    if t.verbs.contains(w) {
        return Cow::Borrowed(w);
    }
    // The first candidate the lexicon knows, else the first candidate,
    // built in one buffer rather than as a list of strings.
    let mut first: Option<String> = None;
    let mut known: Option<String> = None;
    let mut buf = String::with_capacity(w.len() + 1);
    each_candidate(w, &mut buf, |c| {
        if t.verbs.contains(c) {
            known = Some(c.to_string());
            return true;
        }
        if first.is_none() {
            first = Some(c.to_string());
        }
        false
    });
    known.or(first).map_or(Cow::Borrowed(w), Cow::Owned)
}

/// Calls `f` with each rule-based base form of `w`, most likely first (built
/// in `buf`) until it returns true.
fn each_candidate(w: &str, buf: &mut String, mut f: impl FnMut(&str) -> bool) {
    let strip = |suf: &str| w.strip_suffix(suf).filter(|s| s.len() >= 2);
    let mut try_two = |buf: &mut String, a: &str, b: &str| {
        buf.clear();
        buf.push_str(a);
        buf.push_str(b);
        f(buf)
    };
    for (suffix, replacement) in [("ies", "y"), ("es", ""), ("s", ""), ("ied", "y")] {
        if let Some(s) = strip(suffix) {
            // English adds "-es" only after a sibilant or "o" ("taxes",
            // "pushes", "vetoes"); elsewhere the "e" belongs to the stem
            // ("decides"), so "departes" is not a form of "depart".
            if suffix == "es" && !takes_es(s) {
                continue;
            }
            if try_two(buf, s, replacement) {
                return;
            }
        }
    }
    for suf in ["ed", "ing"] {
        if let Some(s) = strip(suf) {
            let b = s.as_bytes();
            if b.len() >= 2
                && b[b.len() - 1].is_ascii_alphabetic()
                && b[b.len() - 1] == b[b.len() - 2]
                && !matches!(b[b.len() - 1], b'l' | b's' | b'e')
                && try_two(buf, &s[..s.len() - 1], "")
            {
                return;
            }
            if try_two(buf, s, "e") || try_two(buf, s, "") {
                return;
            }
        }
    }
    if let Some(s) = strip("d") {
        try_two(buf, s, "");
    }
}

/// Whether a verb stem takes "-es" in the third person singular.
fn takes_es(stem: &str) -> bool {
    ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|end| stem.ends_with(end))
}

/// The singular of a noun.
pub fn noun_lemma(word: &str) -> String {
    lemma_with(word, noun_lemma_of).into_owned()
}

/// [`noun_lemma`], borrowing the word or a table entry where it can.
pub fn noun_lemma_cow(word: &str) -> Cow<'_, str> {
    lemma_with(word, noun_lemma_of)
}

/// [`noun_lemma`] of an already lower-cased word.
fn noun_lemma_of(w: &str) -> Cow<'_, str> {
    if let Some(l) = tables().noun_exc.get(w) {
        return Cow::Borrowed(l);
    }
    if w.ends_with("ss") || w.ends_with("is") || w.ends_with("us") || w.len() <= 3 {
        return Cow::Borrowed(w);
    }
    if let Some(s) = w.strip_suffix("ies") {
        return Cow::Owned(format!("{s}y"));
    }
    for suf in ["ches", "shes", "xes", "sses"] {
        if let Some(s) = w.strip_suffix(suf) {
            return Cow::Owned(format!("{s}{}", &suf[..suf.len() - 2]));
        }
    }
    Cow::Borrowed(w.strip_suffix('s').unwrap_or(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The borrowing forms give the same lemmas as the owning ones.
    #[test]
    fn cow_lemmas_match_string_lemmas() {
        for w in [
            "urged", "was", "Has", "carries", "pledges", "stopped", "met", "held", "ca", "x", "",
            "Ödem", "churches", "boxes", "crises", "bus", "cats", "men", "analyses", "IES", "bies",
            "s",
        ] {
            assert_eq!(verb_lemma_cow(w), verb_lemma(w), "{w}");
            assert_eq!(noun_lemma_cow(w), noun_lemma(w), "{w}");
        }
    }

    /// The walk yields the rule-based base forms, most likely first, in
    /// this order (the order decides which form the lexicon is asked first).
    #[test]
    fn candidate_walk_yields_base_forms_in_order() {
        let expected: &[(&str, &[&str])] = &[
            ("carries", &["carry", "carrie"]),
            ("pledges", &["pledge"]),
            ("pushes", &["push", "pushe"]),
            ("vetoes", &["veto", "vetoe"]),
            ("stopped", &["stop", "stoppe", "stopp", "stoppe"]),
            ("signing", &["signe", "sign"]),
            ("agreed", &["agree", "agre", "agree"]),
            ("tied", &["tie", "ti", "tie"]),
            ("used", &["use", "us", "use"]),
            ("runs", &["run"]),
            ("hissed", &["hisse", "hiss", "hisse"]),
            ("ed", &[]),
            ("abcing", &["abce", "abc"]),
            ("callled", &["callle", "calll", "callle"]),
            ("d", &[]),
            ("zzd", &["zz"]),
            ("añed", &["añe", "añ", "añe"]),
            ("ss", &[]),
            ("", &[]),
        ];
        for (w, want) in expected {
            let mut walked = Vec::new();
            each_candidate(w, &mut String::new(), |c| {
                walked.push(c.to_string());
                false
            });
            assert_eq!(walked, *want, "{w}");
        }
    }

    #[test]
    fn verbs() {
        for (form, lemma) in [
            ("urged", "urge"),
            ("agreed", "agree"),
            ("proposed", "propose"),
            ("held", "hold"),
            ("praised", "praise"),
            ("met", "meet"),
            ("stopped", "stop"),
            ("signing", "sign"),
            ("carries", "carry"),
            ("pledges", "pledge"),
            ("attacked", "attack"),
            ("was", "be"),
            ("highlighted", "highlight"),
            ("expressing", "express"),
            ("noted", "note"),
            ("said", "say"),
            ("affirmed", "affirm"),
            ("emphasised", "emphasise"),
            ("visited", "visit"),
            ("n't", "n't"),
            ("taxes", "tax"),
            ("decides", "decide"),
            ("goes", "go"),
            // Not English: "-es" after "t" is a misspelling, not "depart".
            ("departes", "departe"),
        ] {
            assert_eq!(verb_lemma(form), lemma, "{form}");
        }
    }

    #[test]
    fn non_ascii_words_never_panic() {
        // Found by the pipeline fuzz test: a doubled last *byte* inside a
        // multi-byte character was cut as if it were a doubled consonant.
        for w in [
            "\u{1e7ee}\u{122cb}ed",
            "\u{122cb}\u{122cb}ing",
            "caf\u{e9}\u{e9}ed",
            "ééd",
        ] {
            let _ = verb_lemma(w);
            let _ = noun_lemma(w);
        }
    }

    #[test]
    fn nouns() {
        assert_eq!(noun_lemma("partners"), "partner");
        assert_eq!(noun_lemma("talks"), "talk");
        assert_eq!(noun_lemma("countries"), "country");
        assert_eq!(noun_lemma("men"), "man");
        assert_eq!(noun_lemma("crisis"), "crisis");
    }
}
