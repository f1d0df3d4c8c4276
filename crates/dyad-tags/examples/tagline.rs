//! Tag whitespace-separated sentences from stdin, one per line (debugging aid):
//! `echo "Arnor is about to sign ." | cargo run -p dyad-tags --example tagline -- [model.bin]`
use dyad_tags::Tagger;
use std::io::BufRead;

fn main() {
    let owned;
    let tagger = match std::env::args().nth(1) {
        Some(p) => {
            let bytes = std::fs::read(&p).unwrap_or_default();
            owned = Tagger::from_bytes(&bytes).unwrap_or_else(|e| {
                eprintln!("{p}: {e}");
                std::process::exit(1)
            });
            &owned
        }
        None => Tagger::embedded(),
    };
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let tags = tagger.tag(&words);
        let out: Vec<String> = words
            .iter()
            .zip(&tags)
            .map(|(w, t)| format!("{w}/{}", t.penn()))
            .collect();
        println!("{}", out.join(" "));
    }
}
