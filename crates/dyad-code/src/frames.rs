//! Frames: a verb that asks for, promises, demands or refuses another
//! action takes its CAMEO code from that action.
//!
//! CAMEO builds four of its roots on one grid: appeal (02), intent (03),
//! demand (10) and reject (12) each split by *what* is appealed for,
//! intended, demanded or rejected — material cooperation, diplomatic
//! cooperation, aid, political reform, yielding, meeting, settling,
//! mediation. The action itself has its own code in the verb dictionary
//! ("lift the ban" 081, "send peacekeepers" 074, "visit" 042), so
//! "agreed to lift the ban" is intent × yield/administrative = 0351 and
//! "urged Kenya to send peacekeepers" is appeal × aid/peacekeeping = 0234.
//! Composing the two keeps the dictionary small and lets any new action
//! verb work under every frame, instead of listing "AGREE * TO LIFT BAN".

use dyad_model::CameoTable;

/// What the governing verb does with the action it introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// "urged X to", "called on X to", "asked X to", "X should" (02).
    Request,
    /// "agreed to", "pledged to", "is ready to", "will" (03).
    Intent,
    /// "demanded that X", "X must" (10).
    Demand,
    /// "refused to", "rejected calls to" (12).
    Reject,
    /// "threatened to" (13): the threatened action decides which threat.
    Threaten,
}

impl Frame {
    pub fn name(self) -> &'static str {
        match self {
            Frame::Request => "appeal",
            Frame::Intent => "intent",
            Frame::Demand => "demand",
            Frame::Reject => "reject",
            Frame::Threaten => "threat",
        }
    }
}

/// CAMEO's categories of a requested/intended/demanded/rejected action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Category {
    Material,
    Diplomatic,
    Aid,
    Reform,
    Yield,
    Meet,
    Settle,
    Mediate,
}

/// The category of an action code and its sub-digit within the category
/// (0 = the category in general): 062 "cooperate militarily" is material/2,
/// 0841 "release persons" is yield/3.
fn category(code: &str) -> Option<(Category, u8)> {
    let d: Vec<u8> = code.bytes().map(|b| b.wrapping_sub(b'0')).collect();
    if d.len() < 3 || d.iter().any(|&x| x > 9) || d[0] > 1 {
        return None;
    }
    let (root, third) = (d[1], d[2]);
    // An action already on the grid ("send peacekeepers" is coded 0334 by
    // its pattern) keeps its category under another frame.
    if matches!(root, 2 | 3) || (d[0] == 1 && d[1] == 0) {
        let sub = d.get(3).copied().unwrap_or(0);
        return Some(match third {
            1 => (Category::Material, sub),
            2 => (Category::Diplomatic, 0),
            3 => (Category::Aid, sub),
            4 => (Category::Reform, sub),
            5 => (Category::Yield, sub),
            6 => (Category::Meet, 0),
            7 => (Category::Settle, 0),
            8 | 9 => (Category::Mediate, 0),
            _ => return None,
        });
    }
    if d[0] != 0 {
        return None;
    }
    Some(match (root, third) {
        (4, 5) => (Category::Mediate, 0),
        (4, _) => (Category::Meet, 0),
        // 051 praise and 054 recognition are not something one asks for
        // or promises in CAMEO's sense; the rest is diplomatic cooperation.
        (5, 1) => return None,
        (5, _) => (Category::Diplomatic, 0),
        (6, 1..=4) => (Category::Material, third),
        (6, _) => (Category::Material, 0),
        (7, 1..=4) => (Category::Aid, third),
        (7, _) => (Category::Aid, 0),
        (8, 3) => (Category::Reform, d.get(3).copied().unwrap_or(0)),
        (8, 1) => (Category::Yield, 1),
        (8, 2) => (Category::Yield, 2),
        (8, 4) => (Category::Yield, 3),
        (8, 5) => (Category::Yield, 4),
        (8, 6) => (Category::Yield, 5),
        (8, 7) => (Category::Yield, 6),
        (8, _) => (Category::Yield, 0),
        _ => return None,
    })
}

