//! Loads the real dictionaries from `../shared/data` (skipped when absent) and checks the
//! counts PROVENANCE.md states plus a few known entries.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dyad_dict::{load, DictKind, VerbDictionary, VerbFormat};

fn data_dir() -> Option<PathBuf> {
    let p = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"));
    if p.is_dir() {
        Some(p.to_path_buf())
    } else {
        eprintln!("skipped: ../shared/data not found");
        None
    }
}

fn file(rel: &str) -> Option<PathBuf> {
    let p = data_dir()?.join(rel);
    if p.is_file() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared/data/{rel} not found");
        None
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

#[test]
fn cameo_2_0_counts_match_provenance() {
    let Some(p) = file("petrarch2/CAMEO.2.0.txt") else {
        return;
    };
    let src = std::fs::read_to_string(&p).unwrap();
    let (v, warnings) = VerbDictionary::parse(&src, "CAMEO.2.0.txt").unwrap();
    assert_eq!(v.format, VerbFormat::Petrarch2);
    assert_eq!(v.defined_synset_count(), 40);
    let members: usize = v
        .synsets
        .iter()
        .filter(|s| s.line != 0)
        .map(|s| s.members.len())
        .sum();
    assert_eq!(members, 558);
    assert_eq!(v.block_headers, 397);
    assert_eq!(v.blocks.len(), 397);
    assert_eq!(v.entries.len(), 1817);
    // PROVENANCE: 4668 pattern lines; two have unbalanced `)` and are skipped with warnings.
    assert_eq!(v.pattern_count(), 4666);
    let skipped: Vec<_> = warnings
        .iter()
        .filter(|w| w.message.ends_with("line skipped"))
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert_eq!(v.transformations.len(), 8);
    // Known entries.
    let (e, f) = v
        .lookup_form("asked")
        .find(|(_, f)| f.after.is_empty())
        .unwrap();
    assert_eq!(e.lemma, "ask");
    assert!(f.before.is_empty());
    assert_eq!(v.block_of(e).unwrap().name, "ASK");
    assert!(v.patterns(e).len() > 50);
    let (e, _) = v.lookup_form("hurries").next().unwrap();
    assert_eq!(v.block_of(e).unwrap().name, "ACCELERATE");
    let (_, f) = v
        .lookup_form("carried")
        .find(|(_, f)| f.after == ["out"])
        .unwrap();
    assert!(f.before.is_empty());
    let accel = v.block_by_name("ACCELERATE").unwrap();
    assert_eq!(accel.patterns[0].code.to_string(), "042:043");
}

#[test]
fn linear_verb_files() {
    let Some(p) = file("petrarch2/CAMEO.verbpatterns.150430.txt") else {
        return;
    };
    let src = std::fs::read_to_string(&p).unwrap();
    let (v, warnings) = VerbDictionary::parse(&src, "CAMEO.verbpatterns.150430.txt").unwrap();
    assert_eq!(v.format, VerbFormat::Linear);
    assert_eq!(v.block_headers, 396);
    // The file has 11011 `- ...` pattern lines (PROVENANCE counts 11010); five are malformed
    // (two with two `*`, one without `*`, two without a code) and are skipped with warnings.
    assert_eq!(v.pattern_count(), 11006);
    assert_eq!(
        warnings
            .iter()
            .filter(|w| w.message.ends_with("line skipped"))
            .count(),
        5
    );
    assert!(v.lookup_form("says").next().is_some());

    let Some(p) = file("petrarch2/PETR.Validate.verbs.txt") else {
        return;
    };
    let src = std::fs::read_to_string(&p).unwrap();
    let (v, _) = VerbDictionary::parse(&src, "PETR.Validate.verbs.txt").unwrap();
    assert_eq!(v.format, VerbFormat::Linear);
    assert_eq!(v.pattern_count(), 474);
}

#[test]
fn phoenix_countries_kenya() {
    let Some(p) = file("petrarch2/Phoenix.Countries.actors.txt") else {
        return;
    };
    let d = load(&[p]).unwrap();
    let (len, kenya) = d.actors.longest_match(&["kenya", "said"], 0).unwrap();
    assert_eq!(len, 1);
    assert_eq!(kenya.default_code(), Some("KEN"));
    assert_eq!(
        d.actors.lookup(&["nairobi"]).unwrap().default_code(),
        Some("KEN")
    );
    let kibaki = d.actors.lookup(&["mwai", "kibaki"]).unwrap();
    assert_eq!(kibaki.code_on(date(2005, 1, 1)), Some("KENGOV"));
    assert_eq!(kibaki.code_on(date(1990, 1, 1)), Some("KENELI"));
    assert_eq!(kibaki.code_on(date(2001, 6, 1)), Some("KENELI"));
    let (len, uhuru) = d
        .actors
        .longest_match(&["president", "uhuru", "kenyatta", "spoke"], 1)
        .unwrap();
    assert_eq!(len, 2);
    assert_eq!(uhuru.code_on(date(2014, 1, 1)), Some("KENGOV"));
    assert_eq!(uhuru.code_on(date(2007, 1, 1)), None);
    assert!(d.actors.len() > 15_000);
}

#[test]
fn default_set_loads() {
    let Some(dir) = data_dir() else { return };
    let paths = dyad_dict::default_paths(&dir.join("petrarch2"));
    if paths.iter().any(|p| !p.is_file()) {
        eprintln!("skipped: default dictionaries not all present");
        return;
    }
    let t = std::time::Instant::now();
    let d = load(&paths).unwrap();
    eprintln!(
        "default set loaded in {:?} ({} warnings)",
        t.elapsed(),
        d.warnings.len()
    );
    assert_eq!(d.files.len(), 7);
    assert!(d.verbs.is_some());
    assert!(d.issues.is_some());
    // International: the UN.
    let (_, un) = d
        .actors
        .longest_match(&["the", "united", "nations"], 0)
        .unwrap();
    assert_eq!(un.default_code(), Some("IGOUNO"));
    // MilNonState.
    assert_eq!(
        d.actors
            .lookup(&["abu", "nidal", "organization"])
            .unwrap()
            .default_code(),
        Some("IMGMUSALQ")
    );
    // Agents: plurals, markers, placement.
    let police = d.agents.lookup(&["policemen"]).unwrap();
    assert_eq!(police.apply("KEN"), "KENCOP");
    assert!(d.agents.lookup(&["polices"]).is_none());
    assert_eq!(
        d.agents.lookup(&["foreign", "ministers"]).unwrap().code,
        "GOV"
    );
    // Discards.
    let words = ["the", "world", "golf", "championships", "began"];
    assert_eq!(
        d.discards.find(&words).unwrap().level,
        dyad_dict::DiscardLevel::Story
    );
    assert!(d.discards.len() > 450);
    // Issues.
    let issues = d.issues.as_ref().unwrap();
    assert_eq!(issues.categories.len(), 52);
    let found = issues.issues(&["new", "kindergartens", "and", "teachers"]);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(d.warnings.iter().all(|w| w.line > 0));
}

#[test]
fn universal_petrarch_directory_loads_its_dictionaries_and_ontologies() {
    let Some(dir) = data_dir() else { return };
    let up = dir.join("universal-petrarch");
    if !up.is_dir() {
        eprintln!("skipped: ../shared/data/universal-petrarch not found");
        return;
    }
    let d = load(&[up]).unwrap();
    let kinds: Vec<DictKind> = d.files.iter().map(|(_, k)| *k).collect();
    // Four dictionaries and the two coding-ontology files.
    assert_eq!(kinds.len(), 6, "{:?}", d.files);
    for k in [
        DictKind::Verbs,
        DictKind::Actors,
        DictKind::Agents,
        DictKind::Discards,
        DictKind::Ontology,
    ] {
        assert!(kinds.contains(&k));
    }
    assert_eq!(d.ontology.as_ref().unwrap().negated("110"), Some("050"));
    let v = d.verbs.as_ref().unwrap();
    assert_eq!(v.format, VerbFormat::Petrarch2);
    assert!(v.pattern_count() > 300);
    let (_, hamas) = d.actors.longest_match(&["hamas", "wing"], 0).unwrap();
    assert_eq!(hamas.default_code(), Some("PSEHMSBRD"));
    assert_eq!(
        d.actors.lookup(&["aragorn"]).unwrap().default_code(),
        Some("RNG")
    );
}

#[test]
fn validation_files_load() {
    for rel in [
        "petrarch2/PETR.Validate.actors.txt",
        "petrarch2/PETR.Validate.agents.txt",
        "petrarch2/PETR.Validate.discards.txt",
        "petrarch2/PETR.Validate.verbs.txt",
        "petrarch2/Phoenix.International.actors.txt",
        "petrarch2/Phoenix.MilNonState.actors.txt",
    ] {
        let Some(p) = file(rel) else { continue };
        let d = load(&[p]).unwrap_or_else(|e| panic!("{rel}: {e}"));
        assert_eq!(d.files.len(), 1);
    }
    if let Some(p) = file("petrarch2/PETR.Validate.agents.txt") {
        let d = load(&[p]).unwrap();
        assert_eq!(
            d.agents
                .lookup(&["ministry", "of", "silly", "walks"])
                .unwrap()
                .code,
            "GOV"
        );
        assert_eq!(d.agents.lookup(&["golden", "geese"]).unwrap().code, "GGS");
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }
}
