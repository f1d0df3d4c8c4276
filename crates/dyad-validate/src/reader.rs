//! Builds [`Record`]s from the tokens of a record file, recovering from the
//! ways the real files break XML.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::lexer::{decode_entities, tokenize, Item, Problem};
use crate::{Coding, Parse, Record, RecordSet};

/// Collects problems; one warning per kind of problem, naming the first
/// line and listing a few of the other lines where it recurs.
#[derive(Default)]
struct Warnings {
    kinds: Vec<(String, usize, String, Vec<usize>)>,
}

impl Warnings {
    fn add(&mut self, kind: &str, line: usize, message: String) {
        if let Some(entry) = self.kinds.iter_mut().find(|k| k.0 == kind) {
            entry.3.push(line);
        } else {
            self.kinds
                .push((kind.to_string(), line, message, Vec::new()));
        }
    }

    fn render(self, file: &str) -> Vec<String> {
        let mut out: Vec<(usize, String)> = self
            .kinds
            .into_iter()
            .map(|(_, line, message, more)| {
                let mut w = format!("{file}:{line}: {message}");
                if !more.is_empty() {
                    let shown: Vec<String> = more.iter().take(5).map(|l| l.to_string()).collect();
                    let ellipsis = if more.len() > 5 { ", ..." } else { "" };
                    w.push_str(&format!(
                        " (same problem on {} more line{}: {}{ellipsis})",
                        more.len(),
                        if more.len() == 1 { "" } else { "s" },
                        shown.join(", ")
                    ));
                }
                (line, w)
            })
            .collect();
        out.sort_by_key(|(line, _)| *line);
        out.into_iter().map(|(_, w)| w).collect()
    }
}

/// What the text between a start and an end tag is being collected into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Text,
    Parse,
    Date,
    Environment,
}

struct Collecting {
    field: Field,
    /// Element name, to recognise its end tag.
    name: String,
    content: String,
    line: usize,
}

struct Draft {
    attrs: BTreeMap<String, String>,
    line: usize,
    self_closed: bool,
    text: Option<String>,
    parse: Option<(String, usize)>,
    date_element: Option<String>,
    codings: Vec<Coding>,
    expects_none: bool,
    expected_error: Option<String>,
    skip: bool,
    plover_events: Vec<String>,
}

impl Draft {
    fn new(attrs: BTreeMap<String, String>, line: usize, self_closed: bool) -> Self {
        Draft {
            attrs,
            line,
            self_closed,
            text: None,
            parse: None,
            date_element: None,
            codings: Vec::new(),
            expects_none: false,
            expected_error: None,
            skip: false,
            plover_events: Vec::new(),
        }
    }
}

