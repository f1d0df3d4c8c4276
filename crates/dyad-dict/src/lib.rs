//! Readers for the PETRARCH / TABARI event-coding dictionaries, compiled into fast matchers.
//!
//! * [`VerbDictionary`]: PETRARCH-2 verb files (`CAMEO.2.0.txt`) and PETRARCH-1 / TABARI
//!   linear pattern files (`CAMEO.verbpatterns.150430.txt`), synsets, generated verb forms.
//! * [`ActorDictionary`]: actors with synonyms and dated codes.
//! * [`AgentDictionary`]: role nouns (`[~GOV]`), plurals and `!PERSON!` substitutions.
//! * [`DiscardList`]: sentence- and story-level discard phrases.
//! * [`IssueDictionary`]: issue phrases with `n:`/`v:`/`+` expansions.
//! * [`CodingOntology`]: UD-PETRARCH's ontology, for what a negated code means.
//!
//! Phrase lookups go through a word trie over interned lowercase words, so matching a
//! sentence is one pass of hash lookups. [`load`] reads files or directories, recognising the
//! kind of each file from its name (or content).

mod actors;
mod agents;
mod discards;
mod error;
mod intern;
mod issues;
mod lines;
mod load;
mod ontology;
mod source;
mod verbs;

pub use actors::{parse_dict_date, ActorDictionary, ActorEntry, DateRange, DatedCode};
pub use agents::{AgentDictionary, AgentEntry, AgentPlacement};
pub use discards::{Discard, DiscardLevel, DiscardList, DiscardMatch};
pub use error::{DictError, DictWarning};
pub use intern::{Code, FastHasher, FastMap, Vocab};
pub use issues::{IssueCategory, IssueDictionary, IssueKind, IssueMatch, IssuePhrase};
pub use load::{
    default_paths, detect_kind_from_content, embedded, kind_from_name, load, DictKind, Dictionaries,
};
pub use ontology::CodingOntology;
pub use source::DictionaryFile;
pub use verbs::{
    CodeSpec, PatternToken, Synset, SynsetId, SynsetMember, TransformArg, TransformEvent,
    Transformation, VerbBlock, VerbDictionary, VerbEntry, VerbForm, VerbFormat, VerbPattern,
};
