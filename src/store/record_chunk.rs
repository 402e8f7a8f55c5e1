//! The record chunk: stored text to records and back, in a wasm chunk of its own.
//!
//! It holds `core::records`' writers, serde_json and every serde impl. (Not to be confused
//! with `core::share::codec`, which turns a map into a share link.)
//!
//! It is the largest part of what a start needs, and a first visit (nothing stored yet) needs
//! none of it to show Home. So it is fetched before the app mounts only when storage holds
//! records, and otherwise in the background; changes made before it arrives wait in memory
//! (see `AppState::persist`). Once fetched, its functions are called synchronously through
//! the table below.

use crate::core::document::{Document, Settings};
use crate::core::model::{Category, Event, Me, Person};
use crate::core::records::{self, Loaded, Schema};
use leptos::wasm_split::{wasm_split, SplitLoaderError};

/// Function pointers into the codec chunk.
pub struct Codec {
    /// Reads every stored entry into a schema (see `records::load_with`).
    pub load: fn(Vec<(String, String)>, &Schema) -> Loaded,
    /// Every record of a document, schema first (to write migrated records back).
    pub all: fn(&Document) -> Vec<(String, String)>,
    pub me: fn(&Me) -> String,
    pub categories: fn(&[Category]) -> String,
    pub settings: fn(&Settings) -> String,
    pub person: fn(&Person) -> String,
    pub event: fn(&Event) -> String,
    pub read_me: fn(&str) -> Option<Me>,
    pub read_categories: fn(&str) -> Option<Vec<Category>>,
    pub read_settings: fn(&str) -> Option<Settings>,
    pub read_person: fn(&str) -> Option<Person>,
    pub read_event: fn(&str) -> Option<Event>,
}

/// A wasm chunk could not be fetched (offline before the service worker had cached it). The
/// one type for every chunk: this one and the UI's page chunks (`ui::lazy_pages`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkMissing;

impl From<SplitLoaderError> for ChunkMissing {
    fn from(_: SplitLoaderError) -> Self {
        ChunkMissing
    }
}

static TABLE: Codec = Codec {
    load: |entries, schema| records::load_with(entries, schema),
    all: records::all_records,
    me: |me| records::me_record(me).1,
    categories: |cats| records::categories_record(cats).1,
    settings: |settings| records::settings_record(settings).1,
    person: |p| records::person_record(p).1,
    event: |e| records::event_record(e).1,
    read_me: |raw| serde_json::from_str(raw).ok(),
    read_categories: |raw| serde_json::from_str(raw).ok(),
    read_settings: |raw| serde_json::from_str(raw).ok(),
    read_person: |raw| serde_json::from_str(raw).ok(),
    read_event: |raw| serde_json::from_str(raw).ok(),
};

#[wasm_split(codec, wasm_split_path = ::leptos::wasm_split, fallible)]
fn fetch_table() -> Result<&'static Codec, ChunkMissing> {
    Ok(&TABLE)
}

// The store's one thread-local. Whether the chunk has been loaded is a fact about the wasm
// module of this page, not about any one app's state: the UI's page loader
// (`ui::lazy_pages`) asks it too, before any `AppState` exists.
#[cfg(target_family = "wasm")]
thread_local! {
    static LOADED: std::cell::Cell<Option<&'static Codec>> = const { std::cell::Cell::new(None) };
}

/// The codec, if its chunk has arrived.
#[cfg(target_family = "wasm")]
pub fn get() -> Option<&'static Codec> {
    LOADED.get()
}

/// Natively there are no chunks: the codec is linked in, and native tests use it directly.
#[cfg(not(target_family = "wasm"))]
pub fn get() -> Option<&'static Codec> {
    Some(&TABLE)
}

/// Fetches the codec's chunk (once; a failed fetch is retried on the next call).
pub async fn load() -> Result<&'static Codec, ChunkMissing> {
    if let Some(codec) = get() {
        return Ok(codec);
    }
    let codec = fetch_table().await?;
    #[cfg(target_family = "wasm")]
    LOADED.set(Some(codec));
    Ok(codec)
}
