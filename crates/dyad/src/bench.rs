//! `dyad bench CORPUS`: stage-by-stage throughput on one core, dictionary
//! load time and peak memory, with a trivial baseline timed in the same run
//! so figures can be compared across machines as ratios.

use std::hint::black_box;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use dyad_code::Pipeline;
use dyad_ingest::IngestOptions;

/// Peak resident set size of this process in MiB (Linux `VmHWM`).
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

pub fn run(corpus: &Path, json: bool) -> Result<ExitCode> {
    let rss_start = peak_rss_mib().unwrap_or(0.0);
    // Each model is loaded and timed on its own (the pipeline would
    // otherwise load them together, the tagger lazily on first use).
    let t = Instant::now();
    let _ = dyad_tags::Tagger::embedded();
    let tagger_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let geo_ok = dyad_geo::Gazetteer::embedded().is_ok();
    let gazetteer_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let pipeline = Pipeline::load(&[]).context("loading dictionaries")?;
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    let rss_after_load = peak_rss_mib().unwrap_or(0.0);

    let bytes = std::fs::read(corpus).with_context(|| corpus.display().to_string())?;
    let today = chrono::Local::now().date_naive();
    let opts = IngestOptions {
        default_date: None,
        today,
        strict: true,
    };
    let t = Instant::now();
    let mut docs = dyad_ingest::ingest_bytes(&corpus.display().to_string(), &bytes, None, &opts)
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .docs;
    let ingest_s = t.elapsed().as_secs_f64();

    // Baseline: split every document on whitespace and count the pieces.
    let t = Instant::now();
    let mut words = 0usize;
    for d in &docs {
        words += black_box(d.text.split_whitespace().count());
    }
    let baseline_s = t.elapsed().as_secs_f64();

    let t = Instant::now();
    for d in &mut docs {
        dyad_sentences::split_document(d);
    }
    let split_s = t.elapsed().as_secs_f64();
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let tokens: usize = docs
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.tokens.len())
        .sum();

    let t = Instant::now();
    for d in &mut docs {
        for s in &mut d.sentences {
            pipeline.tag_sentence(s);
        }
    }
    let tag_s = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let mut clauses = 0usize;
    for d in &docs {
        for s in &d.sentences {
            clauses += black_box(pipeline.parse(s)).clauses.len();
        }
    }
    let phrase_s = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let mut coded: Vec<Vec<dyad_model::EventRecord>> = Vec::with_capacity(docs.len());
    for d in &docs {
        coded.push(black_box(pipeline.code_events(d, today)));
    }
    let code_s = t.elapsed().as_secs_f64();
    let events: usize = coded.iter().map(Vec::len).sum();

    let t = Instant::now();
    for (d, ev) in docs.iter().zip(coded.iter_mut()) {
        pipeline.locate(d, ev);
    }
    let geo_s = t.elapsed().as_secs_f64();
    let located = coded
        .iter()
        .flatten()
        .filter(|e| e.location.is_some())
        .count();

    let text_stage = split_s + tag_s + phrase_s;
    let end_to_end = ingest_s + text_stage + code_s + geo_s;
    let per_s = |secs: f64| {
        if secs > 0.0 {
            sentences as f64 / secs
        } else {
            f64::INFINITY
        }
    };
    let peak = peak_rss_mib().unwrap_or(0.0);
    let report = serde_json::json!({
        "documents": docs.len(),
        "sentences": sentences,
        "tokens": tokens,
        "words_baseline": words,
        "clauses": clauses,
        "events": events,
        "dictionary_load_ms": load_ms,
        "tagger_load_ms": tagger_ms,
        "gazetteer_load_ms": gazetteer_ms,
        "gazetteer_loaded": geo_ok,
        "sentences_per_s": {
            "baseline_whitespace_split": per_s(baseline_s),
            "split_and_tokenize": per_s(split_s),
            "tag": per_s(tag_s),
            "phrases": per_s(phrase_s),
            "text_stage_raw_to_phrases": per_s(ingest_s + text_stage),
            "code_events": per_s(code_s),
            "locate_events": per_s(geo_s),
            "end_to_end_raw_to_events": per_s(end_to_end),
        },
        "events_located": located,
        "geo_share_of_end_to_end": geo_s / end_to_end.max(1e-9),
        "text_stage_time_vs_baseline": (ingest_s + text_stage) / baseline_s.max(1e-9),
        "end_to_end_time_vs_baseline": end_to_end / baseline_s.max(1e-9),
        "peak_rss_mib": peak,
        "rss_mib_at_start": rss_start,
        "rss_mib_after_dictionary_load": rss_after_load,
        "threads": 1,
    });
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!(
            "corpus: {} documents, {} sentences, {} tokens",
            docs.len(),
            sentences,
            tokens
        );
        println!("dictionary load: {load_ms:.1} ms; tagger load: {tagger_ms:.1} ms; gazetteer load: {gazetteer_ms:.1} ms");
        for (name, secs) in [
            ("baseline: whitespace split", baseline_s),
            ("ingest (JSON Lines, dates, boilerplate)", ingest_s),
            ("sentences + tokens", split_s),
            ("tags", tag_s),
            ("phrases + clauses + quotes", phrase_s),
            (
                "raw text -> phrases (ingest..phrases)",
                ingest_s + text_stage,
            ),
            ("actors + events", code_s),
            ("locations (gazetteer)", geo_s),
            ("raw text -> events (end to end)", end_to_end),
        ] {
            println!(
                "{name:<42} {:>12.0} sentences/s  ({:.3} s)",
                per_s(secs),
                secs
            );
        }
        println!(
            "locations: {located} of {events} events located; {:.1}% of end-to-end time",
            100.0 * geo_s / end_to_end.max(1e-9)
        );
        println!("events: {events}; peak RSS: {peak:.1} MiB (after dictionary load: {rss_after_load:.1} MiB)");
    }
    eprintln!("dyad: benchmarked {} sentences on 1 thread", sentences);
    Ok(ExitCode::SUCCESS)
}
