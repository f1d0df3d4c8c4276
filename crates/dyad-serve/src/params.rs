//! Query strings → store filters. Parsed by hand from key/value pairs so
//! that every malformed value (and every unknown or repeated name) is a 400
//! with a message naming the parameter, never a panic or a plain-text
//! rejection.

use chrono::NaiveDate;
use dyad_store::{Filter, Period};

use crate::error::ApiError;

/// The contract's filter parameters (`dyad query`'s flags).
pub const FILTER_PARAMS: [&str; 10] = [
    "source", "target", "dyad", "directed", "code", "root", "quad", "from", "to", "text",
];

/// Most events one `/api/events` page returns.
pub const MAX_LIMIT: u64 = 1000;
/// Page size when `limit` is absent.
pub const DEFAULT_LIMIT: u64 = 100;
/// Deepest page: beyond it SQLite would scan millions of rows per request.
pub const MAX_OFFSET: u64 = 1_000_000;

/// Query parameters by name, each at most once, only names the endpoint knows.
#[derive(Debug, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Check names against `allowed` and reject repeats.
    pub fn new(pairs: Vec<(String, String)>, allowed: &[&str]) -> Result<Params, ApiError> {
        for (i, (k, _)) in pairs.iter().enumerate() {
            if !allowed.contains(&k.as_str()) {
                let mut known: Vec<&str> = allowed.to_vec();
                known.sort_unstable();
                return Err(ApiError::bad_request(format!(
                    "unknown parameter `{}` (expected one of: {})",
                    clip(k),
                    known.join(", ")
                )));
            }
            if pairs[..i].iter().any(|(k2, _)| k2 == k) {
                return Err(ApiError::bad_request(format!(
                    "parameter `{k}` given more than once"
                )));
            }
        }
        Ok(Params { pairs })
    }

    /// The value, `None` when absent or empty (an empty form field means "any").
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    pub fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.pairs.iter().find(|(k, _)| k == name) {
            None => Ok(false),
            Some((_, v)) => match v.trim() {
                "" | "true" | "1" | "yes" => Ok(true),
                "false" | "0" | "no" => Ok(false),
                other => Err(ApiError::bad_request(format!(
                    "{name} `{}` is not true or false",
                    clip(other)
                ))),
            },
        }
    }

    pub fn number(&self, name: &str, max: u64) -> Result<Option<u64>, ApiError> {
        let Some(v) = self.get(name) else {
            return Ok(None);
        };
        match v.parse::<u64>() {
            Ok(n) if n <= max => Ok(Some(n)),
            Ok(_) => Err(ApiError::bad_request(format!(
                "{name} `{v}` is larger than {max}"
            ))),
            Err(_) => Err(ApiError::bad_request(format!(
                "{name} `{}` is not a non-negative integer",
                clip(v)
            ))),
        }
    }

    pub fn date(&self, name: &str) -> Result<Option<NaiveDate>, ApiError> {
        self.get(name)
            .map(|v| {
                parse_date(v).ok_or_else(|| {
                    ApiError::bad_request(format!(
                        "{name} `{}` is not a date in YYYY-MM-DD form",
                        clip(v)
                    ))
                })
            })
            .transpose()
    }

    /// The contract's filter (limit and offset are the caller's).
    pub fn filter(&self) -> Result<Filter, ApiError> {
        let dyad = self
            .get("dyad")
            .map(Filter::parse_dyad)
            .transpose()
            .map_err(ApiError::from)?;
        let quad = self
            .number("quad", 4)
            .map_err(|_| {
                ApiError::bad_request(format!(
                    "quad `{}` is not 1, 2, 3 or 4",
                    clip(self.get("quad").unwrap_or(""))
                ))
            })?
            .map(|q| q as u8);
        let f = Filter {
            source: self.get("source").map(str::to_ascii_uppercase),
            target: self.get("target").map(str::to_ascii_uppercase),
            dyad,
            directed: self.flag("directed")?,
            code: self.get("code").map(str::to_string),
            root: self.get("root").map(str::to_string),
            quad,
            from: self.date("from")?,
            to: self.date("to")?,
            text: self.get("text").map(str::to_string),
            ..Filter::default()
        };
        f.validate()?;
        Ok(f)
    }

    pub fn period(&self) -> Result<Period, ApiError> {
        self.get("by")
            .unwrap_or("month")
            .parse::<Period>()
            .map_err(ApiError::from)
    }
}

/// Strictly `YYYY-MM-DD` (chrono alone accepts `2024-9-5` and `+2024-09-05`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// User text echoed in messages, cut so an error never carries a megabyte.
pub fn clip(s: &str) -> String {
    const MAX: usize = 80;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn params(q: &[(&str, &str)], allowed: &[&str]) -> Result<Params, ApiError> {
        Params::new(
            q.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            allowed,
        )
    }

    #[test]
    fn filter_from_params() {
        let p = params(
            &[
                ("dyad", "chn-ken"),
                ("quad", "1"),
                ("from", "2024-01-01"),
                ("directed", ""),
            ],
            &FILTER_PARAMS,
        )
        .unwrap();
        let f = p.filter().unwrap();
        assert_eq!(f.dyad, Some(("CHN".into(), "KEN".into())));
        assert_eq!(f.quad, Some(1));
        assert!(f.directed);
        assert_eq!(f.from, NaiveDate::from_ymd_opt(2024, 1, 1));
    }

    #[test]
    fn bad_values_are_400() {
        for (k, v) in [
            ("quad", "5"),
            ("quad", "x"),
            ("dyad", "CHN"),
            ("from", "2024-9-5"),
            ("code", "abc"),
            ("root", "4"),
            ("source", "CH N"),
            ("directed", "maybe"),
        ] {
            let e = params(&[(k, v)], &FILTER_PARAMS)
                .and_then(|p| p.filter())
                .unwrap_err();
            assert_eq!(e.status, 400, "{k}={v}");
            assert!(e.message.contains(k), "{k}={v}: {}", e.message);
        }
    }

    #[test]
    fn unknown_and_repeated_names_are_400() {
        assert!(params(&[("sauce", "CHN")], &FILTER_PARAMS).is_err());
        assert!(params(&[("source", "CHN"), ("source", "KEN")], &FILTER_PARAMS).is_err());
    }

    #[test]
    fn from_after_to_is_400() {
        let p = params(
            &[("from", "2024-02-01"), ("to", "2024-01-01")],
            &FILTER_PARAMS,
        )
        .unwrap();
        assert_eq!(p.filter().unwrap_err().status, 400);
    }

    #[test]
    fn strict_dates() {
        assert!(parse_date("2024-09-05").is_some());
        assert!(parse_date("2024-02-30").is_none());
        assert!(parse_date("+024-09-05").is_none());
        assert!(parse_date("2024-9-05x").is_none());
    }

    proptest! {
        #[test]
        fn any_pairs_never_panic(pairs in proptest::collection::vec(("[a-z_]{0,10}", "\\PC{0,20}"), 0..6)) {
            let mut all: Vec<&str> = FILTER_PARAMS.to_vec();
            all.extend(["limit", "offset", "by"]);
            if let Ok(p) = Params::new(pairs, &all) {
                let _ = p.filter();
                let _ = p.number("limit", MAX_LIMIT);
                let _ = p.period();
            }
        }
    }
}
