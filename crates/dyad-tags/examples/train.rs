//! Train the tagger: `cargo run -p dyad-tags --release --example train -- <train.tsv> <out.bin.gz> [iterations]`
use dyad_tags::train::{parse_tsv, train, TrainOptions};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!(
            "usage: train <train.tsv> <out.bin.gz> [iterations] [prune_below] [dict_min_count]"
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
    if let Some(p) = args.get(4).and_then(|s| s.parse().ok()) {
        opts.prune_below = p;
    }
    if let Some(p) = args.get(5).and_then(|s| s.parse().ok()) {
        opts.dict_min_count = p;
    }
    let tokens: usize = data.iter().map(|s| s.words.len()).sum();
    eprintln!("{} sentences, {tokens} tokens; {opts:?}", data.len());
    let bytes = train(&data, &opts, |m| eprintln!("{m}"));
    if let Err(e) = std::fs::write(&args[2], &bytes) {
        eprintln!("{}: {e}", args[2]);
        std::process::exit(1);
    }
    eprintln!("wrote {} ({} bytes)", args[2], bytes.len());
}
