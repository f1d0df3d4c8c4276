//! Document dates from bylines and datelines, and relative time mentions
//! ("on Thursday", "last week") resolved against the document date.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use dyad_model::{Block, BlockKind, Boilerplate, Span, TimeMention};
use regex::{Captures, Regex};

/// How much of the top of a document counts as its header, where
/// publication dates live (lines and bytes, whichever ends first).
const HEADER_LINES: usize = 12;
const HEADER_BYTES: usize = 1500;

/// Month names as news prints them: full, three-letter, `Sept`, and in
/// capitals (datelines). Case-sensitive so that the verb "may" is no month.
fn month_pattern() -> String {
    const MONTHS: [(&str, &str); 12] = [
        ("Jan", "uary"),
        ("Feb", "ruary"),
        ("Mar", "ch"),
        ("Apr", "il"),
        ("May", ""),
        ("Jun", "e"),
        ("Jul", "y"),
        ("Aug", "ust"),
        ("Sep", "tember|t"),
        ("Oct", "ober"),
        ("Nov", "ember"),
        ("Dec", "ember"),
    ];
    let mut alts = Vec::new();
    for (abbr, rest) in MONTHS {
        for (a, r) in [
            (abbr.to_string(), rest.to_string()),
            (abbr.to_uppercase(), rest.to_uppercase()),
        ] {
            if r.is_empty() {
                alts.push(a);
            } else {
                alts.push(format!("{a}(?:{r})?"));
            }
        }
    }
    alts.join("|")
}

fn month_number(name: &str) -> Option<u32> {
    let key: String = name
        .chars()
        .take(3)
        .collect::<String>()
        .to_ascii_lowercase();
    let n = match key.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(n)
}

/// Full dates: `September 5, 2024`, `Sept. 5, 2024`, `5 September 2024`, `2024-09-05`.
static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let m = month_pattern();
    Regex::new(&format!(
        r"\b(?:(?P<m1>{m})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{m})\.?,?\s+(?P<y2>\d{{4}})|(?P<y3>\d{{4}})-(?P<mo3>\d{{2}})-(?P<d3>\d{{2}}))\b"
    ))
    .expect("static regex")
});

/// A dateline at the start of a paragraph: `NAIROBI, Sept 5 (Reuters) -`,
/// `LAGOS, Nigeria, March 3, 2024 —`.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let m = month_pattern();
    Regex::new(&format!(
        r"^[A-Z][A-Z'.\-]+(?:[ \-][A-Z][A-Z'.\-]+)*(?:,\s*[A-Z][A-Za-z'.\-]+(?:\s[A-Z][A-Za-z'.\-]+)*)?,?\s+(?P<m>{m})\.?\s+(?P<d>\d{{1,2}})\b(?:,?\s+(?P<y>\d{{4}})\b)?\s*(?:\(|-|–|—|:|/)"
    ))
    .expect("static regex")
});

/// Dates, with or without year, and times of day: what a date-only line holds.
static DATE_LIKE: LazyLock<Regex> = LazyLock::new(|| {
    let m = month_pattern();
    Regex::new(&format!(
        r"\b(?:(?:{m})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{m})\.?(?:,?\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}}(?:T[\d:.]+Z?)?|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{1,2}}[:.]\d{{2}}(?:\s*[AaPp]\.?[Mm]\.?)?)\b"
    ))
    .expect("static regex")
});

/// Relative time expressions. Weekdays are case-sensitive (capitalised) so
/// that ordinary words never match.
static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    let m = month_pattern();
    let wd = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY";
    Regex::new(&format!(
        r"\b(?:(?P<rel>(?i:yesterday|today|tonight|tomorrow))|(?P<pmod>(?i:last|this|past|next|earlier\s+this|later\s+this))\s+(?P<period>(?i:week|month|year))|(?:(?P<wmod>(?i:last|this|next|past))\s+)?(?P<wd>{wd})|(?:(?P<m1>{m})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{m}))(?:,?\s+(?P<y>\d{{4}}))?)\b"
    ))
    .expect("static regex")
});

fn group_str<'t>(caps: &Captures<'t>, names: &[&str]) -> Option<&'t str> {
    names.iter().find_map(|n| caps.name(n)).map(|m| m.as_str())
}

fn full_date_from(caps: &Captures) -> Option<NaiveDate> {
    let year: i32 = group_str(caps, &["y1", "y2", "y3"])?.parse().ok()?;
    let day: u32 = group_str(caps, &["d1", "d2", "d3"])?.parse().ok()?;
    let month = match group_str(caps, &["m1", "m2"]) {
        Some(name) => month_number(name)?,
        None => group_str(caps, &["mo3"])?.parse().ok()?,
    };
    if !(1800..=2200).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Full dates in `text`, with their byte ranges.
pub(crate) fn full_dates(text: &str) -> Vec<(Range<usize>, NaiveDate)> {
    FULL_DATE
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            Some((whole.range(), full_date_from(&c)?))
        })
        .collect()
}

