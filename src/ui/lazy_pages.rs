//! The split points: every page but Home is compiled into a lazily loaded wasm chunk, fetched
//! the first time one of its routes is opened (scripts/build-wasm.sh cuts the module at the
//! `#[wasm_split]` functions below).
//!
//! Pages come in groups, not one chunk each: wasm-split makes a shared chunk for every
//! combination of split points that uses a function, and with a chunk per page opening My map
//! took some 60 fetches (a repeat visit offline went from 0.1 s to 0.36 s). "starting" is the
//! pages a new notebook's Home points at (My map, Add person, the quick map behind "Show my QR"
//! and the scan page), kept apart so that a first tap on one waits for them alone (about
//! 190 KB gzip with the record codec, where the everyday group needs 308 KB); "everyday" the
//! other pages used at an event, "sharing" the link and QR pages, "settings" backup and
//! contacts, "scanning" the QR decoder the scan page may need, "receiving" a map opened from a
//! link. (The build also packs the small chunks the groups share: post-process.py.)
//!
//! Five split points live beside what they load instead: the record codec
//! (`store::record_chunk`), the received page's overlap (`components::overlap_later`), the
//! calendar writer (`ui::calendar_export`) and the scan page's QR decoder and contact-card
//! reader (`ui::scan`), each because a file drawn from here uses it, and
//! reaching back into this file would close an import circle (`tests/import_graph.rs`).
//!
//! A first visit downloads only the app frame and Home; the service worker then precaches the
//! chunks, so every page still opens offline. Each chunk hands back a plain function that draws
//! its page: once fetched, a page is drawn synchronously like any other view.

use super::pages;
use crate::core::route::Route;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use std::cell::RefCell;

/// Draws the page of a route its chunk serves.
pub type PageFn = fn(Route) -> AnyView;

/// A chunk could not be fetched; the same type as the record chunk's.
pub use crate::store::record_chunk::ChunkMissing;

/// The chunks, one per page that is not in the main module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chunk {
    MyMap,
    People,
    PersonForm,
    Person,
    Events,
    Event,
    Share,
    Settings,
    Received,
    Who,
    Scan,
    QuickMap,
    FollowUps,
}

impl Chunk {
    /// The chunk that draws a route; `None` for the pages in the main module.
    pub fn of(route: &Route) -> Option<Chunk> {
        Some(match route {
            Route::Home | Route::NotFound(_) => return None,
            Route::MyMap => Chunk::MyMap,
            Route::People => Chunk::People,
            Route::AddPerson => Chunk::PersonForm,
            Route::Person(_) => Chunk::Person,
            Route::Events => Chunk::Events,
            Route::Event(_) => Chunk::Event,
            Route::Share => Chunk::Share,
            Route::Settings => Chunk::Settings,
            Route::Received(_) => Chunk::Received,
            Route::Who(_) => Chunk::Who,
            Route::Scan => Chunk::Scan,
            Route::QuickMap => Chunk::QuickMap,
            Route::FollowUps => Chunk::FollowUps,
        })
    }
}

impl Chunk {
    /// The page this one leads to, in another group: fetched as soon as this one is drawn. The
    /// quick map ends on the share page; a received map's "Send mine back" opens the share page,
    /// or the quick map for someone with no map yet (`have_map`).
    pub fn leads_to(self, have_map: bool) -> Option<Chunk> {
        match self {
            Chunk::QuickMap => Some(Chunk::Share),
            Chunk::Received if have_map => Some(Chunk::Share),
            Chunk::Received => Some(Chunk::QuickMap),
            _ => None,
        }
    }
}

thread_local! {
    static FETCHED: RefCell<Vec<(Chunk, PageFn)>> = const { RefCell::new(Vec::new()) };
}

/// The page function of a chunk already fetched.
pub fn fetched(chunk: Chunk) -> Option<PageFn> {
    FETCHED.with_borrow(|f| f.iter().find(|(c, _)| *c == chunk).map(|(_, page)| *page))
}

/// Fetches a chunk and the record codec (a failed fetch is retried on the next call).
pub async fn fetch(chunk: Chunk) -> Result<PageFn, ChunkMissing> {
    // The share-link tables download alongside the sharing pages' chunk (or again, if an
    // earlier try failed).
    let tables = match chunk {
        Chunk::Share | Chunk::Received => crate::store::share_model::start(),
        _ => None,
    };
    if let Some(page) = fetched(chunk) {
        crate::store::share_model::finish(tables).await;
        return Ok(page);
    }
    let page = match chunk {
        Chunk::MyMap => my_map().await,
        Chunk::People => people().await,
        Chunk::PersonForm => person_form().await,
        Chunk::Person => person().await,
        Chunk::Events => events().await,
        Chunk::Event => event().await,
        Chunk::Share => share().await,
        Chunk::Settings => settings().await,
        Chunk::Received => received().await,
        Chunk::Who => who().await,
        Chunk::Scan => scan().await,
        Chunk::QuickMap => quick_map().await,
        Chunk::FollowUps => follow_ups().await,
    }?;
    // Every page can save, and saving needs the record codec: a page is drawn only once both
    // are here (the app frame fetches the codec at start, so this rarely waits). A received map
    // is the exception: its first reader is someone new whose notebook is empty, and they must
    // see whose map it is as soon as possible; a save made before the codec arrives waits in
    // memory and is written when it does (`AppState::persist`).
    if chunk != Chunk::Received {
        crate::store::record_chunk::load().await?;
    }
    crate::store::share_model::finish(tables).await;
    FETCHED.with_borrow_mut(|f| f.push((chunk, page)));
    Ok(page)
}

