//! Routes and handlers. Each handler parses its parameters (400 on any
//! problem), then runs its store work on a blocking thread under the
//! per-request time limit.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use dyad_ingest::{IngestOptions, InputKind};
use dyad_store::Store;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::db;
use crate::error::ApiError;
use crate::params::{self, Params, DEFAULT_LIMIT, FILTER_PARAMS, MAX_LIMIT, MAX_OFFSET};
use crate::{analysis, assets, AppState};

pub(crate) type Shared = Arc<AppState>;
pub(crate) type Pairs = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// The whole application: API, dashboard, JSON 404 and 405.
pub fn router(state: Shared) -> Router {
    let max_body = state.max_body;
    Router::new()
        .route("/", get(assets::index))
        .route("/assets/{file}", get(assets::asset))
        .route("/api/health", get(health))
        .route("/api/openapi.json", get(openapi))
        .route("/api/events", get(events))
        .route("/api/series", get(series))
        .route("/api/actors", get(actors))
        .route("/api/actors/{code}", get(actor))
        .route("/api/documents/{id}", get(document))
        .route("/api/code", post(code))
        .route("/api/relations", get(analysis::relations))
        .route("/api/signals", get(analysis::signals))
        .route("/api/alignment", get(analysis::alignment))
        .route("/api/shifts", get(analysis::shifts))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(max_body))
        .with_state(state)
}

async fn not_found() -> ApiError {
    ApiError::not_found("no such endpoint (see /api/openapi.json)")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method not allowed for this endpoint (see /api/openapi.json)",
    )
}

pub(crate) fn pairs(q: Pairs, allowed: &[&str]) -> Result<Params, ApiError> {
    let Query(pairs) = q.map_err(|e| ApiError::bad_request(format!("query string: {e}")))?;
    Params::new(pairs, allowed)
}

/// Run `f` with a pooled store on a blocking thread; past the time limit,
/// interrupt its SQL and answer 503.
pub(crate) async fn with_store<T, F>(state: &Shared, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Store, &AppState) -> Result<T, ApiError> + Send + 'static,
{
    let st = state.clone();
    let (handle_tx, mut handle_rx) = tokio::sync::oneshot::channel();
    let task = tokio::task::spawn_blocking(move || {
        let store = st.checkout()?;
        let _ = handle_tx.send(store.connection().get_interrupt_handle());
        if !st.test_delay.is_zero() {
            std::thread::sleep(st.test_delay);
        }
        let out = f(&store, &st);
        st.checkin(store);
        out
    });
    match tokio::time::timeout(state.timeout, task).await {
        Ok(Ok(out)) => out,
        Ok(Err(_)) => Err(ApiError::internal("the request's worker failed")),
        Err(_) => {
            if let Ok(h) = handle_rx.try_recv() {
                h.interrupt();
            }
            Err(ApiError::timeout(state.timeout))
        }
    }
}

pub(crate) fn json_ok(v: Value) -> Response {
    Json(v).into_response()
}

async fn health(State(state): State<Shared>) -> Result<Response, ApiError> {
    let schema = with_store(&state, |s, _| Ok(s.schema_version()?)).await?;
    Ok(json_ok(json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "schema_version": schema,
    })))
}

async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        assets::OPENAPI,
    )
        .into_response()
}

/// Names of the codes that appear, for display next to them.
fn names_of<'a>(
    state: &AppState,
    codes: impl Iterator<Item = &'a str>,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for c in codes {
        if !out.contains_key(c) {
            if let Some(n) = state.names.name(c) {
                out.insert(c.to_string(), n);
            }
        }
    }
    out
}

async fn events(State(state): State<Shared>, q: Pairs) -> Result<Response, ApiError> {
    let mut allowed = FILTER_PARAMS.to_vec();
    allowed.extend(["limit", "offset"]);
    let p = pairs(q, &allowed)?;
    let mut f = p.filter()?;
    let limit = p.number("limit", MAX_LIMIT)?.unwrap_or(DEFAULT_LIMIT);
    let offset = p.number("offset", MAX_OFFSET)?.unwrap_or(0);
    f.limit = Some(limit);
    f.offset = offset;
    with_store(&state, move |s, st| {
        let total = s.count(&f)?;
        let events = if limit == 0 || offset >= total {
            Vec::new()
        } else {
            s.query(&f)?
        };
        let names = names_of(
            st,
            events
                .iter()
                .flat_map(|e| [e.event.source.as_str(), e.event.target.as_str()]),
        );
        Ok(json_ok(json!({
            "events": events,
            "total": total,
            "limit": limit,
            "offset": offset,
            "names": names,
        })))
    })
    .await
}

async fn series(State(state): State<Shared>, q: Pairs) -> Result<Response, ApiError> {
    let mut allowed = FILTER_PARAMS.to_vec();
    allowed.extend(["by", "one_a_day"]);
    let p = pairs(q, &allowed)?;
    let mut f = p.filter()?;
    f.one_a_day = p.flag("one_a_day")?;
    let by = p.period()?;
    with_store(&state, move |s, _| {
        let rows = s.series(&f, by)?;
        Ok(json_ok(json!({ "series": rows, "by": by.to_string() })))
    })
    .await
}