/// Reads records from the text of a record file; `file` names it in warnings.
/// Never fails: whatever cannot be read becomes a warning.
pub fn parse_records(text: &str, file: &str) -> RecordSet {
    let (items, problems) = tokenize(text);
    let mut warn = Warnings::default();
    for Problem {
        kind,
        line,
        message,
    } in problems
    {
        warn.add(kind, line, message);
    }

    let mut records: Vec<Record> = Vec::new();
    let mut environment: BTreeMap<String, String> = BTreeMap::new();
    let mut options: BTreeMap<String, String> = BTreeMap::new();
    let mut draft: Option<Draft> = None;
    let mut collecting: Option<Collecting> = None;
    let mut in_environment = false;

    for item in &items {
        // Text being collected ends at its own end tag; any other tag ends it
        // too (with a warning), since these elements never contain markup.
        if let Some(col) = collecting.as_mut() {
            match item {
                Item::Text { text, .. } => {
                    col.content.push_str(text);
                    continue;
                }
                Item::End { name, .. } if *name == col.name => {
                    let done = collecting.take();
                    if let Some(done) = done {
                        store(done, &mut draft, &mut environment);
                    }
                    continue;
                }
                Item::Start { line, .. } | Item::End { line, .. } => {
                    warn.add(
                        "unclosed-field",
                        col.line,
                        format!(
                            "<{}> not closed before the tag on line {line}; closed there",
                            col.name
                        ),
                    );
                    if let Some(done) = collecting.take() {
                        store(done, &mut draft, &mut environment);
                    }
                }
            }
        }

        match item {
            Item::Text { text, line } => {
                if text.trim().is_empty() {
                    continue;
                }
                // Point at the first visible character, not the newline before it.
                let lead = text.len() - text.trim_start().len();
                let line = *line + text[..lead].matches('\n').count();
                if draft.is_some() {
                    warn.add(
                        "stray-text-in-record",
                        line,
                        "text inside <Sentence> outside <Text>/<Parse>; ignored".into(),
                    );
                } else {
                    warn.add(
                        "stray-text",
                        line,
                        "text outside any record; ignored".into(),
                    );
                }
            }
            Item::Start {
                name,
                attrs,
                raw,
                self_closing,
                attrs_malformed,
                line,
            } => {
                let line = *line;
                let known_attrs = matches!(*name, "Sentence" | "EventCoding" | "Config");
                if *attrs_malformed && known_attrs {
                    warn.add(
                        "malformed-attributes",
                        line,
                        format!("attributes of <{name}> not well-formed; read what could be"),
                    );
                }
                match *name {
                    "Sentence" => {
                        if let Some(open) = draft.take() {
                            if !open.self_closed {
                                warn.add(
                                    "unclosed-sentence",
                                    open.line,
                                    format!(
                                        "<Sentence> not closed before the next one on line {line}"
                                    ),
                                );
                            }
                            records.push(finish(open, &options, file, &mut warn));
                        }
                        if *self_closing {
                            warn.add(
                                "self-closing-sentence",
                                line,
                                "self-closing <Sentence .../> followed by its content; read as an opening tag".into(),
                            );
                        }
                        let attrs = attrs.iter().cloned().collect();
                        draft = Some(Draft::new(attrs, line, *self_closing));
                    }
                    "EventCoding" => match draft.as_mut() {
                        Some(d) => add_coding(d, attrs, line, &mut warn),
                        None => warn.add(
                            "coding-outside-record",
                            line,
                            "<EventCoding> outside any <Sentence>; ignored".into(),
                        ),
                    },
                    "Text" | "Parse" | "Date" if !self_closing => {
                        if draft.is_none() {
                            warn.add(
                                "field-outside-record",
                                line,
                                format!("<{name}> outside any <Sentence>; ignored"),
                            );
                        }
                        let field = match *name {
                            "Text" => Field::Text,
                            "Parse" => Field::Parse,
                            _ => Field::Date,
                        };
                        collecting = Some(Collecting {
                            field,
                            name: name.to_string(),
                            content: String::new(),
                            line,
                        });
                    }
                    "Skip" => {
                        if let Some(d) = draft.as_mut() {
                            d.skip = true;
                        }
                    }
                    "PLEvent" | "P1Event" | "P2Event" => {
                        if let Some(d) = draft.as_mut() {
                            d.plover_events.push(raw.to_string());
                        }
                    }
                    "Config" => {
                        let get =
                            |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
                        match (get("option"), get("value")) {
                            (Some(o), Some(v)) => {
                                options.insert(o, v);
                            }
                            _ => warn.add(
                                "bad-config",
                                line,
                                "<Config> without option= and value=; ignored".into(),
                            ),
                        }
                    }
                    "Stop" => {
                        warn.add(
                            "stop",
                            line,
                            "<Stop> record: reading ends here, as in PETRARCH".into(),
                        );
                        break;
                    }
                    "Environment" => in_environment = !self_closing,
                    "Validation" | "Sentences" => {}
                    other if in_environment && !self_closing => {
                        collecting = Some(Collecting {
                            field: Field::Environment,
                            name: other.to_string(),
                            content: String::new(),
                            line,
                        });
                    }
                    other => warn.add(
                        &format!("unknown-element-{other}"),
                        line,
                        format!("unknown element <{other}>; ignored"),
                    ),
                }
            }
            Item::End { name, line } => match *name {
                "Sentence" => match draft.take() {
                    Some(d) => records.push(finish(d, &options, file, &mut warn)),
                    None => warn.add(
                        "stray-end-sentence",
                        *line,
                        "</Sentence> without an open <Sentence>; ignored".into(),
                    ),
                },
                "Environment" => in_environment = false,
                // Ends of elements already handled (self-closed pseudo-tags,
                // <EventCoding ...></EventCoding>, containers) need nothing.
                _ => {}
            },
        }
    }

    if let Some(col) = collecting.take() {
        warn.add(
            "unclosed-field",
            col.line,
            format!("<{}> not closed before the end of the file", col.name),
        );
        store(col, &mut draft, &mut environment);
    }
    if let Some(d) = draft.take() {
        if !d.self_closed {
            warn.add(
                "unclosed-sentence",
                d.line,
                "<Sentence> not closed before the end of the file".into(),
            );
        }
        records.push(finish(d, &options, file, &mut warn));
    }

    let include = list(&environment, "Include");
    let exclude = list(&environment, "Exclude");
    for r in &mut records {
        r.included =
            (include.is_empty() || include.contains(&r.category)) && !exclude.contains(&r.category);
    }

    RecordSet {
        records,
        warnings: warn.render(file),
        environment,
    }
}

