//! The embedded GeoNames gazetteer: countries, admin-1 divisions, cities
//! and a few curated features, indexed by normalised name.
//!
//! The data file is built by `tools/geo/build_gazetteer.py` (format in its
//! doc string) and shipped gzip'd; it is parsed once, on first use, so a
//! run that never locates events pays nothing.

// FxHash: the keys are short place names; SipHash's DoS resistance buys nothing here
// and its cost showed in the location stage's profile.
type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
use std::io::Read;
use std::sync::OnceLock;

/// The shipped gazetteer (GeoNames, CC BY 4.0; see `data/README.md`).
static EMBEDDED: &[u8] = include_bytes!("../data/gazetteer.tsv.gz");
const EMBEDDED_NAME: &str = "dyad-geo/data/gazetteer.tsv.gz";
const HEADER: &str = "#dyad-geo gazetteer v1";

/// Why a gazetteer could not be loaded. Cloneable so the embedded
/// gazetteer's load failure can be reported to every caller.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GeoError {
    #[error("{file}: not a gzip'd gazetteer: {message}")]
    Decompress { file: String, message: String },
    #[error("{file}: not a dyad-geo gazetteer (missing `{HEADER}` header)")]
    BadHeader { file: String },
    #[error("{file}:{line}: {message}")]
    Malformed {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}: gazetteer has no {what}")]
    Empty { file: String, what: &'static str },
}

/// What kind of populated place or feature a [`Place`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceClass {
    /// A country's capital (GeoNames PPLC).
    Capital,
    /// Any other city or town.
    City,
    /// A named building, square, shoal, strait... (curated list).
    Feature,
}

#[derive(Debug, Clone)]
pub struct Country {
    pub iso2: String,
    pub iso3: String,
    pub name: String,
    pub population: u64,
    pub geonameid: Option<u64>,
    /// Index into [`Gazetteer::places`] of the capital, when known.
    pub capital: Option<usize>,
    /// Approximate centroid (median of the country's cities).
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct Admin1 {
    /// Index into [`Gazetteer::countries`].
    pub country: usize,
    pub code: String,
    pub name: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonameid: Option<u64>,
}

#[derive(Debug, Clone)]
pub struct Place {
    pub geonameid: Option<u64>,
    pub name: String,
    /// Index into [`Gazetteer::countries`].
    pub country: usize,
    pub admin1_code: String,
    pub population: u64,
    pub lat: f64,
    pub lon: f64,
    pub class: PlaceClass,
}

/// One reading of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entry {
    Country(usize),
    Admin1(usize),
    Place(usize),
}

/// The gazetteer and its name index.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub countries: Vec<Country>,
    pub admin1: Vec<Admin1>,
    pub places: Vec<Place>,
    names: HashMap<String, Vec<Entry>>,
    demonyms: HashMap<String, usize>,
    by_iso3: HashMap<String, usize>,
    by_iso2: HashMap<String, usize>,
    admin1_by_code: HashMap<(usize, String), usize>,
    /// Longest name in words, to bound the matcher's window.
    pub(crate) max_words: usize,
    /// First words of all names: most capitalised tokens start none, and
    /// the matcher skips them without building any longer key.
    first_words: rustc_hash::FxHashSet<String>,
}

/// Lower-case, accents folded, full stops dropped, every other run of
/// non-alphanumerics one space: "U.S." → "us", "Côte d'Ivoire" →
/// "cote d ivoire". Text and gazetteer names go through the same function.
pub fn name_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    name_key_into(s, &mut out);
    out
}

/// [`name_key`] into `out` (cleared first), so a caller keying many words
/// reuses one buffer.
pub(crate) fn name_key_into(s: &str, out: &mut String) {
    out.clear();
    // Fast path: most tokens are one plain ASCII word.
    if s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        out.push_str(s);
        out.make_ascii_lowercase();
        return;
    }
    let mut pending_space = false;
    for c in s.chars() {
        if c == '.' {
            continue;
        }
        let c = fold_char(c);
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            for l in c.to_lowercase() {
                out.push(l);
            }
        } else {
            pending_space = true;
        }
    }
}

/// Fold the accented Latin letters news text uses to ASCII.
fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'Í' | 'Î' | 'İ' => 'I',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'Ó' | 'Ö' | 'Ø' => 'O',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'Ú' | 'Ü' => 'U',
        'ý' | 'ÿ' => 'y',
        'ş' | 'ś' | 'š' | 'ș' => 's',
        'Ş' | 'Ś' | 'Š' | 'Ș' => 'S',
        'ţ' | 'ț' | 'ť' => 't',
        'ž' | 'ź' | 'ż' => 'z',
        'Ž' => 'Z',
        'ğ' => 'g',
        'ł' => 'l',
        'Ł' => 'L',
        'đ' => 'd',
        _ => c,
    }
}

