//! Writing people and my own map as vCard 4.0 (RFC 6350, interests per RFC 6715).

use super::escape::{encode_param_value, escape_text, escape_uri};
use super::lines::push_folded;
use super::CATEGORY_PARAM;
use crate::core::model::{Contact, Interest, Me, Person};

const PRODID: &str = "-//Common Ground//Common Ground//EN";

/// One person's card. "What they do" goes in `TITLE`: it is typed as a role ("garden design",
/// "mortgage adviser"), not a company name, and `TITLE` is what phones show under the name.
/// Follow-ups and where we met stay out: they are my notes about the meeting, not the contact.
pub fn person_to_vcard(person: &Person) -> String {
    let mut card = Card::begin();
    card.line(&format!("UID;VALUE=text:{}", escape_text(&person.id.0)));
    card.name(&person.name);
    card.text("TITLE", &person.what);
    card.contact(&person.contact);
    card.interests(&person.interests);
    card.text("NOTE", &person.notes);
    card.end()
}

/// My own card, to hand to someone whose phone has no Common Ground.
pub fn me_to_vcard(me: &Me) -> String {
    let mut card = Card::begin();
    card.name(&me.name);
    card.text("TITLE", &me.what);
    card.contact(&me.contact);
    card.interests(&me.interests);
    card.end()
}

/// Many cards in one `.vcf` file: vCard files are simply cards one after another.
pub fn people_to_vcf<'a>(people: impl IntoIterator<Item = &'a Person>) -> String {
    people.into_iter().map(person_to_vcard).collect()
}

struct Card {
    out: String,
}

impl Card {
    fn begin() -> Self {
        let mut card = Card {
            out: String::with_capacity(512),
        };
        card.line("BEGIN:VCARD");
        card.line("VERSION:4.0");
        card.line(&format!("PRODID:{PRODID}"));
        card
    }

    fn end(mut self) -> String {
        self.line("END:VCARD");
        self.out
    }

    fn line(&mut self, line: &str) {
        push_folded(&mut self.out, line);
    }

    fn text(&mut self, property: &str, value: &str) {
        if !value.is_empty() {
            self.line(&format!("{property}:{}", escape_text(value)));
        }
    }

    /// `FN` is required even when empty; `N` holds the same name split as well as a free-text
    /// name allows: the last word is the family name, the rest the given names.
    fn name(&mut self, name: &str) {
        self.line(&format!("FN:{}", escape_text(name)));
        let trimmed = name.trim();
        let (given, family) = match trimmed.rsplit_once(char::is_whitespace) {
            Some((given, family)) => (given.trim_end(), family),
            None => ("", trimmed),
        };
        self.line(&format!(
            "N:{};{};;;",
            escape_text(family),
            escape_text(given)
        ));
    }

    /// The phone is written as text (`VALUE=text`): numbers are typed freely ("07700 900123
    /// evenings") and are not the `tel:` URIs vCard 4.0 otherwise expects.
    fn contact(&mut self, contact: &Contact) {
        if !contact.phone.is_empty() {
            self.line(&format!("TEL;VALUE=text:{}", escape_text(&contact.phone)));
        }
        self.text("EMAIL", &contact.email);
        if !contact.web.is_empty() {
            self.line(&format!("URL:{}", escape_uri(&contact.web)));
        }
        self.text("X-SOCIALPROFILE", &contact.social);
    }

    /// Hobbies become `HOBBY`, everything else `INTEREST`; the app category rides along in a
    /// parameter other apps ignore, so a round trip puts each interest back where it was.
    fn interests(&mut self, interests: &[Interest]) {
        for interest in interests {
            let property = if interest.category.as_str() == "hobbies" {
                "HOBBY"
            } else {
                "INTEREST"
            };
            self.line(&format!(
                "{property};{CATEGORY_PARAM}={}:{}",
                encode_param_value(interest.category.as_str()),
                escape_text(&interest.label)
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{CategoryId, PersonId};

    fn meg() -> Person {
        let mut p = Person::new(PersonId("p1".into()), "Meg van der Berg", 1);
        p.what = "Garden design, planting; pruning".into();
        p.contact.phone = "07700 900123".into();
        p.contact.email = "meg@example.org".into();
        p.contact.web = "https://example.org/a,b".into();
        p.notes = "Daughter at St Mary's\nRuns on Sundays".into();
        p.interests = vec![
            Interest::new("running", CategoryId::new("sport")),
            Interest::new("knitting", CategoryId::new("hobbies")),
        ];
        p
    }

    #[test]
    fn a_person_is_written_as_vcard_4() {
        let card = person_to_vcard(&meg());
        let expected = "BEGIN:VCARD\r\n\
            VERSION:4.0\r\n\
            PRODID:-//Common Ground//Common Ground//EN\r\n\
            UID;VALUE=text:p1\r\n\
            FN:Meg van der Berg\r\n\
            N:Berg;Meg van der;;;\r\n\
            TITLE:Garden design\\, planting\\; pruning\r\n\
            TEL;VALUE=text:07700 900123\r\n\
            EMAIL:meg@example.org\r\n\
            URL:https://example.org/a,b\r\n\
            INTEREST;X-CG-CATEGORY=sport:running\r\n\
            HOBBY;X-CG-CATEGORY=hobbies:knitting\r\n\
            NOTE:Daughter at St Mary's\\nRuns on Sundays\r\n\
            END:VCARD\r\n";
        assert_eq!(card, expected);
    }

    #[test]
    fn a_one_word_name_is_a_family_name_and_empty_fields_are_left_out() {
        let card = person_to_vcard(&Person::new(PersonId("x".into()), "Cher", 1));
        assert!(card.contains("\r\nN:Cher;;;;\r\n"), "{card}");
        for absent in ["TITLE", "TEL", "EMAIL", "URL", "NOTE", "INTEREST", "HOBBY"] {
            assert!(!card.contains(absent), "{absent} in {card}");
        }
    }

    #[test]
    fn my_card_has_no_uid_and_files_hold_every_card() {
        let me = Me {
            name: "Claire".into(),
            what: "social media marketing".into(),
            interests: vec![Interest::new("sewing", CategoryId::new("hobbies"))],
            contact: Contact {
                email: "claire@example.org".into(),
                ..Contact::default()
            },
        };
        let card = me_to_vcard(&me);
        assert!(card.contains("EMAIL:claire@example.org\r\n"), "{card}");
        assert!(!card.contains("UID"));
        assert!(card.contains("TITLE:social media marketing\r\n"));
        let people = [meg(), meg()];
        assert_eq!(people_to_vcf(&people).matches("BEGIN:VCARD").count(), 2);
    }
}
