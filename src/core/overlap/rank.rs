//! Rankings for an event: who to talk to, who to introduce to whom, what the room shares.

use super::{weight, MyKeys, TOP_SHARED};
use crate::core::interest_key::InterestKey;
use crate::core::model::Interest;
use crate::core::order;
use std::collections::HashMap;

impl MyKeys {
    /// Everyone in `people` with their score and up to [`TOP_SHARED`] shared labels (mine,
    /// non-work first), best first; equal scores in id order so the list never shuffles.
    /// People sharing nothing stay in, at the end.
    pub fn rank<Id: Clone + Ord>(&self, people: &[(Id, &[Interest])]) -> Vec<Ranked<Id>> {
        // People type the same popular labels ("Running", "reading"): the same text is the
        // same key, so each distinct label is normalised once per ranking.
        let mut known: HashMap<&str, Option<usize>> = HashMap::new();
        let mut ranked: Vec<Ranked<Id>> = people
            .iter()
            .map(|(id, theirs)| {
                let mut score = 0.0;
                let mut top: Vec<(bool, usize)> = Vec::new();
                let find = |label| {
                    if self.rules_out(label) {
                        return None;
                    }
                    *known
                        .entry(label)
                        .or_insert_with(|| self.find_by_key(label))
                };
                self.each_match(theirs, find, |i, t| {
                    let work = self.is_work_match(i, t);
                    score += weight(work);
                    top.push((work, i));
                });
                order::sort(&mut top);
                Ranked {
                    id: id.clone(),
                    score,
                    top_shared: top
                        .into_iter()
                        .take(TOP_SHARED)
                        .map(|(_, i)| self.interests[i].label.clone())
                        .collect(),
                }
            })
            .collect();
        order::sort_by(&mut ranked, |a, b| {
            b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id))
        });
        ranked
    }
}

/// One person's place in "who to talk to".
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked<Id> {
    pub id: Id,
    pub score: f64,
    pub top_shared: Vec<String>,
}

/// `people` ranked by what they share with `mine`: see [`MyKeys::rank`].
pub fn rank_by_overlap<Id: Clone + Ord>(
    mine: &[Interest],
    people: &[(Id, &[Interest])],
) -> Vec<Ranked<Id>> {
    MyKeys::new(mine).rank(people)
}

/// Two people who share something: a possible introduction.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair<Id> {
    /// The lower of the two ids, so a pair reads the same whichever way round they came.
    pub a: Id,
    pub b: Id,
    pub score: f64,
    /// In `a`'s words, non-work first, then alphabetical.
    pub shared: Vec<String>,
}

/// One person's interests keyed and sorted once, so pairs are compared by a merge.
struct Keyed<'a> {
    keys: Vec<(InterestKey, &'a Interest)>,
}

impl<'a> Keyed<'a> {
    fn new(interests: &'a [Interest]) -> Self {
        let mut keys: Vec<(InterestKey, &Interest)> = interests
            .iter()
            .map(|i| (i.key(), i))
            .filter(|(k, _)| !k.is_empty())
            .collect();
        // Stable sort then dedup keeps each key's first spelling.
        order::sort_by(&mut keys, |x, y| x.0.cmp(&y.0));
        keys.dedup_by(|x, y| x.0 == y.0);
        Keyed { keys }
    }
}

/// "Who to introduce to whom": every pair of `people` sharing at least one interest, best
/// first, equal scores in id order. Scored as [`super::Overlap::score`] is.
pub fn rank_pairs<Id: Clone + Ord>(people: &[(Id, &[Interest])]) -> Vec<Pair<Id>> {
    let keyed: Vec<Keyed> = people.iter().map(|(_, i)| Keyed::new(i)).collect();
    let mut pairs = Vec::new();
    for i in 0..people.len() {
        for j in i + 1..people.len() {
            if people[i].0 == people[j].0 {
                continue;
            }
            let (first, second) = if people[i].0 < people[j].0 {
                (i, j)
            } else {
                (j, i)
            };
            if let Some(pair) = pair_of(
                &people[first].0,
                &people[second].0,
                &keyed[first],
                &keyed[second],
            ) {
                pairs.push(pair);
            }
        }
    }
    order::sort_by(&mut pairs, |x, y| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| x.a.cmp(&y.a))
            .then_with(|| x.b.cmp(&y.b))
    });
    pairs
}

