//! Every endpoint and every error status, through the router in-process
//! (tower's `oneshot`), over a store ingested from the project's samples.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use dyad_code::Pipeline;
use dyad_ingest::IngestOptions;
use dyad_serve::{router, AppState, ServeConfig};
use dyad_store::{CodedDocument, Store};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

fn pipeline() -> Arc<Pipeline> {
    static P: OnceLock<Arc<Pipeline>> = OnceLock::new();
    P.get_or_init(|| Arc::new(Pipeline::load(&[]).expect("embedded dictionaries")))
        .clone()
}

/// A store holding the coded samples, built once per test binary.
fn store_path() -> PathBuf {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("dyad-serve-api-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("samples.db");
        let _ = std::fs::remove_file(&db);
        let samples = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples"));
        let today = chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
        let opts = IngestOptions::new(today);
        let p = pipeline();
        let mut batch = Vec::new();
        let mut names: Vec<_> = std::fs::read_dir(&samples)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        for path in names {
            for mut doc in dyad_ingest::ingest_path(&path, &opts).unwrap().docs {
                let events = p.code(&mut doc, today);
                batch.push(CodedDocument { doc, events });
            }
        }
        let mut store = Store::open(&db).unwrap();
        let summary = store.ingest(&batch).unwrap();
        assert!(summary.events >= 10, "{summary:?}");
        db
    })
    .clone()
}

fn app_with(cfg: impl FnOnce(&mut ServeConfig)) -> axum::Router {
    let mut c = ServeConfig::new(store_path(), "127.0.0.1:0".parse().unwrap());
    cfg(&mut c);
    router(Arc::new(AppState::new(&c, pipeline()).unwrap()))
}

fn app() -> axum::Router {
    app_with(|_| {})
}

async fn send(app: axum::Router, req: Request<Body>) -> (StatusCode, String, Value) {
    let resp = app.oneshot(req).await.unwrap();
    let status = resp.status();
    let ctype = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    let json = if ctype.starts_with("application/json") {
        serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{e}: {bytes:?}"))
    } else {
        Value::String(String::from_utf8_lossy(&bytes).into_owned())
    };
    (status, ctype, json)
}

async fn get(uri: &str) -> (StatusCode, Value) {
    let (s, _, v) = send(app(), Request::get(uri).body(Body::empty()).unwrap()).await;
    (s, v)
}

async fn post_json(app: axum::Router, uri: &str, body: impl Into<Body>) -> (StatusCode, Value) {
    let req = Request::post(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .body(body.into())
        .unwrap();
    let (s, _, v) = send(app, req).await;
    (s, v)
}

fn assert_error(status: StatusCode, v: &Value, want: StatusCode, needle: &str) {
    assert_eq!(status, want, "{v}");
    let msg = v["error"]
        .as_str()
        .unwrap_or_else(|| panic!("no error field: {v}"));
    assert!(msg.contains(needle), "`{msg}` lacks `{needle}`");
}

#[tokio::test]
async fn health_is_ok() {
    let (s, v) = get("/api/health").await;
    assert_eq!(s, 200);
    assert_eq!(v["status"], "ok");
    assert!(v["schema_version"].as_i64().unwrap() >= 1);
}

#[tokio::test]
async fn openapi_describes_every_endpoint() {
    let (s, v) = get("/api/openapi.json").await;
    assert_eq!(s, 200);
    assert!(v["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/health",
        "/api/openapi.json",
        "/api/events",
        "/api/series",
        "/api/actors",
        "/api/actors/{code}",
        "/api/documents/{id}",
        "/api/code",
        "/api/relations",
        "/api/signals",
        "/api/alignment",
        "/api/shifts",
    ] {
        assert!(v["paths"][path].is_object(), "{path} missing");
    }
}

#[tokio::test]
async fn events_page_and_total() {
    let (s, v) = get("/api/events?limit=3").await;
    assert_eq!(s, 200, "{v}");
    let total = v["total"].as_u64().unwrap();
    assert!(total >= 10);
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), 3);
    for field in [
        "event_id",
        "doc_id",
        "date",
        "source",
        "target",
        "code",
        "quad_class",
        "goldstein",
        "text",
        "spans",
    ] {
        assert!(
            !events[0][field].is_null(),
            "{field} missing in {}",
            events[0]
        );
    }
    // Names of the codes shown come along.
    assert!(v["names"].as_object().unwrap().len() >= 2, "{v}");
    let (_, last) = get(&format!("/api/events?offset={}", total - 1)).await;
    assert_eq!(last["events"].as_array().unwrap().len(), 1);
    let (_, past) = get(&format!("/api/events?offset={}", total + 5)).await;
    assert_eq!(past["events"].as_array().unwrap().len(), 0);
    assert_eq!(past["total"].as_u64().unwrap(), total);
}

