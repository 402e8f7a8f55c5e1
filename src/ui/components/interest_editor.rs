//! Adding interests: a text box where Enter adds the typed interest (or each of a typed list,
//! "Running, baking"), a category to file it under, suggestions from every interest already
//! known, and the chips to remove one.

use super::field::unique_id;
use super::interest_chips::InterestChips;
use crate::core::categorise::categorise;
use crate::core::interest_key::InterestKey;
use crate::core::limits::{over_limit, INTERESTS_PER_PERSON_MAX, INTEREST_MAX};
use crate::core::model::{add_interest, split_last_typed, typed_interests, CategoryId, Interest};
use crate::core::queries::recently_changed;
use crate::core::suggestions::{suggest, Typed};
use crate::store::AppState;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};

const AUTOMATIC: &str = "";

/// Every interest anyone has typed, one per key, with its key and the category it was filed
/// under. My own map comes first, so my spelling is suggested, then people by most recent
/// change, so the category I chose last time is the one remembered. A filing under Other is
/// passed over while another choice exists: until "Automatic" learnt categories, Other was
/// where it put everything, so it says nothing about the user's wishes. With 5,000 people this
/// runs after each save, so keys are computed once per distinct label, not once per interest.
fn known_interests(state: &AppState) -> Vec<(InterestKey, Interest)> {
    state.me.with(|me| {
        state.people.with(|people| {
            let by_recency = recently_changed(people.values(), usize::MAX);
            let mut labels: HashSet<&str> = HashSet::new();
            let mut at: HashMap<InterestKey, usize> = HashMap::new();
            let mut out: Vec<(InterestKey, Interest)> = Vec::new();
            for i in me
                .interests
                .iter()
                .chain(by_recency.into_iter().flat_map(|p| p.interests.iter()))
            {
                if !labels.insert(i.label.as_str()) {
                    continue;
                }
                let key = i.key();
                match at.get(&key) {
                    None => {
                        at.insert(key.clone(), out.len());
                        out.push((key, i.clone()));
                    }
                    Some(&k) if out[k].1.category == CategoryId::other() => {
                        out[k].1.category = i.category.clone();
                    }
                    Some(_) => {}
                }
            }
            out
        })
    })
}