/// The three-digit code of a frame applied to a category.
fn base(frame: Frame, cat: Category) -> &'static str {
    use Category::*;
    match (frame, cat) {
        (Frame::Request, Material) => "021",
        (Frame::Request, Diplomatic) => "022",
        (Frame::Request, Aid) => "023",
        (Frame::Request, Reform) => "024",
        (Frame::Request, Yield) => "025",
        (Frame::Request, Meet) => "026",
        (Frame::Request, Settle) => "027",
        (Frame::Request, Mediate) => "028",
        (Frame::Intent, Material) => "031",
        (Frame::Intent, Diplomatic) => "032",
        (Frame::Intent, Aid) => "033",
        (Frame::Intent, Reform) => "034",
        (Frame::Intent, Yield) => "035",
        (Frame::Intent, Meet) => "036",
        (Frame::Intent, Settle) => "037",
        (Frame::Intent, Mediate) => "039",
        (Frame::Demand, Material) => "101",
        (Frame::Demand, Diplomatic) => "102",
        (Frame::Demand, Aid) => "103",
        (Frame::Demand, Reform) => "104",
        (Frame::Demand, Yield) => "105",
        (Frame::Demand, Meet) => "106",
        (Frame::Demand, Settle) => "107",
        (Frame::Demand, Mediate) => "108",
        (Frame::Reject, Material) => "121",
        (Frame::Reject, Diplomatic) => "120",
        (Frame::Reject, Aid) => "122",
        (Frame::Reject, Reform) => "123",
        (Frame::Reject, Yield) => "124",
        (Frame::Reject, Meet) => "125",
        (Frame::Reject, Settle) => "127",
        (Frame::Reject, Mediate) => "126",
        // Threats follow the action's own code (see `threat`), not a category.
        (Frame::Threaten, _) => "130",
    }
}

/// The code of `frame` applied to an action coded `action`, if the action
/// has a category: the sub-code when CAMEO has one (0353), else the
/// category's three-digit code (033).
pub fn compose(frame: Frame, action: &str) -> Option<String> {
    if frame == Frame::Threaten {
        return threat(action).map(str::to_string);
    }
    // Refusing to make a statement ("declined to comment") is CAMEO's 011.
    if frame == Frame::Reject && action.starts_with("01") {
        return Some("011".to_string());
    }
    // A declared intention to do harm ("vowed to impose sanctions", "wants to
    // attack") is CAMEO's threat of that harm, not an intent to cooperate.
    let Some((cat, sub)) = category(action) else {
        return (frame == Frame::Intent)
            .then(|| threat(action))
            .flatten()
            .map(str::to_string);
    };
    let b = base(frame, cat);
    if sub > 0 {
        let specific = format!("{b}{sub}");
        if CameoTable::get().contains(&specific) {
            return Some(specific);
        }
    }
    Some(b.to_string())
}

/// CAMEO's threat (13) of a hostile action: to cut relations, aid or
/// trade (131x), to halt talks, mediation or involvement (134–136), to
/// impose administrative sanctions (132x), to protest (133), to repress
/// (137), to use force (138x). Cooperative actions are not threats.
fn threat(action: &str) -> Option<&'static str> {
    let code = |p: &str| action.starts_with(p);
    Some(match () {
        _ if code("161") => "1313",
        _ if code("162") => "1311",
        _ if code("163") => "1312",
        _ if code("164") => "134",
        _ if code("165") => "135",
        _ if code("166") => "136",
        _ if code("16") => "131",
        _ if code("1721") => "1321",
        _ if code("1722") => "1322",
        _ if code("1723") => "1323",
        _ if code("1724") => "1324",
        _ if code("17") => "132",
        _ if code("14") => "133",
        _ if code("191") => "1381",
        _ if code("192") => "1382",
        _ if code("18") => "1383",
        _ if code("204") => "1385",
        _ if code("19") || code("20") => "1384",
        _ if code("15") => "138",
        _ => return None,
    })
}

/// Whether a code is its root's general code (020, 030, 100, 120): a frame
/// verb whose own patterns said nothing more specific.
pub fn is_general(code: &str) -> bool {
    code.len() == 3 && code.ends_with('0')
}

/// The frame a governing verb sets up for an infinitive or complement it
/// governs, from its lemma and the code its own patterns gave it.
pub fn frame_of(lemma: &str, code: Option<&str>, passive: bool) -> Option<Frame> {
    let by_lemma = match lemma {
        "agree" | "pledge" | "promise" | "vow" | "offer" | "undertake" | "decide" | "plan"
        | "intend" | "volunteer" | "resolve" | "swear" => Some(Frame::Intent),
        // "is prepared to", "is committed to", "is determined to".
        _ if passive && adjectival_participle(lemma) => Some(Frame::Intent),
        "urge" | "ask" | "appeal" | "request" | "call" | "press" | "implore" | "beg"
        | "encourage" | "invite" | "exhort" | "petition" => Some(Frame::Request),
        "demand" | "insist" | "pressure" | "pressurise" | "pressurize" => Some(Frame::Demand),
        "refuse" | "decline" | "reject" => Some(Frame::Reject),
        "threaten" => Some(Frame::Threaten),
        _ => None,
    };
    by_lemma.or_else(|| {
        let c = code.filter(|c| is_general(c))?;
        match c {
            "020" => Some(Frame::Request),
            "030" => Some(Frame::Intent),
            "100" => Some(Frame::Demand),
            "120" => Some(Frame::Reject),
            "130" => Some(Frame::Threaten),
            _ => None,
        }
    })
}

