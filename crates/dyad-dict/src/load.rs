//! Loading dictionaries from files and directories (the `--dict PATH` contract).

use std::path::{Path, PathBuf};

use crate::actors::ActorDictionary;
use crate::agents::AgentDictionary;
use crate::discards::DiscardList;
use crate::error::{DictError, DictWarning};
use crate::issues::IssueDictionary;
use crate::lines::logical_lines;
use crate::ontology::CodingOntology;
use crate::source::DictionaryFile;
use crate::verbs::VerbDictionary;

/// The kind of a dictionary file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DictKind {
    Verbs,
    Actors,
    Agents,
    Discards,
    Issues,
    /// A coding ontology (`*Coding.Ontology*`): what negated codes mean.
    Ontology,
}

/// Everything the coder needs, merged over the loaded files.
#[derive(Debug, Clone)]
pub struct Dictionaries {
    /// `None` when no verb file was loaded.
    pub verbs: Option<VerbDictionary>,
    pub actors: ActorDictionary,
    pub agents: AgentDictionary,
    pub discards: DiscardList,
    /// `None` when no issue file was loaded.
    pub issues: Option<IssueDictionary>,
    /// `None` when no ontology was loaded: negated verbs then code nothing.
    pub ontology: Option<CodingOntology>,
    /// Files read, with their kind, in order.
    pub files: Vec<(PathBuf, DictKind)>,
    /// Problems PETRARCH tolerates (see [`DictWarning`]).
    pub warnings: Vec<DictWarning>,
}

impl Dictionaries {
    fn empty() -> Self {
        Dictionaries {
            verbs: None,
            actors: ActorDictionary::new(),
            agents: AgentDictionary::new(),
            discards: DiscardList::new(),
            issues: None,
            ontology: None,
            files: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// The kind named by a file name: `actors`, `agents`, `discards`, `issues`/`IssueCoding`,
/// then `verbs`/`CAMEO` (checked last because `CAMEO.EthnicGroups.actors.txt` is an actor
/// file). XML files are never dictionaries.
pub fn kind_from_name(path: &Path) -> Option<DictKind> {
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    if name.ends_with(".xml") {
        return None;
    }
    if name.contains("actor") {
        Some(DictKind::Actors)
    } else if name.contains("agent") {
        Some(DictKind::Agents)
    } else if name.contains("discard") {
        Some(DictKind::Discards)
    } else if name.contains("issue") {
        Some(DictKind::Issues)
    } else if name.contains("ontology") {
        Some(DictKind::Ontology)
    } else if name.contains("verb") || name.contains("cameo") {
        Some(DictKind::Verbs)
    } else {
        None
    }
}

/// Guesses the kind from content: verb block headers, `<ISSUE`, agent codes `[~X]`/`[X~]` or
/// substitution markers, actor codes `[X]`; plain phrase lists are discards.
pub fn detect_kind_from_content(src: &str) -> Option<DictKind> {
    let lines = logical_lines(src);
    if lines.is_empty() {
        return None;
    }
    let (mut verb, mut issue, mut agent, mut coded) = (0, 0, 0, 0);
    for l in &lines {
        let t = l.text;
        if t.starts_with("---") && t.contains('[') {
            verb += 1;
        } else if t.starts_with("<ISSUE") {
            issue += 1;
        } else if t.contains("[~") || t.contains("~]") || (t.starts_with('!') && t.contains('=')) {
            agent += 1;
        } else if t.contains('[') {
            coded += 1;
        }
    }
    if verb > 0 {
        Some(DictKind::Verbs)
    } else if issue > 0 {
        Some(DictKind::Issues)
    } else if agent > 0 && agent * 2 >= coded {
        Some(DictKind::Agents)
    } else if coded > 0 {
        Some(DictKind::Actors)
    } else if lines
        .iter()
        .all(|l| !l.text.contains(['[', ']', '{', '}', '<']))
    {
        Some(DictKind::Discards)
    } else {
        None
    }
}

/// The default dictionary set inside `data_dir` (e.g. `/work/shared/data/petrarch2`):
/// `CAMEO.2.0.txt`, the three Phoenix actor files, `Phoenix.agents.txt`,
/// `Phoenix.discards.txt` and `Phoenix.IssueCoding.txt`.
pub fn default_paths(data_dir: &Path) -> Vec<PathBuf> {
    [
        "CAMEO.2.0.txt",
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "Phoenix.agents.txt",
        "Phoenix.discards.txt",
        "Phoenix.IssueCoding.txt",
    ]
    .iter()
    .map(|f| data_dir.join(f))
    .collect()
}

fn read(path: &Path) -> Result<String, DictError> {
    let bytes = std::fs::read(path).map_err(|source| DictError::Io {
        file: path.display().to_string(),
        source,
    })?;
    // Some dictionaries carry stray Latin-1 bytes; replace rather than refuse.
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

/// Loads dictionary files and directories. A file's kind comes from its name (see
/// [`kind_from_name`]) or, failing that, its content; a directory contributes every file
/// whose name names a kind (others, subdirectories and XML are ignored). Actor, agent,
/// discard and issue files are merged; verb files must share one format.
pub fn load(paths: &[PathBuf]) -> Result<Dictionaries, DictError> {
    let mut files: Vec<(PathBuf, DictKind, Option<String>)> = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| DictError::Io {
            file: path.display().to_string(),
            source,
        })?;
        if meta.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|source| DictError::Io {
                file: path.display().to_string(),
                source,
            })?;
            let mut found: Vec<PathBuf> = Vec::new();
            for entry in entries {
                let entry = entry.map_err(|source| DictError::Io {
                    file: path.display().to_string(),
                    source,
                })?;
                let p = entry.path();
                if p.is_file() && kind_from_name(&p).is_some() {
                    found.push(p);
                }
            }
            found.sort();
            for p in found {
                if let Some(kind) = kind_from_name(&p) {
                    files.push((p, kind, None));
                }
            }
        } else {
            match kind_from_name(path) {
                Some(kind) => files.push((path.clone(), kind, None)),
                None => {
                    let src = read(path)?;
                    let kind =
                        detect_kind_from_content(&src).ok_or_else(|| DictError::UnknownKind {
                            file: path.display().to_string(),
                        })?;
                    files.push((path.clone(), kind, Some(src)));
                }
            }
        }
    }
    load_collected(files)
}

