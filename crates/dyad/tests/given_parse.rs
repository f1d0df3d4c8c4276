//! `dyad validate --parse given` reads a record's own Penn tree. A
//! sentence-opening past participle with no auxiliary ("Kenya retaliated
//! against Somalia" tagged VBN, headline style) is the main verb, not a reduced
//! passive: the records' own trees tag such verbs VBN.

mod common;
use common::*;

const RECORDS: &str = r#"<Sentences>
<Sentence date="20240101" id="OPENING-VBN" category="VERB" sentence="true">
<EventCoding sourcecode="KEN" targetcode="SOM" eventcode="190"></EventCoding>
<Text>
Kenya retaliated against Somalia, officials said on Monday.
</Text>
<Parse>
(ROOT (S (S (NP (NNP Kenya)) (VP (VBN retaliated) (PP (IN against) (NP (NNP Somalia))))) (, ,) (NP (NNS officials)) (VP (VBD said) (PP (IN on) (NP (NNP Monday)))) (. .)))
</Parse>
</Sentence>
</Sentences>
"#;

#[test]
fn a_sentence_opening_participle_is_the_main_verb() {
    let d = tempdir();
    let f = d.join("records.xml");
    std::fs::write(&f, RECORDS).unwrap();
    let out = run_ok(dyad().args(["validate", "--parse", "given"]).arg(&f));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("1 passed, 0 failed"), "{text}");
}
