//! vCard export (4.0) and import (2.1, 3.0, 4.0) of people and of my own card.
//!
//! Export writes what a phone's contacts app can show (name, role, phone, email, web, notes)
//! plus the interests as RFC 6715 `INTEREST`/`HOBBY` properties, so a card made here comes back
//! whole. Import reads what Android and iOS write, and never panics or cuts a field without
//! saying so: every shortened or dropped value is named in the card's warnings.

mod code;
mod escape;
mod export;
mod import;
mod lines;
mod property;
mod quoted_printable;
#[cfg(test)]
mod tests;

pub use code::{contact_from_code, is_contact_code};
pub use export::{me_to_vcard, people_to_vcf, person_to_vcard};
pub use import::{parse_vcf, ImportedCard, MAX_CARDS, MAX_FILE_BYTES};

/// Parameter naming the app category of an `INTEREST` or `HOBBY` (any `X-` parameter is
/// allowed, and other apps ignore it).
pub const CATEGORY_PARAM: &str = "X-CG-CATEGORY";

/// Why a contacts file could not be read at all. Nothing is imported in any of these cases.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VcardError {
    #[error("The file is empty.")]
    Empty,
    #[error(
        "The file is {:.1} MB; contacts files over 5 MB are not read. Export fewer contacts at a time.",
        *.bytes as f64 / 1_048_576.0
    )]
    TooLarge { bytes: usize },
    #[error("This is not a contacts (vCard) file: no contact starts in it (no BEGIN:VCARD line).")]
    NotVcard,
    #[error(
        "The contact that starts on line {line} never ends (no END:VCARD): the file looks cut short. Nothing was imported."
    )]
    Unterminated { line: usize },
    #[error("The file holds more than 10,000 contacts; export them in smaller files.")]
    TooManyCards,
}
