//! Splits text into line blocks and marks page furniture (navigation,
//! bylines, captions, footers, repeated headlines) so that it yields no
//! events. The rules are about the *shape* of a line (short, unpunctuated,
//! `|`-separated, `Photo: credit` at the end, "you … us" appeals) rather than
//! any one site's wording.

use std::collections::HashSet;
use std::sync::LazyLock;

use dyad_model::{Block, BlockKind, Boilerplate, Span};
use regex::Regex;

use crate::dates;

/// Longest line (in words) that can be a headline or sub-headline.
const HEADLINE_MAX_WORDS: usize = 20;
const HEADLINE_MAX_BYTES: usize = 200;
/// Page furniture is short; longer lines are body text without further
/// checks, which also keeps huge single-line inputs fast.
const FURNITURE_MAX_BYTES: usize = 2000;

/// Splits `text` into one block per non-blank line (trimmed) and classifies
/// each. `forced` holds kinds the markup already decided (HTML
/// `<figcaption>`), sorted by start; `title` is the document's known title,
/// whose copies in the text are headlines.
pub fn mark_blocks(text: &str, forced: &[(Span, BlockKind)], title: Option<&str>) -> Vec<Block> {
    let title_key = title.map(headline_key).filter(|k| !k.is_empty());
    let mut seen_headlines: HashSet<String> = HashSet::new();
    let mut blocks = Vec::new();
    let mut line_start = 0usize;
    for line in text.split('\n') {
        let start = line_start;
        line_start += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let span = Span::new(start + lead, start + lead + trimmed.len());
        let mut kind = forced_kind(forced, span).unwrap_or_else(|| classify_line(trimmed));
        if matches!(kind, BlockKind::Headline | BlockKind::Body) {
            let short = trimmed.len() <= 4 * HEADLINE_MAX_BYTES;
            let key = if short {
                headline_key(trimmed)
            } else {
                String::new()
            };
            let is_title = short && title_key.as_deref() == Some(key.as_str());
            if kind == BlockKind::Headline || is_title {
                kind = if seen_headlines.contains(&key) {
                    BlockKind::Boilerplate(Boilerplate::RepeatedHeadline)
                } else {
                    seen_headlines.insert(key);
                    BlockKind::Headline
                };
            }
        }
        blocks.push(Block { span, kind });
    }
    blocks
}

/// Compares headlines by their words only, so that a copy with other
/// spacing or a trailing NBSP still counts as the same.
fn headline_key(line: &str) -> String {
    line.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn forced_kind(forced: &[(Span, BlockKind)], span: Span) -> Option<BlockKind> {
    let i = forced.partition_point(|(s, _)| s.end <= span.start);
    forced
        .get(i)
        .filter(|(s, _)| s.start < span.end && span.start < s.end)
        .map(|(_, k)| *k)
}

/// The kind of one trimmed, non-empty line, before repeated-headline checks.
pub(crate) fn classify_line(line: &str) -> BlockKind {
    if line.len() > FURNITURE_MAX_BYTES {
        return BlockKind::Body;
    }
    let boilerplate = if is_byline(line) {
        Some(Boilerplate::Byline)
    } else if is_caption(line) {
        Some(Boilerplate::Caption)
    } else if is_footer(line) {
        Some(Boilerplate::Footer)
    } else if is_navigation(line) {
        Some(Boilerplate::Navigation)
    } else {
        None
    };
    match boilerplate {
        Some(b) => BlockKind::Boilerplate(b),
        None if looks_like_headline(line) => BlockKind::Headline,
        None => BlockKind::Body,
    }
}

fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// The line without trailing closing quotes/brackets ends like a sentence.
fn ends_like_sentence(line: &str) -> bool {
    let core = line.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '*')
    });
    core.ends_with(['.', '!', '?', '…', ':', ';', ','])
}

/// A short line that starts like a title and does not end like a sentence:
/// a headline or sub-headline.
fn looks_like_headline(line: &str) -> bool {
    let words = word_count(line);
    let starts_well = line.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'')
    });
    starts_well
        && (1..=HEADLINE_MAX_WORDS).contains(&words)
        && line.len() <= HEADLINE_MAX_BYTES
        && !ends_like_sentence(line)
}

