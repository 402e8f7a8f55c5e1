//! A contact card read from a QR code: a conference badge or a phone's "share contact" code
//! holds a vCard (`BEGIN:VCARD…`) or a MECARD (`MECARD:N:Morris,Helen;TEL:…;;`). Either becomes
//! the card a `.vcf` import would give, with the same limits and warnings, so a badge scanned
//! at an event starts a new acquaintance with their name, job and contact details filled in.

use super::escape::{escape_text, escape_uri, split_unescaped, unescape_text};
use super::import::{parse_vcf, ImportedCard, UNNAMED};

/// Whether a scanned text is meant as a contact card (cheap: looked at for every code seen).
pub fn is_contact_code(text: &str) -> bool {
    let head = text.trim_start();
    ["BEGIN:VCARD", "MECARD:"].iter().any(|p| {
        head.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    })
}

/// The contact in a scanned code, or `None` when it is not a card or holds nobody.
pub fn contact_from_code(text: &str) -> Option<ImportedCard> {
    if !is_contact_code(text) {
        return None;
    }
    let head = text.trim_start();
    let vcard = if head[..7].eq_ignore_ascii_case("MECARD:") {
        mecard_as_vcard(&head[7..])
    } else {
        head.to_string()
    };
    let card = parse_vcf(&vcard).ok()?.into_iter().next()?;
    // A card with no name, job, email or phone is listed by the import as "Unnamed contact";
    // a code with nothing else in it either is nobody to add.
    let nobody = card.name == UNNAMED
        && card.contact.is_empty()
        && card.notes.is_empty()
        && card.interests.is_empty();
    (!nobody).then_some(card)
}

/// The fields of a MECARD (`KEY:value;` pairs, `\` escaping `; : , \`), written as a vCard 3.0
/// for the one reader. `N:Family,Given` is said in the order names are spoken; ORG and TITLE are
/// not MECARD's own but badges carry them.
fn mecard_as_vcard(body: &str) -> String {
    let mut lines = vec!["BEGIN:VCARD".to_string(), "VERSION:3.0".to_string()];
    for field in split_unescaped(body, ';') {
        let Some((key, raw)) = field.split_once(':') else {
            continue;
        };
        let value = unescape_text(raw);
        if value.trim().is_empty() {
            continue;
        }
        let key = key.trim().to_ascii_uppercase();
        let line = match key.as_str() {
            "N" => {
                // Split before unescaping: "\," is a comma inside a name part.
                let name: Vec<String> = split_unescaped(raw, ',')
                    .into_iter()
                    .rev()
                    .map(unescape_text)
                    .collect();
                format!("FN:{}", escape_text(name.join(" ").trim()))
            }
            "TEL" | "EMAIL" | "NOTE" | "ORG" | "TITLE" | "NICKNAME" => {
                format!("{key}:{}", escape_text(&value))
            }
            "URL" => format!("URL:{}", escape_uri(&value)),
            _ => continue,
        };
        lines.push(line);
    }
    lines.push("END:VCARD".to_string());
    lines.join("\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_badge_mecard_becomes_a_card() {
        let card = contact_from_code(
            "MECARD:N:Morris,Helen;ORG:Morris & Co\\; florists;TITLE:Owner;TEL:+44 7700 900123;EMAIL:helen@example.org;URL:https://morris.example/a\\;b;NOTE:Stand 12;;",
        )
        .unwrap();
        assert_eq!(card.name, "Helen Morris");
        assert!(card.what.contains("Owner"), "{}", card.what);
        assert!(card.what.contains("Morris & Co; florists"), "{}", card.what);
        assert_eq!(card.contact.phone, "+44 7700 900123");
        assert_eq!(card.contact.email, "helen@example.org");
        assert_eq!(card.contact.web, "https://morris.example/a;b");
        assert_eq!(card.notes, "Stand 12");
    }

    #[test]
    fn an_escaped_comma_stays_inside_a_name_part() {
        let card = contact_from_code("MECARD:N:Smith\\, Jr,John;;").unwrap();
        assert_eq!(card.name, "John Smith, Jr");
    }

    #[test]
    fn a_vcard_code_is_read_as_an_import_would() {
        let card = contact_from_code(
            "BEGIN:VCARD\nVERSION:3.0\nN:Kowalski;Jan;;;\nFN:Jan Kowalski\nORG:Łódź Film School\nEMAIL:jan@example.pl\nEND:VCARD\n",
        )
        .unwrap();
        assert_eq!(card.name, "Jan Kowalski");
        assert_eq!(card.what, "Łódź Film School");
        assert_eq!(card.contact.email, "jan@example.pl");
    }

    #[test]
    fn other_codes_and_nameless_cards_are_not_contacts() {
        for text in [
            "https://example.org/#/m/AAA",
            "WIFI:S:cafe;;",
            "MECARD:",
            "MECARD:NOTE:;;",
            "BEGIN:VCARD\nFN:Cut short",
            "",
        ] {
            assert_eq!(contact_from_code(text), None, "{text:?}");
        }
        // A card with a number and no name is listed by its number, and says so, as an
        // import of the same card would.
        let unnamed = contact_from_code("MECARD:TEL:0161 496 0000;;").unwrap();
        assert_eq!(unnamed.name, "0161 496 0000");
        assert_eq!(unnamed.warnings.len(), 1);
        assert!(is_contact_code("  mecard:N:A;;"));
        assert!(is_contact_code("begin:vcard"));
        assert!(!is_contact_code("BEGIN:VCALENDAR"));
    }

    #[test]
    fn a_long_name_is_cut_to_the_limit_with_a_warning() {
        let long = "A".repeat(500);
        let card = contact_from_code(&format!("MECARD:N:{long};;")).unwrap();
        assert!(card.name.chars().count() <= crate::core::limits::NAME_MAX);
        assert!(!card.warnings.is_empty());
    }

    proptest! {
        /// Whatever a code holds, reading it never panics, and a card it gives names someone
        /// within the limits every form keeps.
        #[test]
        fn any_code_is_read_without_panic(body in ".{0,300}", mecard in any::<bool>()) {
            let text = if mecard { format!("MECARD:{body}") } else { format!("BEGIN:VCARD\n{body}\nEND:VCARD") };
            if let Some(card) = contact_from_code(&text) {
                prop_assert!(!card.name.trim().is_empty());
                prop_assert!(card.name.chars().count() <= crate::core::limits::NAME_MAX);
            }
        }
    }
}
