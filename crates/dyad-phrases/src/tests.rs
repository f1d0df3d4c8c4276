use super::*;
use dyad_model::Span;
use proptest::prelude::*;

/// A sentence from "word/TAG word/TAG …" (tokens separated by single spaces).
fn tagged(s: &str) -> Sentence {
    let words: Vec<(&str, Tag)> = s
        .split(' ')
        .map(|item| {
            let (w, t) = item.rsplit_once('/').expect("word/TAG");
            (w, Tag::from_penn(t).expect(t))
        })
        .collect();
    Sentence::from_tagged(&words)
}

fn np_words(s: &Sentence, p: &SentenceParse, np: Option<usize>) -> String {
    np.map(|i| {
        p.nps[i]
            .tokens
            .clone()
            .map(|k| s.tokens[k].norm.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    })
    .unwrap_or_default()
}

#[test]
fn subject_verb_object_and_prepositions() {
    let s = tagged("President/NNP Xi/NNP Jinping/NNP of/IN China/NNP held/VBD talks/NNS with/IN Kenyan/JJ President/NNP William/NNP Ruto/NNP ./.");
    let p = parse(&s);
    assert_eq!(p.clauses.len(), 1);
    let c = &p.clauses[0];
    assert_eq!(p.verbs[c.verb].lemma, "hold");
    assert_eq!(np_words(&s, &p, c.subject), "President Xi Jinping");
    assert_eq!(np_words(&s, &p, c.object), "talks");
    assert_eq!(c.preps.len(), 1);
    assert_eq!(
        np_words(&s, &p, Some(c.preps[0].np)),
        "Kenyan President William Ruto"
    );
}

#[test]
fn a_participle_after_a_preposition_modifies_its_noun() {
    let s = tagged("Rebels/NNS fired/VBD on/IN besieged/VBN towns/NNS ./.");
    let p = parse(&s);
    assert_eq!(p.clauses.len(), 1);
    let c = &p.clauses[0];
    assert_eq!(np_words(&s, &p, Some(c.preps[0].np)), "besieged towns");
    // After a subordinator it is a verb: "that killed people ...".
    let s = tagged("They/PRP said/VBD that/IN armed/VBN men/NNS fled/VBD ./.");
    let p = parse(&s);
    assert!((0..p.nps.len()).all(|i| np_words(&s, &p, Some(i)) != "armed men"));
}

#[test]
fn coordinated_ing_modifiers_stay_in_one_phrase() {
    let s =
        tagged("Arnor/NNP launched/VBD a/DT new/JJ bombing/NN and/CC shelling/NN offensive/NN ./.");
    let p = parse(&s);
    let c = &p.clauses[0];
    assert_eq!(
        np_words(&s, &p, c.object),
        "a new bombing and shelling offensive"
    );
    // Two phrases of their own stay coordinated.
    let s = tagged("Arnor/NNP sent/VBD the/DT minister/NN and/CC defense/NN officials/NNS ./.");
    let p = parse(&s);
    assert_eq!(np_words(&s, &p, p.clauses[0].object), "the minister");
}

#[test]
fn quotation_marks_inside_a_phrase_do_not_end_it() {
    let s = tagged(
        "Arnor/NNP approved/VBD a/DT \"/`` special/JJ law/NN \"/'' recognizing/VBG Gondor/NNP ./.",
    );
    let p = parse(&s);
    let c = &p.clauses[0];
    assert_eq!(np_words(&s, &p, c.object), "a \" special law \"");
    let s = tagged("Arnor/NNP backed/VBD the/DT \"/`` peace/NN \"/'' plan/NN ./.");
    let p = parse(&s);
    assert_eq!(
        np_words(&s, &p, p.clauses[0].object),
        "the \" peace \" plan"
    );
    // A quoted clause is no part of the phrase before it.
    let s = tagged("Arnor/NNP called/VBD it/PRP \"/`` a/DT disaster/NN \"/'' ./.");
    let p = parse(&s);
    assert!((0..p.nps.len()).all(|i| !np_words(&s, &p, Some(i)).starts_with("it \"")));
}

#[test]
fn a_described_apposition_is_stepped_over_to_the_subject() {
    let s = tagged("Members/NNS of/IN the/DT guild/NN ,/, a/DT body/NN linked/VBN to/TO the/DT union/NN ,/, visited/VBD Gondor/NNP ./.");
    let p = parse(&s);
    let c = p
        .clauses
        .iter()
        .find(|c| p.verbs[c.verb].lemma == "visit")
        .expect("visit");
    assert_eq!(np_words(&s, &p, c.subject), "Members");
}

#[test]
fn a_proper_adjective_after_a_common_noun_starts_a_phrase() {
    let s = tagged("According/IN to/TO a/DT guild/NN spokesman/NN Gondorian/JJ officials/NNS have/VBP left/VBN ./.");
    let p = parse(&s);
    let c = &p.clauses[0];
    assert_eq!(np_words(&s, &p, c.subject), "Gondorian officials");
    // Before the nouns it stays inside: "the Gondorian border guards".
    let s = tagged("Rebels/NNS met/VBD the/DT Gondorian/JJ border/NN guards/NNS ./.");
    let p = parse(&s);
    assert_eq!(
        np_words(&s, &p, p.clauses[0].object),
        "the Gondorian border guards"
    );
}

#[test]
fn an_adjective_after_the_head_noun_is_no_part_of_the_phrase() {
    let s = tagged(
        "Rebels/NNS attacked/VBD the/DT town/NN ,/, leaving/VBG 12/CD people/NNS dead/JJ ./.",
    );
    let p = parse(&s);
    let c = p
        .clauses
        .iter()
        .find(|c| p.verbs[c.verb].lemma == "leave")
        .expect("leave");
    assert_eq!(np_words(&s, &p, c.object), "12 people");
    // An adjective before another noun still belongs: "the army chief".
    let s = tagged("Rebels/NNS met/VBD the/DT army/NN top/JJ brass/NN ./.");
    let p = parse(&s);
    assert_eq!(np_words(&s, &p, p.clauses[0].object), "the army top brass");
}

#[test]
fn passive_voice_with_agent() {
    let s = tagged("The/DT embassy/NN was/VBD attacked/VBN by/IN rebels/NNS ./.");
    let p = parse(&s);
    let c = &p.clauses[0];
    assert!(p.verbs[c.verb].passive);
    assert_eq!(np_words(&s, &p, c.subject), "The embassy");
    assert_eq!(np_words(&s, &p, c.agent), "rebels");
}

#[test]
fn negation_and_modals() {
    let s = tagged("Russia/NNP did/VBD not/RB condemn/VB the/DT attack/NN and/CC would/MD not/RB comment/VB ./.");
    let p = parse(&s);
    assert_eq!(p.verbs.len(), 2);
    assert!(p.verbs[0].negated && p.verbs[0].lemma == "condemn");
    assert!(p.verbs[1].negated && p.verbs[1].modal.as_deref() == Some("would"));
    // The coordinated verb shares the subject.
    assert_eq!(np_words(&s, &p, p.clauses[1].subject), "Russia");
}

#[test]
fn coordination_of_actors() {
    let s = tagged("Xi/NNP urged/VBD that/IN China/NNP and/CC Kenya/NNP should/MD support/VB each/DT other/JJ ./.");
    let p = parse(&s);
    let c = &p.clauses[1];
    assert_eq!(c.kind, ClauseKind::Complement);
    assert_eq!(c.governor, Some(0));
    let subj = c.subject.unwrap();
    let names: Vec<String> = p
        .conjuncts(subj)
        .into_iter()
        .map(|n| np_words(&s, &p, Some(n)))
        .collect();
    assert_eq!(names, ["China", "Kenya"]);
}

#[test]
fn relative_clause_subject_is_the_antecedent() {
    let s = tagged("Xi/NNP met/VBD Ruto/NNP ,/, who/WP is/VBZ attending/VBG the/DT summit/NN ,/, in/IN Beijing/NNP ./.");
    let p = parse(&s);
    let rel = p
        .clauses
        .iter()
        .find(|c| c.kind == ClauseKind::Relative)
        .expect("relative clause");
    assert_eq!(np_words(&s, &p, rel.subject), "Ruto");
    assert_eq!(np_words(&s, &p, p.clauses[0].object), "Ruto");
}

#[test]
fn subject_skips_a_relative_clause() {
    let s =
        tagged("Ruto/NNP ,/, who/WP arrived/VBD on/IN Monday/NNP ,/, praised/VBD China/NNP ./.");
    let p = parse(&s);
    let main = p
        .clauses
        .iter()
        .find(|c| p.verbs[c.verb].lemma == "praise")
        .unwrap();
    assert_eq!(np_words(&s, &p, main.subject), "Ruto");
    assert_eq!(np_words(&s, &p, main.object), "China");
}

#[test]
fn apposition_points_back() {
    let s = tagged(
        "Xi/NNP Jinping/NNP ,/, China/NNP 's/POS president/NN ,/, visited/VBD Nairobi/NNP ./.",
    );
    let p = parse(&s);
    let c = p.clauses.last().unwrap();
    assert_eq!(np_words(&s, &p, c.subject), "Xi Jinping");
    assert!(p.nps.iter().any(|n| n.apposition_of.is_some()));
}

#[test]
fn infinitive_takes_object_or_subject_control() {
    let s = tagged("China/NNP urged/VBD Kenya/NNP to/TO align/VB with/IN Beijing/NNP ./.");
    let p = parse(&s);
    let inf = p
        .clauses
        .iter()
        .find(|c| c.kind == ClauseKind::Infinitive)
        .unwrap();
    assert_eq!(np_words(&s, &p, inf.subject), "Kenya");
    let s = tagged("Kenya/NNP agreed/VBD to/TO help/VB Somalia/NNP ./.");
    let p = parse(&s);
    let inf = p
        .clauses
        .iter()
        .find(|c| c.kind == ClauseKind::Infinitive)
        .unwrap();
    assert_eq!(np_words(&s, &p, inf.subject), "Kenya");
    assert_eq!(np_words(&s, &p, inf.object), "Somalia");
}

#[test]
fn quote_speaker_after_and_before() {
    let s = tagged("\"/`` We/PRP will/MD help/VB ,/, \"/'' Xi/NNP said/VBD ./.");
    let p = parse(&s);
    assert_eq!(p.quotes.len(), 1);
    assert_eq!(np_words(&s, &p, p.quotes[0].speaker), "Xi");
    let s = tagged("Ruto/NNP said/VBD that/IN \"/`` Kenya/NNP is/VBZ ready/JJ \"/'' ./.");
    let p = parse(&s);
    assert_eq!(np_words(&s, &p, p.quotes[0].speaker), "Ruto");
    let s = tagged("\"/`` Peace/NN matters/VBZ ,/, \"/'' said/VBD Ruto/NNP ./.");
    let p = parse(&s);
    assert_eq!(np_words(&s, &p, p.quotes[0].speaker), "Ruto");
}

#[test]
fn possessive_noun_phrase() {
    let s = tagged("Kenya/NNP 's/POS president/NN praised/VBD China/NNP ./.");
    let p = parse(&s);
    let c = &p.clauses[0];
    let subj = &p.nps[c.subject.unwrap()];
    assert_eq!(subj.possessor, Some(0..1));
    assert_eq!(s.tokens[subj.head].norm, "president");
}

const TAGS: &[&str] = &[
    "NNP", "NN", "VBD", "VBZ", "VBN", "IN", "DT", "JJ", ",", ".", "CC", "PRP", "MD", "RB", "TO",
    "VB", "WP", "POS", "``", "''", "CD", "VBG",
];

proptest! {
    #[test]
    fn any_tag_sequence_parses_without_panic(tags in proptest::collection::vec(0usize..TAGS.len(), 0..40)) {
        let s = tags.iter().map(|&t| format!("w{t}/{}", TAGS[t])).collect::<Vec<_>>().join(" ");
        let sent = if s.is_empty() { Sentence { index: 0, span: Span::default(), tokens: vec![], boilerplate: None, headline: false } } else { tagged(&s) };
        let p = parse(&sent);
        for c in &p.clauses {
            prop_assert!(c.rest.end <= sent.tokens.len());
            if let Some(s) = c.subject { prop_assert!(s < p.nps.len()); }
        }
        let _ = render(&sent, &p);
    }
}

#[test]
fn quote_speaker_climbs_to_the_reporting_clause() {
    let s = tagged("Ruto/NNP highlighted/VBD the/DT foundation/NN of/IN ties/NNS ,/, built/VBN on/IN \"/`` deep/JJ friendship/NN \"/'' ./.");
    let p = parse(&s);
    assert_eq!(p.quotes.len(), 1);
    assert_eq!(np_words(&s, &p, p.quotes[0].speaker), "Ruto");
}

#[test]
fn copula_about_to_keeps_the_subject() {
    let s = tagged("Arnor/NNP is/VBZ about/JJ to/TO restore/VB full/JJ diplomatic/JJ ties/NNS with/IN Gondor/NNP ./.");
    let p = parse(&s);
    let inf = p
        .clauses
        .iter()
        .find(|c| c.kind == ClauseKind::Infinitive)
        .unwrap();
    assert_eq!(np_words(&s, &p, inf.subject), "Arnor");
    assert_eq!(p.verbs[inf.verb].lemma, "restore");
}

#[test]
fn complementizer_that_is_not_a_preposition_and_quotes_open_inside_verb_groups() {
    let s = tagged("Xi/NNP urged/VBD that/IN China/NNP and/CC Kenya/NNP should/MD \"/`` firmly/RB support/VB each/DT other/JJ ./. \"/''");
    let p = parse(&s);
    let c = p
        .clauses
        .iter()
        .find(|c| p.verbs[c.verb].lemma == "support")
        .expect("support clause");
    assert_eq!(c.kind, ClauseKind::Complement);
    assert_eq!(p.conjuncts(c.subject.unwrap()).len(), 2);
    assert_eq!(p.verbs[c.verb].modal.as_deref(), Some("should"));
}

#[test]
fn subject_skips_a_fronted_participle_parenthetical() {
    let s = tagged("President/NNP Ruto/NNP ,/, while/IN expressing/VBG gratitude/NN for/IN the/DT hosting/VBG of/IN the/DT summit/NN ,/, highlighted/VBD the/DT ties/NNS ./.");
    let p = parse(&s);
    let c = p
        .clauses
        .iter()
        .find(|c| p.verbs[c.verb].lemma == "highlight")
        .unwrap();
    assert_eq!(np_words(&s, &p, c.subject), "President Ruto");
    assert!(p.nps.iter().any(|n| np_words(
        &s,
        &p,
        Some(p.nps.iter().position(|m| m == n).unwrap())
    ) == "the hosting"));
}

#[test]
fn lone_participle_tag_is_read_as_past_tense() {
    let s = tagged("Israel/NNP and/CC Lebanon/NNP renewed/VBN negotiations/NNS today/NN ./.");
    let p = parse(&s);
    assert_eq!(p.clauses[0].kind, ClauseKind::Main);
    assert_eq!(p.conjuncts(p.clauses[0].subject.unwrap()).len(), 2);
    // …but a reduced relative before the main verb stays a participle.
    let s = tagged(
        "A/DT communique/NN issued/VBN by/IN Beijing/NNP said/VBD it/PRP was/VBD ready/JJ ./.",
    );
    let p = parse(&s);
    assert_eq!(p.clauses[0].kind, ClauseKind::Participle);
}

#[test]
fn time_words_are_their_own_phrases_and_never_arguments() {
    let s = tagged("Indian/JJ business/NN leaders/NNS Friday/NNP called/VBD for/IN talks/NNS ./.");
    let p = parse(&s);
    assert_eq!(
        np_words(&s, &p, p.clauses[0].subject),
        "Indian business leaders"
    );
    let s = tagged("Turkey/NNP said/VBD Monday/NNP it/PRP had/VBD asked/VBN Tehran/NNP ./.");
    let p = parse(&s);
    assert_eq!(p.clauses[0].object, None);
    let c = &p.clauses[1];
    assert_eq!(c.kind, ClauseKind::Complement);
    assert_eq!(np_words(&s, &p, c.object), "Tehran");
}

#[test]
fn participle_after_a_main_verb_before_a_noun_is_an_adjective() {
    use dyad_model::Tag;
    let words = |ws: &[&'static str]| -> Vec<&'static str> { ws.to_vec() };
    let mut tags = vec![Tag::PRP, Tag::VBP, Tag::VBN, Tag::JJ, Tag::NNS];
    super::participles_as_adjectives(
        &words(&["they", "reject", "proposed", "israeli", "changes"]),
        &mut tags,
    );
    assert_eq!(tags[2], Tag::JJ);
    // After an auxiliary it is the verb: "have proposed changes".
    let mut tags = vec![Tag::PRP, Tag::VBP, Tag::VBN, Tag::NNS];
    super::participles_as_adjectives(&words(&["they", "have", "proposed", "changes"]), &mut tags);
    assert_eq!(tags[2], Tag::VBN);
}

#[test]
fn use_x_to_keeps_the_subject_as_the_actor() {
    let s = tagged("Police/NNS used/VBD tear/NN gas/NN to/TO disperse/VB demonstrators/NNS ./.");
    let p = parse(&s);
    let inf = p
        .clauses
        .iter()
        .find(|c| c.kind == ClauseKind::Infinitive)
        .expect("infinitive clause");
    assert_eq!(np_words(&s, &p, inf.subject), "Police");
}

#[test]
fn approximate_numbers_stay_in_the_subject() {
    let s = tagged("About/IN 300/CD protesters/NNS marched/VBD ./.");
    let p = parse(&s);
    assert_eq!(
        np_words(&s, &p, p.clauses[0].subject),
        "About 300 protesters"
    );
    let s = tagged("Up/IN to/TO 100/CD protesters/NNS marched/VBD ./.");
    let p = parse(&s);
    assert_eq!(
        np_words(&s, &p, p.clauses[0].subject),
        "Up to 100 protesters"
    );
}

#[test]
fn a_sentence_initial_participle_before_a_noun_is_an_adjective() {
    let s = tagged("Ousted/VBN President/NNP Akayev/NNP has/VBZ agreed/VBN to/TO resign/VB ./.");
    let p = parse(&s);
    assert_eq!(p.verbs[p.clauses[0].verb].lemma, "agree");
    assert_eq!(
        np_words(&s, &p, p.clauses[0].subject),
        "Ousted President Akayev"
    );
}

#[test]
fn a_gerund_after_verb_and_preposition_takes_the_subject() {
    let s = tagged("Youths/NNS resorted/VBD to/TO throwing/VBG stones/NNS ./.");
    let p = parse(&s);
    let g = p
        .clauses
        .iter()
        .find(|c| p.verbs[c.verb].lemma == "throw")
        .expect("gerund clause");
    assert_eq!(g.kind, ClauseKind::Participle);
    assert_eq!(np_words(&s, &p, g.subject), "Youths");
}

#[test]
fn a_participle_after_a_progressive_verb_modifies_the_noun() {
    let s = tagged("Croatia/NNP is/VBZ investigating/VBG alleged/VBN war/NN crimes/NNS ./.");
    let p = parse(&s);
    assert_eq!(p.clauses.len(), 1);
    assert_eq!(np_words(&s, &p, p.clauses[0].object), "alleged war crimes");
}

/// After a determiner (and adjectives) a participle is inside the noun
/// phrase, not a verb of its own.
#[test]
fn participles_after_a_determiner_stay_in_the_noun_phrase() {
    let s = tagged("Kenya/NNP launched/VBD a/DT new/JJ bombing/VBG and/CC shelling/VBG offensive/NN against/IN rebels/NNS ./.");
    let p = parse(&s);
    assert_eq!(p.clauses.len(), 1, "one verb: launched");
    let c = &p.clauses[0];
    assert_eq!(
        np_words(&s, &p, c.object),
        "a new bombing and shelling offensive"
    );
    let s = tagged("Uganda/NNP condemned/VBD the/DT killing/VBG of/IN civilians/NNS ./.");
    let p = parse(&s);
    assert_eq!(p.clauses.len(), 1, "one verb: condemned");
    assert_eq!(np_words(&s, &p, p.clauses[0].object), "the killing");
}

/// A short parenthesised name does not cut the phrase around it.
#[test]
fn a_parenthesised_acronym_inside_a_noun_phrase() {
    let s = tagged("The/DT Asia-Pacific/NNP Economic/NNP Cooperation/NNP (/-LRB- APEC/NNP )/-RRB- forum/NN agreed/VBD ./.");
    let p = parse(&s);
    assert_eq!(
        np_words(&s, &p, p.clauses[0].subject),
        "The Asia-Pacific Economic Cooperation ( APEC ) forum"
    );
    // A parenthesis that ends the phrase stays outside it.
    let s = tagged("The/DT African/NNP Union/NNP (/-LRB- AU/NNP )/-RRB- agreed/VBD ./.");
    let p = parse(&s);
    assert_eq!(np_words(&s, &p, p.clauses[0].subject), "The African Union");
}

#[test]
fn more_before_a_noun_stays_in_the_phrase() {
    let s = tagged("Syria/NNP will/MD not/RB accept/VB any/DT more/RBR refugees/NNS ./.");
    let p = parse(&s);
    assert_eq!(np_words(&s, &p, p.clauses[0].object), "any more refugees");
}

#[test]
fn help_takes_a_bare_infinitive() {
    let s = tagged("Norway/NNP agreed/VBD to/TO help/VB defend/VB Kenya/NNP ./.");
    let p = parse(&s);
    let defend = p
        .clauses
        .iter()
        .find(|c| p.verbs[c.verb].lemma == "defend")
        .expect("a clause for defend");
    assert_eq!(defend.kind, ClauseKind::Infinitive);
    assert!(defend.governor.is_some());
}

#[test]
fn an_infinitive_after_a_coordinated_object_keeps_the_coordination() {
    let s =
        tagged("UN/NNP urged/VBD Sudan/NNP and/CC Chad/NNP to/TO reopen/VB the/DT border/NN ./.");
    let p = parse(&s);
    let c = &p.clauses[0];
    let obj = c.object.expect("object");
    assert_eq!(p.conjuncts(obj).len(), 2);
}

#[test]
fn coordinated_adverbs_stay_inside_the_verb_group() {
    let s =
        tagged("Egypt/NNP was/VBD sharply/RB and/CC publicly/RB rebuked/VBN by/IN Sudan/NNP ./.");
    let p = parse(&s);
    assert_eq!(p.clauses.len(), 1);
    let c = &p.clauses[0];
    assert!(p.verbs[c.verb].passive);
    assert_eq!(p.verbs[c.verb].lemma, "rebuke");
    assert_eq!(np_words(&s, &p, c.subject), "Egypt");
    assert_eq!(np_words(&s, &p, c.agent), "Sudan");
}

#[test]
fn neither_nor_coordinates_noun_phrases() {
    let s = tagged("Neither/DT Peru/NNP nor/CC Chile/NNP signed/VBD the/DT treaty/NN ./.");
    let p = parse(&s);
    let c = &p.clauses[0];
    let subject = c.subject.expect("subject");
    assert_eq!(p.conjuncts(subject).len(), 2);
    assert_eq!(np_words(&s, &p, Some(p.conjuncts(subject)[1])), "Chile");
}

#[test]
fn a_negation_before_to_negates_the_infinitive() {
    let s = tagged("Kenya/NNP agreed/VBD not/RB to/TO attack/VB Somalia/NNP ./.");
    let p = parse(&s);
    let attack = p.verbs.iter().find(|v| v.lemma == "attack").expect("verb");
    assert!(attack.negated);
    let s = tagged("Kenya/NNP agreed/VBD to/TO attack/VB Somalia/NNP ./.");
    let p = parse(&s);
    let attack = p.verbs.iter().find(|v| v.lemma == "attack").expect("verb");
    assert!(!attack.negated);
}

#[test]
fn temporal_word_before_a_finite_clause_is_no_preposition() {
    // "after Kenyan crowds burned …": the crowds burned, and "after" is no
    // prepositional phrase of "restore".
    let s = tagged("Arnor/NNP will/MD restore/VB ties/NNS with/IN Gondor/NNP ,/, years/NNS after/IN Kenyan/JJ crowds/NNS burned/VBD its/PRP$ embassy/NN ./.");
    let p = parse(&s);
    let burned = p
        .clauses
        .iter()
        .find(|c| p.verbs[c.verb].lemma == "burn")
        .expect("a clause for burned");
    assert_eq!(np_words(&s, &p, burned.subject), "Kenyan crowds");
    let restore = &p.clauses[0];
    assert_eq!(p.verbs[restore.verb].lemma, "restore");
    assert!(restore
        .preps
        .iter()
        .all(|pp| np_words(&s, &p, Some(pp.np)) != "Kenyan crowds"));
    // A temporal prepositional object stays one: "after the talks, they met".
    let s = tagged("After/IN the/DT talks/NNS ,/, they/PRP met/VBD Ruto/NNP ./.");
    let p = parse(&s);
    let np = p.np_of_token[1].expect("the talks");
    assert_eq!(p.nps[np].preposition, Some(0));
}

#[test]
fn subject_before_a_reduced_relative() {
    // "workers affiliated with the union stopped work": the workers stopped.
    let s = tagged("Workers/NNS affiliated/VBN with/IN the/DT union/NN stopped/VBD work/NN ./.");
    let p = parse(&s);
    let stopped = p
        .clauses
        .iter()
        .find(|c| p.verbs[c.verb].lemma == "stop")
        .expect("a clause for stopped");
    assert_eq!(np_words(&s, &p, stopped.subject), "Workers");
}

#[test]
fn no_longer_negates_the_verb_group() {
    let s = tagged("Police/NNS will/MD no/DT longer/RBR tolerate/VB rallies/NNS ./.");
    let p = parse(&s);
    assert_eq!(p.clauses.len(), 1);
    let c = &p.clauses[0];
    assert_eq!(p.verbs[c.verb].lemma, "tolerate");
    assert!(p.verbs[c.verb].negated);
    assert_eq!(np_words(&s, &p, c.subject), "Police");
}

#[test]
fn help_with_an_object_takes_a_bare_infinitive() {
    // "helping militants attack the town": the militants attack.
    let s = tagged("He/PRP helped/VBD militants/NNS attack/VB the/DT town/NN ./.");
    let p = parse(&s);
    let attack = p
        .clauses
        .iter()
        .find(|c| p.verbs[c.verb].lemma == "attack")
        .expect("a clause for attack");
    assert_eq!(attack.kind, ClauseKind::Infinitive);
    assert_eq!(np_words(&s, &p, attack.subject), "militants");
}

/// The clause whose main verb has `lemma`.
fn clause_of<'p>(p: &'p SentenceParse, lemma: &str) -> &'p Clause {
    p.clauses
        .iter()
        .find(|c| p.verbs[c.verb].lemma == lemma)
        .unwrap_or_else(|| panic!("a clause for {lemma}"))
}

