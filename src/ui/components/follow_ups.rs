//! A person's follow-ups: each with a tick box, when it is due in words, and a way to change,
//! put off or delete it (with an undo); a form to add one; and the calendar export.

use super::calendar_button::CalendarButton;
use super::follow_up_fields::FollowUpFields;
use super::follow_up_row::{follow_up_fits, FollowUpRow, RowEdit};
use crate::core::model::{FollowUp, PersonId};
use crate::store::clock::{now, today};
use crate::store::AppState;
use leptos::prelude::*;

/// A change to a person's follow-up list.
type Edit = Box<dyn FnOnce(&mut Vec<FollowUp>)>;

#[component]
pub fn FollowUps(id: PersonId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let due = RwSignal::new(today());
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    // The follow-up deleted last and where it was, for "Undo".
    let removed = RwSignal::new(None::<(usize, FollowUp)>);
    let list = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .people
                .with(|p| p.get(&id).map(|p| p.follow_ups.clone()).unwrap_or_default())
        })
    };
    let update = {
        let id = id.clone();
        move |f: Edit| {
            if let Some(mut p) = state.people.with_untracked(|p| p.get(&id).cloned()) {
                f(&mut p.follow_ups);
                p.updated = now();
                state.save_person(p, None);
            }
        }
    };
    let add_now = {
        let update = update.clone();
        move || {
            let t = text.get_untracked().trim().to_string();
            if !follow_up_fits(&t, problem) {
                return;
            }
            let d = due.get_untracked();
            update(Box::new(move |l| {
                l.push(FollowUp {
                    due: d,
                    text: t,
                    done: false,
                })
            }));
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
    let undo_update = update.clone();
    view! {
        <h2>"Follow-ups"</h2>
        <ul class="follow-ups">
            {move || {
                let update = update.clone();
                list.get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, f)| {
                        let update = update.clone();
                        // Rows are rebuilt on every change, so the index is that of the list
                        // the row was drawn from; a stale one can only miss, never hit another.
                        let expected = f.clone();
                        let on_edit = Callback::new(move |edit: RowEdit| {
                            let expected = expected.clone();
                            update(Box::new(move |l| {
                                if l.get(i) != Some(&expected) {
                                    return;
                                }
                                if !edit(&mut l[i]) {
                                    removed.set(Some((i, l.remove(i))));
                                }
                            }));
                        });
                        view! { <FollowUpRow follow_up=f on_edit=on_edit /> }
                    })
                    .collect_view()
            }}
        </ul>
        {
            move || {
                let update = undo_update.clone();
                removed.get().map(|(i, f)| {
                    let words = format!("Deleted “{}”.", f.text);
                    view! {
                        <p class="row" role="status">
                            <span>{words}</span>
                            <button
                                type="button"
                                class="link-button"
                                on:click=move |_| {
                                    removed.set(None);
                                    let f = f.clone();
                                    update(Box::new(move |l| l.insert(i.min(l.len()), f)));
                                }
                            >
                                "Undo"
                            </button>
                        </p>
                    }
                })
            }
        }
        <form class="form follow-up-add" on:submit=add novalidate>
            <FollowUpFields
                text_label="Follow-up"
                due_label="Due"
                text=text
                due=due
                problem=problem
                on_enter=Callback::new(move |_| add_now())
            />
            <button type="submit" class="button">"Add follow-up"</button>
        </form>
        <CalendarButton person=id />
    }
}
