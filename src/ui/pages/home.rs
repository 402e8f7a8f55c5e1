//! Home: the big "Add person" button, "Show my QR" and "Scan a code", a welcome for a new
//! notebook, then its activity (follow-ups due, the current event, recent people), which
//! `components::home_activity` draws from a chunk of its own.

use crate::core::route::Route;
use crate::core::suggestions::example_map;
use crate::store::AppState;
use crate::ui::components::bring_from_safari::BringFromSafari;
use crate::ui::components::home_activity_slot::HomeActivitySlot;
use crate::ui::components::in_app_note::InAppNote;
use crate::ui::platform::{is_ios, is_standalone};
use crate::ui::router::navigate;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let brand_new = move || !state.has_map() && state.people.with(|p| p.is_empty());
    // With no map yet, a QR would carry nothing: make one in a minute first.
    let show_my_qr = move || {
        let empty = state.me.with_untracked(|m| m.interests.is_empty());
        navigate(if empty {
            &Route::QuickMap
        } else {
            &Route::Share
        });
    };
    // Follow-ups, the current event and recent people are drawn by a component in the
    // "home" chunk group: a first visit has none of them and should not download their code.
    let activity = HomeActivitySlot::new();
    // A memo, so the activity is drawn again only when the notebook turns empty or not: every
    // save changes `people`, and redrawing would drop the component's own state (an "Undo").
    let has_activity = Memo::new(move |_| {
        state.people.with(|p| !p.is_empty()) || state.events.with(|e| !e.is_empty())
    });
    Effect::new(move |_| {
        if has_activity.get() {
            activity.load();
        }
    });
    view! {
        <h1>"Home"</h1>
        <InAppNote />
        <Show when=brand_new>
            <section class="card">
                <h2>"Welcome"</h2>
                <p>"Everyone is a circle of interests. Start with yours: the good conversations live where circles meet."</p>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        state.save_me(example_map());
                        navigate(&Route::MyMap);
                    }
                >
                    "Load an example map"
                </button>
                " "
                <a href="#/map">"Or start my own map"</a>
            </section>
        </Show>
        <button type="button" class="button button-big" on:click=move |_| navigate(&Route::AddPerson)>
            "Add person"
        </button>
        <div class="row swap-row">
            <button type="button" class="button" on:click=move |_| show_my_qr()>"Show my QR"</button>
            <button type="button" class="button button-quiet" on:click=move |_| navigate(&Route::Scan)>"Scan a code"</button>
        </div>
        <Show when=move || brand_new() && is_ios() && is_standalone()>
            <BringFromSafari />
        </Show>
        {move || activity.view(has_activity.get())}
    }
}
