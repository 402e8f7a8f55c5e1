//! "Copy summary" and, where the browser has a share sheet, "Share summary" on an event's page:
//! the event as text (`core::event_summary`) for an email, a colleague or a CRM. If the
//! clipboard refuses, the text is shown to select by hand.

use crate::core::event_summary::event_summary;
use crate::core::model::EventId;
use crate::store::clock::today;
use crate::store::AppState;
use crate::ui::format::{event_when, human_date};
use crate::ui::web_share::{can_share, copy_text, share_text};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn EventSummaryActions(event: EventId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let event = StoredValue::new(event);
    let status = RwSignal::new(String::new());
    // The text, shown only when the clipboard refused it.
    let by_hand = RwSignal::new(None::<String>);
    let summary = move || {
        state.events.with_untracked(|events| {
            let e = event.with_value(|id| events.get(id).cloned())?;
            state.people.with_untracked(|people| {
                let met: Vec<_> = e.attendees.iter().filter_map(|id| people.get(id)).collect();
                let day = event_when(&e.date, &e.time, &today());
                let say_date = |d: &str| human_date(d, &today());
                Some((e.name.clone(), event_summary(&e, &day, &met, &say_date)))
            })
        })
    };
    let copy = move |_| {
        let Some((_, text)) = summary() else { return };
        spawn_local(async move {
            if copy_text(&text, None).await {
                by_hand.set(None);
                status.set("Summary copied.".into());
            } else {
                status.set("Could not copy: select the summary below and copy it by hand.".into());
                by_hand.set(Some(text));
            }
        });
    };
    let share = move |_| {
        let Some((name, text)) = summary() else {
            return;
        };
        spawn_local(async move {
            share_text(&name, &text).await;
        });
    };
    view! {
        <div class="row">
            <button type="button" class="button button-quiet" on:click=copy>"Copy summary"</button>
            <Show when=can_share>
                <button type="button" class="button button-quiet" on:click=share>"Share summary"</button>
            </Show>
        </div>
        <p role="status" aria-live="polite">{move || status.get()}</p>
        {move || by_hand.get().map(|text| view! {
            <label class="field">
                <span class="field-label">"Summary"</span>
                <textarea readonly rows="8" prop:value=text></textarea>
            </label>
        })}
    }
}
