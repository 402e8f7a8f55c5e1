//! A router on the URL fragment: `hashchange` drives a signal of the current route, and each
//! history entry remembers where its page was scrolled to (`core::scroll_memory`).
//!
//! leptos_router has no hash mode, and path routing would need server rewrites on a static
//! host; the fragment also keeps share payloads away from any server.

use crate::core::route::{Route, Visits};
use crate::core::scroll_memory::ScrollMemory;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

pub fn current_route() -> Route {
    Route::parse(&location_hash().unwrap_or_default())
}

thread_local! {
    /// The route signal, for `navigate`: it is called from event handlers, which run outside
    /// any reactive owner.
    static ROUTE: std::cell::Cell<Option<(ReadSignal<Route>, WriteSignal<Route>)>> = const { std::cell::Cell::new(None) };
    static VISITS: std::cell::RefCell<Visits> = std::cell::RefCell::new(Visits::default());
    static SCROLL: std::cell::RefCell<ScrollMemory> =
        std::cell::RefCell::new(ScrollMemory::new((js_sys::Date::now() * 1000.0) as u64));
    /// Where the page of the entry arrived at last should be scrolled to, once drawn.
    static ARRIVAL_Y: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// The tab is at another history entry (a navigation, Back or Forward, a start): numbers it if
/// it is new and looks up where its page was.
fn arrive() {
    let Ok(history) = window().history() else {
        return;
    };
    let key = history
        .state()
        .ok()
        .and_then(|s| s.as_f64())
        .map(|k| k as u64);
    // Where the page being left is, read now: WebKit reports a scroll only at its next frame,
    // so a tap straight after a scroll would otherwise leave the entry's old place behind.
    let left_at = window().scroll_y().unwrap_or(0.0);
    let arrival = SCROLL.with_borrow_mut(|m| {
        m.scrolled(left_at);
        m.arrive(key)
    });
    if arrival.new {
        let _ = history.replace_state(&JsValue::from_f64(arrival.key as f64), "");
    }
    ARRIVAL_Y.set(arrival.y);
}

/// Where to scroll a page just drawn for a change of route: the top of a new page, the place
/// it was left at on Back or Forward.
pub fn arrival_scroll() -> f64 {
    ARRIVAL_Y.get()
}

/// Starts listening to `hashchange`; call once from the app frame, which passes the route on.
pub fn provide_router() -> ReadSignal<Route> {
    let first = current_route();
    VISITS.with_borrow_mut(|v| v.visit(first.clone()));
    let (route, set_route) = signal(first);
    ROUTE.set(Some((route, set_route)));
    // The app puts each page where it belongs; the browser's own restoring would fight it.
    if let Ok(history) = window().history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    arrive();
    // The listeners live as long as the page: the app frame is never unmounted.
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        arrive();
        show(current_route());
    });
    std::mem::forget(handle);
    let handle = window_event_listener(leptos::ev::scroll, move |_| {
        let y = window().scroll_y().unwrap_or(0.0);
        SCROLL.with_borrow_mut(|m| m.scrolled(y));
    });
    std::mem::forget(handle);
    route
}

/// Sets the route unless it is already showing, so a page is never rebuilt for nothing.
fn show(next: Route) {
    if let Some((route, set_route)) = ROUTE.get() {
        if route.with_untracked(|r| *r != next) {
            VISITS.with_borrow_mut(|v| v.visit(next.clone()));
            set_route.set(next);
        }
    }
}

/// Navigates by setting the fragment, so the back button and reload both work. The page is
/// swapped at once, in the same task as the tap, rather than on the `hashchange` event a task
/// later: after "Save", the new person's page is drawn in the frame the tap was handled in.
pub fn navigate(route: &Route) {
    navigate_to_hash(&route.to_hash());
}

/// `navigate` to a fragment that says more than its route, such as a search of People's.
pub fn navigate_to_hash(hash: &str) {
    let _ = window().location().set_hash(hash);
    arrive();
    // The fragment as the browser now has it, so both paths agree on the route.
    show(current_route());
}

/// Puts `hash` in the address bar in place of the page's own, with no history entry and no
/// `hashchange`: for what a page keeps in its fragment as it changes (People's search, a key
/// at a time), so that Back and a reload bring it back. The route must stay the same.
pub fn replace_hash_quietly(hash: &str) {
    // Safari refuses more than 100 replacements in 10 s; the address bar then lags behind
    // the page, which is all that is lost.
    // The entry keeps its number (`arrive`).
    let _ = window().history().and_then(|h| {
        let state = h.state().unwrap_or(JsValue::NULL);
        h.replace_state_with_url(&state, "", Some(hash))
    });
}

/// Navigates, replacing this page in the browser's history, so Back skips it: for a detour
/// that is done (the quick map, once saved, gives way to the share screen, and Back returns to
/// the map that was received).
pub fn navigate_replacing(route: &Route) {
    VISITS.with_borrow_mut(|v| v.forget_last());
    let _ = window().location().replace(&route.to_hash());
    arrive();
    show(current_route());
}

/// "Back" in the header: the browser's back when it stays inside the app, otherwise the page
/// above this one (opened from a link or the home screen, there is nothing behind it).
pub fn go_back(parent: &Route) {
    if VISITS.with_borrow(|v| v.can_go_back()) && window().history().and_then(|h| h.back()).is_ok()
    {
        return;
    }
    navigate(parent);
}