/// dyad's default dictionaries, compiled into the binary so that `dyad`
/// runs anywhere without its source tree: the PETRARCH-2 verbs and Phoenix
/// actors/agents/discards (MIT, see NOTICE) and dyad's own current-leaders
/// file, which updates the 2014 Phoenix actors.
pub fn embedded() -> Result<Dictionaries, DictError> {
    macro_rules! file {
        ($name:literal, $kind:expr) => {
            (
                PathBuf::from(concat!("<embedded>/", $name)),
                $kind,
                Some(include_str!(concat!("../data/", $name)).to_string()),
            )
        };
    }
    load_collected(vec![
        file!("CAMEO.2.0.txt", DictKind::Verbs),
        file!("dyad.verbs.txt", DictKind::Verbs),
        // dyad's leaders come first: for a name in both, the first entry's
        // dated codes are tried first, and these are the current ones.
        file!("dyad.leaders.actors.txt", DictKind::Actors),
        file!("Phoenix.Countries.actors.txt", DictKind::Actors),
        file!("Phoenix.International.actors.txt", DictKind::Actors),
        file!("Phoenix.MilNonState.actors.txt", DictKind::Actors),
        file!("dyad.organisations.actors.txt", DictKind::Actors),
        file!("Phoenix.agents.txt", DictKind::Agents),
        file!("dyad.agents.txt", DictKind::Agents),
        file!("Phoenix.discards.txt", DictKind::Discards),
        // What a negated code means ("did not ease sanctions" is a refusal to
        // yield, 1244), as UD-PETRARCH's coders defined it.
        file!("PETR.Internal.Coding.Ontology.txt", DictKind::Ontology),
    ])
}

