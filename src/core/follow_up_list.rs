//! Every follow-up still to do, across everyone I met, in the order and the groups the
//! Follow-ups page lists them: what I promised at an event ("send her the article") is found
//! in one place, not only on each person's page or on Home on the day it falls due.

use super::model::{FollowUp, Person, PersonId};
use super::nudges::{follow_up_state, FollowUpState};
use crate::core::order;

/// One follow-up and whose it is (`index` is its place in the person's list, as drawn).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUpEntry {
    pub person: PersonId,
    pub name: String,
    pub index: usize,
    pub follow_up: FollowUp,
}

/// The groups the page shows, in the order it shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum When {
    Overdue,
    Today,
    Later,
    Undated,
}

impl When {
    pub fn heading(self) -> &'static str {
        match self {
            When::Overdue => "Overdue",
            When::Today => "Today",
            When::Later => "Coming up",
            When::Undated => "No date",
        }
    }

    /// The group of a follow-up on `today`, by its date alone: one ticked on the page stays
    /// where it was, so the tick can be taken back in the same place.
    pub fn of(f: &FollowUp, today: &str) -> When {
        let open = FollowUp {
            done: false,
            ..f.clone()
        };
        match follow_up_state(&open, today) {
            FollowUpState::Overdue => When::Overdue,
            FollowUpState::Undated => When::Undated,
            _ if f.due == today => When::Today,
            _ => When::Later,
        }
    }
}

/// The open follow-ups of `people` (and the done ones `keep` holds back: ticked on the page
/// just now), dated ones by date, then the undated; ties by name, then as the person lists them.
pub fn to_do<'a>(
    people: impl IntoIterator<Item = &'a Person>,
    today: &str,
    keep: impl Fn(&PersonId, &FollowUp) -> bool,
) -> Vec<(When, FollowUpEntry)> {
    let mut out: Vec<(When, FollowUpEntry)> = people
        .into_iter()
        .flat_map(|p| {
            let keep = &keep;
            p.follow_ups
                .iter()
                .enumerate()
                .filter(move |(_, f)| !f.done || keep(&p.id, f))
                .map(move |(index, f)| {
                    (
                        When::of(f, today),
                        FollowUpEntry {
                            person: p.id.clone(),
                            name: p.name.clone(),
                            index,
                            follow_up: f.clone(),
                        },
                    )
                })
        })
        .collect();
    order::sort_by(&mut out, |(wa, a), (wb, b)| {
        wa.cmp(wb)
            .then_with(|| a.follow_up.due.cmp(&b.follow_up.due))
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.person.0.cmp(&b.person.0))
            .then_with(|| a.index.cmp(&b.index))
    });
    out
}

/// How many follow-ups are open, and the first one still to come (today's or later's): what
/// Home says under its due list. One pass with no list built, since Home works it out again at
/// every save, with thousands of people stored; it agrees with `to_do` (property test).
pub fn summary<'a>(
    people: impl IntoIterator<Item = &'a Person>,
    today: &str,
) -> (usize, Option<FollowUpEntry>) {
    let mut open = 0;
    let mut next: Option<(&Person, usize, &FollowUp)> = None;
    for p in people {
        for (index, f) in p.follow_ups.iter().enumerate().filter(|(_, f)| !f.done) {
            open += 1;
            if When::of(f, today) != When::Later {
                continue;
            }
            if next.is_none_or(|n| order_key((p, index, f)) < order_key(n)) {
                next = Some((p, index, f));
            }
        }
    }
    let next = next.map(|(p, index, f)| FollowUpEntry {
        person: p.id.clone(),
        name: p.name.clone(),
        index,
        follow_up: f.clone(),
    });
    (open, next)
}

