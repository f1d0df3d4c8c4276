//! Prints what the reader finds in record files: counts, warnings, and the
//! score of a coder that codes nothing.
//! `cargo run -p dyad-validate --example records_summary -- FILE...`
use dyad_validate::{read_records, score, Parse};
use std::path::Path;

fn main() {
    for arg in std::env::args().skip(1) {
        match read_records(Path::new(&arg)) {
            Ok(set) => {
                let r = &set.records;
                let codings: usize = r.iter().map(|x| x.expected.len()).sum();
                let none = r.iter().filter(|x| x.expects_none).count();
                let errors = r.iter().filter(|x| x.expected_error.is_some()).count();
                let not_eval = r.iter().filter(|x| !x.evaluate).count();
                let not_incl = r.iter().filter(|x| !x.included).count();
                let penn = r
                    .iter()
                    .filter(|x| matches!(x.parse, Some(Parse::Penn(_))))
                    .count();
                let conllu = r
                    .iter()
                    .filter(|x| matches!(x.parse, Some(Parse::Conllu(_))))
                    .count();
                let bad_parse: Vec<String> = r
                    .iter()
                    .filter_map(|x| {
                        x.parse
                            .as_ref()
                            .and_then(|p| p.tokens().err().map(|e| format!("{} {e}", x.id)))
                    })
                    .collect();
                let dated = r.iter().filter(|x| x.date.is_some()).count();
                println!(
                    "{arg}: {} records, {codings} codings, {none} expect none ({errors} via error=), {not_eval} not evaluated, {not_incl} not included, parses: {penn} Penn + {conllu} CoNLL-U, {} bad parses {:?}, {dated} dated",
                    r.len(), bad_parse.len(), bad_parse
                );
                let mut cats: Vec<(String, usize)> = Vec::new();
                for x in r {
                    match cats.iter_mut().find(|c| c.0 == x.category) {
                        Some(c) => c.1 += 1,
                        None => cats.push((x.category.clone(), 1)),
                    }
                }
                println!("  categories: {cats:?}");
                for w in &set.warnings {
                    println!("  warning: {w}");
                }
                // What a coder that finds nothing scores: the floor for any coder.
                println!("{}", score(&set.records, |_| Vec::new()).render());
            }
            Err(e) => println!("{arg}: error: {e}"),
        }
    }
}
