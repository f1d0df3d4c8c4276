//! Scoring a coder against records: per-record pass/fail and the event
//! tallies PETRARCH's validators print (correct, uncoded, extra, null).

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::{Coding, Record};

/// How [`score_with`] treats records and coded events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreOptions {
    /// Skip records whose category is not in the file's `<Include>` list, as
    /// PETRARCH-1 and UD-PETRARCH do. Default true.
    pub honour_include: bool,
    /// Drop coded events with a null (`---`) source or target before
    /// comparing, as UD-PETRARCH's English validation does for compatibility
    /// with PETRARCH-2 figures. Default false, because the unit-test records
    /// do expect some null-actor events.
    pub drop_null_actor_events: bool,
}

impl Default for ScoreOptions {
    fn default() -> Self {
        ScoreOptions {
            honour_include: true,
            drop_null_actor_events: false,
        }
    }
}

/// The result for one evaluated record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub id: String,
    pub category: String,
    /// The set of codings equals the expected set (empty when none expected).
    pub passed: bool,
    /// Expected codings, normalised, distinct, sorted.
    pub expected: Vec<Coding>,
    /// Coded events, normalised, distinct, sorted, null events removed.
    pub got: Vec<Coding>,
    pub line: usize,
    /// Expected events that were coded.
    pub found: usize,
    /// Expected events that were not coded.
    pub missed: usize,
    /// Coded events that were not expected.
    pub extra: usize,
    /// Coded events with a null event code (`---`), left out of `got`.
    pub null_events: usize,
}

/// Totals over a group of evaluated records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CategoryTally {
    pub records: usize,
    pub passed: usize,
    pub failed: usize,
    pub expected_events: usize,
    pub found: usize,
    pub missed: usize,
    pub extra: usize,
    pub null_events: usize,
    /// Distinct non-null coded events (found + extra).
    pub coded: usize,
}

impl CategoryTally {
    fn add(&mut self, o: &Outcome) {
        self.records += 1;
        if o.passed {
            self.passed += 1;
        } else {
            self.failed += 1;
        }
        self.expected_events += o.expected.len();
        self.found += o.found;
        self.missed += o.missed;
        self.extra += o.extra;
        self.null_events += o.null_events;
        self.coded += o.got.len();
    }
}

/// Records that were not scored, by reason (a record counts once, under
/// the first reason that applies, in this order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SkipCounts {
    /// `evaluate="false"`, `sentence="false"`, `valid="false"` or `<Skip>`.
    pub not_evaluated: usize,
    /// Category outside the file's `<Include>` list.
    pub not_included: usize,
    /// No expected codings and no `noevents` mark.
    pub unannotated: usize,
}

impl SkipCounts {
    pub fn total(&self) -> usize {
        self.not_evaluated + self.not_included + self.unannotated
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    pub outcomes: Vec<Outcome>,
    /// Per category, in order of first appearance in the file.
    pub categories: Vec<(String, CategoryTally)>,
    pub total: CategoryTally,
    pub skipped: SkipCounts,
}

impl Report {
    pub fn passed(&self) -> usize {
        self.total.passed
    }

    pub fn failed(&self) -> usize {
        self.total.failed
    }

    /// Share of expected events coded (PETRARCH's "Correct"/TP %:
    /// correct / (correct + uncoded)). `None` when nothing was expected.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.total.found, self.total.expected_events)
    }

    /// Extra events per evaluated record, as UD-PETRARCH's validator states
    /// its "Extra"/FP percentage (extra / records).
    pub fn extra_per_record(&self) -> Option<f64> {
        ratio(self.total.extra, self.total.records)
    }

    /// Share of coded events that were not expected (1 − precision).
    pub fn extra_share_of_coded(&self) -> Option<f64> {
        ratio(self.total.extra, self.total.coded)
    }

