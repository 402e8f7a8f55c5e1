//! Where each page of this tab's history was scrolled to, so that Back returns to the same
//! place in a long list (People, an event's room), as a phone's own apps do.
//!
//! The app draws each page anew and starts it at the top; the browser's own scroll
//! restoration happens before that and is lost. So every history entry gets a number, kept by
//! the shell in `history.state`, and this remembers the last place seen on each.

/// How many entries are remembered: a long session forgets its oldest.
const REMEMBERED: usize = 64;

#[derive(Debug)]
pub struct ScrollMemory {
    next: u64,
    current: Option<u64>,
    places: Vec<(u64, f64)>,
}

/// What arriving at a history entry means.
#[derive(Debug, PartialEq)]
pub struct Arrival {
    /// The entry's number; if `new`, the shell writes it into the entry.
    pub key: u64,
    pub new: bool,
    /// Where to scroll the page drawn for it: the top of a new one.
    pub y: f64,
}

impl ScrollMemory {
    /// Numbers start from `seed` (the shell passes the time in milliseconds, times 1000), so
    /// that entries numbered before a reload, still in the browser's history, are not mistaken
    /// for new ones.
    pub fn new(seed: u64) -> Self {
        ScrollMemory {
            next: seed,
            current: None,
            places: Vec::new(),
        }
    }

    /// The tab is now at the entry numbered `key` (`None`: an entry not numbered yet).
    pub fn arrive(&mut self, key: Option<u64>) -> Arrival {
        let Some(key) = key else {
            let key = self.next;
            self.next += 1;
            self.current = Some(key);
            return Arrival {
                key,
                new: true,
                y: 0.0,
            };
        };
        self.current = Some(key);
        let y = self
            .places
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(0.0, |(_, y)| *y);
        Arrival { key, new: false, y }
    }

    /// The page showing was scrolled to `y`.
    pub fn scrolled(&mut self, y: f64) {
        let Some(key) = self.current else {
            return;
        };
        self.places.retain(|(k, _)| *k != key);
        self.places.push((key, y.max(0.0)));
        if self.places.len() > REMEMBERED {
            self.places.remove(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_returns_to_where_the_list_was_and_a_new_page_starts_at_the_top() {
        let mut m = ScrollMemory::new(1000);
        let people = m.arrive(None);
        assert_eq!((people.key, people.new, people.y), (1000, true, 0.0));
        m.scrolled(640.0);
        let person = m.arrive(None);
        assert_eq!((person.key, person.new, person.y), (1001, true, 0.0));
        m.scrolled(120.0);
        let back = m.arrive(Some(1000));
        assert_eq!(
            back,
            Arrival {
                key: 1000,
                new: false,
                y: 640.0
            }
        );
        let forward = m.arrive(Some(1001));
        assert_eq!(forward.y, 120.0);
    }

    #[test]
    fn an_entry_from_before_a_reload_starts_at_the_top_and_keeps_its_number() {
        let mut m = ScrollMemory::new(5_000);
        assert_eq!(
            m.arrive(Some(17)),
            Arrival {
                key: 17,
                new: false,
                y: 0.0
            }
        );
        m.scrolled(-8.0); // Safari's bounce past the top
        assert_eq!(m.arrive(Some(17)).y, 0.0);
        assert_eq!(m.arrive(None).key, 5_000);
    }

    #[test]
    fn only_the_latest_entries_are_remembered() {
        let mut m = ScrollMemory::new(0);
        let first = m.arrive(None).key;
        m.scrolled(300.0);
        for _ in 0..REMEMBERED {
            m.arrive(None);
            m.scrolled(10.0);
        }
        assert_eq!(m.arrive(Some(first)).y, 0.0, "forgotten");
        assert_eq!(m.places.len(), REMEMBERED);
        // Scrolling before any arrival is nowhere to remember.
        let mut fresh = ScrollMemory::new(0);
        fresh.scrolled(50.0);
        assert!(fresh.places.is_empty());
    }
}
