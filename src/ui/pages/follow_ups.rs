//! Follow-ups: everything I said I would do, for everyone, in one list — overdue, today,
//! coming up and undated — each ticked, changed or put off where it stands, with whose it is.

use crate::core::follow_up_list::{to_do, FollowUpEntry, When};
use crate::core::model::PersonId;
use crate::core::plural::count;
use crate::core::route::Route;
use crate::store::clock::day;
use crate::store::AppState;
use crate::ui::components::calendar_button::CalendarButton;
use crate::ui::components::follow_up_row::{apply_row_edit, FollowUpRow, RowEdit};
use crate::ui::components::follow_up_undo::{FollowUpUndo, Removed};
use leptos::prelude::*;

#[component]
pub fn FollowUpsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Ticked here: kept on the page, ticked, until I leave it, so a wrong tick is taken back
    // where it was made rather than hunted for on the person's page.
    let ticked = RwSignal::new(Vec::<(PersonId, String)>::new());
    let removed = RwSignal::new(None::<Removed>);
    // Today's date, moving on if the page is left open overnight.
    let day: Signal<String> = Signal::from(day().read_only());
    let list = Memo::new(move |_| {
        let today = day.get();
        ticked.with(|kept| {
            state.people.with(|people| {
                to_do(people.values(), &today, |id, f| {
                    kept.iter().any(|(k, text)| k == id && *text == f.text)
                })
            })
        })
    });
    let open = move || list.with(|l| l.iter().filter(|(_, e)| !e.follow_up.done).count());
    let row = move |entry: FollowUpEntry| {
        let FollowUpEntry {
            person,
            name,
            index,
            follow_up,
        } = entry;
        let whose = (name, Route::Person(person.clone()).to_hash());
        let drawn = follow_up.clone();
        let on_edit = Callback::new(move |edit: RowEdit| {
            let (id, drawn) = (person.clone(), drawn.clone());
            state.change_follow_ups(&id.clone(), move |l| {
                match apply_row_edit(l, index, &drawn, edit) {
                    Some(Some(gone)) => removed.set(Some((id, index, gone))),
                    Some(None) if l[index].done && !drawn.done => {
                        let text = l[index].text.clone();
                        ticked.update(|t| t.push((id, text)));
                    }
                    _ => {}
                }
            });
        });
        view! { <FollowUpRow follow_up=follow_up on_edit=on_edit whose=whose /> }
    };
    let groups = move || {
        let mut groups: Vec<(When, Vec<FollowUpEntry>)> = Vec::new();
        for (when, entry) in list.get() {
            match groups.last_mut() {
                Some((w, entries)) if *w == when => entries.push(entry),
                _ => groups.push((when, vec![entry])),
            }
        }
        groups
            .into_iter()
            .map(|(when, entries)| {
                view! {
                    <section>
                        <h2>{when.heading()}</h2>
                        <ul class="follow-ups">{entries.into_iter().map(row).collect_view()}</ul>
                    </section>
                }
            })
            .collect_view()
    };
    view! {
        <h1>"Follow-ups"</h1>
        <Show
            when=move || list.with(|l| !l.is_empty())
            fallback=|| {
                view! {
                    <p class="muted">
                        "Nothing to follow up. What you promise someone goes on their page, under “Follow-ups”, and is listed here until it is done."
                    </p>
                    <a class="more-link" href="#/people">"Open People"</a>
                }
            }
        >
            <p class="muted">
                {move || match open() {
                    0 => "All done.".to_string(),
                    n => format!("{} to do.", count(n, "follow-up", "follow-ups")),
                }}
            </p>
            {groups}
        </Show>
        <FollowUpUndo removed=removed />
        <CalendarButton />
    }
}