    /// A per-category table, event figures, skip counts, and as the last
    /// line exactly `N passed, M failed`.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let width = self
            .categories
            .iter()
            .map(|(c, _)| display_category(c).len())
            .chain([8])
            .max()
            .unwrap_or(8);
        let _ = writeln!(
            out,
            "{:<width$} {:>7} {:>6} {:>6} {:>8} {:>6} {:>6} {:>6} {:>5}",
            "category",
            "records",
            "passed",
            "failed",
            "expected",
            "found",
            "missed",
            "extra",
            "null"
        );
        let row = |out: &mut String, name: &str, t: &CategoryTally| {
            let _ = writeln!(
                out,
                "{:<width$} {:>7} {:>6} {:>6} {:>8} {:>6} {:>6} {:>6} {:>5}",
                name,
                t.records,
                t.passed,
                t.failed,
                t.expected_events,
                t.found,
                t.missed,
                t.extra,
                t.null_events
            );
        };
        for (cat, t) in &self.categories {
            row(&mut out, display_category(cat), t);
        }
        row(&mut out, "total", &self.total);
        let pct =
            |r: Option<f64>| r.map_or_else(|| "n/a".to_string(), |v| format!("{:.1}%", v * 100.0));
        let _ = writeln!(
            out,
            "events: found {} of {} expected ({}), {} extra ({} of records, {} of coded), {} null",
            self.total.found,
            self.total.expected_events,
            pct(self.recall()),
            self.total.extra,
            pct(self.extra_per_record()),
            pct(self.extra_share_of_coded()),
            self.total.null_events
        );
        let s = &self.skipped;
        let _ = writeln!(
            out,
            "skipped: {} ({} not evaluated, {} category not included, {} unannotated)",
            s.total(),
            s.not_evaluated,
            s.not_included,
            s.unannotated
        );
        let _ = write!(out, "{} passed, {} failed", self.passed(), self.failed());
        out
    }
}

fn display_category(c: &str) -> &str {
    if c.is_empty() {
        "(none)"
    } else {
        c
    }
}

fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// Scores `code` on every evaluable record with [`ScoreOptions::default`].
pub fn score(records: &[Record], code: impl Fn(&Record) -> Vec<Coding>) -> Report {
    score_with(records, &ScoreOptions::default(), code)
}

/// Scores `code` on every evaluable record. A record passes when the set of
/// coded (source, target, code) triples, after [`Coding::normalised`] and
/// without null events, equals the expected set; a record expecting no
/// event passes when nothing (non-null) is coded.
pub fn score_with(
    records: &[Record],
    options: &ScoreOptions,
    code: impl Fn(&Record) -> Vec<Coding>,
) -> Report {
    let mut report = Report::default();
    for record in records {
        if !record.evaluate {
            report.skipped.not_evaluated += 1;
            continue;
        }
        if options.honour_include && !record.included {
            report.skipped.not_included += 1;
            continue;
        }
        if !record.is_annotated() {
            report.skipped.unannotated += 1;
            continue;
        }
        let outcome = judge(record, code(record), options);
        report.total.add(&outcome);
        match report
            .categories
            .iter_mut()
            .find(|(c, _)| *c == record.category)
        {
            Some((_, t)) => t.add(&outcome),
            None => {
                let mut t = CategoryTally::default();
                t.add(&outcome);
                report.categories.push((record.category.clone(), t));
            }
        }
        report.outcomes.push(outcome);
    }
    report
}

fn judge(record: &Record, coded: Vec<Coding>, options: &ScoreOptions) -> Outcome {
    let expected: BTreeSet<Coding> = if record.expects_none {
        BTreeSet::new()
    } else {
        record.expected.iter().map(Coding::normalised).collect()
    };
    let mut null_events = 0;
    let mut got = BTreeSet::new();
    for c in coded {
        let c = c.normalised();
        if c.is_null_event() {
            null_events += 1;
        } else if !(options.drop_null_actor_events && c.has_null_actor()) {
            got.insert(c);
        }
    }
    let found = expected.intersection(&got).count();
    Outcome {
        id: record.id.clone(),
        category: record.category.clone(),
        passed: expected == got,
        missed: expected.len() - found,
        extra: got.len() - found,
        found,
        null_events,
        line: record.line,
        expected: expected.into_iter().collect(),
        got: got.into_iter().collect(),
    }
}
