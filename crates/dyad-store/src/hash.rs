//! Stable hashes and MinHash signatures. Everything here is persisted in the
//! store, so it must never change between builds: no `DefaultHasher`
//! (its algorithm is not guaranteed stable), only fixed, spelled-out math.

/// Lowercased alphanumeric words joined by single spaces: what "the same
/// text" means for duplicate detection (case, punctuation and spacing
/// differences do not make a new document).
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// FNV-1a, 128 bits: stable, dependency-free, and wide enough that an
/// accidental collision among billions of documents is not a concern.
pub fn fnv128(bytes: &[u8]) -> u128 {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    let mut h = OFFSET;
    for &b in bytes {
        h ^= u128::from(b);
        h = h.wrapping_mul(PRIME);
    }
    h
}

/// `fnv128` as 32 lowercase hex digits (how hashes are stored).
pub fn hex128(bytes: &[u8]) -> String {
    format!("{:032x}", fnv128(bytes))
}

/// FNV-1a, 64 bits, for shingles and LSH buckets.
pub fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// SplitMix64's finaliser: turns one shingle hash into many independent-
/// looking ones (one per MinHash permutation) cheaply.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
    z ^ (z >> 31)
}

/// Number of MinHash values per signature.
pub const SIGNATURE_LEN: usize = 64;
/// LSH banding: 16 bands of 4 rows. Two documents become candidates when one
/// band matches; the probability is 1-(1-J^4)^16, i.e. about 0.5 at J = 0.5
/// and over 0.99 at J = 0.8, so true near-duplicates are found and
/// unrelated stories rarely compared.
pub const BANDS: usize = 16;
pub const ROWS: usize = SIGNATURE_LEN / BANDS;
/// Words per shingle. Four words keep shared template phrases ("said in a
/// statement") from making unrelated stories look alike.
pub const SHINGLE_WORDS: usize = 4;
/// Fewer shingles than this and a text is too short to call a near-duplicate
/// with any confidence: only exact duplicates are detected for it.
pub const MIN_SHINGLES: usize = 8;
/// Estimated Jaccard similarity from which a story is a near-duplicate.
pub const NEAR_DUPLICATE_JACCARD: f64 = 0.7;

/// A MinHash signature over word shingles of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub [u64; SIGNATURE_LEN]);

impl Signature {
    /// `None` when the text has fewer than [`MIN_SHINGLES`] shingles.
    pub fn of_text(text: &str) -> Option<Signature> {
        let norm = normalise(text);
        let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
        if words.len() < SHINGLE_WORDS + MIN_SHINGLES - 1 {
            return None;
        }
        let mut sig = [u64::MAX; SIGNATURE_LEN];
        for window in words.windows(SHINGLE_WORDS) {
            let h = fnv64(window.join(" ").as_bytes());
            for (i, slot) in sig.iter_mut().enumerate() {
                let v = mix(h ^ mix(i as u64 + 1));
                if v < *slot {
                    *slot = v;
                }
            }
        }
        Some(Signature(sig))
    }

    /// Fraction of equal positions: an unbiased estimate of the Jaccard
    /// similarity of the two shingle sets.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let same = self
            .0
            .iter()
            .zip(other.0.iter())
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / SIGNATURE_LEN as f64
    }

    /// One bucket id per band.
    pub fn bands(&self) -> [i64; BANDS] {
        let mut out = [0i64; BANDS];
        for (b, slot) in out.iter_mut().enumerate() {
            let mut bytes = Vec::with_capacity(ROWS * 8);
            for v in &self.0[b * ROWS..(b + 1) * ROWS] {
                bytes.extend_from_slice(&v.to_le_bytes());
            }
            *slot = fnv64(&bytes) as i64;
        }
        out
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// `None` for a blob of the wrong size (a damaged or foreign row).
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() != SIGNATURE_LEN * 8 {
            return None;
        }
        let mut sig = [0u64; SIGNATURE_LEN];
        for (i, chunk) in bytes.chunks_exact(8).enumerate() {
            let mut a = [0u8; 8];
            a.copy_from_slice(chunk);
            sig[i] = u64::from_le_bytes(a);
        }
        Some(Signature(sig))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn normalise_folds_case_punctuation_and_space() {
        assert_eq!(
            normalise("  Hello,  World!\n-- Again "),
            "hello world again"
        );
        assert_eq!(normalise(""), "");
    }

    #[test]
    fn hashes_are_pinned() {
        // Persisted values: a change here would orphan every stored hash.
        assert_eq!(hex128(b""), "6c62272e07bb014262b821756295c58d");
        assert_eq!(fnv64(b"a"), 0xaf63dc4c8601ec8c);
    }

    fn story(words: usize, seed: u64) -> String {
        (0..words)
            .map(|i| format!("w{}", mix(seed * 1000 + i as u64) % 5000))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn edited_story_is_similar_and_unrelated_is_not() {
        let a = story(300, 1);
        let mut words: Vec<String> = a.split(' ').map(String::from).collect();
        for w in words.iter_mut().skip(100).take(15) {
            *w = "changed".into();
        }
        let b = words.join(" ");
        let c = story(300, 2);
        let (sa, sb, sc) = (
            Signature::of_text(&a).unwrap(),
            Signature::of_text(&b).unwrap(),
            Signature::of_text(&c).unwrap(),
        );
        assert!(
            sa.similarity(&sb) >= NEAR_DUPLICATE_JACCARD,
            "{}",
            sa.similarity(&sb)
        );
        assert!(sa.similarity(&sc) < 0.2, "{}", sa.similarity(&sc));
        assert!(sa
            .bands()
            .iter()
            .zip(sb.bands().iter())
            .any(|(x, y)| x == y));
    }

    #[test]
    fn short_text_has_no_signature() {
        assert!(Signature::of_text("China and Kenya held talks.").is_none());
    }

    proptest! {
        #[test]
        fn signature_round_trips_and_is_self_similar(text in "[a-z ]{0,400}") {
            if let Some(s) = Signature::of_text(&text) {
                prop_assert_eq!(Signature::from_bytes(&s.to_bytes()), Some(s.clone()));
                prop_assert!((s.similarity(&s) - 1.0).abs() < 1e-9);
            }
            let n = normalise(&text);
            prop_assert_eq!(normalise(&n), n.clone());
        }
    }
}
