//! What goes into my share link: the choices made on the share screen, remembered between
//! visits, and the one-line summary of them.
//!
//! Private by default: no contact field goes out until it is ticked. Choices are stored as what
//! is left out, so an interest added to My map later is shared unless its category (or that very
//! interest) was left out.

use super::interest_key::InterestKey;
use super::model::{CategoryId, Contact, Interest, Me};
use serde::{Deserialize, Serialize};

/// The contact fields in the order the chooser lists them.
pub const CONTACT_FIELDS: [&str; 4] = ["phone", "email", "web", "social"];

/// The share screen's choices. Stored in the settings record (`#[serde(default)]`, so settings
/// saved before this existed load as "nothing left out, no contact details").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareChoices {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub left_out_categories: Vec<CategoryId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub left_out_items: Vec<InterestKey>,
    /// Phone, email, web, social: shared only when ticked.
    #[serde(default, skip_serializing_if = "is_none_ticked")]
    pub contact: [bool; 4],
}

fn is_none_ticked(c: &[bool; 4]) -> bool {
    !c.iter().any(|t| *t)
}

/// One of a contact's four fields, in [`CONTACT_FIELDS`] order.
pub fn contact_field(c: &Contact, i: usize) -> &str {
    match i {
        0 => &c.phone,
        1 => &c.email,
        2 => &c.web,
        _ => &c.social,
    }
}

fn contact_field_mut(c: &mut Contact, i: usize) -> &mut String {
    match i {
        0 => &mut c.phone,
        1 => &mut c.email,
        2 => &mut c.web,
        _ => &mut c.social,
    }
}

impl ShareChoices {
    pub fn is_category_in(&self, id: &CategoryId) -> bool {
        !self.left_out_categories.contains(id)
    }

    pub fn is_item_in(&self, key: &InterestKey) -> bool {
        !self.left_out_items.contains(key)
    }

    pub fn set_category(&mut self, id: &CategoryId, on: bool) {
        self.left_out_categories.retain(|c| c != id);
        if !on {
            self.left_out_categories.push(id.clone());
        }
    }

    pub fn set_item(&mut self, key: &InterestKey, on: bool) {
        self.left_out_items.retain(|k| k != key);
        if !on {
            self.left_out_items.push(key.clone());
        }
    }

    /// The interests of `me` that go into the link.
    pub fn interests(&self, me: &Me) -> Vec<Interest> {
        me.interests
            .iter()
            .filter(|i| self.is_category_in(&i.category) && self.is_item_in(&i.key()))
            .cloned()
            .collect()
    }

    /// The contact details that go into the link: only ticked fields.
    pub fn contact(&self, me: &Me) -> Contact {
        let mut out = Contact::default();
        for i in 0..4 {
            if self.contact[i] {
                *contact_field_mut(&mut out, i) = contact_field(&me.contact, i).to_string();
            }
        }
        out
    }
}

/// "18 interests · no contact details": what a link carries, in one line.
pub fn summary(interests: usize, contact: &Contact) -> String {
    let things = match interests {
        1 => "1 interest".to_string(),
        n => format!("{n} interests"),
    };
    let fields: Vec<&str> = (0..4)
        .filter(|i| !contact_field(contact, *i).is_empty())
        .map(|i| CONTACT_FIELDS[i])
        .collect();
    let reach = match fields.as_slice() {
        [] => "no contact details".to_string(),
        [one] => format!("my {one}"),
        [rest @ .., last] => format!("my {} and {last}", rest.join(", ")),
    };
    format!("{things} · {reach}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::Settings;

    fn me() -> Me {
        let i = |l: &str, c: &str| Interest::new(l, CategoryId::new(c));
        Me {
            name: "Ann".into(),
            interests: vec![i("Running", "sport"), i("Jazz", "arts"), i("Sales", "work")],
            contact: Contact {
                phone: "0123".into(),
                email: "a@b.c".into(),
                ..Contact::default()
            },
            ..Me::default()
        }
    }

    #[test]
    fn contact_details_stay_out_until_ticked() {
        let mut c = ShareChoices::default();
        assert!(c.contact(&me()).is_empty());
        c.contact[1] = true;
        let got = c.contact(&me());
        assert_eq!(got.email, "a@b.c");
        assert_eq!(got.phone, "");
    }

    #[test]
    fn a_later_interest_is_in_unless_its_category_was_left_out() {
        let mut c = ShareChoices::default();
        c.set_category(&CategoryId::new("work"), false);
        c.set_item(&InterestKey::of("Jazz"), false);
        let mut m = me();
        m.interests
            .push(Interest::new("Cycling", CategoryId::new("sport")));
        m.interests
            .push(Interest::new("Coaching", CategoryId::new("work")));
        let labels: Vec<_> = c.interests(&m).into_iter().map(|i| i.label).collect();
        assert_eq!(labels, ["Running", "Cycling"]);
        c.set_category(&CategoryId::new("work"), true);
        c.set_item(&InterestKey::of("jazz"), true);
        assert_eq!(c.interests(&m).len(), 5);
    }

    #[test]
    fn summary_says_what_goes_in() {
        assert_eq!(
            summary(18, &Contact::default()),
            "18 interests · no contact details"
        );
        let c = Contact {
            phone: "1".into(),
            email: "e".into(),
            social: "s".into(),
            ..Contact::default()
        };
        assert_eq!(summary(1, &c), "1 interest · my phone, email and social");
    }

    #[test]
    fn settings_stored_before_share_choices_load_private() {
        let old = r#"{"current_event":"ev","theme":"dark","last_backup":5}"#;
        let s: Settings = serde_json::from_str(old).unwrap();
        assert_eq!(s.share, ShareChoices::default());
        assert_eq!(s.share.contact, [false; 4]);
        // The old shape is written back unchanged until a choice is made.
        assert_eq!(serde_json::to_string(&s).unwrap(), old);
    }

    #[test]
    fn choices_round_trip_through_settings() {
        let mut s = Settings::default();
        s.share.set_category(&CategoryId::new("work"), false);
        s.share.set_item(&InterestKey::of("Jazz"), false);
        s.share.contact[0] = true;
        let text = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<Settings>(&text).unwrap(), s);
    }
}
