//! Train the tagger: `cargo run -p dyad-tags --release --example train -- <train.tsv> <out.bin> [iterations]`
use dyad_tags::train::{parse_tsv, train_pruned, TrainOptions};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!(
            "usage: train <train.tsv> <out.bin> [iterations] [prune_below] [dict_min_count] [word_dropout] [lexicon.txt|-] [first_pass.bin|-] [seed]"
        );
        std::process::exit(2);
    }
    let text = match std::fs::read_to_string(&args[1]) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}: {e}", args[1]);
            std::process::exit(1);
        }
    };
    let data = match parse_tsv(&text, &args[1]) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let mut opts = TrainOptions::default();
    if let Some(n) = args.get(3).and_then(|s| s.parse().ok()) {
        opts.iterations = n;
    }
    // One threshold, or several separated by commas (then `out.<p>` each).
    let prunes: Vec<f32> = match args.get(4) {
        Some(s) => s.split(',').filter_map(|p| p.parse().ok()).collect(),
        None => vec![opts.prune_below],
    };
    if let Some(p) = args.get(5).and_then(|s| s.parse().ok()) {
        opts.dict_min_count = p;
    }
    if let Some(p) = args.get(6).and_then(|s| s.parse().ok()) {
        opts.word_dropout = p;
    }
    // Optional Penn lexicon (`word TAG` lines), folded into the model.
    if let Some(p) = args.get(7).filter(|p| *p != "-") {
        let text = std::fs::read_to_string(p).unwrap_or_else(|e| {
            eprintln!("{p}: {e}");
            std::process::exit(1)
        });
        opts.lexicon = dyad_tags::train::parse_lexicon(&text, p).unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(1)
        });
        eprintln!("lexicon: {} words", opts.lexicon.len());
    }
    let tokens: usize = data.iter().map(|s| s.words.len()).sum();
    eprintln!(
        "{} sentences, {tokens} tokens; {} iterations, dict {} , dropout {}",
        data.len(),
        opts.iterations,
        opts.dict_min_count,
        opts.word_dropout
    );
    // Optional first-pass model: then train the second pass (TSV needs a
    // third column with the first pass's tags).
    if let Some(p) = args.get(8).filter(|p| *p != "-") {
        opts.first_pass_model = Some(std::fs::read(p).unwrap_or_else(|e| {
            eprintln!("{p}: {e}");
            std::process::exit(1)
        }));
    }
    if let Some(seed) = args.get(9).and_then(|s| s.parse().ok()) {
        opts.seed = seed;
    }
    let outputs = train_pruned(&data, &opts, &prunes, |m| eprintln!("{m}")).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    for (p, bytes) in prunes.iter().zip(outputs) {
        let path = if prunes.len() == 1 {
            args[2].clone()
        } else {
            format!("{}.{p}", args[2])
        };
        if let Err(e) = std::fs::write(&path, &bytes) {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
        eprintln!("wrote {path} ({} bytes)", bytes.len());
    }
}
