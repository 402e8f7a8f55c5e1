//! A person's follow-ups: each with a tick box, when it is due in words, and a way to change,
//! put off or delete it (with an undo); a form to add one; and the calendar export.

use super::calendar_button::CalendarButton;
use super::follow_up_fields::FollowUpFields;
use super::follow_up_row::{apply_row_edit, follow_up_fits, FollowUpRow, RowEdit};
use super::follow_up_undo::{FollowUpUndo, Removed};
use crate::core::model::{FollowUp, PersonId};
use crate::store::clock::today;
use crate::store::AppState;
use leptos::prelude::*;

#[component]
pub fn FollowUps(id: PersonId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let due = RwSignal::new(today());
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    // The follow-up deleted last and where it was, for "Undo".
    let removed = RwSignal::new(None::<Removed>);
    let list = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .people
                .with(|p| p.get(&id).map(|p| p.follow_ups.clone()).unwrap_or_default())
        })
    };
    let add_now = {
        let id = id.clone();
        move || {
            let t = text.get_untracked().trim().to_string();
            if !follow_up_fits(&t, problem) {
                return;
            }
            let d = due.get_untracked();
            state.change_follow_ups(&id, move |l| l.push(FollowUp::open(d, t)));
            text.set(String::new());
        }
    };
    let add = {
        let add_now = add_now.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            add_now();
        }
    };
    let rows_id = id.clone();
    view! {
        <h2>"Follow-ups"</h2>
        <ul class="follow-ups">
            {move || {
                list.get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, f)| {
                        let (id, drawn) = (rows_id.clone(), f.clone());
                        let on_edit = Callback::new(move |edit: RowEdit| {
                            let (id, drawn) = (id.clone(), drawn.clone());
                            state.change_follow_ups(&id.clone(), move |l| {
                                if let Some(Some(gone)) = apply_row_edit(l, i, &drawn, edit) {
                                    removed.set(Some((id, i, gone)));
                                }
                            });
                        });
                        view! { <FollowUpRow follow_up=f on_edit=on_edit /> }
                    })
                    .collect_view()
            }}
        </ul>
        <FollowUpUndo removed=removed />
        <form class="form follow-up-add" on:submit=add novalidate>
            <FollowUpFields
                text_label="Follow-up"
                due_label="Due"
                text=text
                due=due
                problem=problem
                on_enter=Callback::new(move |_| add_now())
                quick=true
            />
            <button type="submit" class="button">"Add follow-up"</button>
        </form>
        <CalendarButton person=id />
    }
}
