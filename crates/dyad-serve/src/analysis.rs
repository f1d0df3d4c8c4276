//! The relationship analytics of `dyad-analysis` over HTTP: partnership
//! labels (`/api/relations`), signal phrases (`/api/signals`), bloc
//! alignment (`/api/alignment`) and its shifts with their driving events
//! (`/api/shifts`). Parameters are checked here, strictly (country codes are
//! three capital letters, dyads `AAA-BBB`), so the analysis functions only
//! ever see values they accept; blocs are named, never read from a path a
//! client gives.

use axum::extract::State;
use axum::response::Response;
use chrono::NaiveDate;
use dyad_analysis::{
    AlignmentOptions, AnalysisError, Bloc, Channel, Direction, PeltOptions, ShiftReport, WatchList,
};
use dyad_store::Store;
use rusqlite::OptionalExtension;
use serde_json::{json, Value};

use crate::api::{json_ok, pairs, with_store, Pairs, Shared};
use crate::error::ApiError;
use crate::params::{clip, Params};
use crate::AppState;

/// Most bootstrap resamples a client may ask for (each costs a pass over a
/// month's events).
const MAX_BOOTSTRAP: u64 = 2000;
/// Most driver events per shift.
const MAX_TOP: u64 = 50;

impl From<AnalysisError> for ApiError {
    fn from(e: AnalysisError) -> ApiError {
        match e {
            AnalysisError::BadArgument(m) => ApiError::bad_request(m),
            AnalysisError::Store(s) => ApiError::from(s),
            AnalysisError::Sqlite { error, .. } => ApiError::from(error),
            other => ApiError::internal(other.to_string()),
        }
    }
}

fn is_country(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// A country code parameter: exactly three capital letters (`KEN`).
fn country(p: &Params, name: &str) -> Result<Option<String>, ApiError> {
    match p.get(name) {
        None => Ok(None),
        Some(v) if is_country(v) => Ok(Some(v.to_string())),
        Some(v) => Err(ApiError::bad_request(format!(
            "{name} `{}` is not a country code (three capital letters, e.g. KEN)",
            clip(v)
        ))),
    }
}

/// A dyad parameter: two different country codes joined by `-` (`CHN-KEN`).
fn dyad(p: &Params, name: &str) -> Result<Option<String>, ApiError> {
    let Some(v) = p.get(name) else {
        return Ok(None);
    };
    match v.split_once('-') {
        Some((a, b)) if is_country(a) && is_country(b) && a != b => Ok(Some(v.to_string())),
        _ => Err(ApiError::bad_request(format!(
            "{name} `{}` is not two different country codes joined by `-` (e.g. CHN-KEN)",
            clip(v)
        ))),
    }
}

/// `from` and `to`, the first not after the second.
fn date_range(p: &Params) -> Result<(Option<NaiveDate>, Option<NaiveDate>), ApiError> {
    let (from, to) = (p.date("from")?, p.date("to")?);
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(ApiError::bad_request(format!("from {f} is after to {t}")));
        }
    }
    Ok((from, to))
}

/// The two blocs of `blocs` (default `china,west`) from the server's bloc
/// configuration.
fn bloc_pair(p: &Params, st: &AppState) -> Result<(Bloc, Bloc), ApiError> {
    let spec = p.get("blocs").unwrap_or("china,west");
    st.blocs.pair(spec).map_err(|e| match e {
        AnalysisError::BadArgument(m) => ApiError::bad_request(format!("blocs: {m}")),
        other => ApiError::from(other),
    })
}

fn direction(p: &Params) -> Result<Direction, ApiError> {
    p.get("direction")
        .unwrap_or("both")
        .parse::<Direction>()
        .map_err(ApiError::from)
}

/// `GET /api/relations?dyad=CHN-KEN&from&to`: the label history, upgrades
/// marked, each with its evidence sentence and (for upgrades) the CAMEO
/// code it is stored as.
pub async fn relations(State(state): State<Shared>, q: Pairs) -> Result<Response, ApiError> {
    let p = pairs(q, &["dyad", "from", "to"])?;
    let dyad = dyad(&p, "dyad")?;
    let (from, to) = date_range(&p)?;
    with_store(&state, move |s, st| {
        let labels = dyad_analysis::labels_for_dyad(s, &st.pipeline, dyad.as_deref(), from, to)?;
        let relations: Vec<Value> = labels
            .iter()
            .map(|r| {
                let mut v = serde_json::to_value(r).unwrap_or(Value::Null);
                if let Some(o) = v.as_object_mut() {
                    let code = r.upgrade.then(|| dyad_analysis::labels::upgrade_code(r));
                    o.insert("cameo".into(), json!(code));
                }
                v
            })
            .collect();
        Ok(json_ok(json!({ "dyad": dyad, "relations": relations })))
    })
    .await
}

