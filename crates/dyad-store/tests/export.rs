//! Exports: CSV, GDELT, ICEWS, PLOVER, and Parquet read back with pyarrow.

mod common;
use common::*;

use std::process::Command;

use dyad_model::Location;
use dyad_store::{ExportFormat, Filter, Store};

fn store_with_events(dir: &std::path::Path) -> Store {
    let mut store = Store::open(&dir.join("dyad.db")).unwrap();
    let a = doc(
        "a",
        Some("http://x/a"),
        "2024-09-05",
        &[
            "China and Kenya held talks, \"officials\" said.",
            "Xi urged Kenya to open its ports.",
        ],
        false,
    );
    let b = doc(
        "b",
        Some("http://y/b"),
        "2024-09-05",
        &["China and Kenya held talks, \"officials\" said."],
        false,
    );
    let c = doc(
        "c",
        None,
        "2024-10-09",
        &["Kenyan police clashed with protesters."],
        false,
    );
    let mut batch = vec![
        coded(
            a,
            &[(0, "CHNGOV", "KENGOV", "040"), (1, "CHNGOV", "KEN", "0211")],
        ),
        coded(b, &[(0, "CHNGOV", "KENGOV", "040")]),
        coded(c, &[(0, "KENCOP", "KENOPP", "145")]),
    ];
    batch[2].events[0].location = Some(Location {
        name: "Nairobi".into(),
        country: "KEN".into(),
        admin1: Some("Nairobi County".into()),
        lat: Some(-1.28),
        lon: Some(36.82),
        geonameid: Some(184745),
        precision: "city".into(),
    });
    store.ingest(&batch).unwrap();
    store
}

fn export_string(store: &Store, format: ExportFormat) -> String {
    let mut out = Vec::new();
    store
        .export(
            format,
            &Filter::default(),
            &mut out,
            std::path::Path::new("<test>"),
        )
        .unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn locations_round_trip() {
    let dir = tempdir("loc");
    let store = store_with_events(&dir);
    let ev = store
        .query(&Filter {
            quad: Some(4),
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(
        ev[0].event.location.as_ref().map(|l| l.name.as_str()),
        Some("Nairobi")
    );
}

#[test]
fn csv_has_every_event_with_quoting() {
    let dir = tempdir("csv");
    let store = store_with_events(&dir);
    let text = export_string(&store, ExportFormat::Csv);
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let header = rdr.headers().unwrap().clone();
    assert_eq!(&header[0], "event_id");
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 3);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(
        &rows[0][col("text")],
        "China and Kenya held talks, \"officials\" said."
    );
    assert_eq!(
        (
            &rows[0][col("mentions")],
            &rows[0][col("articles")],
            &rows[0][col("sources")]
        ),
        ("2", "2", "2")
    );
}

#[test]
fn gdelt_columns_are_gdelt_2_event_columns() {
    let dir = tempdir("gdelt");
    let store = store_with_events(&dir);
    let text = export_string(&store, ExportFormat::Gdelt);
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .from_reader(text.as_bytes());
    let header = rdr.headers().unwrap().clone();
    assert_eq!(header.len(), 61);
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    let talks = &rows[0];
    assert_eq!(&talks[col("SQLDATE")], "20240905");
    assert_eq!(&talks[col("MonthYear")], "202409");
    assert_eq!(
        (
            &talks[col("Actor1Code")],
            &talks[col("Actor1CountryCode")],
            &talks[col("Actor1Type1Code")]
        ),
        ("CHNGOV", "CHN", "GOV")
    );
    assert_eq!(
        (
            &talks[col("EventCode")],
            &talks[col("EventBaseCode")],
            &talks[col("EventRootCode")],
            &talks[col("QuadClass")]
        ),
        ("040", "040", "04", "1")
    );
    assert_eq!(
        (
            &talks[col("NumMentions")],
            &talks[col("NumArticles")],
            &talks[col("IsRootEvent")]
        ),
        ("2", "2", "1")
    );
    assert_eq!(&talks[col("SOURCEURL")], "http://x/a");
    let urge = &rows[1];
    assert_eq!(
        (&urge[col("EventCode")], &urge[col("EventBaseCode")]),
        ("0211", "021")
    );
    let clash = &rows[2];
    assert_eq!(
        (
            &clash[col("ActionGeo_FullName")],
            &clash[col("ActionGeo_Type")],
            &clash[col("ActionGeo_FeatureID")]
        ),
        ("Nairobi", "4", "184745")
    );
    assert_eq!(&clash[col("Actor1Type1Code")], "COP");
}

#[test]
fn icews_columns() {
    let dir = tempdir("icews");
    let store = store_with_events(&dir);
    let text = export_string(&store, ExportFormat::Icews);
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .from_reader(text.as_bytes());
    let header = rdr.headers().unwrap().clone();
    for name in [
        "Event ID",
        "Event Date",
        "Source Name",
        "Source Sectors",
        "Source Country",
        "Event Text",
        "CAMEO Code",
        "Intensity",
        "Target Name",
        "Target Sectors",
        "Target Country",
        "Story ID",
        "Sentence Number",
        "Publisher",
    ] {
        assert!(header.iter().any(|h| h == name), "{name}");
    }
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(
        (
            &rows[0][col("Source Country")],
            &rows[0][col("Source Sectors")],
            &rows[0][col("CAMEO Code")]
        ),
        ("CHN", "GOV", "040")
    );
    assert!(!rows[0][col("Event Text")].is_empty(), "CAMEO name");
    assert_eq!(
        (&rows[2][col("City")], &rows[2][col("Country")]),
        ("Nairobi", "KEN")
    );
}

#[test]
fn plover_records_are_json_lines() {
    let dir = tempdir("plover");
    let store = store_with_events(&dir);
    let text = export_string(&store, ExportFormat::Plover);
    let recs: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 3);
    assert_eq!(
        (
            recs[0]["actor"].as_str(),
            recs[0]["recipient_country"].as_str(),
            recs[0]["cameo"].as_str()
        ),
        (Some("CHNGOV"), Some("KEN"), Some("040"))
    );
    assert!(!recs[0]["event"].as_str().unwrap_or("").is_empty());
}

#[test]
fn text_export_to_a_path_is_atomic_and_filters_apply() {
    let dir = tempdir("path");
    let store = store_with_events(&dir);
    let out = dir.join("oct.csv");
    let f = Filter {
        from: chrono::NaiveDate::from_ymd_opt(2024, 10, 1),
        ..Filter::default()
    };
    let s = store.export_to_path(ExportFormat::Csv, &f, &out).unwrap();
    assert_eq!(s.events, 1, "only the clash is dated October");
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 2);
    assert!(std::fs::read_dir(&dir).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .contains(".tmp-")));
}

