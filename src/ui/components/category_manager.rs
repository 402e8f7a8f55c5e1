//! Categories: add, rename, recolour and delete (asking first; the interests move to Other).

use crate::core::model::{Category, CategoryId};
use crate::store::clock::{new_id, now};
use crate::store::AppState;
use leptos::prelude::*;

#[component]
pub fn CategoryManager() -> impl IntoView {
    let state = expect_context::<AppState>();
    let new_name = RwSignal::new(String::new());
    let confirming = RwSignal::new(None::<CategoryId>);
    let message = RwSignal::new(None::<String>);
    let update = move |id: CategoryId, f: Box<dyn FnOnce(&mut Category)>| {
        let mut cats = state.categories.get_untracked();
        if let Some(c) = cats.iter_mut().find(|c| c.id == id) {
            f(c);
            state.save_categories(cats);
        }
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked().trim().to_string();
        if name.is_empty() {
            return;
        }
        if name.chars().count() > 40 {
            message.set(Some("A category name can be up to 40 characters.".into()));
            return;
        }
        let mut cats = state.categories.get_untracked();
        if cats.iter().any(|c| c.name.eq_ignore_ascii_case(&name)) {
            message.set(Some(format!("There is already a category called {name}.")));
            return;
        }
        cats.push(Category {
            id: CategoryId::new(format!("c{}", new_id())),
            name,
            colour: "#6b6b6b".into(),
        });
        state.save_categories(cats);
        new_name.set(String::new());
        message.set(None);
    };
    view! {
        <ul class="category-list">
            {move || {
                state
                    .categories
                    .get()
                    .into_iter()
                    .map(|c| {
                        let (id1, id2, id3, id4) = (c.id.clone(), c.id.clone(), c.id.clone(), c.id.clone());
                        let is_other = c.id == CategoryId::other();
                        let name = c.name.clone();
                        let confirm_text = format!("Delete {}? Its interests move to Other.", c.name);
                        view! {
                            <li class="category-row">
                                <input
                                    type="color"
                                    aria-label=format!("Colour of {}", c.name)
                                    prop:value=c.colour.clone()
                                    on:change=move |ev| {
                                        let colour = event_target_value(&ev);
                                        update(id1.clone(), Box::new(move |c| c.colour = colour));
                                    }
                                />
                                <input
                                    type="text"
                                    autocomplete="off"
                                    aria-label=format!("Name of {}", c.name)
                                    prop:value=c.name.clone()
                                    on:change=move |ev| {
                                        let name = event_target_value(&ev).trim().to_string();
                                        if !name.is_empty() && name.chars().count() <= 40 {
                                            update(id2.clone(), Box::new(move |c| c.name = name));
                                        }
                                    }
                                />
                                <Show when=move || !is_other>
                                    <button
                                        type="button"
                                        class="button button-quiet"
                                        aria-label=format!("Delete {name}")
                                        on:click={
                                            let id = id3.clone();
                                            move |_| confirming.set(Some(id.clone()))
                                        }
                                    >
                                        "Delete"
                                    </button>
                                </Show>
                                <Show when={
                                    let id = id4.clone();
                                    move || confirming.get().as_ref() == Some(&id)
                                }>
                                    <div class="confirm" role="alert">
                                        <p>{confirm_text.clone()}</p>
                                        <button
                                            type="button"
                                            class="button button-danger"
                                            on:click={
                                                let id = id4.clone();
                                                move |_| {
                                                    state.delete_category(&id, now());
                                                    confirming.set(None);
                                                }
                                            }
                                        >
                                            "Yes, delete"
                                        </button>
                                        <button type="button" class="button button-quiet" on:click=move |_| confirming.set(None)>
                                            "Keep it"
                                        </button>
                                    </div>
                                </Show>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
        <form class="row" on:submit=add novalidate>
            <label class="field grow">
                <span class="field-label">"New category"</span>
                <input type="text" autocomplete="off" prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev)) />
            </label>
            <button type="submit" class="button">"Add category"</button>
        </form>
        {move || message.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
    }
}
