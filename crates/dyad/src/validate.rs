//! `dyad validate`: code PETRARCH-format validation records and score them.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::ValueEnum;
use dyad_code::Pipeline;
use dyad_model::{DateSource, Document, Sentence, Span, Tag, Token};
use dyad_validate::{Coding, Parse, Record};

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum ParseMode {
    /// dyad's own tokenizer and tagger.
    Own,
    /// The record's `<Parse>` tokens and tags.
    Given,
}

/// A one-sentence document from a record's own parse: words joined by
/// spaces, with the tree's tags (Penn, or CoNLL-U's XPOS column).
fn given_document(r: &Record, parse: &Parse) -> Option<Document> {
    let toks = parse.tokens().ok()?;
    let mut text = String::new();
    let mut tokens = Vec::new();
    for t in &toks {
        if !text.is_empty() {
            text.push(' ');
        }
        let word = match t.word.as_str() {
            "-LRB-" => "(",
            "-RRB-" => ")",
            "``" | "''" => "\"",
            w => w,
        };
        let start = text.len();
        text.push_str(word);
        let tag = t
            .xpos
            .as_deref()
            .and_then(Tag::from_penn)
            .or_else(|| Tag::from_penn(&t.tag))
            .unwrap_or(Tag::X);
        tokens.push(Token {
            span: Span::new(start, text.len()),
            norm: dyad_sentences_normalise(word),
            tag,
        });
    }
    let span = Span::new(0, text.len());
    Some(Document {
        id: r.id.clone(),
        sentences: vec![Sentence {
            index: 0,
            span,
            tokens,
            boilerplate: None,
            headline: false,
        }],
        text,
        date: r.date,
        date_source: DateSource::Given,
        origin: format!("record {}", r.id),
        ..Default::default()
    })
}

fn dyad_sentences_normalise(w: &str) -> String {
    w.to_string()
}

pub fn run(
    records: &Path,
    dicts: &[PathBuf],
    mode: ParseMode,
    verbose: bool,
    only: Option<&str>,
    future_acts: dyad_code::FutureActs,
) -> Result<ExitCode> {
    let set =
        dyad_validate::read_records(records).with_context(|| records.display().to_string())?;
    for w in &set.warnings {
        eprintln!("dyad: warning: {w}");
    }
    let pipeline = Pipeline::load(dicts)
        .context("loading dictionaries")?
        .with_future_acts(future_acts);
    let fallback = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
    let code = |r: &Record| -> Vec<Coding> {
        let doc = match (mode, &r.parse) {
            (ParseMode::Given, Some(p)) => given_document(r, p),
            _ => None,
        };
        let events = match doc {
            Some(d) => pipeline.code_annotated(&d, fallback),
            None => {
                let mut d = Document {
                    id: r.id.clone(),
                    text: r.text.clone(),
                    date: r.date,
                    date_source: DateSource::Given,
                    ..Default::default()
                };
                pipeline.code(&mut d, fallback)
            }
        };
        events
            .into_iter()
            .map(|e| Coding::new(e.source, e.target, e.code))
            .collect()
    };
    if let Some(id) = only {
        // Show how one record was read and coded, then stop.
        for r in set.records.iter().filter(|r| r.id == id) {
            let doc = match (mode, &r.parse) {
                (ParseMode::Given, Some(p)) => given_document(r, p),
                _ => None,
            };
            let doc = doc.unwrap_or_else(|| {
                let mut d = Document {
                    id: r.id.clone(),
                    text: r.text.clone(),
                    date: r.date,
                    date_source: DateSource::Given,
                    ..Default::default()
                };
                pipeline.annotate(&mut d);
                d
            });
            println!("{} [{}] {}", r.id, r.category, r.text);
            for (s, (p, actors)) in doc.sentences.iter().zip(pipeline.explain(&doc, fallback)) {
                print!("{}", dyad_phrases::render(s, &p));
                for (n, a) in p.nps.iter().zip(&actors.nps) {
                    if !a.is_empty() {
                        let w: Vec<&str> = s.tokens[n.tokens.clone()]
                            .iter()
                            .map(|t| t.norm.as_str())
                            .collect();
                        println!(
                            "  actor [{}] = {}",
                            w.join(" "),
                            a.iter()
                                .map(|a| a.code.as_str())
                                .collect::<Vec<_>>()
                                .join("+")
                        );
                    }
                }
                for (i, d) in actors.decisions.iter().enumerate() {
                    if !d.is_empty() {
                        println!("  coding C{i}: {d}");
                    }
                }
            }
            for e in pipeline.code_annotated(&doc, fallback) {
                println!(
                    "  EVENT {} {} {} verb={:?} pattern={}",
                    e.source, e.target, e.code, e.verb_text, e.pattern
                );
            }
            println!(
                "  expected: {}",
                r.expected
                    .iter()
                    .map(|c| c.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let report = dyad_validate::score(&set.records, code);
    if verbose {
        for o in report.outcomes.iter().filter(|o| !o.passed) {
            let exp: Vec<String> = o.expected.iter().map(|c| c.to_string()).collect();
            let got: Vec<String> = o.got.iter().map(|c| c.to_string()).collect();
            println!(
                "FAIL {} [{}] expected {:?} got {:?}",
                o.id, o.category, exp, got
            );
        }
    }
    println!("{}", report.render().trim_end());
    Ok(ExitCode::SUCCESS)
}
