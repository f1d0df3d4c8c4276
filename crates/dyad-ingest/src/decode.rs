//! Bytes → normalised text: BOMs, UTF-16, Windows-1252 fallback, binary
//! detection, and the whitespace/zero-width normalisation every format shares.

use crate::{IngestError, Warning};

/// How far into a file NUL bytes mark it as binary (like `grep` and `git`).
const BINARY_SNIFF_BYTES: usize = 8 * 1024;

/// Decodes a whole input file to text. Invalid UTF-8 is read as
/// Windows-1252 (a superset of Latin-1 for printable characters) with a
/// warning, because old news archives are mostly in that encoding.
pub(crate) fn decode_bytes(
    name: &str,
    bytes: &[u8],
    warnings: &mut Vec<Warning>,
) -> Result<String, IngestError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok(decode_utf8_or_1252(name, rest, warnings));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(decode_utf16(name, rest, false, warnings));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(decode_utf16(name, rest, true, warnings));
    }
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    if head.contains(&0) {
        return Err(IngestError::Binary {
            name: name.to_string(),
        });
    }
    Ok(decode_utf8_or_1252(name, bytes, warnings))
}

fn decode_utf8_or_1252(name: &str, bytes: &[u8], warnings: &mut Vec<Warning>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            warnings.push(Warning {
                origin: name.to_string(),
                message: format!(
                    "not valid UTF-8 (first bad byte at offset {}); read as Windows-1252/Latin-1",
                    e.valid_up_to()
                ),
            });
            bytes.iter().map(|&b| windows_1252_char(b)).collect()
        }
    }
}

/// Windows-1252 differs from Latin-1 only in 0x80–0x9F, where it has the
/// curly quotes and dashes that real files contain.
fn windows_1252_char(b: u8) -> char {
    const HIGH: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    if (0x80..0xA0).contains(&b) {
        char::from_u32(HIGH[usize::from(b - 0x80)]).unwrap_or('\u{FFFD}')
    } else {
        char::from(b)
    }
}

fn decode_utf16(name: &str, bytes: &[u8], big_endian: bool, warnings: &mut Vec<Warning>) -> String {
    let units = bytes.chunks_exact(2).map(|pair| {
        if big_endian {
            u16::from_be_bytes([pair[0], pair[1]])
        } else {
            u16::from_le_bytes([pair[0], pair[1]])
        }
    });
    let mut bad = 0usize;
    let text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad += 1;
                '\u{FFFD}'
            })
        })
        .collect();
    if bad > 0 || bytes.len() % 2 == 1 {
        warnings.push(Warning {
            origin: name.to_string(),
            message: format!(
                "UTF-16 text has {bad} unpaired surrogate(s) or an odd byte count; replaced"
            ),
        });
    }
    text
}

/// Normalises text so that every later stage sees one kind of line break and
/// space: `\r\n`/`\r` → `\n`, NBSP and other fixed-width spaces → space,
/// zero-width characters and soft hyphens removed, other control characters
/// → space. Curly quotes are kept: offsets must point into the text as stored
/// and the tokenizer folds them itself.
pub(crate) fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\t' => out.push(c),
            '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\u{A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}' => out.push(' '),
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> (Result<String, IngestError>, Vec<Warning>) {
        let mut w = Vec::new();
        (decode_bytes("f.txt", bytes, &mut w), w)
    }

    #[test]
    fn strips_utf8_bom() {
        let (text, w) = decode(b"\xEF\xBB\xBFHello");
        assert_eq!(text.unwrap(), "Hello");
        assert!(w.is_empty());
    }

    #[test]
    fn decodes_utf16_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hé\u{201C}".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Hé\u{201C}".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le).0.unwrap(), "Hé\u{201C}");
        assert_eq!(decode(&be).0.unwrap(), "Hé\u{201C}");
    }

    #[test]
    fn invalid_utf8_reads_as_windows_1252_with_warning() {
        let (text, w) = decode(b"caf\xE9 \x93quoted\x94");
        assert_eq!(text.unwrap(), "café \u{201C}quoted\u{201D}");
        assert_eq!(w.len(), 1);
        assert!(w[0].message.contains("Windows-1252"), "{}", w[0].message);
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let err = decode(b"PK\x03\x04\x00\x00").0.unwrap_err();
        assert_eq!(err.to_string(), "f.txt: binary file (NUL bytes), not text");
    }

    #[test]
    fn normalise_spaces_breaks_and_zero_width() {
        assert_eq!(
            normalise("a\u{A0}b\r\nc\rd\u{200B}e\u{2009}f \u{201C}q\u{201D}\u{0007}"),
            "a b\nc\nde f \u{201C}q\u{201D} "
        );
    }
}
