//! The storage shell: reads and writes localStorage and holds the app's state signals.
//! Everything it stores is shaped by `core::records`; this layer only moves text.

pub mod backend;
pub mod clock;
pub mod codec;
pub mod drafts;
pub mod notice;
pub mod share_model;
pub mod state;
pub mod sync;
pub mod usage;

pub use notice::{Notice, NoticeKind};
pub use state::{AppState, Change, Opened, Persistence};
