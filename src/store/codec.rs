//! The record codec: stored text to records and back (`core::records`, serde_json and every
//! serde impl), kept in a wasm chunk of its own.
//!
//! It is the largest part of what a start needs, and a first visit (nothing stored yet) needs
//! none of it to show Home. So it is fetched before the app mounts only when storage holds
//! records, and otherwise in the background; changes made before it arrives wait in memory
//! (see `AppState::persist`). Once fetched, its functions are called synchronously through
//! the table below.

use crate::core::document::{Document, Settings};
use crate::core::model::{Category, Event, Me, Person};
use crate::core::records::{self, Loaded};
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::cell::Cell;

/// Function pointers into the codec chunk.
pub struct Codec {
    /// Reads every stored entry (see `records::load`).
    pub load: fn(Vec<(String, String)>) -> Loaded,
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

/// The chunk could not be fetched (offline before the service worker had cached it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodecMissing;

impl From<SplitLoaderError> for CodecMissing {
    fn from(_: SplitLoaderError) -> Self {
        CodecMissing
    }
}

static TABLE: Codec = Codec {
    load: |entries| records::load(entries),
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
fn fetch_table() -> Result<&'static Codec, CodecMissing> {
    Ok(&TABLE)
}

thread_local! {
    static LOADED: Cell<Option<&'static Codec>> = const { Cell::new(None) };
}

/// The codec, if its chunk has arrived.
pub fn get() -> Option<&'static Codec> {
    LOADED.get()
}

/// Fetches the codec's chunk (once; a failed fetch is retried on the next call).
pub async fn load() -> Result<&'static Codec, CodecMissing> {
    if let Some(codec) = get() {
        return Ok(codec);
    }
    let codec = fetch_table().await?;
    LOADED.set(Some(codec));
    Ok(codec)
}
