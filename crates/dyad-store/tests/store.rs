//! Ingest, idempotence, mentions, queries and series over documents and
//! events built by hand.

mod common;
use common::*;

use chrono::{Datelike, NaiveDate};
use dyad_store::{Filter, Period, Store};

fn seeded(dir: &std::path::Path) -> Store {
    let mut store = Store::open(&dir.join("dyad.db")).unwrap();
    let a = doc(
        "a",
        Some("http://x/a"),
        "2024-09-05",
        &[
            "China and Kenya held talks.",
            "Xi urged Kenya to open its ports.",
            "Kenya praised China.",
        ],
        false,
    );
    let b = doc(
        "b",
        None,
        "2024-09-20",
        &[
            "Kenya accused China of dumping.",
            "Police clashed with protesters in Nairobi.",
        ],
        false,
    );
    let c = doc(
        "c",
        None,
        "2024-10-02",
        &[
            "Russia threatened Ukraine.",
            "China and Kenya signed a deal.",
        ],
        false,
    );
    let batch = vec![
        coded(
            a,
            &[
                (0, "CHNGOV", "KENGOV", "040"),
                (0, "KENGOV", "CHNGOV", "040"),
                (1, "CHNGOV", "KEN", "0211"),
                (2, "KEN", "CHN", "051"),
            ],
        ),
        coded(
            b,
            &[(0, "KEN", "CHNBUS", "112"), (1, "KENCOP", "KENOPP", "145")],
        ),
        coded(c, &[(0, "RUS", "UKR", "138"), (1, "CHN", "KEN", "057")]),
    ];
    let s = store.ingest(&batch).unwrap();
    assert_eq!(
        (s.documents, s.events, s.mentions, s.duplicates),
        (3, 8, 8, 0)
    );
    store
}

#[test]
fn ingesting_again_adds_nothing() {
    let dir = tempdir("idem");
    let mut store = seeded(&dir);
    let before = store.check().unwrap();
    let a = doc(
        "a-again",
        Some("http://x/a"),
        "2024-09-05",
        &["Completely different text but the same URL."],
        false,
    );
    // Same text as `b`, different spacing and case: the same document.
    let b = doc(
        "b2",
        None,
        "2024-09-20",
        &[
            "KENYA accused  China of dumping!",
            "Police clashed with protesters in Nairobi",
        ],
        false,
    );
    let s = store
        .ingest(&[
            coded(a, &[(0, "USA", "CHN", "010")]),
            coded(b, &[(0, "KEN", "CHNBUS", "112")]),
        ])
        .unwrap();
    assert_eq!(
        (s.documents, s.duplicates, s.events, s.mentions),
        (0, 2, 0, 0)
    );
    let after = store.check().unwrap();
    assert!(after.ok(), "{:?}", after.problems);
    assert_eq!(
        (before.documents, before.events, before.mentions),
        (after.documents, after.events, after.mentions)
    );
    assert_eq!(after.events, 8);
}

#[test]
fn the_same_sentence_in_two_documents_is_one_event_with_two_mentions() {
    let dir = tempdir("mentions");
    let mut store = seeded(&dir);
    let d = doc(
        "d",
        Some("http://y/d"),
        "2024-09-05",
        &[
            "Kenya and China: a new chapter.",
            "China and Kenya held talks.",
        ],
        true,
    );
    let s = store
        .ingest(&[coded(d, &[(1, "CHNGOV", "KENGOV", "040")])])
        .unwrap();
    assert_eq!((s.documents, s.events, s.mentions), (1, 0, 1));
    let f = Filter {
        code: Some("040".into()),
        directed: true,
        dyad: Some(("CHN".into(), "KEN".into())),
        ..Filter::default()
    };
    let ev = store.query(&f).unwrap();
    assert_eq!(ev.len(), 1);
    assert_eq!((ev[0].mentions, ev[0].articles), (2, 2));
    assert_eq!(ev[0].event.doc_id, "a", "the first report names the event");
    assert!(store.check().unwrap().ok());
}

