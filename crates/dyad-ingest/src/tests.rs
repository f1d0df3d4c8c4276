//! Tests of the public API across formats, bad inputs and properties.

use super::*;
use dyad_model::{Block, Boilerplate};
use proptest::prelude::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn opts() -> IngestOptions {
    IngestOptions {
        default_date: None,
        today: ymd(2025, 6, 1),
        strict: false,
    }
}

fn one(name: &str, bytes: &[u8]) -> Document {
    let got = ingest_bytes(name, bytes, None, &opts()).unwrap();
    assert_eq!(got.docs.len(), 1, "{:?}", got.warnings);
    got.docs.into_iter().next().unwrap()
}

fn kinds(doc: &Document) -> Vec<(&str, BlockKind)> {
    doc.blocks
        .iter()
        .map(|b| (b.span.slice(&doc.text), b.kind))
        .collect()
}

/// Every span lies inside the text, on character boundaries, blocks in order.
fn check_spans(doc: &Document) {
    let ok = |s: Span| {
        s.start <= s.end
            && s.end <= doc.text.len()
            && doc.text.is_char_boundary(s.start)
            && doc.text.is_char_boundary(s.end)
    };
    let mut last_end = 0;
    for b in &doc.blocks {
        assert!(
            ok(b.span),
            "block {:?} outside text of {} bytes",
            b.span,
            doc.text.len()
        );
        assert!(b.span.start >= last_end && !b.span.is_empty());
        last_end = b.span.end;
    }
    if let Some(s) = doc.date_span {
        assert!(ok(s));
    }
    for m in &doc.time_mentions {
        assert!(ok(m.span));
    }
    assert!(doc.date.is_some());
}

#[test]
fn detects_kinds() {
    assert_eq!(detect_kind("a.TXT", b"{"), InputKind::Text);
    assert_eq!(detect_kind("a.htm", b""), InputKind::Html);
    assert_eq!(detect_kind("dir/a.jsonl", b""), InputKind::JsonLines);
    assert_eq!(detect_kind("a.rss", b""), InputKind::Feed);
    assert_eq!(detect_kind("a.atom", b""), InputKind::Feed);
    assert_eq!(detect_kind("-", b"  {\"text\": 1}"), InputKind::JsonLines);
    assert_eq!(detect_kind("-", b"<html>"), InputKind::Text);
    assert_eq!(
        detect_kind("noext", b"<!DOCTYPE html><html>"),
        InputKind::Html
    );
    assert_eq!(
        detect_kind("noext", b"<?xml version='1.0'?><rss>"),
        InputKind::Feed
    );
}

#[test]
fn plain_text_document() {
    let doc = one(
        "dir/story.txt",
        "Envoys Meet in Quito\r\n\r\n| March 4, 2023\r\nThe envoys met on Friday.\u{a0}They agreed.\n".as_bytes(),
    );
    assert_eq!(doc.id, "story.txt");
    assert_eq!(doc.origin, "dir/story.txt");
    assert_eq!(
        doc.text,
        "Envoys Meet in Quito\n\n| March 4, 2023\nThe envoys met on Friday. They agreed.\n"
    );
    assert_eq!(doc.title.as_deref(), Some("Envoys Meet in Quito"));
    assert_eq!(doc.date, Some(ymd(2023, 3, 4)));
    assert_eq!(doc.date_source, DateSource::Text);
    assert_eq!(doc.date_span.unwrap().slice(&doc.text), "March 4, 2023");
    assert_eq!(
        kinds(&doc),
        [
            ("Envoys Meet in Quito", BlockKind::Headline),
            (
                "| March 4, 2023",
                BlockKind::Boilerplate(Boilerplate::Byline)
            ),
            ("The envoys met on Friday. They agreed.", BlockKind::Body),
        ]
    );
    // 2023-03-04 is a Saturday; "on Friday" is the day before.
    assert_eq!(doc.time_mentions.len(), 1);
    assert_eq!(doc.time_mentions[0].date, ymd(2023, 3, 3));
    check_spans(&doc);
}

#[test]
fn date_precedence_default_then_today() {
    let text = b"No date here. Officials met yesterday.";
    let doc = one("a.txt", text);
    assert_eq!(
        (doc.date, doc.date_source),
        (Some(ymd(2025, 6, 1)), DateSource::Default)
    );
    assert_eq!(doc.time_mentions[0].date, ymd(2025, 5, 31));
    let o = IngestOptions {
        default_date: Some(ymd(2020, 2, 2)),
        ..opts()
    };
    let doc = ingest_bytes("a.txt", text, None, &o)
        .unwrap()
        .docs
        .remove(0);
    assert_eq!(
        (doc.date, doc.date_source),
        (Some(ymd(2020, 2, 2)), DateSource::Default)
    );
    assert_eq!(doc.date_span, None);
}

