//! Locking a share link with a passphrase: the field and the button, and the sealed link
//! (AES-GCM under a PBKDF2 key, by WebCrypto) that replaces the plain one while locked.

use super::passphrase_field::PassphraseField;
use crate::core::route::Route;
use crate::core::share::{
    encode_sealed, fold_passphrase, payload_bytes, SharePayload, IV_LEN, PBKDF2_ITERATIONS,
    SALT_LEN,
};
use crate::store::clock::secure_random_bytes;
use crate::ui::web_share::{page_base, seal};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The link to show: the plain one, or while locked the sealed one once it is ready.
pub fn sealed_link(
    payload: Memo<SharePayload>,
    plain_link: Memo<String>,
    locked_with: RwSignal<Option<String>>,
    status: RwSignal<String>,
) -> Signal<String> {
    let sealed = RwSignal::new(None::<String>);
    let generation = StoredValue::new(0u32);
    // Locking derives a key with PBKDF2, which takes a moment: do it once per change of the
    // map or the passphrase, and let only the latest run write its result.
    Effect::new(move |_| {
        let p = payload.get();
        sealed.set(None);
        let Some(pass) = locked_with.get() else {
            return;
        };
        let run = generation.get_value() + 1;
        generation.set_value(run);
        spawn_local(async move {
            let (Some(salt), Some(iv)) = (
                secure_random_bytes::<SALT_LEN>(),
                secure_random_bytes::<IV_LEN>(),
            ) else {
                locked_with.set(None);
                status.set(
                    "This browser cannot make the random numbers a lock needs, so the link is shared unlocked."
                        .into(),
                );
                return;
            };
            let result = seal(&payload_bytes(&p), &pass, &salt, &iv, PBKDF2_ITERATIONS).await;
            if generation.get_value() != run {
                return;
            }
            match result {
                Some(cipher) => sealed.set(Some(format!(
                    "{}{}",
                    page_base(),
                    Route::Received(encode_sealed(salt, iv, &cipher)).to_hash()
                ))),
                None => {
                    locked_with.set(None);
                    status
                        .set("This browser could not lock the link; it is shared unlocked.".into());
                }
            }
        });
    });
    Signal::derive(move || match locked_with.get() {
        Some(_) => sealed.get().unwrap_or_default(),
        None => plain_link.get(),
    })
}

#[component]
pub fn ShareLock(locked_with: RwSignal<Option<String>>, status: RwSignal<String>) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let lock = move |_| {
        // Folded, so that the other phone's keyboard cannot make it differ (`core::share::passphrase`).
        let p = fold_passphrase(&passphrase.get_untracked());
        if p.is_empty() {
            status.set("Type a passphrase first; tell it to the person you share with.".into());
        } else {
            locked_with.set(Some(p));
            status.set("Link locked: they will need the passphrase to open it.".into());
        }
    };
    view! {
        <PassphraseField label="Passphrase (optional)" value=passphrase />
        {move || match locked_with.get() {
            None => view! { <button type="button" class="button button-quiet" on:click=lock>"Lock link"</button> }.into_any(),
            Some(_) => view! {
                <button type="button" class="button button-quiet" on:click=move |_| locked_with.set(None)>"Remove lock"</button>
            }
            .into_any(),
        }}
    }
}
