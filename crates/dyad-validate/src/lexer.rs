//! A forgiving XML-ish tokenizer.
//!
//! The PETRARCH record files are "XML by convention": comments nest, tags
//! that are self-closed are closed again later, JSON sits inside pseudo-tags
//! (`<PLEvent {...}>`), headers are bare text. A strict parser stops at the
//! first of these; this one turns every construct it can recognise into an
//! [`Item`] and reports the rest as [`Problem`]s, so the record reader can
//! recover and keep going.

/// One piece of the file, with the 1-based line where it starts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item<'a> {
    Start {
        name: &'a str,
        attrs: Vec<(String, String)>,
        /// Everything between the name and the closing `>` (or `/>`), for
        /// pseudo-tags whose "attributes" are really a payload.
        raw: &'a str,
        self_closing: bool,
        /// The attribute list could not be read cleanly.
        attrs_malformed: bool,
        line: usize,
    },
    End {
        name: &'a str,
        line: usize,
    },
    /// Character data (entities not yet decoded; CDATA given verbatim).
    Text {
        text: &'a str,
        line: usize,
    },
}

/// Something that is not well-formed, found while tokenizing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    /// Groups repeated occurrences of the same problem.
    pub kind: &'static str,
    pub line: usize,
    pub message: String,
}

/// Byte offset → 1-based line.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    pub(crate) fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

pub(crate) fn tokenize(text: &str) -> (Vec<Item<'_>>, Vec<Problem>) {
    let lines = LineIndex::new(text);
    let mut items = Vec::new();
    let mut problems = Vec::new();
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < text.len() {
        let Some(rel) = text[pos..].find('<') else {
            items.push(Item::Text {
                text: &text[pos..],
                line: lines.line(pos),
            });
            break;
        };
        let lt = pos + rel;
        if lt > pos {
            items.push(Item::Text {
                text: &text[pos..lt],
                line: lines.line(pos),
            });
        }
        let rest = &text[lt..];
        if rest.starts_with("<!--") {
            pos = skip_comment(text, lt, &lines, &mut problems);
        } else if rest.starts_with("<![CDATA[") {
            let body = lt + "<![CDATA[".len();
            match text[body..].find("]]>") {
                Some(end) => {
                    items.push(Item::Text {
                        text: &text[body..body + end],
                        line: lines.line(lt),
                    });
                    pos = body + end + 3;
                }
                None => {
                    problems.push(Problem {
                        kind: "unterminated-cdata",
                        line: lines.line(lt),
                        message: "<![CDATA[ never closed; rest of file read as text".into(),
                    });
                    items.push(Item::Text {
                        text: &text[body..],
                        line: lines.line(lt),
                    });
                    pos = text.len();
                }
            }
        } else if rest.starts_with("<?") || rest.starts_with("<!") {
            // Declarations and processing instructions carry nothing we use.
            pos = match text[lt..].find('>') {
                Some(end) => lt + end + 1,
                None => text.len(),
            };
        } else {
            let closing = bytes.get(lt + 1) == Some(&b'/');
            let name_start = if closing { lt + 2 } else { lt + 1 };
            let name_len = text[name_start..]
                .find(|c: char| !is_name_char(c))
                .unwrap_or(text.len() - name_start);
            let name_ok = name_len > 0
                && text[name_start..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() || c == '_');
            let tag_end = if name_ok {
                find_tag_end(text, name_start + name_len)
            } else {
                None
            };
            match tag_end {
                Some(gt) => {
                    let name = &text[name_start..name_start + name_len];
                    let line = lines.line(lt);
                    if closing {
                        items.push(Item::End { name, line });
                    } else {
                        let mut inner = &text[name_start + name_len..gt];
                        let self_closing = inner.trim_end().ends_with('/');
                        if self_closing {
                            let trimmed = inner.trim_end();
                            inner = &trimmed[..trimmed.len() - 1];
                        }
                        let (attrs, attrs_malformed) = parse_attrs(inner);
                        items.push(Item::Start {
                            name,
                            attrs,
                            raw: inner.trim(),
                            self_closing,
                            attrs_malformed,
                            line,
                        });
                    }
                    pos = gt + 1;
                }
                None => {
                    problems.push(Problem {
                        kind: "stray-lt",
                        line: lines.line(lt),
                        message: "'<' that does not start a tag; read as text".into(),
                    });
                    items.push(Item::Text {
                        text: &text[lt..lt + 1],
                        line: lines.line(lt),
                    });
                    pos = lt + 1;
                }
            }
        }
    }
    (items, problems)
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':')
}

