//! Built-in suggestions: common interests by category, offered as you type on My map, and the
//! example map a first-time user can load so the app never opens empty.

use super::model::{CategoryId, Interest, Me};

/// Interests many people list, by default category id. Suggestions only: nothing depends on
/// the order or the spelling, unlike the share vocabulary.
pub const SUGGESTIONS: &[(&str, &[&str])] = &[
    (
        "work",
        &[
            "Marketing",
            "Bookkeeping",
            "Public speaking",
            "Coaching",
            "Web design",
            "Photography",
            "Copywriting",
            "Sales",
            "HR",
            "Project management",
            "Social media",
            "Small business",
        ],
    ),
    (
        "family",
        &[
            "School run",
            "Grandchildren",
            "Parenting",
            "Family history",
            "Toddlers",
            "Teenagers",
            "Step-parenting",
            "Caring for parents",
            "Dog walking",
            "Home education",
        ],
    ),
    (
        "hobbies",
        &[
            "Gardening",
            "Knitting",
            "Sewing",
            "Reading",
            "Photography",
            "Crafts",
            "Board games",
            "Puzzles",
            "Birdwatching",
            "Allotment",
            "Quilting",
            "Pottery",
            "Baking",
        ],
    ),
    (
        "sport",
        &[
            "Running",
            "Cycling",
            "Swimming",
            "Walking",
            "Yoga",
            "Pilates",
            "Football",
            "Tennis",
            "Netball",
            "Golf",
            "Parkrun",
            "Dancing",
            "Wild swimming",
        ],
    ),
    (
        "food",
        &[
            "Cooking",
            "Baking",
            "Coffee",
            "Tea",
            "Wine",
            "Craft beer",
            "Cheese",
            "Chocolate",
            "Biscuits",
            "Curry",
            "Vegan food",
            "Afternoon tea",
        ],
    ),
    (
        "local",
        &[
            "Parish council",
            "Recycling",
            "Neighbourhood watch",
            "Village fete",
            "Community garden",
            "Local history",
            "WI",
            "Rotary",
            "Litter picking",
            "Library",
        ],
    ),
    (
        "causes",
        &[
            "Climate",
            "Mental health",
            "Animal welfare",
            "Food bank",
            "Homelessness",
            "Refugees",
            "Dementia awareness",
            "Literacy",
            "Charity runs",
        ],
    ),
    (
        "learning",
        &[
            "Languages",
            "French",
            "Spanish",
            "History",
            "Science",
            "Podcasts",
            "Courses",
            "Coding",
            "First aid",
        ],
    ),
    (
        "arts",
        &[
            "Theatre",
            "Music",
            "Choir",
            "Film",
            "Painting",
            "Museums",
            "Poetry",
            "Ballet",
            "Jazz",
            "Book club",
        ],
    ),
    (
        "travel",
        &[
            "Camping",
            "Caravanning",
            "Cruises",
            "Walking holidays",
            "City breaks",
            "Road trips",
            "Canal boats",
            "Scotland",
            "Cornwall",
            "Europe",
        ],
    ),
];

/// Suggestions for `category` (or every category when `None`) containing `typed`, skipping
/// what `have` already holds, at most `limit`.
pub fn suggest<'a>(
    category: Option<&CategoryId>,
    typed: &str,
    have: &[Interest],
    limit: usize,
) -> Vec<(&'a str, CategoryId)> {
    use super::interest_key::InterestKey;
    let typed = Typed::new(typed);
    let mut held: Vec<InterestKey> = have.iter().map(|i| i.key()).collect();
    SUGGESTIONS
        .iter()
        .filter(|(cat, _)| category.is_none_or(|c| c.as_str() == *cat))
        .flat_map(|(cat, labels)| labels.iter().map(move |l| (*l, CategoryId::new(*cat))))
        .filter(|(label, _)| {
            let key = InterestKey::of(label);
            // A suggestion listed under two categories is offered once.
            if !typed.matches(label, &key) || held.contains(&key) {
                return false;
            }
            held.push(key);
            true
        })
        .take(limit)
        .collect()
}

