//! `Overlap`: what interest maps share, matched on `InterestKey`, and what to say about it.
//!
//! Interests whose key is empty (punctuation only) match nothing and are left out everywhere,
//! as `add_interest` refuses them; an interest typed twice under two spellings counts once.

use super::interest_key::InterestKey;
use super::model::{CategoryId, Interest};
use super::venn::VennSizes;
use crate::core::order;
use fingerprint::Fingerprint;
use std::collections::HashMap;

mod fingerprint;
mod near;
mod rank;
mod starters;
mod three;
mod venn_model;

pub use near::{near_interests, near_pairs, CloseTo, NearInterest, NearPair};
pub use rank::{rank_by_overlap, rank_pairs, room_overlap, Pair, Ranked, RoomInterest};
pub use starters::{conversation_starters, Starter, StarterKind};
pub use three::{overlap3, Regions3};

/// Score of a shared interest filed under Work by either side.
pub const WORK_WEIGHT: f64 = 1.0;
/// Score of any other shared interest. Everyone in the room already shares the meeting's
/// business: that is only where the circles meet. The good conversations, and the reasons to
/// follow someone up, live in the rest of the map, so those count three times as much.
pub const OTHER_WEIGHT: f64 = 3.0;

/// How many shared labels a ranking row carries for display.
pub const TOP_SHARED: usize = 3;

fn weight(work: bool) -> f64 {
    if work {
        WORK_WEIGHT
    } else {
        OTHER_WEIGHT
    }
}

/// One interest on both maps, in each person's own words.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedInterest {
    pub mine: String,
    pub theirs: String,
    pub key: InterestKey,
    /// My category for it: the shared list is shown from my side.
    pub category: CategoryId,
    pub their_category: CategoryId,
}

impl SharedInterest {
    /// Business if either of us files it under Work: business talk is what the room already
    /// has in common, whoever calls it that.
    pub fn is_work(&self) -> bool {
        self.category.is_work() || self.their_category.is_work()
    }
}

/// My map against one other map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overlap {
    /// In my map's order.
    pub shared: Vec<SharedInterest>,
    pub mine_only: Vec<Interest>,
    pub theirs_only: Vec<Interest>,
    /// [`OTHER_WEIGHT`] per shared non-work interest plus [`WORK_WEIGHT`] per work one.
    pub score: f64,
}

impl Overlap {
    /// The two-circle diagram of this overlap: A is my map, B theirs.
    pub fn venn_sizes(&self) -> VennSizes {
        let shared = self.shared.len() as f64;
        VennSizes::two(
            shared + self.mine_only.len() as f64,
            shared + self.theirs_only.len() as f64,
            shared,
        )
    }
}

/// My interests' keys, computed once and reused against every person. Their labels are
/// normalised only when a cheap fingerprint says they could match one of mine (and, in a
/// ranking, each distinct label once), so ranking a 5,000-person network normalises a few
/// hundred labels rather than 50,000.
#[derive(Clone, Debug, Default)]
pub struct MyKeys {
    interests: Vec<Interest>,
    /// Key → index of the first of my interests with that key.
    index: HashMap<InterestKey, usize>,
    /// Whether each of my interests is the one its key stands for (not empty, not a repeat).
    counted: Vec<bool>,
    /// My keys' fingerprints, sorted for binary search.
    prints: Vec<Fingerprint>,
}

impl MyKeys {
    pub fn new(mine: &[Interest]) -> Self {
        let mut index = HashMap::with_capacity(mine.len());
        let mut counted = vec![false; mine.len()];
        let mut prints = Vec::with_capacity(mine.len());
        for (i, interest) in mine.iter().enumerate() {
            let key = interest.key();
            if !key.is_empty() && !index.contains_key(&key) {
                prints.push(fingerprint::of_key(&key));
                index.insert(key, i);
                counted[i] = true;
            }
        }
        order::sort(&mut prints);
        prints.dedup();
        MyKeys {
            interests: mine.to_vec(),
            index,
            counted,
            prints,
        }
    }

    /// Whether a label with this fingerprint could be one of mine; unknown means maybe.
    fn may_match(&self, print: Option<Fingerprint>) -> bool {
        print.is_none_or(|p| self.prints.binary_search(&p).is_ok())
    }

