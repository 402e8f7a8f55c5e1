//! Physical lines and logical lines: folding on export, unfolding (and QP soft breaks) on import.

use super::property::Property;

/// RFC 6350 §3.2: lines SHOULD NOT be longer than 75 octets, excluding the line break.
const FOLD_AT: usize = 75;

/// Appends `line` to `out` folded at 75 octets with CRLF line breaks. A continuation line
/// starts with one space, which counts toward its 75; cuts fall between characters, never
/// inside a multi-byte UTF-8 sequence.
pub(super) fn push_folded(out: &mut String, line: &str) {
    let mut rest = line;
    let mut room = FOLD_AT;
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = FOLD_AT - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

/// One unfolded content line, with the number of the physical line it started on so errors
/// can point at it.
#[derive(Debug)]
pub(super) struct LogicalLine {
    pub number: usize,
    pub text: String,
}

/// Splits text into physical lines at CRLF, LF or a lone CR, numbering them from 1.
fn physical_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text;
    let mut number = 0;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        number += 1;
        let end = rest.find(['\r', '\n']).unwrap_or(rest.len());
        let line = &rest[..end];
        let after = &rest[end..];
        rest = after
            .strip_prefix("\r\n")
            .or_else(|| after.strip_prefix('\r'))
            .or_else(|| after.strip_prefix('\n'))
            .unwrap_or(after);
        Some((number, line))
    })
}

/// Joins physical lines into logical ones. A line starting with a space or tab continues the
/// previous one (that one character is dropped: RFC 6350 §3.2 and RFC 2425). A quoted-printable
/// value ending in `=` continues on the next line whatever it starts with (RFC 2045 soft line
/// break), which is how Android's vCard 2.1 export wraps long notes and names.
pub(super) fn unfold(text: &str) -> Vec<LogicalLine> {
    let mut out: Vec<LogicalLine> = Vec::new();
    // Whether the current logical line is quoted-printable; `None` until its header is whole.
    let mut quoted_printable: Option<bool> = None;
    for (number, line) in physical_lines(text) {
        if let Some(last) = out.last_mut() {
            let soft_break = last.text.ends_with('=') && quoted_printable == Some(true);
            if soft_break {
                last.text.pop();
                last.text.push_str(line);
                continue;
            }
            if let Some(continuation) = line.strip_prefix([' ', '\t']) {
                last.text.push_str(continuation);
                if quoted_printable.is_none() {
                    quoted_printable = quoted_printable_header(&last.text);
                }
                continue;
            }
        }
        if line.is_empty() {
            continue;
        }
        out.push(LogicalLine {
            number,
            text: line.to_string(),
        });
        quoted_printable = quoted_printable_header(line);
    }
    out
}

/// Longer than any real header: past this, a line still without its colon is not a property,
/// and checking it again on every continuation would make a hostile file slow to read.
const HEADER_MAX: usize = 1024;

/// Whether a line's header marks its value as quoted-printable, or `None` while the header is
/// not yet whole. Parsing the header (rather than searching for the word) keeps a parameter
/// value that merely reads "QUOTED-PRINTABLE" from gluing two lines together.
fn quoted_printable_header(line: &str) -> Option<bool> {
    match Property::parse(line) {
        Some(p) => Some(p.is_quoted_printable()),
        None if line.len() > HEADER_MAX => Some(false),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(lines: Vec<LogicalLine>) -> Vec<String> {
        lines.into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn folded_lines_with_any_break_style_are_joined() {
        let text = "BEGIN:VCARD\r\nNOTE:one\r\n  two\n\tthree\rFN:Meg\n\nEND:VCARD";
        let lines = unfold(text);
        assert_eq!(lines[1].number, 2);
        assert_eq!(lines[2].number, 5);
        assert_eq!(
            texts(lines),
            vec!["BEGIN:VCARD", "NOTE:one twothree", "FN:Meg", "END:VCARD"]
        );
    }

    #[test]
    fn quoted_printable_soft_breaks_are_joined_and_others_are_not() {
        let text = "NOTE;ENCODING=QUOTED-PRINTABLE:=E2=82=\r\n=AC o=\r\nk\r\nFN:Meg\r\nNOTE:sum a=\r\nFN:Bo";
        assert_eq!(
            texts(unfold(text)),
            vec![
                "NOTE;ENCODING=QUOTED-PRINTABLE:=E2=82=AC ok",
                "FN:Meg",
                "NOTE:sum a=",
                "FN:Bo"
            ]
        );
        let decoy = "NOTE;X-A=QUOTED-PRINTABLE:a=\r\nFN:Bo";
        assert_eq!(unfold(decoy).len(), 2);
    }

    #[test]
    fn folding_never_splits_a_character() {
        let mut out = String::new();
        push_folded(&mut out, &format!("NOTE:{}", "é".repeat(80)));
        for line in out.split_terminator("\r\n") {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        assert_eq!(
            texts(unfold(&out)),
            vec![format!("NOTE:{}", "é".repeat(80))]
        );
    }

    proptest! {
        #[test]
        fn folding_then_unfolding_gives_the_line_back(s in "[^\r\n]{0,300}") {
            let line = format!("NOTE:{s}");
            let mut out = String::new();
            push_folded(&mut out, &line);
            prop_assert!(out.ends_with("\r\n"));
            for physical in out.split_terminator("\r\n") {
                prop_assert!(physical.len() <= 75);
                prop_assert!(!physical.contains(['\r', '\n']));
            }
            prop_assert_eq!(texts(unfold(&out)), vec![line]);
        }
    }
}
