//! What the People page searches for, kept in its fragment (`#/people?q=runn&c=sport`), so
//! that Back from a person, a reload and Home's search box all bring the same search, and
//! how far down the list "Show more" had gone (`n=300`), so that Back finds the row it left.
//! It also says in what order the rows come (`o=shared`: most in common with me first).
//!
//! The router sees every `#/people…` as the one People page (`route.rs`): typing changes the
//! fragment in place, not the page. This module lives in the People and Home chunks, not in
//! the main module a first visit downloads.

use super::limits::NAME_MAX;
use super::model::Millis;
use super::order;
use super::route::{percent_decode, percent_encode};

/// The order People lists its rows in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// A to Z; with words typed, the best matches (a name, an interest) first.
    #[default]
    Name,
    /// Most recently added or changed first, as Home's "Recent people".
    Recent,
    /// Most in common with my map first: who to look up before an event.
    Shared,
}

impl Order {
    pub const ALL: [Order; 3] = [Order::Name, Order::Recent, Order::Shared];

    /// Its value in the fragment and in the "Sort" box.
    pub fn key(self) -> &'static str {
        match self {
            Order::Name => "name",
            Order::Recent => "recent",
            Order::Shared => "shared",
        }
    }

    pub fn from_key(key: &str) -> Option<Order> {
        Order::ALL.into_iter().find(|o| o.key() == key)
    }

    /// What the "Sort" box says.
    pub fn label(self) -> &'static str {
        match self {
            Order::Name => "Name",
            Order::Recent => "Recent",
            Order::Shared => "Most in common",
        }
    }
}

/// Puts `rows`, found in name order with the best matches first, in `order`. The sort is
/// stable, so rows the order cannot tell apart (nothing in common with either) keep the order
/// they were found in.
pub fn arrange<T>(
    rows: &mut [T],
    order: Order,
    changed: impl Fn(&T) -> Millis,
    in_common: impl Fn(&T) -> f64,
) {
    match order {
        Order::Name => {}
        Order::Recent => order::sort_by_key(rows, |r| std::cmp::Reverse(changed(r))),
        Order::Shared => order::sort_by(rows, |a, b| in_common(b).total_cmp(&in_common(a))),
    }
}

/// The search words and the three filters; all empty lists everyone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PeopleSearch {
    /// The words typed in "Search".
    pub text: String,
    /// A category id, an event id, and an interest as typed (the filters).
    pub category: String,
    pub event: String,
    pub interest: String,
    /// How many rows "Show more" had drawn, when more than the first page; 0 otherwise.
    pub rows: usize,
    pub order: Order,
}

/// The longest value kept from a fragment: more than anyone types in a search box, and a
/// pasted giant fragment stays small.
const VALUE_MAX: usize = 200;
/// The most rows a fragment can ask for: more than any notebook holds, and never a huge
/// allocation from a pasted link.
const ROWS_MAX: usize = 100_000;

impl PeopleSearch {
    /// A search for some words, with no filter.
    pub fn words(text: &str) -> PeopleSearch {
        PeopleSearch {
            text: text.into(),
            ..PeopleSearch::default()
        }
    }

    /// Whether the two list the same people in the same order (how many rows are drawn
    /// aside).
    pub fn same_search(&self, other: &PeopleSearch) -> bool {
        self.fields() == other.fields() && self.order == other.order
    }

    /// Whether a filter (not the search words) is set.
    pub fn filtered(&self) -> bool {
        !(self.category.is_empty() && self.event.is_empty() && self.interest.is_empty())
    }

