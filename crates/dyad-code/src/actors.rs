//! Stage 5: actors. Dictionary matches (people, countries, demonyms,
//! capitals, organisations) and agents (roles such as "president",
//! "police") are combined per noun phrase into one CAMEO actor code valid on
//! the document's date: "Kenyan President William Ruto" → `KENGOV`,
//! "Turkish Foreign Minister Hakan Fidan" → `TURGOV` even though the
//! dictionary does not know him.

use chrono::NaiveDate;
use dyad_dict::{ActorDictionary, AgentDictionary};
use dyad_model::Tag;
use dyad_phrases::{NpKind, SentenceParse, TokRange};

/// One dictionary hit in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub tokens: TokRange,
    pub code: String,
    pub kind: MentionKind,
    /// The dictionary phrase that matched (for coreference by surname).
    pub phrase: String,
    /// Part of a hyphenated word ("U.S.-backed", "China-Africa").
    pub in_compound: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A named actor: person, country, organisation.
    Actor,
    /// A role noun: its code is an agent code to combine (`GOV`).
    Agent { prefix: bool },
}

/// A resolved actor for a noun phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub code: String,
    /// Tokens that named it (for `source_text` and spans).
    pub tokens: TokRange,
    /// True for a person (so "he" can refer back to it).
    pub person: bool,
    /// Surface words of a person's name, for later surname mentions.
    pub name: Option<String>,
}

impl Actor {
    /// The country part of a code (`KENGOV` → `KEN`); IGOs and groups keep
    /// their code. Used to drop self-directed events ("China and Kenya" seen
    /// from China's side).
    pub fn country(&self) -> &str {
        self.code.get(..3).unwrap_or(&self.code)
    }
}

/// Find every actor and agent mention in a sentence (longest match wins,
/// actors before agents at the same start).
pub fn find_mentions(
    lower: &[&str],
    actors: &ActorDictionary,
    agents: &AgentDictionary,
    date: NaiveDate,
) -> Vec<Mention> {
    let mut out = Vec::new();
    // The longest match at every start, each word hashed once per dictionary.
    let actor_at = actors.longest_matches(lower);
    let agent_at = agents.longest_matches(lower);
    let mut i = 0;
    while i < lower.len() {
        // "The UN refugee agency": Phoenix's "THE_UN_" must not hide a
        // longer name that starts after the article.
        let here = actor_at.get(i).copied().flatten();
        if let (true, Some((n, _))) = (lower[i] == "the", here) {
            let after = actor_at.get(i + 1).copied().flatten().map_or(0, |(m, _)| m);
            if i + 1 + after > i + n {
                i += 1;
                continue;
            }
        }
        // An entry with no code (the Phoenix files list some names on lines of
        // their own, without codes) is no match: it must not hide the title
        // and nationality around it ("Russian President Boris Yeltsin").
        let actor = here.and_then(|(alen, entry)| {
            let code = entry.code_on(date).or_else(|| entry.default_code())?;
            (code != "---").then_some((alen, entry, code))
        });
        let agent = agent_at.get(i).copied().flatten();
        match (actor, agent) {
            (Some((alen, entry, code)), ag) if ag.is_none_or(|(glen, _)| alen >= glen) => {
                out.push(Mention {
                    tokens: i..i + alen,
                    code: code.to_string(),
                    kind: MentionKind::Actor,
                    phrase: entry.phrase.clone(),
                    in_compound: false,
                });
                i += alen.max(1);
            }
            (_, Some((glen, entry))) => {
                out.push(Mention {
                    tokens: i..i + glen,
                    code: entry.code.as_str().to_string(),
                    kind: MentionKind::Agent {
                        prefix: matches!(entry.placement, dyad_dict::AgentPlacement::Prefix),
                    },
                    phrase: entry.phrase.clone(),
                    in_compound: false,
                });
                i += glen.max(1);
            }
            _ => {
                // "168 Liberians": a plural demonym the dictionary lists only
                // in the singular.
                if let Some(one) = lower[i].strip_suffix('s').filter(|w| w.len() >= 4) {
                    if let Some((1, entry)) = actors.longest_match(&[one], 0) {
                        if let Some(code) = entry.code_on(date).filter(|c| c.len() == 3) {
                            out.push(Mention {
                                tokens: i..i + 1,
                                code: code.to_string(),
                                kind: MentionKind::Actor,
                                phrase: entry.phrase.clone(),
                                in_compound: false,
                            });
                            i += 1;
                            continue;
                        }
                    }
                }
                // "Kenya-China", "China-Africa": a hyphenated compound of
                // names, each part its own actor on the same token.
                if lower[i].contains('-') {
                    for part in lower[i].split('-').filter(|p| !p.is_empty()) {
                        if let Some((_, entry)) = actors.longest_match(&[part], 0) {
                            if let Some(code) = entry.code_on(date).filter(|c| *c != "---") {
                                out.push(Mention {
                                    tokens: i..i + 1,
                                    code: code.to_string(),
                                    kind: MentionKind::Actor,
                                    phrase: entry.phrase.clone(),
                                    in_compound: true,
                                });
                            }
                        }
                    }
                }
                i += 1
            }
        }
    }
    out
}

