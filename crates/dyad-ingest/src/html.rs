//! HTML → text with one line per block-level element. Only html5ever's
//! tokenizer is used (no DOM): a small stack of open elements is enough to
//! drop scripts, navigation, forms and page headers/footers, and to mark
//! figure captions.

use std::cell::RefCell;

use chrono::NaiveDate;
use dyad_model::{BlockKind, Boilerplate, Span};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, CharacterTokens, EndTag, StartTag, Tag, TagToken, Token, TokenSink,
    TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::TokenizerResult;

/// Text of a page, with what the markup says about it.
#[derive(Debug, Default)]
pub(crate) struct PageText {
    pub text: String,
    /// The first `<h1>`, else `<title>`.
    pub title: Option<String>,
    /// Spans of `<figcaption>` and caption/credit elements, sorted.
    pub forced: Vec<(Span, BlockKind)>,
    /// The publication date the page's metadata states
    /// (`article:published_time`, `itemprop=datePublished`, `<time pubdate>`).
    pub published: Option<NaiveDate>,
}

/// Beyond this depth elements are not tracked, so that end-tag matching stays
/// linear on pathological input.
const MAX_STACK: usize = 1024;

/// Pages whose article sits inside a wrapper whose class looks like furniture
/// (`has-sidebar`) lose everything to the class rules; below this many words
/// the page is re-read without them.
const MIN_WORDS_WITH_CLASS_RULES: usize = 60;

pub(crate) fn html_to_text(html: &str) -> PageText {
    let strict = extract(html, true);
    if strict.text.split_whitespace().count() >= MIN_WORDS_WITH_CLASS_RULES {
        return strict;
    }
    let lenient = extract(html, false);
    if lenient.text.split_whitespace().count() > 2 * strict.text.split_whitespace().count() {
        lenient
    } else {
        strict
    }
}

fn extract(html: &str, class_rules: bool) -> PageText {
    let sink = TextSink {
        state: RefCell::new(State {
            class_rules,
            ..State::default()
        }),
    };
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    while let TokenizerResult::Script(_) = tokenizer.feed(&input) {}
    tokenizer.end();
    let mut state = tokenizer.sink.state.take();
    state.break_block();
    let text = state.out.trim_end().to_string();
    let title = state
        .h1
        .map(|t| collapse(&t))
        .filter(|t| !t.is_empty())
        .or_else(|| state.title.map(|t| collapse(&t)).filter(|t| !t.is_empty()));
    let len = text.len();
    let forced = state
        .captions
        .into_iter()
        .filter_map(|(s, e)| {
            let e = e.min(len);
            (s < e).then(|| {
                (
                    Span::new(s, e),
                    BlockKind::Boilerplate(Boilerplate::Caption),
                )
            })
        })
        .collect();
    let published = state
        .published
        .as_deref()
        .and_then(crate::dates::parse_loose_date);
    PageText {
        text,
        title,
        forced,
        published,
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One open element and what it means for the text inside it.
#[derive(Debug)]
struct Open {
    name: String,
    skip: bool,
    caption_start: Option<usize>,
    article: bool,
    h1: bool,
    title: bool,
}

#[derive(Debug, Default)]
struct State {
    class_rules: bool,
    stack: Vec<Open>,
    out: String,
    pending_space: bool,
    title: Option<String>,
    h1: Option<String>,
    captions: Vec<(usize, usize)>,
    published: Option<String>,
}

struct TextSink {
    state: RefCell<State>,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen",
];

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
    "textarea", "iframe", "svg", "math", "canvas", "object", "audio", "video", "dialog", "menu",
    "head", "footer", "label", "option",
];

/// Elements that start a new line.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "blockquote",
    "section",
    "article",
    "figure",
    "figcaption",
    "pre",
    "dd",
    "dt",
    "dl",
    "hr",
    "address",
    "main",
    "header",
    "footer",
    "body",
    "caption",
    "td",
    "th",
    "center",
    "details",
    "summary",
    "fieldset",
    "legend",
    "html",
];

/// Class/id words that mark page furniture.
const FURNITURE_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "sharing",
    "social",
    "cookie",
    "cookies",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "advert",
    "advertisement",
    "ads",
    "sidebar",
    "related",
    "comments",
    "comment",
    "popup",
    "modal",
    "promo",
    "toolbar",
    "skip",
    "paywall",
    "donate",
    "donation",
];

const CAPTION_WORDS: &[&str] = &["caption", "figcaption", "credit", "credits"];

