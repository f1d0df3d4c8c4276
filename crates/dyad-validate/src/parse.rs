//! The `<Parse>` of a record: a Penn Treebank bracketing (petrarch2 files)
//! or CoNLL-U rows (universal-petrarch files), and its tokens.

use crate::ValidateError;

/// A record's own parse, kept as written so a coder can use the tree itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parse {
    /// Penn Treebank II bracketing, e.g. `(ROOT (S (NP (NNP Arnor)) ...))`.
    Penn(String),
    /// CoNLL-U rows (10 tab-separated columns), as produced by UDPipe.
    Conllu(String),
}

/// One word of a parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub word: String,
    /// The Penn tag of a tree leaf, or the UPOS column of a CoNLL-U row.
    pub tag: String,
    /// CoNLL-U HEAD (1-based token number, 0 = root); `None` for Penn trees.
    pub head: Option<usize>,
    /// CoNLL-U DEPREL; `None` for Penn trees.
    pub deprel: Option<String>,
    /// CoNLL-U LEMMA, when given (not `_`).
    pub lemma: Option<String>,
    /// CoNLL-U XPOS (a Penn tag in these files), when given.
    pub xpos: Option<String>,
}

impl Parse {
    /// Guesses the notation from the content: a tree starts with `(`,
    /// CoNLL-U rows have tabs. `None` when it is neither (empty, prose).
    pub fn detect(content: &str) -> Option<Parse> {
        let trimmed = content.trim();
        if trimmed.starts_with('(') {
            Some(Parse::Penn(trimmed.to_string()))
        } else if trimmed.lines().any(|l| l.contains('\t')) {
            // Keep the rows exactly; only surrounding blank lines go.
            Some(Parse::Conllu(
                content.trim_matches(['\n', '\r', ' ']).to_string(),
            ))
        } else {
            None
        }
    }

    pub fn text(&self) -> &str {
        match self {
            Parse::Penn(s) | Parse::Conllu(s) => s,
        }
    }

    /// The words in order: leaves of the tree, or the word rows of CoNLL-U
    /// (multi-word ranges `3-4` and empty nodes `5.1` are left out, so HEAD
    /// numbers index this list 1-based). Errors name the line within the
    /// parse text (1-based); add the record's `parse_line - 1` for the file line.
    pub fn tokens(&self) -> Result<Vec<Token>, ValidateError> {
        match self {
            Parse::Penn(s) => penn_tokens(s),
            Parse::Conllu(s) => conllu_tokens(s),
        }
    }
}

fn bad(line: usize, message: impl Into<String>) -> ValidateError {
    ValidateError::BadParse {
        line,
        message: message.into(),
    }
}

enum PennPiece<'a> {
    Open,
    Close,
    Atom(&'a str),
}

fn penn_pieces(s: &str) -> Vec<(PennPiece<'_>, usize)> {
    let mut pieces = Vec::new();
    for (line_no, line) in s.lines().enumerate() {
        let mut rest = line;
        while !rest.is_empty() {
            rest = rest.trim_start();
            if let Some(r) = rest.strip_prefix('(') {
                pieces.push((PennPiece::Open, line_no + 1));
                rest = r;
            } else if let Some(r) = rest.strip_prefix(')') {
                pieces.push((PennPiece::Close, line_no + 1));
                rest = r;
            } else if !rest.is_empty() {
                let end = rest
                    .find(|c: char| c.is_whitespace() || c == '(' || c == ')')
                    .unwrap_or(rest.len());
                pieces.push((PennPiece::Atom(&rest[..end]), line_no + 1));
                rest = &rest[end..];
            }
        }
    }
    pieces
}

/// A leaf is `(TAG word)`: an opening bracket, two atoms, a closing bracket.
/// Everything else is structure. `-NONE-` traces are not words.
fn penn_tokens(s: &str) -> Result<Vec<Token>, ValidateError> {
    let pieces = penn_pieces(s);
    let mut tokens = Vec::new();
    let mut depth: usize = 0;
    let mut i = 0;
    while i < pieces.len() {
        let (piece, line) = &pieces[i];
        match piece {
            PennPiece::Open => {
                if let (
                    Some((PennPiece::Atom(tag), _)),
                    Some((PennPiece::Atom(word), _)),
                    Some((PennPiece::Close, _)),
                ) = (pieces.get(i + 1), pieces.get(i + 2), pieces.get(i + 3))
                {
                    if *tag != "-NONE-" {
                        tokens.push(Token {
                            word: (*word).to_string(),
                            tag: (*tag).to_string(),
                            head: None,
                            deprel: None,
                            lemma: None,
                            xpos: None,
                        });
                    }
                    i += 4;
                    continue;
                }
                depth += 1;
            }
            PennPiece::Close => {
                depth = depth
                    .checked_sub(1)
                    .ok_or_else(|| bad(*line, "')' without a matching '('"))?;
            }
            PennPiece::Atom(atom) => {
                // A label right after '(' is fine; a bare word elsewhere is a
                // word without a tag.
                let after_open = i > 0 && matches!(pieces[i - 1].0, PennPiece::Open);
                if !after_open {
                    return Err(bad(
                        *line,
                        format!("word {atom:?} outside a (TAG word) leaf"),
                    ));
                }
            }
        }
        i += 1;
    }
    if depth != 0 {
        let line = pieces.last().map_or(1, |p| p.1);
        return Err(bad(line, format!("{depth} '(' never closed")));
    }
    if tokens.is_empty() {
        return Err(bad(1, "tree has no (TAG word) leaves"));
    }
    Ok(tokens)
}

