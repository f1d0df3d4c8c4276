//! Place mentions in a document and their resolution to gazetteer entries.
//!
//! Mentions come from three sources: the dateline ("NAIROBI, Sept 5 -"),
//! gazetteer names among a sentence's capitalised tokens, and demonym
//! patterns ("the Kenyan capital", "the Russian city of Sochi"). Each gets
//! a [`MentionKind`] saying whether it can place an event: only datelines
//! and names governed by a locative preposition can. A name that is the
//! subject of a verb ("Washington said") is an actor, never a location.

// FxHash: the keys are short place names; SipHash's DoS resistance buys nothing here
// and its cost showed in the location stage's profile.
type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
use std::sync::OnceLock;

use dyad_model::{Document, Location, Sentence, Span, Tag};
use regex::Regex;

use crate::gazetteer::{name_key, name_key_into, Entry, Gazetteer, PlaceClass};

/// How a place name is used in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// The story's dateline: where it was filed.
    Dateline,
    /// Governed by a locative preposition ("in", "at", "near"...): where
    /// something happened.
    Locative,
    /// Names an actor (the subject of a verb, "Washington said").
    Actor,
    /// Any other use (modifier, object, "from"): context only.
    Other,
}

/// A place name found in the text and its resolved location.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// Byte range in `Document::text`.
    pub span: Span,
    /// Index of the sentence holding it (`None` for a dateline outside
    /// every sentence, e.g. in a byline block).
    pub sentence: Option<usize>,
    pub text: String,
    pub kind: MentionKind,
    pub location: Location,
}

/// A name before resolution.
#[derive(Debug, Clone)]
struct Raw {
    span: Span,
    sentence: Option<usize>,
    text: String,
    kind: MentionKind,
    readings: Vec<Entry>,
    /// Country the text pins it to ("Russia's X", "X, Georgia", "the
    /// Russian city of X").
    within: Option<usize>,
    /// "X region/province": the admin-1 reading is meant.
    admin_suffix: bool,
    /// The name as [`name_key`] normalises it.
    key: String,
    /// Possessed by a country name ("Russia's Krasnodar region").
    possessed: bool,
}

/// Lower-case words inside multi-word names ("Great Hall of the People",
/// "Bosnia and Herzegovina", "Rio de Janeiro").
const NAME_CONNECTORS: &[&str] = &[
    "of", "the", "and", "de", "del", "da", "do", "la", "el", "al", "es", "upon", "on", "-",
];
/// Prepositions that put an event at a place.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "around",
    "throughout",
    "within",
    "off",
    "on",
    "over",
    "along",
    "beyond",
    "between",
    "nearby",
];
/// Words after a name that make it part of an organisation or an event,
/// not a place ("China University", "Beijing Summit", "Nairobi Road").
const ORG_AFTER: &[&str] = &[
    "university",
    "college",
    "institute",
    "academy",
    "airlines",
    "airways",
    "daily",
    "times",
    "post",
    "news",
    "herald",
    "tribune",
    "bank",
    "club",
    "fc",
    "united",
    "party",
    "summit",
    "declaration",
    "accord",
    "accords",
    "agreement",
    "protocol",
    "process",
    "convention",
    "initiative",
    "forum",
    "group",
    "company",
    "corp",
    "corporation",
    "inc",
    "ltd",
    "street",
    "road",
    "avenue",
    "square",
    "stadium",
    "airport",
    "hotel",
    "hospital",
    "school",
    "council",
    "committee",
    "commission",
    "office",
    "embassy",
    "consulate",
    "mission",
    "foundation",
    "association",
    "federation",
    "league",
    "cup",
    "open",
    "marathon",
    "games",
    "olympics",
    "railway",
    "express",
    "standard",
    "telegraph",
    "journal",
    "review",
    "radio",
    "tv",
    "television",
];
/// Words before a name that make it part of an organisation.
const ORG_BEFORE: &[&str] = &[
    "university",
    "bank",
    "college",
    "institute",
    "republic",
    "embassy",
    "consulate",
];
/// Nouns that, after a place name, ask for its admin-1 reading.
const ADMIN_NOUNS: &[&str] = &[
    "region",
    "province",
    "state",
    "oblast",
    "krai",
    "governorate",
    "prefecture",
    "district",
    "county",
    "territory",
];
/// Nouns in "the <Demonym> city of X" / "the <Demonym> capital".
const PLACE_NOUNS: &[&str] = &[
    "city", "town", "port", "village", "region", "province", "state", "island", "capital",
    "district", "border",
];
/// Possessed nouns that make a country an actor ("China's foreign ministry").
const WORDS_AFTER_SUBJECT: &[&str] = &[
    "and", "has", "have", "had", "will", "would", "is", "was", "were", "also",
];

fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// The first sentence whose span contains `at`.
fn sentence_at(doc: &Document, at: usize) -> Option<usize> {
    let i = doc.sentences.partition_point(|s| s.span.end <= at);
    doc.sentences
        .get(i)
        .filter(|s| s.span.start <= at)
        .map(|s| s.index)
}

fn dateline_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // "NAIROBI, Sept 5 -", "ANKARA -", "GAZA CITY, Palestinian Territories:",
        // "Beijing, Sept. 5 (Xinhua) --".
        Regex::new(
            r"^\s*(?P<place>[A-Z][A-Za-z'’.\- ]{1,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z'’.\- ]{1,40}?))?(?:,?\s*(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s*\d{4})?))?\s*(?P<agency>\([A-Za-z .]{2,30}\))?\s*(?:--|[-–—:])\s",
        )
        .expect("static regex compiles")
    })
}

/// The dateline, if the document's first blocks open with one.
fn find_dateline(doc: &Document, gaz: &Gazetteer) -> Option<Raw> {
    let re = dateline_regex();
    for block in doc.blocks.iter().take(8) {
        let text = block.span.slice(&doc.text);
        let head = match text.char_indices().nth(160) {
            Some((i, _)) => &text[..i],
            None => text,
        };
        let Some(c) = re.captures(head) else { continue };
        let Some(place) = c.name("place") else {
            continue;
        };
        let all_caps = place
            .as_str()
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        if !all_caps && c.name("date").is_none() && c.name("agency").is_none() {
            continue;
        }
        let readings: Vec<Entry> = gaz.lookup(place.as_str()).to_vec();
        if readings.is_empty() {
            continue;
        }
        let within = c.name("region").and_then(|r| {
            gaz.lookup(r.as_str())
                .iter()
                .map(|&e| gaz.country_of(e))
                .next()
        });
        let start = block.span.start + place.start();
        let span = Span::new(start, start + place.as_str().trim_end().len());
        return Some(Raw {
            span,
            sentence: sentence_at(doc, start),
            text: place.as_str().trim_end().to_string(),
            kind: MentionKind::Dateline,
            readings,
            within,
            admin_suffix: false,
            key: name_key(place.as_str()),
            possessed: false,
        });
    }
    None
}