#[component]
pub fn InterestEditor(
    interests: RwSignal<Vec<Interest>>,
    /// Called after every add or remove, with the new list.
    #[prop(optional)]
    on_change: Option<Callback<Vec<Interest>>>,
    /// False where the page lists the interests itself (My map).
    #[prop(default = true)]
    show_chips: bool,
    /// The text typed in "Add interest", when the form keeps it in its draft.
    #[prop(optional)]
    typed: Option<RwSignal<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let draft = typed.unwrap_or_else(|| RwSignal::new(String::new()));
    let category = RwSignal::new(AUTOMATIC.to_string());
    let message = RwSignal::new(None::<String>);
    let message_id = unique_id("interest-msg");
    // Suggestions are only needed once the user starts typing; computing them is a pass over
    // every stored person, so it is a memo rather than work done per keystroke.
    let known = Memo::new(move |_| known_interests(&state));

    // `listed`: the category a built-in suggestion is listed under, used when the user left
    // the choice on "Automatic" and has never filed this interest before.
    let category_for = move |label: &str, listed: Option<CategoryId>| {
        let chosen = category.get_untracked();
        if chosen != AUTOMATIC {
            return CategoryId::new(chosen);
        }
        let available: Vec<CategoryId> = state
            .categories
            .with_untracked(|c| c.iter().map(|c| c.id.clone()).collect());
        let key = InterestKey::of(label);
        let mine = known.with_untracked(|k| {
            k.iter()
                .find(|(k, i)| *k == key && i.category != CategoryId::other())
                .map(|(k, i)| (k.clone(), i.category.clone()))
        });
        match (mine, listed) {
            (Some((k, c)), _) => categorise(label, [(&k, &c)], &available),
            (None, Some(c)) if available.contains(&c) => c,
            _ => categorise(label, [], &available),
        }
    };
    // What was typed may be a list ("Running, baking"): each part is an interest of its own.
    let add = move |listed: Option<CategoryId>| {
        let parts = typed_interests(&draft.get_untracked());
        if parts.is_empty() {
            return;
        }
        // A tapped suggestion is the last interest typed, and its listed category goes with it.
        let last = parts.len() - 1;
        let mut repeats: Vec<&str> = Vec::new();
        let mut added_any = false;
        let mut stopped = None;
        for (n, label) in parts.iter().enumerate() {
            let problem = over_limit("An interest", label, INTEREST_MAX).or_else(|| {
                (interests.with_untracked(|l| l.len()) >= INTERESTS_PER_PERSON_MAX).then(|| {
                    format!(
                        "That is the limit of {INTERESTS_PER_PERSON_MAX} interests. Remove one to add another."
                    )
                })
            });
            if let Some(m) = problem {
                stopped = Some((n, m));
                break;
            }
            let listed = if n == last { listed.clone() } else { None };
            let interest = Interest::new(label.clone(), category_for(label, listed));
            let mut added = false;
            interests.update(|l| added = add_interest(l, interest));
            if added {
                added_any = true;
            } else {
                repeats.push(label);
            }
        }
        match stopped {
            // What was not added stays in the box, to shorten or to add after removing one.
            Some((n, m)) => {
                draft.set(parts[n..].join(", "));
                message.set(Some(m));
            }
            None => {
                if added_any {
                    draft.set(String::new());
                }
                message.set(match repeats.as_slice() {
                    [] => None,
                    [one] => Some(format!("\"{one}\" is already in the list.")),
                    many => Some(format!("Already in the list: {}.", many.join(", "))),
                });
            }
        }
        if added_any {
            if let Some(cb) = on_change {
                cb.run(interests.get_untracked());
            }
        }
    };
    let remove = Callback::new(move |index: usize| {
        interests.update(|l| {
            if index < l.len() {
                l.remove(index);
            }
        });
        if let Some(cb) = on_change {
            cb.run(interests.get_untracked());
        }
    });

    let typed_over = move || {
        draft.with(|d| {
            typed_interests(d)
                .iter()
                .find_map(|i| over_limit("An interest", i, INTEREST_MAX))
        })
    };
    view! {
        <div class="interest-editor">
            <Show when=move || show_chips>
                <InterestChips interests=interests categories=state.categories on_remove=remove />
            </Show>
            <div class="interest-add">
                <label class="field">
                    <span class="field-label">"Add interest"</span>
                    <input
                        type="text"
                        enterkeyhint="done"
                        autocomplete="off"
                        aria-describedby=message_id.clone()
                        prop:value=move || draft.get()
                        on:input=move |ev| {
                            draft.set(event_target_value(&ev));
                            message.set(None);
                        }
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                // Enter on an empty box moves on, as in every other field.
                                if draft.with_untracked(|d| d.trim().is_empty()) {
                                    let field = event_target::<web_sys::HtmlElement>(&ev);
                                    crate::ui::focus::focus_next_field(&field);
                                } else {
                                    add(None);
                                }
                            }
                        }
                    />
                </label>
                <label class="field">
                    <span class="field-label">"Category"</span>
                    <select
                        prop:value=move || category.get()
                        on:change=move |ev| category.set(event_target_value(&ev))
                    >
                        <option value=AUTOMATIC>"Automatic"</option>
                        {move || {
                            state
                                .categories
                                .get()
                                .into_iter()
                                .map(|c| view! { <option value=c.id.0.clone()>{c.name.clone()}</option> })
                                .collect_view()
                        }}
                    </select>
                </label>
                // Quiet and named for what it adds: in the Add person form a filled "Add" read as
                // the form's own button, and a tap there saved nothing but an interest.
                <button type="button" class="button button-quiet" on:click=move |_| add(None)>
                    "Add interest"
                </button>
            </div>
            <p class="field-error" id=message_id aria-live="polite">
                {move || message.get().or_else(typed_over)}
            </p>
            <ul class="suggestions" aria-label="Suggestions">
                {move || {
                    // Offered once two letters are typed, to keep the page short.
                    // For the interest being typed: in "Running, bak" that is "bak".
                    let current = draft.with(|d| split_last_typed(d).1.trim().to_string());
                    if current.chars().count() < 2 {
                        return Vec::new();
                    }
                    let typed = Typed::new(&current);
                    let already: Vec<InterestKey> =
                        interests.with(|l| l.iter().map(|i| i.key()).collect());
                    // Interests people already typed first, then the built-in list for the
                    // chosen category.
                    let mut offers: Vec<(String, Option<CategoryId>)> = known.with(|k| {
                        k.iter()
                            .filter(|(key, i)| typed.matches(&i.label, key) && !already.contains(key))
                            .take(6)
                            .map(|(_, i)| (i.label.clone(), None))
                            .collect()
                    });
                    let chosen = category.get();
                    let chosen = (chosen != AUTOMATIC).then(|| CategoryId::new(chosen));
                    let have: Vec<Interest> = interests.get();
                    for (label, listed) in suggest(chosen.as_ref(), &current, &have, 6) {
                        let key = InterestKey::of(label);
                        if offers.len() < 6 && !offers.iter().any(|(o, _)| InterestKey::of(o) == key) {
                            offers.push((label.to_string(), Some(listed)));
                        }
                    }
                    {
                        offers
                            .into_iter()
                            .map(|(label, listed)| {
                                let shown = label.clone();
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="suggestion"
                                            on:click=move |_| {
                                                draft.update(|d| {
                                                    let head = split_last_typed(d).0.to_string();
                                                    *d = format!("{head} {label}");
                                                });
                                                add(listed.clone());
                                            }
                                        >
                                            {shown}
                                        </button>
                                    </li>
                                }
                            })
                            .collect::<Vec<_>>()
                    }
                }}
            </ul>
        </div>
    }
}
