//! Escaping of vCard text values and parameter values, in both directions.

/// Escapes a text value (RFC 6350 §3.4). Commas and semicolons are escaped in every property,
/// not only where they separate values: escaping is always allowed, and one rule for all
/// properties cannot be got wrong for one of them. Line breaks of any style become `\n`.
pub(super) fn escape_text(value: &str) -> String {
    escape(value, true)
}

/// Escapes a URI value (URL): a URI may hold commas and semicolons as they are, so only what
/// would break the line or be misread by [`unescape_text`] is escaped.
pub(super) fn escape_uri(value: &str) -> String {
    escape(value, false)
}

fn escape(value: &str, separators: bool) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' if separators => out.push_str("\\,"),
            ';' if separators => out.push_str("\\;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Undoes text escaping. Unknown escapes (`\x`) are kept as they are, because vCard 2.1 files
/// written by hand may hold a backslash that was never meant as an escape.
pub(super) fn unescape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(e @ ('\\' | ',' | ';' | ':')) => out.push(e),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Splits a raw value at every `separator` that is not escaped with a backslash.
pub(super) fn split_unescaped(value: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in value.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == separator {
            parts.push(&value[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&value[start..]);
    parts
}

/// Writes a parameter value: caret-encoded (RFC 6868) so quotes and line breaks survive, and
/// quoted when it holds a character that would otherwise end the parameter.
pub(super) fn encode_param_value(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len() + 2);
    let mut needs_quotes = false;
    for c in value.chars() {
        match c {
            '^' => encoded.push_str("^^"),
            '\n' => encoded.push_str("^n"),
            '"' => encoded.push_str("^'"),
            '\r' => {}
            ';' | ':' | ',' | '=' | ' ' | '\t' => {
                needs_quotes = true;
                encoded.push(c);
            }
            c => encoded.push(c),
        }
    }
    if needs_quotes {
        format!("\"{encoded}\"")
    } else {
        encoded
    }
}

/// Reads a parameter value: drops surrounding quotes and undoes RFC 6868 caret encoding.
pub(super) fn decode_param_value(raw: &str) -> String {
    let unquoted = raw
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .unwrap_or(raw);
    let mut out = String::with_capacity(unquoted.len());
    let mut chars = unquoted.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '^' {
            match chars.peek() {
                Some('^') => {
                    out.push('^');
                    chars.next();
                }
                Some('n' | 'N') => {
                    out.push('\n');
                    chars.next();
                }
                Some('\'') => {
                    out.push('"');
                    chars.next();
                }
                _ => out.push('^'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn text_escapes_are_the_rfc_ones() {
        assert_eq!(
            escape_text("a\\b,c;d\ne\r\nf\rg"),
            "a\\\\b\\,c\\;d\\ne\\nf\\ng"
        );
        assert_eq!(escape_uri("https://x.org/a,b;c"), "https://x.org/a,b;c");
        assert_eq!(
            unescape_text("a\\,b\\;c\\nd\\Ne\\\\f\\:g"),
            "a,b;c\nd\ne\\f:g"
        );
    }

    #[test]
    fn stray_backslashes_are_kept() {
        assert_eq!(unescape_text("C:\\Users\\x"), "C:\\Users\\x");
        assert_eq!(unescape_text("end\\"), "end\\");
    }

    #[test]
    fn splitting_skips_escaped_separators() {
        assert_eq!(
            split_unescaped("Smith\\;Jones;Meg;;;", ';'),
            vec!["Smith\\;Jones", "Meg", "", "", ""]
        );
        assert_eq!(split_unescaped("a\\\\;b", ';'), vec!["a\\\\", "b"]);
    }

    #[test]
    fn parameter_values_are_quoted_and_caret_encoded() {
        assert_eq!(encode_param_value("sport"), "sport");
        assert_eq!(encode_param_value("a;b \"c\"^"), "\"a;b ^'c^'^^\"");
        assert_eq!(decode_param_value("\"a;b ^'c^'^^\""), "a;b \"c\"^");
    }

    proptest! {
        #[test]
        fn text_and_uri_escaping_round_trip(s in "[\\PC\\n]{0,60}") {
            prop_assert_eq!(unescape_text(&escape_text(&s)), s.clone());
            prop_assert_eq!(unescape_text(&escape_uri(&s)), s.clone());
            let escaped = escape_text(&s);
            prop_assert!(!escaped.contains('\n'));
            prop_assert_eq!(split_unescaped(&escaped, ';').len(), 1);
            prop_assert_eq!(split_unescaped(&escaped, ',').len(), 1);
        }

        #[test]
        fn parameter_values_round_trip(s in "[\\PC\\n]{0,30}") {
            prop_assert_eq!(decode_param_value(&encode_param_value(&s)), s);
        }
    }
}