#[test]
fn neither_nor_verbs_share_the_subject_and_are_negated() {
    let s = tagged("Militias/NNS can/MD neither/DT seize/VB the/DT port/NN nor/CC close/VB the/DT border/NN ./.");
    let p = parse(&s);
    for lemma in ["seize", "close"] {
        let c = clause_of(&p, lemma);
        assert_eq!(np_words(&s, &p, c.subject), "Militias", "{lemma}");
        assert!(p.verbs[c.verb].negated, "{lemma} is negated");
    }
    assert_eq!(np_words(&s, &p, clause_of(&p, "seize").object), "the port");
}

#[test]
fn a_subject_that_denies_itself_negates_its_verb() {
    for (text, negated) in [
        (
            "Neither/DT Kenya/NNP nor/CC Uganda/NNP attacked/VBD Somalia/NNP ./.",
            true,
        ),
        ("No/DT troops/NNS crossed/VBD the/DT border/NN ./.", true),
        (
            "None/NN of/IN the/DT states/NNS recognised/VBD Kosovo/NNP ./.",
            true,
        ),
        ("No./NN 2/CD officials/NNS met/VBD ./.", false),
        ("Kenya/NNP attacked/VBD Somalia/NNP ./.", false),
        (
            "Kenya/NNP criticised/VBD neither/DT Peru/NNP nor/CC Chile/NNP ./.",
            true,
        ),
    ] {
        let p = parse(&tagged(text));
        assert_eq!(p.verbs[p.clauses[0].verb].negated, negated, "{text}");
    }
}

