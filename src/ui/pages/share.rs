//! Share my map: choose what goes in, see exactly what the receiver will see, and pass the link
//! on by copy, the share sheet or a QR code, optionally locked with a passphrase.

use crate::core::interest_key::InterestKey;
use crate::core::model::{CategoryId, Contact};
use crate::core::route::Route;
use crate::core::share::{
    encode, encode_sealed, payload_bytes, SharePayload, FRAGMENT_MAX_CHARS, IV_LEN, MESSAGE_MAX,
    PBKDF2_ITERATIONS, SALT_LEN,
};
use crate::store::clock::random_bytes;
use crate::store::AppState;
use crate::ui::components::field::TextField;
use crate::ui::components::qr_image::QrImage;
use crate::ui::components::shared_map::SharedMap;
use crate::ui::web_share::{can_share, copy_text, page_base, seal, share_url};
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashSet;

const CONTACT_FIELDS: [&str; 4] = ["Phone", "Email", "Web", "Social"];

fn contact_field(c: &Contact, i: usize) -> &str {
    match i {
        0 => &c.phone,
        1 => &c.email,
        2 => &c.web,
        _ => &c.social,
    }
}

#[component]
pub fn SharePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let left_out_categories = RwSignal::new(HashSet::<CategoryId>::new());
    let left_out_items = RwSignal::new(HashSet::<InterestKey>::new());
    let with_contact = RwSignal::new([true; 4]);
    let message = RwSignal::new(String::new());
    let passphrase = RwSignal::new(String::new());
    let locked_with = RwSignal::new(None::<String>);
    let sealed = RwSignal::new(None::<String>);
    let generation = StoredValue::new(0u32);
    let status = RwSignal::new(String::new());
    let link_input = NodeRef::<Input>::new();

    let payload = Memo::new(move |_| {
        let me = state.me.get();
        let (cats, items) = (left_out_categories.get(), left_out_items.get());
        let interests = me
            .interests
            .iter()
            .filter(|i| !cats.contains(&i.category) && !items.contains(&i.key()))
            .cloned()
            .collect();
        let wanted = with_contact.get();
        let contact = Contact {
            phone: if wanted[0] {
                me.contact.phone.clone()
            } else {
                String::new()
            },
            email: if wanted[1] {
                me.contact.email.clone()
            } else {
                String::new()
            },
            web: if wanted[2] {
                me.contact.web.clone()
            } else {
                String::new()
            },
            social: if wanted[3] {
                me.contact.social.clone()
            } else {
                String::new()
            },
        };
        // Over the limit the field says so; the link keeps what fits until it is shortened.
        let msg: String = message.get().trim().chars().take(MESSAGE_MAX).collect();
        state.categories.with(|known| {
            SharePayload::new(
                me.name.clone(),
                me.what.clone(),
                interests,
                contact,
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

    // Locking derives a key with PBKDF2, which takes a moment: do it once per change of the
    // map or the passphrase, and let only the latest run write its result.
    Effect::new(move |_| {
        let p = payload.get();
        let Some(pass) = locked_with.get() else {
            sealed.set(None);
            return;
        };
        sealed.set(None);
        let run = generation.get_value() + 1;
        generation.set_value(run);
        spawn_local(async move {
            let salt = random_bytes::<SALT_LEN>();
            let iv = random_bytes::<IV_LEN>();
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
    let link = Signal::derive(move || match locked_with.get() {
        Some(_) => sealed.get().unwrap_or_default(),
        None => plain_link.get(),
    });
    let too_long = move || link.with(|l| l.len() > FRAGMENT_MAX_CHARS);

    let copy = move |_| {
        let text = link.get_untracked();
        spawn_local(async move {
            let ok = copy_text(&text, link_input.get_untracked()).await;
            status.set(if ok {
                "Link copied.".into()
            } else {
                "Could not copy: select the link and copy it by hand.".into()
            });
        });
    };
    let share = move |_| {
        let text = link.get_untracked();
        spawn_local(async move {
            share_url("My interest map", &text).await;
        });
    };

    let categories_in_use = Memo::new(move |_| {
        state.me.with(|me| {
            state.categories.with(|cats| {
                cats.iter()
                    .filter_map(|c| {
                        let items: Vec<_> = me
                            .interests
                            .iter()
                            .filter(|i| i.category == c.id)
                            .cloned()
                            .collect();
                        (!items.is_empty()).then(|| (c.clone(), items))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });

    view! {
        <h1>"Share my map"</h1>
        <Show when=move || state.me.with(|m| m.interests.is_empty())>
            <p class="card">"Your map has no interests yet. " <a href="#/map">"Add some on My map"</a> " first."</p>
        </Show>
        <h2>"What goes in"</h2>
        <ul class="checks">
            {move || {
                categories_in_use
                    .get()
                    .into_iter()
                    .map(|(cat, items)| {
                        let id = cat.id.clone();
                        let id2 = cat.id.clone();
                        view! {
                            <li>
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        prop:checked=move || !left_out_categories.with(|s| s.contains(&id))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            left_out_categories.update(|s| {
                                                if on { s.remove(&id2); } else { s.insert(id2.clone()); }
                                            });
                                        }
                                    />
                                    <span>{cat.name.clone()}</span>
                                </label>
                                <ul class="checks">
                                    {items
                                        .into_iter()
                                        .map(|i| {
                                            let key = i.key();
                                            let key2 = key.clone();
                                            let cat_id = cat.id.clone();
                                            view! {
                                                <li>
                                                    <label class="check">
                                                        <input
                                                            type="checkbox"
                                                            prop:checked=move || !left_out_items.with(|s| s.contains(&key))
                                                            prop:disabled=move || left_out_categories.with(|s| s.contains(&cat_id))
                                                            on:change=move |ev| {
                                                                let on = event_target_checked(&ev);
                                                                left_out_items.update(|s| {
                                                                    if on { s.remove(&key2); } else { s.insert(key2.clone()); }
                                                                });
                                                            }
                                                        />
                                                        <span>{i.label.clone()}</span>
                                                    </label>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </li>
                        }
                    })
                    .collect_view()
            }}
            {move || {
                let contact = state.me.with(|m| m.contact.clone());
                (0..4)
                    .filter(|i| !contact_field(&contact, *i).is_empty())
                    .map(|i| {
                        view! {
                            <li>
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        prop:checked=move || with_contact.with(|w| w[i])
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            with_contact.update(|w| w[i] = on);
                                        }
                                    />
                                    <span>{format!("My {}", CONTACT_FIELDS[i].to_lowercase())}</span>
                                </label>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
        <TextField label="Message (optional)" value=message max=MESSAGE_MAX />
        <label class="field">
            <span class="field-label">"Passphrase (optional)"</span>
            <input type="text" autocomplete="off" prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev)) />
        </label>
        {move || match locked_with.get() {
            None => view! {
                <button
                    type="button"
                    class="button button-quiet"
                    on:click=move |_| {
                        let p = passphrase.get_untracked();
                        if p.trim().is_empty() {
                            status.set("Type a passphrase first; tell it to the person you share with.".into());
                        } else {
                            locked_with.set(Some(p));
                            status.set("Link locked: they will need the passphrase to open it.".into());
                        }
                    }
                >
                    "Lock link"
                </button>
            }
            .into_any(),
            Some(_) => view! {
                <button type="button" class="button button-quiet" on:click=move |_| locked_with.set(None)>
                    "Remove lock"
                </button>
            }
            .into_any(),
        }}
        <h2>"Your link"</h2>
        <label class="field">
            <span class="field-label">"Share link"</span>
            <input node_ref=link_input type="text" class="share-link" readonly prop:value=move || link.get() />
        </label>
        <Show when=too_long>
            <p class="banner banner-warning">"This link is too long to open. Untick some interests to shorten it."</p>
        </Show>
        <div class="row">
            <button type="button" class="button" on:click=copy>"Copy link"</button>
            <Show when=can_share>
                <button type="button" class="button" on:click=share>"Share"</button>
            </Show>
        </div>
        <p role="status" aria-live="polite">{move || status.get()}</p>
        <Show when=move || !link.with(|l| l.is_empty())>
            <QrImage text=link />
        </Show>
        <h2>"What they will see"</h2>
        <SharedMap payload=payload />
    }
}