#[test]
fn parquet_partitions_by_month_and_pyarrow_reads_it_back() {
    let dir = tempdir("parquet");
    let store = store_with_events(&dir);
    let out = dir.join("events");
    let s = store
        .export_to_path(ExportFormat::Parquet, &Filter::default(), &out)
        .unwrap();
    assert_eq!((s.events, s.files), (3, 2));
    assert!(
        out.join("month=2024-09/part-0.parquet").is_file()
            && out.join("month=2024-10/part-0.parquet").is_file()
    );
    // Exporting over a non-empty directory is refused.
    assert!(store
        .export_to_path(ExportFormat::Parquet, &Filter::default(), &out)
        .is_err());
    let script = "import sys, pyarrow.dataset as ds\n\
        t = ds.dataset(sys.argv[1], format='parquet', partitioning='hive').to_table().sort_by('event_id')\n\
        d = t.to_pydict()\n\
        print(t.num_rows, ','.join(d['code']), ','.join(str(m) for m in d['month']), d['mentions'][0], d['lat'][2], d['lat'][0])";
    let out_py = match Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&out)
        .output()
    {
        Ok(o) => o,
        Err(_) => {
            eprintln!("skipped: python3 not available to read the Parquet back");
            return;
        }
    };
    let stderr = String::from_utf8_lossy(&out_py.stderr);
    if stderr.contains("No module named 'pyarrow'") {
        eprintln!("skipped: pyarrow not installed (pip install pyarrow)");
        return;
    }
    assert!(out_py.status.success(), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&out_py.stdout).trim(),
        "3 040,0211,145 2024-09,2024-09,2024-10 2 -1.28 None"
    );
}
