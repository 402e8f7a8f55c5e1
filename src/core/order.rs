//! Every ordering in the app goes through one compiled sort.
//!
//! The standard library's sorts are generic over the item and the comparison, so each call
//! site compiles its own copy (a dozen functions, 2–5 KB of wasm each time): the chunks a tap
//! on My map waits for carried some 60 KB of sort code. Here a list is sorted as positions,
//! with the comparison behind a trait object, so the sort itself is compiled once and a call
//! site adds only its comparison and a few lines that move the items into place.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably (equal items keep their order), like `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by a key, stably, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, like `slice::sort`.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` puts them, ties in position order. Never
/// inlined: this is the one copy of the standard sort.
#[inline(never)]
#[allow(clippy::disallowed_methods)]
fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Puts into slot `i` the item that was at `order[i]`, following each cycle of the permutation
/// with swaps (no copy of the items, no `Clone`).
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..items.len() {
        let mut slot = start;
        loop {
            let from = order[slot];
            if from == DONE {
                break;
            }
            order[slot] = DONE;
            if from == start {
                break;
            }
            items.swap(slot, from);
            slot = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_items_keep_their_order() {
        let mut pairs = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut pairs, |p| p.0);
        assert_eq!(pairs, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn items_that_cannot_be_copied_are_moved_into_place() {
        let mut names: Vec<String> = ["Meg", "Ann", "Zoë", "Bea"].map(String::from).to_vec();
        sort(&mut names);
        assert_eq!(names, ["Ann", "Bea", "Meg", "Zoë"]);
        sort_by(&mut names, |a, b| b.cmp(a));
        assert_eq!(names, ["Zoë", "Meg", "Bea", "Ann"]);
    }

    #[test]
    fn empty_and_single_lists_are_left_alone() {
        let mut none: Vec<u8> = vec![];
        sort(&mut none);
        assert!(none.is_empty());
        let mut one = vec![7];
        sort(&mut one);
        assert_eq!(one, [7]);
    }

    proptest! {
        #[test]
        fn the_same_order_as_the_standard_stable_sort(
            items in prop::collection::vec((0u8..6, any::<u16>()), 0..300),
        ) {
            let mut ours = items.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut theirs = items;
            theirs.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, theirs);
        }
    }
}
