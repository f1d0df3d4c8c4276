//! Done-when (a): the seed article yields a CHN–KEN "comprehensive strategic
//! cooperative partnership" record dated 2024-09-05 with its evidence
//! sentence, both read directly and from a store.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dyad_analysis::{detect_labels, labels_for_dyad, LabelRecord};
use dyad_code::Pipeline;
use dyad_store::{CodedDocument, Store};

fn seed() -> Option<PathBuf> {
    let p = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/china-kenya-focac-2024.txt"
    ))
    .to_path_buf();
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared/seed/china-kenya-focac-2024.txt not found");
        None
    }
}

fn check(r: &[LabelRecord]) {
    let hit = r
        .iter()
        .find(|r| r.label == "comprehensive strategic cooperative partnership")
        .unwrap_or_else(|| panic!("no CSCP record in {r:#?}"));
    assert_eq!(hit.dyad, ["CHN".to_string(), "KEN".to_string()]);
    assert_eq!(hit.date, "2024-09-05");
    assert_eq!(hit.level, 4);
    assert_eq!(
        &hit.text[hit.span[0]..hit.span[1]],
        "comprehensive strategic cooperative partnership"
    );
    assert!(
        hit.text.starts_with("Ruto expressed hope"),
        "evidence: {}",
        hit.text
    );
    assert!(hit
        .text
        .contains("their comprehensive strategic cooperative partnership"));
    // The slogans ("sincere partners", "strategic partners upholding ...")
    // are not relationship labels.
    assert!(r.iter().all(|r| r.level >= 4), "{r:#?}");
}

#[test]
fn seed_article_yields_the_partnership_label() {
    let Some(path) = seed() else { return };
    let opts = dyad_ingest::IngestOptions::new(NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"));
    let mut docs = dyad_ingest::ingest_path(&path, &opts).expect("ingest").docs;
    let p = Pipeline::load(&[]).expect("pipeline");
    let mut doc = docs.remove(0);
    p.annotate(&mut doc);
    let r = detect_labels(&p, &doc, NaiveDate::default());
    check(&r);
}

#[test]
fn seed_article_label_comes_back_from_the_store() {
    let Some(path) = seed() else { return };
    let dir = std::env::temp_dir().join(format!("dyad-analysis-seed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tempdir");
    let db = dir.join("seed.db");
    let _ = std::fs::remove_file(&db);
    let opts = dyad_ingest::IngestOptions::new(NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"));
    let docs = dyad_ingest::ingest_path(&path, &opts).expect("ingest").docs;
    let p = Pipeline::load(&[]).expect("pipeline");
    let mut store = Store::open(&db).expect("store");
    let batch: Vec<CodedDocument> = docs
        .into_iter()
        .map(|mut doc| {
            let events = p.code(&mut doc, NaiveDate::default());
            CodedDocument { doc, events }
        })
        .collect();
    store.ingest(&batch).expect("ingest");
    let r = labels_for_dyad(&store, &p, Some("KEN-CHN"), None, None).expect("labels");
    check(&r);
    let direct_index = {
        let mut doc = batch[0].doc.clone();
        p.annotate(&mut doc);
        detect_labels(&p, &doc, NaiveDate::default())[0].sentence
    };
    assert_eq!(r[0].sentence, direct_index, "stored sentence index");
    assert!(labels_for_dyad(&store, &p, Some("USA-KEN"), None, None)
        .expect("labels")
        .is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}