#[test]
fn json_lines_documents_and_bad_lines() {
    let input = concat!(
        "{\"id\": \"a1\", \"text\": \"Officials met on Monday.\", \"date\": \"2024-09-05\", \"title\": \"T\", \"url\": \"http://x\", \"source\": \"S\"}\n",
        "\n",
        "{\"text\": \"| May 2, 2022\\nBody text here.\"}\n",
        "{\"text\": broken\n",
        "{\"text\": \"Body.\", \"date\": \"05/09/2024\"}\n",
        "[1, 2]\n",
        "{\"id\": 7}\n",
        "{\"text\": \" \"}\n",
    );
    let got = ingest_bytes("in.jsonl", input.as_bytes(), None, &opts()).unwrap();
    let ids: Vec<&str> = got.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a1", "in.jsonl:3", "in.jsonl:5"]);
    let a = &got.docs[0];
    assert_eq!(
        (a.date, a.date_source),
        (Some(ymd(2024, 9, 5)), DateSource::Given)
    );
    assert_eq!(
        (a.title.as_deref(), a.url.as_deref(), a.source.as_deref()),
        (Some("T"), Some("http://x"), Some("S"))
    );
    assert_eq!(a.origin, "in.jsonl:1");
    assert_eq!(a.time_mentions[0].date, ymd(2024, 9, 2));
    assert_eq!(
        (got.docs[1].date, got.docs[1].date_source),
        (Some(ymd(2022, 5, 2)), DateSource::Text)
    );
    assert_eq!(got.docs[2].date_source, DateSource::Default);
    let w: Vec<String> = got.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(w.len(), 5, "{w:?}");
    assert_eq!(w[4], "in.jsonl:8: empty \"text\"; line skipped");
    assert!(w[0].starts_with("in.jsonl:4: invalid JSON:"), "{w:?}");
    assert!(
        w[1].starts_with("in.jsonl:5: invalid date \"05/09/2024\""),
        "{w:?}"
    );
    assert_eq!(w[2], "in.jsonl:6: expected a JSON object; line skipped");
    assert_eq!(w[3], "in.jsonl:7: missing \"text\"; line skipped");

    let strict = IngestOptions {
        strict: true,
        ..opts()
    };
    let err = ingest_bytes("in.jsonl", input.as_bytes(), None, &strict)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("in.jsonl:4: invalid JSON:"), "{err}");
    assert!(!err.contains('\n'));
}

#[test]
fn html_document() {
    let page = "<html><head><title>Envoys meet | Site</title></head><body>\
        <nav>Home | World</nav><h1>Envoys Meet in Quito</h1>\
        <p class=byline>By Ann Lee | March 4, 2023</p>\
        <figure><figcaption>Envoys shake hands</figcaption></figure>\
        <p>The envoys met on Friday &amp; agreed to talk again.</p>\
        <div class=newsletter>Sign up now</div></body></html>";
    let doc = one("p.html", page.as_bytes());
    assert_eq!(doc.title.as_deref(), Some("Envoys Meet in Quito"));
    assert_eq!(doc.date, Some(ymd(2023, 3, 4)));
    assert_eq!(
        kinds(&doc),
        [
            ("Envoys Meet in Quito", BlockKind::Headline),
            (
                "By Ann Lee | March 4, 2023",
                BlockKind::Boilerplate(Boilerplate::Byline)
            ),
            (
                "Envoys shake hands",
                BlockKind::Boilerplate(Boilerplate::Caption)
            ),
            (
                "The envoys met on Friday & agreed to talk again.",
                BlockKind::Body
            ),
        ]
    );
    check_spans(&doc);
}

