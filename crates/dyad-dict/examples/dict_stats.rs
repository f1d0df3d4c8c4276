//! Prints counts and load time for dictionary paths: `cargo run --release -p dyad-dict --example dict_stats -- PATH...`
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let t = Instant::now();
    let d = match dyad_dict::load(&paths) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let elapsed = t.elapsed();
    for (p, k) in &d.files {
        println!("{k:?}\t{}", p.display());
    }
    if let Some(v) = &d.verbs {
        println!(
            "verbs: format {:?}, {} synsets defined ({} members), {} block headers, {} blocks, {} verb lines, {} patterns, {} transformations",
            v.format,
            v.defined_synset_count(),
            v.synsets.iter().filter(|s| s.line != 0).map(|s| s.members.len()).sum::<usize>(),
            v.block_headers,
            v.blocks.len(),
            v.entries.len(),
            v.pattern_count(),
            v.transformations.len()
        );
    }
    println!(
        "actors: {} entries, {} phrases",
        d.actors.len(),
        d.actors.phrase_count()
    );
    println!(
        "agents: {} entries, {} phrases",
        d.agents.entries().len(),
        d.agents.phrase_count()
    );
    println!("discards: {}", d.discards.len());
    if let Some(i) = &d.issues {
        println!(
            "issues: {} categories, {} source lines, {} phrases",
            i.categories.len(),
            i.source_lines,
            i.phrases().len()
        );
    }
    println!("warnings: {}", d.warnings.len());
    for w in d.warnings.iter().take(
        std::env::var("SHOW")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0),
    ) {
        println!("  {w}");
    }
    println!("load time: {:.1} ms", elapsed.as_secs_f64() * 1000.0);
}
