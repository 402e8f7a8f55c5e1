//! A follow-up's words and due date, as the add form, a row's edit form and quick add ask for
//! them: Enter in the words does what the form's button does (in quick add, moves on), and a
//! refused empty save is said under them until words are typed.

use super::due_choices::DueChoices;
use super::field::TextField;
use crate::core::limits::FOLLOW_UP_MAX;
use leptos::prelude::*;

#[component]
pub fn FollowUpFields(
    text_label: &'static str,
    due_label: &'static str,
    text: RwSignal<String>,
    due: RwSignal<String>,
    /// The message `follow_up_row::follow_up_fits` left.
    #[prop(optional)]
    problem: Option<RwSignal<Option<String>>>,
    /// What Enter in the words does; without it, Enter moves to the next field.
    #[prop(optional)]
    on_enter: Option<Callback<()>>,
    /// One-tap dates under the date box (the add form: a row's edit form has "+1 day").
    #[prop(optional)]
    quick: bool,
) -> impl IntoView {
    view! {
        <TextField
            label=text_label
            value=text
            max=FOLLOW_UP_MAX
            enterkeyhint=if on_enter.is_some() { "done" } else { "next" }
            on_enter=on_enter
        />
        <label class="field">
            <span class="field-label">{due_label}</span>
            <input type="date" prop:value=move || due.get() on:input=move |ev| due.set(event_target_value(&ev)) />
        </label>
        {quick.then(|| view! { <DueChoices due=due /> })}
        {move || {
            problem
                .and_then(|p| p.get())
                .filter(|_| text.with(|t| t.trim().is_empty()))
                .map(|p| view! { <p class="field-error" role="alert">{p}</p> })
        }}
    }
}