/// `to_do`'s order within a group, borrowed.
fn order_key<'a>(
    (p, i, f): (&'a Person, usize, &'a FollowUp),
) -> (&'a str, &'a str, &'a str, usize) {
    (&f.due, &p.name, &p.id.0, i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn person(id: &str, name: &str, follow_ups: Vec<FollowUp>) -> Person {
        let mut p = Person::new(PersonId(id.into()), name, 0);
        p.follow_ups = follow_ups;
        p
    }

    const TODAY: &str = "2026-12-01";

    #[test]
    fn groups_come_overdue_today_later_undated_and_dates_in_order() {
        let people = [
            person(
                "a",
                "Zoe",
                vec![
                    FollowUp::open("2026-12-09", "call Zoe"),
                    FollowUp::open("", "send the article"),
                    FollowUp::open("2026-11-20", "late one"),
                    FollowUp {
                        done: true,
                        ..FollowUp::open("2026-11-01", "done long ago")
                    },
                ],
            ),
            person(
                "b",
                "Amir",
                vec![
                    FollowUp::open("2026-12-01", "email Amir"),
                    FollowUp::open("2026-12-03", "coffee"),
                    FollowUp::open("", "lend the book"),
                ],
            ),
        ];
        let got: Vec<_> = to_do(people.iter(), TODAY, |_, _| false)
            .into_iter()
            .map(|(w, e)| (w, e.follow_up.text, e.index))
            .collect();
        assert_eq!(
            got,
            vec![
                (When::Overdue, "late one".to_string(), 2),
                (When::Today, "email Amir".to_string(), 0),
                (When::Later, "coffee".to_string(), 1),
                (When::Later, "call Zoe".to_string(), 0),
                (When::Undated, "lend the book".to_string(), 2),
                (When::Undated, "send the article".to_string(), 1),
            ]
        );
        let (open, next) = summary(people.iter(), TODAY);
        assert_eq!(open, 6);
        assert_eq!(next.map(|e| e.follow_up.text), Some("coffee".to_string()));
    }

    #[test]
    fn a_follow_up_ticked_on_the_page_stays_in_its_group() {
        let people = [person(
            "a",
            "Zoe",
            vec![
                FollowUp {
                    done: true,
                    ..FollowUp::open("2026-11-20", "late one")
                },
                FollowUp {
                    done: true,
                    ..FollowUp::open("2026-11-21", "older done")
                },
            ],
        )];
        let kept = to_do(people.iter(), TODAY, |id, f| {
            id.0 == "a" && f.text == "late one"
        });
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].0, When::Overdue);
        assert!(kept[0].1.follow_up.done);
        assert!(to_do(people.iter(), TODAY, |_, _| false).is_empty());
        assert_eq!(summary(people.iter(), TODAY), (0, None));
    }

    #[test]
    fn a_malformed_date_is_undated_not_overdue() {
        let people = [person("a", "Zoe", vec![FollowUp::open("soon", "x")])];
        assert_eq!(
            to_do(people.iter(), TODAY, |_, _| false)[0].0,
            When::Undated
        );
    }

    fn any_follow_up() -> impl Strategy<Value = FollowUp> {
        (
            prop_oneof![
                Just(String::new()),
                (0u32..40).prop_map(|d| {
                    crate::core::dates::add_days("2026-11-15", i64::from(d)).unwrap()
                })
            ],
            "[a-c]{1,2}",
            any::<bool>(),
        )
            .prop_map(|(due, text, done)| FollowUp { due, text, done })
    }

    proptest! {
        /// Every open follow-up is listed exactly once with its own place, no done one is,
        /// and the groups and dates never go backwards.
        #[test]
        fn lists_each_open_follow_up_once_in_order(
            lists in prop::collection::vec(prop::collection::vec(any_follow_up(), 0..6), 0..6)
        ) {
            let people: Vec<Person> = lists
                .into_iter()
                .enumerate()
                .map(|(i, f)| person(&format!("p{i}"), &format!("N{}", i % 3), f))
                .collect();
            let got = to_do(people.iter(), TODAY, |_, _| false);
            let open: usize = people
                .iter()
                .map(|p| p.follow_ups.iter().filter(|f| !f.done).count())
                .sum();
            prop_assert_eq!(got.len(), open);
            for (w, e) in &got {
                let p = people.iter().find(|p| p.id == e.person).unwrap();
                prop_assert_eq!(&p.follow_ups[e.index], &e.follow_up);
                prop_assert!(!e.follow_up.done);
                prop_assert_eq!(*w, When::of(&e.follow_up, TODAY));
            }
            for pair in got.windows(2) {
                let ((wa, a), (wb, b)) = (&pair[0], &pair[1]);
                prop_assert!(wa < wb || (wa == wb && a.follow_up.due <= b.follow_up.due));
            }
            // Home's one-pass summary says what the list says.
            let first_later = got.iter().find(|(w, _)| *w == When::Later).map(|(_, e)| e.clone());
            prop_assert_eq!(summary(people.iter(), TODAY), (got.len(), first_later));
        }
    }
}
