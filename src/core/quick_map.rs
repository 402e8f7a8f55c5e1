//! The one-screen map for someone who received a map but has none: the interests offered to
//! tap (the sender's first, then common ones), and the map they become.

use super::interest_key::InterestKey;
use super::model::{add_interest, default_categories, CategoryId, Interest, Me};
use super::suggestions::SUGGESTIONS;

/// Common interests offered per category, after the sender's.
pub const PER_CATEGORY: usize = 2;

/// What the quick map offers: the sender's interests (filed under a default category, since
/// their own categories are not mine), then a few common ones per category, no key twice.
pub fn offered(sender: &[Interest]) -> Vec<Interest> {
    let defaults = default_categories();
    let mut out: Vec<Interest> = Vec::new();
    for i in sender {
        let category = if defaults.iter().any(|c| c.id == i.category) {
            i.category.clone()
        } else {
            CategoryId::other()
        };
        add_interest(&mut out, Interest::new(i.label.clone(), category));
    }
    for (cat, labels) in SUGGESTIONS {
        for label in labels.iter().take(PER_CATEGORY) {
            add_interest(&mut out, Interest::new(*label, CategoryId::new(*cat)));
        }
    }
    out
}

/// A typed interest, filed where a suggestion of the same key is, else under "other".
pub fn typed(label: &str) -> Interest {
    let key = InterestKey::of(label);
    let category = SUGGESTIONS
        .iter()
        .find(|(_, labels)| labels.iter().any(|l| InterestKey::of(l) == key))
        .map(|(cat, _)| CategoryId::new(*cat))
        .unwrap_or_else(CategoryId::other);
    Interest::new(label.trim(), category)
}

/// My map made from the quick map: the name and the picks, keeping anything else already on it.
pub fn into_my_map(mut me: Me, name: &str, picked: &[Interest]) -> Me {
    me.name = name.trim().to_string();
    for i in picked {
        add_interest(&mut me.interests, i.clone());
    }
    me
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_senders_interests_come_first_then_common_ones_without_repeats() {
        let sender = vec![
            Interest::new("Running", CategoryId::new("sport")),
            Interest::new("Steam trains", CategoryId::new("c-mine")),
            Interest::new("Gardening", CategoryId::new("hobbies")),
        ];
        let got = offered(&sender);
        assert_eq!(got[0].label, "Running");
        assert_eq!(got[1].category, CategoryId::other());
        let keys: Vec<_> = got.iter().map(|i| i.key()).collect();
        let mut unique = keys.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(keys.len(), unique.len());
        assert!(got.len() >= sender.len() + 10);
    }

    #[test]
    fn a_typed_interest_goes_under_the_category_of_its_suggestion() {
        assert_eq!(typed(" knitting ").category, CategoryId::new("hobbies"));
        assert_eq!(typed(" knitting ").label, "knitting");
        assert_eq!(typed("Zorbing").category, CategoryId::other());
    }

    #[test]
    fn the_quick_map_becomes_my_map() {
        let picks = [typed("Jazz"), typed("jazz"), typed("Choir")];
        let me = into_my_map(Me::default(), " Kim ", &picks);
        assert_eq!(me.name, "Kim");
        assert_eq!(me.interests.len(), 2);
    }
}