#[tokio::test]
async fn events_filters() {
    let (s, v) = get("/api/events?dyad=KEN-SOM&quad=1").await;
    assert_eq!(s, 200, "{v}");
    let events = v["events"].as_array().unwrap();
    assert!(!events.is_empty());
    for e in events {
        assert_eq!(e["quad_class"], 1);
        let pair = (e["source"].as_str().unwrap(), e["target"].as_str().unwrap());
        assert!(
            pair.0.starts_with("KEN") || pair.0.starts_with("SOM"),
            "{pair:?}"
        );
    }
    let (_, none) = get("/api/events?dyad=KEN-SOM&from=2030-01-01").await;
    assert_eq!(none["total"], 0);
    let (_, text) = get("/api/events?text=ambassadors%20restore").await;
    assert!(text["total"].as_u64().is_some());
    // Empty values mean "any".
    let (s, _) = get("/api/events?source=&dyad=").await;
    assert_eq!(s, 200);
}

#[tokio::test]
async fn events_bad_parameters_are_400() {
    for (q, needle) in [
        ("quad=9", "quad"),
        ("quad=-1", "quad"),
        ("dyad=CHN", "dyad"),
        ("dyad=CH%20N-KEN", "dyad"),
        ("from=2024-13-01", "from"),
        ("from=2025-01-02&to=2025-01-01", "after"),
        ("code=4x", "code"),
        ("root=123", "root"),
        ("limit=1001", "limit"),
        ("limit=-3", "limit"),
        ("offset=99999999999999999999999", "offset"),
        ("directed=perhaps", "directed"),
        ("sauce=CHN", "unknown parameter"),
        ("source=CHN&source=KEN", "more than once"),
        ("text=%20%2B%2B%20", "no words"),
        ("source=%FF%FE", "source"),
    ] {
        let (s, v) = get(&format!("/api/events?{q}")).await;
        assert_error(s, &v, StatusCode::BAD_REQUEST, needle);
    }
}

#[tokio::test]
async fn series_by_month() {
    let (s, v) = get("/api/series?dyad=TUR-EGY&by=month").await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["by"], "month");
    let rows = v["series"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{v}");
    assert_eq!(rows[0]["period"], "2025-03");
    assert!(rows[0]["events"].as_u64().unwrap() >= 3);
    assert!(rows[0]["goldstein_sum"].as_f64().unwrap() > 0.0);
    let (s, v) = get("/api/series?by=year&one_a_day=true").await;
    assert_eq!(s, 200, "{v}");
    let (s, v) = get("/api/series?by=fortnight").await;
    assert_error(s, &v, StatusCode::BAD_REQUEST, "by");
    let (s, v) = get("/api/series?limit=3").await;
    assert_error(s, &v, StatusCode::BAD_REQUEST, "unknown parameter");
}

#[tokio::test]
async fn actors_by_code_and_name() {
    let (s, v) = get("/api/actors?q=kenya").await;
    assert_eq!(s, 200, "{v}");
    let actors = v["actors"].as_array().unwrap();
    let ken = actors.iter().find(|a| a["code"] == "KEN").expect("KEN");
    assert_eq!(ken["name"], "Kenya");
    assert_eq!(ken["country"], true);
    assert!(ken["events"].as_u64().unwrap() >= 1);
    assert!(actors.iter().any(|a| a["code"] == "KENGOV"), "{v}");
    let (_, v) = get("/api/actors?q=TURG").await;
    assert_eq!(v["actors"][0]["code"], "TURGOV");
    assert_eq!(v["actors"][0]["name"], "Turkey government");
    let (_, v) = get("/api/actors?country=true&limit=100").await;
    let codes: Vec<&str> = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"EGY") && !codes.contains(&"KENGOV"),
        "{codes:?}"
    );
    let (_, v) = get("/api/actors?q=%25%25%25").await;
    assert_eq!(v["actors"].as_array().unwrap().len(), 0);
    let (s, v) = get("/api/actors?limit=x").await;
    assert_error(s, &v, StatusCode::BAD_REQUEST, "limit");
}

