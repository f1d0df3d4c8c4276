//! Stage 2 of the pipeline: a document's blocks → sentences → tokens.
//!
//! Tokens follow the Penn Treebank convention CoreNLP uses (the convention of
//! the trees dyad's tagger is measured against): punctuation apart, clitics
//! split (`do` `n't`, `China` `'s`), hyphenated compounds whole
//! (`China-Africa`), abbreviations keep their period (`U.S.`, `Sept.`).
//! Every token keeps its byte span in `Document::text`, so evidence offsets
//! are exact; `Token::norm` folds typographic quotes and dashes to ASCII so
//! the tagger and dictionaries see one spelling.

use dyad_model::{BlockKind, Document, Sentence, Span, Tag, Token};

mod abbrev;
pub use abbrev::{is_abbreviation, is_title_abbreviation};

/// A sentence longer than this is cut: nothing in news is longer, and the
/// cap bounds the work later stages do on pathological input (a 10 MB line).
pub const MAX_SENTENCE_TOKENS: usize = 300;

/// Fill `doc.sentences` from `doc.text` and `doc.blocks`. A document with no
/// blocks is treated as one body block.
pub fn split_document(doc: &mut Document) {
    let blocks: Vec<(Span, BlockKind)> = if doc.blocks.is_empty() {
        vec![(Span::new(0, doc.text.len()), BlockKind::Body)]
    } else {
        doc.blocks.iter().map(|b| (b.span, b.kind)).collect()
    };
    let mut sentences = Vec::new();
    for (span, kind) in blocks {
        let Some(block_text) = doc.text.get(span.start..span.end) else {
            continue;
        };
        let tokens = tokenize(block_text, span.start);
        for range in split_tokens(&doc.text, &tokens) {
            let toks = tokens[range].to_vec();
            let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
                continue;
            };
            let sentence_span = Span::new(first.span.start, last.span.end);
            sentences.push(Sentence {
                index: sentences.len(),
                span: sentence_span,
                tokens: toks,
                boilerplate: match kind {
                    BlockKind::Boilerplate(b) => Some(b),
                    _ => None,
                },
                headline: matches!(kind, BlockKind::Headline),
            });
        }
    }
    doc.sentences = sentences;
}

/// Split `text` (which starts at byte `base` of the document) into tokens.
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let clen = c.len_utf8();
        if is_space(c) {
            i += clen;
            continue;
        }
        if c.is_alphanumeric() {
            let end = scan_word(text, i);
            // "an anti- Gondor parade": a prefix cut off from its word by a
            // stray space is still one hyphenated word.
            if let Some((next_start, next_end)) = detached_prefix(text, i, end) {
                out.push(Token {
                    span: Span::new(base + i, base + next_end),
                    norm: format!(
                        "{}-{}",
                        normalise(&text[i..end]),
                        normalise(&text[next_start..next_end])
                    ),
                    tag: Tag::X,
                });
                i = next_end;
                continue;
            }
            push_word(text, base, i, end, &mut out);
            i = end;
            continue;
        }
        // Multi-character punctuation.
        let end = if text[i..].starts_with("...") {
            i + 3
        } else if text[i..].starts_with("--") {
            let mut e = i;
            while e < bytes.len() && bytes[e] == b'-' {
                e += 1;
            }
            e
        } else {
            i + clen
        };
        push(&mut out, text, base, i, end);
        i = end;
    }
    out
}

/// For a prefix word ("anti", "pro") followed by "-", spaces and a word,
/// the span of that word.
fn detached_prefix(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    // Cheap tests first: this runs for every word.
    let rest = text[end..].strip_prefix('-')?;
    let word = &text[start..end];
    if ![
        "anti", "pro", "non", "ex", "post", "pre", "neo", "pan", "semi", "ultra",
    ]
    .iter()
    .any(|p| word.eq_ignore_ascii_case(p))
    {
        return None;
    }
    let trimmed = rest.trim_start_matches(' ');
    if trimmed.len() == rest.len() || rest.len() - trimmed.len() > 2 {
        return None;
    }
    if !trimmed.chars().next()?.is_alphanumeric() {
        return None;
    }
    let next_start = text.len() - trimmed.len();
    Some((next_start, scan_word(text, next_start)))
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}')
}

/// The end of a word starting at `start`: letters and digits, joined by a
/// single `.`, `-`, `'`, `&`, `/` or (between digits) `,` when a letter or digit
/// follows; then a final `.` when the word is an abbreviation.
fn scan_word(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut prev: Option<char> = None;
    let mut iter = text[start..].char_indices().peekable();
    while let Some((off, c)) = iter.next() {
        let at = start + off;
        if c.is_alphanumeric() {
            end = at + c.len_utf8();
            prev = Some(c);
            continue;
        }
        let next = iter.peek().map(|&(_, n)| n);
        let joins = match c {
            '.' | '-' | '&' | '/' | '\u{2011}' => next.is_some_and(|n| n.is_alphanumeric()),
            ',' => {
                prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit())
                    && digits_after(&text[at + 1..]) == 3
            }
            c if is_apostrophe(c) => {
                next.is_some_and(|n| n.is_alphabetic()) && prev.is_some_and(|p| p.is_alphanumeric())
            }
            _ => false,
        };
        if !joins {
            break;
        }
        end = at + c.len_utf8();
        prev = Some(c);
    }
    // A trailing period belongs to abbreviations and initials.
    if text[end..].starts_with('.') && is_abbreviation(&text[start..end]) {
        end += 1;
    }
    end
}