#[test]
fn filters_select_what_the_contract_says() {
    let dir = tempdir("filters");
    let store = seeded(&dir);
    let n = |f: Filter| store.count(&f).unwrap();
    assert_eq!(n(Filter::default()), 8);
    assert_eq!(
        n(Filter {
            source: Some("CHN".into()),
            ..Filter::default()
        }),
        3
    );
    assert_eq!(
        n(Filter {
            source: Some("chngov".into()),
            ..Filter::default()
        }),
        2,
        "prefixes are case-insensitive"
    );
    assert_eq!(
        n(Filter {
            target: Some("KEN".into()),
            ..Filter::default()
        }),
        4
    );
    let dyad = Some(("CHN".to_string(), "KEN".to_string()));
    assert_eq!(
        n(Filter {
            dyad: dyad.clone(),
            ..Filter::default()
        }),
        6
    );
    assert_eq!(
        n(Filter {
            dyad: dyad.clone(),
            directed: true,
            ..Filter::default()
        }),
        3
    );
    assert_eq!(
        n(Filter {
            dyad: Some(("KEN".into(), "CHN".into())),
            directed: true,
            ..Filter::default()
        }),
        3
    );
    assert_eq!(
        n(Filter {
            code: Some("040".into()),
            ..Filter::default()
        }),
        2
    );
    assert_eq!(
        n(Filter {
            root: Some("05".into()),
            ..Filter::default()
        }),
        2
    );
    assert_eq!(
        n(Filter {
            quad: Some(4),
            ..Filter::default()
        }),
        1
    );
    assert_eq!(
        n(Filter {
            quad: Some(3),
            ..Filter::default()
        }),
        2
    );
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    assert_eq!(
        n(Filter {
            from: d("2024-09-06"),
            ..Filter::default()
        }),
        4
    );
    assert_eq!(
        n(Filter {
            to: d("2024-09-20"),
            ..Filter::default()
        }),
        6
    );
    assert_eq!(
        n(Filter {
            from: d("2024-09-06"),
            to: d("2024-09-30"),
            ..Filter::default()
        }),
        2
    );
    assert_eq!(
        n(Filter {
            text: Some("ports".into()),
            ..Filter::default()
        }),
        1
    );
    assert_eq!(
        n(Filter {
            text: Some("china kenya".into()),
            ..Filter::default()
        }),
        5
    );
    assert_eq!(
        n(Filter {
            text: Some("\"unbalanced (AND".into()),
            ..Filter::default()
        }),
        0,
        "no FTS syntax error"
    );
    assert_eq!(
        n(Filter {
            text: Some("kenya".into()),
            dyad: dyad.clone(),
            directed: true,
            ..Filter::default()
        }),
        3
    );
    let all = store.query(&Filter::default()).unwrap();
    let page = store
        .query(&Filter {
            limit: Some(3),
            offset: 2,
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(
        page.iter().map(|e| e.event_id).collect::<Vec<_>>(),
        all[2..5].iter().map(|e| e.event_id).collect::<Vec<_>>()
    );
    assert!(all.windows(2).all(|w| w[0].event.date <= w[1].event.date));
    // Stored events read back as the contract's event objects.
    let talk = &all[0];
    assert_eq!(
        (
            talk.event.code.as_str(),
            talk.event.root.as_str(),
            talk.event.quad_class
        ),
        ("040", "04", 1)
    );
    assert_eq!(
        talk.event.spans.source.map(|s| (s.start, s.end)),
        Some((0, 1))
    );
    assert!(Filter {
        code: Some("4x".into()),
        ..Filter::default()
    }
    .validate()
    .is_err());
    assert!(store
        .query(&Filter {
            quad: Some(7),
            ..Filter::default()
        })
        .is_err());
    assert!(Filter::parse_dyad("CHN").is_err());
    assert_eq!(
        Filter::parse_dyad("chn-ken").unwrap(),
        ("CHN".into(), "KEN".into())
    );
}

#[test]
fn series_counts_quads_and_goldstein_per_period() {
    let dir = tempdir("series");
    let store = seeded(&dir);
    let dyad = Filter {
        dyad: Some(("CHN".into(), "KEN".into())),
        ..Filter::default()
    };
    let months = store.series(&dyad, Period::Month).unwrap();
    assert_eq!(
        months.iter().map(|r| r.period.as_str()).collect::<Vec<_>>(),
        ["2024-09", "2024-10"]
    );
    let sep = &months[0];
    let sep_events = store
        .query(&Filter {
            to: NaiveDate::from_ymd_opt(2024, 9, 30),
            ..dyad.clone()
        })
        .unwrap();
    assert_eq!(sep.events, sep_events.len() as u64);
    assert_eq!(sep.events, 5);
    assert_eq!(
        (
            sep.verbal_coop,
            sep.material_coop,
            sep.verbal_conflict,
            sep.material_conflict
        ),
        (4, 0, 1, 0)
    );
    let sum: f64 = sep_events.iter().map(|e| e.event.goldstein).sum();
    assert!(
        (sep.goldstein_sum - sum).abs() < 1e-9 && (sep.goldstein_mean - sum / 5.0).abs() < 1e-9
    );
    assert_eq!(sep.mentions, 5);
    let directed = store
        .series(
            &Filter {
                directed: true,
                ..dyad.clone()
            },
            Period::Month,
        )
        .unwrap();
    assert_eq!(directed[0].events, 2);
    let years = store.series(&dyad, Period::Year).unwrap();
    assert_eq!(
        (years.len(), years[0].period.as_str(), years[0].events),
        (1, "2024", 6)
    );
    let days = store.series(&dyad, Period::Day).unwrap();
    assert_eq!(
        days.iter().map(|r| r.period.as_str()).collect::<Vec<_>>(),
        ["2024-09-05", "2024-09-20", "2024-10-02"]
    );
    let weeks = store.series(&dyad, Period::Week).unwrap();
    let iso = |s: &str| {
        let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap().iso_week();
        format!("{}-W{:02}", d.year(), d.week())
    };
    assert_eq!(
        weeks.iter().map(|r| r.period.clone()).collect::<Vec<_>>(),
        [iso("2024-09-05"), iso("2024-09-20"), iso("2024-10-02")]
    );
    assert_eq!(weeks[0].period, "2024-W36");
    // one-a-day: the two 040s of 5 Sep differ in direction, so both count.
    let one = store
        .series(
            &Filter {
                one_a_day: true,
                ..dyad.clone()
            },
            Period::Month,
        )
        .unwrap();
    assert_eq!(one[0].events, 5);
}

#[test]
fn iso_weeks_at_year_boundaries_match_chrono() {
    let dir = tempdir("weeks");
    let mut store = Store::open(&dir.join("dyad.db")).unwrap();
    let dates = [
        "2020-12-31",
        "2021-01-03",
        "2021-01-04",
        "2024-12-30",
        "2026-01-01",
        "2027-01-03",
    ];
    let batch: Vec<_> = dates
        .iter()
        .map(|d| {
            coded(
                doc(d, None, d, &[&format!("Kenya met China on {d}.")], false),
                &[(0, "KEN", "CHN", "040")],
            )
        })
        .collect();
    store.ingest(&batch).unwrap();
    let weeks = store.series(&Filter::default(), Period::Week).unwrap();
    let mut expected: Vec<String> = dates
        .iter()
        .map(|s| {
            let w = NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap().iso_week();
            format!("{}-W{:02}", w.year(), w.week())
        })
        .collect();
    expected.dedup();
    assert_eq!(
        weeks.iter().map(|r| r.period.clone()).collect::<Vec<_>>(),
        expected
    );
}

#[test]
fn one_a_day_counts_repeated_reports_of_a_day_once() {
    let dir = tempdir("oneaday");
    let mut store = Store::open(&dir.join("dyad.db")).unwrap();
    let d1 = doc(
        "1",
        None,
        "2024-09-05",
        &["Kenya and China held talks in Beijing."],
        false,
    );
    let d2 = doc(
        "2",
        None,
        "2024-09-05",
        &["Talks between China and Kenya took place."],
        false,
    );
    store
        .ingest(&[
            coded(d1, &[(0, "KEN", "CHN", "040")]),
            coded(d2, &[(0, "KEN", "CHN", "040")]),
        ])
        .unwrap();
    let f = Filter::default();
    assert_eq!(store.series(&f, Period::Day).unwrap()[0].events, 2);
    let one = store
        .series(
            &Filter {
                one_a_day: true,
                ..f
            },
            Period::Day,
        )
        .unwrap();
    assert_eq!((one[0].events, one[0].mentions), (1, 2));
    let view: i64 = store
        .connection()
        .query_row("SELECT events FROM events_one_a_day", [], |r| r.get(0))
        .unwrap();
    assert_eq!(view, 2);
}

#[test]
fn actors_record_codes_and_the_words_that_named_them() {
    let dir = tempdir("actors");
    let store = seeded(&dir);
    let (events, first, last): (i64, String, String) = store
        .connection()
        .query_row(
            "SELECT events, first_date, last_date FROM actors WHERE code = 'KEN'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (events, first.as_str(), last.as_str()),
        (4, "2024-09-05", "2024-10-02")
    );
    let text: String = store
        .connection()
        .query_row("SELECT text FROM actor_texts WHERE code = 'RUS'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(text, "RUS text");
}
