//! Near interests: one of mine and one of theirs that are not the same interest but name the
//! same thing ("Wild swimming" and "Sea swimming", "Family history" and "Local history").
//!
//! Matching stays exact everywhere else (the Venn, the score, who shares an interest), because a
//! user must be able to see why two things matched. Near interests are only a conversation
//! starter, and they say which word they meet on, so a wrong one costs nothing but a line.

use crate::core::interest_key::{fold, stems, InterestKey};
use crate::core::model::Interest;
use crate::core::order;
use std::sync::OnceLock;

/// One of my interests and one of theirs that share a word.
#[derive(Clone, Debug, PartialEq)]
pub struct NearInterest {
    pub mine: Interest,
    pub theirs: Interest,
}

/// Words too common in interest labels to say two interests are near: "Open water swimming"
/// and "Open source" share nothing, nor do "Learning Welsh" and "Learning the piano". Compared
/// by stem, so "clubs" is "club" and "making" is "make".
#[rustfmt::skip]
const TOO_COMMON: &[&str] = &[
    // Joining words and owners.
    "and", "the", "for", "with", "from", "into", "about", "our", "your", "their", "his", "her",
    "its", "all", "any", "other", "more", "most", "some", "very", "not", "out", "off",
    // Doing words that go with anything.
    "play", "watch", "make", "learn", "go", "do", "get", "take", "keep", "help", "try", "start",
    "lover", "fan", "love", "like",
    // Groups, places and schemes of any kind.
    "club", "group", "society", "team", "community", "centre", "center", "scheme", "project",
    "programme", "program", "campaign", "service", "network", "association", "trust",
    "committee", "meeting", "event", "home", "house", "local", "national", "international",
    "world", "british", "english", "uk", "town", "city",
    // Time and size.
    "day", "week", "weekly", "weekend", "night", "morning", "evening", "year", "time", "life",
    "daily", "month", "monthly", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "spring", "summer", "autumn", "winter", "high", "low",
    // Words that name what kind, not what.
    "social", "public", "board", "care", "support", "red", "blue", "green", "black", "white",
    "new", "old", "good", "great", "big", "small", "little", "best", "first", "last", "open",
    "free", "real", "own", "general", "things", "stuff", "kid", "children", "child", "family",
    "food",
];

/// Labels whose words mean something else on their own: the school run is not running.
const NEVER_NEAR: &[&str] = &["school run"];

/// Whether `stem` is worth matching on: a word of three letters or more, not too common.
fn telling(stem: &str, common: &[String]) -> bool {
    stem.chars().count() >= 3
        && stem.chars().all(char::is_alphabetic)
        && !common.iter().any(|c| c == stem)
}

/// The stems of a label's telling words.
fn telling_words(label: &str) -> Vec<String> {
    // Stemmed once: "Who shares this?" asks this of every person on the phone.
    static COMMON: OnceLock<Vec<String>> = OnceLock::new();
    static NEVER: OnceLock<Vec<InterestKey>> = OnceLock::new();
    let common = COMMON.get_or_init(|| TOO_COMMON.iter().flat_map(|w| stems(w)).collect());
    let never = NEVER.get_or_init(|| NEVER_NEAR.iter().map(|l| InterestKey::of(l)).collect());
    if never.contains(&InterestKey::of(label)) {
        return Vec::new();
    }
    let mut words: Vec<String> = stems(label)
        .into_iter()
        .filter(|s| telling(s, common))
        .collect();
    words.dedup();
    words
}

fn words_of(interests: &[Interest]) -> Vec<Vec<String>> {
    interests.iter().map(|i| telling_words(&i.label)).collect()
}

/// Which of mine goes with which of theirs (indices), given each side's telling words: for
/// each of theirs in order, the first of mine not yet taken that has a word in common.
fn pair_up(mine: &[Vec<String>], theirs: &[Vec<String>]) -> Vec<(usize, usize)> {
    let mut taken = vec![false; mine.len()];
    let mut pairs = Vec::new();
    for (t, their_words) in theirs.iter().enumerate() {
        let found =
            (0..mine.len()).find(|&i| !taken[i] && mine[i].iter().any(|w| their_words.contains(w)));
        if let Some(i) = found {
            taken[i] = true;
            pairs.push((i, t));
        }
    }
    pairs
}

/// Pairs of my interests and theirs that share a telling word, each interest in one pair at
/// most, in their map's order. Pass interests that are not shared outright (an `Overlap`'s
/// `mine_only` and `theirs_only`): identical interests are never "near".
pub fn near_interests(mine: &[Interest], theirs: &[Interest]) -> Vec<NearInterest> {
    pair_up(&words_of(mine), &words_of(theirs))
        .into_iter()
        .map(|(i, t)| NearInterest {
            mine: mine[i].clone(),
            theirs: theirs[t].clone(),
        })
        .collect()
}

