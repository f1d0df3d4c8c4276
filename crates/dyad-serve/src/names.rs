//! Readable names for CAMEO actor codes, so the dashboard says "China —
//! Kenya" and not only `CHN-KEN`. Built once at start-up from the GeoNames
//! country table (ISO 3166 alpha-3 = CAMEO's country codes), the actor
//! dictionaries (organisations such as `IGOUNO`), and CAMEO's agent codes
//! for the sector suffixes (`CHNGOV` → "China government").

use std::collections::HashMap;

use dyad_dict::{DateRange, Dictionaries};

/// CAMEO sector (agent) codes and what they mean, from the CAMEO manual.
const AGENTS: [(&str, &str); 34] = [
    ("GOV", "government"),
    ("MIL", "military"),
    ("REB", "rebels"),
    ("OPP", "opposition"),
    ("PTY", "political party"),
    ("COP", "police"),
    ("JUD", "judiciary"),
    ("LEG", "legislature"),
    ("SPY", "intelligence"),
    ("BUS", "business"),
    ("MED", "media"),
    ("CVL", "civilians"),
    ("EDU", "education"),
    ("HLH", "health"),
    ("REF", "refugees"),
    ("LAB", "labour"),
    ("AGR", "agriculture"),
    ("ELI", "elites"),
    ("CRM", "criminals"),
    ("HRI", "human rights"),
    ("ENV", "environment"),
    ("INS", "insurgents"),
    ("SEP", "separatists"),
    ("UAF", "armed group"),
    ("IGO", "intergovernmental organisation"),
    ("NGO", "non-governmental organisation"),
    ("MNC", "multinational company"),
    ("RAD", "radicals"),
    ("MOD", "moderates"),
    ("IMG", "immigrants"),
    ("DEV", "development"),
    ("CHR", "Christians"),
    ("MOS", "Muslims"),
    ("JEW", "Jews"),
];

/// Code → name, and country codes for the dyad picker.
#[derive(Debug, Default, Clone)]
pub struct ActorNames {
    names: HashMap<String, String>,
    countries: HashMap<String, String>,
}

impl ActorNames {
    /// Names from the gazetteer (when it loads) and the dictionaries.
    pub fn build(dicts: &Dictionaries) -> ActorNames {
        let mut countries = HashMap::new();
        if let Ok(g) = dyad_geo::Gazetteer::embedded() {
            for c in &g.countries {
                if c.iso3.len() == 3 && !c.name.is_empty() {
                    countries.insert(c.iso3.to_ascii_uppercase(), c.name.clone());
                }
            }
        }
        let mut names = HashMap::new();
        for entry in dicts.actors.entries() {
            // Only entries with one undated code: people who held a post
            // for a while carry dated codes and must not name the post.
            let [only] = entry.codes.as_slice() else {
                continue;
            };
            if only.range != DateRange::Always {
                continue;
            }
            let code = only.code.as_str();
            // A person's entry names a role, not the code: "XI JINPING" is
            // not the name of CHNGOV. Only organisations (codes that do not
            // start with a country) and bare country codes name their code.
            let country_prefixed = code.len() > 3 && countries.contains_key(&code[..3]);
            if country_prefixed || names.contains_key(code) {
                continue;
            }
            let phrase = entry.phrase.trim();
            let phrase = phrase.strip_prefix("THE ").unwrap_or(phrase);
            names.insert(code.to_string(), title_case(phrase));
        }
        ActorNames { names, countries }
    }

    /// For tests and tools: names from given tables.
    pub fn from_tables(countries: &[(&str, &str)], orgs: &[(&str, &str)]) -> ActorNames {
        ActorNames {
            names: orgs
                .iter()
                .map(|(c, n)| (c.to_string(), n.to_string()))
                .collect(),
            countries: countries
                .iter()
                .map(|(c, n)| (c.to_string(), n.to_string()))
                .collect(),
        }
    }

    /// The best name for `code`, or `None` when nothing is known.
    pub fn name(&self, code: &str) -> Option<String> {
        let code = code.to_ascii_uppercase();
        if let Some(n) = self.countries.get(&code) {
            return Some(n.clone());
        }
        if let Some(n) = self.names.get(&code) {
            return Some(n.clone());
        }
        // Country + sectors: CHNGOV, USAMILSPY...
        let (head, rest) = split_at_checked(&code, 3)?;
        let base = self
            .countries
            .get(head)
            .or_else(|| self.names.get(head))
            .cloned()
            .or_else(|| agent(head).map(capitalise))?;
        let mut parts = vec![base];
        let mut rest = rest;
        while let Some((a, r)) = split_at_checked(rest, 3) {
            parts.push(
                agent(a)
                    .map(str::to_string)
                    .unwrap_or_else(|| a.to_string()),
            );
            rest = r;
        }
        if !rest.is_empty() {
            parts.push(rest.to_string());
        }
        Some(parts.join(" "))
    }

    pub fn is_country(&self, code: &str) -> bool {
        self.countries.contains_key(&code.to_ascii_uppercase())
    }

    /// Codes (of known names) matching `q`: code prefix or name substring.
    pub fn search(&self, q: &str) -> Vec<String> {
        let q = q.to_lowercase();
        let mut out: Vec<String> = self
            .countries
            .iter()
            .chain(self.names.iter())
            .filter(|(c, n)| c.to_lowercase().starts_with(&q) || n.to_lowercase().contains(&q))
            .map(|(c, _)| c.clone())
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

fn agent(code: &str) -> Option<&'static str> {
    AGENTS.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

fn split_at_checked(s: &str, at: usize) -> Option<(&str, &str)> {
    if s.len() >= at && s.is_char_boundary(at) {
        Some(s.split_at(at))
    } else {
        None
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "UNITED NATIONS" → "United Nations" (dictionary phrases are upper case).
fn title_case(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            if matches!(lower.as_str(), "of" | "and" | "the" | "for" | "in") {
                lower
            } else {
                capitalise(&lower)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> ActorNames {
        ActorNames::from_tables(
            &[("CHN", "China"), ("KEN", "Kenya")],
            &[("IGOUNO", "United Nations")],
        )
    }

    #[test]
    fn countries_orgs_and_sectors() {
        let n = names();
        assert_eq!(n.name("CHN").as_deref(), Some("China"));
        assert_eq!(n.name("chngov").as_deref(), Some("China government"));
        assert_eq!(
            n.name("KENMILSPY").as_deref(),
            Some("Kenya military intelligence")
        );
        assert_eq!(n.name("IGOUNO").as_deref(), Some("United Nations"));
        assert_eq!(
            n.name("IGO").as_deref(),
            Some("Intergovernmental organisation")
        );
        assert_eq!(n.name("XYZ"), None);
        assert_eq!(n.name("é"), None);
    }

    #[test]
    fn search_by_code_and_name() {
        let n = names();
        assert_eq!(n.search("ken"), vec!["KEN"]);
        assert_eq!(n.search("nations"), vec!["IGOUNO"]);
    }

    #[test]
    fn embedded_tables_name_common_countries() {
        let dicts = dyad_dict::embedded().unwrap();
        let n = ActorNames::build(&dicts);
        assert_eq!(n.name("KEN").as_deref(), Some("Kenya"));
        assert!(n.is_country("CHN"));
        assert_eq!(n.name("CHNGOV").as_deref(), Some("China government"));
        assert_eq!(n.name("IGOUNO").as_deref(), Some("United Nations"));
    }

    #[test]
    fn title_case_keeps_small_words() {
        assert_eq!(title_case("BANK OF ENGLAND"), "Bank of England");
    }
}
