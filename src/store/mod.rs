//! The storage shell: applies the core's changes to the app's state signals and to storage.
//!
//! Everything it stores is shaped by `core::records`; this layer only moves text.
//!
//! Imports go one way: `state` (signals, persisting) is below `changes` (what screens call),
//! `sync` (other tabs, storage use) and `drafts`; `backend`, `usage`, `notice`, `clock` and
//! `record_chunk` are below `state` and import none of these.

pub mod backend;
pub mod changes;
pub mod clock;
pub mod drafts;
pub mod notice;
pub mod record_chunk;
pub mod share_model;
pub mod state;
pub mod sync;
pub mod usage;

#[cfg(all(test, not(target_family = "wasm")))]
mod tests;

pub use notice::{Notice, NoticeKind};
pub use state::{AppState, Opened, Persistence};