/// One interest, ready to be compared with many: "Who shares this?" asks every person on the
/// phone, so a label is stemmed only when its text could hold one of this interest's words.
pub struct CloseTo {
    words: Vec<String>,
    /// Each word's stem without a final "i" ("babi" for "baby"): stemming only ever cuts a
    /// word or turns its last "y" into "i", so a word with that stem starts with this.
    probes: Vec<String>,
}

impl CloseTo {
    pub fn new(label: &str) -> Self {
        let words = telling_words(label);
        let probes = words
            .iter()
            .map(|w| w.strip_suffix('i').unwrap_or(w).to_string())
            .collect();
        CloseTo { words, probes }
    }

    /// The first of `theirs` close to this interest.
    pub fn find<'a>(&self, theirs: &'a [Interest]) -> Option<&'a Interest> {
        theirs.iter().find(|t| {
            let folded = fold(&t.label);
            self.probes.iter().any(|p| folded.contains(p.as_str()))
                && telling_words(&t.label)
                    .iter()
                    .any(|w| self.words.contains(w))
        })
    }
}

/// Two people in a room whose interests are close but not the same: an introduction that
/// exact matching misses.
#[derive(Clone, Debug, PartialEq)]
pub struct NearPair<Id> {
    /// The lower of the two ids, as in [`super::Pair`].
    pub a: Id,
    pub b: Id,
    /// `a`'s interest, then `b`'s.
    pub labels: (String, String),
}