/// What someone has typed so far into an interest box, prepared once per keystroke.
///
/// It matches a label when the folded label contains it as typed ("runn" is the start of
/// "running") or when the label's key contains its key ("runs" finds "Running"): a half-typed
/// word has no stem of its own, so matching keys alone would miss it.
pub struct Typed {
    folded: String,
    key: super::interest_key::InterestKey,
}

impl Typed {
    pub fn new(text: &str) -> Self {
        let folded = super::interest_key::fold(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Typed {
            key: super::interest_key::InterestKey::of(text),
            folded,
        }
    }

    /// Whether `label` (with its precomputed `key`) is a match.
    pub fn matches(&self, label: &str, key: &super::interest_key::InterestKey) -> bool {
        key.as_str().contains(self.key.as_str()) || {
            let folded = super::interest_key::fold(label);
            let folded: Vec<&str> = folded.split_whitespace().collect();
            folded.join(" ").contains(self.folded.as_str())
        }
    }
}

/// A realistic map for someone trying the app for the first time.
pub fn example_map() -> Me {
    let i = |label: &str, cat: &str| Interest::new(label, CategoryId::new(cat));
    Me {
        name: "Sam".into(),
        what: "Runs a small bakery".into(),
        interests: vec![
            i("Sourdough", "work"),
            i("Small business", "work"),
            i("School run", "family"),
            i("Family history", "family"),
            i("Allotment", "hobbies"),
            i("Knitting", "hobbies"),
            i("Parkrun", "sport"),
            i("Wild swimming", "sport"),
            i("Custard creams", "food"),
            i("Craft beer", "food"),
            i("Recycling scheme", "local"),
            i("Village fete", "local"),
            i("Food bank", "causes"),
            i("Learning Spanish", "learning"),
            i("Choir", "arts"),
            i("Canal boats", "travel"),
        ],
        ..Me::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::default_categories;

    #[test]
    fn suggestions_use_default_categories_and_skip_what_i_have() {
        let ids: Vec<_> = default_categories().into_iter().map(|c| c.id).collect();
        for (cat, _) in SUGGESTIONS {
            assert!(ids.contains(&CategoryId::new(*cat)), "{cat}");
        }
        let have = vec![Interest::new("running", CategoryId::new("sport"))];
        let got = suggest(Some(&CategoryId::new("sport")), "run", &have, 5);
        assert!(got
            .iter()
            .all(|(l, c)| *l != "Running" && c.as_str() == "sport"));
        let got = suggest(None, "bak", &[], 10);
        let labels: Vec<_> = got.iter().map(|(l, _)| *l).collect();
        assert_eq!(labels, vec!["Baking"]);
        assert_eq!(suggest(None, "zzzz", &[], 10), vec![]);
    }

    #[test]
    fn half_typed_words_are_suggested() {
        for (typed, want) in [
            ("Runn", "Running"),
            ("Gardeni", "Gardening"),
            ("Marketi", "Marketing"),
            ("Recy", "Recycling"),
            ("wild sw", "Wild swimming"),
            ("runs", "Running"),
        ] {
            let got: Vec<_> = suggest(None, typed, &[], 10)
                .into_iter()
                .map(|(l, _)| l)
                .collect();
            assert!(got.contains(&want), "{typed:?} gave {got:?}");
        }
    }

    #[test]
    fn the_example_map_has_no_repeats_and_spans_every_default_category_but_other() {
        let me = example_map();
        let mut keys: Vec<_> = me.interests.iter().map(|i| i.key()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), me.interests.len());
        for c in default_categories()
            .into_iter()
            .filter(|c| c.id != CategoryId::other())
        {
            assert!(
                me.interests.iter().any(|i| i.category == c.id),
                "{}",
                c.name
            );
        }
    }
}
