//! "Another meeting of": the latest meeting of each recent series as a button atop the new-event form,
//! which fills its name, time, place, group and purpose, so next month's breakfast is one tap and
//! carries the same name (the same series: `core::regulars`).

use super::event_fields::EventDraft;
use crate::core::regulars::recent_series;
use crate::store::AppState;
use leptos::prelude::*;

const SHOWN: usize = 4;

#[component]
pub fn EventAgain(draft: EventDraft) -> impl IntoView {
    let state = expect_context::<AppState>();
    let recent = Memo::new(move |_| {
        state.events.with(|events| {
            recent_series(events.values(), SHOWN)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || recent.with(|r| !r.is_empty())>
            <div role="group" aria-labelledby="event-again" class="event-again">
                <p id="event-again" class="field-label">"Another meeting of"</p>
                <ul class="suggestions">
                    {move || {
                        let recent = recent.get();
                        // Two clubs' "AGM": each chip says whose.
                        let twin = |name: &str| recent.iter().filter(|e| e.name == name).count() > 1;
                        let labels: Vec<String> = recent
                            .iter()
                            .map(|e| {
                                if twin(&e.name) && !e.group.trim().is_empty() {
                                    format!("{} · {}", e.name, e.group.trim())
                                } else {
                                    e.name.clone()
                                }
                            })
                            .collect();
                        recent
                            .into_iter()
                            .zip(labels)
                            .map(|(e, name)| {
                                let fill = move |_| {
                                    draft.name.set(e.name.clone());
                                    draft.time.set(e.time.clone());
                                    draft.place.set(e.place.clone());
                                    draft.group.set(e.group.clone());
                                    draft.purpose.set(e.purpose.clone());
                                };
                                view! {
                                    <li>
                                        <button type="button" class="suggestion" on:click=fill>{name}</button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}
