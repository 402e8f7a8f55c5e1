//! Receive a map inside the app: the rear camera reads the QR code on the other phone, or a
//! pasted link (whole, or just its `#/m/…` part) is opened. A contact card's code (a badge, a
//! phone's "share contact") or a LinkedIn profile's opens Add person filled in from it. Camera refused, absent or busy
//! says so and leaves the paste box; a code that is neither says so and scanning goes on. Where
//! the camera has a light the page may switch, "Light" turns it on for a badge in a dim hall.

use crate::core::draft::PersonDraftData;
use crate::core::profile_link::{profile_from_link, Profile};
use crate::core::route::{link_payload, Route};
use crate::core::vcard::is_contact_code;
use crate::ui::pages::person_form::{add_person_from_card, ScannedCard};
use crate::ui::router::navigate;
use crate::ui::scan::{
    buzz, card_reader, code_reader, has_torch, read_frame, set_torch, sleep, start_camera,
    stop_camera,
};
use leptos::html::Video;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

const NOT_OURS: &str =
    "That code is not a Common Ground map, a contact card or a LinkedIn profile. Still looking…";
const NO_CARD_READER: &str = "That is a contact card, and reading it needs the internet once: connect and scan it again. Still looking for a map…";
const NO_READER: &str = "The code reader is not on this phone yet: connect to the internet once and come back, or paste the link below.";

#[component]
pub fn ScanPage() -> impl IntoView {
    let video = NodeRef::<Video>::new();
    let camera_on = RwSignal::new(false);
    let status = RwSignal::new(String::from("Starting the camera…"));
    // The camera's light: `None` where it has none the page may switch, else whether it is on.
    let light = RwSignal::new(None::<bool>);
    // Said under the button, not in the status line, which the next frame's reading rewrites.
    let light_refused = RwSignal::new(false);
    let pasted = RwSignal::new(String::new());
    let paste_error = RwSignal::new(None::<&'static str>);
    // Cleared when the page goes away; the scan loop then stops the camera.
    let alive = Arc::new(AtomicBool::new(true));
    on_cleanup({
        let alive = alive.clone();
        move || alive.store(false, Ordering::Relaxed)
    });

    // The decoder downloads while the camera's permission prompt is up (see `ui::scan`).
    leptos::task::spawn_local(async {
        let _ = code_reader().await;
    });
    video.on_load(move |el| {
        let el: web_sys::Element = el.into();
        leptos::task::spawn_local(async move {
            if let Err(e) = start_camera(&el).await {
                status.set(e.message().into());
                return;
            }
            camera_on.set(true);
            if has_torch(&el) {
                light.set(Some(false));
            }
            status.set("Point the camera at the QR code on their phone or badge.".into());
            // Once the card reader could not be fetched, it is not asked for again at every
            // frame (five requests a second while a badge is held up offline).
            let mut no_card_reader = false;
            while alive.load(Ordering::Relaxed) {
                let Ok(texts) = read_frame(&el).await else {
                    camera_on.set(false);
                    status.set(NO_READER.into());
                    break;
                };
                if let Some(payload) = texts.iter().find_map(|t| link_payload(t)) {
                    read_one(&el);
                    navigate(&Route::Received(payload));
                    return;
                }
                if let Some(profile) = texts.iter().find_map(|t| profile_from_link(t)) {
                    read_one(&el);
                    add_person_from_card(linkedin_card(profile));
                    return;
                }
                if let Some(code) = texts.iter().find(|t| is_contact_code(t)) {
                    if no_card_reader {
                        status.set(NO_CARD_READER.into());
                    } else {
                        match card_reader().await.map(|read| read(code)) {
                            Ok(Some(card)) => {
                                read_one(&el);
                                add_person_from_card(card);
                                return;
                            }
                            Ok(None) => status.set(NOT_OURS.into()),
                            Err(_) => {
                                no_card_reader = true;
                                status.set(NO_CARD_READER.into());
                            }
                        }
                    }
                } else if !texts.is_empty() {
                    status.set(NOT_OURS.into());
                }
                sleep(200).await;
            }
            stop_camera(&el);
        });
    });

    let switch_light = move |_| {
        let (Some(on), Some(el)) = (light.get_untracked(), video.get_untracked()) else {
            return;
        };
        let el: web_sys::Element = el.into();
        leptos::task::spawn_local(async move {
            let switched = set_torch(&el, !on).await;
            if switched {
                light.set(Some(!on));
            }
            light_refused.set(!switched);
        });
    };
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match link_payload(&pasted.get_untracked()) {
            Some(payload) => navigate(&Route::Received(payload)),
            None => paste_error.set(Some(
                "That is not a link to a Common Ground map: it has #/m/ in it. Copy the whole link and try again.",
            )),
        }
    };
    view! {
        <h1>"Scan a code"</h1>
        <video node_ref=video class="scan-video" class:hidden=move || !camera_on.get() aria-label="Camera" muted=true playsinline=true></video>
        {move || {
            light
                .get()
                .map(|on| {
                    view! {
                        <button type="button" class="button button-quiet" aria-pressed=on.to_string() on:click=switch_light>
                            "Light"
                        </button>
                        <Show when=move || light_refused.get()>
                            <p class="field-error" role="alert">
                                "The camera would not switch its light. Tilt the badge towards a lamp instead."
                            </p>
                        </Show>
                    }
                })
        }}
        <p role="status" aria-live="polite">{move || status.get()}</p>
        <form class="form" on:submit=open novalidate>
            <label class="field">
                <span class="field-label">"Paste a link"</span>
                <input
                    type="text"
                    inputmode="url"
                    autocomplete="off"
                    autocapitalize="none"
                    spellcheck="false"
                    prop:value=move || pasted.get()
                    on:input=move |ev| { pasted.set(event_target_value(&ev)); paste_error.set(None); }
                />
            </label>
            {move || paste_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <button type="submit" class="button">"Open"</button>
        </form>
    }
}

/// A code was read and is being acted on: the camera goes, and the phone buzzes to say so.
fn read_one(video: &web_sys::Element) {
    stop_camera(video);
    buzz();
}

/// A LinkedIn code as the card Add person is filled from: the profile kept as their social
/// profile, and the name its address spells, to be checked.
fn linkedin_card(profile: Profile) -> ScannedCard {
    let check = if profile.name.is_empty() {
        "Type their name: the profile's address does not spell it."
    } else {
        "The name is read from the profile's address: check it."
    };
    ScannedCard {
        fields: PersonDraftData {
            name: profile.name,
            social: profile.url,
            ..PersonDraftData::default()
        },
        from: "their LinkedIn code".to_string(),
        warnings: vec![check.to_string()],
    }
}
