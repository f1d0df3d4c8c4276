//! Property tests: arbitrary and garbled input never panics any reader; strict errors and
//! lenient warnings carry 1-based line numbers within the input.
//!
//! Runs `PROPTEST_CASES` cases per property (default 256); for a long fuzz-style run:
//! `PROPTEST_CASES=200000 cargo test --release -p dyad-dict --test proptests`.

use dyad_dict::DictionaryFile;
use dyad_dict::{
    ActorDictionary, AgentDictionary, CodingOntology, DictError, DictWarning, DiscardList,
    IssueDictionary, VerbDictionary, VerbFormat,
};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Lines built from the characters that matter to the formats, plus real-looking fragments.
fn dict_line() -> impl Strategy<Value = String> {
    let fragment = prop_oneof![
        Just("--- SAY [010] ---".to_string()),
        Just("- * (TO {PEACE PLAN}) $ [042:043]".to_string()),
        Just("- $ IN_* &X_Y + [075A]".to_string()),
        Just("&SYN".to_string()),
        Just("+MEMBER_".to_string()),
        Just("+ASK_FOR {+ASKED_FOR} [020]".to_string()),
        Just("~ a (b . ATTACK) SAY = a b 112".to_string()),
        Just("KENYA_ [KEN]".to_string()),
        Just("\t[KENGOV >080301]".to_string()),
        Just("\t[X 990101-20010101]".to_string()),
        Just("!PERSON! = MAN, MEN".to_string()),
        Just("POLICE!PERSON! {} [~COP]".to_string()),
        Just("<ISSUE CATEGORY=\"X\">".to_string()),
        Just("n:school+k v:purge [EDU]".to_string()),
        Just("~~foo".to_string()),
        Just("<!-- open".to_string()),
        Just("-->".to_string()),
        Just("110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove".to_string()),
        Just("122:-0xFFFF+0x2040+0x300# comment".to_string()),
        Just("011:0x1000-0xFFFF".to_string()),
        "[-+*$%^&_~!{}()\\[\\]:<>=#A-Z0-9 \t]{0,40}",
        any::<String>(),
    ];
    fragment
}

fn doc() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(dict_line(), 0..30)
}

fn check_error(e: &DictError, n_lines: usize) {
    if let Some(line) = e.line() {
        assert!(
            line >= 1 && line <= n_lines.max(1),
            "line {line} out of 1..={n_lines}: {e}"
        );
        assert!(e.to_string().starts_with("p.txt:"), "{e}");
    }
}

fn check_warnings(ws: &[DictWarning], n_lines: usize) {
    for w in ws {
        assert!(w.line <= n_lines.max(1), "{w}");
        assert!(w.to_string().starts_with("p.txt:"));
    }
}

fn run_all(src: &str, n_lines: usize) {
    match ActorDictionary::parse(src, "p.txt") {
        Ok((d, w)) => {
            check_warnings(&w, n_lines);
            let words = ["kenya", "man", "the"];
            for i in 0..=words.len() {
                let _ = d.longest_match(&words, i);
            }
        }
        Err(e) => check_error(&e, n_lines),
    }
    if let Err(e) = ActorDictionary::parse_strict(src, "p.txt") {
        check_error(&e, n_lines);
    }
    match AgentDictionary::parse(src, "p.txt") {
        Ok((d, w)) => {
            check_warnings(&w, n_lines);
            let _ = d.longest_match(&["policeman"], 0);
        }
        Err(e) => check_error(&e, n_lines),
    }
    if let Err(e) = AgentDictionary::parse_strict(src, "p.txt") {
        check_error(&e, n_lines);
    }
    match DiscardList::parse(src, "p.txt") {
        Ok((d, w)) => {
            check_warnings(&w, n_lines);
            let _ = d.find(&["kenya", "a"]);
        }
        Err(e) => check_error(&e, n_lines),
    }
    if let Err(e) = DiscardList::parse_strict(src, "p.txt") {
        check_error(&e, n_lines);
    }
    match IssueDictionary::parse(src, "p.txt") {
        Ok((d, w)) => {
            check_warnings(&w, n_lines);
            let _ = d.issues(&["school", "k"]);
        }
        Err(e) => check_error(&e, n_lines),
    }
    if let Err(e) = IssueDictionary::parse_strict(src, "p.txt") {
        check_error(&e, n_lines);
    }
    for format in [VerbFormat::Petrarch2, VerbFormat::Linear] {
        match VerbDictionary::parse_as(src, "p.txt", format) {
            Ok((d, w)) => {
                check_warnings(&w, n_lines);
                for id in 0..d.synsets.len() {
                    let _ = d.synset_match(id, &["member", "x"], 0);
                }
                let _ = d.lookup_form("asked").count();
            }
            Err(e) => check_error(&e, n_lines),
        }
        if let Err(e) = VerbDictionary::parse_strict(src, "p.txt", format) {
            check_error(&e, n_lines);
        }
    }
    match CodingOntology::parse(src, "p.txt") {
        Ok((d, w)) => {
            check_warnings(&w, n_lines);
            let _ = d.negated("110");
        }
        Err(e) => check_error(&e, n_lines),
    }
    if let Err(e) = CodingOntology::parse_strict(src, "p.txt") {
        check_error(&e, n_lines);
    }
    let _ = dyad_dict::detect_kind_from_content(src);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn garbled_lines_never_panic(lines in doc()) {
        let src = lines.join("\n");
        let n = src.split('\n').count();
        run_all(&src, n);
    }

    #[test]
    fn arbitrary_text_never_panics(src in any::<String>()) {
        let n = src.split('\n').count();
        run_all(&src, n);
    }

    #[test]
    fn strict_error_line_points_at_the_bad_line(good in 0usize..20, bad in "[\\[\\]{}()]{1,3}") {
        // `good` valid actor lines then one malformed code line.
        let mut src = String::new();
        for i in 0..good {
            src.push_str(&format!("ACTOR_{i} [C{i}]\n"));
        }
        src.push_str(&format!("BAD [X]{bad}\n"));
        match ActorDictionary::parse_strict(&src, "p.txt") {
            Ok(_) => {}
            Err(e) => prop_assert_eq!(e.line(), Some(good + 1)),
        }
    }
}
