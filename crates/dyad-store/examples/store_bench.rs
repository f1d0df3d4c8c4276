//! Store benchmark: ingest N generated events through `Store::ingest` (the
//! full path: dedup, events, mentions, actors, full text), then time a dyad
//! series and filtered queries over them.
//!
//! `cargo run -p dyad-store --example store_bench -- [EVENTS] [DB]`
//! (default 1,000,000 events into a temporary file).

use std::time::Instant;

use chrono::{Duration, NaiveDate};
use dyad_model::{DateSource, Document, EventRecord, EventSpans};
use dyad_store::{CodedDocument, Filter, Period, Store};

const COUNTRIES: [&str; 20] = [
    "CHN", "KEN", "USA", "RUS", "UKR", "IND", "BRA", "NGA", "ZAF", "FRA", "DEU", "GBR", "JPN",
    "IRN", "ISR", "TUR", "EGY", "ETH", "MEX", "IDN",
];
const SECTORS: [&str; 5] = ["", "GOV", "MIL", "BUS", "OPP"];
const CODES: [&str; 12] = [
    "010", "020", "036", "040", "042", "051", "057", "112", "120", "138", "145", "190",
];
const WORDS: [&str; 16] = [
    "talks",
    "port",
    "loan",
    "border",
    "troops",
    "trade",
    "summit",
    "protest",
    "railway",
    "sanctions",
    "aid",
    "election",
    "attack",
    "deal",
    "visit",
    "ceasefire",
];

/// One timed operation: returns the number of rows it produced.
type Case = Box<dyn Fn(&Store) -> usize>;

/// A tiny deterministic generator (xorshift), so runs are comparable.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n_events: u64 = args
        .get(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let db = args
        .get(2)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::env::temp_dir().join(format!("dyad-bench-{}.db", std::process::id()))
        });
    let fresh = !db.exists();
    let mut store = match Store::open(&db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("store_bench: {e}");
            std::process::exit(1);
        }
    };
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let start_date = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
    const PER_DOC: u64 = 10;
    if fresh {
        let t = Instant::now();
        let mut batch = Vec::new();
        let mut events = 0u64;
        let mut docs = 0u64;
        while events < n_events {
            let date = start_date + Duration::days((rng.next() % 3650) as i64);
            let id = format!("gen-{docs}");
            let doc = Document {
                id: id.clone(),
                text: format!("generated document {docs}"),
                date: Some(date),
                date_source: DateSource::Given,
                ..Document::default()
            };
            let mut evs = Vec::new();
            for i in 0..PER_DOC {
                let s = format!("{}{}", rng.pick(&COUNTRIES), rng.pick(&SECTORS));
                let t = format!("{}{}", rng.pick(&COUNTRIES), rng.pick(&SECTORS));
                let text = format!(
                    "{} {} {} {} event {docs} {i}",
                    rng.pick(&WORDS),
                    rng.pick(&WORDS),
                    rng.pick(&WORDS),
                    rng.pick(&WORDS)
                );
                let mut e = EventRecord {
                    doc_id: id.clone(),
                    sentence: i as usize,
                    date: date.to_string(),
                    date_source: DateSource::Given,
                    source: s.clone(),
                    target: t.clone(),
                    source_text: s,
                    target_text: t,
                    code: String::new(),
                    root: String::new(),
                    quad_class: 0,
                    goldstein: 0.0,
                    plover: Default::default(),
                    text,
                    spans: EventSpans::default(),
                    verb_text: String::new(),
                    speaker: None,
                    modality: None,
                    pattern: String::new(),
                    location: None,
                };
                e.set_code(rng.pick(&CODES));
                evs.push(e);
            }
            events += PER_DOC;
            docs += 1;
            batch.push(CodedDocument { doc, events: evs });
            if batch.len() == 1000 {
                store.ingest(&batch).unwrap_or_else(|e| panic!("{e}"));
                batch.clear();
            }
        }
        store.ingest(&batch).unwrap_or_else(|e| panic!("{e}"));
        let secs = t.elapsed().as_secs_f64();
        println!("ingest: {docs} documents, {events} events in {secs:.1} s = {:.0} docs/s, {:.0} events/s (store path only, no coding)", docs as f64 / secs, events as f64 / secs);
    }
    let total = store.count(&Filter::default()).unwrap_or(0);
    println!("store: {} ({} events)", db.display(), total);
    let dyad = Filter {
        dyad: Some(("CHN".into(), "KEN".into())),
        ..Filter::default()
    };
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let cases: Vec<(&str, Case)> = vec![
        ("series --dyad CHN-KEN --by month", Box::new(move |s: &Store| s.series(&dyad, Period::Month).map(|r| r.len()).unwrap_or(0))),
        ("series --dyad CHN-KEN --by week --directed", Box::new(|s: &Store| s.series(&Filter { dyad: Some(("CHN".into(), "KEN".into())), directed: true, ..Filter::default() }, Period::Week).map(|r| r.len()).unwrap_or(0))),
        ("series --source USA --by year", Box::new(|s: &Store| s.series(&Filter { source: Some("USA".into()), ..Filter::default() }, Period::Year).map(|r| r.len()).unwrap_or(0))),
        (
            "query --source CHN --target KEN --root 04 --from 2020-01-01 --to 2020-12-31 --limit 100",
            Box::new(move |s: &Store| {
                s.query(&Filter { source: Some("CHN".into()), target: Some("KEN".into()), root: Some("04".into()), from: d("2020-01-01"), to: d("2020-12-31"), limit: Some(100), ..Filter::default() }).map(|r| r.len()).unwrap_or(0)
            }),
        ),
        ("query --dyad CHN-KEN --quad 4 --limit 100", Box::new(|s: &Store| s.query(&Filter { dyad: Some(("CHN".into(), "KEN".into())), quad: Some(4), limit: Some(100), ..Filter::default() }).map(|r| r.len()).unwrap_or(0))),
        ("query --text \"railway ceasefire\" --source CHN --limit 100", Box::new(|s: &Store| s.query(&Filter { text: Some("railway ceasefire".into()), source: Some("CHN".into()), limit: Some(100), ..Filter::default() }).map(|r| r.len()).unwrap_or(0))),
        ("query --code 190 --limit 100 --offset 10000", Box::new(|s: &Store| s.query(&Filter { code: Some("190".into()), limit: Some(100), offset: 10_000, ..Filter::default() }).map(|r| r.len()).unwrap_or(0))),
    ];
    for (name, f) in &cases {
        let rows = f(&store); // warm the page cache
        let mut times: Vec<f64> = (0..5)
            .map(|_| {
                let t = Instant::now();
                f(&store);
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(|a, b| a.total_cmp(b));
        println!(
            "{name}: {rows} rows, median {:.1} ms (min {:.1}, max {:.1})",
            times[2], times[0], times[4]
        );
    }
}