#[test]
fn a_coordinated_infinitive_keeps_the_controlled_subject() {
    // Norway asked the ships to dock and (the ships) unload grain.
    let s =
        tagged("Norway/NNP asked/VBD the/DT ships/NNS to/TO dock/VB and/CC unload/VB grain/NN ./.");
    let p = parse(&s);
    assert_eq!(np_words(&s, &p, clause_of(&p, "dock").subject), "the ships");
    assert_eq!(
        np_words(&s, &p, clause_of(&p, "unload").subject),
        "the ships"
    );
    // Subject control carries over the same way.
    let s = tagged("Peru/NNP promised/VBD to/TO repair/VB and/CC reopen/VB the/DT bridge/NN ./.");
    let p = parse(&s);
    assert_eq!(np_words(&s, &p, clause_of(&p, "reopen").subject), "Peru");
}

#[test]
fn a_message_participle_speaks_for_its_author() {
    let s = tagged("The/DT union/NN released/VBD a/DT letter/NN asking/VBG Oslo/NNP to/TO raise/VB wages/NNS ./.");
    let p = parse(&s);
    assert_eq!(np_words(&s, &p, clause_of(&p, "ask").subject), "The union");
    // Any other noun before a participle is its own subject.
    let s = tagged("The/DT union/NN saw/VBD a/DT crowd/NN asking/VBG Oslo/NNP for/IN help/NN ./.");
    let p = parse(&s);
    assert_eq!(np_words(&s, &p, clause_of(&p, "ask").subject), "a crowd");
}

