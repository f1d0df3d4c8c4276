//! The weights file: compact binary. Written raw (gzip saves only ~15% on
//! hashed keys and quantised weights, and costs ~50 ms at start-up), but
//! gzip-compressed files are accepted too.
//!
//! Layout (little-endian), after optional gzip:
//! ```text
//! MAGIC (8 bytes) | n_classes u32 | scale f32
//! n_dict u32  | n_dict × (key u32, class u8)
//! n_feat u32  | n_feat × (key u32, n_entries u8)
//! then, for each feature in order, n_entries × (class u8, weight i16)
//! n_lower u32 | n_lower × key u32   (lower-case words common in training)
//! n_lex u32   | n_lex × (key u32, class u8)   (Penn lexicon, exact forms)
//! n_feat2 u32 | headers and entries as above    (second pass; 0 = none)
//! ```
//! The last two sections exist from version 5 (`DYADTAG5`) on; a version-4
//! file (`DYADTAG4`) ends after the word list and is written whenever a
//! model has neither lexicon nor second pass, so such models stay
//! byte-compatible with older readers.
//! Weights are the averaged perceptron weights times `scale`, rounded to
//! i16; tiny weights are pruned at export, which keeps the file small.
//! Keys are the low 32 bits of the 64-bit feature hashes ([`short_key`]):
//! with ~10^6 features a handful collide, which costs nothing measurable and
//! halves the key storage.

use crate::features::N_CLASSES;
use crate::TagError;
use std::io::Read;

pub(crate) const MAGIC: &[u8; 8] = b"DYADTAG5";
/// One-pass models without a lexicon.
pub(crate) const MAGIC_V4: &[u8; 8] = b"DYADTAG4";

/// The 32-bit table key of a 64-bit feature hash (never 0: 0 marks an
/// empty slot).
#[inline]
pub(crate) fn short_key(h: u64) -> u32 {
    let k = h as u32;
    if k == 0 {
        1
    } else {
        k
    }
}

/// Open-addressing hash table from (already hashed) u32 keys to u32 values.
/// Key 0 marks an empty slot, so keys must be non-zero. Key and value share
/// one 8-byte slot so a lookup touches one cache line.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    slots: Vec<(u32, u32)>,
    mask: usize,
}

impl Table {
    pub(crate) fn with_capacity(n: usize) -> Table {
        let cap = (n.max(4) * 2).next_power_of_two();
        Table {
            slots: vec![(0, 0); cap],
            mask: cap - 1,
        }
    }

