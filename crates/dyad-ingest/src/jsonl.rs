//! JSON Lines: one `{"id", "text", "date"?, "title"?, "url"?, "source"?}`
//! object per line.

use chrono::NaiveDate;
use dyad_model::Document;
use serde_json::Value;

use crate::{
    build_document, decode, file_name, DocumentParts, IngestError, IngestOptions, Warning,
};

/// Reads every non-blank line. A line that is not a usable document is a
/// warning naming `file:line` and is skipped, or with `strict` the error.
pub(crate) fn read_json_lines(
    name: &str,
    text: &str,
    opts: &IngestOptions,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<Document>, IngestError> {
    let base = file_name(name);
    let mut docs = Vec::new();
    let warnings_before = warnings.len();
    for (index, line) in text.split('\n').enumerate() {
        let line_no = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let origin = format!("{name}:{line_no}");
        match parse_line(line, &origin, &format!("{base}:{line_no}"), warnings) {
            Ok(parts) if parts.text.trim().is_empty() => warnings.push(Warning {
                origin,
                message: "empty \"text\"; line skipped".to_string(),
            }),
            Ok(parts) => docs.push(build_document(parts, opts)),
            Err(message) => {
                if opts.strict {
                    return Err(IngestError::Malformed { origin, message });
                }
                warnings.push(Warning {
                    origin,
                    message: format!("{message}; line skipped"),
                });
            }
        }
    }
    if docs.is_empty() && warnings.len() == warnings_before {
        warnings.push(Warning {
            origin: name.to_string(),
            message: "no documents".to_string(),
        });
    }
    Ok(docs)
}

fn optional_string(obj: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    match obj.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

/// `YYYY-MM-DD`, also as the date part of a timestamp (`2024-09-05T10:00Z`).
pub(crate) fn parse_given_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().or_else(|| {
        let rest = s.get(10..)?;
        let day = s.get(..10).filter(|_| rest.starts_with(['T', ' ']))?;
        NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
    })
}

fn parse_line(
    line: &str,
    origin: &str,
    default_id: &str,
    warnings: &mut Vec<Warning>,
) -> Result<DocumentParts, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let Value::Object(obj) = value else {
        return Err("expected a JSON object".to_string());
    };
    let text = match obj.get("text") {
        Some(Value::String(s)) => decode::normalise(s),
        Some(_) => return Err("\"text\" is not a string".to_string()),
        None => return Err("missing \"text\"".to_string()),
    };
    let given_date = match obj.get("date") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(v) => {
            let parsed = v.as_str().and_then(parse_given_date);
            if parsed.is_none() {
                warnings.push(Warning {
                    origin: origin.to_string(),
                    message: format!(
                        "invalid date {v} (want YYYY-MM-DD); using the date in the text"
                    ),
                });
            }
            parsed
        }
    };
    Ok(DocumentParts {
        id: optional_string(&obj, "id").unwrap_or_else(|| default_id.to_string()),
        origin: origin.to_string(),
        text,
        title: optional_string(&obj, "title").map(|t| decode::normalise(&t)),
        url: optional_string(&obj, "url"),
        source: optional_string(&obj, "source"),
        given_date,
        forced: Vec::new(),
    })
}
