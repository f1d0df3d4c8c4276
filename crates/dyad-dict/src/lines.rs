//! Comment-aware line splitting shared by every reader.
//!
//! PETRARCH's conventions: a line starting with `#` is a comment, ` #...` ends a line,
//! `<!-- ... -->` comments may span lines, blank lines are skipped. We keep `#` inside
//! `[...]` because some validation codes are written `[###]`.

/// One meaningful line: comments removed, right-trimmed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// 1-based line number in the file.
    pub no: usize,
    /// Content with comments removed, trimmed on both sides.
    pub text: &'a str,
    /// The comment text after `#`, if any (trimmed).
    pub comment: Option<&'a str>,
}

/// Splits `src` into meaningful lines.
pub(crate) fn logical_lines(src: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut in_block_comment = false;
    for (idx, raw_nl) in src.split('\n').enumerate() {
        let no = idx + 1;
        let raw = raw_nl.strip_suffix('\r').unwrap_or(raw_nl);
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        if in_block_comment {
            if raw.contains("-->") {
                in_block_comment = false;
            }
            continue;
        }
        let trimmed = raw.trim_start();
        if trimmed.starts_with('#') {
            continue;
        }
        if trimmed.starts_with("<!") {
            if !raw.contains("-->") {
                in_block_comment = true;
            }
            continue;
        }
        let (body, comment) = split_comment(raw);
        // Inline `<!-- ... -->` in the middle of a line: PETRARCH removes it; an unclosed
        // one starts a block comment.
        let body = match body.find("<!--") {
            Some(pos) => {
                if !body[pos..].contains("-->") {
                    in_block_comment = true;
                }
                &body[..pos]
            }
            None => body,
        };
        let text = body.trim();
        if text.is_empty() {
            continue;
        }
        out.push(Line { no, text, comment });
    }
    out
}

/// Splits a line at the first `#` that is not inside `[...]`.
fn split_comment(line: &str) -> (&str, Option<&str>) {
    let mut depth = 0i32;
    for (i, c) in line.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = (depth - 1).max(0),
            '#' if depth == 0 => return (&line[..i], Some(line[i + 1..].trim())),
            _ => {}
        }
    }
    (line, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_comments_and_blank_lines() {
        let src = "# head\n\nA [X] # note\n<!-- one -->\n<!-- multi\nB\n-->\nC [###]\n  <! -- x -->\nD<!-- tail -->\n";
        let lines = logical_lines(src);
        let texts: Vec<_> = lines.iter().map(|l| (l.no, l.text)).collect();
        assert_eq!(texts, vec![(3, "A [X]"), (8, "C [###]"), (10, "D")]);
        assert_eq!(lines[0].comment, Some("note"));
    }
}
