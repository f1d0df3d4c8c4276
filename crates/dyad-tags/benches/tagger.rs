//! Tagging throughput over synthetic news-like sentences.
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use dyad_tags::Tagger;

fn sentences() -> Vec<Vec<String>> {
    let subjects = [
        "Kenyan President William Ruto",
        "The army",
        "Rebels in the north",
        "Officials",
        "The U.S. State Department",
    ];
    let verbs = [
        "accused",
        "met",
        "has criticized",
        "will visit",
        "said it would not support",
    ];
    let objects = [
        "the government",
        "Chinese Foreign Minister Wang Yi",
        "long-standing sanctions",
        "1,000 protesters",
        "the China-Africa summit",
    ];
    let tails = [
        "on Thursday .",
        ", officials said .",
        "in Nairobi on Sept. 5 .",
        "after talks broke down .",
        "\" without conditions , \" he said .",
    ];
    let mut out = Vec::new();
    for (i, s) in subjects.iter().enumerate() {
        for (j, v) in verbs.iter().enumerate() {
            for (k, o) in objects.iter().enumerate() {
                let t = tails[(i + j + k) % tails.len()];
                let text = format!("{s} {v} {o} {t}");
                out.push(text.split_whitespace().map(str::to_string).collect());
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let tagger = Tagger::embedded();
    let data = sentences();
    let refs: Vec<Vec<&str>> = data
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    let tokens: usize = refs.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group("tagger");
    g.throughput(Throughput::Elements(tokens as u64));
    g.bench_function("tag_125_sentences", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            for s in &refs {
                tagger.tag_into(black_box(s), &mut out);
                black_box(&out);
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
