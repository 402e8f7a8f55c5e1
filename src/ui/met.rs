//! Where each person was last met, in the words a list row shows after what they do ("WI
//! evening, 3 weeks ago", "WI evening, Dec 2025"), so that a name found years later comes with
//! a place and a time.

use crate::core::model::{EventId, PersonId};
use crate::core::queries::last_met;
use crate::store::clock::today;
use crate::store::AppState;
use crate::ui::format::row_date;
use leptos::prelude::*;
use std::collections::HashMap;

/// Every person met at an event, with the words for their latest one; tracks the events.
pub fn last_met_words(state: AppState) -> HashMap<PersonId, String> {
    let today = today();
    state.events.with(|events| {
        // Each event's words once (the browser's `Intl` says the date), not once a person.
        let mut said: HashMap<&EventId, String> = HashMap::new();
        last_met(events.values())
            .into_iter()
            .map(|(id, e)| {
                let words = said.entry(&e.id).or_insert_with(|| {
                    if e.date.trim().is_empty() {
                        e.name.clone()
                    } else {
                        format!("{}, {}", e.name, row_date(&e.date, &today))
                    }
                });
                (id.clone(), words.clone())
            })
            .collect()
    })
}
