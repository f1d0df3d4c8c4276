//! Near-duplicates: a republished story is linked, and its events become
//! mentions of the original's events, not new events.

mod common;
use common::*;

use dyad_store::{Filter, Period, Store};

fn story(
    headline: &str,
    date: &str,
    edit: Option<(usize, &str)>,
    id: &str,
    url: &str,
) -> dyad_store::CodedDocument {
    let mut sentences: Vec<String> = vec![headline.to_string()];
    sentences.extend(filler(14, 1));
    sentences[3] = "China and Kenya held talks on the railway loan.".into();
    sentences[8] = "Kenya praised China for the port investment.".into();
    if let Some((i, text)) = edit {
        sentences[i] = text.to_string();
    }
    let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
    let d = doc(id, Some(url), date, &refs, true);
    coded(
        d,
        &[(3, "CHNGOV", "KENGOV", "040"), (8, "KENGOV", "CHN", "051")],
    )
}

#[test]
fn a_republished_story_with_a_new_headline_and_an_edited_sentence_is_linked_not_counted() {
    let dir = tempdir("neardup");
    let mut store = Store::open(&dir.join("dyad.db")).unwrap();
    let original = story(
        "Kenya and China talk trade",
        "2024-09-05",
        None,
        "orig",
        "http://wire/1",
    );
    let first = store.ingest(&[original]).unwrap();
    assert_eq!(
        (first.documents, first.events, first.near_duplicates),
        (1, 2, 0)
    );

    // New headline, sentence 8 reworded, published a day later elsewhere.
    let copy = story(
        "Ruto hails Beijing ties",
        "2024-09-06",
        Some((
            8,
            "Kenya warmly praised China for its port investment on Thursday.",
        )),
        "copy",
        "http://paper/7",
    );
    let second = store.ingest(&[copy]).unwrap();
    assert_eq!(
        (second.documents, second.near_duplicates, second.duplicates),
        (1, 1, 0)
    );
    assert_eq!(second.events, 0, "no event counted twice");
    assert_eq!(second.mentions, 2, "both events gain a mention");

    let events = store.query(&Filter::default()).unwrap();
    assert_eq!(events.len(), 2);
    assert!(
        events.iter().all(|e| e.mentions == 2 && e.articles == 2),
        "{events:#?}"
    );
    let months = store
        .series(
            &Filter {
                dyad: Some(("CHN".into(), "KEN".into())),
                ..Filter::default()
            },
            Period::Month,
        )
        .unwrap();
    assert_eq!(
        (months.len(), months[0].events, months[0].mentions),
        (1, 2, 4)
    );
    let linked: Option<i64> = store
        .connection()
        .query_row(
            "SELECT duplicate_of FROM documents WHERE doc_key = 'copy'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let orig_id: i64 = store
        .connection()
        .query_row("SELECT id FROM documents WHERE doc_key = 'orig'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(linked, Some(orig_id));

    // A copy of the copy links to the original, not to the copy.
    let third = story(
        "Kenya, China: the ties deepen",
        "2024-09-07",
        Some((
            12,
            "An editor added this line about the weather in the capital.",
        )),
        "copy2",
        "http://blog/3",
    );
    let s3 = store.ingest(&[third]).unwrap();
    assert_eq!((s3.near_duplicates, s3.events), (1, 0));
    let linked3: Option<i64> = store
        .connection()
        .query_row(
            "SELECT duplicate_of FROM documents WHERE doc_key = 'copy2'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(linked3, Some(orig_id));
    let report = store.check().unwrap();
    assert!(report.ok(), "{:?}", report.problems);
    assert_eq!(report.near_duplicates, 2);
}

#[test]
fn a_different_story_on_the_same_topic_is_not_a_duplicate() {
    let dir = tempdir("notdup");
    let mut store = Store::open(&dir.join("dyad.db")).unwrap();
    let a = story(
        "Kenya and China talk trade",
        "2024-09-05",
        None,
        "a",
        "http://wire/1",
    );
    let mut other: Vec<String> = vec!["Another headline".into()];
    other.extend(filler(14, 2));
    other[3] = "China and Kenya held talks on the railway loan.".into();
    let refs: Vec<&str> = other.iter().map(String::as_str).collect();
    let b = coded(
        doc("b", None, "2024-09-05", &refs, true),
        &[(3, "CHNGOV", "KENGOV", "040")],
    );
    let s = store.ingest(&[a, b]).unwrap();
    assert_eq!((s.documents, s.near_duplicates), (2, 0));
    // The shared sentence is still one event, reported twice.
    assert_eq!((s.events, s.mentions), (2, 3));
}

#[test]
fn duplicates_within_one_batch_are_found_too() {
    let dir = tempdir("batchdup");
    let mut store = Store::open(&dir.join("dyad.db")).unwrap();
    let a = story(
        "Kenya and China talk trade",
        "2024-09-05",
        None,
        "a",
        "http://wire/1",
    );
    let b = story(
        "A new headline",
        "2024-09-05",
        Some((5, "One sentence rewritten by the desk editor today.")),
        "b",
        "http://wire/2",
    );
    let c = story(
        "Kenya and China talk trade",
        "2024-09-05",
        None,
        "c",
        "http://wire/1",
    );
    let s = store.ingest(&[a, b, c]).unwrap();
    assert_eq!(
        (s.documents, s.near_duplicates, s.duplicates, s.events),
        (2, 1, 1, 2)
    );
}