/// Nouns that name a relationship between parties: "Kenya-China relations",
/// "their cooperation" refer to the parties themselves.
pub fn is_relation_noun(word: &str) -> bool {
    matches!(
        word,
        "relations"
            | "relationship"
            | "ties"
            | "cooperation"
            | "partnership"
            | "friendship"
            | "alliance"
            | "dialogue"
            | "talks"
            | "trade"
            | "rapprochement"
            | "rivalry"
            | "dispute"
            | "agreement"
            | "accord"
            | "pact"
            | "treaty"
            | "negotiations"
            | "collaboration"
            | "exchanges"
            | "links"
    )
}

/// Combine the mentions inside `range` into one actor, if they make one.
///
/// `head` is the phrase's head token: a country mention that only modifies
/// a non-actor head ("Kenyan connectivity") is not an actor. `country`
/// supplies a country from outside the phrase ("officials in Arnor",
/// "Danish media and government").
pub fn compose(
    mentions: &[Mention],
    range: TokRange,
    head: usize,
    tags: &[Tag],
    lower: &[&str],
    country: Option<&Mention>,
) -> Option<Actor> {
    // A mention that starts inside the phrase may run past it: "the Prince
    // of Dol Amroth" is one dictionary actor over two base phrases.
    // The selections below are iterators, not collected lists: `compose`
    // runs for every phrase of every sentence.
    let inside = || {
        mentions
            .iter()
            .filter(|m| m.tokens.start >= range.start && m.tokens.start < range.end)
    };
    let first_inside = inside().next()?;
    let covers_head = |m: &Mention| m.tokens.contains(&head);
    let actors = || inside().filter(|m| m.kind == MentionKind::Actor);
    let agents = || inside().filter(|m| matches!(m.kind, MentionKind::Agent { .. }));
    let agent_head = agents().rev().find(|m| covers_head(m));
    // A specific actor (person, organisation: a code longer than a
    // country's) wins when it is the head or modifies a role that is
    // ("White House security officials").
    // So does one naming the organisation of an unknown person or office
    // after it ("Arab League Secretary-General Chedli Klibi", "the Arab
    // League chief") when no country is named: "Somali President Hassan
    // Sheikh Mohamud" is Somalia's, whatever "Hassan" alone matches.
    let person_head = tags.get(head).is_some_and(|t| t.is_proper())
        || lower.get(head).is_some_and(|h| is_people_noun(h));
    // Countries named in the phrase. The first owns it ("Ithilen's minister
    // Calimehtar" is Ithilen's), as in PETRARCH; a hyphenated modifier
    // ("U.S.-backed Iraqi forces") yields to the country after it.
    let countries = || actors().filter(|m| m.code.len() == 3);
    // A named organisation before a generic word for a body ("the Hizbollah
    // group", "the APEC forum") is that organisation.
    let body_head = lower.get(head).is_some_and(|h| is_body_noun(h));
    let specific = actors().rev().find(|m| {
        m.code.len() > 3
            && (covers_head(m)
                || agent_head.is_some()
                || (body_head && m.tokens.end <= head && !m.in_compound)
                || (person_head
                    && m.tokens.end <= head
                    && !m.in_compound
                    && countries().next().is_none()
                    && !actors().any(covers_head)))
    });
    let own_country = countries()
        .find(|m| {
            !hyphenated_before_another(m, range.end, countries())
                && !region_before_country(m, countries())
        })
        .or_else(|| countries().next_back());
    let country = own_country.or(country);
    let agent = agent_head.or_else(|| agents().rev().find(|m| m.tokens.end <= head + 1));
    // A person's mention ends in a name ("Chinese President Xi Jinping" is
    // one dictionary phrase whose first word is an adjective).
    let proper = |m: &Mention| {
        m.tokens.end > m.tokens.start && tags.get(m.tokens.end - 1).is_some_and(|t| t.is_proper())
    };

    if let Some(m) = specific {
        let person = m.code.len() >= 6 && proper(m);
        let start = first_inside.tokens.start.min(m.tokens.start);
        return Some(Actor {
            code: m.code.clone(),
            tokens: start..m.tokens.end.max(range.end.min(head + 1)),
            person,
            name: person.then(|| m.phrase.clone()),
        });
    }
    match (country, agent) {
        (Some(c), Some(a)) => {
            let code = agents_around_country(agents(), a, head, &c.code);
            let inner_start = if own_country.is_some() {
                c.tokens.start.min(a.tokens.start)
            } else {
                a.tokens.start
            };
            // A proper-noun head after the role ("Foreign Minister Hakan Fidan") is a person.
            let person = tags.get(head).is_some_and(|t| t.is_proper()) && head >= a.tokens.end;
            Some(Actor {
                code,
                tokens: inner_start..range.end.min(head + 1).max(a.tokens.end),
                person,
                name: None,
            })
        }
        (Some(_), None) if own_country.is_some() => {
            // The country itself must be the head, or stand for it ("Beijing",
            // "China 's"), not just modify another noun; with no role to own,
            // the country at the head is the phrase ("NAIROBI - Kenya").
            // People of a region in a country are the country's ("Kenyan
            // Asians", "Israeli Arabs").
            countries()
                .rev()
                .find(|m| {
                    covers_head(m)
                        || m.tokens.end >= range.end
                        || only_time_words(lower, m.tokens.end..range.end)
                })
                .map(|c| match own_country {
                    Some(o) if is_region(&c.code) && !is_region(&o.code) => o,
                    _ => c,
                })
                .map(|c| Actor {
                    code: c.code.clone(),
                    tokens: c.tokens.clone(),
                    person: false,
                    name: None,
                })
        }
        _ => None,
    }
}

