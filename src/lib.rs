//! Common Ground: an offline-first interest map for people who go to networking events.
//!
//! `core` is the functional core (no browser), `store` the storage shell, `ui` the components.

pub mod core;
pub mod store;
pub mod ui;