/// Lowercase, inner whitespace collapsed, trailing punctuation and arrows
/// removed: the form navigation phrases are compared in.
fn nav_key(line: &str) -> String {
    let lower = line.to_lowercase();
    let trimmed = lower.trim_matches(|c: char| {
        c.is_whitespace()
            || c.is_ascii_punctuation()
            || matches!(c, '›' | '»' | '«' | '→' | '…' | '▾' | '▼' | '☰')
    });
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

const NAV_LINES: &[&str] = &[
    "select page",
    "like this",
    "loading",
    "print this article",
    "email this",
    "comment",
    "photos",
    "video",
    "watch",
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "skip to the content",
    "home",
    "homepage",
    "menu",
    "main menu",
    "open menu",
    "close menu",
    "toggle navigation",
    "navigation",
    "search",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this post",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share via email",
    "read more",
    "continue reading",
    "read next",
    "read also",
    "also read",
    "see also",
    "related",
    "related articles",
    "related posts",
    "related stories",
    "related news",
    "more stories",
    "more news",
    "you may also like",
    "you might also like",
    "recommended",
    "most read",
    "most popular",
    "trending",
    "latest news",
    "latest",
    "top stories",
    "advertisement",
    "advertisements",
    "sponsored",
    "sponsored content",
    "print",
    "email",
    "tweet",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "telegram",
    "reddit",
    "pinterest",
    "copy link",
    "back to top",
    "go to top",
    "previous article",
    "next article",
    "previous post",
    "next post",
    "previous",
    "next",
    "load more",
    "show more",
    "comments",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "log in",
    "login",
    "sign in",
    "register",
    "subscribe",
    "close",
    "listen",
    "listen to this article",
    "font size",
    "tags",
    "topics",
    "categories",
    "news",
    "breaking news",
    "opinion",
    "menu toggle",
    "search for",
    "follow us",
    "print this page",
    "view comments",
    "show comments",
];

const NAV_PREFIXES: &[&str] = &[
    "skip to ",
    "share this",
    "share on ",
    "read more",
    "read also",
    "also read",
    "read next",
    "continue reading",
    "related:",
    "related stories",
    "related articles",
    "see also",
    "click here",
    "follow us",
    "jump to ",
    "you are here",
    "listen to this",
    "recommended:",
    "more from ",
    "more:",
    "tags:",
    "topics:",
    "filed under",
    "posted in ",
    "categories:",
    "category:",
    "back to top",
];

fn is_navigation(line: &str) -> bool {
    let key = nav_key(line);
    if key.is_empty() {
        // Only symbols: separators, arrows, bullets.
        return true;
    }
    if NAV_LINES.contains(&key.as_str()) {
        return true;
    }
    let lower = line.to_lowercase();
    if word_count(line) <= 25 && NAV_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    is_menu_line(line)
}

/// `Home | World | Africa | Contact`, `News › Africa › Kenya`: short items
/// joined by separators.
fn is_menu_line(line: &str) -> bool {
    if line.len() > 400 {
        return false;
    }
    let spaced = line.replace(" / ", "|").replace(" > ", "|");
    let items: Vec<&str> = spaced
        .split(['|', '•', '·', '»', '›', '◦', '▪'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let separators = spaced
        .chars()
        .filter(|c| matches!(c, '|' | '•' | '·' | '»' | '›' | '◦' | '▪'))
        .count();
    if separators == 0 || items.len() < 2 {
        return false;
    }
    let short_items = items
        .iter()
        .all(|i| word_count(i) <= 4 && !ends_like_sentence(i));
    short_items && (items.len() >= 3 || word_count(line) <= 4)
}

static BY_AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:By|BY|Written by|Words by|Reporting by|Story by|Text by)\s+(.+)$")
        .expect("static regex")
});

const DATE_FILLER: &[&str] = &[
    "published",
    "updated",
    "posted",
    "last",
    "on",
    "at",
    "date",
    "modified",
    "first",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "eat",
    "wat",
    "cat",
    "est",
    "edt",
    "pst",
    "pdt",
    "ist",
    "sast",
    "hkt",
    "jst",
    "hrs",
    "hours",
    "min",
    "mins",
    "minute",
    "minutes",
    "read",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "ago",
    "time",
    "reading",
];