#[test]
fn rss_feed_items() {
    let feed = r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Example Wire</title><link>http://example.org</link>
<item>
  <title>Envoys meet &amp; talk</title>
  <link>http://example.org/1</link>
  <guid>urn:1</guid>
  <pubDate>Thu, 05 Sep 2024 10:00:00 GMT</pubDate>
  <description>&lt;p&gt;The envoys met on Tuesday.&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;</description>
</item>
<item>
  <title>Second story</title>
  <link>http://example.org/2</link>
  <pubDate>sometime</pubDate>
  <content:encoded><![CDATA[<p>Ministers spoke.</p><figure><figcaption>A photo</figcaption></figure>]]></content:encoded>
</item>
</channel></rss>"#;
    let got = ingest_bytes("f.xml", feed.as_bytes(), None, &opts()).unwrap();
    assert_eq!(got.docs.len(), 2);
    let a = &got.docs[0];
    assert_eq!(a.id, "urn:1");
    assert_eq!(a.url.as_deref(), Some("http://example.org/1"));
    assert_eq!(a.source.as_deref(), Some("Example Wire"));
    assert_eq!(a.title.as_deref(), Some("Envoys meet & talk"));
    assert_eq!(a.text, "Envoys meet & talk\n\nThe envoys met on Tuesday.");
    assert_eq!(
        (a.date, a.date_source),
        (Some(ymd(2024, 9, 5)), DateSource::Given)
    );
    assert_eq!(a.origin, "f.xml:4");
    assert_eq!(a.time_mentions[0].date, ymd(2024, 9, 3));
    let b = &got.docs[1];
    assert_eq!(b.id, "http://example.org/2");
    assert_eq!(b.date_source, DateSource::Default);
    assert_eq!(
        kinds(b)[2],
        ("A photo", BlockKind::Boilerplate(Boilerplate::Caption))
    );
    assert_eq!(got.warnings.len(), 1);
    assert!(
        got.warnings[0]
            .to_string()
            .starts_with("f.xml:11: unreadable date"),
        "{:?}",
        got.warnings
    );
    for d in &got.docs {
        check_spans(d);
    }
}

#[test]
fn atom_feed_entries() {
    let feed = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title type="html">Leaders &lt;b&gt;meet&lt;/b&gt;</title>
<link rel="self" href="http://e/self"/><link href="http://e/1"/>
<id>tag:e,2024:1</id><updated>2024-09-06T08:00:00Z</updated><published>2024-09-05T08:00:00+03:00</published>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First para.</p><p>Second para.</p></div></content>
</entry></feed>"#;
    let got = ingest_bytes("f.atom", feed.as_bytes(), None, &opts()).unwrap();
    let d = &got.docs[0];
    assert_eq!(d.id, "tag:e,2024:1");
    assert_eq!(d.url.as_deref(), Some("http://e/1"));
    assert_eq!(d.date, Some(ymd(2024, 9, 5)));
    assert_eq!(d.text, "Leaders meet\n\nFirst para.\n\nSecond para.");
    assert_eq!(d.source.as_deref(), Some("Atom Wire"));
}

#[test]
fn bad_feeds() {
    let err = ingest_bytes("x.xml", b"<records><r/></records>", None, &opts()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "x.xml:1: not an RSS or Atom feed (no <rss>, <feed> or <channel>)"
    );
    let err = ingest_bytes(
        "x.xml",
        b"<rss><channel>\n<item><title>a</b></item>",
        None,
        &opts(),
    )
    .unwrap_err();
    assert!(
        err.to_string().starts_with("x.xml:2: malformed XML"),
        "{err}"
    );
    let ok = "<rss><channel><item><title>A story</title></item>\n<item><title>b</wrong></item></channel></rss>";
    let got = ingest_bytes("x.xml", ok.as_bytes(), None, &opts()).unwrap();
    assert_eq!(got.docs.len(), 1);
    assert!(
        got.warnings[0]
            .to_string()
            .starts_with("x.xml:2: malformed XML"),
        "{:?}",
        got.warnings
    );
    let strict = IngestOptions {
        strict: true,
        ..opts()
    };
    assert!(ingest_bytes("x.xml", ok.as_bytes(), None, &strict).is_err());
}

#[test]
fn empty_input_is_a_warning_not_an_error() {
    for bytes in [&b""[..], b"  \n\n\t", b"\xEF\xBB\xBF"] {
        let got = ingest_bytes("x.txt", bytes, None, &opts()).unwrap();
        assert!(got.docs.is_empty());
        assert_eq!(got.warnings[0].to_string(), "x.txt: empty file");
    }
}