    /// Insert; returns false if the key was present (value replaced).
    pub(crate) fn insert(&mut self, key: u32, value: u32) -> bool {
        let mut i = (key as usize) & self.mask;
        loop {
            let slot = &mut self.slots[i];
            if slot.0 == 0 {
                *slot = (key, value);
                return true;
            }
            if slot.0 == key {
                slot.1 = value;
                return false;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Every `(key, value)` pair, in slot order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.slots.iter().copied().filter(|(k, _)| *k != 0)
    }

    #[inline]
    pub(crate) fn get(&self, key: u32) -> Option<u32> {
        let mut i = (key as usize) & self.mask;
        loop {
            let (k, v) = *self.slots.get(i)?;
            if k == key {
                return Some(v);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// Weights ready for scoring.
#[derive(Debug, Clone)]
pub(crate) struct Weights {
    /// Feature key → `start | len << 26` into `entries`.
    pub features: Table,
    /// Packed `(weight as u16) << 8 | class`.
    pub entries: Vec<u32>,
    /// Word (exact) → class, for frequent unambiguous words.
    pub dict: Table,
    /// Lower-case words (short keys of their hash) common in training.
    pub lower: Table,
    /// Penn lexicon: exact-form key → class (see `features::TokenInfo::lex`).
    pub lexicon: Table,
    /// Second-pass weights (features see the first pass's right-hand tags).
    pub second: Option<(Table, Vec<u32>)>,
    /// Whether the lexicon features are in use (the lexicon is non-empty).
    pub has_lexicon: bool,
    /// Quantisation scale of the weights (for averaging models).
    pub scale: f32,
    pub n_features: usize,
    pub n_dict: usize,
}

const LEN_SHIFT: u32 = 26;
const START_MASK: u32 = (1 << LEN_SHIFT) - 1;

impl Weights {
    #[inline]
    pub(crate) fn add_scores(&self, key: u32, scores: &mut [i32; 48]) {
        add_row(&self.features, &self.entries, key, scores);
    }
}

#[inline]
pub(crate) fn add_row(features: &Table, entries: &[u32], key: u32, scores: &mut [i32; 48]) {
    if let Some(v) = features.get(key) {
        let start = (v & START_MASK) as usize;
        let len = (v >> LEN_SHIFT) as usize;
        if let Some(row) = entries.get(start..start + len) {
            for &e in row {
                let class = (e & 0xff) as usize;
                let w = i32::from((e >> 8) as u16 as i16);
                scores[class.min(47)] += w;
            }
        }
    }
}

/// One feature's row as written: `(key, [(class, weight)])`.
pub(crate) type Row = (u32, Vec<(u8, i16)>);
/// Feature rows as written.
pub(crate) type Rows = [Row];

fn write_rows(out: &mut Vec<u8>, features: &Rows) {
    out.extend_from_slice(&(features.len() as u32).to_le_bytes());
    for (k, row) in features {
        out.extend_from_slice(&k.to_le_bytes());
        out.push(row.len().min(255) as u8);
    }
    for (_, row) in features {
        for (c, w) in row.iter().take(255) {
            out.push(*c);
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
}

/// Serialize trained weights. `features` rows are `(class, weight)` lists.
pub(crate) fn write(
    scale: f32,
    dict: &[(u32, u8)],
    features: &[(u32, Vec<(u8, i16)>)],
    lower: &[u32],
    lexicon: &[(u32, u8)],
    second: &Rows,
) -> Vec<u8> {
    let v5 = !lexicon.is_empty() || !second.is_empty();
    let mut out = Vec::new();
    out.extend_from_slice(if v5 { MAGIC } else { MAGIC_V4 });
    out.extend_from_slice(&(N_CLASSES as u32).to_le_bytes());
    out.extend_from_slice(&scale.to_le_bytes());
    out.extend_from_slice(&(dict.len() as u32).to_le_bytes());
    for (k, c) in dict {
        out.extend_from_slice(&k.to_le_bytes());
        out.push(*c);
    }
    write_rows(&mut out, features);
    out.extend_from_slice(&(lower.len() as u32).to_le_bytes());
    for k in lower {
        out.extend_from_slice(&k.to_le_bytes());
    }
    if v5 {
        out.extend_from_slice(&(lexicon.len() as u32).to_le_bytes());
        for (k, c) in lexicon {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(*c);
        }
        write_rows(&mut out, second);
    }
    out
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], TagError> {
        let s = self
            .bytes
            .get(self.at..self.at.saturating_add(n))
            .ok_or_else(|| TagError::Model(format!("truncated at byte {}", self.at)))?;
        self.at += n;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, TagError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, TagError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn i16(&mut self) -> Result<i16, TagError> {
        let b = self.take(2)?;
        Ok(i16::from_le_bytes([b[0], b[1]]))
    }
}

pub(crate) fn read(bytes: &[u8]) -> Result<Weights, TagError> {
    let raw;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut v = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut v)
            .map_err(|e| TagError::Model(format!("gzip: {e}")))?;
        raw = v;
        &raw[..]
    } else {
        bytes
    };
    let mut c = Cursor { bytes, at: 0 };
    let v5 = match c.take(8)? {
        m if m == MAGIC => true,
        m if m == MAGIC_V4 => false,
        _ => {
            return Err(TagError::Model(
                "bad magic (not a dyad-tags model, or an old version)".into(),
            ))
        }
    };
    let n_classes = c.u32()?;
    if n_classes as usize != N_CLASSES {
        return Err(TagError::Model(format!(
            "model has {n_classes} classes, expected {N_CLASSES}"
        )));
    }
    let scale = f32::from_le_bytes({
        let b = c.take(4)?;
        [b[0], b[1], b[2], b[3]]
    });
    let n_dict = c.u32()? as usize;
    // Every count is checked against the remaining bytes before allocating,
    // so a corrupt count cannot make us allocate gigabytes.
    if n_dict.saturating_mul(5) > bytes.len() {
        return Err(TagError::Model("dictionary count exceeds file size".into()));
    }
    let mut dict = Table::with_capacity(n_dict);
    for _ in 0..n_dict {
        let k = c.u32()?;
        let class = c.u8()?;
        if k == 0 || class as usize >= N_CLASSES {
            return Err(TagError::Model(format!(
                "bad dictionary entry at byte {}",
                c.at
            )));
        }
        dict.insert(k, u32::from(class));
    }
    let (features, entries, n_feat) = read_rows(&mut c, bytes.len())?;
    let n_lower = c.u32()? as usize;
    if n_lower.saturating_mul(4) > bytes.len() {
        return Err(TagError::Model("word count exceeds file size".into()));
    }
    let mut lower = Table::with_capacity(n_lower);
    for _ in 0..n_lower {
        let k = c.u32()?;
        if k == 0 {
            return Err(TagError::Model(format!("bad word key at byte {}", c.at)));
        }
        lower.insert(k, 1);
    }
    let n_lex = if v5 { c.u32()? as usize } else { 0 };
    if n_lex.saturating_mul(5) > bytes.len() {
        return Err(TagError::Model("lexicon count exceeds file size".into()));
    }
    let mut lexicon = Table::with_capacity(n_lex);
    for _ in 0..n_lex {
        let k = c.u32()?;
        let class = c.u8()?;
        if k == 0 || class as usize >= N_CLASSES {
            return Err(TagError::Model(format!(
                "bad lexicon entry at byte {}",
                c.at
            )));
        }
        lexicon.insert(k, u32::from(class));
    }
    let second = if v5 {
        let (features2, entries2, n_feat2) = read_rows(&mut c, bytes.len())?;
        (n_feat2 > 0).then_some((features2, entries2))
    } else {
        None
    };
    if c.at != bytes.len() {
        return Err(TagError::Model(format!(
            "{} trailing bytes",
            bytes.len() - c.at
        )));
    }
    Ok(Weights {
        features,
        entries,
        dict,
        lower,
        lexicon,
        second,
        has_lexicon: n_lex > 0,
        scale,
        n_features: n_feat,
        n_dict,
    })
}

/// One feature section (headers, then entries) → lookup table and entries.
fn read_rows(c: &mut Cursor, file_len: usize) -> Result<(Table, Vec<u32>, usize), TagError> {
    let n_feat = c.u32()? as usize;
    if n_feat.saturating_mul(5) > file_len {
        return Err(TagError::Model("feature count exceeds file size".into()));
    }
    let mut heads = Vec::with_capacity(n_feat);
    for _ in 0..n_feat {
        let k = c.u32()?;
        let n = c.u8()?;
        if k == 0 || n as usize > N_CLASSES {
            return Err(TagError::Model(format!(
                "bad feature header at byte {}",
                c.at
            )));
        }
        heads.push((k, n));
    }
    let mut features = Table::with_capacity(n_feat);
    let mut entries = Vec::new();
    for (k, n) in heads {
        let start = entries.len();
        if start > START_MASK as usize {
            return Err(TagError::Model("too many weights".into()));
        }
        for _ in 0..n {
            let class = c.u8()?;
            let w = c.i16()?;
            if class as usize >= N_CLASSES {
                return Err(TagError::Model(format!(
                    "bad class {class} at byte {}",
                    c.at
                )));
            }
            entries.push((u32::from(w as u16) << 8) | u32::from(class));
        }
        features.insert(k, start as u32 | (u32::from(n) << LEN_SHIFT));
    }
    Ok((features, entries, n_feat))
}

fn rows_of(features: &Table, entries: &[u32]) -> Result<Vec<Row>, TagError> {
    let mut rows = Vec::new();
    for (k, v) in features.iter() {
        let start = (v & START_MASK) as usize;
        let len = (v >> LEN_SHIFT) as usize;
        let row = entries
            .get(start..start + len)
            .ok_or_else(|| TagError::Model("feature row out of range".into()))?
            .iter()
            .map(|e| ((e & 0xff) as u8, (e >> 8) as u16 as i16))
            .collect();
        rows.push((k, row));
    }
    rows.sort_unstable_by_key(|(k, _)| *k);
    Ok(rows)
}

/// The first-pass feature rows of a weights file, to combine with a
/// second pass trained later (`train::train_second_pass`).
pub(crate) fn first_pass_rows(bytes: &[u8]) -> Result<Vec<Row>, TagError> {
    let w = read(bytes)?;
    rows_of(&w.features, &w.entries)
}

/// Sum two weight sections (each divided by its file's scale) and
/// re-quantise: the average of two perceptrons trained on different
/// shuffles, a cheap ensemble.
fn average_rows(a: &[Row], sa: f32, b: &[Row], sb: f32) -> Vec<Row> {
    let mut sum: std::collections::BTreeMap<u32, [f32; N_CLASSES]> = Default::default();
    for (rows, s) in [(a, sa), (b, sb)] {
        for (k, row) in rows {
            let e = sum.entry(*k).or_insert([0.0; N_CLASSES]);
            for (c, w) in row {
                if let Some(x) = e.get_mut(*c as usize) {
                    *x += f32::from(*w) / s / 2.0;
                }
            }
        }
    }
    let max = sum
        .values()
        .flat_map(|r| r.iter().map(|w| w.abs()))
        .fold(0f32, f32::max)
        .max(1e-6);
    let scale = 32767.0 / max;
    sum.into_iter()
        .filter_map(|(k, r)| {
            let row: Vec<(u8, i16)> = r
                .iter()
                .enumerate()
                .map(|(c, w)| (c as u8, (w * scale).round() as i16))
                .filter(|(_, q)| *q != 0)
                .collect();
            (!row.is_empty()).then_some((k, row))
        })
        .collect()
}

/// Average two models trained on the same corpus (same dictionary, word
/// list and lexicon; `a`'s are kept).
pub(crate) fn average(a: &[u8], b: &[u8]) -> Result<Vec<u8>, TagError> {
    let (wa, wb) = (read(a)?, read(b)?);
    let (sa, sb) = (wa.scale.max(1e-9), wb.scale.max(1e-9));
    let first = average_rows(
        &rows_of(&wa.features, &wa.entries)?,
        sa,
        &rows_of(&wb.features, &wb.entries)?,
        sb,
    );
    let second = match (&wa.second, &wb.second) {
        (Some((ta, ea)), Some((tb, eb))) => {
            average_rows(&rows_of(ta, ea)?, sa, &rows_of(tb, eb)?, sb)
        }
        (None, None) => Vec::new(),
        _ => {
            return Err(TagError::Model(
                "one model has a second pass, the other not".into(),
            ))
        }
    };
    let mut dict: Vec<(u32, u8)> = wa.dict.iter().map(|(k, c)| (k, c as u8)).collect();
    dict.sort_unstable();
    let mut lower: Vec<u32> = wa.lower.iter().map(|(k, _)| k).collect();
    lower.sort_unstable();
    let mut lexicon: Vec<(u32, u8)> = wa.lexicon.iter().map(|(k, c)| (k, c as u8)).collect();
    lexicon.sort_unstable();
    Ok(write(1.0, &dict, &first, &lower, &lexicon, &second))
}