    /// Which of my interests `label` is, if any: a fingerprint check, then the key.
    fn find(&self, label: &str) -> Option<usize> {
        if self.rules_out(label) {
            return None;
        }
        self.find_by_key(label)
    }

    /// True when the fingerprint alone shows `label` is none of mine.
    fn rules_out(&self, label: &str) -> bool {
        !self.may_match(fingerprint::of_label(label))
    }

    fn find_by_key(&self, label: &str) -> Option<usize> {
        self.index.get(&InterestKey::of(label)).copied()
    }

    /// Calls `found(mine, their_interest)` once per shared key, in their map's order, using
    /// `find` to tell which of mine a label is.
    fn each_match<'t>(
        &self,
        theirs: &'t [Interest],
        mut find: impl FnMut(&'t str) -> Option<usize>,
        mut found: impl FnMut(usize, &Interest),
    ) {
        // Matches per person are few, so a list beats a set; it allocates only on a first match.
        let mut seen: Vec<usize> = Vec::new();
        for t in theirs {
            if let Some(i) = find(&t.label) {
                if !seen.contains(&i) {
                    seen.push(i);
                    found(i, t);
                }
            }
        }
    }

    fn is_work_match(&self, i: usize, theirs: &Interest) -> bool {
        self.interests[i].category.is_work() || theirs.category.is_work()
    }

    /// Only the score of [`MyKeys::overlap`], without building the lists.
    pub fn score(&self, theirs: &[Interest]) -> f64 {
        let mut score = 0.0;
        self.each_match(
            theirs,
            |label| self.find(label),
            |i, t| score += weight(self.is_work_match(i, t)),
        );
        score
    }

    /// My map against `theirs`.
    pub fn overlap(&self, theirs: &[Interest]) -> Overlap {
        let prints: Vec<Option<Fingerprint>> = theirs
            .iter()
            .map(|t| fingerprint::of_label(&t.label))
            .collect();
        // Their keys, normalised only when needed: to look one up, or to tell a repeat.
        let mut keys: Vec<Option<InterestKey>> = vec![None; theirs.len()];
        let mut key_at = |k: usize| keys[k].get_or_insert_with(|| theirs[k].key()).clone();
        // Their interests taken so far; a repeat can only be one whose fingerprint agrees.
        let mut kept: Vec<usize> = Vec::new();
        let mut shared = Vec::new();
        let mut theirs_only = Vec::new();
        let mut matched = vec![false; self.interests.len()];
        let alike = |j: usize, k: usize| {
            prints[j].is_none() || prints[k].is_none() || prints[j] == prints[k]
        };
        for (k, t) in theirs.iter().enumerate() {
            let blank = match prints[k] {
                Some(p) => p.is_blank(),
                None => key_at(k).is_empty(),
            };
            let mut repeat = false;
            for &j in kept.iter().filter(|&&j| alike(j, k)) {
                if key_at(j) == key_at(k) {
                    repeat = true;
                    break;
                }
            }
            if blank || repeat {
                continue;
            }
            kept.push(k);
            let found = if self.may_match(prints[k]) {
                let key = key_at(k);
                self.index.get(&key).map(|&i| (i, key))
            } else {
                None
            };
            match found {
                Some((i, key)) => {
                    matched[i] = true;
                    let mine = &self.interests[i];
                    shared.push((
                        i,
                        SharedInterest {
                            mine: mine.label.clone(),
                            theirs: t.label.clone(),
                            key,
                            category: mine.category.clone(),
                            their_category: t.category.clone(),
                        },
                    ));
                }
                None => theirs_only.push(t.clone()),
            }
        }
        order::sort_by_key(&mut shared, |(i, _)| *i);
        let shared: Vec<SharedInterest> = shared.into_iter().map(|(_, s)| s).collect();
        let mine_only = (0..self.interests.len())
            .filter(|&i| self.counted[i] && !matched[i])
            .map(|i| self.interests[i].clone())
            .collect();
        let score = shared.iter().map(|s| weight(s.is_work())).sum();
        Overlap {
            shared,
            mine_only,
            theirs_only,
            score,
        }
    }
}