/// `GET /api/signals?country=KEN&by=month&phrases=a,b&from&to`: counts of
/// the watched signal phrases per period and speaking country, each with
/// the sentences it counts.
pub async fn signals(State(state): State<Shared>, q: Pairs) -> Result<Response, ApiError> {
    let p = pairs(q, &["country", "by", "phrases", "from", "to"])?;
    let country = country(&p, "country")?;
    let by = p.period()?;
    let (from, to) = date_range(&p)?;
    let wanted: Option<Vec<String>> = p.get("phrases").map(|v| {
        v.split(',')
            .map(|x| x.trim().to_string())
            .filter(|x| !x.is_empty())
            .collect()
    });
    let watch = pick_phrases(&state.watch, wanted.as_deref())?;
    with_store(&state, move |s, st| {
        let counts =
            dyad_analysis::signals(s, &st.pipeline, &watch, by, country.as_deref(), from, to)?;
        let names: Vec<&str> = watch.phrases.iter().map(|p| p.name.as_str()).collect();
        Ok(json_ok(json!({
            "signals": counts,
            "by": by.to_string(),
            "phrases": names,
        })))
    })
    .await
}

/// The watch list narrowed to the named phrases (case-insensitive).
fn pick_phrases(watch: &WatchList, wanted: Option<&[String]>) -> Result<WatchList, ApiError> {
    let Some(wanted) = wanted else {
        return Ok(watch.clone());
    };
    if wanted.is_empty() {
        return Err(ApiError::bad_request(
            "phrases: give phrase names separated by commas",
        ));
    }
    for w in wanted {
        if !watch.phrases.iter().any(|p| p.name.eq_ignore_ascii_case(w)) {
            let known: Vec<&str> = watch.phrases.iter().map(|p| p.name.as_str()).collect();
            return Err(ApiError::bad_request(format!(
                "phrases: `{}` is not a watched phrase (known: {})",
                clip(w),
                known.join(", ")
            )));
        }
    }
    let mut out = watch.clone();
    out.phrases
        .retain(|p| wanted.iter().any(|w| p.name.eq_ignore_ascii_case(w)));
    Ok(out)
}

/// `GET /api/alignment?country=KEN&blocs=china,west&by=month&direction=both`:
/// the monthly alignment index with its bootstrap band, overall and for
/// verbal and material events apart, with the counts behind each.
pub async fn alignment(State(state): State<Shared>, q: Pairs) -> Result<Response, ApiError> {
    let p = pairs(
        q,
        &[
            "country",
            "blocs",
            "by",
            "direction",
            "bootstrap",
            "from",
            "to",
        ],
    )?;
    let country = country(&p, "country")?
        .ok_or_else(|| ApiError::bad_request("country is required (e.g. country=KEN)"))?;
    if let Some(by) = p.get("by") {
        if by != "month" {
            return Err(ApiError::bad_request(format!(
                "by `{}`: the alignment index is computed per month only",
                clip(by)
            )));
        }
    }
    let (a, b) = bloc_pair(&p, &state)?;
    let (from, to) = date_range(&p)?;
    let opts = AlignmentOptions {
        direction: direction(&p)?,
        bootstrap: p.number("bootstrap", MAX_BOOTSTRAP)?.unwrap_or(400) as usize,
        from,
        to,
        ..AlignmentOptions::default()
    };
    with_store(&state, move |s, _| {
        let series = dyad_analysis::alignment(s, &country, &a, &b, &opts)?;
        let mut v = serde_json::to_value(&series)
            .map_err(|e| ApiError::internal(format!("alignment: {e}")))?;
        if let Some(o) = v.as_object_mut() {
            o.insert("crossings".into(), json!(series.crossings()));
            o.insert("by".into(), json!("month"));
        }
        Ok(json_ok(json!({ "alignment": v })))
    })
    .await
}

