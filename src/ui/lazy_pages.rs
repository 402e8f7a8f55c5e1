//! The split points: every page but Home is compiled into its own wasm chunk, fetched the
//! first time its route is opened (scripts/build-wasm.sh cuts the module at these functions).
//!
//! A first visit downloads only the app frame and Home; the service worker then precaches the
//! chunks, so every page still opens offline. Each split function must have concrete argument
//! and return types: wasm-split-cli links them across modules with the C ABI.

use super::pages;
use crate::core::model::{EventId, PersonId};
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

/// A chunk could not be fetched (offline before the service worker cached it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkMissing;

impl From<SplitLoaderError> for ChunkMissing {
    fn from(_: SplitLoaderError) -> Self {
        ChunkMissing
    }
}

pub type LazyPage = Result<AnyView, ChunkMissing>;

#[wasm_split(my_map, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn my_map() -> LazyPage {
    Ok(view! { <pages::my_map::MyMapPage /> }.into_any())
}

#[wasm_split(people, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn people() -> LazyPage {
    Ok(view! { <pages::people::PeoplePage /> }.into_any())
}

#[wasm_split(person_form, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn person_form() -> LazyPage {
    Ok(view! { <pages::person_form::PersonForm /> }.into_any())
}

#[wasm_split(person, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn person(id: PersonId) -> LazyPage {
    Ok(view! { <pages::person::PersonPage id=id /> }.into_any())
}

#[wasm_split(events, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn events() -> LazyPage {
    Ok(view! { <pages::events::EventsPage /> }.into_any())
}

#[wasm_split(event, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn event(id: EventId) -> LazyPage {
    Ok(view! { <pages::event::EventPage id=id /> }.into_any())
}

#[wasm_split(share, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn share() -> LazyPage {
    Ok(view! { <pages::share::SharePage /> }.into_any())
}

#[wasm_split(settings, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn settings() -> LazyPage {
    Ok(view! { <pages::settings::SettingsPage /> }.into_any())
}

#[wasm_split(received, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn received(payload: String) -> LazyPage {
    Ok(view! { <pages::received::ReceivedPage payload=payload /> }.into_any())
}

#[wasm_split(who, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn who(label: String) -> LazyPage {
    Ok(view! { <pages::who::WhoPage label=label /> }.into_any())
}
