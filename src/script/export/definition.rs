//! A table's definition as the learner wrote it, for a Python class: common indentation and
//! blank edges removed, and each `-> Parent` naming the class Python has in scope (a rhai
//! alias such as `common::Subject` or a renamed variable becomes `Subject`).

/// The definition's lines, dedented; the n-th `->` line gets `parents[n]` as its reference.
pub fn lines(definition: &str, parents: &[String]) -> Vec<String> {
    let raw: Vec<&str> = definition.lines().map(str::trim_end).collect();
    let first = raw.iter().position(|l| !l.trim().is_empty()).unwrap_or(raw.len());
    let last = raw.iter().rposition(|l| !l.trim().is_empty()).map_or(first, |i| i + 1);
    let body = &raw[first..last.max(first)];
    let indent =
        body.iter().filter(|l| !l.trim().is_empty()).map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
    let mut parents = parents.iter();
    body.iter()
        .map(|l| {
            let line = l.get(indent..).unwrap_or(l.trim_start());
            match line.trim_start().strip_prefix("->") {
                Some(rest) => match parents.next() {
                    Some(parent) => {
                        let lead = &line[..line.len() - line.trim_start().len()];
                        format!("{lead}->{}", renamed(rest, parent))
                    }
                    None => line.to_string(),
                },
                None => line.to_string(),
            }
        })
        .collect()
}

/// `rest` (after `->`) with its reference replaced by `parent`, keeping options (`[nullable]`),
/// a projection (`.proj(...)`) and any comment.
fn renamed(rest: &str, parent: &str) -> String {
    let lead = rest.len() - rest.trim_start().len();
    let mut at = lead;
    if rest[at..].starts_with('[') {
        if let Some(close) = rest[at..].find(']') {
            at += close + 1;
            at += rest[at..].len() - rest[at..].trim_start().len();
        }
    }
    let reference = &rest[at..];
    let end =
        reference.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.' || c == ':')).unwrap_or(reference.len());
    let mut name = &reference[..end];
    // `Subject.proj(` : the method is not part of the name.
    if reference[end..].starts_with('(') {
        name = name.rfind('.').map_or(name, |dot| &name[..dot]);
    }
    if name.is_empty() {
        return rest.to_string();
    }
    format!("{}{parent}{}", &rest[..at], &reference[name.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dedented_with_references_renamed() {
        let def = "\n        # blinded\n        subject_id : uuid   # id\n        ---\n        -> common::Subject.proj(actual_id=\"subject_id\")\n        -> [nullable] P  # why\n        ";
        let got = lines(def, &["Subject".into(), "MyParams".into()]);
        assert_eq!(
            got,
            [
                "# blinded",
                "subject_id : uuid   # id",
                "---",
                "-> Subject.proj(actual_id=\"subject_id\")",
                "-> [nullable] MyParams  # why"
            ]
        );
    }
}
