//! The CAMEO codebook dyad pins, and its PLOVER mapping.
//!
//! Goldstein values come from `data/cameo-codes.tsv`, converted from the
//! andybega/icews `cameo-codes.csv` (MIT). Sources disagree on a few values
//! (GDELT's lookup gives 016 = -2.0 where this table gives -5.0); pinning one
//! table and naming it is what makes scores comparable across runs.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

const CAMEO_TSV: &str = include_str!("../data/cameo-codes.tsv");
const PLOVER_TSV: &str = include_str!("../data/cameo2plover.tsv");

/// ICEWS/GDELT quad class of a CAMEO root.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuadClass {
    VerbalCooperation = 1,
    MaterialCooperation = 2,
    VerbalConflict = 3,
    MaterialConflict = 4,
}

impl QuadClass {
    /// Roots 01–05 verbal cooperation, 06–08 material cooperation, 09–13
    /// verbal conflict, 14–20 material conflict.
    pub fn of_root(root: u8) -> Option<QuadClass> {
        match root {
            1..=5 => Some(QuadClass::VerbalCooperation),
            6..=8 => Some(QuadClass::MaterialCooperation),
            9..=13 => Some(QuadClass::VerbalConflict),
            14..=20 => Some(QuadClass::MaterialConflict),
            _ => None,
        }
    }
    pub fn number(&self) -> u8 {
        *self as u8
    }
}

/// One CAMEO code of the pinned table.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoEntry {
    pub code: String,
    pub root: String,
    pub goldstein: f64,
    pub name: String,
}

/// PLOVER `event`, `mode`, `context` for a CAMEO code.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PloverMapping {
    pub event: String,
    pub mode: String,
    pub context: String,
}

/// The pinned CAMEO table with its PLOVER mapping, parsed once.
#[derive(Debug)]
pub struct CameoTable {
    codes: HashMap<String, CameoEntry>,
    plover: HashMap<String, PloverMapping>,
}

impl CameoTable {
    /// The table compiled into the binary.
    pub fn get() -> &'static CameoTable {
        static TABLE: OnceLock<CameoTable> = OnceLock::new();
        TABLE.get_or_init(|| CameoTable::parse(CAMEO_TSV, PLOVER_TSV))
    }

    fn parse(cameo: &'static str, plover: &'static str) -> CameoTable {
        let rows = |text: &'static str| {
            text.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .map(|l| l.split('\t').collect::<Vec<_>>())
        };
        // The data files are ours and checked by tests, so a short row is a
        // build defect; skip rather than panic at run time.
        let codes = rows(cameo)
            .filter(|f| f.len() >= 4)
            .map(|f| {
                let e = CameoEntry {
                    code: f[0].to_string(),
                    root: f[1].to_string(),
                    goldstein: f[2].parse().unwrap_or(0.0),
                    name: f[3].to_string(),
                };
                (e.code.clone(), e)
            })
            .collect();
        let plover = rows(plover)
            .filter(|f| f.len() >= 2)
            .map(|f| {
                let get = |i: usize| f.get(i).map(|s| s.trim().to_string()).unwrap_or_default();
                (
                    f[0].to_string(),
                    PloverMapping {
                        event: get(1),
                        mode: get(2),
                        context: get(3),
                    },
                )
            })
            .collect();
        CameoTable { codes, plover }
    }

    /// The entry for `code`; a code the table lacks ("0831" variants some
    /// dictionaries use) falls back to its longest known prefix.
    pub fn entry(&self, code: &str) -> Option<&CameoEntry> {
        (2..=code.len())
            .rev()
            .find_map(|n| code.get(..n).and_then(|p| self.codes.get(p)))
    }

    /// Whether `code` is in the table exactly.
    pub fn contains(&self, code: &str) -> bool {
        self.codes.contains_key(code)
    }

    pub fn goldstein(&self, code: &str) -> Option<f64> {
        self.entry(code).map(|e| e.goldstein)
    }

    /// The two-digit root of a code (`"0431"` → `"04"`).
    pub fn root(code: &str) -> &str {
        code.get(..2).unwrap_or(code)
    }

    pub fn quad_class(code: &str) -> Option<QuadClass> {
        Self::root(code)
            .parse::<u8>()
            .ok()
            .and_then(QuadClass::of_root)
    }

    /// PLOVER mapping by the longest prefix of `code` the table has; mode and
    /// context are only inherited when the matched row is the code itself or
    /// its direct parent, so a root never lends its children's details.
    pub fn plover(&self, code: &str) -> Option<&PloverMapping> {
        (2..=code.len())
            .rev()
            .find_map(|n| code.get(..n).and_then(|p| self.plover.get(p)))
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_every_root_and_known_values() {
        let t = CameoTable::get();
        assert!(t.len() >= 300, "only {} codes", t.len());
        for r in 1..=20 {
            assert!(t.contains(&format!("{r:02}")), "root {r:02} missing");
        }
        assert_eq!(t.goldstein("040"), Some(1.0));
        assert_eq!(t.goldstein("190"), Some(-10.0));
        // Pinned table, not GDELT's: 016 is -5.0 here.
        assert_eq!(t.goldstein("016"), Some(-5.0));
    }

    #[test]
    fn quad_classes_follow_roots() {
        assert_eq!(
            CameoTable::quad_class("042"),
            Some(QuadClass::VerbalCooperation)
        );
        assert_eq!(
            CameoTable::quad_class("0711"),
            Some(QuadClass::MaterialCooperation)
        );
        assert_eq!(
            CameoTable::quad_class("112"),
            Some(QuadClass::VerbalConflict)
        );
        assert_eq!(
            CameoTable::quad_class("190"),
            Some(QuadClass::MaterialConflict)
        );
        assert_eq!(CameoTable::quad_class("21"), None);
    }

    #[test]
    fn plover_maps_by_prefix() {
        let t = CameoTable::get();
        assert_eq!(t.plover("042").unwrap().event, "CONSULT");
        assert_eq!(t.plover("042").unwrap().mode, "visit");
        assert_eq!(t.plover("0874").unwrap().event, "RETREAT");
        assert!(t.plover("051").is_some());
    }
}