/// After removing dates, times and filler words, nothing but punctuation is left.
fn is_only_dates(line: &str, require_date: bool) -> bool {
    let ranges = dates::date_like_ranges(line);
    if require_date && ranges.is_empty() {
        return false;
    }
    let mut rest = String::with_capacity(line.len());
    let mut at = 0;
    for r in ranges {
        rest.push_str(line.get(at..r.start).unwrap_or(""));
        rest.push(' ');
        at = r.end;
    }
    rest.push_str(line.get(at..).unwrap_or(""));
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            let lw = w.to_lowercase();
            DATE_FILLER.contains(&lw.as_str())
                || (w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit()))
        })
}

const NAME_PARTICLES: &[&str] = &[
    "and", "de", "da", "van", "von", "bin", "al", "la", "le", "del", "dos", "der", "&", "el",
];
const NOT_NAMES: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "The",
    "This",
    "That",
    "Then",
    "Now",
    "Contrast",
    "Comparison",
    "Law",
    "Noon",
    "Midnight",
    "Early",
    "Late",
    "Mid",
];

fn is_name(words: &str) -> bool {
    let tokens: Vec<&str> = words.split_whitespace().collect();
    (1..=6).contains(&tokens.len())
        && tokens
            .iter()
            .any(|t| t.chars().next().is_some_and(char::is_uppercase))
        && tokens.iter().all(|t| {
            let t = t.trim_end_matches(['.', ',']);
            NAME_PARTICLES.contains(&t)
                || (t.chars().next().is_some_and(char::is_uppercase)
                    && !NOT_NAMES.contains(&t)
                    && !t.chars().any(|c| c.is_ascii_digit()))
        })
}

/// `| September 5, 2024`, `Updated 10:42 GMT, 5 Sept 2024`, `By Jane Doe`,
/// `Sept. 5, 2024 | By Jane Doe`, `By Jane Doe and Ali Musa, Staff Writers`.
fn is_byline(line: &str) -> bool {
    if word_count(line) > 25 {
        return false;
    }
    if is_only_dates(line, true) || is_by_author(line) {
        return true;
    }
    let lower = line.to_lowercase();
    if CREDIT_PREFIXES.iter().any(|p| lower.starts_with(p)) || READ_TIME.is_match(&lower) {
        return true;
    }
    if is_dated_author_line(line) {
        return true;
    }
    let parts: Vec<&str> = line
        .split(['|', '•'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 2
        && parts
            .iter()
            .any(|p| is_by_author(p) || is_only_dates(p, true))
        && parts
            .iter()
            .all(|p| is_by_author(p) || is_only_dates(p, false) || is_name(p))
}

/// `4 min read`, `3 minute read`.
static READ_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,3}\s*(?:min|mins|minute|minutes)\.?\s+read$").expect("static regex")
});

/// `Posted on May 2, 2024 by Lena Park`: dates and filler, then `by` a name.
fn is_dated_author_line(line: &str) -> bool {
    if dates::date_like_ranges(line).is_empty() {
        return false;
    }
    let lower = line.to_lowercase();
    let Some(at) = lower.rfind(" by ") else {
        return false;
    };
    let (before, after) = (
        line.get(..at).unwrap_or(""),
        line.get(at + 4..).unwrap_or(""),
    );
    let after = after.trim().trim_end_matches(['.', ',', '|']);
    is_only_dates(before, true) && is_name(after)
}

/// Agency credit lines: `(Reporting by ...; Editing by ...)`.
const CREDIT_PREFIXES: &[&str] = &[
    "(reporting by",
    "(writing by",
    "(additional reporting",
    "additional reporting by",
    "(editing by",
    "editing by",
    "compiled by",
    "(compiled by",
];