    fn fields(&self) -> [(&'static str, &String); 4] {
        [
            ("q", &self.text),
            ("c", &self.category),
            ("e", &self.event),
            ("i", &self.interest),
        ]
    }

    /// The People page's fragment: `#/people`, with `?q=…&c=…` for what is set.
    pub fn to_hash(&self) -> String {
        let mut set: Vec<String> = self
            .fields()
            .into_iter()
            .filter(|(_, value)| !value.is_empty())
            .map(|(key, value)| format!("{key}={}", percent_encode(value)))
            .collect();
        if self.order != Order::Name {
            set.push(format!("o={}", self.order.key()));
        }
        if self.rows > 0 {
            set.push(format!("n={}", self.rows));
        }
        if set.is_empty() {
            "#/people".into()
        } else {
            format!("#/people?{}", set.join("&"))
        }
    }

    /// The search in a `location.hash` value (none for anything but `#/people?…`). Unknown
    /// keys, broken escapes and text past the limit are dropped, not refused: the page still
    /// opens, with what could be read.
    pub fn from_hash(hash: &str) -> PeopleSearch {
        let mut search = PeopleSearch::default();
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let Some(query) = path.strip_prefix("people?") else {
            return search;
        };
        for pair in query.split('&') {
            let Some((key, value)) = pair.split_once('=') else {
                continue;
            };
            let Some(value) = percent_decode(value) else {
                continue;
            };
            let value: String = value.chars().take(VALUE_MAX).collect();
            match key {
                "q" => search.text = value,
                "c" => search.category = value,
                "e" => search.event = value,
                "i" => search.interest = value,
                "n" => search.rows = value.parse::<usize>().map_or(0, |n| n.min(ROWS_MAX)),
                "o" => search.order = Order::from_key(&value).unwrap_or_default(),
                _ => {}
            }
        }
        search
    }
}

/// The name a search that found nobody may be: at an event, "have I met Helen before?" is a
/// search, and when it finds nobody the next step is to add her. Up to four words that fit a
/// name; typed all in lower case (as search boxes are), each word gets its capital; anything
/// with a capital is kept as typed ("McKenzie", "van Dijk").
pub fn name_from_search(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    let name = if text.chars().any(char::is_uppercase) {
        words.join(" ")
    } else {
        let capitalised: Vec<String> = words
            .iter()
            .map(|w| {
                let mut chars = w.chars();
                chars
                    .next()
                    .map(|first| first.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            })
            .collect();
        capitalised.join(" ")
    };
    (name.chars().count() <= NAME_MAX).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::route::Route;
    use proptest::prelude::*;

    #[test]
    fn a_search_in_the_fragment_is_read_as_far_as_it_can_be() {
        assert_eq!(PeopleSearch::default().to_hash(), "#/people");
        assert_eq!(PeopleSearch::from_hash("#/people"), PeopleSearch::default());
        assert_eq!(
            PeopleSearch::from_hash("#/people?"),
            PeopleSearch::default()
        );
        assert_eq!(
            PeopleSearch::from_hash("#/people?q=Runn"),
            PeopleSearch::words("Runn")
        );
        assert_eq!(
            PeopleSearch::words("St Mary's").to_hash(),
            "#/people?q=St%20Mary%27s"
        );
        // Unknown keys, pairs without a value and broken escapes are dropped, the rest kept.
        assert_eq!(
            PeopleSearch::from_hash("#/people?x=1&q&c=sport&q=%ZZ&i=%FF&e=e1"),
            PeopleSearch {
                category: "sport".into(),
                event: "e1".into(),
                ..PeopleSearch::default()
            }
        );
        let rows = |hash: &str| PeopleSearch::from_hash(hash).rows;
        assert_eq!(rows("#/people?n=300"), 300);
        assert_eq!(rows("#/people?n=99999999999999999999999"), 0);
        assert_eq!(rows("#/people?n=-3"), 0);
        assert_eq!(rows("#/people?n=7000000"), ROWS_MAX);
        let more = PeopleSearch {
            rows: 200,
            ..PeopleSearch::words("run")
        };
        assert_eq!(more.to_hash(), "#/people?q=run&n=200");
        assert!(more.same_search(&PeopleSearch::words("run")));
        assert!(!more.same_search(&PeopleSearch::words("runn")));
        let long = PeopleSearch::from_hash(&format!("#/people?q={}", "a".repeat(5_000)));
        assert_eq!(long, PeopleSearch::words(&"a".repeat(200)));
        // Only People's fragment carries one.
        assert_eq!(
            PeopleSearch::from_hash("#/events?q=x"),
            PeopleSearch::default()
        );
        assert!(!PeopleSearch::words("run").filtered());
        let at_event = PeopleSearch {
            event: "e1".into(),
            ..PeopleSearch::default()
        };
        assert!(at_event.filtered());
        // The order rides along; an unknown one is the default, and it is not a filter.
        let shared = PeopleSearch::from_hash("#/people?q=run&o=shared");
        assert_eq!(shared.order, Order::Shared);
        assert_eq!(shared.to_hash(), "#/people?q=run&o=shared");
        assert!(!shared.filtered());
        assert!(!shared.same_search(&PeopleSearch::words("run")));
        assert_eq!(
            PeopleSearch::from_hash("#/people?o=height").order,
            Order::Name
        );
        assert_eq!(
            PeopleSearch {
                order: Order::Name,
                ..PeopleSearch::default()
            }
            .to_hash(),
            "#/people"
        );
    }

    #[test]
    fn rows_are_arranged_by_the_order_chosen_and_keep_their_found_order_on_ties() {
        // (name, changed, in common), as found: name order.
        let found = [
            ("Ann", 5, 0.0),
            ("Bob", 9, 2.0),
            ("Cat", 1, 0.0),
            ("Dee", 7, 2.0),
        ];
        let arranged = |order| {
            let mut rows = found.to_vec();
            arrange(&mut rows, order, |r| r.1, |r| r.2);
            rows.iter().map(|r| r.0).collect::<Vec<_>>()
        };
        assert_eq!(arranged(Order::Name), ["Ann", "Bob", "Cat", "Dee"]);
        assert_eq!(arranged(Order::Recent), ["Bob", "Dee", "Ann", "Cat"]);
        assert_eq!(arranged(Order::Shared), ["Bob", "Dee", "Ann", "Cat"]);
        for order in Order::ALL {
            assert_eq!(Order::from_key(order.key()), Some(order));
        }
    }

    #[test]
    fn a_search_that_found_nobody_offers_its_words_as_a_name() {
        assert_eq!(name_from_search("helen"), Some("Helen".into()));
        assert_eq!(
            name_from_search("  helen   o'brien "),
            Some("Helen O'brien".into())
        );
        assert_eq!(
            name_from_search("Helen O'Brien"),
            Some("Helen O'Brien".into())
        );
        assert_eq!(
            name_from_search("ruud van Dijk"),
            Some("ruud van Dijk".into())
        );
        assert_eq!(name_from_search("siân"), Some("Siân".into()));
        assert_eq!(name_from_search("   "), None);
        assert_eq!(name_from_search("the woman from the bakery stall"), None);
        assert_eq!(name_from_search(&"a".repeat(NAME_MAX + 1)), None);
        assert_eq!(
            name_from_search(&"a".repeat(NAME_MAX)),
            Some(format!("A{}", "a".repeat(NAME_MAX - 1)))
        );
    }

    proptest! {
        #[test]
        fn any_search_round_trips_and_is_the_people_page(
            text in "\\PC{0,40}",
            category in "[a-z0-9-]{0,12}",
            event in "[A-Za-z0-9_-]{0,12}",
            interest in "\\PC{0,40}",
            rows in 0usize..=100_000,
            order in prop::sample::select(Order::ALL.to_vec()),
        ) {
            let search = PeopleSearch { text, category, event, interest, rows, order };
            let hash = search.to_hash();
            prop_assert_eq!(PeopleSearch::from_hash(&hash), search);
            prop_assert_eq!(Route::parse(&hash), Route::People);
        }

        #[test]
        fn a_name_offered_is_one_the_form_takes(s in "\\PC{0,120}") {
            if let Some(name) = name_from_search(&s) {
                prop_assert!(!name.trim().is_empty());
                prop_assert!(name.chars().count() <= NAME_MAX);
                prop_assert_eq!(name.trim(), name.as_str());
            }
        }

        #[test]
        fn arranging_keeps_every_row_and_orders_ties_as_found(
            rows in prop::collection::vec((0i64..5, 0u8..4), 0..40),
            order in prop::sample::select(Order::ALL.to_vec()),
        ) {
            // (changed, in common, place found)
            let found: Vec<(i64, f64, usize)> = rows
                .iter()
                .enumerate()
                .map(|(n, (changed, shared))| (*changed, f64::from(*shared), n))
                .collect();
            let mut arranged = found.clone();
            arrange(&mut arranged, order, |r| r.0, |r| r.1);
            let mut places: Vec<usize> = arranged.iter().map(|r| r.2).collect();
            places.sort_unstable();
            prop_assert_eq!(places, (0..found.len()).collect::<Vec<_>>());
            for pair in arranged.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                let tie = match order {
                    Order::Name => true,
                    Order::Recent => {
                        prop_assert!(a.0 >= b.0);
                        a.0 == b.0
                    }
                    Order::Shared => {
                        prop_assert!(a.1 >= b.1);
                        a.1 == b.1
                    }
                };
                if tie {
                    prop_assert!(a.2 < b.2);
                }
            }
        }

        #[test]
        fn reading_never_panics(s in "\\PC{0,80}") {
            let _ = PeopleSearch::from_hash(&format!("#/people?{s}"));
        }
    }
}
