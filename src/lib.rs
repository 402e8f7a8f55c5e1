//! Common Ground: an offline-first interest map for people who go to networking events.
//!
//! `core` is the functional core (no browser), `store` the storage shell, `ui` the components.

// The app sorts only through `core::order` (clippy.toml says why); tests may sort as they like.
#![cfg_attr(test, allow(clippy::disallowed_methods))]

pub mod core;
pub mod store;
pub mod ui;