fn digits_after(s: &str) -> usize {
    s.bytes().take_while(|b| b.is_ascii_digit()).count()
}

/// Push a scanned word, splitting English clitics PTB-style.
fn push_word(text: &str, base: usize, start: usize, end: usize, out: &mut Vec<Token>) {
    let word = &text[start..end];
    let lower_ends = |suffix: &str| {
        word.len() > suffix.len()
            && word.is_char_boundary(word.len() - suffix.len())
            && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    // n't: "don't" → "do" "n't"; "can't" → "ca" "n't" (PTB).
    for nt in ["n't", "n\u{2019}t"] {
        if lower_ends(nt) {
            let cut = end - nt.len();
            push(out, text, base, start, cut);
            push(out, text, base, cut, end);
            return;
        }
    }
    // 's 're 've 'll 'd 'm, straight or curly apostrophe.
    if let Some((pos, _)) = word.char_indices().rev().find(|&(_, c)| is_apostrophe(c)) {
        let tail = &word[pos..];
        let after = &tail[tail.chars().next().map_or(1, |c| c.len_utf8())..];
        if matches!(
            after.to_ascii_lowercase().as_str(),
            "s" | "re" | "ve" | "ll" | "d" | "m"
        ) && pos > 0
        {
            push(out, text, base, start, start + pos);
            push(out, text, base, start + pos, end);
            return;
        }
    }
    push(out, text, base, start, end);
}

fn push(out: &mut Vec<Token>, text: &str, base: usize, start: usize, end: usize) {
    out.push(Token {
        span: Span::new(base + start, base + end),
        norm: normalise(&text[start..end]),
        tag: Tag::X,
    });
}

/// Fold typographic characters to the ASCII forms dictionaries use.
pub fn normalise(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' | '`' => out.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' | '\u{2033}' => {
                out.push('"')
            }
            '\u{2013}' | '\u{2014}' | '\u{2015}' => out.push_str("--"),
            '\u{2010}' | '\u{2011}' => out.push('-'),
            '\u{2026}' => out.push_str("..."),
            '\u{00a0}' | '\u{200b}' => {}
            c => out.push(c),
        }
    }
    out
}

fn is_terminal(norm: &str) -> bool {
    matches!(norm, "." | "!" | "?" | "...")
}

fn is_closer(norm: &str) -> bool {
    matches!(norm, "\"" | "'" | ")" | "]" | "''")
}

/// Whether a token is directly attached to the one before it (no space).
fn attached(prev: &Token, tok: &Token) -> bool {
    prev.span.end == tok.span.start
}

/// Words that, capitalised after an ambiguous abbreviation ("U.S."), start a
/// new sentence rather than continue a name.
fn is_sentence_starter(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "In"
            | "But"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "On"
            | "At"
            | "However"
            | "Meanwhile"
            | "Officials"
            | "There"
            | "And"
            | "Both"
            | "After"
            | "Earlier"
            | "Later"
    )
}

/// Sentence boundaries in a block's tokens, as index ranges.
pub fn split_tokens(text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth: i32 = 0;
    let mut i = 0;
    while i < tokens.len() {
        let norm = tokens[i].norm.as_str();
        match norm {
            "(" | "[" => depth += 1,
            ")" | "]" => depth = (depth - 1).max(0),
            _ => {}
        }
        let mut boundary = None;
        if is_terminal(norm) && depth == 0 {
            // Take closing quotes/brackets that hug the terminal.
            let mut j = i + 1;
            while j < tokens.len()
                && is_closer(&tokens[j].norm)
                && attached(&tokens[j - 1], &tokens[j])
            {
                j += 1;
            }
            if j >= tokens.len() || starts_sentence(text, &tokens[j]) {
                boundary = Some(j);
            }
        } else if norm.ends_with('.')
            && norm.len() > 1
            && !is_title_abbreviation(norm)
            && depth == 0
        {
            // "... with the U.S. The talks ...": an abbreviation can end a sentence.
            if let Some(next) = tokens.get(i + 1) {
                if is_sentence_starter(&next.norm) {
                    boundary = Some(i + 1);
                }
            }
        }
        if boundary.is_none() && i + 1 - start >= MAX_SENTENCE_TOKENS {
            boundary = Some(i + 1);
        }
        if let Some(b) = boundary {
            out.push(start..b);
            start = b;
            i = b;
            depth = 0;
            continue;
        }
        i += 1;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    let _ = text;
    out
}

fn starts_sentence(_text: &str, tok: &Token) -> bool {
    let Some(c) = tok.norm.chars().next() else {
        return false;
    };
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\'' | '(' | '[' | '-' | '*')
}

#[cfg(test)]
mod tests;
