//! The user interface: the app frame, the fragment router, pages and components.

pub mod app;
pub mod calendar_export;
pub mod components;
pub mod download;
pub mod focus;
pub mod format;
pub mod hints;
pub mod install;
pub mod lazy_pages;
pub mod met;
pub mod pages;
pub mod platform;
pub mod router;
pub mod scan;
pub mod sw;
pub mod web_share;

pub use app::App;