/// The code of a country with every role the phrase names up to its head,
/// in PETRARCH's order: prefix roles before the country, the others after
/// it in the order written ("an MSF Kenyan diplomat" is NGO+KEN+GOV,
/// "Danish Islamist media" DNK+MUS+MED). `main` is the phrase's own role;
/// a role repeated (or the same code twice) counts once.
fn agents_around_country<'m>(
    agents: impl Iterator<Item = &'m Mention>,
    main: &'m Mention,
    head: usize,
    country: &str,
) -> String {
    let mut before = String::new();
    let mut after = String::new();
    let mut seen: Vec<&str> = Vec::new();
    let roles = agents
        .filter(|m| m.tokens.end <= head + 1 || std::ptr::eq(*m, main))
        .chain(std::iter::once(main));
    for m in roles {
        if seen.contains(&m.code.as_str()) {
            continue;
        }
        seen.push(&m.code);
        match m.kind {
            MentionKind::Agent { prefix: true } => before.push_str(&m.code),
            _ => after.push_str(&m.code),
        }
    }
    format!("{before}{country}{after}")
}

/// Whether the words after a name to the end of its phrase only say when:
/// "into Kabul last month", "in Gaza this week" name the place, with a
/// time the chunker ran into the phrase.
fn only_time_words(lower: &[&str], rest: TokRange) -> bool {
    let words = lower.get(rest).unwrap_or_default();
    words.len() >= 2
        && matches!(words[0], "last" | "next" | "this" | "early" | "late")
        && words[1..]
            .iter()
            .all(|w| dyad_phrases::is_time_unit(w) || dyad_phrases::is_temporal(w))
}

