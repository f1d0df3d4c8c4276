//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each `<item>`/`<entry>` becomes a
//! document whose text is its title (a headline block) and its description
//! or content with the HTML stripped.

use dyad_model::{Document, Span};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::{
    build_document, dates, file_name, html, DocumentParts, IngestError, IngestOptions, Warning,
};

#[derive(Debug, Default)]
struct Item {
    line: usize,
    title: String,
    link: Option<String>,
    /// Atom `<id>` / RSS `<guid>`.
    guid: Option<String>,
    published: Option<String>,
    updated: Option<String>,
    summary: String,
    content: String,
}

/// Which item field the text being read belongs to.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Field {
    Title,
    Link,
    Guid,
    Published,
    Updated,
    Summary,
    Content,
    FeedTitle,
}

/// Namespace prefixes whose elements are item fields; `media:title` and the
/// like are not.
fn known_prefix(qname: &[u8]) -> bool {
    match qname.iter().position(|&b| b == b':') {
        None => true,
        Some(i) => matches!(&qname[..i], b"content" | b"dc" | b"atom" | b"dcterms"),
    }
}

fn field_of(local: &[u8]) -> Option<Field> {
    Some(match local {
        b"title" => Field::Title,
        b"link" => Field::Link,
        b"guid" | b"id" => Field::Guid,
        b"pubDate" | b"published" | b"date" | b"issued" | b"created" => Field::Published,
        b"updated" | b"modified" => Field::Updated,
        b"description" | b"summary" | b"abstract" => Field::Summary,
        b"encoded" | b"content" => Field::Content,
        _ => return None,
    })
}

/// Unescapes XML text, resolving the HTML entities feeds commonly use; on an
/// unknown entity the raw text is kept and the HTML step decodes it.
fn unescape_lenient(raw: &str) -> String {
    let resolved = quick_xml::escape::unescape_with(raw, |entity| {
        if let Some(xml) = quick_xml::escape::resolve_xml_entity(entity) {
            return Some(xml);
        }
        Some(match entity {
            "nbsp" => "\u{a0}",
            "mdash" => "—",
            "ndash" => "–",
            "lsquo" => "‘",
            "rsquo" => "’",
            "ldquo" => "“",
            "rdquo" => "”",
            "hellip" => "…",
            "copy" => "©",
            _ => return None,
        })
    });
    match resolved {
        Ok(s) => s.into_owned(),
        Err(_) => raw.to_string(),
    }
}

/// Turns byte offsets into 1-based line numbers, scanning forward only.
struct LineCounter<'t> {
    text: &'t str,
    at: usize,
    line: usize,
}

impl LineCounter<'_> {
    fn line_at(&mut self, pos: usize) -> usize {
        let pos = pos.min(self.text.len());
        if pos > self.at {
            self.line += self.text.as_bytes()[self.at..pos]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.at = pos;
        }
        self.line
    }
}

fn link_href(e: &BytesStart) -> Option<String> {
    let mut href = None;
    let mut rel_ok = true;
    for attr in e.attributes().flatten() {
        let value = attr
            .unescape_value()
            .map(|v| v.into_owned())
            .unwrap_or_default();
        match attr.key.local_name().as_ref() {
            b"href" => href = Some(value),
            b"rel" => rel_ok = value == "alternate",
            _ => {}
        }
    }
    href.filter(|h| rel_ok && !h.trim().is_empty())
}