/// Metadata names that carry the publication date.
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "og:published_time",
];

/// The publication date a `<meta>` or `<time>` element states, if it is one.
fn published_date_attr(tag: &Tag) -> Option<String> {
    let name: &str = &tag.name;
    match name {
        "meta" => {
            let key = attr(tag, "property")
                .or(attr(tag, "name"))
                .or(attr(tag, "itemprop"))?;
            PUBLISHED_META
                .contains(&key.to_ascii_lowercase().as_str())
                .then(|| attr(tag, "content").map(str::to_string))
                .flatten()
        }
        "time" => {
            let marked = attr(tag, "pubdate").is_some()
                || attr(tag, "itemprop").is_some_and(|v| v.eq_ignore_ascii_case("datePublished"))
                || class_words(tag)
                    .iter()
                    .any(|w| w == "published" || w == "pubdate");
            marked
                .then(|| attr(tag, "datetime").map(str::to_string))
                .flatten()
        }
        _ => None,
    }
}

fn attr<'a>(tag: &'a Tag, name: &str) -> Option<&'a str> {
    tag.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

fn class_words(tag: &Tag) -> Vec<String> {
    let mut words = Vec::new();
    for name in ["class", "id"] {
        if let Some(v) = attr(tag, name) {
            words.extend(
                v.split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_ascii_lowercase),
            );
        }
    }
    words
}

impl State {
    fn skipping(&self) -> bool {
        self.stack.iter().any(|o| o.skip)
    }

    fn in_article(&self) -> bool {
        self.stack.iter().any(|o| o.article)
    }

    /// Ends the current line with a blank line, so that every block-level
    /// element is its own paragraph.
    fn break_block(&mut self) {
        let kept = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(kept);
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            if self.out.ends_with('\n') {
                self.out.push('\n');
            } else {
                self.out.push_str("\n\n");
            }
        }
        self.pending_space = false;
    }

    fn line_break(&mut self) {
        let kept = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(kept);
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.pending_space = false;
    }

    fn text(&mut self, s: &str) {
        if self.stack.iter().any(|o| o.title) {
            self.title.get_or_insert_with(String::new).push_str(s);
            return;
        }
        if self.stack.iter().any(|o| o.h1) {
            if let Some(h1) = self.h1.as_mut() {
                h1.push_str(s);
            }
        }
        if self.skipping() {
            return;
        }
        // Entities decode to NBSP and zero-width characters after the
        // file-level normalisation ran, so normalise again here.
        for c in crate::decode::normalise(s).chars() {
            if c.is_whitespace() {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.out.is_empty() && !self.out.ends_with('\n') {
                    self.out.push(' ');
                }
                self.pending_space = false;
                self.out.push(c);
            }
        }
    }

    fn start(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        let raw = match name {
            "script" => Some(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                Some(RawKind::Rawtext)
            }
            "title" | "textarea" => Some(RawKind::Rcdata),
            _ => None,
        };
        if name == "br" && !self.skipping() {
            self.line_break();
        }
        if self.published.is_none() {
            self.published = published_date_attr(tag);
        }
        if BLOCK.contains(&name) && !self.skipping() {
            self.break_block();
        }
        if VOID.contains(&name) || tag.self_closing {
            return raw.map_or(TokenSinkResult::Continue, TokenSinkResult::RawData);
        }
        let words = if self.class_rules {
            class_words(tag)
        } else {
            Vec::new()
        };
        let role = attr(tag, "role").unwrap_or("");
        let hidden = attr(tag, "hidden").is_some() || attr(tag, "aria-hidden") == Some("true");
        let structural = matches!(name, "html" | "body" | "main" | "article");
        let furniture = !structural && words.iter().any(|w| FURNITURE_WORDS.contains(&w.as_str()));
        // A page header is furniture; an article's own header holds its headline.
        let header = name == "header" && !self.in_article();
        let skip = (SKIP.contains(&name) && name != "head")
            || header
            || hidden
            || furniture
            || matches!(
                role,
                "navigation" | "banner" | "contentinfo" | "complementary" | "search" | "dialog"
            );
        let caption =
            name == "figcaption" || words.iter().any(|w| CAPTION_WORDS.contains(&w.as_str()));
        let h1 = name == "h1" && self.h1.is_none();
        if h1 {
            self.h1 = Some(String::new());
        }
        if self.stack.len() < MAX_STACK {
            let caption_start = (caption && !self.skipping()).then(|| {
                self.break_block();
                self.out.len()
            });
            self.stack.push(Open {
                name: name.to_string(),
                skip: skip || name == "head",
                caption_start,
                article: matches!(name, "article" | "main"),
                h1,
                title: name == "title",
            });
        }
        raw.map_or(TokenSinkResult::Continue, TokenSinkResult::RawData)
    }

    fn end(&mut self, tag: &Tag) {
        let name: &str = &tag.name;
        if name == "br" && !self.skipping() {
            self.line_break();
            return;
        }
        if let Some(i) = self.stack.iter().rposition(|o| o.name == name) {
            while self.stack.len() > i {
                let Some(open) = self.stack.pop() else { break };
                if let Some(start) = open.caption_start {
                    let end = self.out.trim_end().len();
                    if end > start {
                        self.captions.push((start, end));
                    }
                }
            }
        }
        if BLOCK.contains(&name) && !self.skipping() {
            self.break_block();
        }
    }
}

