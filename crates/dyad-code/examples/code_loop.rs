//! Profiling harness for the coder alone: annotate a JSONL corpus once, then
//! run `Pipeline::code_events` over it `ROUNDS` times (default 10) and print
//! sentences/s, so `perf record` sees mostly coding (`GEO=1`: locating).
//!
//! `cargo run --release -p dyad-code --example code_loop -- CORPUS.jsonl [ROUNDS]`

use std::hint::black_box;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(corpus) = args.get(1) else {
        eprintln!("usage: code_loop CORPUS.jsonl [ROUNDS]");
        return;
    };
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(10);
    let pipeline = match dyad_code::Pipeline::load(&[]) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let bytes = match std::fs::read(corpus) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{corpus}: {e}");
            return;
        }
    };
    let today = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    let opts = dyad_ingest::IngestOptions {
        default_date: None,
        today,
        strict: true,
    };
    let mut docs = match dyad_ingest::ingest_bytes(corpus, &bytes, None, &opts) {
        Ok(r) => r.docs,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    for d in &mut docs {
        pipeline.annotate(d);
    }
    // DUMP=path writes one round's events (JSON lines) to compare builds.
    if let Ok(path) = std::env::var("DUMP") {
        let mut text = String::new();
        for d in &docs {
            for e in pipeline.code_events(d, today) {
                text.push_str(&serde_json::to_string(&e).unwrap_or_default());
                text.push('\n');
            }
        }
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("{path}: {e}");
        }
    }
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    // GEO=1 times the location stage instead (events coded once).
    if std::env::var_os("GEO").is_some() {
        let coded: Vec<Vec<dyad_model::EventRecord>> = docs
            .iter()
            .map(|d| pipeline.code_events(d, today))
            .collect();
        let t = Instant::now();
        let mut located = 0usize;
        for _ in 0..rounds {
            for (d, ev) in docs.iter().zip(&coded) {
                let mut ev = ev.clone();
                pipeline.locate(d, &mut ev);
                located += black_box(ev)
                    .iter()
                    .filter(|e| e.location.is_some())
                    .count();
            }
        }
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{} located; {:.0} sentences/s",
            located / rounds.max(1),
            (sentences * rounds) as f64 / secs
        );
        return;
    }
    let t = Instant::now();
    let mut events = 0usize;
    for _ in 0..rounds {
        for d in &docs {
            events += black_box(pipeline.code_events(d, today)).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{} events; {:.0} sentences/s",
        events / rounds.max(1),
        (sentences * rounds) as f64 / secs
    );
}