pub(crate) fn read_feed(
    name: &str,
    text: &str,
    opts: &IngestOptions,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<Document>, IngestError> {
    let mut reader = Reader::from_str(text);
    let mut lines = LineCounter {
        text,
        at: 0,
        line: 1,
    };
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let mut is_feed = false;
    let mut feed_title = String::new();
    let mut items: Vec<Item> = Vec::new();
    let mut item: Option<(Item, usize)> = None;
    // The field being read and the stack depth of its element.
    let mut capture: Option<(Field, usize)> = None;
    loop {
        let pos = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = match reader.read_event() {
            Ok(ev) => ev,
            Err(e) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                let origin = format!("{name}:{}", lines.line_at(at));
                let message = format!("malformed XML: {e}");
                if opts.strict || items.is_empty() {
                    return Err(IngestError::Malformed { origin, message });
                }
                warnings.push(Warning {
                    origin,
                    message: format!("{message}; the rest of the feed is skipped"),
                });
                // The item being read when the error came is incomplete.
                item = None;
                break;
            }
        };
        match event {
            Event::Start(e) => {
                let local = e.local_name().as_ref().to_vec();
                let depth = stack.len();
                if let Some((field, _)) = capture {
                    // Markup inside a field (Atom xhtml content): keep it for the HTML step.
                    append(
                        &mut item,
                        &mut feed_title,
                        field,
                        &format!("<{}>", String::from_utf8_lossy(&local)),
                    );
                } else if matches!(local.as_slice(), b"rss" | b"feed" | b"RDF" | b"channel") {
                    is_feed = true;
                } else if matches!(local.as_slice(), b"item" | b"entry") && item.is_none() {
                    item = Some((
                        Item {
                            line: lines.line_at(pos),
                            ..Item::default()
                        },
                        depth,
                    ));
                } else if let Some((current, item_depth)) = item.as_mut() {
                    if depth == *item_depth + 1 && known_prefix(e.name().as_ref()) {
                        if local == b"link" {
                            if let Some(href) = link_href(&e) {
                                current.link.get_or_insert(href);
                            }
                        }
                        capture = field_of(&local).map(|f| (f, depth));
                    }
                } else if local == b"title" && feed_title.is_empty() && is_feed {
                    capture = Some((Field::FeedTitle, depth));
                }
                stack.push(local);
            }
            Event::Empty(e) => {
                if let Some((current, item_depth)) = item.as_mut() {
                    if stack.len() == *item_depth + 1 && e.local_name().as_ref() == b"link" {
                        if let Some(href) = link_href(&e) {
                            current.link.get_or_insert(href);
                        }
                    }
                }
            }
            Event::End(e) => {
                let local = e.local_name().as_ref().to_vec();
                if let Some(i) = stack.iter().rposition(|n| *n == local) {
                    stack.truncate(i);
                }
                match capture {
                    Some((_, depth)) if stack.len() <= depth => capture = None,
                    Some((field, _)) => append(
                        &mut item,
                        &mut feed_title,
                        field,
                        &format!("</{}>", String::from_utf8_lossy(&local)),
                    ),
                    None => {}
                }
                if item.as_ref().is_some_and(|(_, d)| stack.len() <= *d) {
                    if let Some((done, _)) = item.take() {
                        items.push(done);
                    }
                }
            }
            Event::Text(t) => {
                if let Some((field, _)) = capture {
                    let raw = String::from_utf8_lossy(&t);
                    append(&mut item, &mut feed_title, field, &unescape_lenient(&raw));
                }
            }
            Event::CData(t) => {
                if let Some((field, _)) = capture {
                    append(
                        &mut item,
                        &mut feed_title,
                        field,
                        &String::from_utf8_lossy(&t),
                    );
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some((open, _)) = item.take() {
        items.push(open);
    }
    if !is_feed && items.is_empty() {
        return Err(IngestError::Malformed {
            origin: format!("{name}:1"),
            message: "not an RSS or Atom feed (no <rss>, <feed> or <channel>)".to_string(),
        });
    }
    if items.is_empty() {
        warnings.push(Warning {
            origin: name.to_string(),
            message: "feed has no items".to_string(),
        });
    }
    let source = Some(collapse(&feed_title)).filter(|s| !s.is_empty());
    let base = file_name(name);
    Ok(items
        .into_iter()
        .map(|it| item_document(it, name, &base, source.clone(), opts, warnings))
        .collect())
}

fn append(item: &mut Option<(Item, usize)>, feed_title: &mut String, field: Field, s: &str) {
    if field == Field::FeedTitle {
        feed_title.push_str(s);
        return;
    }
    let Some((it, _)) = item.as_mut() else { return };
    let target = match field {
        Field::Title => &mut it.title,
        Field::Summary => &mut it.summary,
        Field::Content => &mut it.content,
        Field::Link => it.link.get_or_insert_with(String::new),
        Field::Guid => it.guid.get_or_insert_with(String::new),
        Field::Published => it.published.get_or_insert_with(String::new),
        Field::Updated => it.updated.get_or_insert_with(String::new),
        Field::FeedTitle => return,
    };
    target.push_str(s);
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn item_document(
    it: Item,
    name: &str,
    base: &str,
    source: Option<String>,
    opts: &IngestOptions,
    warnings: &mut Vec<Warning>,
) -> Document {
    let origin = format!("{name}:{}", it.line);
    let title = collapse(&html::html_to_text(&it.title).text);
    let body_html = if it.content.trim().is_empty() {
        &it.summary
    } else {
        &it.content
    };
    let body = html::html_to_text(body_html);
    let mut text = title.clone();
    let offset = if text.is_empty() { 0 } else { text.len() + 2 };
    if !text.is_empty() && !body.text.is_empty() {
        text.push_str("\n\n");
    }
    text.push_str(&body.text);
    let forced = body
        .forced
        .into_iter()
        .map(|(s, k)| (Span::new(s.start + offset, s.end + offset), k))
        .collect();
    let raw_date = it
        .published
        .as_deref()
        .filter(|d| !d.trim().is_empty())
        .or(it.updated.as_deref());
    let given_date = raw_date.and_then(|raw| {
        let parsed = dates::parse_loose_date(raw);
        if parsed.is_none() {
            warnings.push(Warning {
                origin: origin.clone(),
                message: format!(
                    "unreadable date {:?}; using the date in the text",
                    raw.trim()
                ),
            });
        }
        parsed
    });
    let link = it
        .link
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty());
    let guid = it
        .guid
        .map(|g| g.trim().to_string())
        .filter(|g| !g.is_empty());
    build_document(
        DocumentParts {
            id: guid
                .or_else(|| link.clone())
                .unwrap_or_else(|| format!("{base}:{}", it.line)),
            origin,
            text,
            title: Some(title).filter(|t| !t.is_empty()),
            url: link,
            source,
            given_date,
            forced,
        },
        opts,
    )
}