#[tokio::test]
async fn actor_page() {
    let (s, v) = get("/api/actors/tur").await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["code"], "TUR");
    assert_eq!(v["name"], "Turkey");
    assert_eq!(v["partners"][0]["code"], "EGY");
    assert_eq!(v["partners"][0]["name"], "Egypt");
    let series = v["series"].as_array().unwrap();
    assert_eq!(series[0]["period"], "2025-03");
    assert!(series[0]["net_cooperation"].as_i64().unwrap() > 0);
    let (s, v) = get("/api/actors/ZZZ").await;
    assert_error(s, &v, StatusCode::NOT_FOUND, "ZZZ");
    let (s, v) = get("/api/actors/CH%20N").await;
    assert_error(s, &v, StatusCode::BAD_REQUEST, "actor");
    let (s, v) = get("/api/actors/TUR?by=hour").await;
    assert_error(s, &v, StatusCode::BAD_REQUEST, "by");
}

#[tokio::test]
async fn document_with_events_and_spans() {
    let (_, v) = get("/api/events?dyad=KEN-SOM&limit=1").await;
    let doc_id = v["events"][0]["doc_id"].as_str().unwrap().to_string();
    let (s, d) = get(&format!("/api/documents/{doc_id}")).await;
    assert_eq!(s, 200, "{d}");
    assert_eq!(d["doc_id"], doc_id.as_str());
    assert!(d["sentences"].as_array().unwrap().len() > 2);
    let events = d["events"].as_array().unwrap();
    assert!(!events.is_empty());
    for e in events {
        let sent = e["mention_sentence"].as_u64().unwrap() as usize;
        let text = d["sentences"][sent]["text"].as_str().unwrap();
        let [a, b] = [0, 1].map(|i| e["spans"]["verb"][i].as_u64().unwrap() as usize);
        assert!(a < b && b <= text.len(), "{e}");
    }
    // The numeric row id works too.
    let row = d["document_id"].as_i64().unwrap();
    let (s, _) = get(&format!("/api/documents/{row}")).await;
    assert_eq!(s, 200);
    let (s, v) = get("/api/documents/no-such-doc").await;
    assert_error(s, &v, StatusCode::NOT_FOUND, "no-such-doc");
    let (s, v) = get(&format!("/api/documents/{doc_id}?x=1")).await;
    assert_error(s, &v, StatusCode::BAD_REQUEST, "unknown parameter");
    let (s, v) = get(&format!("/api/documents/{}", "a".repeat(1001))).await;
    assert_error(s, &v, StatusCode::BAD_REQUEST, "1000");
}

