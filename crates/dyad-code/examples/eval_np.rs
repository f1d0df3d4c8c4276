//! Noun-phrase boundaries against the base NPs of Penn trees.
//!
//! `cargo run --release -p dyad-code --example eval_np -- FILE.xml [--gold-tags]`
//!
//! For each `<Parse>` tree: the tree's tokens are chunked by dyad's shallow
//! parser (with dyad's own tags, or the tree's with `--gold-tags`), and the
//! chunker's noun phrases are compared with the tree's *base* NPs (NP nodes
//! with no NP inside). dyad keeps a possessor inside its phrase ("China 's
//! desire") where the treebank nests it, so dyad's phrases are also scored
//! with the possessor split off as its own phrase.
use std::collections::HashSet;

use dyad_code::Pipeline;
use dyad_model::{Sentence, Span, Tag, Token};

/// A constituent: (label, first token, end token).
type Constituent = (String, usize, usize);

/// Every constituent, and the leaves (tag, word).
fn constituents(tree: &str) -> (Vec<Constituent>, Vec<(String, String)>) {
    let mut stack: Vec<(String, usize)> = Vec::new();
    let mut out = Vec::new();
    let mut leaves = Vec::new();
    let toks: Vec<String> = tree
        .replace('(', " ( ")
        .replace(')', " ) ")
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let mut i = 0;
    while i < toks.len() {
        if toks[i] == "(" {
            let label = toks.get(i + 1).cloned().unwrap_or_default();
            // A leaf: ( TAG word )
            if toks.get(i + 3).map(String::as_str) == Some(")")
                && toks.get(i + 2).is_some_and(|w| w != "(")
            {
                leaves.push((label, toks[i + 2].clone()));
                i += 4;
                continue;
            }
            stack.push((label, leaves.len()));
            i += 2;
        } else if toks[i] == ")" {
            if let Some((label, start)) = stack.pop() {
                out.push((label, start, leaves.len()));
            }
            i += 1;
        } else {
            i += 1;
        }
    }
    (out, leaves)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: eval_np FILE.xml [--gold-tags]");
        return;
    };
    let gold_tags = args.iter().any(|a| a == "--gold-tags");
    let set = match dyad_validate::read_records(std::path::Path::new(path)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return;
        }
    };
    let pipeline = Pipeline::load(&[]).expect("dictionaries");
    let (mut gold_n, mut ours_n, mut ours_split_n, mut hit, mut hit_split) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    for r in &set.records {
        let Some(dyad_validate::Parse::Penn(tree)) = &r.parse else {
            continue;
        };
        let (cons, leaves) = constituents(tree);
        let base: HashSet<(usize, usize)> = cons
            .iter()
            .filter(|(l, s, e)| {
                l.starts_with("NP")
                    && !cons.iter().any(|(l2, s2, e2)| {
                        l2.starts_with("NP") && s <= s2 && e2 <= e && (s2, e2) != (s, e)
                    })
            })
            .map(|(_, s, e)| (*s, *e))
            .collect();
        let mut at = 0;
        let tokens: Vec<Token> = leaves
            .iter()
            .map(|(tag, w)| {
                let w = match w.as_str() {
                    "-LRB-" => "(",
                    "-RRB-" => ")",
                    "``" | "''" => "\"",
                    w => w,
                };
                let t = Token {
                    span: Span::new(at, at + w.len()),
                    norm: w.to_string(),
                    tag: Tag::from_penn(tag).unwrap_or(Tag::X),
                };
                at += w.len() + 1;
                t
            })
            .collect();
        let mut s = Sentence {
            index: 0,
            span: Span::new(0, at),
            tokens,
            boilerplate: None,
            headline: false,
        };
        if !gold_tags {
            pipeline.tag_sentence(&mut s);
        }
        let p = pipeline.parse(&s);
        let ours: HashSet<(usize, usize)> = p
            .nps
            .iter()
            .map(|n| (n.tokens.start, n.tokens.end))
            .collect();
        let mut split: HashSet<(usize, usize)> = HashSet::new();
        for n in &p.nps {
            match &n.possessor {
                // Treebank: (NP (NP China 's) desire): the possessor with its 's is the base NP.
                Some(pos) => {
                    split.insert((pos.start, pos.end + 1));
                }
                None => {
                    split.insert((n.tokens.start, n.tokens.end));
                }
            }
        }
        gold_n += base.len();
        ours_n += ours.len();
        ours_split_n += split.len();
        hit += ours.intersection(&base).count();
        hit_split += split.intersection(&base).count();
    }
    let f = |h: usize, o: usize| {
        let (p, r) = (h as f64 / o.max(1) as f64, h as f64 / gold_n.max(1) as f64);
        format!(
            "precision {:.1}% recall {:.1}% F1 {:.1}%",
            100.0 * p,
            100.0 * r,
            200.0 * p * r / (p + r).max(1e-9)
        )
    };
    println!(
        "{path} ({} tags): {gold_n} base NPs in the trees",
        if gold_tags { "tree" } else { "dyad's" }
    );
    println!("  exact spans:                 {}", f(hit, ours_n));
    println!(
        "  possessor split off:         {}",
        f(hit_split, ours_split_n)
    );
}
