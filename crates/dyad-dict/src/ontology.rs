//! UD-PETRARCH's internal coding ontology (PICO, `*Coding.Ontology*.txt`):
//! each CAMEO code as a hexadecimal composition of what is done, and for a
//! few codes what their *negation* means.
//!
//! dyad uses the file for one thing: negation. By default a negated verb
//! ("did not criticise") codes nothing; a dictionary set that ships an
//! ontology says instead what the negation is — `110:0x1007f#0xFFFF+0x0080`
//! reads "disapprove (110), negated, is diplomatic cooperation (0x0080 =
//! 050)". The coder follows the dictionaries it was given.
//!
//! Line format: `CODE:HEX[#FIELD]...`; a field of `0x…` terms joined by `+`
//! that includes `0xFFFF` is the negation (the other term, read back to a
//! CAMEO code through the table); other fields are names or comments.
//! `#` at the start of a line is a comment; `---:0` is the null code.

use std::collections::HashMap;

use crate::error::{Diag, DictError, DictWarning};
use crate::source::DictionaryFile;

/// The negation part of a coding ontology.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodingOntology {
    /// CAMEO code → the CAMEO code its negation is coded as.
    pub negation: HashMap<String, String>,
    /// Hex value → the first CAMEO code given it (for reading negations back).
    by_value: HashMap<i64, String>,
    /// Every (code, value) with a single-term value, in file order.
    values: Vec<(String, i64)>,
    /// Negations whose value no code had yet when read: (code, value, line).
    pending: Vec<(String, i64, usize)>,
    /// Rejections defined as a negation (`121:-0xFFFF+0x0070`): (code, value
    /// negated). Resolved at the end of each file; a value no code has is
    /// not an error (PICO defines 125–129 over values of its own).
    rejections: Vec<(String, i64)>,
}

impl CodingOntology {
    /// The code a negated `code` stands for, if the ontology says.
    pub fn negated(&self, code: &str) -> Option<&str> {
        self.negation.get(code).map(String::as_str)
    }

    /// `121:-0xFFFF+0x0070` reads "rejecting material cooperation is
    /// negated material cooperation": every code of value 0x0070 (060),
    /// negated, is 121 — unless an explicit negation field said otherwise.
    /// Values masked with 0x300 ("122:-0xFFFF+0x2040+0x300") are kept apart
    /// by PICO on purpose and have two terms, so they are not read here.
    fn resolve_rejections(&mut self) {
        for (code, value) in std::mem::take(&mut self.rejections) {
            let negated: Vec<String> = self
                .values
                .iter()
                .filter(|(_, v)| *v == value)
                .map(|(c, _)| c.clone())
                .collect();
            for n in negated {
                self.negation.entry(n).or_insert_with(|| code.clone());
            }
        }
    }

    fn resolve_pending(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        for (code, value, line) in pending {
            match self.by_value.get(&value) {
                Some(target) => {
                    self.negation.insert(code, target.clone());
                }
                None => self.pending.push((code, value, line)),
            }
        }
    }
}

/// One `0x…` term, possibly negative.
fn hex_term(t: &str) -> Option<i64> {
    let t = t.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(b) => (true, b.trim()),
        None => (false, t),
    };
    let digits = body
        .strip_prefix("0x")
        .or_else(|| body.strip_prefix("0X"))?;
    if digits.is_empty() || digits.len() > 12 {
        return None;
    }
    let v = i64::from_str_radix(digits, 16).ok()?;
    Some(if neg { -v } else { v })
}

/// A field made only of hex terms joined by `+` or `-` ("0x1000-0xFFFF").
fn hex_terms(field: &str) -> Option<Vec<i64>> {
    let f = field.trim();
    if f.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in f.char_indices() {
        if (c == '+' || c == '-') && i > start {
            out.push(hex_term(&f[start..i])?);
            start = if c == '+' { i + 1 } else { i };
        }
    }
    out.push(hex_term(&f[start..])?);
    Some(out)
}

const NEGATION_MARK: i64 = 0xFFFF;

impl DictionaryFile for CodingOntology {
    fn add_source_with(
        &mut self,
        src: &str,
        file: &str,
        warnings: &mut Vec<DictWarning>,
        strict: bool,
    ) -> Result<(), DictError> {
        let mut diag = Diag { file, warnings };
        for (i, raw) in src.lines().enumerate() {
            let line = i + 1;
            let t = raw.trim().trim_start_matches('\u{feff}');
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            let result = self.read_line(t, line, &diag);
            diag.recover(result, strict)?;
        }
        self.resolve_pending();
        self.resolve_rejections();
        if strict {
            if let Some((code, value, line)) = self.pending.first() {
                return Err(diag.err(
                    *line,
                    format!("negation of {code} is 0x{value:X}, which no code in the ontology has"),
                ));
            }
        }
        Ok(())
    }
}