/// Names in one sentence.
/// Countries named by demonyms ("Kenyan") are pushed on `demonyms`.
fn sentence_mentions(s: &Sentence, gaz: &Gazetteer, out: &mut Vec<Raw>, demonyms: &mut Vec<usize>) {
    let toks = &s.tokens;
    // Lower-cased tokens, built only for sentences that name a place
    // (most do not): this stage must stay cheap next to coding.
    let lowers_cell: std::cell::OnceCell<dyad_model::lower::LowerWords> =
        std::cell::OnceCell::new();
    let lowers_words: std::cell::OnceCell<Vec<&str>> = std::cell::OnceCell::new();
    let lowers_of = || -> &[&str] {
        lowers_words.get_or_init(|| {
            lowers_cell
                .get_or_init(|| dyad_model::lower::LowerWords::of_tokens(toks))
                .sentence(0)
        })
    };
    let max_window = (gaz.max_words + 2).min(10);
    let mut i = 0;
    let first_out = out.len();
    // Buffers reused across the sentence's capitalised words.
    let (mut first_key, mut word_key, mut key) = (String::new(), String::new(), String::new());
    let mut keys: Vec<(usize, usize)> = Vec::new();
    while i < toks.len() {
        if !is_capitalised(&toks[i].norm) {
            i += 1;
            continue;
        }
        // Longest gazetteer name starting here that ends on a capitalised token.
        let mut found: Option<(usize, Vec<Entry>, String)> = None;
        name_key_into(&toks[i].norm, &mut first_key);
        let window = if gaz.starts_a_name(&first_key) {
            max_window
        } else {
            0
        };
        // The key grows word by word, so each candidate is a prefix of it:
        // (end token, key length).
        key.clear();
        keys.clear();
        for (j, t) in toks.iter().enumerate().skip(i).take(window) {
            if !is_capitalised(&t.norm)
                && !NAME_CONNECTORS
                    .iter()
                    .any(|c| t.norm.eq_ignore_ascii_case(c))
            {
                break;
            }
            let k = if j == i {
                first_key.as_str()
            } else {
                name_key_into(&t.norm, &mut word_key);
                word_key.as_str()
            };
            if k.is_empty() {
                break;
            }
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(k);
            if is_capitalised(&t.norm) {
                keys.push((j + 1, key.len()));
            }
        }
        for &(end, len) in keys.iter().rev() {
            let k = key.get(..len).unwrap_or("");
            let r = gaz.lookup_key(k);
            if !r.is_empty() {
                found = Some((end, r.to_vec(), k.to_string()));
                break;
            }
        }
        if let Some((end, readings, key)) = found {
            let lowers = lowers_of();
            let next = lowers.get(end).copied().unwrap_or("");
            let prev = if i > 0 { lowers[i - 1] } else { "" };
            let org = ORG_AFTER.contains(&next)
                && toks.get(end).is_some_and(|t| is_capitalised(&t.norm))
                || (prev == "of" && i >= 2 && ORG_BEFORE.contains(&lowers[i - 2]));
            if !org {
                let span = Span::new(toks[i].span.start, toks[end - 1].span.end);
                out.push(Raw {
                    span,
                    sentence: Some(s.index),
                    text: toks[i..end]
                        .iter()
                        .map(|t| t.norm.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                    kind: classify(s, lowers, i, end),
                    readings,
                    within: None,
                    admin_suffix: ADMIN_NOUNS.contains(&next),
                    key,
                    possessed: false,
                });
            }
            i = end;
            continue;
        }
        // "the Kenyan capital" (not followed by the capital's own name).
        if let Some(country) = gaz.demonym_key(&first_key) {
            demonyms.push(country);
            let lowers = lowers_of();
            if lowers.get(i + 1).copied() == Some("capital")
                && !toks.get(i + 2).is_some_and(|t| is_capitalised(&t.norm))
                && !toks
                    .get(i + 3)
                    .is_some_and(|t| is_capitalised(&t.norm) && lowers[i + 2] == ",")
            {
                if let Some(cap) = gaz.countries[country].capital {
                    out.push(Raw {
                        span: Span::new(toks[i].span.start, toks[i + 1].span.end),
                        sentence: Some(s.index),
                        text: format!("{} capital", toks[i].norm),
                        kind: classify(s, lowers, i, i + 2),
                        readings: vec![Entry::Place(cap)],
                        within: Some(country),
                        admin_suffix: false,
                        key: name_key(&gaz.places[cap].name),
                        possessed: false,
                    });
                }
                i += 2;
                continue;
            }
        }
        i += 1;
    }
    if out.len() > first_out {
        pin_countries(s, lowers_of(), gaz, &mut out[first_out..]);
    }
}

/// Country constraints the text states: "Russia's Krasnodar region",
/// "Atlanta, Georgia" (handled by context), "the Russian city of Sochi",
/// "the Kenyan capital, Nairobi".
fn pin_countries(s: &Sentence, lowers: &[&str], gaz: &Gazetteer, ms: &mut [Raw]) {
    let tok_index = |at: usize| s.tokens.iter().position(|t| t.span.start == at);
    let mut prev_country: Option<(usize, usize)> = None; // (end token, country)
    for m in ms.iter_mut() {
        let Some(start) = tok_index(m.span.start) else {
            continue;
        };
        // "Russia 's X"
        if let Some((end, c)) = prev_country {
            if end + 1 == start && lowers.get(end).is_some_and(|w| *w == "'s" || *w == "’s") {
                m.within = Some(c);
                // A possessed place makes the possessor a container, not an actor.
                m.possessed = true;
            }
        }
        // "the Russian city of X", "the Kenyan capital, X", "Kenyan capital X"
        for back in 2..=4 {
            if start < back {
                break;
            }
            let d = start - back;
            if let Some(c) = gaz.demonym_key(&name_key(&s.tokens[d].norm)) {
                let between: Vec<&str> = lowers[d + 1..start].to_vec();
                if between.first().is_some_and(|w| PLACE_NOUNS.contains(w))
                    && between[1..]
                        .iter()
                        .all(|w| matches!(*w, "of" | "," | "the"))
                {
                    m.within = Some(c);
                }
                break;
            }
        }
        let end_tok = s.tokens.iter().position(|t| t.span.end == m.span.end);
        let single_country = m.readings.iter().all(|e| matches!(e, Entry::Country(_)));
        prev_country = match (end_tok, single_country, m.readings.first()) {
            (Some(e), true, Some(&Entry::Country(c))) => Some((e + 1, c)),
            _ => None,
        };
    }
    // "Paris, Texas", "Atlanta, Georgia": a following division or country
    // contains the place before it.
    for i in 0..ms.len().saturating_sub(1) {
        let gap_is_comma = ms[i + 1].span.start >= ms[i].span.end
            && ms[i + 1].span.start - ms[i].span.end <= 3
            && s.tokens.iter().any(|t| {
                t.norm == ","
                    && t.span.start >= ms[i].span.end
                    && t.span.end <= ms[i + 1].span.start
            });
        let container = ms[i + 1]
            .readings
            .iter()
            .any(|e| !matches!(e, Entry::Place(_)));
        if gap_is_comma && container && ms[i].within.is_none() {
            let inner: Vec<usize> = ms[i].readings.iter().map(|&e| gaz.country_of(e)).collect();
            // The container reading (a division or country) that holds one
            // of the inner readings.
            let c = ms[i + 1]
                .readings
                .iter()
                .filter(|e| !matches!(e, Entry::Place(_)))
                .map(|&e| gaz.country_of(e))
                .find(|c| inner.contains(c));
            if let Some(c) = c {
                ms[i].within = Some(c);
                ms[i + 1].within = Some(c);
                ms[i + 1].kind = MentionKind::Other;
            }
        }
    }
    // A country whose possessed noun is a place is a container: fix kinds.
    for i in 0..ms.len().saturating_sub(1) {
        if ms[i + 1].possessed && matches!(ms[i].kind, MentionKind::Actor | MentionKind::Locative) {
            let was_locative = ms[i].kind == MentionKind::Locative;
            let both_adjacent = ms[i + 1].span.start.saturating_sub(ms[i].span.end) <= 4;
            if both_adjacent {
                ms[i].kind = MentionKind::Other;
                if was_locative {
                    ms[i + 1].kind = MentionKind::Locative;
                } else if ms[i + 1].kind == MentionKind::Other {
                    // "in Russia's Krasnodar region": the preposition governs the whole phrase.
                    let prev_tok = tok_index(ms[i].span.start).and_then(|k| k.checked_sub(1));
                    if prev_tok.is_some_and(|k| LOCATIVE.contains(&lowers[k])) {
                        ms[i + 1].kind = MentionKind::Locative;
                    }
                }
            }
        }
    }
}

/// How the name `toks[i..end]` is used.
fn classify(s: &Sentence, lowers: &[&str], i: usize, end: usize) -> MentionKind {
    // Walk left over determiners, adjectives and "city of": "in the
    // northern Syrian city of Aleppo", "at the Great Hall".
    let mut k = i;
    // The locative verdict of a modifier ("the US embassy") is decided after the walk.
    let modifier = s.tokens.get(end).is_some_and(|t| {
        matches!(t.tag, Tag::NN | Tag::NNS)
            && !is_capitalised(&t.norm)
            && !ADMIN_NOUNS.contains(&lowers[end])
    });
    let mut steps = 0;
    while k > 0 && steps < 6 {
        let w = lowers[k - 1];
        let t = s.tokens[k - 1].tag;
        if LOCATIVE.contains(&w) {
            // "on" and "over" are locative only before a place, not before
            // a topic ("talks on Ukraine"): keep them only right before it.
            if (w == "on" || w == "over" || w == "between") && k != i {
                break;
            }
            if w == "on" || w == "over" || w == "between" || modifier {
                return MentionKind::Other;
            }
            return MentionKind::Locative;
        }
        let skippable = matches!(
            w,
            "the" | "of" | "," | "city" | "town" | "capital" | "port" | "village"
        ) || t.is_adj()
            || (t == Tag::NNP && steps < 3)
            || (matches!(t, Tag::NN | Tag::NNS) && PLACE_NOUNS.contains(&lowers[k]))
            || t == Tag::DT;
        if !skippable {
            break;
        }
        k -= 1;
        steps += 1;
    }
    // A modifier of a common noun ("the US embassy", "a Beijing summit")
    // names something else; "X region" is still the region.
    if let Some(t) = s.tokens.get(end) {
        let w = lowers[end];
        if matches!(t.tag, Tag::NN | Tag::NNS)
            && !is_capitalised(&t.norm)
            && !ADMIN_NOUNS.contains(&w)
        {
            return MentionKind::Other;
        }
    }
    // Subject of a verb: "Washington said", "Beijing has warned", "China and Kenya signed".
    let mut j = end;
    if lowers.get(j).is_some_and(|w| *w == "'s" || *w == "’s") {
        return MentionKind::Actor;
    }
    while j < s.tokens.len() && WORDS_AFTER_SUBJECT.contains(&lowers[j]) && steps_ok(j, end) {
        j += 1;
    }
    if let Some(t) = s.tokens.get(j) {
        if matches!(t.tag, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD)
            || (t.tag == Tag::VBN && j > end)
        {
            return MentionKind::Actor;
        }
    }
    MentionKind::Other
}

fn steps_ok(j: usize, end: usize) -> bool {
    j < end + 3
}

/// What the document says about which countries it is about.
#[derive(Debug, Default, Clone)]
pub(crate) struct Context {
    /// Weight of evidence for each country index.
    pub countries: HashMap<usize, f64>,
    /// Admin-1 divisions (country, index) named or implied by cities.
    pub admin1: HashMap<usize, f64>,
}

impl Context {
    fn add_country(&mut self, c: usize, w: f64) {
        *self.countries.entry(c).or_default() += w;
    }
}

/// Prior score of one reading, before context.
fn prior(gaz: &Gazetteer, e: Entry) -> f64 {
    match e {
        Entry::Country(_) => 12.0,
        // About a city of three million: a division wins over a namesake
        // town, not over a capital.
        Entry::Admin1(_) => 6.5,
        Entry::Place(p) => {
            let pl = &gaz.places[p];
            match pl.class {
                PlaceClass::Feature => 11.0,
                PlaceClass::Capital => (pl.population as f64 + 1.0).log10() + 1.5,
                PlaceClass::City => (pl.population as f64 + 1.0).log10(),
            }
        }
    }
}

fn score(gaz: &Gazetteer, ctx: &Context, m: &Raw, e: Entry) -> f64 {
    let c = gaz.country_of(e);
    let mut s = prior(gaz, e);
    // A city does not beat a better-known namesake on country context
    // alone ("in Paris" in a US story is still France); a division or
    // country may.
    let cap = if matches!(e, Entry::Country(_)) {
        8.0
    } else {
        2.5
    };
    s += ctx.countries.get(&c).copied().unwrap_or(0.0).min(cap);
    if let Entry::Place(p) = e {
        let pl = &gaz.places[p];
        if let Some(a) = gaz.admin1_index(pl.country, &pl.admin1_code) {
            s += ctx.admin1.get(&a).copied().unwrap_or(0.0).min(4.0);
        }
    }
    if let Entry::Admin1(a) = e {
        s += ctx.admin1.get(&a).copied().unwrap_or(0.0).min(6.0);
        if m.admin_suffix {
            s += 6.0;
        }
    }
    if m.within == Some(c) {
        s += 20.0;
    }
    // The place whose own name this is beats one that merely has it as an
    // alternate name ("New Delhi" is New Delhi, not Delhi).
    let own_name = match e {
        Entry::Country(i) => &gaz.countries[i].name,
        Entry::Admin1(i) => &gaz.admin1[i].name,
        Entry::Place(i) => &gaz.places[i].name,
    };
    if name_key(own_name) == m.key {
        s += 1.5;
    }
    // "Beijing" is the city, not the province around it, unless the text
    // says "region"/"province".
    if let Entry::Admin1(a) = e {
        let holds_namesake = m.readings.iter().any(|r| match r {
            Entry::Place(p) => {
                let pl = &gaz.places[*p];
                gaz.admin1_index(pl.country, &pl.admin1_code) == Some(a)
            }
            _ => false,
        });
        if holds_namesake && !m.admin_suffix {
            s -= 12.0;
        }
    }
    s
}

fn best(gaz: &Gazetteer, ctx: &Context, m: &Raw) -> Option<Entry> {
    m.readings
        .iter()
        .copied()
        .map(|e| (score(gaz, ctx, m, e), e))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, e)| e)
}