/// `By Jane Doe`, optionally followed by a role, agency or date.
fn is_by_author(line: &str) -> bool {
    let Some(caps) = BY_AUTHOR.captures(line) else {
        return false;
    };
    let Some(rest) = caps.get(1).map(|m| m.as_str()) else {
        return false;
    };
    let cut = rest
        .find(['|', ',', '–', '—', '•', '('])
        .unwrap_or(rest.len());
    let (name, tail) = rest.split_at(cut);
    let name = name.split(" - ").next().unwrap_or(name);
    if !is_name(name) {
        return false;
    }
    let tail = tail.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '|' | ',' | '–' | '—' | '•' | '-')
    });
    if tail.is_empty() || is_only_dates(tail, false) {
        return true;
    }
    let lower = tail.to_lowercase();
    let role = [
        "correspondent",
        "reporter",
        "editor",
        "writer",
        "staff",
        "bureau",
        "contributor",
        "news",
    ];
    word_count(tail) <= 10
        && (role.iter().any(|r| lower.contains(r))
            || tail
                .split(['|', '(', ')', '•'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .all(|part| is_name(part) || is_only_dates(part, false)))
}

static CAPTION_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\b(?:Photo|PHOTO|Photos|Photograph|Image|IMAGE|Picture|Pic|Credit|CREDIT|Photo credit|Image credit|Video)\s*(?::|by|/|©)\s*[^.!?:]{1,60}|\((?:AP|AFP|Reuters|REUTERS|Getty|EPA|Xinhua)[^()/]{0,40}(?:Photo|/)[^()]{0,80}\)|\((?:Photo|File photo|Image)\b[^()]{0,80}\)|/\s*(?:Getty Images|AFP|Reuters|REUTERS|AP|EPA|Shutterstock|Xinhua|Bloomberg)|©\s*[^.!?]{1,60})\s*$",
    )
    .expect("static regex")
});

const CAPTION_PREFIXES: &[&str] = &[
    "photo:",
    "photo by",
    "photo credit",
    "photos:",
    "photograph:",
    "photograph by",
    "image:",
    "image credit",
    "image by",
    "images:",
    "credit:",
    "picture:",
    "pictured:",
    "pic:",
    "file photo",
    "(ap photo",
    "(afp photo",
    "(reuters",
    "caption:",
    "illustration:",
    "source: getty",
    "video:",
    "watch:",
    "gallery:",
];

/// Photo captions and credits: `Photo: ...`, `(AP Photo/...)`, and a caption
/// sentence that ends with its credit (`... justice. Photo: Agency`). The
/// credit tail has at most eight words so that prose about photos is not hit.
fn is_caption(line: &str) -> bool {
    let lower = line.to_lowercase();
    if CAPTION_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    CAPTION_END
        .find(line)
        .is_some_and(|m| word_count(m.as_str()) <= 9)
}

/// Phrases that are footer furniture wherever they appear in a line.
const FOOTER_ANYWHERE: &[&str] = &[
    "all rights reserved",
    "©",
    "copyright (c)",
    "sign up for our",
    "subscribe to our",
    "subscribe now",
    "subscribe today",
    "our newsletter",
    "we use cookies",
    "uses cookies",
    "cookie settings",
    "accept cookies",
    "donate now",
    "donate today",
    "become a subscriber",
    "already a subscriber",
    "support our journalism",
    "support independent journalism",
    "support our work",
    "your support",
    "this article was originally published",
    "originally appeared",
    "the views expressed in this",
    "download our app",
    "republish this article",
];

/// Footer phrases that are also ordinary words in news ("the new privacy
/// policy"): only on short lines.
const FOOTER_SHORT_LINE: &[&str] = &[
    "privacy policy",
    "cookie policy",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "make a donation",
    "every contribution",
    "contact us",
    "about us",
];
const FOOTER_SHORT_WORDS: usize = 8;

/// Line openings of footers, matched as whole words (`donate`, not `donated`).
const FOOTER_PREFIXES: &[&str] = &[
    "subscribe to",
    "subscribe",
    "sign up",
    "donate",
    "support us",
    "support our",
    "become a",
    "join our",
    "follow us",
    "get our",
    "disclaimer",
    "editor's note",
    "editor’s note",
    "this story was",
    "this article was",
    "related topics",
];

fn starts_with_words(lower: &str, prefix: &str) -> bool {
    lower.starts_with(prefix) && !lower[prefix.len()..].starts_with(|c: char| c.is_alphanumeric())
}

/// Words a quoted or reported sentence has; footers address the reader and
/// do not report speech.
fn reports_speech(lower: &str) -> bool {
    lower.contains(" said")
        || lower.contains(" says")
        || lower.contains(" told ")
        || lower.contains('“')
        || lower.contains('"')
}