impl TokenSink for TextSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line_number: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            TagToken(tag) => match tag.kind {
                StartTag => return state.start(&tag),
                EndTag => state.end(&tag),
            },
            CharacterTokens(s) => state.text(&s),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_markup_and_keeps_block_lines() {
        let page = html_to_text(
            "<!DOCTYPE html><html><head><title>Site | Story</title><style>p{color:red}</style>\
             <script>var x = '<p>not text</p>';</script></head><body>\
             <header><nav><a href=/>Home</a> | <a href=/w>World</a></nav></header>\
             <article><header><h1>Leaders &amp; Envoys  Meet</h1></header>\
             <p>First   paragraph with <b>bold</b> and&nbsp;entity &ldquo;quote&rdquo;.</p>\
             <!-- a comment --><p>Second<br>line two</p>\
             <figure><img src=x.jpg><figcaption>A crowd gathers. Photo: Someone</figcaption></figure>\
             <aside>Related: other story</aside><form><input name=q><button>Go</button></form>\
             <ul><li>One item.</li><li>Two item.</li></ul></article>\
             <footer>© 2024 Site</footer></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("Leaders & Envoys Meet"));
        assert_eq!(
            page.text,
            "Leaders & Envoys Meet\n\nFirst paragraph with bold and entity \u{201c}quote\u{201d}.\n\n\
             Second\nline two\n\nA crowd gathers. Photo: Someone\n\nOne item.\n\nTwo item."
        );
        assert_eq!(page.forced.len(), 1);
        assert_eq!(
            page.forced[0].0.slice(&page.text),
            "A crowd gathers. Photo: Someone"
        );
    }

    #[test]
    fn published_date_from_metadata() {
        let page = html_to_text(
            "<head><meta property='article:published_time' content='2023-03-04T09:00:00+01:00'></head><p>Text.</p>",
        );
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2023, 3, 4));
        let page = html_to_text(
            "<p><time itemprop=datePublished datetime='2021-01-02'>Jan 2</time> Text.</p>",
        );
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2021, 1, 2));
        let page = html_to_text("<p><time datetime='2021-01-02'>Jan 2</time> Text.</p>");
        assert_eq!(page.published, None);
    }

    #[test]
    fn title_element_when_no_h1_and_class_furniture_dropped() {
        let page = html_to_text(
            "<title>Envoys meet</title><div class='share-buttons'>Share on X</div>\
             <div class=\"story\"><p>Envoys met.</p></div><p class=photo-credit>Jane Roe</p>",
        );
        assert_eq!(page.title.as_deref(), Some("Envoys meet"));
        assert_eq!(page.text, "Envoys met.\n\nJane Roe");
        assert_eq!(page.forced[0].0.slice(&page.text), "Jane Roe");
    }

    #[test]
    fn furniture_wrapper_around_everything_falls_back() {
        let body = "Officials met in the capital to discuss the border. ".repeat(5);
        let page = html_to_text(&format!(
            "<body><div class='layout has-sidebar'><p>{body}</p></div></body>"
        ));
        assert!(page.text.starts_with("Officials met"), "{}", page.text);
    }

    #[test]
    fn unclosed_and_misnested_tags_do_not_lose_text_or_panic() {
        let page = html_to_text("<p>One<p>Two<div><span>Three</div></span><b>Four");
        assert_eq!(page.text, "One\n\nTwo\n\nThree\n\nFour");
        let deep = "<div>".repeat(5000) + "deep text" + &"</div>".repeat(5000);
        assert_eq!(html_to_text(&deep).text, "deep text");
    }
}