/// Participles that after "be" are adjectives of intent: "is prepared /
/// committed / determined to" — their subject acts, it is not acted on.
pub fn adjectival_participle(lemma: &str) -> bool {
    matches!(lemma, "prepare" | "commit" | "determine")
}

/// The frame a modal in reported content puts on its reporter: "said X
/// must release" is a demand on X, "said X should talk" an appeal to X.
pub fn frame_of_modal(modal: &str) -> Option<Frame> {
    match modal {
        "must" => Some(Frame::Demand),
        "should" => Some(Frame::Request),
        _ => None,
    }
}

/// Predicate adjectives that make "be" a frame: "is ready to help".
pub fn frame_of_adjective(word: &str) -> Option<Frame> {
    match word {
        "ready" | "willing" | "prepared" | "determined" | "committed" | "eager" | "keen" => {
            Some(Frame::Intent)
        }
        "unwilling" | "reluctant" => Some(Frame::Reject),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_follow_cameo_grid() {
        assert_eq!(compose(Frame::Intent, "081").as_deref(), Some("0351"));
        assert_eq!(compose(Frame::Intent, "0841").as_deref(), Some("0353"));
        assert_eq!(compose(Frame::Request, "074").as_deref(), Some("0234"));
        assert_eq!(compose(Frame::Demand, "0831").as_deref(), Some("1041"));
        assert_eq!(compose(Frame::Intent, "042").as_deref(), Some("036"));
        assert_eq!(compose(Frame::Intent, "045").as_deref(), Some("039"));
        assert_eq!(compose(Frame::Reject, "0841").as_deref(), Some("1243"));
        // Reject has no intelligence sub-code: falls back to 121.
        assert_eq!(compose(Frame::Reject, "064").as_deref(), Some("121"));
        assert_eq!(compose(Frame::Intent, "071").as_deref(), Some("0331"));
        assert_eq!(compose(Frame::Request, "085").as_deref(), Some("0254"));
        // Actions already on the grid keep their category.
        assert_eq!(compose(Frame::Request, "0334").as_deref(), Some("0234"));
        assert_eq!(compose(Frame::Intent, "1053").as_deref(), Some("0353"));
        assert_eq!(compose(Frame::Demand, "037").as_deref(), Some("107"));
    }

    #[test]
    fn threats_follow_the_threatened_action() {
        assert_eq!(compose(Frame::Threaten, "1631").as_deref(), Some("1312"));
        assert_eq!(compose(Frame::Threaten, "164").as_deref(), Some("134"));
        assert_eq!(compose(Frame::Threaten, "1723").as_deref(), Some("1323"));
        assert_eq!(compose(Frame::Threaten, "191").as_deref(), Some("1381"));
        assert_eq!(compose(Frame::Threaten, "190").as_deref(), Some("1384"));
        assert_eq!(compose(Frame::Threaten, "050"), None);
    }

    #[test]
    fn statements_do_not_compose() {
        for c in ["010", "051", "112", "0", "x12", ""] {
            assert_eq!(compose(Frame::Intent, c), None, "{c}");
        }
        for c in ["190", "1721", "112"] {
            assert_eq!(compose(Frame::Request, c), None, "{c}");
        }
    }

    #[test]
    fn refusing_a_statement_is_declining_comment() {
        assert_eq!(compose(Frame::Reject, "010").as_deref(), Some("011"));
        assert_eq!(compose(Frame::Intent, "010"), None);
    }

    #[test]
    fn an_intention_to_do_harm_is_a_threat() {
        assert_eq!(compose(Frame::Intent, "190").as_deref(), Some("1384"));
        assert_eq!(compose(Frame::Intent, "1721").as_deref(), Some("1321"));
        assert_eq!(compose(Frame::Intent, "163").as_deref(), Some("1312"));
    }

    #[test]
    fn frame_from_lemma_or_general_code() {
        assert_eq!(frame_of("agree", Some("050"), false), Some(Frame::Intent));
        assert_eq!(frame_of("commit", None, false), None);
        assert_eq!(frame_of("commit", None, true), Some(Frame::Intent));
        assert_eq!(frame_of("lobby", Some("020"), false), Some(Frame::Request));
        assert_eq!(frame_of("lobby", Some("0234"), false), None);
        assert_eq!(frame_of("say", Some("010"), false), None);
        // Pressuring someone to act demands it (CAMEO 10, not 17).
        assert_eq!(
            frame_of("pressure", Some("170"), false),
            Some(Frame::Demand)
        );
    }
}