/// Byte ranges of dates and times of day (with or without year) in `text`.
pub(crate) fn date_like_ranges(text: &str) -> Vec<Range<usize>> {
    DATE_LIKE.find_iter(text).map(|m| m.range()).collect()
}

/// A date as metadata states it: RFC 822 (RSS `pubDate`), RFC 3339 (Atom,
/// HTML `<meta>`), `YYYY-MM-DD` with or without a time, or any full date.
pub(crate) fn parse_loose_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    chrono::DateTime::parse_from_rfc2822(s)
        .map(|d| d.date_naive())
        .or_else(|_| chrono::DateTime::parse_from_rfc3339(s).map(|d| d.date_naive()))
        .ok()
        .or_else(|| crate::jsonl::parse_given_date(s))
        .or_else(|| full_dates(s).first().map(|(_, d)| *d))
}

/// A month/day without a year, completed so that it is not after `reference`
/// (news reports the past).
fn complete_year(month: u32, day: u32, reference: NaiveDate) -> Option<NaiveDate> {
    let this_year = NaiveDate::from_ymd_opt(reference.year(), month, day);
    match this_year {
        Some(d) if d <= reference => Some(d),
        _ => NaiveDate::from_ymd_opt(reference.year() - 1, month, day),
    }
}

/// Words that, before a date, make it an event's date rather than the
/// publication date ("talks on September 3, 2024").
fn preceded_by_preposition(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("").to_lowercase();
    let mut words = before
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .rev();
    let last = words.next().unwrap_or("");
    let is_preposition = matches!(
        last,
        "on" | "since"
            | "until"
            | "till"
            | "by"
            | "from"
            | "to"
            | "before"
            | "after"
            | "in"
            | "of"
            | "between"
            | "and"
            | "through"
            | "than"
    );
    // "Posted on May 2" is a publication date, not an event's.
    let publication = matches!(
        words.next().unwrap_or(""),
        "posted" | "published" | "updated" | "modified" | "created" | "dated"
    );
    is_preposition && !publication
}

/// The document date found in its text, with the span that gave it.
/// Bylines and datelines win over other dates; only the header region
/// (first ~12 lines / 1500 bytes) and byline-only lines are searched, so
/// that dates of events in the body do not date the document.
/// Year-less datelines take the year that keeps them on or before `reference`.
pub fn find_text_date(
    text: &str,
    blocks: &[Block],
    reference: NaiveDate,
) -> Option<(NaiveDate, Span)> {
    let mut header_end = text.len().min(HEADER_BYTES);
    if let Some(b) = blocks.get(HEADER_LINES - 1) {
        header_end = header_end.min(b.span.end);
    }
    while !text.is_char_boundary(header_end) {
        header_end -= 1;
    }
    // (rank, start, date, span): lower rank wins, then earlier position.
    let mut best: Option<(u8, usize, NaiveDate, Span)> = None;
    let mut offer = |rank: u8, date: NaiveDate, span: Span| {
        let better = match best {
            None => true,
            Some((r, s, _, _)) => (rank, span.start) < (r, s),
        };
        if better {
            best = Some((rank, span.start, date, span));
        }
    };
    for block in blocks {
        let in_header = block.span.start < header_end;
        let is_byline = block.kind == BlockKind::Boilerplate(Boilerplate::Byline);
        if !in_header && !is_byline {
            continue;
        }
        let line = block.span.slice(text);
        if let Some(caps) = DATELINE.captures(line) {
            let date = caps
                .name("m")
                .and_then(|m| month_number(m.as_str()))
                .and_then(|month| {
                    let day: u32 = caps.name("d")?.as_str().parse().ok()?;
                    match caps.name("y").and_then(|y| y.as_str().parse::<i32>().ok()) {
                        Some(year) => NaiveDate::from_ymd_opt(year, month, day),
                        None => complete_year(month, day, reference),
                    }
                });
            if let (Some(date), Some(m)) = (date, caps.name("m")) {
                let end = caps
                    .name("y")
                    .or(caps.name("d"))
                    .map_or(m.end(), |g| g.end());
                offer(
                    1,
                    date,
                    Span::new(block.span.start + m.start(), block.span.start + end),
                );
            }
        }
        for (range, date) in full_dates(line) {
            let span = Span::new(block.span.start + range.start, block.span.start + range.end);
            let rank = if is_byline {
                0
            } else if preceded_by_preposition(line, range.start) {
                continue;
            } else {
                2
            };
            if rank == 0 || span.end <= header_end {
                offer(rank, date, span);
            }
        }
    }
    best.map(|(_, _, date, span)| (date, span))
}

fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

fn weekday_from(name: &str) -> Option<Weekday> {
    name.to_ascii_lowercase().parse().ok()
}

/// Resolves one mention; `None` for impossible dates (`February 30`).
fn resolve(caps: &Captures, date: NaiveDate) -> Option<(NaiveDate, &'static str)> {
    if let Some(rel) = caps.name("rel") {
        let d = match rel.as_str().to_ascii_lowercase().as_str() {
            "yesterday" => date.pred_opt()?,
            "tomorrow" => date.succ_opt()?,
            _ => date,
        };
        return Some((d, "day"));
    }
    if let (Some(pmod), Some(period)) = (caps.name("pmod"), caps.name("period")) {
        let modifier = pmod.as_str().to_ascii_lowercase();
        let step = if modifier.starts_with("last") || modifier.starts_with("past") {
            -1
        } else if modifier.starts_with("next") {
            1
        } else {
            0
        };
        return match period.as_str().to_ascii_lowercase().as_str() {
            "week" => {
                let monday = monday_of(date);
                let d = match step {
                    -1 => monday.checked_sub_days(Days::new(7))?,
                    1 => monday.checked_add_days(Days::new(7))?,
                    _ => monday,
                };
                Some((d, "week"))
            }
            "month" => {
                let first = first_of_month(date);
                let d = match step {
                    -1 => first.checked_sub_months(Months::new(1))?,
                    1 => first.checked_add_months(Months::new(1))?,
                    _ => first,
                };
                Some((d, "month"))
            }
            _ => Some((NaiveDate::from_ymd_opt(date.year() + step, 1, 1)?, "year")),
        };
    }
    if let Some(wd) = caps.name("wd") {
        let target = weekday_from(wd.as_str())?;
        let modifier = caps.name("wmod").map(|m| m.as_str().to_ascii_lowercase());
        let today = date.weekday().num_days_from_monday();
        let want = target.num_days_from_monday();
        let d = match modifier.as_deref() {
            Some("next") => {
                let ahead = (want + 7 - today) % 7;
                date.checked_add_days(Days::new(u64::from(if ahead == 0 { 7 } else { ahead })))?
            }
            Some("last" | "past") => {
                let back = (today + 7 - want) % 7;
                date.checked_sub_days(Days::new(u64::from(if back == 0 { 7 } else { back })))?
            }
            // News convention: a bare weekday is the latest one on or before the story.
            _ => date.checked_sub_days(Days::new(u64::from((today + 7 - want) % 7)))?,
        };
        return Some((d, "day"));
    }
    let month = month_number(group_str(caps, &["m1", "m2"])?)?;
    let day: u32 = group_str(caps, &["d1", "d2"])?.parse().ok()?;
    let d = match caps.name("y").and_then(|y| y.as_str().parse::<i32>().ok()) {
        Some(year) => NaiveDate::from_ymd_opt(year, month, day)?,
        None => complete_year(month, day, date)?,
    };
    Some((d, "day"))
}