/// `GET /api/shifts?dyad=CHN-KEN` or `?alignment=KEN&blocs=china,west`
/// (exactly one): change points with their size and driving events, each
/// event with its store id, document and evidence sentence.
pub async fn shifts(State(state): State<Shared>, q: Pairs) -> Result<Response, ApiError> {
    let p = pairs(
        q,
        &[
            "dyad",
            "alignment",
            "blocs",
            "direction",
            "channel",
            "penalty",
            "min_months",
            "top",
            "from",
            "to",
        ],
    )?;
    let dyad = dyad(&p, "dyad")?;
    let aligned = country(&p, "alignment")?;
    let (from, to) = date_range(&p)?;
    let penalty = match p.get("penalty") {
        None => 1.0,
        Some(v) => match v.parse::<f64>() {
            Ok(x) if x.is_finite() && (0.01..=100.0).contains(&x) => x,
            _ => {
                return Err(ApiError::bad_request(format!(
                    "penalty `{}` is not a number from 0.01 to 100",
                    clip(v)
                )))
            }
        },
    };
    let pelt = PeltOptions {
        penalty,
        min_size: p.number("min_months", 24)?.unwrap_or(2).max(1) as usize,
    };
    let top = p.number("top", MAX_TOP)?.unwrap_or(5) as usize;
    enum Subject {
        Dyad(String),
        Alignment(String, Bloc, Bloc, AlignmentOptions, Channel),
    }
    let subject =
        match (dyad, aligned) {
            (Some(d), None) => {
                for only in ["blocs", "direction", "channel"] {
                    if p.get(only).is_some() {
                        return Err(ApiError::bad_request(format!(
                            "{only} applies to alignment shifts only (not with dyad)"
                        )));
                    }
                }
                Subject::Dyad(d)
            }
            (None, Some(c)) => {
                let (a, b) = bloc_pair(&p, &state)?;
                let channel: Channel = p
                    .get("channel")
                    .unwrap_or("all")
                    .parse()
                    .map_err(ApiError::from)?;
                let opts = AlignmentOptions {
                    direction: direction(&p)?,
                    // Shifts use the index only: no band needed.
                    bootstrap: 0,
                    from,
                    to,
                    ..AlignmentOptions::default()
                };
                Subject::Alignment(c, a, b, opts, channel)
            }
            _ => return Err(ApiError::bad_request(
                "give exactly one of dyad (e.g. dyad=CHN-KEN) or alignment (e.g. alignment=KEN)",
            )),
        };
    with_store(&state, move |s, _| {
        let report = match subject {
            Subject::Dyad(d) => dyad_analysis::dyad_shifts(s, &d, from, to, &pelt, top)?,
            Subject::Alignment(c, a, b, opts, channel) => {
                let series = dyad_analysis::alignment(s, &c, &a, &b, &opts)?;
                dyad_analysis::alignment_shifts(&series, channel, &pelt, top)
            }
        };
        Ok(json_ok(shift_json(s, &report)?))
    })
    .await
}

/// The report as JSON, each driver with the id of its stored event (so the
/// client can open it in the events API), `null` when it is not stored.
fn shift_json(store: &Store, report: &ShiftReport) -> Result<Value, ApiError> {
    let mut v =
        serde_json::to_value(report).map_err(|e| ApiError::internal(format!("shifts: {e}")))?;
    let mut stmt = store
        .connection()
        .prepare_cached("SELECT id FROM events WHERE event_key = ?1")?;
    if let Some(shifts) = v.get_mut("shifts").and_then(Value::as_array_mut) {
        for (shift, found) in shifts.iter_mut().zip(&report.shifts) {
            let Some(drivers) = shift.get_mut("drivers").and_then(Value::as_array_mut) else {
                continue;
            };
            for (d, driver) in drivers.iter_mut().zip(&found.drivers) {
                let key = dyad_store::event_key(&driver.event);
                let id: Option<i64> = stmt.query_row([key], |r| r.get(0)).optional()?;
                if let Some(o) = d.as_object_mut() {
                    o.insert("event_id".into(), json!(id));
                }
            }
        }
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn params(q: &[(&str, &str)]) -> Params {
        Params::new(
            q.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            &["dyad", "country", "from", "to"],
        )
        .expect("known names")
    }

    #[test]
    fn dyads_and_countries_are_strict() {
        assert_eq!(
            dyad(&params(&[("dyad", "CHN-KEN")]), "dyad").unwrap(),
            Some("CHN-KEN".into())
        );
        for bad in [
            "chn-ken",
            "CHN",
            "CHN-KEN-USA",
            "CHN-CHN",
            "CHNGOV-KEN",
            "C1N-KEN",
        ] {
            let e = dyad(&params(&[("dyad", bad)]), "dyad").unwrap_err();
            assert_eq!(e.status, 400, "{bad}");
            assert!(e.message.contains("dyad"), "{}", e.message);
        }
        assert_eq!(
            country(&params(&[("country", "KEN")]), "country").unwrap(),
            Some("KEN".into())
        );
        for bad in ["ken", "KENGOV", "KE", "K N"] {
            assert!(
                country(&params(&[("country", bad)]), "country").is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn from_after_to_is_refused() {
        let p = params(&[("from", "2024-02-01"), ("to", "2024-01-01")]);
        assert_eq!(date_range(&p).unwrap_err().status, 400);
        let p = params(&[("from", "2024-01-01"), ("to", "2024-01-01")]);
        assert!(date_range(&p).is_ok());
    }

    #[test]
    fn phrases_must_be_watched() {
        let w = WatchList::embedded();
        let first = w.phrases[0].name.clone();
        let one = pick_phrases(&w, Some(&[first.to_uppercase()])).unwrap();
        assert_eq!(one.phrases.len(), 1);
        assert!(pick_phrases(&w, Some(&["no such phrase".to_string()])).is_err());
        assert!(pick_phrases(&w, Some(&[])).is_err());
        assert_eq!(
            pick_phrases(&w, None).unwrap().phrases.len(),
            w.phrases.len()
        );
    }

    proptest! {
        #[test]
        fn any_value_never_panics(v in "\\PC{0,12}") {
            let p = params(&[("dyad", &v), ("country", &v)]);
            let _ = dyad(&p, "dyad");
            let _ = country(&p, "country");
        }
    }
}