/// The location of an entry, at the precision it has.
fn location_of(gaz: &Gazetteer, e: Entry, admin_reading: bool) -> Location {
    match e {
        Entry::Country(c) => {
            let co = &gaz.countries[c];
            Location {
                name: co.name.clone(),
                country: co.iso3.clone(),
                admin1: None,
                lat: co.lat,
                lon: co.lon,
                geonameid: co.geonameid,
                precision: "country".into(),
            }
        }
        Entry::Admin1(a) => {
            let ad = &gaz.admin1[a];
            Location {
                name: ad.name.clone(),
                country: gaz.countries[ad.country].iso3.clone(),
                admin1: Some(ad.name.clone()),
                lat: ad.lat,
                lon: ad.lon,
                geonameid: ad.geonameid,
                precision: "admin1".into(),
            }
        }
        Entry::Place(p) => {
            let pl = &gaz.places[p];
            let admin = gaz.admin1_of(pl.country, &pl.admin1_code);
            if admin_reading {
                if let Some(a) = gaz.admin1_index(pl.country, &pl.admin1_code) {
                    return location_of(gaz, Entry::Admin1(a), false);
                }
            }
            Location {
                name: pl.name.clone(),
                country: gaz.countries[pl.country].iso3.clone(),
                admin1: admin.map(|a| a.name.clone()),
                lat: Some(pl.lat),
                lon: Some(pl.lon),
                geonameid: pl.geonameid,
                precision: if pl.class == PlaceClass::Feature {
                    "feature"
                } else {
                    "city"
                }
                .into(),
            }
        }
    }
}

