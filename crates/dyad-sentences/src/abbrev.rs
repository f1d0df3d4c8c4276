//! Abbreviations that keep their period.

/// Titles and month names are never sentence-final in news ("Gen. Smith",
/// "Sept. 5"), so a period after them never ends a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt",
    "cpl", "pvt", "sen", "rep", "gov", "pres", "rev", "fr", "st", "mt", "ft", "gen", "brig",
    "supt", "insp", "amb", "hon", "messrs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "no", "nos", "vs", "v", "approx", "dept", "univ", "assn", "bros",
    "est", "vol", "fig",
];

/// Abbreviations that may end a sentence ("... Acme Inc. The company ...").
const OTHERS: &[&str] = &[
    "inc", "co", "corp", "ltd", "jr", "sr", "etc", "plc", "llc", "a.m", "p.m",
];

fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Whether `word` (without its final period) takes the period with it:
/// a known abbreviation, an initial ("J"), or a dotted form ("U.S", "a.m").
pub fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let first = chars.next();
    let single = first.is_some() && chars.next().is_none();
    (single && first.is_some_and(|c| c.is_uppercase()))
        || in_list(TITLES, word)
        || in_list(OTHERS, word)
        || (word.contains('.')
            && word.split('.').all(|p| {
                !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic)
            }))
}

/// Whether a token such as `Gen.` or `Sept.` can never end a sentence.
pub fn is_title_abbreviation(token: &str) -> bool {
    let w = token.strip_suffix('.').unwrap_or(token);
    in_list(TITLES, w) || (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
}
