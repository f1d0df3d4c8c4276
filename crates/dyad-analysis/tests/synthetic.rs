//! Done-when (b): a synthetic corpus, written here (original sentences,
//! no news text), in which Kenya moves from the China bloc to the West over
//! 24 months. The real pipeline runs end to end — ingest → coder → store →
//! alignment → shifts — with noise: neutral meetings, conflict, irrelevant
//! dyads, and republished (exact and near-duplicate) stories.

use chrono::NaiveDate;
use dyad_analysis::shifts::Channel;
use dyad_analysis::{
    alignment, alignment_shifts, dyad_shifts, labels_for_dyad, signals, upgrade_events,
    AlignmentOptions, BlocConfig, PeltOptions, WatchList,
};
use dyad_code::Pipeline;
use dyad_store::{CodedDocument, Period, Store};

/// The month the truth changes: 2023-01 (month 12 of 24).
const SWITCH: usize = 12;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[(self.next() % xs.len() as u64) as usize]
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo)
    }
}

/// (name at sentence start, name mid-sentence, possessive)
type Partner = (&'static str, &'static str, &'static str);
const CHINA: &[Partner] = &[
    ("China", "China", "China's"),
    ("Beijing", "Beijing", "Beijing's"),
];
const WEST: &[Partner] = &[
    ("The United States", "the United States", "Britain's"),
    ("Britain", "Britain", "Britain's"),
    ("France", "France", "France's"),
    ("Germany", "Germany", "Germany's"),
    ("Japan", "Japan", "Japan's"),
    ("The European Union", "the European Union", "Germany's"),
];
const KENYA: &[&str] = &[
    "Kenyan President William Ruto",
    "Nairobi",
    "The Kenyan government",
    "Kenya",
];
const PROJECTS: &[&str] = &["railway", "port", "highway", "power", "water", "fibre"];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const ISSUES: &[&str] = &[
    "trade tariffs",
    "fishing fleets",
    "visa rules",
    "farm subsidies",
];
const ADJ: &[&str] = &["Chinese", "British", "French", "German", "Japanese"];
const OTHERS: &[&str] = &[
    "Ethiopia signed a trade agreement with Djibouti.",
    "Uganda and Tanzania agreed to build a pipeline.",
    "Ghana held joint military exercises with Nigeria.",
];

fn cooperation(r: &mut Rng, p: &Partner) -> String {
    let project = r.pick(PROJECTS);
    match r.next() % 6 {
        0 => format!(
            "{} praised {} support for the {project} project.",
            r.pick(KENYA),
            p.2
        ),
        1 => format!(
            "Kenya signed a trade agreement with {} on {}.",
            p.1,
            r.pick(DAYS)
        ),
        2 => format!("{} pledged new loans to Kenya for a {project} scheme.", p.0),
        3 => format!(
            "The Kenyan government thanked {} for humanitarian aid.",
            p.1
        ),
        4 => format!("Kenya held joint military exercises with {}.", p.1),
        _ => format!("Kenya signed a security pact with {}.", p.1),
    }
}

fn filler(r: &mut Rng) -> String {
    format!(
        "The programme covers {} sites in {} counties and runs until {}.",
        r.range(2, 60),
        r.range(2, 40),
        r.range(2024, 2035)
    )
}

/// JSON Lines of the corpus, and how many documents are republished copies.
fn corpus(seed: u64) -> (String, usize) {
    let mut r = Rng(seed | 1);
    let start = NaiveDate::from_ymd_opt(2022, 1, 1).expect("date");
    let mut lines = Vec::new();
    let mut copies = 0;
    for m in 0..24usize {
        let month = start
            .checked_add_months(chrono::Months::new(m as u32))
            .expect("month");
        let (major, minor) = if m < SWITCH {
            (CHINA, WEST)
        } else {
            (WEST, CHINA)
        };
        let mut docs: Vec<String> = Vec::new();
        for _ in 0..5 {
            let partner = r_pick(&mut r, major);
            docs.push(cooperation(&mut r, partner));
        }
        for _ in 0..r.range(1, 3) {
            let partner = r_pick(&mut r, minor);
            docs.push(cooperation(&mut r, partner));
        }
        // Noise: conflict with either bloc, a neutral meeting, another dyad.
        let any = if r.next() % 2 == 0 { CHINA } else { WEST };
        docs.push(format!(
            "Kenya criticised {} over its {}.",
            r_pick(&mut r, any).1,
            r.pick(ISSUES)
        ));
        docs.push(format!(
            "Kenya's foreign minister met his {} counterpart in Nairobi.",
            r.pick(ADJ)
        ));
        docs.push(r.pick(OTHERS).to_string());
        // Signal phrases (and no events from them that would tilt the index).
        if m % 3 == 0 {
            docs.push(if m < SWITCH {
                "President William Ruto said Kenya firmly adheres to the one-China policy."
                    .to_string()
            } else {
                "President William Ruto said Kenya supports the rules-based international order."
                    .to_string()
            });
        }
        if m == 15 {
            docs.push("Kenya and the United States agreed to elevate relations to a strategic partnership.".into());
        }
        let mut texts: Vec<String> = docs
            .into_iter()
            .map(|d| format!("{d} {}", filler(&mut r)))
            .collect();
        // Republished stories: one exact copy, one lightly edited copy.
        let exact = texts[(r.next() % texts.len() as u64) as usize].clone();
        let edited = format!(
            "{} This story has been updated.",
            texts[(r.next() % texts.len() as u64) as usize]
        );
        texts.push(exact);
        texts.push(edited);
        copies += 2;
        for (i, text) in texts.into_iter().enumerate() {
            let day = 1 + (r.next() % 28) as u32;
            let date = month.with_day0(day - 1).unwrap_or(month);
            let line = serde_json::json!({
                "id": format!("syn-{m:02}-{i:02}"),
                "url": format!("https://example.org/syn/{m}/{i}"),
                "date": date.format("%Y-%m-%d").to_string(),
                "text": text,
            });
            lines.push(line.to_string());
        }
    }
    (lines.join("\n") + "\n", copies)
}

fn r_pick<'a>(r: &mut Rng, xs: &'a [Partner]) -> &'a Partner {
    r.pick(xs)
}

