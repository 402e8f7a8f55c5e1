//! Reading `.vcf` files (vCard 2.1, 3.0 and 4.0) into cards the import preview can show.

use super::escape::{split_unescaped, unescape_text};
use super::lines::unfold;
use super::property::Property;
use super::{quoted_printable, VcardError, CATEGORY_PARAM};
use crate::core::interest_key::InterestKey;
use crate::core::limits::{
    CONTACT_MAX, INTERESTS_PER_PERSON_MAX, INTEREST_MAX, NAME_MAX, NOTE_MAX, WHAT_MAX,
};
use crate::core::model::{CategoryId, Contact, Interest, Millis, Person, PersonId, Source};
use std::collections::BTreeSet;

/// What a card with no name, job, email or phone is listed as.
pub(super) const UNNAMED: &str = "Unnamed contact";

/// Larger files are refused before parsing: a phone's whole address book is well under this.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
pub const MAX_CARDS: usize = 10_000;

/// One contact read from a file, before it becomes a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedCard {
    /// The card's `UID`, so the shell can recognise a card it exported itself.
    pub uid: Option<String>,
    pub name: String,
    pub what: String,
    pub contact: Contact,
    pub notes: String,
    pub interests: Vec<Interest>,
    /// Everything shortened or left out, in words the preview shows. Empty when read whole.
    pub warnings: Vec<String>,
}

impl ImportedCard {
    /// The person to save; the shell supplies the id and the time.
    pub fn into_person(self, id: PersonId, now: Millis) -> Person {
        let mut person = Person::new(id, self.name, now);
        person.what = self.what;
        person.contact = self.contact;
        person.notes = self.notes;
        person.interests = self.interests;
        person.source = Source::Vcard;
        person
    }
}

/// Reads every card in a file. A file that is empty, too big, not a vCard file or cut short
/// is refused as a whole, so an import never saves half of what the user chose.
pub fn parse_vcf(text: &str) -> Result<Vec<ImportedCard>, VcardError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(VcardError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(VcardError::Empty);
    }
    let mut cards = Vec::new();
    let mut current: Option<CardReader> = None;
    // vCard 2.1 may embed a whole card in an AGENT property; its lines are skipped.
    let mut embedded_depth = 0usize;
    for line in unfold(text) {
        let Some(property) = Property::parse(&line.text) else {
            continue;
        };
        let value_is_vcard = property.value.trim().eq_ignore_ascii_case("VCARD");
        match property.name.as_str() {
            "BEGIN" if value_is_vcard => {
                if current.is_some() {
                    embedded_depth += 1;
                } else if cards.len() == MAX_CARDS {
                    return Err(VcardError::TooManyCards);
                } else {
                    current = Some(CardReader::new(line.number));
                }
            }
            "END" if value_is_vcard => {
                if embedded_depth > 0 {
                    embedded_depth -= 1;
                } else if let Some(card) = current.take() {
                    cards.push(card.finish());
                }
                // An END with no card open is stray text between cards: nothing to read.
            }
            _ if embedded_depth > 0 => {}
            "AGENT"
                if property
                    .value
                    .trim_start()
                    .to_ascii_uppercase()
                    .starts_with("BEGIN:VCARD") =>
            {
                embedded_depth += 1;
            }
            _ => {
                if let Some(card) = current.as_mut() {
                    card.read(&property);
                }
            }
        }
    }
    if let Some(card) = current {
        return Err(VcardError::Unterminated {
            line: card.start_line,
        });
    }
    if cards.is_empty() {
        return Err(VcardError::NotVcard);
    }
    Ok(cards)
}

/// A phone number or email address, ranked so the one the owner marked as main wins.
struct Candidate {
    value: String,
    rank: u8,
}

/// Everything gathered from one card's lines before limits are applied.
#[derive(Default)]
struct CardReader {
    start_line: usize,
    uid: Option<String>,
    formatted_name: Option<String>,
    structured_name: Option<String>,
    title: Option<String>,
    org: Option<String>,
    phones: Vec<Candidate>,
    emails: Vec<Candidate>,
    webs: Vec<String>,
    socials: Vec<String>,
    notes: Vec<String>,
    interests: Vec<Interest>,
    unreadable: Vec<String>,
}

fn first_non_blank(slot: &mut Option<String>, value: String) {
    if slot.is_none() && !value.trim().is_empty() {
        *slot = Some(value.trim().to_string());
    }
}

impl CardReader {
    fn new(start_line: usize) -> Self {
        CardReader {
            start_line,
            ..Default::default()
        }
    }