#[test]
fn binary_and_unreadable_files_are_errors() {
    let err = ingest_bytes("x.bin", b"\x7fELF\x02\x01\x00\x00", None, &opts()).unwrap_err();
    assert_eq!(err.to_string(), "x.bin: binary file (NUL bytes), not text");
    let err = ingest_path(Path::new("/nonexistent/dir/x.txt"), &opts())
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("/nonexistent/dir/x.txt: cannot read:"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_is_latin1_with_warning() {
    let got = ingest_bytes("old.txt", b"Caf\xe9 talks in S\xe3o Paulo.", None, &opts()).unwrap();
    assert_eq!(got.docs[0].text, "Café talks in São Paulo.");
    assert_eq!(got.warnings.len(), 1);
    assert_eq!(got.warnings[0].origin, "old.txt");
}

#[test]
fn ten_megabyte_single_line_is_fast() {
    let sentence =
        "Officials from both countries met on Tuesday in the capital and agreed to talk. ";
    let big = sentence.repeat(10 * 1024 * 1024 / sentence.len());
    let start = std::time::Instant::now();
    for (name, kind) in [("big.txt", InputKind::Text), ("big.html", InputKind::Html)] {
        let t = std::time::Instant::now();
        let got = ingest_bytes(name, big.as_bytes(), Some(kind), &opts()).unwrap();
        assert_eq!(got.docs[0].blocks.len(), 1);
        eprintln!("{name}: {:?}", t.elapsed());
    }
    let json = format!("{{\"text\": \"{}\"}}", big.trim_end());
    let got = ingest_bytes("big.jsonl", json.as_bytes(), None, &opts()).unwrap();
    assert_eq!(got.docs.len(), 1);
    // Generous for debug builds on a shared machine; quadratic code takes minutes.
    assert!(start.elapsed().as_secs() < 30, "took {:?}", start.elapsed());
}

#[test]
fn seed_article_is_marked() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/china-kenya-focac-2024.txt"
    );
    let Ok(bytes) = std::fs::read(path) else {
        eprintln!("skipped: ../shared/seed/china-kenya-focac-2024.txt not found");
        return;
    };
    let doc = one("china-kenya-focac-2024.txt", &bytes);
    let k: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
    let nav = BlockKind::Boilerplate(Boilerplate::Navigation);
    let repeat = BlockKind::Boilerplate(Boilerplate::RepeatedHeadline);
    let byline = BlockKind::Boilerplate(Boilerplate::Byline);
    let caption = BlockKind::Boilerplate(Boilerplate::Caption);
    let footer = BlockKind::Boilerplate(Boilerplate::Footer);
    assert_eq!(
        k[..6],
        [
            nav,
            BlockKind::Headline,
            repeat,
            byline,
            BlockKind::Headline,
            caption
        ]
    );
    assert_eq!(k.last(), Some(&footer));
    assert!(
        k[6..k.len() - 1].iter().all(|k| *k == BlockKind::Body),
        "{:?}",
        kinds(&doc)
    );
    assert_eq!(
        (doc.date, doc.date_source),
        (Some(ymd(2024, 9, 5)), DateSource::Text)
    );
    assert!(
        doc.title.as_deref().is_some_and(|t| t.ends_with('”')),
        "{:?}",
        doc.title
    );
    check_spans(&doc);
}

fn any_kind() -> impl Strategy<Value = InputKind> {
    prop_oneof![
        Just(InputKind::Text),
        Just(InputKind::Html),
        Just(InputKind::JsonLines),
        Just(InputKind::Feed)
    ]
}

/// Text made of the pieces the parsers care about, so that properties reach
/// the interesting paths and not only "invalid input".
fn structured_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("| September 5, 2024\n".to_string()),
        Just("NAIROBI, Sept 5 (Reuters) - ".to_string()),
        Just("on Thursday ".to_string()),
        Just("last week ".to_string()),
        Just("Photo: X\n".to_string()),
        Just("<p>".to_string()),
        Just("<item><title>".to_string()),
        Just("</title></item>".to_string()),
        Just("<figcaption>".to_string()),
        Just("{\"text\": \"a\\u00a0b\", \"date\": \"2024-02-30\"}\n".to_string()),
        Just("&nbsp;\u{a0}\u{200b}“”\r\n".to_string()),
        "[a-zA-Z .,|:]{0,20}",
        "\\PC{0,10}",
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600), kind in any_kind()) {
        if let Ok(got) = ingest_bytes("p.txt", &bytes, Some(kind), &opts()) {
            for d in &got.docs { check_spans(d); }
        }
    }

    #[test]
    fn structured_text_never_panics(text in structured_text(), kind in any_kind(), strict in any::<bool>()) {
        let o = IngestOptions { strict, ..opts() };
        if let Ok(got) = ingest_bytes("p", text.as_bytes(), Some(kind), &o) {
            for d in &got.docs { check_spans(d); }
        }
    }

    #[test]
    fn blocks_cover_all_non_blank_text(text in "[a-z .\n\u{a0}é]{0,200}") {
        let doc = match ingest_bytes("p.txt", text.as_bytes(), Some(InputKind::Text), &opts()) {
            Ok(got) => got.docs.into_iter().next(),
            Err(e) => panic!("{e}"),
        };
        if let Some(doc) = doc {
            let covered: String = doc.blocks.iter().map(|b: &Block| b.span.slice(&doc.text)).collect();
            let want: String = doc.text.split_whitespace().collect();
            let got: String = covered.split_whitespace().collect();
            prop_assert_eq!(got, want);
        }
    }
}
