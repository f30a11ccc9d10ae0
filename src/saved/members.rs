//! A JSON object read one member at a time, so that one bad value (a key given twice, a lone
//! surrogate, a number no float holds, nesting too deep for the reader) costs that member only,
//! never the others. The scan keeps no stack: any depth is only counted.

/// The members of the JSON object `text`, in order: each key (`None` if it is not a readable
/// string) and its value's own text. `None` if `text` is not an object at all.
pub fn members(text: &str) -> Option<Vec<(Option<String>, &str)>> {
    let bytes = text.as_bytes();
    let mut at = skip_blank(bytes, 0);
    if bytes.get(at) != Some(&b'{') {
        return None;
    }
    at = skip_blank(bytes, at + 1);
    let mut members = Vec::new();
    if bytes.get(at) == Some(&b'}') {
        return (skip_blank(bytes, at + 1) == bytes.len()).then_some(members);
    }
    loop {
        let key_end = string_end(bytes, at)?;
        // Read by the engine's strict reader, already in the page (a typed serde_json reader
        // would bring serde's generic error messages, kilobytes of them, into the wasm).
        let key = hukou_engine::answers::parse_strict_within(&text[at..key_end], text.len())
            .ok()
            .and_then(|key| key.as_str().map(str::to_owned));
        at = skip_blank(bytes, key_end);
        if bytes.get(at) != Some(&b':') {
            return None;
        }
        let start = skip_blank(bytes, at + 1);
        let end = value_end(bytes, start)?;
        members.push((key, text[start..end].trim_end()));
        at = skip_blank(bytes, end);
        match bytes.get(at) {
            Some(b',') => at = skip_blank(bytes, at + 1),
            Some(b'}') if skip_blank(bytes, at + 1) == bytes.len() => return Some(members),
            _ => return None,
        }
    }
}

fn skip_blank(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|b| b" \t\n\r".contains(b)) {
        at += 1;
    }
    at
}

/// Where the string starting at `at` ends (after its closing quote).
fn string_end(bytes: &[u8], at: usize) -> Option<usize> {
    if bytes.get(at) != Some(&b'"') {
        return None;
    }
    let mut i = at + 1;
    loop {
        match bytes.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// Where the value starting at `at` ends: a string, an object or array (brackets counted, strings
/// skipped), or a bare word or number (up to the next `,` or `}`).
fn value_end(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at)? {
        b'"' => string_end(bytes, at),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = at;
            loop {
                match bytes.get(i)? {
                    b'"' => {
                        i = string_end(bytes, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            let len = bytes[at..].iter().position(|b| b",}".contains(b))?;
            (len > 0).then_some(at + len)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::members;

    #[test]
    fn each_member_is_read_apart_so_one_bad_value_spares_the_rest() {
        let text = r#"{"a": 1, "b": "\ud800", "a": 2, "c": 1e400, "d": [[[[]]]], "e": {"f": "}"}}"#;
        let got = members(text).unwrap();
        let keys: Vec<_> = got.iter().map(|(k, _)| k.clone().unwrap()).collect();
        assert_eq!(keys, ["a", "b", "a", "c", "d", "e"]);
        assert_eq!(got[3].1, "1e400");
        assert_eq!(got[5].1, r#"{"f": "}"}"#);
    }

    #[test]
    fn what_is_not_an_object_is_not_read() {
        for text in [
            "",
            "[]",
            "{",
            r#"{"a" 1}"#,
            r#"{"a": }"#,
            r#"{"a": 1} x"#,
            r#"{"a": [1}"#,
        ] {
            assert!(members(text).is_none(), "{text}");
        }
        assert_eq!(members(" { } ").unwrap(), vec![]);
        let deep = format!(r#"{{"x": {}{}, "y": 1}}"#, "[".repeat(300), "]".repeat(300));
        assert_eq!(members(&deep).unwrap().len(), 2);
    }
}
