//! On a received map from someone already saved: what is new on it since ("New since you saved
//! Meg: Dahlias, Sea swimming"), the opener for a face met again at the next meeting.

use crate::core::duplicates::{new_interests, same_name};
use crate::core::route::Route;
use crate::core::share::SharePayload;
use crate::store::AppState;
use leptos::prelude::*;

/// Interests named before "and N more".
const NAMED: usize = 5;

#[component]
pub fn NewSince(payload: SharePayload) -> impl IntoView {
    let state = expect_context::<AppState>();
    let found = state.people.with_untracked(|people| {
        let saved = same_name(people.values(), &payload.name, None)?;
        // Saved from a badge or by hand with no interests: everything would be "new".
        if saved.interests.is_empty() {
            return None;
        }
        let new: Vec<String> = new_interests(saved, &payload.interests)
            .into_iter()
            .map(|i| i.label.clone())
            .collect();
        (!new.is_empty()).then(|| (saved.id.clone(), saved.name.clone(), new))
    });
    found.map(|(id, name, new)| {
        let more = new.len().saturating_sub(NAMED);
        let mut list = new.into_iter().take(NAMED).collect::<Vec<_>>().join(", ");
        if more > 0 {
            list.push_str(&format!(" and {more} more"));
        }
        view! {
            <div class="card new-since">
                <p>
                    "New since you saved "
                    <a href=Route::Person(id).to_hash()>{name}</a>
                    {format!(": {list}.")}
                </p>
            </div>
        }
    })
}
