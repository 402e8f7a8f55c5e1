//! Time, randomness and timers from the browser: the things the core must be handed.
//!
//! Natively (the store's `cargo test`s) time comes from the system and timers never fire.

/// Milliseconds since the epoch.
#[cfg(target_family = "wasm")]
pub fn now() -> i64 {
    js_sys::Date::now() as i64
}

#[cfg(not(target_family = "wasm"))]
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// Runs `f` after `ms` milliseconds, once.
#[cfg(target_family = "wasm")]
pub fn after(ms: u64, f: impl FnOnce() + 'static) {
    leptos::prelude::set_timeout(f, std::time::Duration::from_millis(ms));
}

/// Native tests have no event loop to run a timer on, and check state rather than what a
/// timer would do later: the timer is dropped.
#[cfg(not(target_family = "wasm"))]
pub fn after(_ms: u64, _f: impl FnOnce() + 'static) {}

/// Today's local date as `YYYY-MM-DD`.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The day an evening belongs to: until 04:00 it is still the day before, so a social that
/// runs past midnight stays the current event, and whoever is met after twelve is filed under
/// it rather than under no event at all.
pub fn event_day() -> String {
    const EVENING_ENDS_AT_HOUR: u32 = 4;
    let day = today();
    if js_sys::Date::new_0().get_hours() < EVENING_ENDS_AT_HOUR {
        return crate::core::dates::add_days(&day, -1).unwrap_or(day);
    }
    day
}

thread_local! {
    static DAY: std::cell::OnceCell<leptos::prelude::ArcRwSignal<String>> =
        const { std::cell::OnceCell::new() };
}

/// Today's local date as a signal that moves on with the day. A phone keeps an installed app
/// in memory overnight: opened the next morning, Home must not show yesterday's follow-ups as
/// today's, nor yesterday's meeting as the one on now. Read again when the app comes back into
/// view (and when a page comes back from the browser's back-forward cache) and at midnight.
pub fn day() -> leptos::prelude::ArcRwSignal<String> {
    use leptos::prelude::*;
    DAY.with(|cell| {
        cell.get_or_init(|| {
            let shown = ArcRwSignal::new(today());
            for event in ["visibilitychange", "pageshow"] {
                let shown = shown.clone();
                let handle = window_event_listener_untyped(event, move |_| next_day(&shown));
                // As long as the page: the day is never dropped.
                std::mem::forget(handle);
            }
            at_midnight(shown.clone());
            shown
        })
        .clone()
    })
}

fn next_day(shown: &leptos::prelude::ArcRwSignal<String>) {
    use leptos::prelude::*;
    let now = today();
    if shown.with_untracked(|d| *d != now) {
        shown.set(now);
    }
}

/// Moves the day on just after midnight, and again each midnight after (a timer held back
/// while the phone sleeps fires when it wakes, which is when it matters).
fn at_midnight(shown: leptos::prelude::ArcRwSignal<String>) {
    let d = js_sys::Date::new_0();
    // Local midnight at the start of tomorrow (the Date constructor carries a 32nd into the
    // next month).
    let tomorrow = js_sys::Date::new_with_year_month_day(
        d.get_full_year(),
        d.get_month() as i32,
        d.get_date() as i32 + 1,
    );
    let wait = (tomorrow.get_time() - d.get_time()).max(0.0) as u64 + 1_000;
    after(wait, move || {
        next_day(&shown);
        at_midnight(shown);
    });
}

/// A new record id: 12 characters of base-32 from the browser's CSPRNG. 60 random bits make a
/// collision between two phones' records vanishingly unlikely, and the ids stay short in
/// storage and in URLs.
pub fn new_id() -> String {
    const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
    random_bytes::<12>()
        .iter()
        .map(|b| ALPHABET[(*b & 31) as usize] as char)
        .collect()
}

/// Random bytes from the browser's CSPRNG, or `None` when it refuses (salts and IVs of a
/// locked link must come from here: a lock made from guessable bytes is no lock).
pub fn secure_random_bytes<const N: usize>() -> Option<[u8; N]> {
    let mut bytes = [0u8; N];
    let crypto = web_sys::window()?.crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}

/// Random bytes for ids. Every browser that runs WebAssembly has `crypto.getRandomValues`;
/// should it ever fail, `Math.random` still gives ids unique enough not to collide.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    secure_random_bytes().unwrap_or_else(|| {
        let mut bytes = [0u8; N];
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
        bytes
    })
}
