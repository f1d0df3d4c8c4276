//! `dyad demo`: the main job on embedded defaults. Codes the sample articles
//! dyad ships (`samples/`, text written for this project) into the default
//! store (`./dyad.db`, or `--db`/`DYAD_DB`), prints the stored events as a
//! table, and says where the dashboard is.

use std::process::ExitCode;

use anyhow::{Context, Result};
use dyad_code::Pipeline;
use dyad_ingest::{ingest_bytes, IngestOptions};
use dyad_model::EventRecord;

/// The sample articles, compiled in so the demo runs from any directory.
pub const SAMPLES: &[(&str, &str)] = &[
    (
        "01-ankara-talks.txt",
        include_str!("../../../samples/01-ankara-talks.txt"),
    ),
    (
        "02-border-clash.txt",
        include_str!("../../../samples/02-border-clash.txt"),
    ),
    (
        "03-summit.jsonl",
        include_str!("../../../samples/03-summit.jsonl"),
    ),
];

/// Ingest and code the samples.
pub fn code_samples(pipeline: &Pipeline) -> Result<(Vec<dyad_model::Document>, Vec<EventRecord>)> {
    let today = chrono::Local::now().date_naive();
    let opts = IngestOptions {
        default_date: None,
        today,
        strict: true,
    };
    let mut docs = Vec::new();
    let mut events = Vec::new();
    for (name, text) in SAMPLES {
        let ing = ingest_bytes(name, text.as_bytes(), None, &opts)
            .map_err(|e| anyhow::anyhow!("{e}"))
            .with_context(|| format!("sample {name}"))?;
        for mut d in ing.docs {
            events.extend(pipeline.code(&mut d, today));
            docs.push(d);
        }
    }
    Ok((docs, events))
}

pub fn print_table(events: &[EventRecord]) {
    println!(
        "{:<10}  {:<10} {:<10} {:<5} {:<9} {:>6}  {:<22} evidence",
        "date", "source", "target", "code", "plover", "gold", "verb"
    );
    for e in events {
        let text: String = e.text.chars().take(70).collect();
        let mut flags = String::new();
        if let Some(m) = &e.modality {
            flags = format!(" [{m}]");
        }
        println!(
            "{:<10}  {:<10} {:<10} {:<5} {:<9} {:>6.1}  {:<22} {}{}",
            e.date,
            e.source,
            e.target,
            e.code,
            e.plover.event,
            e.goldstein,
            e.verb_text.chars().take(22).collect::<String>(),
            text,
            flags
        );
    }
}

pub fn run(db: &std::path::Path) -> Result<ExitCode> {
    let start = std::time::Instant::now();
    let pipeline = Pipeline::load(&[]).context("loading dictionaries")?;
    let (docs, events) = code_samples(&pipeline)?;
    let mut store = dyad_store::Store::open(db).map_err(|e| anyhow::anyhow!("{e}"))?;
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let n_docs = docs.len();
    let batch: Vec<dyad_store::CodedDocument> = docs
        .into_iter()
        .map(|doc| {
            let evs = events
                .iter()
                .filter(|e| e.doc_id == doc.id)
                .cloned()
                .collect();
            dyad_store::CodedDocument { doc, events: evs }
        })
        .collect();
    let summary = store.ingest(&batch).map_err(|e| anyhow::anyhow!("{e}"))?;
    // Show what the store holds for the samples (a re-run adds nothing).
    print_table(&events);
    println!();
    println!(
        "store: {} ({} new documents, {} new events; {} already stored)",
        db.display(),
        summary.documents,
        summary.events,
        summary.duplicates
    );
    println!(
        "dashboard: http://127.0.0.1:8080/  (start it with: dyad serve --db {})",
        db.display()
    );
    eprintln!(
        "dyad: demo coded {} sample documents, {} sentences, {} events in {:.2} s",
        n_docs,
        sentences,
        events.len(),
        start.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