fn conllu_tokens(s: &str) -> Result<Vec<Token>, ValidateError> {
    let mut tokens = Vec::new();
    for (line_no, line) in s.lines().enumerate() {
        let line_no = line_no + 1;
        let row = line.trim_end_matches('\r');
        if row.trim().is_empty() || row.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.len() != 10 {
            return Err(bad(
                line_no,
                format!("expected 10 tab-separated columns, found {}", cols.len()),
            ));
        }
        let id = cols[0].trim();
        if id.contains('-') || id.contains('.') {
            continue; // multi-word token range or empty node
        }
        let number: usize = id
            .parse()
            .map_err(|_| bad(line_no, format!("ID {id:?} is not a number")))?;
        if number != tokens.len() + 1 {
            return Err(bad(
                line_no,
                format!(
                    "ID {number} out of sequence (expected {})",
                    tokens.len() + 1
                ),
            ));
        }
        let opt = |c: &str| (c != "_" && !c.is_empty()).then(|| c.to_string());
        let head = match cols[6].trim() {
            "_" | "" => None,
            h => Some(
                h.parse::<usize>()
                    .map_err(|_| bad(line_no, format!("HEAD {h:?} is not a number")))?,
            ),
        };
        tokens.push(Token {
            word: cols[1].to_string(),
            tag: cols[3].to_string(),
            head,
            deprel: opt(cols[7]),
            lemma: opt(cols[2]),
            xpos: opt(cols[4]),
        });
    }
    if tokens.is_empty() {
        return Err(bad(1, "no CoNLL-U word rows"));
    }
    if let Some((i, t)) = tokens
        .iter()
        .enumerate()
        .find(|(_, t)| t.head.is_some_and(|h| h > tokens.len()))
    {
        return Err(bad(
            i + 1,
            format!("HEAD {:?} beyond the {} tokens", t.head, tokens.len()),
        ));
    }
    Ok(tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn penn_leaves_in_order() {
        let tree = "( (S\n  (NP (NNP Arnor) )\n  (VP (VBD met) (NP (NNP Gondor)))\n  (. .)))";
        let p = Parse::detect(tree).expect("detected");
        assert!(matches!(p, Parse::Penn(_)));
        let toks = p.tokens().expect("tokens");
        let pairs: Vec<(&str, &str)> = toks
            .iter()
            .map(|t| (t.word.as_str(), t.tag.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("Arnor", "NNP"),
                ("met", "VBD"),
                ("Gondor", "NNP"),
                (".", ".")
            ]
        );
        assert!(toks.iter().all(|t| t.head.is_none() && t.deprel.is_none()));
    }

    #[test]
    fn penn_skips_traces_and_rejects_unbalanced() {
        let toks = Parse::Penn("(S (NP (-NONE- *T*)) (VB go))".into())
            .tokens()
            .expect("ok");
        assert_eq!(toks.len(), 1);
        assert_eq!(toks[0].word, "go");
        let err = Parse::Penn("(S (NP (NN a))\n(VB b)".into())
            .tokens()
            .unwrap_err();
        assert!(err.to_string().contains("never closed"), "{err}");
        let err = Parse::Penn("(S (NN a)))\n)".into()).tokens().unwrap_err();
        assert!(
            matches!(err, ValidateError::BadParse { line: 1, .. }),
            "{err}"
        );
        let err = Parse::Penn("(S stray (NN a))".into()).tokens().unwrap_err();
        assert!(err.to_string().contains("stray"), "{err}");
    }

    #[test]
    fn conllu_rows() {
        let rows = "# sent_id = 1\n1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
                    2-3\tmet'em\t_\t_\t_\t_\t_\t_\t_\t_\n\
                    2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n\
                    3\tGondor\tGondor\tPROPN\tNNP\t_\t2\tobj\t_\t_\n";
        let p = Parse::detect(&format!("\n{rows}")).expect("detected");
        assert!(matches!(p, Parse::Conllu(_)));
        let toks = p.tokens().expect("tokens");
        assert_eq!(toks.len(), 3);
        assert_eq!(toks[1].word, "met");
        assert_eq!(toks[1].tag, "VERB");
        assert_eq!(toks[1].lemma.as_deref(), Some("meet"));
        assert_eq!(toks[1].xpos.as_deref(), Some("VBD"));
        assert_eq!(toks[1].head, Some(0));
        assert_eq!(toks[2].deprel.as_deref(), Some("obj"));
    }

    #[test]
    fn conllu_errors_name_the_line() {
        let err = Parse::Conllu("1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n2\tb\tb\tX\n".into())
            .tokens()
            .unwrap_err();
        assert!(
            matches!(err, ValidateError::BadParse { line: 2, .. }),
            "{err}"
        );
        let err = Parse::Conllu("1\ta\ta\tX\tX\t_\t7\troot\t_\t_\n".into())
            .tokens()
            .unwrap_err();
        assert!(err.to_string().contains("beyond"), "{err}");
        let err = Parse::Conllu("2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n".into())
            .tokens()
            .unwrap_err();
        assert!(err.to_string().contains("sequence"), "{err}");
    }

    #[test]
    fn detect_rejects_prose() {
        assert_eq!(Parse::detect("  just words  "), None);
        assert_eq!(Parse::detect(""), None);
    }
}