use chrono::Datelike;

fn month_index(period: &str) -> i64 {
    let y: i64 = period[..4].parse().expect("year");
    let m: i64 = period[5..7].parse().expect("month");
    (y - 2022) * 12 + (m - 1)
}

#[test]
fn kenya_moves_from_china_to_the_west_and_the_shift_is_found() {
    let t0 = std::time::Instant::now();
    let (jsonl, copies) = corpus(0x9E37_79B9_7F4A_7C15);
    // `DYAD_SYNTHETIC_OUT=path` keeps the corpus, e.g. to try the commands.
    if let Some(out) = std::env::var_os("DYAD_SYNTHETIC_OUT") {
        std::fs::write(&out, &jsonl).expect("write corpus");
    }
    let opts = dyad_ingest::IngestOptions::new(NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"));
    let docs = dyad_ingest::ingest_bytes("synthetic.jsonl", jsonl.as_bytes(), None, &opts)
        .expect("ingest")
        .docs;
    let p = Pipeline::load(&[]).expect("pipeline");
    let batch: Vec<CodedDocument> = docs
        .into_iter()
        .map(|mut doc| {
            let events = p.code(&mut doc, NaiveDate::default());
            CodedDocument { doc, events }
        })
        .collect();
    let dir = std::env::temp_dir().join(format!("dyad-analysis-syn-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tempdir");
    let db = dir.join("syn.db");
    let _ = std::fs::remove_file(&db);
    let mut store = Store::open(&db).expect("store");
    let summary = store.ingest(&batch).expect("ingest");
    eprintln!(
        "{} documents in, {summary:?}, {copies} republished copies",
        batch.len()
    );
    assert!(
        summary.duplicates + summary.near_duplicates >= copies as u64 / 2,
        "{summary:?}"
    );

    let blocs = BlocConfig::embedded();
    let (china, west) = blocs.pair("china,west").expect("blocs");
    let series =
        alignment(&store, "KEN", &china, &west, &AlignmentOptions::default()).expect("alignment");
    assert_eq!(series.points.len(), 24);
    let idx: Vec<f64> = series
        .points
        .iter()
        .map(|p| p.all.index.unwrap_or(0.0))
        .collect();
    eprintln!(
        "index: {:?}",
        idx.iter()
            .map(|v| (v * 100.0).round() / 100.0)
            .collect::<Vec<_>>()
    );
    let before = idx[..SWITCH].iter().sum::<f64>() / SWITCH as f64;
    let after = idx[SWITCH..].iter().sum::<f64>() / (24 - SWITCH) as f64;
    assert!(
        before > 0.3 && after < -0.3,
        "before {before} after {after}"
    );
    // Bands contain their index.
    for p in &series.points {
        if let (Some(i), Some(lo), Some(hi)) = (p.all.index, p.all.low, p.all.high) {
            assert!(lo <= i + 1e-9 && i <= hi + 1e-9, "{p:?}");
        }
    }
    // The index crosses from the China side to the West side near the truth.
    let crossings = series.crossings();
    eprintln!("crossings: {crossings:?}");
    assert!(
        crossings
            .iter()
            .any(|c| (month_index(c) - SWITCH as i64).abs() <= 1),
        "crossings {crossings:?}"
    );

    // The shift detector finds the move within one month.
    let report = alignment_shifts(&series, Channel::All, &PeltOptions::default(), 5);
    for s in &report.shifts {
        eprintln!(
            "shift {} size {:.2} ({:.2} → {:.2}), drivers {}",
            s.period,
            s.size,
            s.before,
            s.after,
            s.drivers.len()
        );
    }
    let main = report
        .shifts
        .iter()
        .max_by(|a, b| a.size.abs().total_cmp(&b.size.abs()))
        .expect("a shift");
    assert!(
        (month_index(&main.period) - SWITCH as i64).abs() <= 1,
        "shift at {}",
        main.period
    );
    assert!(main.size < -0.5, "size {}", main.size);
    assert!(
        report.shifts.len() <= 2,
        "spurious shifts: {:?}",
        report.shifts.iter().map(|s| &s.period).collect::<Vec<_>>()
    );
    // Its drivers are events pushing towards the West, with evidence.
    assert!(!main.drivers.is_empty());
    for d in &main.drivers {
        assert!(d.contribution < 0.0, "{d:?}");
        assert!(!d.event.text.is_empty());
    }
    let json = serde_json::to_string(&report).expect("serialise");
    assert!(json.contains("\"drivers\""));

    // The CHN-KEN dyad's own Goldstein series also drops near the switch. A
    // raw monthly sum of ~5 events is noisier than the normalised index (one
    // quiet month before the switch can pull the break forward), so this
    // allows two months.
    let dyad = dyad_shifts(&store, "CHN-KEN", None, None, &PeltOptions::default(), 3)
        .expect("dyad shifts");
    eprintln!(
        "CHN-KEN goldstein sums: {:?}",
        dyad.series
            .iter()
            .map(|v| v.value.unwrap_or(0.0).round())
            .collect::<Vec<_>>()
    );
    assert!(
        dyad.shifts
            .iter()
            .any(|s| s.size < 0.0 && (month_index(&s.period) - SWITCH as i64).abs() <= 2),
        "dyad shifts {:?}",
        dyad.shifts
            .iter()
            .map(|s| (&s.period, s.size))
            .collect::<Vec<_>>()
    );

    // Signals: Kenya's one-China statements stop, rules-based-order ones start.
    let counts = signals(
        &store,
        &p,
        &WatchList::embedded(),
        Period::Year,
        Some("KEN"),
        None,
        None,
    )
    .expect("signals");
    let get = |period: &str, phrase: &str| {
        counts
            .iter()
            .find(|c| c.period == period && c.phrase == phrase)
            .map(|c| c.count)
            .unwrap_or(0)
    };
    assert!(get("2022", "one-China policy") >= 3, "{counts:#?}");
    assert_eq!(get("2023", "one-China policy"), 0);
    assert!(get("2023", "rules-based international order") >= 3);

    // The label upgrade is found, marked, and becomes an event.
    let labels = labels_for_dyad(&store, &p, Some("USA-KEN"), None, None).expect("labels");
    assert_eq!(labels.len(), 1, "{labels:#?}");
    assert!(labels[0].upgrade);
    assert_eq!(labels[0].label, "strategic partnership");
    let ev = upgrade_events(&labels);
    assert_eq!(ev.len(), 1);
    assert_eq!(
        (
            ev[0].source.as_str(),
            ev[0].target.as_str(),
            ev[0].code.as_str()
        ),
        ("KEN", "USA", "050")
    );
    eprintln!("end to end in {:?}", t0.elapsed());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Code a corpus into a fresh store.
fn store_of(jsonl: &str, p: &Pipeline, tag: &str) -> (Store, std::path::PathBuf) {
    let opts = dyad_ingest::IngestOptions::new(NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"));
    let docs = dyad_ingest::ingest_bytes("synthetic.jsonl", jsonl.as_bytes(), None, &opts)
        .expect("ingest")
        .docs;
    let batch: Vec<CodedDocument> = docs
        .into_iter()
        .map(|mut doc| {
            let events = p.code(&mut doc, NaiveDate::default());
            CodedDocument { doc, events }
        })
        .collect();
    let dir = std::env::temp_dir().join(format!("dyad-analysis-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tempdir");
    let db = dir.join("syn.db");
    let _ = std::fs::remove_file(&db);
    let mut store = Store::open(&db).expect("store");
    store.ingest(&batch).expect("ingest");
    (store, dir)
}

/// The detector is not tuned to one lucky corpus: other random draws of the
/// same design give the shift within a month too.
#[test]
fn the_shift_is_found_across_corpus_draws() {
    let p = Pipeline::load(&[]).expect("pipeline");
    let blocs = BlocConfig::embedded();
    let (china, west) = blocs.pair("china,west").expect("blocs");
    let mut found = Vec::new();
    for seed in [11u64, 2024, 77_777, 123_456_789, 42] {
        let (jsonl, _) = corpus(seed);
        let (store, dir) = store_of(&jsonl, &p, &format!("draw{seed}"));
        let series = alignment(&store, "KEN", &china, &west, &AlignmentOptions::default())
            .expect("alignment");
        let report = alignment_shifts(&series, Channel::All, &PeltOptions::default(), 3);
        let main = report
            .shifts
            .iter()
            .max_by(|a, b| a.size.abs().total_cmp(&b.size.abs()))
            .map(|s| s.period.clone());
        found.push((seed, main, report.shifts.len()));
        let _ = std::fs::remove_dir_all(&dir);
    }
    eprintln!("draws: {found:?}");
    for (seed, main, n) in &found {
        let m = main
            .as_deref()
            .unwrap_or_else(|| panic!("seed {seed}: no shift"));
        assert!(
            (month_index(m) - SWITCH as i64).abs() <= 1,
            "seed {seed}: shift at {m}"
        );
        assert!(*n <= 2, "seed {seed}: {n} shifts");
    }
}
