//! One follow-up on a person's page: the tick box (only the box ticks), its text and when it
//! is due in words, and "Change" to edit its text and date (words required, within the limit),
//! put it off or delete it. On the Follow-ups page it also names whose it is.

use super::field::unique_id;
use super::follow_up_fields::FollowUpFields;
use crate::core::limits::FOLLOW_UP_MAX;
use crate::core::model::FollowUp;
use crate::core::nudges::{follow_up_state, snooze, FollowUpState};
use crate::store::clock::today;
use crate::ui::format::human_date;
use leptos::prelude::*;

/// A change to one follow-up (`None`: delete it).
pub type RowEdit = Box<dyn FnOnce(&mut FollowUp) -> bool>;

/// Applies a row's change to the list the row was drawn from. Rows are rebuilt on every
/// change, so `index` is that of the list drawn; a stale one can only miss (`None`), never hit
/// another follow-up. `Some(Some(f))`: the change deleted `f`.
pub fn apply_row_edit(
    list: &mut Vec<FollowUp>,
    index: usize,
    drawn: &FollowUp,
    edit: RowEdit,
) -> Option<Option<FollowUp>> {
    if list.get(index) != Some(drawn) {
        return None;
    }
    Some((!edit(&mut list[index])).then(|| list.remove(index)))
}

/// When a follow-up is due, in words: "Overdue · 3 days ago", "due tomorrow", or nothing.
pub fn due_words(f: &FollowUp, today: &str) -> String {
    match follow_up_state(f, today) {
        FollowUpState::Overdue => format!("Overdue · due {}", human_date(&f.due, today)),
        FollowUpState::Due | FollowUpState::Done if !f.due.is_empty() => {
            format!("due {}", human_date(&f.due, today))
        }
        _ => String::new(),
    }
}

/// Whether `text` can be saved as a follow-up's words. Missing words are said in `problem`;
/// words over the limit are already said under the field, as they are typed.
pub fn follow_up_fits(text: &str, problem: RwSignal<Option<String>>) -> bool {
    let missing = text.trim().is_empty();
    problem.set(missing.then(|| "Write what to follow up first.".to_string()));
    !missing && text.trim().chars().count() <= FOLLOW_UP_MAX
}

#[component]
pub fn FollowUpRow(
    follow_up: FollowUp,
    /// Applies a change; the closure returns false to delete the follow-up.
    on_edit: Callback<RowEdit>,
    /// Whose follow-up it is (their name and page), where the list is everyone's.
    #[prop(optional)]
    whose: Option<(String, String)>,
) -> impl IntoView {
    let today = today();
    let text_id = unique_id("fu-text");
    let when_id = unique_id("fu-when");
    let open = RwSignal::new(false);
    let text = RwSignal::new(follow_up.text.clone());
    let due = RwSignal::new(follow_up.due.clone());
    let problem = RwSignal::new(None::<String>);
    let when = due_words(&follow_up, &today);
    let overdue = follow_up_state(&follow_up, &today) == FollowUpState::Overdue;
    let edit = move |f: RowEdit| on_edit.run(f);
    let snooze_by = move |days: i64| {
        let today = today.clone();
        edit(Box::new(move |f| {
            snooze(f, days, &today);
            true
        }));
    };
    let snooze_week = snooze_by.clone();
    // "Save follow-up", or Enter in its words.
    let save = move || {
        let (t, d) = (text.get_untracked().trim().to_string(), due.get_untracked());
        if !follow_up_fits(&t, problem) {
            return;
        }
        open.set(false);
        edit(Box::new(move |f| {
            f.text = t;
            f.due = d;
            true
        }));
    };
    view! {
        <li class="follow-up" class:overdue=overdue>
            <label class="tick">
                <input
                    type="checkbox"
                    aria-labelledby=format!("{text_id} {when_id}")
                    prop:checked=follow_up.done
                    on:change=move |ev| {
                        let done = event_target_checked(&ev);
                        edit(Box::new(move |f| {
                            f.done = done;
                            true
                        }));
                    }
                />
            </label>
            <div class="follow-up-body">
                <span id=text_id class="follow-up-text">{follow_up.text.clone()}</span>
                {whose.map(|(name, href)| view! { " · " <a href=href>{name}</a> })}
                " "
                <span id=when_id class="follow-up-when">{when}</span>
                <div class="row">
                    <button
                        type="button"
                        class="link-button"
                        aria-expanded=move || open.get().to_string()
                        on:click=move |_| open.update(|o| *o = !*o)
                    >
                        "Change"
                    </button>
                    <button type="button" class="link-button" on:click=move |_| snooze_by(1)>"+1 day"</button>
                    <button type="button" class="link-button" on:click=move |_| snooze_week(7)>"+1 week"</button>
                </div>
                <Show when=move || open.get()>
                    <div class="form follow-up-edit">
                        <FollowUpFields
                            text_label="Follow-up text"
                            due_label="Due date"
                            text=text
                            due=due
                            problem=problem
                            on_enter=Callback::new(move |_| save())
                        />
                        <div class="row">
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| save()
                            >
                                "Save follow-up"
                            </button>
                            <button
                                type="button"
                                class="button button-danger"
                                on:click=move |_| edit(Box::new(|_| false))
                            >
                                "Delete follow-up"
                            </button>
                        </div>
                    </div>
                </Show>
            </div>
        </li>
    }
}