/// Generic words for an organised body, which a name before them identifies.
fn is_body_noun(word: &str) -> bool {
    matches!(
        word,
        "group"
            | "movement"
            | "organisation"
            | "organization"
            | "forum"
            | "party"
            | "faction"
            | "coalition"
            | "bloc"
            | "network"
            | "body"
            | "militia"
            // "UNITA's armed wing", "the party's youth wing".
            | "wing"
            | "organisations"
            | "organizations"
            | "groups"
            | "movements"
            | "factions"
            | "militias"
    )
}

/// CAMEO region codes (dyad.organisations.actors.txt): a region right
/// before a country names part of it ("Western Ukraine", "East Africa's
/// Kenya" aside), so the country owns the phrase.
pub fn is_region(code: &str) -> bool {
    matches!(
        code,
        "AFR"
            | "EAF"
            | "WAF"
            | "NAF"
            | "SAF"
            | "CFR"
            | "EUR"
            | "EEU"
            | "CEU"
            | "SCN"
            | "BLK"
            | "CAU"
            | "MEA"
            | "PGS"
            | "ARB"
            | "ASA"
            | "CAS"
            | "SAS"
            | "SEA"
            | "LAM"
            | "SAM"
            | "NMR"
            | "CRB"
            | "WST"
    )
}

fn region_before_country<'a>(
    m: &Mention,
    mut countries: impl Iterator<Item = &'a Mention>,
) -> bool {
    is_region(&m.code) && countries.any(|o| o.tokens.start == m.tokens.end && !is_region(&o.code))
}

/// A country mention on a hyphenated token ("U.S.-backed") followed by
/// another country in the same phrase.
fn hyphenated_before_another<'m>(
    m: &Mention,
    end: usize,
    mut countries: impl Iterator<Item = &'m Mention>,
) -> bool {
    m.tokens.len() == 1
        && m.in_compound
        && countries.any(|o| o.tokens.start >= m.tokens.end && o.tokens.start < end)
}

/// Whether the phrase holds a role (agent) but no country of its own.
pub fn agent_without_country(mentions: &[Mention], range: &TokRange) -> bool {
    let inside = |m: &&Mention| m.tokens.start >= range.start && m.tokens.start < range.end;
    mentions
        .iter()
        .filter(inside)
        .any(|m| matches!(m.kind, MentionKind::Agent { .. }))
        && !mentions
            .iter()
            .filter(inside)
            .any(|m| m.kind == MentionKind::Actor)
}

/// The country modifier of a phrase ("Danish" in "Danish media"), if any.
pub fn country_modifier<'a>(mentions: &'a [Mention], range: &TokRange) -> Option<&'a Mention> {
    mentions.iter().find(|m| {
        m.tokens.start >= range.start
            && m.tokens.start < range.end
            && m.kind == MentionKind::Actor
            && m.code.len() == 3
    })
}