/// Find and resolve every place mention. `actor_countries` are ISO alpha-3
/// codes of the coded actors, the strongest context there is.
pub(crate) fn find_with_context(
    doc: &Document,
    gaz: &Gazetteer,
    actor_countries: &[&str],
) -> Vec<PlaceMention> {
    let mut raws = Vec::new();
    let mut demonyms = Vec::new();
    let dateline = find_dateline(doc, gaz);
    for s in &doc.sentences {
        if s.boilerplate.is_some() {
            continue;
        }
        sentence_mentions(s, gaz, &mut raws, &mut demonyms);
    }
    if let Some(d) = dateline {
        // The dateline's words may also have matched inside the first sentence.
        raws.retain(|r| !(r.span.start < d.span.end && d.span.start < r.span.end));
        raws.insert(0, d);
    }

    // Context: actors first, then unambiguous names, then demonyms.
    let mut ctx = Context::default();
    for code in actor_countries {
        if let Some(c) = gaz.country_by_iso3(code) {
            ctx.add_country(c, 4.0);
        }
    }
    for r in &raws {
        let countries: Vec<usize> = r.readings.iter().map(|&e| gaz.country_of(e)).collect();
        if countries.windows(2).all(|w| w[0] == w[1]) {
            if let Some(&c) = countries.first() {
                let specific = r.readings.iter().any(|e| !matches!(e, Entry::Country(_)));
                ctx.add_country(c, if specific { 4.0 } else { 2.0 });
                if let [Entry::Place(p)] = r.readings[..] {
                    let pl = &gaz.places[p];
                    if let Some(a) = gaz.admin1_index(pl.country, &pl.admin1_code) {
                        *ctx.admin1.entry(a).or_default() += 4.0;
                    }
                }
            }
        }
        if let Some(c) = r.within {
            ctx.add_country(c, 2.0);
        }
    }
    for c in demonyms {
        ctx.add_country(c, 0.5);
    }

    raws.into_iter()
        .filter_map(|r| {
            let e = best(gaz, &ctx, &r)?;
            let location = location_of(gaz, e, r.admin_suffix);
            Some(PlaceMention {
                span: r.span,
                sentence: r.sentence,
                text: r.text,
                kind: r.kind,
                location,
            })
        })
        .collect()
}
