//! Scores `tests/data/geo_cases.jsonl`: sentences written for dyad that
//! cover the known failures of gazetteer geocoders (capital-as-actor,
//! Georgia, "China" as a university, "U.S." as Canada, "European", Paris
//! duplicates, datelines, features, admin-1 regions).

mod common;

use dyad_geo::{locate_events, name_key, Gazetteer};
use serde::Deserialize;

#[derive(Deserialize)]
struct Expect {
    name: String,
    country: String,
    precision: String,
}

#[derive(Deserialize)]
struct Case {
    id: String,
    text: String,
    source: String,
    target: String,
    verb: String,
    expect: Option<Expect>,
}

/// Same name when one normalised form starts with the other
/// ("Krasnodar" / "Krasnodarskiy", "Congo" / "Democratic Republic of the Congo").
fn same_name(expected: &str, got: &str) -> bool {
    let (a, b) = (name_key(expected), name_key(got));
    a.starts_with(&b) || b.starts_with(&a) || b.ends_with(&a)
}

#[test]
fn geo_cases_score_at_least_95_percent() {
    let gaz = Gazetteer::embedded().expect("embedded gazetteer");
    let data = include_str!("data/geo_cases.jsonl");
    let mut total = 0;
    let mut correct = 0;
    let mut failures = Vec::new();
    for (i, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let case: Case =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("geo_cases.jsonl:{}: {e}", i + 1));
        let doc = common::annotate(&format!("{}.txt", case.id), &case.text);
        let Some(event) = common::event_at_verb(&doc, &case.source, &case.target, &case.verb)
        else {
            panic!(
                "geo_cases.jsonl:{}: verb `{}` not in text",
                i + 1,
                case.verb
            );
        };
        let mut events = vec![event];
        locate_events(&doc, &mut events, gaz);
        let got = events[0].location.as_ref();
        let ok = match (&case.expect, got) {
            (None, None) => true,
            (Some(x), Some(g)) => {
                x.country == g.country && x.precision == g.precision && same_name(&x.name, &g.name)
            }
            _ => false,
        };
        total += 1;
        if ok {
            correct += 1;
        } else {
            failures.push(format!(
                "  {}: expected {:?}, got {:?}",
                case.id,
                case.expect
                    .as_ref()
                    .map(|x| format!("{} {} {}", x.name, x.country, x.precision)),
                got.map(|g| format!("{} {} {}", g.name, g.country, g.precision))
            ));
        }
    }
    let pct = 100.0 * correct as f64 / total.max(1) as f64;
    println!("geo cases: {correct}/{total} correct at the stated precision ({pct:.1}%)");
    for f in &failures {
        println!("{f}");
    }
    assert!(total >= 50, "test set too small: {total}");
    assert!(pct >= 95.0, "{pct:.1}% < 95%:\n{}", failures.join("\n"));
}