/// Words that end an admin-1 name and that news text swaps freely
/// ("Krasnodar Krai", "Krasnodar region").
const ADMIN_SUFFIXES: &[&str] = &[
    "krai",
    "kray",
    "oblast",
    "oblast'",
    "province",
    "region",
    "state",
    "governorate",
    "prefecture",
    "county",
    "district",
    "territory",
    "skiy",
    "skaya",
    "aya",
    "iy",
];

fn admin_stem(key: &str) -> Option<String> {
    for suf in ADMIN_SUFFIXES {
        if let Some(stem) = key.strip_suffix(suf) {
            let stem = stem.trim_end();
            if stem.len() >= 4 {
                return Some(stem.to_string());
            }
        }
    }
    None
}

fn parse_f64(s: &str, file: &str, line: usize, what: &str) -> Result<Option<f64>, GeoError> {
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(GeoError::Malformed {
            file: file.into(),
            line,
            message: format!("bad {what} `{s}`"),
        }),
    }
}

fn parse_u64(s: &str, file: &str, line: usize, what: &str) -> Result<Option<u64>, GeoError> {
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<u64>().map(Some).map_err(|_| GeoError::Malformed {
        file: file.into(),
        line,
        message: format!("bad {what} `{s}`"),
    })
}

fn list(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty())
}

impl Gazetteer {
    /// The gazetteer compiled into the binary, parsed on first call.
    /// A corrupt index gives the same error on every call; callers then
    /// code events without locations.
    pub fn embedded() -> Result<&'static Gazetteer, GeoError> {
        static CELL: OnceLock<Result<Gazetteer, GeoError>> = OnceLock::new();
        CELL.get_or_init(|| Gazetteer::from_gzip(EMBEDDED, EMBEDDED_NAME))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Parse a gzip'd gazetteer; `file` names it in errors.
    pub fn from_gzip(bytes: &[u8], file: &str) -> Result<Gazetteer, GeoError> {
        let mut text = String::with_capacity(bytes.len() * 3);
        flate2::read::GzDecoder::new(bytes)
            .read_to_string(&mut text)
            .map_err(|e| GeoError::Decompress {
                file: file.into(),
                message: e.to_string(),
            })?;
        Gazetteer::from_tsv(&text, file)
    }