/// Position of the `>` ending a tag whose name ends at `from`. Quotes only
/// count when they open an attribute value (right after `=`), so the
/// apostrophes and JSON quotes of pseudo-tags cannot swallow the file.
/// `None` if a `<` or the end of text comes first.
fn find_tag_end(text: &str, from: usize) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut after_eq = false;
    for (i, c) in text[from..].char_indices() {
        match quote {
            Some(q) => {
                if c == q {
                    quote = None;
                }
            }
            None => match c {
                '>' => return Some(from + i),
                '<' => return None,
                '"' | '\'' if after_eq => quote = Some(c),
                '=' => after_eq = true,
                c if c.is_whitespace() => {}
                _ => after_eq = false,
            },
        }
        if quote.is_some() && c == '\n' {
            // An attribute value never spans lines in these files; a quote
            // still open at a line end is a typo, so stop honouring it.
            quote = None;
        }
    }
    None
}

/// Reads `name="value"`, `name = 'value'`, `name=value` and bare `name`.
/// Returns the pairs and whether anything was not understood.
fn parse_attrs(inner: &str) -> (Vec<(String, String)>, bool) {
    let mut attrs = Vec::new();
    let mut malformed = false;
    let mut rest = inner.trim_start();
    while !rest.is_empty() {
        let name_len = rest
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(rest.len());
        let name = &rest[..name_len];
        if name.is_empty() || !name.chars().all(is_name_char) {
            malformed = true;
        }
        rest = rest[name_len..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            rest = after.trim_start();
            let first = rest.chars().next();
            match first {
                Some(q @ ('"' | '\'')) => {
                    let body = &rest[1..];
                    match body.find(q) {
                        Some(end) => {
                            value = decode_entities(&body[..end]);
                            rest = &body[end + 1..];
                        }
                        None => {
                            malformed = true;
                            value = decode_entities(body);
                            rest = "";
                        }
                    }
                }
                Some(_) => {
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    value = decode_entities(&rest[..end]);
                    rest = &rest[end..];
                }
                None => malformed = true,
            }
        } else if name.is_empty() {
            // Nothing readable here (e.g. a lone '='); drop one char and go on.
            let skip = rest.chars().next().map_or(0, char::len_utf8);
            rest = &rest[skip..];
        }
        if !name.is_empty() {
            attrs.push((name.to_string(), value));
        }
        rest = rest.trim_start();
    }
    (attrs, malformed)
}

/// Returns the offset just past the comment starting at `start`.
///
/// Comments in the record files nest (a header documents "add a comment in
/// `<!-- ... -->`" inside its own comment), so an inner `<!--` opens a
/// level. If the levels never balance, the XML rule (first `-->` ends the
/// comment) is used instead, so one odd comment cannot hide the whole file.
fn skip_comment(text: &str, start: usize, lines: &LineIndex, problems: &mut Vec<Problem>) -> usize {
    let body = start + 4;
    let first_close = text[body..].find("-->").map(|i| body + i);
    let mut depth = 1usize;
    let mut pos = body;
    let mut nested_at: Option<usize> = None;
    loop {
        let open = text[pos..].find("<!--").map(|i| pos + i);
        let close = text[pos..].find("-->").map(|i| pos + i);
        match (open, close) {
            (Some(o), Some(c)) if o < c => {
                nested_at.get_or_insert(o);
                depth += 1;
                pos = o + 4;
            }
            (_, Some(c)) => {
                depth -= 1;
                pos = c + 3;
                if depth == 0 {
                    if let Some(o) = nested_at {
                        problems.push(Problem {
                            kind: "nested-comment",
                            line: lines.line(o),
                            message: format!(
                                "'<!--' inside a comment opened on line {}; read as a nested comment ending on line {}",
                                lines.line(start),
                                lines.line(c)
                            ),
                        });
                    }
                    return pos;
                }
            }
            (_, None) => break,
        }
    }
    match first_close {
        Some(c) => {
            if let Some(o) = nested_at {
                problems.push(Problem {
                    kind: "nested-comment",
                    line: lines.line(o),
                    message: format!(
                        "'<!--' inside a comment opened on line {} is never balanced; comment ends at the first '-->' (line {})",
                        lines.line(start),
                        lines.line(c)
                    ),
                });
            }
            c + 3
        }
        None => {
            problems.push(Problem {
                kind: "unterminated-comment",
                line: lines.line(start),
                message: "comment never closed; rest of file ignored".into(),
            });
            text.len()
        }
    }
}

