//! Tag a training TSV with a model, for training a second pass:
//! `tagtsv <model.bin> < in.tsv > out.tsv` writes `word<TAB>tag<TAB>predicted`.
use dyad_tags::train::parse_tsv;
use dyad_tags::Tagger;
use std::io::{Read, Write};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: tagtsv <model.bin> < in.tsv > out.tsv");
        std::process::exit(2);
    };
    let tagger = std::fs::read(&path)
        .map_err(|e| e.to_string())
        .and_then(|b| Tagger::from_bytes(&b).map_err(|e| e.to_string()))
        .unwrap_or_else(|e| {
            eprintln!("{path}: {e}");
            std::process::exit(1)
        });
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("stdin: {e}");
        std::process::exit(1);
    }
    let data = parse_tsv(&text, "stdin").unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for s in &data {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        for ((w, g), p) in words.iter().zip(&s.tags).zip(tagger.tag(&words)) {
            let _ = writeln!(out, "{w}\t{}\t{}", g.penn(), p.penn());
        }
        let _ = writeln!(out);
    }
}