/// Up to `wanted` pairs of `people` with close interests, in id order, leaving out the pairs in
/// `skip` (those already introduced on what they share). Each person's words are found once,
/// and it stops as soon as it has enough, so a full room costs nothing when exact pairs
/// already fill the list.
pub fn near_pairs<Id: Clone + Ord>(
    people: &[(Id, &[Interest])],
    skip: &[(Id, Id)],
    wanted: usize,
) -> Vec<NearPair<Id>> {
    let mut found = Vec::new();
    if wanted == 0 {
        return found;
    }
    let mut sorted: Vec<&(Id, &[Interest])> = people.iter().collect();
    order::sort_by(&mut sorted, |x, y| x.0.cmp(&y.0));
    let words: Vec<Vec<Vec<String>>> = sorted.iter().map(|(_, i)| words_of(i)).collect();
    for (n, a) in sorted.iter().enumerate() {
        for (m, b) in sorted.iter().enumerate().skip(n + 1) {
            if a.0 == b.0 || skip.iter().any(|(x, y)| *x == a.0 && *y == b.0) {
                continue;
            }
            if let Some(&(i, t)) = pair_up(&words[n], &words[m]).first() {
                found.push(NearPair {
                    a: a.0.clone(),
                    b: b.0.clone(),
                    labels: (a.1[i].label.clone(), b.1[t].label.clone()),
                });
                if found.len() >= wanted {
                    return found;
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::overlap::overlap;
    use crate::core::overlap::tests::map;
    use proptest::prelude::*;

    fn pairs(mine: &[(&str, &str)], theirs: &[(&str, &str)]) -> Vec<(String, String)> {
        near_interests(&map(mine), &map(theirs))
            .into_iter()
            .map(|n| (n.mine.label, n.theirs.label))
            .collect()
    }

    #[test]
    fn interests_that_share_a_word_in_any_form_are_near() {
        assert_eq!(
            pairs(
                &[("Wild swimming", "sport"), ("Family history", "hobbies")],
                &[("Local History", "local"), ("swim at the lido", "sport")]
            ),
            [
                ("Family history".to_string(), "Local History".to_string()),
                ("Wild swimming".to_string(), "swim at the lido".to_string()),
            ],
            "in their map's order, whatever the case or form of the word"
        );
    }

    #[test]
    fn common_words_make_nothing_near() {
        let mine = [
            ("Open water swimming", "sport"),
            ("Learning Welsh", "learning"),
            ("Book club", "hobbies"),
            ("Playing guitar", "music"),
            ("My kids' school", "family"),
            ("Food bank", "causes"),
            ("School run", "family"),
            ("Sunday lunch", "food"),
            ("Social media", "work"),
            ("Board games", "hobbies"),
        ];
        let theirs = [
            ("Open source", "work"),
            ("Learning the piano", "learning"),
            ("Running club", "sport"),
            ("Playing golf", "sport"),
            ("Kids' football", "family"),
            ("Street food", "food"),
            ("Trail running", "sport"),
            ("Sunday league football", "sport"),
            ("Social housing", "causes"),
            ("Board of trustees", "work"),
        ];
        assert_eq!(pairs(&mine, &theirs), []);
    }

    #[test]
    fn each_interest_is_in_one_pair_at_most() {
        assert_eq!(
            pairs(
                &[("Jazz music", "music"), ("Folk music", "music")],
                &[
                    ("Music festivals", "music"),
                    ("Music production", "work"),
                    ("Church music", "causes")
                ]
            ),
            [
                ("Jazz music".to_string(), "Music festivals".to_string()),
                ("Folk music".to_string(), "Music production".to_string()),
            ]
        );
    }

    #[test]
    fn short_words_and_numbers_are_not_telling() {
        assert_eq!(
            pairs(
                &[("5k PB 24:10", "sport"), ("DJ sets", "music")],
                &[("5k fun run", "sport"), ("DJ Shadow", "music")]
            ),
            []
        );
    }

    /// The text check that spares most labels their stemming never loses a close pair: every
    /// two forms of a few words ("baby" and "babies", "carried" and "carry", "dance" and
    /// "dancing"), alone and with another word.
    #[test]
    fn close_to_finds_exactly_what_near_interests_pairs() {
        let ends = ["", "y", "ies", "ied", "ing", "ed", "es", "e", "s"];
        for base in ["bab", "carr", "danc", "runn", "hobb", "lad"] {
            for x in ends {
                for y in ends {
                    for (a, b) in [
                        (format!("{base}{x}"), format!("{base}{y}")),
                        (format!("wild {base}{x}"), format!("{base}{y} club")),
                    ] {
                        let (mine, theirs) = (map(&[(&a, "hobbies")]), map(&[(&b, "hobbies")]));
                        assert_eq!(
                            CloseTo::new(&a).find(&theirs).is_some(),
                            !near_interests(&mine, &theirs).is_empty(),
                            "{a} / {b}"
                        );
                    }
                }
            }
        }
    }

    proptest! {
        /// Whatever the labels: a near pair is never the same interest, never reuses an
        /// interest, and always shares a word.
        #[test]
        fn near_pairs_are_distinct_unique_and_share_a_word(
            mine in prop::collection::vec("[a-c]{3,4}( [a-c]{3,4}){0,2}", 0..8),
            theirs in prop::collection::vec("[a-c]{3,4}( [a-c]{3,4}){0,2}", 0..8),
        ) {
            let mine: Vec<Interest> = map(&mine.iter().map(|l| (l.as_str(), "hobbies")).collect::<Vec<_>>());
            let theirs: Vec<Interest> = map(&theirs.iter().map(|l| (l.as_str(), "hobbies")).collect::<Vec<_>>());
            let o = overlap(&mine, &theirs);
            let near = near_interests(&o.mine_only, &o.theirs_only);
            for (k, n) in near.iter().enumerate() {
                prop_assert_ne!(n.mine.key(), n.theirs.key());
                let a = stems(&n.mine.label);
                prop_assert!(stems(&n.theirs.label).iter().any(|w| a.contains(w)));
                for other in &near[k + 1..] {
                    prop_assert_ne!(&other.mine, &n.mine);
                    prop_assert_ne!(&other.theirs, &n.theirs);
                }
            }
        }
    }

    #[test]
    fn near_pairs_skip_those_introduced_already_and_stop_when_there_are_enough() {
        let ann = map(&[("Sea swimming", "sport")]);
        let cat = map(&[("Wild swimming", "sport"), ("Jazz music", "arts")]);
        let bo = map(&[("Folk music", "arts"), ("sea swimming", "sport")]);
        let people: Vec<(u32, &[Interest])> = vec![(3, &cat), (1, &ann), (2, &bo)];
        let labels = |pairs: Vec<NearPair<u32>>| -> Vec<(u32, u32, String, String)> {
            pairs
                .into_iter()
                .map(|p| (p.a, p.b, p.labels.0, p.labels.1))
                .collect()
        };
        let s = |x: &str| x.to_string();
        // Ann and Bo share Sea swimming outright: the exact list has them.
        assert_eq!(
            labels(near_pairs(&people, &[(1, 2)], 5)),
            [
                (1, 3, s("Sea swimming"), s("Wild swimming")),
                (2, 3, s("sea swimming"), s("Wild swimming")),
            ]
        );
        assert_eq!(labels(near_pairs(&people, &[(1, 2)], 1)).len(), 1);
        assert_eq!(labels(near_pairs(&people, &[], 0)), []);
    }
}