async fn actors(State(state): State<Shared>, q: Pairs) -> Result<Response, ApiError> {
    let p = pairs(q, &["q", "limit", "country"])?;
    let limit = p.number("limit", 1000)?.unwrap_or(50);
    let countries_only = p.flag("country")?;
    let query = p.get("q").map(params::clip);
    with_store(&state, move |s, st| {
        let mut prefixes: Vec<String> = Vec::new();
        let mut dict_codes: Vec<String> = Vec::new();
        if let Some(q) = &query {
            let compact: String = q.chars().filter(|c| !c.is_whitespace()).collect();
            if db::valid_code(&compact) {
                prefixes.push(compact.to_ascii_uppercase());
            }
            dict_codes = st.names.search(q);
            dict_codes.truncate(50);
            prefixes.extend(dict_codes.iter().cloned());
            if prefixes.is_empty() {
                return Ok(json_ok(json!({ "actors": [] })));
            }
        }
        // Countries only: ask for more rows, then keep the countries.
        let fetch = if countries_only { 5000 } else { limit };
        let mut rows = db::actors(s, &prefixes, fetch)?;
        for code in dict_codes {
            if !rows.iter().any(|r| r.code == code) {
                rows.push(db::ActorRow {
                    code,
                    name: None,
                    events: 0,
                    first_date: None,
                    last_date: None,
                    country: false,
                });
            }
        }
        for r in &mut rows {
            r.name = st.names.name(&r.code);
            r.country = st.names.is_country(&r.code);
        }
        if countries_only {
            rows.retain(|r| r.country);
        }
        rows.truncate(limit as usize);
        Ok(json_ok(json!({ "actors": rows })))
    })
    .await
}

async fn actor(
    State(state): State<Shared>,
    code: Result<Path<String>, PathRejection>,
    q: Pairs,
) -> Result<Response, ApiError> {
    let Path(code) = code.map_err(|e| ApiError::bad_request(format!("actor code: {e}")))?;
    if !db::valid_code(&code) {
        return Err(ApiError::bad_request(format!(
            "actor `{}` is not an actor code (letters and digits)",
            params::clip(&code)
        )));
    }
    let p = pairs(q, &["by"])?;
    let by = p.period()?;
    let code = code.to_ascii_uppercase();
    with_store(&state, move |s, st| {
        let events = db::involvement(s, &code)?;
        if events == 0 {
            return Err(ApiError::not_found(format!(
                "no stored events involve `{code}`"
            )));
        }
        let mut partners = db::partners(s, &code, 20)?;
        for p in &mut partners {
            p.name = st.names.name(&p.code);
        }
        let series = db::actor_series(s, &code, by)?;
        Ok(json_ok(json!({
            "code": code,
            "name": st.names.name(&code),
            "events": events,
            "by": by.to_string(),
            "partners": partners,
            "series": series,
        })))
    })
    .await
}

async fn document(
    State(state): State<Shared>,
    id: Result<Path<String>, PathRejection>,
    q: Pairs,
) -> Result<Response, ApiError> {
    let Path(id) = id.map_err(|e| ApiError::bad_request(format!("document id: {e}")))?;
    pairs(q, &[])?;
    if id.is_empty() || id.len() > 1000 {
        return Err(ApiError::bad_request("document id must be 1 to 1000 bytes"));
    }
    with_store(&state, move |s, st| match db::document(s, &id)? {
        Some(doc) => {
            let names = names_of(
                st,
                doc.events
                    .iter()
                    .flat_map(|e| [e.event.event.source.as_str(), e.event.event.target.as_str()]),
            );
            let mut v = serde_json::to_value(&doc)
                .map_err(|e| ApiError::internal(format!("document: {e}")))?;
            if let Some(o) = v.as_object_mut() {
                o.insert("names".into(), json!(names));
            }
            Ok(json_ok(v))
        }
        None => Err(ApiError::not_found(format!(
            "no document `{}` in the store",
            params::clip(&id)
        ))),
    })
    .await
}

/// `POST /api/code` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeRequest {
    text: String,
    #[serde(default)]
    date: Option<String>,
}

async fn code(
    State(state): State<Shared>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = body.map_err(|e| {
        let status = e.status();
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                status,
                format!("request body larger than {} bytes", state.max_body),
            )
        } else {
            ApiError::new(status, format!("request body: {e}"))
        }
    })?;
    let req: CodeRequest = serde_json::from_slice(&body).map_err(|e| {
        ApiError::bad_request(format!(
            "body must be JSON {{\"text\": \"...\", \"date\"?: \"YYYY-MM-DD\"}}: {e}"
        ))
    })?;
    let today = chrono::Local::now().date_naive();
    let date = match req.date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => Some(params::parse_date(d).ok_or_else(|| {
            ApiError::bad_request(format!(
                "date `{}` is not a date in YYYY-MM-DD form",
                params::clip(d)
            ))
        })?),
    };
    let st = state.clone();
    let work = async move {
        // Coding is CPU work that cannot be interrupted: bound how many run.
        let permit = st
            .coding
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ApiError::internal("coder unavailable"))?;
        let st2 = st.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let opts = IngestOptions {
                default_date: date,
                today,
                strict: false,
            };
            let ing =
                dyad_ingest::ingest_bytes("api", req.text.as_bytes(), Some(InputKind::Text), &opts)
                    .map_err(|e| ApiError::bad_request(e.to_string()))?;
            let mut events = Vec::new();
            let mut sentences = 0;
            let mut doc_date = None;
            for mut doc in ing.docs {
                events.extend(st2.pipeline.code(&mut doc, date.unwrap_or(today)));
                sentences += doc.sentences.len();
                doc_date = doc.date.map(|d| d.format("%Y-%m-%d").to_string());
            }
            let names = names_of(
                &st2,
                events
                    .iter()
                    .flat_map(|e| [e.source.as_str(), e.target.as_str()]),
            );
            Ok(json_ok(json!({
                "events": events,
                "sentences": sentences,
                "date": doc_date,
                "names": names,
            })))
        })
        .await
        .map_err(|_| ApiError::internal("the coder failed on this text"))?
    };
    match tokio::time::timeout(state.timeout, work).await {
        Ok(r) => r,
        Err(_) => Err(ApiError::timeout(state.timeout)),
    }
}