/// The actors a noun phrase names. A role without a country takes the
/// countries of a following "of/from/in" phrase, one actor per country:
/// "the President of Kenya" → KENGOV, "lawmakers in Arnor and Gondor" →
/// ARNLEG, GONLEG.
pub fn np_actors(
    p: &SentenceParse,
    np: usize,
    mentions: &[Mention],
    tags: &[Tag],
    lower: &[&str],
    country: Option<&Mention>,
) -> Vec<Actor> {
    let Some(n) = p.nps.get(np) else {
        return Vec::new();
    };
    if n.kind == NpKind::Pronoun {
        return Vec::new();
    }
    let range = match &n.possessor {
        // "China 's president": the body decides, the possessor supplies the country.
        Some(pos) => pos.start..n.tokens.end,
        None => n.tokens.clone(),
    };
    // "officials in Kenya" are Kenya's; "military exercises in Alaska" are
    // no one's military: the role must name the phrase's people.
    let role_is_head = mentions
        .iter()
        .any(|m| matches!(m.kind, MentionKind::Agent { .. }) && m.tokens.contains(&n.head))
        || lower.get(n.head).is_some_and(|h| is_people_noun(h));
    if role_is_head && agent_without_country(mentions, &range) && country.is_none() {
        if let Some(countries) = pp_countries(p, np, mentions, lower) {
            return countries
                .iter()
                .filter_map(|c| compose(mentions, range.clone(), n.head, tags, lower, Some(c)))
                .collect();
        }
    }
    // "Israeli and Palestinian negotiators": one actor per coordinated
    // country, each owning the role.
    let coordinated = coordinated_countries(mentions, &range, n.head, lower);
    if coordinated.len() >= 2 {
        let each: Vec<Actor> = coordinated
            .iter()
            .filter_map(|&keep| {
                let own: Vec<Mention> = mentions
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i == keep || !coordinated.contains(i))
                    .map(|(_, m)| m.clone())
                    .collect();
                compose(&own, range.clone(), n.head, tags, lower, None)
            })
            .collect();
        if each.len() == coordinated.len() {
            return each;
        }
    }
    if let Some(a) = compose(mentions, range.clone(), n.head, tags, lower, country) {
        return vec![a];
    }
    // An actor named before the head stands for the whole phrase.
    let as_phrase = |m: &Mention| Actor {
        code: m.code.clone(),
        tokens: range.start..n.head + 1,
        person: false,
        name: None,
    };
    let before_head = |m: &&Mention| {
        m.kind == MentionKind::Actor && m.tokens.start >= range.start && m.tokens.end <= n.head
    };
    // "Calenardhon leaders", "Kenya's new mayor": a country (or named group)
    // modifying people is those people, even without a role code.
    // So is a country modifying a people it names ("Iraqi Kurds").
    // So are its craft: "United Nations planes", "Iraqi ships".
    if lower
        .get(n.head)
        .is_some_and(|h| is_people_noun(h) || is_craft_noun(h))
        || tags.get(n.head) == Some(&Tag::NNPS)
    {
        // "Chinese and Kenyan leaders": each country's own.
        if coordinated.len() >= 2 {
            return coordinated
                .iter()
                .filter_map(|&i| mentions.get(i))
                .map(as_phrase)
                .collect();
        }
        if let Some(m) = mentions.iter().find(before_head) {
            return vec![as_phrase(m)];
        }
    }
    // "an urgent Security Council meeting", "the NATO summit": an
    // organisation's meeting is that organisation convened.
    if lower.get(n.head).is_some_and(|h| is_meeting_noun(h)) {
        if let Some(m) = mentions
            .iter()
            .filter(before_head)
            .find(|m| m.code.len() > 3)
        {
            return vec![as_phrase(m)];
        }
    }
    // "Kenya's capital", "the Syrian border": a country's place is the
    // country, as a place.
    if lower.get(n.head).is_some_and(|h| is_place_noun(h)) {
        if let Some(m) = mentions
            .iter()
            .filter(before_head)
            .find(|m| m.code.len() == 3)
        {
            return vec![as_phrase(m)];
        }
    }
    Vec::new()
}

/// Head nouns for people who lead, belong to or speak for a body: "the
/// leaders / members / head of X", naming no one else, act as X.
pub fn speaks_for_body(w: &str) -> bool {
    matches!(
        w,
        "leader"
            | "leaders"
            | "leadership"
            | "member"
            | "members"
            | "head"
            | "chief"
            | "representative"
            | "representatives"
            | "delegation"
            | "delegates"
            | "envoys"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
    )
}

/// Head nouns for vehicles an actor sends: its planes or ships act for it.
fn is_craft_noun(w: &str) -> bool {
    matches!(
        w,
        "plane"
            | "planes"
            | "aircraft"
            | "airplanes"
            | "helicopter"
            | "helicopters"
            | "ship"
            | "ships"
            | "vessel"
            | "vessels"
            | "boat"
            | "boats"
            | "convoy"
            | "convoys"
    )
}

/// Head nouns for a body's sittings.
fn is_meeting_noun(w: &str) -> bool {
    matches!(
        w,
        "meeting" | "meetings" | "session" | "sessions" | "summit" | "summits"
    )
}

/// Head nouns naming a part of a country's territory.
fn is_place_noun(w: &str) -> bool {
    matches!(
        w,
        "capital" | "city" | "territory" | "soil" | "border" | "coast" | "countryside" | "province"
    )
}

