//! Quoted-printable decoding and the character sets vCard 2.1 files declare with `CHARSET=`.

/// Decodes `=XX` escapes into bytes. A broken escape is kept as written rather than dropped,
/// so nothing the contact held silently disappears; a lone `=` at the end is a soft break.
pub(super) fn decode(value: &str) -> Vec<u8> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            if i + 1 == bytes.len() {
                break;
            }
            let hex = bytes.get(i + 1..i + 3).and_then(|h| {
                let h = std::str::from_utf8(h).ok()?;
                u8::from_str_radix(h, 16).ok()
            });
            if let Some(byte) = hex {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// Turns decoded bytes into text in the declared charset (UTF-8 when none is given, as in
/// every modern export). Returns the text and whether some bytes could not be read.
pub(super) fn to_text(bytes: Vec<u8>, charset: Option<&str>) -> (String, bool) {
    let charset = charset.unwrap_or("UTF-8").to_ascii_uppercase();
    match charset.as_str() {
        "ISO-8859-1" | "ISO8859-1" | "LATIN1" | "LATIN-1" | "US-ASCII" | "ASCII" => {
            (bytes.iter().map(|&b| char::from(b)).collect(), false)
        }
        "WINDOWS-1252" | "CP1252" => (bytes.iter().map(|&b| windows_1252(b)).collect(), false),
        _ => match String::from_utf8(bytes) {
            Ok(text) => (text, false),
            Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
        },
    }
}

/// Windows-1252 differs from Latin-1 only in 0x80–0x9F, where Outlook puts its curly quotes,
/// dashes and the euro sign.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_quoted_printable_decodes() {
        let (text, lossy) = to_text(decode("Zo=C3=AB =E2=82=AC5=0D=0Aok"), Some("utf-8"));
        assert_eq!(text, "Zoë €5\r\nok");
        assert!(!lossy);
    }

    #[test]
    fn broken_escapes_are_kept_and_a_final_equals_is_a_soft_break() {
        assert_eq!(decode("a=ZZb=4"), b"a=ZZb=4");
        assert_eq!(decode("abc="), b"abc");
        assert_eq!(decode("=é"), "=é".as_bytes());
    }

    #[test]
    fn latin_charsets_and_bad_utf8() {
        assert_eq!(to_text(decode("Caf=E9"), Some("ISO-8859-1")).0, "Café");
        assert_eq!(to_text(decode("=93hi=94"), Some("windows-1252")).0, "“hi”");
        let (text, lossy) = to_text(decode("Caf=E9"), None);
        assert_eq!(text, "Caf\u{FFFD}");
        assert!(lossy);
    }
}