/// Category list of `<Include>`/`<Exclude>`; the `valid` keyword (PETRARCH's
/// "only records marked valid") is not a category.
fn list(env: &BTreeMap<String, String>, key: &str) -> Vec<String> {
    env.get(key)
        .map(|v| {
            v.split_whitespace()
                .filter(|w| *w != "valid")
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn store(col: Collecting, draft: &mut Option<Draft>, environment: &mut BTreeMap<String, String>) {
    match col.field {
        Field::Environment => {
            environment.insert(col.name, decode_entities(col.content.trim()));
        }
        field => {
            if let Some(d) = draft.as_mut() {
                match field {
                    Field::Text => d.text = Some(col.content),
                    Field::Parse => d.parse = Some((col.content, col.line)),
                    Field::Date => d.date_element = Some(col.content),
                    Field::Environment => {}
                }
            }
        }
    }
}

/// Reads one `<EventCoding>` the way PETRARCH-1 and UD-PETRARCH do:
/// `noevents` means the record expects nothing (and overrides codings,
/// as PETRARCH-1 clears its list on it); `error="..."` names a discard or
/// input error PETRARCH should raise, so nothing is coded either.
fn add_coding(d: &mut Draft, attrs: &[(String, String)], line: usize, warn: &mut Warnings) {
    let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    if let Some(v) = get("noevents") {
        if v.trim().eq_ignore_ascii_case("false") {
            return;
        }
        d.expects_none = true;
        return;
    }
    if let Some(e) = get("error") {
        d.expects_none = true;
        d.expected_error = Some(e.trim().to_string());
        return;
    }
    let Some(event) = get("eventcode") else {
        warn.add(
            "coding-without-eventcode",
            line,
            "<EventCoding> without eventcode, noevents or error; ignored".into(),
        );
        return;
    };
    if get("sourcecode").is_none() || get("targetcode").is_none() {
        warn.add(
            "coding-missing-actor",
            line,
            "<EventCoding> without sourcecode or targetcode; read as '---'".into(),
        );
    }
    d.codings.push(
        Coding::new(
            get("sourcecode").unwrap_or(""),
            get("targetcode").unwrap_or(""),
            event,
        )
        .normalised(),
    );
}

fn finish(d: Draft, options: &BTreeMap<String, String>, file: &str, warn: &mut Warnings) -> Record {
    let attr = |k: &str| d.attrs.get(k).map(|v| v.trim().to_string());
    let id = attr("id").unwrap_or_else(|| {
        warn.add(
            "missing-id",
            d.line,
            "<Sentence> without id; named after its line".into(),
        );
        format!("{file}:{}", d.line)
    });
    let category = attr("category").unwrap_or_default();

    let date_text = attr("date").or_else(|| d.date_element.as_ref().map(|s| s.trim().to_string()));
    let date = date_text.as_deref().and_then(|s| {
        let parsed = parse_date(s);
        if parsed.is_none() {
            warn.add(
                "bad-date",
                d.line,
                format!("date {s:?} is not YYYYMMDD or YYMMDD; record kept without a date"),
            );
        }
        parsed
    });

    // `evaluate` is UD-PETRARCH's switch; petrarch2 files say `sentence`
    // (and older ones `valid`), which PETRARCH-1 honours when <Include> has
    // `valid` — always so in these files.
    let is_false = |k: &str| attr(k).is_some_and(|v| v.eq_ignore_ascii_case("false"));
    let mut skip_reason = None;
    if d.skip {
        skip_reason = Some("<Skip>".to_string());
    } else {
        for key in ["evaluate", "sentence", "valid"] {
            if is_false(key) {
                skip_reason = Some(format!("{key}=\"false\""));
                break;
            }
        }
    }

    let text = match d.text {
        Some(t) => decode_entities(&t)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        None => {
            warn.add("missing-text", d.line, "<Sentence> without <Text>".into());
            String::new()
        }
    };

    let (parse, parse_line) = match d.parse {
        Some((content, line)) => {
            let decoded = decode_entities(&content);
            match Parse::detect(&decoded) {
                Some(p) => (Some(p), Some(line)),
                None => {
                    warn.add(
                        "unknown-parse",
                        line,
                        "<Parse> is neither a bracketed tree nor CoNLL-U rows; ignored".into(),
                    );
                    (None, None)
                }
            }
        }
        None => (None, None),
    };

    let mut expected = d.codings;
    if d.expects_none && !expected.is_empty() {
        warn.add(
            "noevents-with-codings",
            d.line,
            "record has both noevents/error and event codings; expects no events, as PETRARCH-1 reads it".into(),
        );
        expected.clear();
    }

    Record {
        evaluate: skip_reason.is_none(),
        skip_reason,
        id,
        category,
        date,
        text,
        parse,
        parse_line,
        expected,
        expects_none: d.expects_none,
        expected_error: d.expected_error,
        line: d.line,
        included: true,
        options: options.clone(),
        attributes: d.attrs,
        plover_events: d.plover_events,
    }
}

/// PETRARCH dates, read as PETRARCH's `dstr_to_ordate` does: more than 7
/// characters is `YYYYMMDD` (only the first 8 count, so trailing junk is
/// allowed); otherwise `YYMMDD` with years 00–30 in 20YY and 31–99 in 19YY
/// (the KEDS/TABARI pivot). ISO `YYYY-MM-DD` is accepted too.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if !s.is_ascii() {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        s.get(r)
            .filter(|t| t.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|t| t.parse::<u32>().ok())
    };
    let (year, rest) = if s.len() > 7 {
        (i32::try_from(num(0..4)?).ok()?, 4)
    } else if s.len() == 6 {
        let yy = num(0..2)? as i32;
        (if yy <= 30 { 2000 + yy } else { 1900 + yy }, 2)
    } else {
        return None;
    };
    NaiveDate::from_ymd_opt(year, num(rest..rest + 2)?, num(rest + 2..rest + 4)?)
}

#[cfg(test)]
mod tests {
    use super::parse_date;
    use chrono::NaiveDate;

    #[test]
    fn dates_as_petrarch_reads_them() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(parse_date("19950101"), d(1995, 1, 1));
        assert_eq!(parse_date("20080804xyz"), d(2008, 8, 4));
        assert_eq!(parse_date("121108"), d(2012, 11, 8));
        assert_eq!(parse_date("300101"), d(2030, 1, 1));
        assert_eq!(parse_date("310101"), d(1931, 1, 1));
        assert_eq!(parse_date("2024-09-01"), d(2024, 9, 1));
        assert_eq!(parse_date("20100931"), None);
        assert_eq!(parse_date("bad"), None);
        assert_eq!(parse_date("1995011"), None);
        assert_eq!(parse_date("é9950101"), None);
    }
}