#[test]
fn at_least_is_an_adverb_unless_it_counts() {
    let s = tagged("The/DT militia/NN was/VBD disarmed/VBN ,/, or/CC at/IN least/JJS confined/VBN to/TO barracks/NNS ./.");
    let p = parse(&s);
    assert!(p.nps.iter().all(|n| s.tokens[n.head].norm != "least"));
    assert_eq!(
        np_words(&s, &p, clause_of(&p, "confine").subject),
        "The militia"
    );
    let s = tagged("At/IN least/JJS 20/CD soldiers/NNS died/VBD ./.");
    let p = parse(&s);
    assert_eq!(
        np_words(&s, &p, clause_of(&p, "die").subject),
        "At least 20 soldiers"
    );
}

#[test]
fn relative_time_phrases_are_no_objects() {
    let s = tagged(
        "Hundreds/NNS of/IN rebels/NNS surrendered/VBD last/JJ week/NN near/IN Gulu/NNP ./.",
    );
    let p = parse(&s);
    let c = clause_of(&p, "surrender");
    assert_eq!(c.object, None);
    assert_eq!(np_words(&s, &p, c.subject), "Hundreds");
    let s = tagged("Soldiers/NNS shelled/VBD the/DT town/NN on/IN Sunday/NNP evening/NN ./.");
    let p = parse(&s);
    let evening = p.nps.iter().find(|n| s.tokens[n.head].norm == "evening");
    assert_eq!(evening.map(|n| n.kind), Some(NpKind::Time));
    // A year that owns something is not a time phrase.
    let s = tagged("Last/JJ year/NN 's/POS vote/NN angered/VBD Lima/NNP ./.");
    let p = parse(&s);
    assert_eq!(
        np_words(&s, &p, clause_of(&p, "anger").subject),
        "Last year 's vote"
    );
}