fn pair_of<Id: Clone>(a: &Id, b: &Id, ka: &Keyed, kb: &Keyed) -> Option<Pair<Id>> {
    let (mut x, mut y) = (0, 0);
    let mut shared: Vec<(bool, &str)> = Vec::new();
    while x < ka.keys.len() && y < kb.keys.len() {
        match ka.keys[x].0.cmp(&kb.keys[y].0) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                let (ia, ib) = (ka.keys[x].1, kb.keys[y].1);
                shared.push((ia.category.is_work() || ib.category.is_work(), &ia.label));
                x += 1;
                y += 1;
            }
        }
    }
    if shared.is_empty() {
        return None;
    }
    order::sort(&mut shared);
    Some(Pair {
        a: a.clone(),
        b: b.clone(),
        score: shared.iter().map(|(work, _)| weight(*work)).sum(),
        shared: shared.into_iter().map(|(_, l)| l.to_string()).collect(),
    })
}

/// An interest several people in a room share.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoomInterest {
    /// The first spelling met.
    pub label: String,
    pub key: InterestKey,
    /// How many of the people have it.
    pub count: usize,
}

/// The interests held by at least two of `people`, most widely held first, then by label:
/// the room's common ground beyond the reason it gathered.
pub fn room_overlap<Id>(people: &[(Id, &[Interest])]) -> Vec<RoomInterest> {
    let mut tally: HashMap<InterestKey, RoomInterest> = HashMap::new();
    for (_, interests) in people {
        for (key, interest) in Keyed::new(interests).keys {
            tally
                .entry(key.clone())
                .or_insert_with(|| RoomInterest {
                    label: interest.label.clone(),
                    key,
                    count: 0,
                })
                .count += 1;
        }
    }
    let mut room: Vec<RoomInterest> = tally.into_values().filter(|r| r.count >= 2).collect();
    order::sort_by(&mut room, |x, y| {
        y.count
            .cmp(&x.count)
            .then_with(|| x.label.cmp(&y.label))
            .then_with(|| x.key.cmp(&y.key))
    });
    room
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::overlap::tests::map;

    fn people() -> Vec<(&'static str, Vec<Interest>)> {
        vec![
            ("p3", map(&[("running", "sport"), ("marketing", "work")])),
            ("p1", map(&[("run", "sport")])),
            ("p2", map(&[("Runs", "hobbies"), ("canal boats", "travel")])),
            ("p4", map(&[("opera", "arts")])),
            (
                "p5",
                map(&[("marketing", "work"), ("Canal boat", "travel")]),
            ),
        ]
    }

    fn borrowed<'a>(
        people: &'a [(&'static str, Vec<Interest>)],
    ) -> Vec<(&'static str, &'a [Interest])> {
        people.iter().map(|(id, i)| (*id, i.as_slice())).collect()
    }

    #[test]
    fn ranking_is_by_score_then_id_whatever_the_input_order() {
        let mine = map(&[("Running", "sport"), ("marketing", "work")]);
        let list = people();
        let ranked = rank_by_overlap(&mine, &borrowed(&list));
        let order: Vec<(&str, f64)> = ranked.iter().map(|r| (r.id, r.score)).collect();
        assert_eq!(
            order,
            [
                ("p3", 4.0),
                ("p1", 3.0),
                ("p2", 3.0),
                ("p5", 1.0),
                ("p4", 0.0)
            ]
        );
        assert_eq!(ranked[0].top_shared, ["Running", "marketing"]);
        let mut reversed = list.clone();
        reversed.reverse();
        assert_eq!(rank_by_overlap(&mine, &borrowed(&reversed)), ranked);
    }

    #[test]
    fn pairs_to_introduce_are_ranked_and_read_the_same_either_way_round() {
        let list = people();
        let pairs = rank_pairs(&borrowed(&list));
        let got: Vec<(&str, &str, f64)> = pairs.iter().map(|p| (p.a, p.b, p.score)).collect();
        assert_eq!(
            got,
            [
                ("p1", "p2", 3.0),
                ("p1", "p3", 3.0),
                ("p2", "p3", 3.0),
                ("p2", "p5", 3.0),
                ("p3", "p5", 1.0),
            ]
        );
        assert_eq!(pairs[1].shared, ["run"]);
        let mut reversed = list.clone();
        reversed.reverse();
        assert_eq!(rank_pairs(&borrowed(&reversed)), pairs);
    }

    #[test]
    fn the_room_shares_running_most() {
        let list = people();
        let room = room_overlap(&borrowed(&list));
        let got: Vec<(&str, usize)> = room.iter().map(|r| (r.label.as_str(), r.count)).collect();
        assert_eq!(got, [("running", 3), ("canal boats", 2), ("marketing", 2)]);
    }
}
