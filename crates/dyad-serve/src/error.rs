//! Every failure becomes `{"error": "..."}` with the status that says whose
//! fault it was, so API clients never have to parse HTML or plain text.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use dyad_store::StoreError;
use rusqlite::ErrorCode;

/// An API error: a status and a one-line message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }

    /// The request ran past the per-request time limit.
    pub fn timeout(limit: std::time::Duration) -> ApiError {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the request took longer than {} s and was stopped; narrow the filter",
                limit.as_secs_f64()
            ),
        )
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match &e {
            StoreError::BadFilter(_) | StoreError::UnknownFormat(_) => {
                ApiError::bad_request(e.to_string())
            }
            StoreError::Locked { .. } => {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, e.to_string())
            }
            StoreError::Sqlite { error, .. }
                if error.sqlite_error_code() == Some(ErrorCode::OperationInterrupted) =>
            {
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "the request took too long and was stopped; narrow the filter",
                )
            }
            _ => ApiError::internal(e.to_string()),
        }
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> ApiError {
        if e.sqlite_error_code() == Some(ErrorCode::OperationInterrupted) {
            return ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "the request took too long and was stopped; narrow the filter",
            );
        }
        ApiError::internal(format!("store: {e}"))
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status.as_u16(), self.message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.message }).to_string();
        let mut resp = (self.status, body).into_response();
        resp.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        resp
    }
}
