//! The seed article (read from ../shared, never copied): the talks between
//! Xi and Ruto took place in Beijing.

mod common;

use dyad_geo::{find_places, locate_events, Gazetteer, MentionKind};

#[test]
fn seed_talks_are_located_in_beijing() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/china-kenya-focac-2024.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("skipped: ../shared/seed/china-kenya-focac-2024.txt not found");
        return;
    };
    let gaz = Gazetteer::embedded().expect("embedded gazetteer");
    let doc = common::annotate("china-kenya-focac-2024.txt", &text);
    let mut events = vec![
        common::event_at_verb(&doc, "CHNGOV", "KENGOV", "held talks").expect("talks sentence"),
    ];
    locate_events(&doc, &mut events, gaz);
    let loc = events[0].location.as_ref().expect("talks have a location");
    println!("talks located at {loc:?}");
    assert_eq!(loc.country, "CHN");
    assert!(
        loc.precision == "city" || loc.precision == "feature",
        "{loc:?}"
    );
    assert!(
        (loc.lat.unwrap_or(0.0) - 39.9).abs() < 0.1 && (loc.lon.unwrap_or(0.0) - 116.4).abs() < 0.1,
        "{loc:?}"
    );
    // "messages from Beijing", "issued by Beijing": never a locative reading.
    for m in find_places(&doc, gaz) {
        let t = m.span.slice(&doc.text);
        let before = doc.text[..m.span.start].trim_end();
        if t == "Beijing" && (before.ends_with("by") || before.ends_with("from")) {
            assert_ne!(m.kind, MentionKind::Locative, "{m:?}");
        }
    }
}
