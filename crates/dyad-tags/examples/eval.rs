//! Accuracy against gold Penn trees:
//! `cargo run -p dyad-tags --release --example eval -- [--model m.bin] [--baseline train.tsv] [--errors] <records.xml>...`
//!
//! `--baseline` also scores a most-frequent-tag baseline learnt from a
//! training TSV (unknown words: NNP if capitalised, CD if numeric, else NN).
use dyad_model::Tag;
use dyad_tags::eval::{gold_sentences, score, Accuracy};
use dyad_tags::train::parse_tsv;
use dyad_tags::Tagger;
use std::collections::HashMap;

fn line(name: &str, a: &Accuracy) {
    println!(
        "{name}: {} sentences, {} tokens: Penn {:.2}%  UPOS {:.2}%  Penn excl. punctuation {:.2}% ({} tokens)",
        a.sentences,
        a.tokens,
        a.penn(),
        a.upos(),
        a.penn_words_only(),
        a.words
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut model: Option<Tagger> = None;
    let mut baseline: Option<HashMap<String, Tag>> = None;
    let mut files = Vec::new();
    let mut show_errors = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--model" => {
                let p = args.next().unwrap_or_default();
                let bytes = std::fs::read(&p).unwrap_or_else(|e| fail(&format!("{p}: {e}")));
                model =
                    Some(Tagger::from_bytes(&bytes).unwrap_or_else(|e| fail(&format!("{p}: {e}"))));
            }
            "--baseline" => {
                let p = args.next().unwrap_or_default();
                let text =
                    std::fs::read_to_string(&p).unwrap_or_else(|e| fail(&format!("{p}: {e}")));
                let data = parse_tsv(&text, &p).unwrap_or_else(|e| fail(&e.to_string()));
                let mut counts: HashMap<String, HashMap<Tag, usize>> = HashMap::new();
                for s in &data {
                    for (w, t) in s.words.iter().zip(&s.tags) {
                        *counts.entry(w.clone()).or_default().entry(*t).or_default() += 1;
                    }
                }
                baseline = Some(
                    counts
                        .into_iter()
                        .filter_map(|(w, c)| {
                            c.into_iter().max_by_key(|(_, n)| *n).map(|(t, _)| (w, t))
                        })
                        .collect(),
                );
            }
            "--errors" => show_errors = true,
            _ => files.push(a),
        }
    }
    let start = std::time::Instant::now();
    let tagger = model.as_ref().unwrap_or_else(|| Tagger::embedded());
    println!(
        "model: {:?} (features, dictionary words), ready in {:.1} ms",
        tagger.size(),
        start.elapsed().as_secs_f64() * 1e3
    );
    for f in &files {
        let xml = std::fs::read_to_string(f).unwrap_or_else(|e| fail(&format!("{f}: {e}")));
        let gold = gold_sentences(&xml, f).unwrap_or_else(|e| fail(&e.to_string()));
        let name = f.rsplit('/').next().unwrap_or(f);
        line(
            &format!("{name} [perceptron]"),
            &score(&gold, |w| tagger.tag(w)),
        );
        if show_errors {
            let mut confusions: HashMap<(Tag, Tag), Vec<String>> = HashMap::new();
            for s in &gold {
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                for ((w, g), t) in words.iter().zip(&s.tags).zip(tagger.tag(&words)) {
                    if *g != t {
                        confusions.entry((*g, t)).or_default().push(w.to_string());
                    }
                }
            }
            let mut v: Vec<_> = confusions.into_iter().collect();
            v.sort_by_key(|(_, w)| std::cmp::Reverse(w.len()));
            for ((g, t), ws) in v.iter().take(25) {
                println!(
                    "  gold {} tagged {}: {} {:?}",
                    g.penn(),
                    t.penn(),
                    ws.len(),
                    &ws[..ws.len().min(8)]
                );
            }
        }
        // Throughput on real sentences (wider vocabulary than the bench).
        let refs: Vec<Vec<&str>> = gold
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let mut out = Vec::new();
        let start = std::time::Instant::now();
        let mut n = 0usize;
        for _ in 0..50 {
            for s in &refs {
                tagger.tag_into(s, &mut out);
                n += out.len();
            }
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "  speed: {:.2} M tokens/s ({:.0} sentences/s), one thread",
            n as f64 / secs / 1e6,
            50.0 * refs.len() as f64 / secs
        );
        if let Some(b) = &baseline {
            let acc = score(&gold, |ws| {
                let mut quotes = 0;
                ws.iter()
                    .map(|w| {
                        if *w == "\"" {
                            quotes += 1;
                            return if quotes % 2 == 1 {
                                Tag::OpenQuote
                            } else {
                                Tag::CloseQuote
                            };
                        }
                        b.get(*w).copied().unwrap_or_else(|| {
                            if w.starts_with(|c: char| c.is_ascii_digit()) {
                                Tag::CD
                            } else if w.starts_with(char::is_uppercase) {
                                Tag::NNP
                            } else {
                                Tag::NN
                            }
                        })
                    })
                    .collect()
            });
            line(&format!("{name} [most-frequent-tag baseline]"), &acc);
        }
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("{msg}");
    std::process::exit(1)
}
