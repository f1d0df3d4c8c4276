//! Quick look at the coder on text given as arguments (one document per argument).
use dyad_code::Pipeline;
use dyad_model::Document;

fn main() {
    let t = std::time::Instant::now();
    let p = match Pipeline::load(&[]) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return;
        }
    };
    eprintln!("loaded in {:?}", t.elapsed());
    let date = chrono::NaiveDate::from_ymd_opt(2024, 9, 5).unwrap_or_default();
    for text in std::env::args().skip(1) {
        let mut doc = Document {
            id: "arg".into(),
            text: text.clone(),
            ..Default::default()
        };
        let events = p.code(&mut doc, date);
        for s in &doc.sentences {
            let parse = p.parse(s);
            print!("{}", dyad_phrases::render(s, &parse));
        }
        for e in events {
            println!(
                "EVENT {} {} {} ({}) verb={:?} src={:?} tgt={:?} pattern={}",
                e.source,
                e.target,
                e.code,
                e.plover.event,
                e.verb_text,
                e.source_text,
                e.target_text,
                e.pattern
            );
        }
    }
}