    /// Parse the uncompressed TSV form.
    pub fn from_tsv(text: &str, file: &str) -> Result<Gazetteer, GeoError> {
        let mut lines = text.lines().enumerate();
        match lines.next() {
            Some((_, first)) if first.starts_with(HEADER) => {}
            _ => return Err(GeoError::BadHeader { file: file.into() }),
        }
        let mut g = Gazetteer::default();
        // Capitals are named in country rows before their cities appear.
        let mut capital_names: Vec<(usize, String)> = Vec::new();
        for (i, line) in lines {
            let n = i + 1;
            if line.is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let bad = |message: String| GeoError::Malformed {
                file: file.into(),
                line: n,
                message,
            };
            let need = |k: usize| -> Result<(), GeoError> {
                if f.len() == k {
                    Ok(())
                } else {
                    Err(bad(format!(
                        "`{}` row has {} fields, expected {k}",
                        f[0],
                        f.len()
                    )))
                }
            };
            match f[0] {
                "C" => {
                    need(11)?;
                    if f[1].len() != 2 || f[2].len() != 3 {
                        return Err(bad(format!("bad ISO codes `{}`/`{}`", f[1], f[2])));
                    }
                    let idx = g.countries.len();
                    g.countries.push(Country {
                        iso2: f[1].into(),
                        iso3: f[2].into(),
                        name: f[3].into(),
                        population: parse_u64(f[4], file, n, "population")?.unwrap_or(0),
                        geonameid: parse_u64(f[5], file, n, "geonameid")?,
                        capital: None,
                        lat: parse_f64(f[7], file, n, "latitude")?,
                        lon: parse_f64(f[8], file, n, "longitude")?,
                    });
                    g.by_iso2.insert(f[1].into(), idx);
                    g.by_iso3.insert(f[2].into(), idx);
                    if !f[6].is_empty() {
                        capital_names.push((idx, f[6].into()));
                    }
                    g.add_name(f[3], Entry::Country(idx));
                    for a in list(f[9]) {
                        g.add_name(a, Entry::Country(idx));
                    }
                    for d in list(f[10]) {
                        g.demonyms.insert(name_key(d), idx);
                    }
                }
                "A" => {
                    need(8)?;
                    let country = *g
                        .by_iso2
                        .get(f[1])
                        .ok_or_else(|| bad(format!("unknown country `{}`", f[1])))?;
                    let idx = g.admin1.len();
                    g.admin1.push(Admin1 {
                        country,
                        code: f[2].into(),
                        name: f[3].into(),
                        lat: parse_f64(f[4], file, n, "latitude")?,
                        lon: parse_f64(f[5], file, n, "longitude")?,
                        geonameid: parse_u64(f[6], file, n, "geonameid")?,
                    });
                    g.admin1_by_code.insert((country, f[2].into()), idx);
                    g.add_name(f[3], Entry::Admin1(idx));
                    if let Some(stem) = admin_stem(&name_key(f[3])) {
                        g.add_key(stem, Entry::Admin1(idx));
                    }
                    for a in list(f[7]) {
                        g.add_name(a, Entry::Admin1(idx));
                    }
                }
                "P" => {
                    need(10)?;
                    let country = *g
                        .by_iso2
                        .get(f[3])
                        .ok_or_else(|| bad(format!("unknown country `{}`", f[3])))?;
                    let class = match f[8] {
                        "PPLC" => PlaceClass::Capital,
                        "PPL" => PlaceClass::City,
                        "FEAT" => PlaceClass::Feature,
                        other => return Err(bad(format!("unknown place class `{other}`"))),
                    };
                    let lat = parse_f64(f[6], file, n, "latitude")?
                        .ok_or_else(|| bad("missing latitude".into()))?;
                    let lon = parse_f64(f[7], file, n, "longitude")?
                        .ok_or_else(|| bad("missing longitude".into()))?;
                    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                        return Err(bad(format!("coordinates out of range ({lat}, {lon})")));
                    }
                    let idx = g.places.len();
                    g.places.push(Place {
                        geonameid: parse_u64(f[1], file, n, "geonameid")?,
                        name: f[2].into(),
                        country,
                        admin1_code: f[4].into(),
                        population: parse_u64(f[5], file, n, "population")?.unwrap_or(0),
                        lat,
                        lon,
                        class,
                    });
                    g.add_name(f[2], Entry::Place(idx));
                    for a in list(f[9]) {
                        g.add_name(a, Entry::Place(idx));
                    }
                }
                other if other.starts_with('#') => {}
                other => return Err(bad(format!("unknown record kind `{other}`"))),
            }
        }
        if g.countries.is_empty() {
            return Err(GeoError::Empty {
                file: file.into(),
                what: "countries",
            });
        }
        if g.places.is_empty() {
            return Err(GeoError::Empty {
                file: file.into(),
                what: "places",
            });
        }
        for (ci, cap) in capital_names {
            let key = name_key(&cap);
            g.countries[ci].capital = g.names.get(&key).and_then(|es| {
                es.iter().find_map(|e| match e {
                    Entry::Place(p)
                        if g.places[*p].country == ci
                            && g.places[*p].class == PlaceClass::Capital =>
                    {
                        Some(*p)
                    }
                    _ => None,
                })
            });
        }
        Ok(g)
    }

    fn add_name(&mut self, name: &str, e: Entry) {
        let key = name_key(name);
        self.add_key(key, e);
    }

    fn add_key(&mut self, key: String, e: Entry) {
        if key.is_empty() {
            return;
        }
        self.max_words = self.max_words.max(key.split(' ').count());
        if let Some(first) = key.split(' ').next() {
            if !self.first_words.contains(first) {
                self.first_words.insert(first.to_string());
            }
        }
        let v = self.names.entry(key).or_default();
        if !v.contains(&e) {
            v.push(e);
        }
    }

    /// Whether some name starts with this word (a [`name_key`] of one word).
    pub fn starts_a_name(&self, word_key: &str) -> bool {
        self.first_words
            .contains(word_key.split(' ').next().unwrap_or(""))
    }

    /// Every reading of a name (already passed through [`name_key`]).
    pub fn lookup_key(&self, key: &str) -> &[Entry] {
        self.names.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Every reading of a name as written.
    pub fn lookup(&self, name: &str) -> &[Entry] {
        self.lookup_key(&name_key(name))
    }

    /// The country a demonym names ("Kenyan" → Kenya).
    pub fn demonym(&self, word: &str) -> Option<usize> {
        self.demonyms.get(&name_key(word)).copied()
    }

    pub(crate) fn demonym_key(&self, key: &str) -> Option<usize> {
        self.demonyms.get(key).copied()
    }

    pub fn country_by_iso3(&self, iso3: &str) -> Option<usize> {
        self.by_iso3.get(iso3).copied()
    }

    pub fn admin1_of(&self, country: usize, code: &str) -> Option<&Admin1> {
        self.admin1_by_code
            .get(&(country, code.to_string()))
            .and_then(|&i| self.admin1.get(i))
    }

    pub(crate) fn admin1_index(&self, country: usize, code: &str) -> Option<usize> {
        self.admin1_by_code
            .get(&(country, code.to_string()))
            .copied()
    }

    /// The country an entry lies in.
    pub fn country_of(&self, e: Entry) -> usize {
        match e {
            Entry::Country(c) => c,
            Entry::Admin1(a) => self.admin1[a].country,
            Entry::Place(p) => self.places[p].country,
        }
    }

    /// Number of distinct names indexed.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_key_into_a_reused_buffer_is_name_key() {
        let mut buf = String::from("left over");
        for w in [
            "Kenya",
            "U.S.",
            "Côte d'Ivoire",
            "",
            "NAIROBI",
            "São-Paulo",
            "x",
        ] {
            name_key_into(w, &mut buf);
            assert_eq!(buf, name_key(w), "{w}");
        }
    }

    const MINI: &str = "#dyad-geo gazetteer v1\n\
C\tKE\tKEN\tKenya\t100\t192950\tNairobi\t0.5\t37.0\t\tKenyan\n\
A\tKE\t05\tNairobi Area\t-1.2\t36.8\t\t\n\
P\t184745\tNairobi\tKE\t05\t4397073\t-1.28\t36.81\tPPLC\tNairobia\n";

    #[test]
    fn parses_minimal_gazetteer() {
        let g = Gazetteer::from_tsv(MINI, "mini").unwrap();
        assert_eq!(g.countries[0].capital, Some(0));
        assert_eq!(g.lookup("NAIROBI"), &[Entry::Place(0)]);
        assert_eq!(g.lookup("Nairobia"), &[Entry::Place(0)]);
        assert_eq!(g.demonym("Kenyan"), Some(0));
        assert_eq!(g.lookup("Nairobi Area").len(), 1);
    }

    #[test]
    fn malformed_rows_name_file_and_line() {
        let bad = MINI.replace("-1.28", "north");
        let err = Gazetteer::from_tsv(&bad, "g.tsv").unwrap_err();
        assert_eq!(err.to_string(), "g.tsv:4: bad latitude `north`");
        let err = Gazetteer::from_tsv("C\tKE\n", "g.tsv").unwrap_err();
        assert!(matches!(err, GeoError::BadHeader { .. }));
        let err = Gazetteer::from_tsv(
            &MINI.replace("\tKE\t05\t4397073", "\tZZ\t05\t4397073"),
            "g.tsv",
        )
        .unwrap_err();
        assert!(
            err.to_string().starts_with("g.tsv:4: unknown country"),
            "{err}"
        );
        let err = Gazetteer::from_gzip(b"not gzip", "x.gz").unwrap_err();
        assert!(matches!(err, GeoError::Decompress { .. }));
        let err = Gazetteer::from_tsv("#dyad-geo gazetteer v1\n", "e").unwrap_err();
        assert!(matches!(err, GeoError::Empty { .. }));
    }

    #[test]
    fn keys_fold_case_accents_and_stops() {
        assert_eq!(name_key("U.S."), "us");
        assert_eq!(name_key("Côte d'Ivoire"), "cote d ivoire");
        assert_eq!(name_key("  GAZA   CITY "), "gaza city");
    }

    #[test]
    fn embedded_gazetteer_loads_with_expected_entries() {
        let g = Gazetteer::embedded().unwrap();
        assert!(g.countries.len() > 240, "{}", g.countries.len());
        assert!(g.places.len() > 30_000);
        let paris: Vec<_> = g
            .lookup("Paris")
            .iter()
            .filter(
                |e| matches!(e, Entry::Place(p) if g.countries[g.places[*p].country].iso3 == "FRA"),
            )
            .collect();
        assert_eq!(paris.len(), 1, "Paris, France must be one entry");
        assert!(g
            .lookup("China")
            .iter()
            .all(|e| matches!(e, Entry::Country(_))));
        let us = g.lookup("U.S.");
        assert_eq!(us.len(), 1);
        assert_eq!(g.countries[g.country_of(us[0])].iso3, "USA");
    }

    proptest::proptest! {
        #[test]
        fn parser_never_panics(s in "\\PC{0,300}") {
            let _ = Gazetteer::from_tsv(&format!("{HEADER}\n{s}"), "p");
            let _ = Gazetteer::from_tsv(&s, "p");
        }

        #[test]
        fn parser_never_panics_on_rows(rows in proptest::collection::vec("[CAP#x]\t[A-Z0-9.\\-]{0,4}(\t[A-Za-z0-9.|\\-]{0,5}){0,11}", 0..8)) {
            let _ = Gazetteer::from_tsv(&format!("{HEADER}\n{}", rows.join("\n")), "p");
        }
    }
}
