//! Feature extraction shared by training and tagging.
//!
//! Features are 64-bit hashes built from per-token hashes computed once per
//! sentence, so tagging never builds a `String` per token. Training and
//! tagging must hash identically: any change here invalidates shipped weights
//! (bump `model::MAGIC` when that happens; version-4 files, without
//! lexicon and second pass, still load and tag as they always did).

/// Number of tag classes (`Tag::ALL`).
pub(crate) const N_CLASSES: usize = 47;
/// Pseudo-classes used as history before the sentence start.
pub(crate) const START1: u8 = 60;
pub(crate) const START2: u8 = 61;
/// Pseudo-classes for first-pass tags past the sentence end.
pub(crate) const END1: u8 = 62;
pub(crate) const END2: u8 = 63;

/// Hashes of one token's surface forms.
#[derive(Clone, Copy, Default, Debug)]
pub(crate) struct TokenInfo {
    pub exact: u64,
    pub lower: u64,
    pub suf1: u64,
    pub suf2: u64,
    pub suf3: u64,
    pub suf4: u64,
    pub pre1: u64,
    pub pre2: u64,
    pub pre3: u64,
    pub shape: u64,
    /// Lower-case last piece of a hyphenated compound, 0 when none.
    pub hyphen_last: u64,
    /// Lower-case first piece of a hyphenated compound, 0 when none.
    pub hyphen_first: u64,
    /// For a capitalised word: 2 if its lower-case form was common in
    /// training (a sentence-initial or title-case common word), 1 if not
    /// (likely a name); 0 for other words. Filled by `token_infos`.
    pub case_evidence: u64,
    /// Tag of the word in the Penn lexicon folded into the model, plus one
    /// (`LEX_NONE` when absent). Filled by `token_infos`.
    pub lex: u64,
}

/// `TokenInfo::lex` of a word the lexicon does not list.
pub(crate) const LEX_NONE: u64 = 200;

const SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// Murmur3's 64-bit finaliser: spreads bits so the open-addressing table
/// can use the low bits directly.
#[inline]
pub(crate) fn fmix(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

#[inline]
fn mix(a: u64, b: u64) -> u64 {
    fmix(a.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ b.rotate_left(29) ^ 0x5bd1_e995)
}

/// FNV-1a over bytes, optionally ASCII-lower-cased, then finalised.
#[inline]
pub(crate) fn hash_bytes(bytes: &[u8], lower: bool, tag: u64) -> u64 {
    let mut h = SEED ^ tag.wrapping_mul(0x1000_0000_01b3);
    for &b in bytes {
        let b = if lower { b.to_ascii_lowercase() } else { b };
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    fmix(h)
}

fn is_number(b: &[u8]) -> bool {
    b.first().is_some_and(|c| c.is_ascii_digit())
        && b.iter()
            .all(|c| c.is_ascii_digit() || matches!(c, b',' | b'.' | b'-' | b'/' | b':'))
}

fn shape_of(word: &str) -> u64 {
    let mut bits = 0u64;
    let mut letters = 0usize;
    let mut upper = 0usize;
    let mut alnum = false;
    for (i, c) in word.chars().enumerate() {
        if c.is_alphabetic() {
            letters += 1;
            alnum = true;
            if c.is_uppercase() {
                upper += 1;
                if i == 0 {
                    bits |= 1;
                }
            } else {
                bits |= 1 << 5;
            }
        } else if c.is_numeric() {
            bits |= 1 << 2;
            alnum = true;
        } else if c == '-' && i > 0 {
            bits |= 1 << 3;
        } else if c == '.' {
            bits |= 1 << 4;
        } else if c == '\'' {
            bits |= 1 << 9;
        }
    }
    if letters >= 2 && upper == letters {
        bits |= 1 << 1;
    }
    if !alnum {
        bits |= 1 << 6;
    }
    match word.chars().count() {
        1 => bits |= 1 << 7,
        2..=3 => bits |= 1 << 8,
        _ => {}
    }
    bits | 0x1_0000
}

/// The byte index where the last `n` chars of `s` begin.
fn last_chars(s: &str, n: usize) -> &[u8] {
    let start = s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &s.as_bytes()[start..]
}

fn first_chars(s: &str, n: usize) -> &[u8] {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s.as_bytes()[..end]
}

impl TokenInfo {
    pub(crate) fn new(word: &str) -> TokenInfo {
        let b = word.as_bytes();
        let lower = if is_number(b) {
            let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
            if digits == 4 && b.len() == 4 {
                hash_bytes(b"!YEAR", false, 99)
            } else {
                hash_bytes(b"!NUM", false, 99)
            }
        } else {
            hash_bytes(b, true, 1)
        };
        let (hyphen_first, hyphen_last) = match (word.find('-'), word.rfind('-')) {
            (Some(f), Some(l)) if f > 0 && l + 1 < word.len() => (
                hash_bytes(&b[..f], true, 12),
                hash_bytes(&b[l + 1..], true, 13),
            ),
            _ => (0, 0),
        };
        TokenInfo {
            exact: hash_bytes(b, false, 2),
            lower,
            suf1: hash_bytes(last_chars(word, 1), true, 3),
            suf2: hash_bytes(last_chars(word, 2), true, 4),
            suf3: hash_bytes(last_chars(word, 3), true, 5),
            suf4: hash_bytes(last_chars(word, 4), true, 6),
            pre1: hash_bytes(first_chars(word, 1), false, 7),
            pre2: hash_bytes(first_chars(word, 2), true, 8),
            pre3: hash_bytes(first_chars(word, 3), true, 9),
            shape: shape_of(word),
            hyphen_last,
            hyphen_first,
            case_evidence: 0,
            lex: LEX_NONE,
        }
    }

    /// Padding for positions before the start / after the end.
    pub(crate) fn pad(which: u64) -> TokenInfo {
        let h = fmix(which.wrapping_add(0x77));
        TokenInfo {
            exact: h,
            lower: h,
            suf1: h,
            suf2: h,
            suf3: h,
            suf4: h,
            pre1: h,
            pre2: h,
            pre3: h,
            shape: h,
            hyphen_last: 0,
            hyphen_first: 0,
            case_evidence: 5,
            lex: 300 + which,
        }
    }
}

/// Key of a word's ASCII-lower-cased form in the same space as
/// `TokenInfo::exact`, for lexicon look-ups of capitalised words.
pub(crate) fn lexicon_lower_key(word: &str) -> u64 {
    hash_bytes(word.as_bytes(), true, 2)
}

/// Positions in the feature list of the features built from the word's own
/// identity (exact, lower-case, prev-tag+word, word+first); see `features`.
pub(crate) const WORD_IDENTITY: [usize; 4] = [1, 2, 15, 27];
/// Stands in for a hidden feature during word dropout (never in the model).
pub(crate) const DROPPED: u64 = 0x5eed_0000_0000_0001;

/// Maximum number of features per token.
pub(crate) const MAX_FEATURES: usize = 48;

/// Fill `out` with the feature keys of token `i` (never 0, which marks an
/// empty table slot). `infos` holds two pads on each side: token `i` is at
/// `infos[i + 2]`.
#[inline]
pub(crate) fn features(
    infos: &[TokenInfo],
    i: usize,
    p1: u8,
    p2: u8,
    lexicon: bool,
    right: Option<(u8, u8)>,
    out: &mut [u64; MAX_FEATURES],
) -> usize {
    let c = i + 2;
    let (m2, m1, w, n1, n2) = (
        &infos[c - 2],
        &infos[c - 1],
        &infos[c],
        &infos[c + 1],
        &infos[c + 2],
    );
    let first = u64::from(i == 0);
    let (t1, t2) = (u64::from(p1), u64::from(p2));
    let mut n = 0usize;
    let mut push = |kind: u64, a: u64, b: u64| {
        let k = mix(kind, mix(a, b));
        out[n] = if k == 0 { 1 } else { k };
        n += 1;
    };
    push(1, 0, 0); // bias
    push(2, w.exact, 0);
    push(3, w.lower, 0);
    push(4, w.suf1, 0);
    push(5, w.suf2, 0);
    push(6, w.suf3, 0);
    push(7, w.suf4, 0);
    push(8, w.pre1, 0);
    push(9, w.pre2, 0);
    push(10, w.pre3, 0);
    push(11, w.shape, 0);
    push(12, w.shape, first);
    push(13, t1, 0);
    push(14, t2, 0);
    push(15, t1, t2);
    push(16, t1, w.lower);
    push(17, m1.lower, 0);
    push(18, m1.suf3, 0);
    push(19, m2.lower, 0);
    push(20, n1.lower, 0);
    push(21, n1.suf3, 0);
    push(22, n2.lower, 0);
    push(23, w.lower, n1.lower);
    push(24, m1.lower, w.lower);
    push(25, n1.shape, 0);
    push(26, m1.shape, w.shape);
    push(27, t1, w.suf3);
    push(28, w.exact, first);
    push(31, w.case_evidence, first);
    push(
        32,
        w.case_evidence,
        m1.case_evidence ^ (n1.case_evidence << 4),
    );
    // Penn lexicon (Brill's WSJ/Brown word list), when the model has one:
    // a WSJ prior for words the silver corpus rarely or never shows.
    if lexicon {
        push(33, w.lex, 0);
        push(34, m1.lex, 0);
        push(35, n1.lex, 0);
        push(36, w.lex, n1.lex);
        push(37, t1, w.lex);
    }
    // Second pass: the first pass's tags of the next two words, the
    // right-hand context a greedy left-to-right tagger otherwise lacks.
    if let Some((r1, r2)) = right {
        let (r1, r2) = (u64::from(r1), u64::from(r2));
        push(40, r1, 0);
        push(41, r1, r2);
        push(42, t1, r1);
        push(43, w.lower, r1);
        push(44, w.suf3, r1);
    }
    if w.hyphen_last != 0 {
        push(29, w.hyphen_last, 0);
        push(30, w.hyphen_first, 0);
    }
    n
}