/// Decodes the five XML entities and numeric character references; leaves
/// anything else (a bare `&` in sloppy text) as it is.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let semi = tail[1..].find(';').map(|i| i + 1).filter(|&i| i <= 10);
        let decoded = semi.and_then(|semi| {
            let ent = &tail[1..semi];
            let c = match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let num = if let Some(hex) =
                        ent.strip_prefix("#x").or_else(|| ent.strip_prefix("#X"))
                    {
                        u32::from_str_radix(hex, 16).ok()
                    } else if let Some(dec) = ent.strip_prefix('#') {
                        dec.parse::<u32>().ok()
                    } else {
                        None
                    };
                    num.and_then(char::from_u32)
                }
            };
            c.map(|c| (c, semi))
        });
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &tail[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(items: &[Item<'_>]) -> Vec<String> {
        items
            .iter()
            .filter_map(|i| match i {
                Item::Start {
                    name, self_closing, ..
                } => Some(format!("<{name}{}>", if *self_closing { "/" } else { "" })),
                Item::End { name, .. } => Some(format!("</{name}>")),
                Item::Text { .. } => None,
            })
            .collect()
    }

    #[test]
    fn nested_comment_is_skipped_whole_and_reported() {
        let text = "<a>\n<!-- one\n<!-- two -->\nstill comment\n-->\n<b/></a>";
        let (items, problems) = tokenize(text);
        assert_eq!(names(&items), ["<a>", "<b/>", "</a>"]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].kind, "nested-comment");
        assert_eq!(problems[0].line, 3);
    }

    #[test]
    fn unbalanced_nested_comment_falls_back_to_first_close() {
        let text = "<!-- mentions <!-- only -->\n<x>y</x>";
        let (items, problems) = tokenize(text);
        assert_eq!(names(&items), ["<x>", "</x>"]);
        assert_eq!(problems[0].kind, "nested-comment");
    }

    #[test]
    fn attributes_in_all_spellings() {
        let (attrs, bad) = parse_attrs(r#" date = "2008" id ='"X Y"' flag n=v q="a&quot;b""#);
        assert!(!bad);
        assert_eq!(
            attrs,
            vec![
                ("date".to_string(), "2008".to_string()),
                ("id".to_string(), "\"X Y\"".to_string()),
                ("flag".to_string(), String::new()),
                ("n".to_string(), "v".to_string()),
                ("q".to_string(), "a\"b".to_string()),
            ]
        );
    }

    #[test]
    fn pseudo_tag_with_json_keeps_raw_payload() {
        let text = r#"<PLEvent {"event": "050", "who": "O'Brien"}>"#;
        let (items, _) = tokenize(text);
        match &items[0] {
            Item::Start { name, raw, .. } => {
                assert_eq!(*name, "PLEvent");
                assert_eq!(*raw, r#"{"event": "050", "who": "O'Brien"}"#);
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn stray_lt_is_text() {
        let (items, problems) = tokenize("a < b <c>");
        assert_eq!(names(&items), ["<c>"]);
        assert_eq!(problems[0].kind, "stray-lt");
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &amp; b &#65;&#x42; &bogus; &"),
            "a & b AB &bogus; &"
        );
    }

    #[test]
    fn line_index() {
        let li = LineIndex::new("ab\ncd\n\nx");
        assert_eq!(li.line(0), 1);
        assert_eq!(li.line(2), 1);
        assert_eq!(li.line(3), 2);
        assert_eq!(li.line(6), 3);
        assert_eq!(li.line(7), 4);
    }
}