// Each function below is only ever called with routes of its own chunk (see `Chunk::of`);
// the `_` arms are never drawn.

#[wasm_split(starting, wasm_split_path = ::leptos::wasm_split, fallible)]
fn my_map() -> Result<PageFn, ChunkMissing> {
    Ok(|_| view! { <pages::my_map::MyMapPage /> }.into_any())
}

#[wasm_split(everyday, wasm_split_path = ::leptos::wasm_split, fallible)]
fn people() -> Result<PageFn, ChunkMissing> {
    Ok(|_| view! { <pages::people::PeoplePage /> }.into_any())
}

#[wasm_split(starting, wasm_split_path = ::leptos::wasm_split, fallible)]
fn person_form() -> Result<PageFn, ChunkMissing> {
    Ok(|_| view! { <pages::person_form::PersonForm /> }.into_any())
}

#[wasm_split(everyday, wasm_split_path = ::leptos::wasm_split, fallible)]
fn person() -> Result<PageFn, ChunkMissing> {
    Ok(|route| match route {
        Route::Person(id) => view! { <pages::person::PersonPage id=id /> }.into_any(),
        _ => ().into_any(),
    })
}

#[wasm_split(everyday, wasm_split_path = ::leptos::wasm_split, fallible)]
fn events() -> Result<PageFn, ChunkMissing> {
    Ok(|_| view! { <pages::events::EventsPage /> }.into_any())
}

#[wasm_split(everyday, wasm_split_path = ::leptos::wasm_split, fallible)]
fn event() -> Result<PageFn, ChunkMissing> {
    Ok(|route| match route {
        Route::Event(id) => view! { <pages::event::EventPage id=id /> }.into_any(),
        _ => ().into_any(),
    })
}

#[wasm_split(sharing, wasm_split_path = ::leptos::wasm_split, fallible)]
fn share() -> Result<PageFn, ChunkMissing> {
    Ok(|_| view! { <pages::share::SharePage /> }.into_any())
}

#[wasm_split(settings, wasm_split_path = ::leptos::wasm_split, fallible)]
fn settings() -> Result<PageFn, ChunkMissing> {
    Ok(|_| view! { <pages::settings::SettingsPage /> }.into_any())
}

// A group of its own, as small as a received map allows: a first-time receiver waits for it
// (and for nothing else: the overlap, which needs a map of one's own, comes from "sharing").
#[wasm_split(receiving, wasm_split_path = ::leptos::wasm_split, fallible)]
fn received() -> Result<PageFn, ChunkMissing> {
    Ok(|route| match route {
        Route::Received(payload) => {
            view! { <pages::received::ReceivedPage payload=payload /> }.into_any()
        }
        _ => ().into_any(),
    })
}

#[wasm_split(everyday, wasm_split_path = ::leptos::wasm_split, fallible)]
fn who() -> Result<PageFn, ChunkMissing> {
    Ok(|route| match route {
        Route::Who(label) => view! { <pages::who::WhoPage label=label /> }.into_any(),
        _ => ().into_any(),
    })
}

// Home's "Scan a code": in "starting" with the other doors of Home. The QR decoder it may need
// is the "scanning" group, fetched when the page opens (`ui::scan`).
#[wasm_split(starting, wasm_split_path = ::leptos::wasm_split, fallible)]
fn scan() -> Result<PageFn, ChunkMissing> {
    Ok(|_| view! { <pages::scan::ScanPage /> }.into_any())
}

// In "starting", though it ends on the share page: it is where Home's "Show my QR" takes a new
// notebook, and it is a form, drawn long before anyone has typed enough to need the QR code
// (the share page's group is fetched as soon as it is drawn: `Chunk::leads_to`).
#[wasm_split(starting, wasm_split_path = ::leptos::wasm_split, fallible)]
fn quick_map() -> Result<PageFn, ChunkMissing> {
    Ok(|_| view! { <pages::quick_map::QuickMapPage /> }.into_any())
}

// In "everyday" with the person page, whose follow-up rows it draws.
#[wasm_split(everyday, wasm_split_path = ::leptos::wasm_split, fallible)]
fn follow_ups() -> Result<PageFn, ChunkMissing> {
    Ok(|_| view! { <pages::follow_ups::FollowUpsPage /> }.into_any())
}

/// Draws a part of a page that lives in a chunk.
pub type ViewFn = fn() -> AnyView;

static HOME_ACTIVITY: std::sync::OnceLock<ViewFn> = std::sync::OnceLock::new();

// A group of its own rather than "everyday": a first tap should not wait for Home's follow-up
// and calendar code.
#[wasm_split(home, wasm_split_path = ::leptos::wasm_split, fallible)]
fn home_activity_chunk() -> Result<ViewFn, ChunkMissing> {
    Ok(|| view! { <crate::ui::components::home_activity::HomeActivity /> }.into_any())
}

/// Home's activity, once fetched (see `components::home_activity_slot`).
pub fn home_activity_fetched() -> Option<ViewFn> {
    HOME_ACTIVITY.get().copied()
}

/// Fetches Home's activity and the record codec (ticking a follow-up saves a person).
pub async fn home_activity() -> Result<ViewFn, ChunkMissing> {
    if let Some(view) = home_activity_fetched() {
        return Ok(view);
    }
    let view = home_activity_chunk().await?;
    crate::store::record_chunk::load().await?;
    Ok(*HOME_ACTIVITY.get_or_init(|| view))
}
