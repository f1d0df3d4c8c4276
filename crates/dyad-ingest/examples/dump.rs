//! Prints what ingest makes of a file: `cargo run -p dyad-ingest --example dump -- FILE`.
fn main() {
    let today = chrono::Local::now().date_naive();
    let opts = dyad_ingest::IngestOptions::new(today);
    for arg in std::env::args().skip(1) {
        match dyad_ingest::ingest_path(std::path::Path::new(&arg), &opts) {
            Ok(got) => {
                for w in &got.warnings {
                    eprintln!("warning: {w}");
                }
                for d in &got.docs {
                    println!(
                        "== {} title={:?} date={:?} ({})",
                        d.id,
                        d.title,
                        d.date,
                        d.date_source.as_str()
                    );
                    for b in &d.blocks {
                        let kind = match b.kind {
                            dyad_model::BlockKind::Body => "body".to_string(),
                            dyad_model::BlockKind::Headline => "headline".to_string(),
                            dyad_model::BlockKind::Boilerplate(x) => x.as_str().to_string(),
                        };
                        let text: String = b.span.slice(&d.text).chars().take(90).collect();
                        println!("  {kind:>17} | {text}");
                    }
                    for m in &d.time_mentions {
                        println!(
                            "  time {:?} -> {} ({})",
                            m.span.slice(&d.text),
                            m.date,
                            m.precision
                        );
                    }
                }
            }
            Err(e) => eprintln!("error: {e}"),
        }
    }
}
