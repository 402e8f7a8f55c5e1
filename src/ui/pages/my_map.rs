//! My map: my name, what I do, how to reach me and my interests, saved as I edit. What cannot
//! be saved yet (over a limit) is kept as a draft, so it survives leaving the page.

use crate::core::draft::{Draft, MyMapDraftData, MY_MAP_KEY};
use crate::core::limits::{CONTACT_MAX, NAME_MAX, WHAT_MAX};
use crate::core::model::Contact;
use crate::core::route::Route;
use crate::core::suggestions::example_map;
use crate::store::{drafts, AppState};
use crate::ui::components::category_manager::CategoryManager;
use crate::ui::components::draft_note::DraftNote;
use crate::ui::components::field::TextField;
use crate::ui::components::interest_editor::InterestEditor;
use crate::ui::components::my_interest_list::MyInterestList;
use crate::ui::components::my_map_picture::MyMapPicture;
use crate::ui::components::my_vcard_button::MyVcardButton;
use crate::ui::router::navigate;
use leptos::prelude::*;

#[component]
pub fn MyMapPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let me = state.me.get_untracked();
    let name = RwSignal::new(me.name);
    let what = RwSignal::new(me.what);
    let interests = RwSignal::new(me.interests);
    let phone = RwSignal::new(me.contact.phone);
    let email = RwSignal::new(me.contact.email);
    let web = RwSignal::new(me.contact.web);
    let social = RwSignal::new(me.contact.social);
    let typed = RwSignal::new(String::new());
    let restored = RwSignal::new(false);
    if let Some(kept) = drafts::read::<MyMapDraftData>(state, MY_MAP_KEY) {
        restored.set(true);
        typed.set(kept.interest_typed);
        if kept.held {
            name.set(kept.name);
            what.set(kept.what);
            phone.set(kept.phone);
            email.set(kept.email);
            web.set(kept.web);
            social.set(kept.social);
        }
    }
    on_cleanup(move || drafts::flush(state, MY_MAP_KEY));
    let discard = Callback::new(move |()| {
        drafts::discard(state, MY_MAP_KEY);
        let me = state.me.get_untracked();
        name.set(me.name);
        what.set(me.what);
        phone.set(me.contact.phone);
        email.set(me.contact.email);
        web.set(me.contact.web);
        social.set(me.contact.social);
        typed.set(String::new());
        restored.set(false);
    });
    // Saved on every change, like a notebook; an over-long value is held back (with its
    // message showing) until it fits, and nothing typed is discarded: what cannot be saved
    // yet, and a half-typed interest, are kept as a draft.
    Effect::new(move |first: Option<()>| {
        let interest_typed = typed.get();
        let next = crate::core::model::Me {
            name: name.get(),
            what: what.get(),
            interests: interests.get(),
            contact: Contact {
                phone: phone.get(),
                email: email.get(),
                web: web.get(),
                social: social.get(),
            },
        };
        if first.is_none() {
            return;
        }
        let too_long = !next.problems().is_empty();
        let kept = MyMapDraftData::kept(
            too_long,
            interest_typed,
            [
                next.name.clone(),
                next.what.clone(),
                next.contact.phone.clone(),
                next.contact.email.clone(),
                next.contact.web.clone(),
                next.contact.social.clone(),
            ],
        );
        if kept.is_blank() && restored.get_untracked() {
            restored.set(false);
        }
        drafts::note(state, MY_MAP_KEY, &kept);
        if !too_long && state.me.with_untracked(|m| *m != next) {
            state.save_me(next);
        }
    });
    // Deleting a category (on this page) or another tab can refile my interests in storage:
    // take the stored list back, or the next edit here would write the old categories over it
    // and file interests under a category that no longer exists.
    Effect::new(move |_| {
        let stored = state.me.with(|m| m.interests.clone());
        if interests.with_untracked(|l| *l != stored) {
            interests.set(stored);
        }
    });
    let load_example = move |_| {
        let example = example_map();
        if name.get_untracked().trim().is_empty() {
            name.set(example.name);
        }
        if what.get_untracked().trim().is_empty() {
            what.set(example.what);
        }
        interests.set(example.interests);
    };
    view! {
        <h1>"My map"</h1>
        <Show when=move || restored.get()>
            <DraftNote on_discard=discard />
        </Show>
        <Show when=move || interests.with(|i| i.is_empty())>
            <div class="card">
                <p>"New here? Start from an example map and make it yours: change anything, remove what isn't you."</p>
                <button type="button" class="button" on:click=load_example>"Load an example map"</button>
            </div>
        </Show>
        <MyMapPicture interests=interests categories=state.categories />
        <TextField label="Your name" value=name max=NAME_MAX autocomplete="name" autocapitalize="words" />
        <TextField label="What you do" value=what max=WHAT_MAX autocomplete="organization-title" />
        <h2>"My interests"</h2>
        <InterestEditor interests=interests show_chips=false typed=typed />
        <MyInterestList interests=interests />
        <button type="button" class="button button-big" on:click=move |_| navigate(&Route::Share)>
            "Share my map"
        </button>
        <MyVcardButton />
        <details class="card">
            <summary>"How people can reach you"</summary>
            <p class="muted">"Only shared when you tick them on the share screen."</p>
            <TextField label="Your phone" value=phone max=CONTACT_MAX kind="tel" autocomplete="tel" />
            <TextField label="Your email" value=email max=CONTACT_MAX kind="email" autocomplete="email" />
            <TextField label="Your web" value=web max=CONTACT_MAX kind="url" autocomplete="url" />
            <TextField label="Your social" value=social max=CONTACT_MAX autocapitalize="none" enterkeyhint="done" />
        </details>
        <details class="card">
            <summary>"Categories"</summary>
            <CategoryManager />
        </details>
    }
}
