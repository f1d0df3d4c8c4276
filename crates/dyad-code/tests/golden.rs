//! Golden tests for the coder: sentences written for dyad, with the events
//! an analyst expects. Each case is one document; the expected set must be
//! exactly what dyad codes (source, target, code, modality).

use dyad_code::Pipeline;
use dyad_model::Document;
use std::collections::BTreeSet;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::load(&[]).expect("embedded dictionaries"))
}

fn coded(text: &str) -> BTreeSet<String> {
    let mut doc = Document {
        id: "golden".into(),
        text: text.into(),
        ..Default::default()
    };
    let date = chrono::NaiveDate::from_ymd_opt(2024, 5, 1).unwrap();
    pipeline()
        .code(&mut doc, date)
        .into_iter()
        .map(|e| {
            format!(
                "{} {} {}{}",
                e.source,
                e.target,
                e.code,
                e.modality.map(|m| format!(" {m}")).unwrap_or_default()
            )
        })
        .collect()
}

fn check(text: &str, expected: &[&str]) {
    let got = coded(text);
    let want: BTreeSet<String> = expected.iter().map(|s| s.to_string()).collect();
    assert_eq!(got, want, "\n  text: {text}");
}

#[test]
fn title_and_nationality_make_actors_not_in_the_dictionary() {
    check("Turkish Foreign Minister Hakan Fidan met Egyptian President Abdel Fattah al-Sisi in Cairo on Monday.", &["TURGOV EGYGOV 040"]);
}

#[test]
fn passive_voice_swaps_roles() {
    check(
        "The embassy of Norway in Kabul was attacked by Taliban fighters.",
        &["AFGREB NORGOV 190"],
    );
}

#[test]
fn negated_verbs_are_not_coded() {
    check("Russia did not condemn the strike on Ukraine.", &[]);
}

#[test]
fn compound_subjects_act_on_each_other() {
    check(
        "Brazil and Argentina signed a trade agreement on Tuesday.",
        &["BRA ARG 0311", "ARG BRA 0311"],
    );
    // A place is not the other party of a compound subject.
    check(
        "India and Pakistan held talks in Geneva.",
        &["IND PAK 046", "PAK IND 046"],
    );
}

#[test]
fn agents_combine_with_countries() {
    check(
        "Kenyan police arrested Somali smugglers near the border.",
        &["KENCOP SOMCRM 173"],
    );
    check(
        "The Japanese government accused China of violating its airspace.",
        &["JPNGOV CHN 112"],
    );
}

#[test]
fn pronouns_and_capitals_resolve_within_the_document() {
    check(
        "Chinese President Xi Jinping praised Kenya. He urged Nairobi to deepen cooperation with Beijing.",
        &["CHNGOV KEN 051", "CHNGOV KEN 020", "KEN CHN 050 reported"],
    );
}

#[test]
fn reported_content_is_marked_not_coded_as_fact() {
    check(
        "Nigeria said it would send troops to help Niger.",
        &["NGA NER 062 reported", "NGAMIL NER 070 reported"],
    );
}

#[test]
fn organisations_from_dyads_own_dictionary() {
    check(
        "The European Union imposed sanctions on Iran.",
        &["IGOEUREEC IRN 163"],
    );
    check(
        "The African Union urged Sudan to accept a ceasefire.",
        &["IGOAFRAU SDN 020"],
    );
}