impl CodingOntology {
    fn read_line(&mut self, t: &str, line: usize, diag: &Diag) -> Result<(), DictError> {
        let mut fields = t.split('#');
        let head = fields.next().unwrap_or_default();
        // Some lines carry a leading running number: "100:040:0xB000".
        let parts: Vec<&str> = head.split(':').map(str::trim).collect();
        let (code, value) = match parts.as_slice() {
            [code, value] => (*code, *value),
            [_, code, value] => (*code, *value),
            _ => return Err(diag.err(line, "expected CODE:HEX")),
        };
        if code != "---" && (code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit())) {
            return Err(diag.err(line, format!("`{code}` is not a CAMEO code")));
        }
        let terms = hex_terms(value)
            .or_else(|| (value == "0").then(|| vec![0]))
            .ok_or_else(|| diag.err(line, format!("`{value}` is not a hex value")))?;
        if code == "---" {
            return Ok(());
        }
        // The code's own value: a single positive term (compound values such
        // as -0xFFFF+0x0070 describe rejections and are not looked up).
        if let [v] = terms.as_slice() {
            self.by_value.entry(*v).or_insert_with(|| code.to_string());
            self.values.push((code.to_string(), *v));
        }
        if let [a, b] = terms.as_slice() {
            if *a == -NEGATION_MARK && *b > 0 {
                self.rejections.push((code.to_string(), *b));
            }
        }
        if let Some(neg) = fields.next().and_then(hex_terms) {
            if neg.iter().any(|x| x.abs() == NEGATION_MARK) {
                let rest: Vec<i64> = neg
                    .into_iter()
                    .filter(|&x| x.abs() != NEGATION_MARK)
                    .collect();
                if let [v] = rest.as_slice() {
                    self.pending.push((code.to_string(), *v, line));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SAMPLE: &str = "# PICO\n\n050:0x0080#DiplomaticCoop\n057:0x0087\n\
        110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove\n\
        170:0x10086#0x0087+0xFFFF#0x9000#Coerce\n\
        120:-0xFFFF#Reject\n122:-0xFFFF+0x2040+0x300# comment\n100:040:0xB000#Consult\n---:0\n";

    #[test]
    fn negations_read_back_to_codes() {
        let (o, w) = CodingOntology::parse(SAMPLE, "pico.txt").unwrap();
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(o.negated("110"), Some("050"));
        assert_eq!(o.negated("170"), Some("057"));
        assert_eq!(o.negated("120"), None);
        assert_eq!(o.negated("040"), None);
    }

    #[test]
    fn rejections_defined_as_negations_code_negated_cooperation() {
        let src = "060:0x0070\n061:0x0075\n121:-0xFFFF+0x0070\n1211:-0xFFFF+0x0075\n\
                   023:0x2040\n122:-0xFFFF+0x2040+0x300\n125:-0xFFFF+0x0010\n";
        let o = CodingOntology::parse_strict(src, "pico.txt").unwrap();
        assert_eq!(o.negated("060"), Some("121"));
        assert_eq!(o.negated("061"), Some("1211"));
        // Masked values and values no code has say nothing.
        assert_eq!(o.negated("023"), None);
        assert_eq!(o.negated("040"), None);
    }

    #[test]
    fn malformed_lines_name_their_line() {
        let err = CodingOntology::parse_strict("050:0x0080\nnonsense\n", "pico.txt").unwrap_err();
        assert_eq!(err.to_string(), "pico.txt:2: expected CODE:HEX");
        let err = CodingOntology::parse_strict("05x:0x0080\n", "pico.txt").unwrap_err();
        assert!(err.to_string().starts_with("pico.txt:1:"), "{err}");
        let err = CodingOntology::parse_strict("110:0x10#0xFFFF+0x0080\n", "p").unwrap_err();
        assert!(err.to_string().contains("no code"), "{err}");
        // Leniently the bad line is skipped with a warning.
        let (_, w) = CodingOntology::parse("050:0x0080\nnonsense\n", "pico.txt").unwrap();
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].line, 2);
    }

    #[test]
    fn shipped_ontology_reads_when_present() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/universal-petrarch"
        );
        let path = format!("{dir}/PETR_Validate_Internal_Coding_Ontology_1_01.txt");
        let Ok(src) = std::fs::read_to_string(&path) else {
            eprintln!("skipped: {path} not found");
            return;
        };
        let o = CodingOntology::parse_strict(&src, &path).unwrap();
        assert_eq!(o.negated("110"), Some("050"));
    }

    proptest! {
        #[test]
        fn any_text_parses_or_fails_cleanly(src in "(\\PC{0,40}\n){0,8}") {
            let _ = CodingOntology::parse(&src, "fuzz.txt");
            let _ = CodingOntology::parse_strict(&src, "fuzz.txt");
        }

        #[test]
        fn ontology_like_lines_never_panic(
            lines in proptest::collection::vec(
                "[0-9-]{0,4}:-?0x[0-9A-Fa-f]{0,14}(#(-?0x[0-9A-F]{1,5}\\+?){0,3})?(#[A-Za-z ]{0,8})?",
                0..10,
            )
        ) {
            let _ = CodingOntology::parse(&lines.join("\n"), "fuzz.txt");
        }
    }
}
