//! A map received by link: what we share first (when I have a map), then the sender's card,
//! "Save as acquaintance" (kept in reach while scrolling) and "Send mine back" (a quick map
//! when I have none). Nothing is stored until the user chooses to save.

use crate::core::route::Route;
use crate::core::share::{
    decode_envelope, passphrase_tries, payload_from_bytes, Decoded, ShareError, SharePayload,
};
use crate::store::AppState;
use crate::ui::components::copy_page_link::CopyPageLink;
use crate::ui::components::home_screen_hint::HomeScreenHint;
use crate::ui::components::in_app_note::InAppNote;
use crate::ui::components::new_since::NewSince;
use crate::ui::components::overlap_later::OverlapLater;
use crate::ui::components::passphrase_field::PassphraseField;
use crate::ui::components::save_acquaintance::SaveAcquaintance;
use crate::ui::components::shared_map::SharedMap;
use crate::ui::pages::quick_map::remember_sender;
use crate::ui::platform::this_in_app_browser;
use crate::ui::router::navigate;
use crate::ui::web_share::unseal;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ReceivedPage(payload: String) -> impl IntoView {
    match decode_envelope(&payload) {
        Ok(Decoded::Plain(p)) => view! { <ReceivedMap payload=p /> }.into_any(),
        Ok(Decoded::Sealed {
            salt,
            iv,
            ciphertext,
            iterations,
        }) => view! { <LockedMap salt=salt iv=iv ciphertext=ciphertext iterations=iterations /> }
            .into_any(),
        Err(e) => view! { <BrokenLink error=e /> }.into_any(),
    }
}

#[component]
fn BrokenLink(error: ShareError) -> impl IntoView {
    let title = match error {
        ShareError::NewerVersion => "Made by a newer version",
        _ => "This link is damaged",
    };
    view! {
        <h1>{title}</h1>
        <p>{error.to_string()}"."</p>
        <p>"Nothing was saved or changed."</p>
        <p><a href="#/">"Go to Home"</a></p>
    }
}

#[component]
fn LockedMap(salt: [u8; 16], iv: [u8; 12], ciphertext: Vec<u8>, iterations: u32) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let opened = RwSignal::new(None::<SharePayload>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let ciphertext = StoredValue::new(ciphertext);
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let tries = passphrase_tries(&passphrase.get_untracked());
        if tries.is_empty() {
            error.set(Some("Type the passphrase the sender told you.".into()));
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let mut bytes = None;
            for pass in tries {
                bytes = unseal(&ciphertext.get_value(), &pass, &salt, &iv, iterations).await;
                if bytes.is_some() {
                    break;
                }
            }
            busy.set(false);
            match bytes.map(|b| payload_from_bytes(&b)) {
                Some(Ok(p)) => opened.set(Some(p)),
                Some(Err(e)) => error.set(Some(format!("{e}."))),
                None => error.set(Some("That passphrase does not open this link. Check it with the sender and try again.".into())),
            }
        });
    };
    move || {
        match opened.get() {
        Some(p) => view! { <ReceivedMap payload=p /> }.into_any(),
        None => view! {
            <h1>"A locked map"</h1>
            <p>"The sender locked this map with a passphrase. Ask them for it."</p>
            <form class="form" on:submit=open novalidate>
                <PassphraseField label="Passphrase" value=passphrase />
                {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                <button type="submit" class="button" prop:disabled=move || busy.get()>"Open"</button>
            </form>
        }
        .into_any(),
    }
    }
}

#[component]
fn ReceivedMap(payload: SharePayload) -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = if payload.name.trim().is_empty() {
        "Them".to_string()
    } else {
        payload.name.clone()
    };
    let theirs = payload.interests.clone();
    let stored = StoredValue::new(payload.clone());
    let card = move || view! { <SharedMap payload=Signal::derive(move || stored.get_value()) /> };
    let have_map = move || state.has_map();
    let title = format!("{name}'s map");
    // With a map of my own, what we share comes first; without one, who they are.
    let body = move || {
        if have_map() {
            view! {
                <h2>"What you share"</h2>
                <OverlapLater name=name.clone() theirs=theirs.clone() />
                <h2>"Their map"</h2>
                {card()}
            }
            .into_any()
        } else {
            view! {
                {card()}
                <p class="card">
                    "To see what you share, make your own map: “Send mine back” below makes one in a minute, starting from theirs."
                </p>
            }
            .into_any()
        }
    };
    let send_back = move |_| {
        if have_map() {
            navigate(&Route::Share);
        } else {
            stored.with_value(|p| remember_sender(&p.interests));
            navigate(&Route::QuickMap);
        }
    };
    view! {
        <h1>{title}</h1>
        <InAppNote />
        {this_in_app_browser()
            .map(|_| {
                view! {
                    <CopyPageLink
                        label="Copy the link"
                        copied="Link copied: paste it into your browser's address bar."
                        refused="Could not copy: open the menu and choose to open the page in your browser."
                    />
                }
            })}
        <HomeScreenHint />
        <NewSince payload=stored.get_value() />
        {body}
        <SaveAcquaintance payload=payload />
        <h2>"Send yours back"</h2>
        <button type="button" class="button button-big" on:click=send_back>"Send mine back"</button>
    }
}