#[tokio::test]
async fn code_text_live() {
    let text = "Kenya's president met Chinese Foreign Minister Wang Yi in Nairobi on Monday. \
                China promised a loan to Kenya for the railway.";
    let body = serde_json::json!({ "text": text, "date": "2024-09-05" }).to_string();
    let (s, v) = post_json(app(), "/api/code", body).await;
    assert_eq!(s, 200, "{v}");
    let events = v["events"].as_array().unwrap();
    assert!(!events.is_empty(), "{v}");
    assert_eq!(events[0]["date"], "2024-09-05");
    assert!(events
        .iter()
        .any(|e| e["source"].as_str().unwrap().starts_with("CHN")
            || e["target"].as_str().unwrap().starts_with("CHN")));
    // Empty text: no events, not an error.
    let (s, v) = post_json(app(), "/api/code", r#"{"text": "  "}"#).await;
    assert_eq!(s, 200);
    assert_eq!(v["events"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn code_errors() {
    for (body, needle) in [
        ("not json", "body must be JSON"),
        (r#"{"txt": "x"}"#, "body must be JSON"),
        (r#"{"text": 5}"#, "body must be JSON"),
        (r#"{"text": "x", "date": "5 Sept"}"#, "date"),
        (r#"{"text": "x", "date": "2024-02-30"}"#, "date"),
    ] {
        let (s, v) = post_json(app(), "/api/code", body).await;
        assert_error(s, &v, StatusCode::BAD_REQUEST, needle);
    }
    let big = serde_json::json!({ "text": "a ".repeat(600_000) }).to_string();
    let (s, v) = post_json(app(), "/api/code", big).await;
    assert_error(s, &v, StatusCode::PAYLOAD_TOO_LARGE, "larger than");
    let small = app_with(|c| c.max_body = 100);
    let body = serde_json::json!({ "text": "x".repeat(200) }).to_string();
    let (s, v) = post_json(small, "/api/code", body).await;
    assert_error(s, &v, StatusCode::PAYLOAD_TOO_LARGE, "100 bytes");
}

#[tokio::test]
async fn wrong_method_is_405_and_unknown_path_404() {
    for (m, uri) in [
        (Method::GET, "/api/code"),
        (Method::POST, "/api/events"),
        (Method::DELETE, "/api/health"),
    ] {
        let (s, _, v) = send(
            app(),
            Request::builder()
                .method(m)
                .uri(uri)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_error(s, &v, StatusCode::METHOD_NOT_ALLOWED, "method");
    }
    let (s, v) = get("/api/nothing").await;
    assert_error(s, &v, StatusCode::NOT_FOUND, "no such endpoint");
    let (s, v) = get("/assets/secret.txt").await;
    assert_error(s, &v, StatusCode::NOT_FOUND, "asset");
}

#[tokio::test]
async fn time_limit_is_503() {
    let slow = app_with(|c| {
        c.timeout = Duration::from_millis(50);
        c.test_delay = Duration::from_millis(300);
    });
    let (s, _, v) = send(
        slow,
        Request::get("/api/events").body(Body::empty()).unwrap(),
    )
    .await;
    assert_error(s, &v, StatusCode::SERVICE_UNAVAILABLE, "longer than");
}

#[tokio::test]
async fn dashboard_and_assets_are_embedded() {
    let (s, ctype, v) = send(app(), Request::get("/").body(Body::empty()).unwrap()).await;
    assert_eq!(s, 200);
    assert!(ctype.starts_with("text/html"));
    assert!(v.as_str().unwrap().contains("<title>"));
    for (asset, ct) in [
        ("app.js", "text/javascript"),
        ("app.css", "text/css"),
        ("uPlot.iife.min.js", "text/javascript"),
    ] {
        let (s, ctype, _) = send(
            app(),
            Request::get(format!("/assets/{asset}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(s, 200, "{asset}");
        assert!(ctype.starts_with(ct), "{asset}: {ctype}");
    }
}

#[tokio::test]
async fn missing_store_fails_at_start() {
    let c = ServeConfig::new(
        PathBuf::from("/nonexistent/dyad.db"),
        "127.0.0.1:0".parse().unwrap(),
    );
    let e = AppState::new(&c, pipeline()).err().expect("must fail");
    assert!(e.message.contains("no dyad store"), "{}", e.message);
}

/// A real server on a loopback port: the same router over TCP.
#[tokio::test]
async fn real_server_answers_over_tcp() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = app();
    tokio::spawn(async move { axum::serve(listener, app).await });
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut buf = String::new();
    s.read_to_string(&mut buf).await.unwrap();
    assert!(buf.starts_with("HTTP/1.1 200"), "{buf}");
    assert!(buf.contains("\"status\":\"ok\""), "{buf}");
}

/// A store of the synthetic relationship corpus (tests/fixtures): Kenya's
/// cooperation moves from China to the West in 2023-01; Kenya and China
/// establish a strategic partnership (2022-03) and raise it to a
/// comprehensive strategic cooperative one (2023-06).
fn relationship_store() -> PathBuf {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("dyad-serve-rel-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("relationship.db");
        let _ = std::fs::remove_file(&db);
        let fixture = PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/relationship.jsonl"
        ));
        let today = chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
        let p = pipeline();
        let batch: Vec<CodedDocument> =
            dyad_ingest::ingest_path(&fixture, &IngestOptions::new(today))
                .unwrap()
                .docs
                .into_iter()
                .map(|mut doc| {
                    let events = p.code(&mut doc, today);
                    CodedDocument { doc, events }
                })
                .collect();
        Store::open(&db).unwrap().ingest(&batch).unwrap();
        db
    })
    .clone()
}

async fn get_rel(uri: &str) -> (StatusCode, Value) {
    let mut c = ServeConfig::new(relationship_store(), "127.0.0.1:0".parse().unwrap());
    c.timeout = Duration::from_secs(60);
    let app = router(Arc::new(AppState::new(&c, pipeline()).unwrap()));
    let (s, _, v) = send(app, Request::get(uri).body(Body::empty()).unwrap()).await;
    (s, v)
}

#[tokio::test]
async fn relations_label_history_with_evidence() {
    let (s, v) = get_rel("/api/relations?dyad=KEN-CHN").await;
    assert_eq!(s, 200, "{v}");
    let rel = v["relations"].as_array().unwrap();
    let labels: Vec<(&str, bool, &str)> = rel
        .iter()
        .map(|r| {
            (
                r["label"].as_str().unwrap(),
                r["upgrade"].as_bool().unwrap(),
                r["date"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        labels,
        [
            ("strategic partnership", true, "2022-03-27"),
            (
                "comprehensive strategic cooperative partnership",
                true,
                "2023-06-27"
            ),
        ]
    );
    let up = &rel[1];
    assert_eq!(up["dyad"], serde_json::json!(["CHN", "KEN"]));
    assert_eq!(up["level"], 4);
    assert_eq!(up["doc_id"], "rel-label-2023-06");
    assert_eq!(
        up["cameo"], "057",
        "a joint statement is a formal agreement"
    );
    assert!(up["text"].as_str().unwrap().contains("elevate"));
    // Dates filter; other dyads have no labels.
    let (_, v) = get_rel("/api/relations?dyad=CHN-KEN&from=2023-01-01").await;
    assert_eq!(v["relations"].as_array().unwrap().len(), 1);
    let (_, v) = get_rel("/api/relations?dyad=USA-KEN").await;
    assert_eq!(v["relations"].as_array().unwrap().len(), 0);
    let (s, v) = get_rel("/api/relations").await;
    assert_eq!(s, 200);
    assert_eq!(v["relations"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn alignment_series_with_band_and_channels() {
    let (s, v) = get_rel("/api/alignment?country=KEN&blocs=china,west&by=month").await;
    assert_eq!(s, 200, "{v}");
    let a = &v["alignment"];
    assert_eq!(a["country"], "KEN");
    assert_eq!(a["bloc_a"]["name"], "china");
    assert_eq!(a["direction"], "both");
    let points = a["points"].as_array().unwrap();
    assert_eq!(points.len(), 24, "2022-01 .. 2023-12");
    let first = &points[0]["all"];
    let last = &points[23]["all"];
    assert!(first["index"].as_f64().unwrap() > 0.0, "{first}");
    assert!(last["index"].as_f64().unwrap() < 0.0, "{last}");
    for p in points {
        let c = &p["all"];
        let (i, lo, hi) = (
            c["index"].as_f64().unwrap(),
            c["low"].as_f64().unwrap(),
            c["high"].as_f64().unwrap(),
        );
        assert!(lo <= i + 1e-9 && i <= hi + 1e-9, "{p}");
        assert!(p["verbal"].is_object() && p["material"].is_object());
    }
    assert_eq!(a["crossings"], serde_json::json!(["2023-01"]));
    // Without a band, and one direction only.
    let (_, v) = get_rel("/api/alignment?country=KEN&bootstrap=0&direction=out").await;
    assert!(v["alignment"]["points"][0]["all"]["low"].is_null());
    assert_eq!(v["alignment"]["direction"], "outgoing");
}

#[tokio::test]
async fn shifts_with_driver_evidence() {
    let (s, v) = get_rel("/api/shifts?alignment=KEN&blocs=china,west").await;
    assert_eq!(s, 200, "{v}");
    let shifts = v["shifts"].as_array().unwrap();
    let main = shifts
        .iter()
        .find(|s| s["period"] == "2023-01")
        .unwrap_or_else(|| panic!("no 2023-01 shift: {v}"));
    assert_eq!(main["date"], "2023-01-01");
    assert!(main["size"].as_f64().unwrap() < -0.5, "{main}");
    let drivers = main["drivers"].as_array().unwrap();
    assert!(!drivers.is_empty());
    for d in drivers {
        assert!(
            d["contribution"].as_f64().unwrap() < 0.0,
            "pushes towards the West"
        );
        assert!(d["event_id"].as_i64().unwrap() > 0, "{d}");
        assert!(d["doc_id"].as_str().unwrap().starts_with("rel-"));
        assert!(d["text"].as_str().unwrap().contains("Kenya"));
    }
    // The driver's id is the stored event its document reports.
    let id = drivers[0]["event_id"].as_i64().unwrap();
    let doc = drivers[0]["doc_id"].as_str().unwrap();
    let (s, v) = get_rel(&format!("/api/documents/{doc}")).await;
    assert_eq!(s, 200);
    assert!(
        v["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["event_id"] == id),
        "{v}"
    );
    let (s, v) = get_rel("/api/shifts?dyad=CHN-KEN&top=2").await;
    assert_eq!(s, 200, "{v}");
    assert!(v["subject"].as_str().unwrap().contains("CHN-KEN"));
    for sh in v["shifts"].as_array().unwrap() {
        assert!(sh["drivers"].as_array().unwrap().len() <= 2);
    }
}

#[tokio::test]
async fn signals_counts() {
    let (s, v) = get_rel("/api/signals?country=KEN&by=year").await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["by"], "year");
    assert!(v["signals"].is_array());
    assert!(!v["phrases"].as_array().unwrap().is_empty());
    let phrase = v["phrases"][0].as_str().unwrap().to_string();
    let (s, v) = get_rel(&format!(
        "/api/signals?phrases={}",
        phrase.replace(' ', "%20")
    ))
    .await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["phrases"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn analysis_bad_parameters_are_400() {
    for (uri, needle) in [
        ("/api/relations?dyad=chn-ken", "dyad"),
        ("/api/relations?dyad=CHN", "dyad"),
        ("/api/relations?dyad=CHN-KEN&from=2024-13-01", "from"),
        ("/api/relations?from=2024-02-01&to=2024-01-01", "after"),
        (
            "/api/relations?dyad=CHN-KEN&colour=red",
            "unknown parameter",
        ),
        ("/api/signals?country=KENGOV", "country"),
        ("/api/signals?by=fortnight", "by"),
        ("/api/signals?phrases=no%20such%20thing", "phrases"),
        ("/api/alignment", "country"),
        (
            "/api/alignment?country=KEN&blocs=china,mars",
            "unknown bloc",
        ),
        ("/api/alignment?country=KEN&blocs=china", "blocs"),
        ("/api/alignment?country=KEN&blocs=/etc/passwd,west", "blocs"),
        ("/api/alignment?country=KEN&by=week", "month"),
        ("/api/alignment?country=KEN&direction=sideways", "direction"),
        ("/api/alignment?country=KEN&bootstrap=100000", "bootstrap"),
        (
            "/api/alignment?country=KEN&blocs_file=/etc/passwd",
            "unknown parameter",
        ),
        ("/api/shifts", "exactly one"),
        ("/api/shifts?dyad=CHN-KEN&alignment=KEN", "exactly one"),
        (
            "/api/shifts?dyad=CHN-KEN&blocs=china,west",
            "alignment shifts only",
        ),
        ("/api/shifts?alignment=KEN&channel=loud", "channel"),
        ("/api/shifts?alignment=KEN&penalty=0", "penalty"),
        ("/api/shifts?alignment=KEN&penalty=NaN", "penalty"),
        ("/api/shifts?alignment=KEN&top=51", "top"),
        ("/api/shifts?alignment=ken", "alignment"),
    ] {
        let (s, v) = get_rel(uri).await;
        assert_error(s, &v, StatusCode::BAD_REQUEST, needle);
    }
}
