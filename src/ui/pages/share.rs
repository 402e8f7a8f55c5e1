//! Share my map, QR first: the first screenful is the QR code, the link, "Copy link" and
//! "Share", and one line saying what the link carries. "Change" opens the chooser; the choices
//! are remembered (settings), and contact details stay out until ticked.

use crate::core::route::Route;
use crate::core::share::qr_form::qr_form_of;
use crate::core::share::{encode, SharePayload, FRAGMENT_MAX_CHARS, MESSAGE_MAX};
use crate::core::share_choices::{summary, ShareChoices};
use crate::store::AppState;
use crate::ui::components::qr_image::QrImage;
use crate::ui::components::share_chooser::ShareChooser;
use crate::ui::components::share_link_panel::ShareLinkPanel;
use crate::ui::components::share_lock::{sealed_link, ShareLock};
use crate::ui::components::shared_map::SharedMap;
use crate::ui::router::navigate;
use crate::ui::web_share::page_base;
use leptos::prelude::*;

#[component]
pub fn SharePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let choices = RwSignal::new(state.settings.with_untracked(|s| s.share.clone()));
    // Every change of choice is remembered for the next visit.
    let choose = move |change: ShareChoices| {
        choices.set(change.clone());
        let mut settings = state.settings.get_untracked();
        settings.share = change;
        state.save_settings(settings);
    };
    let message = RwSignal::new(String::new());
    let locked_with = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    let chooser_open = RwSignal::new(false);

    let payload = Memo::new(move |_| {
        let me = state.me.get();
        let c = choices.get();
        // Over the limit the field says so; the link keeps what fits until it is shortened.
        let msg: String = message.get().trim().chars().take(MESSAGE_MAX).collect();
        state.categories.with(|known| {
            SharePayload::new(
                me.name.clone(),
                me.what.clone(),
                c.interests(&me),
                c.contact(&me),
                msg,
                known,
            )
        })
    });
    let plain_link = Memo::new(move |_| {
        format!(
            "{}{}",
            page_base(),
            Route::Received(encode(&payload.get())).to_hash()
        )
    });
    let link = sealed_link(payload, plain_link, locked_with, status);
    // The code carries the link's QR form: the same bytes in characters a QR code packs
    // tighter, so it is a version or two smaller and easier to scan (`core::share::qr_form`).
    let qr_text = Signal::derive(move || link.with(|l| qr_form_of(l).unwrap_or_else(|| l.clone())));
    let too_long = Signal::derive(move || link.with(|l| l.len() > FRAGMENT_MAX_CHARS));
    let what_goes_in = move || payload.with(|p| summary(p.interests.len(), &p.contact)) + " · ";

    // A code of an empty map would open to nothing on the other phone: offer the two ways to
    // have a map instead (Home's "Show my QR" goes straight to the quick map for the same reason).
    let has_map = move || state.has_map();
    let nothing_to_share = move || {
        view! {
            <div class="card">
                <p>"Your map has no interests yet, so a code would show nothing on the other phone."</p>
                <p>
                    <button type="button" class="button" on:click=move |_| navigate(&Route::QuickMap)>
                        "Make a quick map"
                    </button>
                </p>
                <p>"Or " <a href="#/map">"add your interests on My map"</a> "."</p>
            </div>
        }
    };

    view! {
        <h1>"Share my map"</h1>
        <Show when=has_map fallback=nothing_to_share>
            <Show when=move || !link.with(|l| l.is_empty())>
                <QrImage text=qr_text />
            </Show>
            <ShareLinkPanel link=link too_long=too_long status=status />
            <p class="share-summary">
                {what_goes_in}
                <button
                    type="button"
                    class="link-button"
                    aria-expanded=move || chooser_open.get().to_string()
                    on:click=move |_| chooser_open.update(|o| *o = !*o)
                >
                    "Change"
                </button>
            </p>
            <Show when=move || chooser_open.get()>
                <ShareChooser choices=choices choose=choose message=message />
            </Show>
            <p>
                <button type="button" class="button button-quiet" on:click=move |_| navigate(&Route::Scan)>
                    "Scan a code"
                </button>
            </p>
            <h2>"Lock with a passphrase"</h2>
            <ShareLock locked_with=locked_with status=status />
            <h2>"What they will see"</h2>
            <SharedMap payload=payload />
        </Show>
    }
}