/// Relative time mentions in the non-boilerplate blocks, resolved against
/// the document date. The mention that gave the document date is skipped.
pub fn resolve_time_mentions(
    text: &str,
    blocks: &[Block],
    date: NaiveDate,
    date_span: Option<Span>,
) -> Vec<TimeMention> {
    let mut out = Vec::new();
    for block in blocks
        .iter()
        .filter(|b| !matches!(b.kind, BlockKind::Boilerplate(_)))
    {
        let line = block.span.slice(text);
        for caps in MENTION.captures_iter(line) {
            let Some(whole) = caps.get(0) else { continue };
            let span = Span::new(
                block.span.start + whole.start(),
                block.span.start + whole.end(),
            );
            if date_span.is_some_and(|d| d.start < span.end && span.start < d.end) {
                continue;
            }
            if let Some((resolved, precision)) = resolve(&caps, date) {
                out.push(TimeMention {
                    span,
                    date: resolved,
                    precision: precision.to_string(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::mark_blocks;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn text_date(text: &str, reference: NaiveDate) -> Option<(NaiveDate, String)> {
        let blocks = mark_blocks(text, &[], None);
        find_text_date(text, &blocks, reference).map(|(d, s)| (d, s.slice(text).to_string()))
    }

    #[test]
    fn byline_date_forms() {
        let r = ymd(2030, 1, 1);
        for (line, want) in [
            ("| March 4, 2023", ymd(2023, 3, 4)),
            ("Published 4 March 2023", ymd(2023, 3, 4)),
            ("Sept. 14, 2022 | By Ann Lee", ymd(2022, 9, 14)),
            ("Updated: 2021-11-30 10:42 GMT", ymd(2021, 11, 30)),
            ("By Omar Haddad | Oct 2, 2020", ymd(2020, 10, 2)),
            ("Posted on May 2, 2024 by Lena Park", ymd(2024, 5, 2)),
        ] {
            let text = format!(
                "Ministers Meet in Lagos\n{line}\nThe ministers met on Monday and signed a deal.\n"
            );
            assert_eq!(text_date(&text, r).map(|x| x.0), Some(want), "{line}");
        }
    }

    #[test]
    fn dateline_without_year_takes_year_not_in_future() {
        let text = "ACCRA, Dec 30 (Wirenews) - The council met to discuss the border.";
        assert_eq!(
            text_date(text, ymd(2025, 1, 3)).unwrap(),
            (ymd(2024, 12, 30), "Dec 30".into())
        );
        assert_eq!(
            text_date(text, ymd(2025, 12, 31)).unwrap().0,
            ymd(2025, 12, 30)
        );
        let text = "LIMA, Peru, Sept. 5, 2019 — Protesters gathered.";
        assert_eq!(text_date(text, ymd(2025, 1, 3)).unwrap().0, ymd(2019, 9, 5));
    }

    #[test]
    fn byline_beats_body_date_and_event_dates_are_ignored() {
        let text = "The accord signed on June 1, 2001 was cited.\nMay 2, 2024\nMore text here.";
        assert_eq!(
            text_date(text, ymd(2030, 1, 1)).unwrap(),
            (ymd(2024, 5, 2), "May 2, 2024".into())
        );
        let text = "Talks resumed on June 1, 2001 in Geneva after a long pause.";
        assert_eq!(text_date(text, ymd(2030, 1, 1)), None);
    }

    #[test]
    fn dates_deep_in_body_are_not_document_dates() {
        let mut text = String::new();
        for i in 0..20 {
            text.push_str(&format!(
                "Paragraph {i} says nothing about time at all.\n\n"
            ));
        }
        text.push_str("A report dated 2011-02-03 was cited.\n");
        assert_eq!(text_date(&text, ymd(2030, 1, 1)), None);
    }

    #[test]
    fn invalid_dates_are_ignored() {
        assert_eq!(
            text_date("| February 30, 2024\nBody.", ymd(2030, 1, 1)),
            None
        );
        assert_eq!(text_date("2024-13-45 report", ymd(2030, 1, 1)), None);
    }

    fn mentions(text: &str, date: NaiveDate) -> Vec<(String, NaiveDate, String)> {
        let blocks = mark_blocks(text, &[], None);
        resolve_time_mentions(text, &blocks, date, None)
            .into_iter()
            .map(|m| (m.span.slice(text).to_string(), m.date, m.precision))
            .collect()
    }

    #[test]
    fn relative_mentions_resolve_against_document_date() {
        // 2024-09-05 is a Thursday.
        let d = ymd(2024, 9, 5);
        let got = mentions(
            "Officials met on Tuesday and again on Thursday. Yesterday they spoke; last week they argued, \
             last month they traded, last year they fought, earlier this month they talked, and on Sept 3 \
             and on December 20 they signed. Last Thursday was quiet.",
            d,
        );
        let want = [
            ("Tuesday", ymd(2024, 9, 3), "day"),
            ("Thursday", ymd(2024, 9, 5), "day"),
            ("Yesterday", ymd(2024, 9, 4), "day"),
            ("last week", ymd(2024, 8, 26), "week"),
            ("last month", ymd(2024, 8, 1), "month"),
            ("last year", ymd(2023, 1, 1), "year"),
            ("earlier this month", ymd(2024, 9, 1), "month"),
            ("Sept 3", ymd(2024, 9, 3), "day"),
            ("December 20", ymd(2023, 12, 20), "day"),
            ("Last Thursday", ymd(2024, 8, 29), "day"),
        ];
        let want: Vec<_> = want
            .iter()
            .map(|(s, d, p)| (s.to_string(), *d, p.to_string()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn ordinary_words_are_not_mentions() {
        assert!(mentions(
            "They may sign a march of friendship to mark the sunday school.",
            ymd(2024, 9, 5)
        )
        .is_empty());
    }

    #[test]
    fn explicit_dates_in_body_are_day_mentions() {
        let got = mentions("The deal of 3 March 2019 expired.", ymd(2024, 9, 5));
        assert_eq!(
            got,
            vec![(
                "3 March 2019".to_string(),
                ymd(2019, 3, 3),
                "day".to_string()
            )]
        );
    }
}