    fn read(&mut self, p: &Property) {
        match p.name.as_str() {
            "FN" => {
                let v = self.text(p);
                first_non_blank(&mut self.formatted_name, v);
            }
            "N" => {
                let parts = self.components(p, true);
                let part = |i: usize| parts.get(i).map_or("", |s| s.trim());
                // family;given;additional;prefixes;suffixes, read in the order names are said.
                let name = [part(3), part(1), part(2), part(0), part(4)]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                first_non_blank(&mut self.structured_name, name);
            }
            "TITLE" => {
                let v = self.text(p);
                first_non_blank(&mut self.title, v);
            }
            "ORG" => {
                let units = self.components(p, false);
                let org = units
                    .iter()
                    .map(|u| u.trim())
                    .filter(|u| !u.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                first_non_blank(&mut self.org, org);
            }
            "TEL" => {
                let mut value = self.text(p);
                // vCard 4.0 numbers are `tel:` URIs unless marked as text.
                let is_text = p
                    .param("VALUE")
                    .is_some_and(|v| v.eq_ignore_ascii_case("text"));
                if !is_text
                    && value
                        .get(..4)
                        .is_some_and(|s| s.eq_ignore_ascii_case("tel:"))
                {
                    value.drain(..4);
                }
                let rank = 2 * u8::from(p.has_type("cell")) + u8::from(p.is_preferred());
                push_candidate(&mut self.phones, value, rank);
            }
            "EMAIL" => {
                let value = self.text(p);
                push_candidate(&mut self.emails, value, u8::from(p.is_preferred()));
            }
            "URL" => {
                let v = self.text(p);
                push_non_blank(&mut self.webs, v);
            }
            "X-SOCIALPROFILE" | "IMPP" => {
                let v = self.text(p);
                push_non_blank(&mut self.socials, v);
            }
            "NOTE" => {
                let v = self.text(p);
                if !v.trim().is_empty() {
                    self.notes.push(v);
                }
            }
            "INTEREST" | "HOBBY" => {
                let label = self.text(p).trim().to_string();
                let category = match p.param(CATEGORY_PARAM) {
                    Some(c) if !c.is_empty() => CategoryId::new(c),
                    _ if p.name == "HOBBY" => CategoryId::new("hobbies"),
                    _ => CategoryId::other(),
                };
                if !label.is_empty() {
                    self.interests.push(Interest::new(label, category));
                }
            }
            "UID" => {
                let v = self.text(p);
                first_non_blank(&mut self.uid, v);
            }
            _ => {}
        }
    }

    /// A single text value: quoted-printable decoded when so marked, then unescaped.
    fn text(&mut self, p: &Property) -> String {
        unescape_text(&self.decoded(p, p.value))
    }

    /// The `;`-separated parts of a structured value (`N`, `ORG`). With `multi`, the
    /// `,`-separated values inside a part are joined with spaces ("Anne,Marie" → "Anne Marie").
    fn components(&mut self, p: &Property, multi: bool) -> Vec<String> {
        split_unescaped(p.value, ';')
            .into_iter()
            .map(|raw| {
                let decoded = self.decoded(p, raw);
                if multi {
                    split_unescaped(&decoded, ',')
                        .into_iter()
                        .map(unescape_text)
                        .collect::<Vec<_>>()
                        .join(" ")
                } else {
                    unescape_text(&decoded)
                }
            })
            .collect()
    }

    fn decoded(&mut self, p: &Property, raw: &str) -> String {
        if !p.is_quoted_printable() {
            return raw.to_string();
        }
        let bytes = quoted_printable::decode(raw);
        let (text, lossy) = quoted_printable::to_text(bytes, p.param("CHARSET"));
        if lossy && !self.unreadable.contains(&p.name) {
            self.unreadable.push(p.name.clone());
        }
        // Android encodes line breaks as =0D=0A; the app keeps plain `\n`.
        text.replace("\r\n", "\n").replace('\r', "\n")
    }

    fn finish(self) -> ImportedCard {
        let mut warnings = Vec::new();
        for property in &self.unreadable {
            warnings.push(format!(
                "Some characters of {} could not be read and show as �.",
                field_label(property)
            ));
        }
        let what = match (self.title, self.org) {
            (Some(title), Some(org)) => format!("{title} at {org}"),
            (title, org) => title.or(org).unwrap_or_default(),
        };
        let phone = pick("phone number", self.phones, &mut warnings);
        let email = pick("email address", self.emails, &mut warnings);
        let web = first_of("web address", self.webs, &mut warnings);
        let social = first_of("social profile", self.socials, &mut warnings);
        let name = match self.formatted_name.or(self.structured_name) {
            Some(name) => name,
            None => {
                let stand_in = [&what, &email, &phone]
                    .into_iter()
                    .find(|s| !s.is_empty())
                    .cloned()
                    .unwrap_or_else(|| UNNAMED.to_string());
                warnings.push(format!(
                    "This contact has no name, so it is listed as “{stand_in}”."
                ));
                stand_in
            }
        };
        // Every field is cut to the app's own limit (`core::limits`), so each card becomes a
        // person that saves, and edits, as it is (`Person::problems` finds nothing).
        let contact = Contact {
            phone: cut("The phone number", phone, CONTACT_MAX, &mut warnings),
            email: cut("The email address", email, CONTACT_MAX, &mut warnings),
            web: cut("The web address", web, CONTACT_MAX, &mut warnings),
            social: cut("The social profile", social, CONTACT_MAX, &mut warnings),
        };
        let name = cut("The name", name, NAME_MAX, &mut warnings);
        let what = cut("“What they do”", what, WHAT_MAX, &mut warnings);
        let notes = cut("The note", self.notes.join("\n\n"), NOTE_MAX, &mut warnings);
        let interests = limit_interests(self.interests, &mut warnings);
        ImportedCard {
            uid: self.uid,
            name,
            what,
            contact,
            notes,
            interests,
            warnings,
        }
    }
}

fn push_candidate(list: &mut Vec<Candidate>, value: String, rank: u8) {
    let value = value.trim();
    if !value.is_empty() {
        list.push(Candidate {
            value: value.to_string(),
            rank,
        });
    }
}

fn push_non_blank(list: &mut Vec<String>, value: String) {
    let value = value.trim();
    if !value.is_empty() {
        list.push(value.to_string());
    }
}

fn field_label(property: &str) -> &'static str {
    match property {
        "FN" | "N" => "the name",
        "NOTE" => "the note",
        "TITLE" | "ORG" => "the job or organisation",
        "INTEREST" | "HOBBY" => "an interest",
        _ => "a contact detail",
    }
}