/// My map against theirs: see [`MyKeys::overlap`], which to prefer when comparing many.
pub fn overlap(mine: &[Interest], theirs: &[Interest]) -> Overlap {
    MyKeys::new(mine).overlap(theirs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashSet;

    pub(super) fn map(items: &[(&str, &str)]) -> Vec<Interest> {
        items
            .iter()
            .map(|(label, cat)| Interest::new(*label, CategoryId::new(*cat)))
            .collect()
    }

    #[test]
    fn running_and_run_are_shared_in_each_persons_words() {
        let mine = map(&[
            ("Running", "sport"),
            ("Sewing", "hobbies"),
            (" !! ", "other"),
        ]);
        let theirs = map(&[("run", "hobbies"), ("canal boats", "travel")]);
        let o = overlap(&mine, &theirs);
        assert_eq!(o.shared.len(), 1);
        let s = &o.shared[0];
        assert_eq!((s.mine.as_str(), s.theirs.as_str()), ("Running", "run"));
        assert_eq!(s.key, InterestKey::of("runs"));
        assert_eq!(s.category, CategoryId::new("sport"));
        assert_eq!(o.mine_only, map(&[("Sewing", "hobbies")]));
        assert_eq!(o.theirs_only, map(&[("canal boats", "travel")]));
        assert_eq!(o.score, OTHER_WEIGHT);
        assert_eq!(o.venn_sizes(), VennSizes::two(2.0, 2.0, 1.0));
    }

    #[test]
    fn an_interest_typed_twice_is_shared_once() {
        let mine = map(&[("dogs", "family"), ("Dog", "hobbies")]);
        let theirs = map(&[("dog", "family"), ("DOGS", "family")]);
        let o = overlap(&mine, &theirs);
        assert_eq!(o.shared.len(), 1);
        assert!(o.mine_only.is_empty() && o.theirs_only.is_empty());
        assert_eq!(MyKeys::new(&mine).score(&theirs), o.score);
        let theirs = map(&[
            ("canal boats", "travel"),
            ("Café", "food"),
            ("Canal boat", "x"),
            ("cafe", "x"),
        ]);
        let o = overlap(&mine, &theirs);
        assert_eq!(
            o.theirs_only,
            map(&[("canal boats", "travel"), ("Café", "food")])
        );
    }

    #[test]
    fn non_work_overlap_scores_more_than_work() {
        let mine = map(&[
            ("marketing", "work"),
            ("baking", "food"),
            ("bookkeeping", "work"),
        ]);
        let colleague = map(&[("Marketing", "work"), ("Bookkeeping", "learning")]);
        let baker = map(&[("bake", "food")]);
        assert_eq!(overlap(&mine, &colleague).score, 2.0 * WORK_WEIGHT);
        assert_eq!(overlap(&mine, &baker).score, OTHER_WEIGHT);
        assert!(overlap(&mine, &baker).score > overlap(&mine, &colleague).score);
        // Filed as Work by them only: still business.
        let o = overlap(
            &map(&[("coaching", "learning")]),
            &map(&[("Coaching", "work")]),
        );
        assert_eq!(o.score, WORK_WEIGHT);
    }

    proptest! {
        #[test]
        fn overlap_partitions_both_maps_and_agrees_with_its_score(
            mine in proptest::collection::vec(("[a-e]{1,3}s?", prop::bool::ANY), 0..12),
            theirs in proptest::collection::vec(("[a-eé]{1,3}(ing)?", prop::bool::ANY), 0..12),
        ) {
            let to_map = |v: &[(String, bool)]| -> Vec<Interest> {
                let category = |work: bool| CategoryId::new(if work { "work" } else { "food" });
                v.iter().map(|(l, w)| Interest::new(l.clone(), category(*w))).collect()
            };
            let (mine, theirs) = (to_map(&mine), to_map(&theirs));
            let o = overlap(&mine, &theirs);
            let distinct =
                |m: &[Interest]| m.iter().map(Interest::key).collect::<HashSet<_>>().len();
            prop_assert_eq!(o.shared.len() + o.mine_only.len(), distinct(&mine));
            prop_assert_eq!(o.shared.len() + o.theirs_only.len(), distinct(&theirs));
            prop_assert_eq!(MyKeys::new(&mine).score(&theirs), o.score);
            let back = overlap(&theirs, &mine);
            prop_assert_eq!(back.shared.len(), o.shared.len());
            prop_assert_eq!(back.score, o.score);
        }
    }
}