fn load_collected(
    files: Vec<(PathBuf, DictKind, Option<String>)>,
) -> Result<Dictionaries, DictError> {
    // Each kind is read on its own thread (files of one kind in order, since merging is
    // order-sensitive): the actor files dominate, and the rest overlaps with them.
    let mut dicts = Dictionaries::empty();
    let by_kind = |kind: DictKind| -> Vec<(usize, PathBuf, Option<String>)> {
        files
            .iter()
            .enumerate()
            .filter(|(_, (_, k, _))| *k == kind)
            .map(|(i, (p, _, s))| (i, p.clone(), s.clone()))
            .collect()
    };
    let (actors, agents, discards, issues, verbs) = std::thread::scope(|scope| {
        let actors = scope.spawn(|| {
            read_kind(
                by_kind(DictKind::Actors),
                ActorDictionary::new(),
                |d, src, name, w| d.add_source(src, name, w),
            )
        });
        let agents = scope.spawn(|| {
            read_kind(
                by_kind(DictKind::Agents),
                AgentDictionary::new(),
                |d, src, name, w| d.add_source(src, name, w),
            )
        });
        let discards = scope.spawn(|| {
            read_kind(
                by_kind(DictKind::Discards),
                DiscardList::new(),
                |d, src, name, w| d.add_source(src, name, w),
            )
        });
        let issues = scope.spawn(|| {
            read_kind(
                by_kind(DictKind::Issues),
                None,
                |d: &mut Option<IssueDictionary>, src, name, w| {
                    d.get_or_insert_with(IssueDictionary::new)
                        .add_source(src, name, w)
                },
            )
        });
        let verbs = read_kind(
            by_kind(DictKind::Verbs),
            None,
            |d: &mut Option<VerbDictionary>, src, name, w| {
                let format = VerbDictionary::detect_format(src);
                let verbs = d.get_or_insert_with(|| VerbDictionary::new(format));
                if verbs.format != format {
                    return Err(DictError::Incompatible {
                    file: name.to_string(),
                    message: format!(
                        "verb file in {format:?} format cannot be merged with a {:?} verb dictionary",
                        verbs.format
                    ),
                });
                }
                verbs.add_source(src, name, w)
            },
        );
        fn join<D>(h: std::thread::ScopedJoinHandle<'_, KindResult<D>>) -> KindResult<D> {
            h.join().unwrap_or_else(|_| {
                Err((
                    usize::MAX,
                    DictError::Incompatible {
                        file: String::new(),
                        message: "dictionary reader thread panicked".into(),
                    },
                ))
            })
        }
        (
            join(actors),
            join(agents),
            join(discards),
            join(issues),
            verbs,
        )
    });
    // Report the error of the earliest file, like a sequential load would.
    let mut errors: Vec<(usize, DictError)> = Vec::new();
    let mut warnings: Vec<(usize, Vec<DictWarning>)> = Vec::new();
    macro_rules! take {
        ($r:expr, $slot:expr) => {
            match $r {
                Ok((d, w)) => {
                    $slot = d;
                    warnings.extend(w);
                }
                Err(e) => errors.push(e),
            }
        };
    }
    take!(actors, dicts.actors);
    take!(agents, dicts.agents);
    take!(discards, dicts.discards);
    take!(issues, dicts.issues);
    take!(verbs, dicts.verbs);
    take!(
        read_kind(
            by_kind(DictKind::Ontology),
            None,
            |d: &mut Option<CodingOntology>, src, name, w| {
                d.get_or_insert_with(CodingOntology::default)
                    .add_source(src, name, w)
            },
        ),
        dicts.ontology
    );
    if !errors.is_empty() {
        errors.sort_by_key(|(i, _)| *i);
        if let Some((_, e)) = errors.into_iter().next() {
            return Err(e);
        }
    }
    warnings.sort_by_key(|(i, _)| *i);
    dicts.warnings = warnings.into_iter().flat_map(|(_, w)| w).collect();
    dicts.files = files.into_iter().map(|(p, k, _)| (p, k)).collect();
    Ok(dicts)
}

type KindResult<D> = Result<(D, Vec<(usize, Vec<DictWarning>)>), (usize, DictError)>;

/// Reads the files of one kind in order into `dict`.
fn read_kind<D>(
    files: Vec<(usize, PathBuf, Option<String>)>,
    mut dict: D,
    mut add: impl FnMut(&mut D, &str, &str, &mut Vec<DictWarning>) -> Result<(), DictError>,
) -> KindResult<D> {
    let mut warnings = Vec::new();
    for (order, path, src) in files {
        let src = match src {
            Some(s) => s,
            None => read(&path).map_err(|e| (order, e))?,
        };
        let name = path.display().to_string();
        let mut w = Vec::new();
        add(&mut dict, &src, &name, &mut w).map_err(|e| (order, e))?;
        warnings.push((order, w));
    }
    Ok((dict, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_names() {
        let k = |n: &str| kind_from_name(Path::new(n));
        assert_eq!(k("CAMEO.2.0.txt"), Some(DictKind::Verbs));
        assert_eq!(k("PETR_Validate_verbs_2_02.txt"), Some(DictKind::Verbs));
        assert_eq!(k("CAMEO.EthnicGroups.actors.txt"), Some(DictKind::Actors));
        assert_eq!(k("Phoenix.agents.txt"), Some(DictKind::Agents));
        assert_eq!(k("Phoenix.discards.txt"), Some(DictKind::Discards));
        assert_eq!(k("Phoenix.IssueCoding.txt"), Some(DictKind::Issues));
        assert_eq!(k("PETR_Validate_records_2_02.xml"), None);
        assert_eq!(
            k("PETR.Internal.Coding.Ontology.txt"),
            Some(DictKind::Ontology)
        );
        assert_eq!(k("Phoenix.prepositions.txt"), None);
    }

    #[test]
    fn kinds_from_content() {
        assert_eq!(
            detect_kind_from_content("--- A [01] ---\nA\n"),
            Some(DictKind::Verbs)
        );
        assert_eq!(
            detect_kind_from_content("<ISSUE CATEGORY=\"X\">\n"),
            Some(DictKind::Issues)
        );
        assert_eq!(
            detect_kind_from_content("POLICE [~COP]\n"),
            Some(DictKind::Agents)
        );
        assert_eq!(
            detect_kind_from_content("KENYA [KEN]\n+KENYAN\n"),
            Some(DictKind::Actors)
        );
        assert_eq!(
            detect_kind_from_content("BASEBALL\n+ESPN\n"),
            Some(DictKind::Discards)
        );
        assert_eq!(detect_kind_from_content("# only comments\n"), None);
    }
}
