//! What goes into my link: categories, the interests in each, the contact fields I have filled
//! in (all off until ticked) and a message. Each tick is handed to `choose`, which remembers it.

use crate::core::model::{Category, Interest};
use crate::core::share::MESSAGE_MAX;
use crate::core::share_choices::{contact_field, ShareChoices, CONTACT_FIELDS};
use crate::store::AppState;
use crate::ui::components::field::TextField;
use leptos::prelude::*;

#[component]
pub fn ShareChooser(
    choices: RwSignal<ShareChoices>,
    choose: impl Fn(ShareChoices) + Copy + Send + Sync + 'static,
    message: RwSignal<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let change = move |f: &dyn Fn(&mut ShareChoices)| {
        let mut c = choices.get_untracked();
        f(&mut c);
        choose(c);
    };
    let categories_in_use = Memo::new(move |_| {
        state.me.with(|me| {
            state.categories.with(|cats| {
                cats.iter()
                    .filter_map(|c| {
                        let items: Vec<Interest> = me
                            .interests
                            .iter()
                            .filter(|i| i.category == c.id)
                            .cloned()
                            .collect();
                        (!items.is_empty()).then(|| (c.clone(), items))
                    })
                    .collect::<Vec<(Category, Vec<Interest>)>>()
            })
        })
    });
    let category_row = move |(cat, items): (Category, Vec<Interest>)| {
        let (id, id2, id3) = (cat.id.clone(), cat.id.clone(), cat.id.clone());
        let item_row = move |i: Interest| {
            let (key, key2) = (i.key(), i.key());
            let cat_id = id3.clone();
            view! {
                <li>
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=move || choices.with(|c| c.is_item_in(&key))
                            prop:disabled=move || choices.with(|c| !c.is_category_in(&cat_id))
                            on:change=move |ev| { let on = event_target_checked(&ev); change(&|c| c.set_item(&key2, on)); }
                        />
                        <span>{i.label.clone()}</span>
                    </label>
                </li>
            }
        };
        view! {
            <li>
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || choices.with(|c| c.is_category_in(&id))
                        on:change=move |ev| { let on = event_target_checked(&ev); change(&|c| c.set_category(&id2, on)); }
                    />
                    <span>{cat.name.clone()}</span>
                </label>
                <ul class="checks">{items.into_iter().map(item_row).collect_view()}</ul>
            </li>
        }
    };
    let contact_rows = move || {
        let contact = state.me.with(|m| m.contact.clone());
        (0..4)
            .filter(|i| !contact_field(&contact, *i).is_empty())
            .map(|i| {
                view! {
                    <li>
                        <label class="check">
                            <input
                                type="checkbox"
                                prop:checked=move || choices.with(|c| c.contact[i])
                                on:change=move |ev| { let on = event_target_checked(&ev); change(&|c| c.contact[i] = on); }
                            />
                            <span>{format!("My {}", CONTACT_FIELDS[i])}</span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card">
            <h2>"What goes in"</h2>
            <ul class="checks">
                {move || categories_in_use.get().into_iter().map(category_row).collect_view()}
            </ul>
            <h3>"Contact details"</h3>
            <p class="muted">
                {move || if state.me.with(|m| m.contact.is_empty()) {
                    "None on your map yet: add them on My map to offer them here."
                } else {
                    "Only what you tick is shared."
                }}
            </p>
            <ul class="checks">{contact_rows}</ul>
            <TextField label="Message (optional)" value=message max=MESSAGE_MAX />
        </section>
    }
}