/// Indexes (into `mentions`) of countries coordinated before a phrase's
/// head ("U.S. and Soviet negotiators", "Hungarian, Romanian and Serbian
/// officials"): joined only by commas, "and" or "or".
fn coordinated_countries(
    mentions: &[Mention],
    range: &TokRange,
    head: usize,
    lower: &[&str],
) -> Vec<usize> {
    let mut found: Vec<usize> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            m.kind == MentionKind::Actor
                && m.code.len() == 3
                && !m.in_compound
                && m.tokens.start >= range.start
                && m.tokens.end <= head
        })
        .map(|(i, _)| i)
        .collect();
    found.sort_by_key(|&i| mentions[i].tokens.start);
    let joined = found.windows(2).all(|w| {
        let (a, b) = (&mentions[w[0]], &mentions[w[1]]);
        a.tokens.end < b.tokens.start
            && (a.tokens.end..b.tokens.start)
                .all(|k| matches!(lower.get(k), Some(&("," | "and" | "or"))))
    });
    let coordinated = found.len() >= 2
        && joined
        && found.windows(2).last().is_some_and(|w| {
            (mentions[w[0]].tokens.end..mentions[w[1]].tokens.start)
                .any(|k| matches!(lower.get(k), Some(&("and" | "or"))))
        });
    if coordinated {
        found
    } else {
        Vec::new()
    }
}

/// Singular nouns for one person holding an office or role: the
/// antecedent "he" or "she" can take ("the minister said she would …").
pub fn is_person_role(w: &str) -> bool {
    matches!(
        w,
        "president"
            | "vice-president"
            | "minister"
            | "premier"
            | "chancellor"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "emperor"
            | "sultan"
            | "emir"
            | "monarch"
            | "ruler"
            | "dictator"
            | "leader"
            | "chief"
            | "head"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "ambassador"
            | "envoy"
            | "secretary"
            | "secretary-general"
            | "governor"
            | "mayor"
            | "general"
            | "commander"
            | "official"
            | "diplomat"
            | "senator"
            | "lawmaker"
            | "legislator"
            | "judge"
            | "chairman"
            | "chairwoman"
            | "chairperson"
            | "director"
            | "negotiator"
            | "adviser"
            | "advisor"
            | "representative"
            | "delegate"
            | "cleric"
            | "bishop"
            | "pope"
            | "imam"
            | "ayatollah"
            | "prosecutor"
            | "mediator"
    )
}

/// Head nouns naming people or groups of people that carry no role code.
pub fn is_people_noun(w: &str) -> bool {
    matches!(
        w,
        "leader"
            | "leaders"
            | "leadership"
            | "mayor"
            | "militia"
            | "militias"
            | "team"
            | "crowd"
            | "crowds"
            | "mob"
            | "residents"
            | "citizens"
            | "nationals"
            | "villagers"
            | "delegation"
            | "delegates"
            | "envoys"
            | "representatives"
            | "chief"
            | "head"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "secretary-general"
            // "African states", "Western powers": a region's or alliance's
            // states are that region acting.
            | "states"
            | "nations"
            | "countries"
            | "powers"
    )
}

/// Country mentions of an "of/from/in" phrase right after `np` (expanded
/// over its coordination).
fn pp_countries<'a>(
    p: &SentenceParse,
    np: usize,
    mentions: &'a [Mention],
    lower: &[&str],
) -> Option<Vec<&'a Mention>> {
    let n = p.nps.get(np)?;
    let next = p.nps.get(np + 1)?;
    let pr = next.preposition?;
    // "a rebel group based in Somalia": where a body is based or
    // headquartered is its home, as "of Somalia" would say.
    let home = pr == n.tokens.end + 1
        && matches!(lower.get(n.tokens.end), Some(&"based" | &"headquartered"))
        && lower.get(pr) == Some(&"in");
    if !home
        && (pr != n.tokens.end
            || !matches!(lower.get(pr), Some(&"of") | Some(&"from") | Some(&"in")))
    {
        return None;
    }
    // "an embassy in Tehran" is another country's mission there.
    if lower.get(pr) == Some(&"in")
        && matches!(
            lower.get(n.head).copied(),
            Some("embassy" | "embassies" | "consulate" | "consulates")
        )
    {
        return None;
    }
    let found: Vec<&Mention> = p
        .conjuncts(np + 1)
        .into_iter()
        .filter_map(|m| p.nps.get(m))
        .filter_map(|m| country_modifier(mentions, &m.tokens))
        .collect();
    (!found.is_empty()).then_some(found)
}