/// The best-ranked candidate (the first among equals), and a warning naming the others: the
/// app keeps one of each, and the user should know which ones stayed behind.
fn pick(what: &str, candidates: Vec<Candidate>, warnings: &mut Vec<String>) -> String {
    let mut best: Option<usize> = None;
    for (i, c) in candidates.iter().enumerate() {
        if best.is_none_or(|b| c.rank > candidates[b].rank) {
            best = Some(i);
        }
    }
    let Some(best) = best else {
        return String::new();
    };
    let others: Vec<&str> = candidates
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != best)
        .map(|(_, c)| c.value.as_str())
        .collect();
    let kept = candidates[best].value.clone();
    if !others.is_empty() {
        warnings.push(format!(
            "Only one {what} is kept ({kept}); also had: {}.",
            list_some(&others)
        ));
    }
    kept
}

fn first_of(what: &str, values: Vec<String>, warnings: &mut Vec<String>) -> String {
    let candidates = values
        .into_iter()
        .map(|value| Candidate { value, rank: 0 })
        .collect();
    pick(what, candidates, warnings)
}

/// Cuts `value` to `max` characters, saying so.
fn cut(field: &str, value: String, max: usize, warnings: &mut Vec<String>) -> String {
    let len = value.chars().count();
    if len <= max {
        return value;
    }
    warnings.push(format!(
        "{field} was {len} characters long; only the first {max} were kept."
    ));
    value.chars().take(max).collect()
}

/// How many left-out values a warning names before it only counts the rest, so a hostile
/// file cannot make the preview list thousands of lines.
const NAMED_MAX: usize = 5;

fn list_some(values: &[&str]) -> String {
    let named = values
        .iter()
        .take(NAMED_MAX)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    match values.len().saturating_sub(NAMED_MAX) {
        0 => named,
        more => format!("{named} and {more} more"),
    }
}

/// Applies the per-interest and per-person limits, and drops repeats the way the app's own
/// "Add interest" does (by normalised key), naming the ones left out.
fn limit_interests(raw: Vec<Interest>, warnings: &mut Vec<String>) -> Vec<Interest> {
    let total = raw.len();
    let mut kept: Vec<Interest> = Vec::new();
    let mut keys: BTreeSet<InterestKey> = BTreeSet::new();
    let mut repeats: Vec<String> = Vec::new();
    let mut blanks: Vec<String> = Vec::new();
    for (i, interest) in raw.into_iter().enumerate() {
        if kept.len() == INTERESTS_PER_PERSON_MAX {
            let over = total - i;
            warnings.push(format!(
                "{over} more {} left out: a person can have at most {INTERESTS_PER_PERSON_MAX}.",
                if over == 1 {
                    "interest was"
                } else {
                    "interests were"
                }
            ));
            break;
        }
        let key = interest.key();
        if key.is_empty() {
            blanks.push(interest.label);
        } else if keys.contains(&key) {
            repeats.push(interest.label);
        } else {
            let short: String = interest.label.chars().take(20).collect();
            let label = cut(
                &format!("The interest “{}…”", short.trim_end()),
                interest.label,
                INTEREST_MAX,
                warnings,
            );
            // The key of the cut label is what the app will match on from now on.
            let interest = Interest::new(label, interest.category);
            if keys.insert(interest.key()) {
                kept.push(interest);
            } else {
                repeats.push(interest.label);
            }
        }
    }
    let quoted = |labels: &[String]| {
        let quoted: Vec<String> = labels.iter().map(|l| format!("“{l}”")).collect();
        list_some(&quoted.iter().map(String::as_str).collect::<Vec<_>>())
    };
    if !repeats.is_empty() {
        warnings.push(format!(
            "Interests left out because they repeat another: {}.",
            quoted(&repeats)
        ));
    }
    if !blanks.is_empty() {
        warnings.push(format!(
            "Interests left out because they have no letters or digits: {}.",
            quoted(&blanks)
        ));
    }
    kept
}
