//! An event's regulars (`core::regulars`): the people met at other meetings of its club or
//! series, each with what they do, when I last met them and what I still owe them, ticked to
//! file them as met here too.

use crate::core::current_event::{has_begun, is_over};
use crate::core::model::{Event, Interest, Person};
use crate::core::overlap::{MyKeys, TOP_SHARED};
use crate::core::regulars::{regulars, Regular};
use crate::store::clock::today;
use crate::store::AppState;
use crate::ui::format::{join_present, row_date};
use leptos::prelude::*;

/// Rows shown before "Show all": a club of forty must not push tonight's list off the screen.
const FIRST_ROWS: usize = 6;

#[component]
pub fn Regulars(
    /// The event whose page this is, as the page reads it.
    #[prop(into)]
    this: Signal<Option<Event>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let list = Memo::new(move |_| {
        let Some(this) = this.get() else {
            return Vec::new();
        };
        let found = state.events.with(|events| regulars(&this, events.values()));
        let mine = state.me.with(|me| MyKeys::new(&me.interests));
        state.people.with(|people| {
            found
                .into_iter()
                .filter_map(|r| {
                    let p = people.get(&r.person)?;
                    Some((r, p.clone(), shared_words(&mine, &p.interests)))
                })
                .collect::<Vec<_>>()
        })
    });
    let all = RwSignal::new(false);
    let shown = move || {
        let mut rows = list.get();
        if !all.get() {
            rows.truncate(FIRST_ROWS);
        }
        rows
    };
    let row = move |(regular, person, shared): (Regular, Person, String)| {
        let id = person.id.clone();
        let here = {
            let id = id.clone();
            move || this.with(|e| e.as_ref().is_some_and(|e| e.attendees.contains(&id)))
        };
        let tick = move |ev| {
            let on = event_target_checked(&ev);
            if let Some(event) = this.with_untracked(|e| e.as_ref().map(|e| e.id.clone())) {
                state.set_attendance(&event, &id, on);
            }
        };
        let about = format!("regular-{}", person.id.0);
        let to_do = person
            .follow_ups
            .iter()
            .find(|f| !f.done)
            .map(|f| format!("To do: {}", f.text));
        view! {
            <li class="regular">
                <label class="check">
                    <input type="checkbox" prop:checked=here on:change=tick aria-describedby=about.clone() />
                    <span class="person-name">{person.name.clone()}</span>
                </label>
                <p id=about class="regular-about">
                    <span class="person-what">{met_words(&person, &regular)}</span>
                    {(!shared.is_empty()).then(|| view! { <span class="search-why">{shared}</span> })}
                    {to_do.map(|t| view! { <span class="search-why">{t}</span> })}
                </p>
            </li>
        }
    };
    view! {
        <Show when=move || list.with(|l| !l.is_empty())>
            <section class="regulars" aria-labelledby="regulars-heading">
                <h2 id="regulars-heading">"Regulars"</h2>
                <p class="muted">{move || this.with(|e| e.as_ref().map(invitation).unwrap_or_default())}</p>
                <ul class="regular-list">{move || shown().into_iter().map(row).collect_view()}</ul>
                <Show when=move || !all.get() && list.with(|l| l.len() > FIRST_ROWS)>
                    <button type="button" class="button button-quiet" on:click=move |_| all.set(true)>
                        {move || format!("Show all {}", list.with(Vec::len))}
                    </button>
                </Show>
            </section>
        </Show>
    }
}

/// "People I met at other meetings of Chamber of Commerce. Tick who is here."
fn invitation(event: &Event) -> String {
    let series = if event.group.trim().is_empty() {
        format!("“{}”", event.name.trim())
    } else {
        event.group.trim().to_string()
    };
    let today = today();
    let tick = if is_over(event, &today) {
        "Tick who was there."
    } else if has_begun(event, &today) {
        "Tick who is here."
    } else {
        "Tick them when you meet them there."
    };
    format!("People I met at other meetings of {series}. {tick}")
}

/// "Florist · last met 3 weeks ago, 2 times".
fn met_words(person: &Person, regular: &Regular) -> String {
    let last = (!regular.last.is_empty())
        .then(|| format!("last met {}", row_date(&regular.last, &today())));
    let times = (regular.times > 1).then(|| format!("{} times", regular.times));
    let met = join_present(
        &[
            last.as_deref().unwrap_or_default(),
            times.as_deref().unwrap_or_default(),
        ],
        ", ",
    );
    join_present(&[person.what.as_str(), met.as_str()], " · ")
}

/// "You share Running, Allotment": what to open with, the interests beyond the meeting's
/// business first (as "Who to talk to" weighs them); empty when we share nothing.
fn shared_words(mine: &MyKeys, theirs: &[Interest]) -> String {
    let overlap = mine.overlap(theirs);
    let mut shared: Vec<_> = overlap.shared.iter().collect();
    crate::core::order::sort_by_key(&mut shared, |s| s.is_work());
    let words: Vec<&str> = shared
        .iter()
        .take(TOP_SHARED)
        .map(|s| s.mine.as_str())
        .collect();
    if words.is_empty() {
        String::new()
    } else {
        format!("You share {}", words.join(", "))
    }
}