#[test]
fn a_fronted_prepositional_phrase_ends_at_its_comma() {
    let s = tagged("After/IN a/DT meeting/NN on/IN trade/NN ,/, some/DT 50/CD Peruvian/JJ farmers/NNS and/CC traders/NNS blocked/VBD roads/NNS ./.");
    let p = parse(&s);
    let c = clause_of(&p, "block");
    assert_eq!(np_words(&s, &p, c.subject), "some 50 Peruvian farmers");
    let members = p.conjuncts(c.subject.unwrap());
    assert_eq!(members.len(), 2);
    // A list of places inside the fronted phrase stays one list.
    let s = tagged(
        "In/IN Lima/NNP ,/, Cusco/NNP and/CC Puno/NNP ,/, farmers/NNS blocked/VBD roads/NNS ./.",
    );
    let p = parse(&s);
    let lima = p.np_of_token[1].unwrap();
    assert_eq!(p.conjuncts(lima).len(), 3);
    assert_eq!(np_words(&s, &p, clause_of(&p, "block").subject), "farmers");
}

/// After a verb taking a clause without "that", "X and Y" before a verb is
/// that clause's compound subject; after a verb with an object of its own
/// it stays an object followed by a new clause's subject.
#[test]
fn a_bare_complement_clause_keeps_its_compound_subject() {
    let s = tagged(
        "Peru/NNP believes/VBZ Chile/NNP and/CC Bolivia/NNP can/MD cope/VB with/IN drought/NN ./.",
    );
    let p = parse(&s);
    let cope = p
        .clauses
        .iter()
        .find(|c| p.verbs[c.verb].lemma == "cope")
        .expect("a clause for cope");
    let subject = cope.subject.expect("subject");
    assert_eq!(p.conjuncts(subject).len(), 2);
    let s = tagged("Peru/NNP met/VBD Chile/NNP and/CC Bolivia/NNP signed/VBD the/DT treaty/NN ./.");
    let p = parse(&s);
    let signed = p
        .clauses
        .iter()
        .find(|c| p.verbs[c.verb].lemma == "sign")
        .expect("a clause for sign");
    assert_eq!(p.conjuncts(signed.subject.expect("subject")).len(), 1);
}
