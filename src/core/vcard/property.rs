//! One content line read into its name, parameters and raw value (`item1.EMAIL;TYPE=pref:…`).

use super::escape::decode_param_value;

#[derive(Debug, PartialEq, Eq)]
pub(super) struct Property<'a> {
    /// Upper-cased, without its group (`item1.`): groups only tie Apple's labels to values.
    pub name: String,
    /// Upper-cased parameter names with their decoded values, one pair per value.
    pub params: Vec<(String, String)>,
    /// Still escaped (and perhaps quoted-printable): how to read it depends on the property.
    pub value: &'a str,
}

/// vCard 2.1 allows parameters without a name (`TEL;CELL;PREF:`); these are the encodings
/// among them, and every other bare word is a type.
const BARE_ENCODINGS: &[&str] = &["QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "B"];

impl<'a> Property<'a> {
    /// `None` for a line with no colon outside quotes or with no name: such a line carries
    /// nothing we could use, and skipping it is how readers survive odd exporters.
    pub fn parse(line: &'a str) -> Option<Self> {
        let colon = find_unquoted(line, ':')?;
        let (header, value) = (&line[..colon], &line[colon + 1..]);
        let mut parts = split_unquoted(header, ';').into_iter();
        let full_name = trim_blank(parts.next()?);
        let name = full_name
            .rsplit_once('.')
            .map_or(full_name, |(_, n)| n)
            .to_ascii_uppercase();
        if name.is_empty() {
            return None;
        }
        let mut params = Vec::new();
        for part in parts {
            let part = trim_blank(part);
            if part.is_empty() {
                continue;
            }
            match part.split_once('=') {
                Some((key, values)) => {
                    let key = trim_blank(key).to_ascii_uppercase();
                    for v in split_unquoted(values, ',') {
                        let value = decode_param_value(trim_blank(v));
                        // vCard 4.0 quotes type lists: TYPE="voice,cell".
                        if key == "TYPE" && value.contains(',') {
                            for t in value.split(',') {
                                params.push((key.clone(), t.trim().to_string()));
                            }
                        } else {
                            params.push((key.clone(), value));
                        }
                    }
                }
                None => {
                    let word = part.to_ascii_uppercase();
                    let key = if BARE_ENCODINGS.contains(&word.as_str()) {
                        "ENCODING"
                    } else {
                        "TYPE"
                    };
                    params.push((key.to_string(), part.to_string()));
                }
            }
        }
        Some(Property {
            name,
            params,
            value,
        })
    }

    /// The first value of a parameter.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn has_type(&self, wanted: &str) -> bool {
        self.params
            .iter()
            .any(|(k, v)| k == "TYPE" && v.eq_ignore_ascii_case(wanted))
    }

    /// Marked as preferred: `TYPE=pref` (3.0, 2.1 bare `PREF`) or `PREF=n` (4.0).
    pub fn is_preferred(&self) -> bool {
        self.has_type("pref") || self.param("PREF").is_some()
    }

    pub fn is_quoted_printable(&self) -> bool {
        self.param("ENCODING")
            .is_some_and(|e| e.eq_ignore_ascii_case("QUOTED-PRINTABLE"))
    }
}

/// Only spaces and tabs: other Unicode spaces may belong to a value.
fn trim_blank(s: &str) -> &str {
    s.trim_matches([' ', '\t'])
}

/// Byte position of the first `needle` outside double quotes.
fn find_unquoted(s: &str, needle: char) -> Option<usize> {
    let mut quoted = false;
    for (i, c) in s.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c == needle && !quoted {
            return Some(i);
        }
    }
    None
}

fn split_unquoted(s: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s;
    while let Some(i) = find_unquoted(rest, separator) {
        parts.push(&rest[..i]);
        rest = &rest[i + separator.len_utf8()..];
    }
    parts.push(rest);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_parameters_and_quoted_values_are_read() {
        let p = Property::parse("item1.EMAIL;type=INTERNET;type=pref:meg@example.org").unwrap();
        assert_eq!(p.name, "EMAIL");
        assert!(p.has_type("internet") && p.is_preferred());
        assert_eq!(p.value, "meg@example.org");

        let p = Property::parse("X-A;LABEL=\"Home: 1; 2, 3\";TYPE=work,voice:v:w").unwrap();
        assert_eq!(p.param("LABEL"), Some("Home: 1; 2, 3"));
        assert!(p.has_type("work") && p.has_type("VOICE"));
        assert_eq!(p.value, "v:w");

        let p = Property::parse("TEL;VALUE=uri;TYPE=\"voice,cell\";PREF=1:tel:+44").unwrap();
        assert!(p.has_type("cell") && p.is_preferred());
    }

    #[test]
    fn vcard_21_bare_parameters_are_types_or_encodings() {
        let p = Property::parse("TEL;CELL;PREF;QUOTED-PRINTABLE:07700").unwrap();
        assert!(p.has_type("cell") && p.is_preferred() && p.is_quoted_printable());
    }

    #[test]
    fn lines_without_a_name_or_colon_are_skipped() {
        assert_eq!(Property::parse("no colon here"), None);
        assert_eq!(Property::parse(":value"), None);
        assert_eq!(Property::parse("X;A=\"unclosed:value"), None);
    }
}