/// Donation, subscription, newsletter, cookie and copyright furniture.
fn is_footer(line: &str) -> bool {
    let lower = line.to_lowercase();
    let speech = reports_speech(&lower);
    if lower.contains('©') || lower.contains("all rights reserved") {
        return true;
    }
    if speech {
        return false;
    }
    if FOOTER_ANYWHERE.iter().any(|p| lower.contains(p)) {
        return true;
    }
    let words_in_line = word_count(line);
    if words_in_line <= FOOTER_SHORT_WORDS && FOOTER_SHORT_LINE.iter().any(|p| lower.contains(p)) {
        return true;
    }
    if words_in_line <= 30 && FOOTER_PREFIXES.iter().any(|p| starts_with_words(&lower, p)) {
        return true;
    }
    // "Copyright 2024 Outlet" but not "Copyright disputes escalated".
    if starts_with_words(&lower, "copyright")
        && (words_in_line <= 6 || lower.contains(char::is_numeric))
    {
        return true;
    }
    // An appeal to the reader: "you/your" with "us/our/we" and a support word.
    let words: Vec<String> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let has = |set: &[&str]| words.iter().any(|w| set.contains(&w.as_str()));
    let support = words.iter().any(|w| {
        [
            "support",
            "donat",
            "subscri",
            "contribut",
            "journalism",
            "newsletter",
            "membership",
            "sponsor",
        ]
        .iter()
        .any(|stem| w.starts_with(stem))
    });
    has(&["you", "your"]) && has(&["us", "our", "we"]) && support
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, BlockKind)> {
        mark_blocks(text, &[], None)
            .into_iter()
            .map(|b| (b.span.slice(text).to_string(), b.kind))
            .collect()
    }

    const NAV: BlockKind = BlockKind::Boilerplate(Boilerplate::Navigation);
    const CAPTION: BlockKind = BlockKind::Boilerplate(Boilerplate::Caption);
    const FOOTER: BlockKind = BlockKind::Boilerplate(Boilerplate::Footer);
    const BYLINE: BlockKind = BlockKind::Boilerplate(Boilerplate::Byline);
    const REPEAT: BlockKind = BlockKind::Boilerplate(Boilerplate::RepeatedHeadline);

    #[test]
    fn blocks_cover_every_non_blank_line_trimmed() {
        let text = "  First line here.  \n\n\tSecond line.\n   \nThird";
        let got = kinds(text);
        let lines: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(lines, ["First line here.", "Second line.", "Third"]);
    }

    #[test]
    fn invented_article_is_marked() {
        let text = "Skip to content\nHome | World | Africa | Opinion | Contact\n\
            Lagos and Accra Agree a “Border Pact” \u{20}\n\
            Lagos and Accra Agree a “Border Pact”\n\
            By Amara Obi | March 4, 2023\n\
            Trade on the agenda\n\
            Delegates shake hands at the signing in Abuja on Friday. Photo: Regional Press Office\n\
            Nigeria and Ghana signed a border agreement on Friday, officials said.\n\
            The deal follows months of talks.\n\
            (AP Photo/Jane Roe)\n\
            Share this:\n\
            If you value our reporting, please support us with a small donation today.\n\
            Sign up for our weekly newsletter\n\
            © 2023 Example Media. All rights reserved.";
        let got = kinds(text);
        let want = [
            NAV,
            NAV,
            BlockKind::Headline,
            REPEAT,
            BYLINE,
            BlockKind::Headline,
            CAPTION,
            BlockKind::Body,
            BlockKind::Body,
            CAPTION,
            NAV,
            FOOTER,
            FOOTER,
            FOOTER,
        ];
        for ((line, kind), want) in got.iter().zip(want) {
            assert_eq!(*kind, want, "line {line:?}");
        }
        assert_eq!(got.len(), want.len());
    }

    #[test]
    fn bylines() {
        for l in [
            "| September 5, 2024",
            "By Jane Doe",
            "BY JANE DOE",
            "By Jane Doe and Ali Musa, Staff Writers",
            "Published: 5 Sept 2024, 10:42 GMT",
            "Sept. 5, 2024",
            "2024-09-05",
            "Updated Thursday, September 5, 2024 | 3 min read",
            "Posted on May 2, 2024 by Lena Park",
            "4 Min Read",
            "By Li Wei | Sept 5, 2024 | Reuters",
            "(Reporting by Ann Lee; Editing by Tom Roe)",
        ] {
            assert_eq!(classify_line(l), BYLINE, "{l}");
        }
        for l in [
            "By Monday, the troops had left the border town.",
            "By 2030 the line will carry freight.",
            "By contrast, Kenya abstained.",
        ] {
            assert_ne!(classify_line(l), BYLINE, "{l}");
        }
    }

    #[test]
    fn captions() {
        for l in [
            "Photo: Agency X",
            "Image: Handout",
            "Credit: Ann Lee/Getty",
            "(AP Photo/John Roe)",
            "File photo of the harbour at dawn",
            "Leaders pose before the summit in Dakar. Photo: Ministry of Foreign Affairs",
            "Soldiers patrol the market. (Reuters/Jo Bloggs)",
            "Protesters march in the capital / Getty Images",
        ] {
            assert_eq!(classify_line(l), CAPTION, "{l}");
        }
        for l in [
            "The minister said the photo showed damage to the port, which officials denied.",
            "He described the picture: grim, and getting worse.",
            "The talks ended without agreement, officials said (Reuters).",
        ] {
            assert_ne!(classify_line(l), CAPTION, "{l}");
        }
    }

    #[test]
    fn footers_but_not_news_about_donations() {
        for l in [
            "Your support helps us keep reporting independent.",
            "Subscribe to The Daily Brief",
            "Donate",
            "We use cookies to improve your experience.",
            "Copyright 2024 Some Outlet",
        ] {
            assert_eq!(classify_line(l), FOOTER, "{l}");
        }
        for l in [
            "Japan pledged to donate two million vaccine doses to Kenya.",
            "“Your support means everything to us,” the president told the crowd.",
            "Countries that subscribe to the treaty must report their stockpiles.",
            "Donated vaccines arrived in Nairobi on Monday.",
            "Subscribers to the treaty must report.",
            "Copyright disputes between the two countries escalated last year.",
            "The newsletter reported that troops had crossed the border.",
            "The government's new privacy policy drew criticism from rights groups on Monday.",
            "Ukraine hopes to become a member of the alliance by 2030.",
        ] {
            assert!(
                !matches!(classify_line(l), BlockKind::Boilerplate(_)),
                "{l}"
            );
        }
    }

    #[test]
    fn navigation() {
        for l in [
            "Select Page",
            "Skip to main content",
            "HOME",
            "Read more »",
            "News › Africa › Kenya",
            "Politics | Business | Sport",
            "Share this article",
            "Read more: Kenya and China sign rail deal",
        ] {
            assert_eq!(classify_line(l), NAV, "{l}");
        }
        for l in [
            "Home Secretary visits Beijing",
            "Talks | a timeline of the dispute that began in 2019, when troops crossed.",
        ] {
            assert_ne!(classify_line(l), NAV, "{l}");
        }
    }

    #[test]
    fn headlines_and_repeats() {
        let text = "Ministers Meet in Lima\nMinisters  meet in Lima\nThe ministers met.\nBackground\nMinisters Meet in Lima";
        let got: Vec<BlockKind> = kinds(text).into_iter().map(|x| x.1).collect();
        assert_eq!(
            got,
            [
                BlockKind::Headline,
                REPEAT,
                BlockKind::Body,
                BlockKind::Headline,
                REPEAT
            ]
        );
    }

    #[test]
    fn title_copies_are_headlines_even_when_long() {
        let title = "Officials from both countries said on Friday they would resume border talks next month, a spokesman said.";
        let text = format!("{title}\nBody sentence here.\n{title}");
        let got: Vec<BlockKind> = mark_blocks(&text, &[], Some(title))
            .into_iter()
            .map(|b| b.kind)
            .collect();
        assert_eq!(got, [BlockKind::Headline, BlockKind::Body, REPEAT]);
    }

    #[test]
    fn forced_kinds_win() {
        let text = "A woman walks past the ruined market.\nBody.";
        let forced = [(Span::new(0, 38), CAPTION)];
        let got = mark_blocks(text, &forced, None);
        assert_eq!(got[0].kind, CAPTION);
        assert_eq!(got[1].kind, BlockKind::Body);
    }
}
