//! The functional core: the domain and everything computed from it, with no browser in sight.
//! Nothing here imports web-sys, so all of it is tested natively with `cargo test`.

pub mod backup;
pub mod categorise;
pub mod current_event;
pub mod dates;
pub mod document;
pub mod draft;
pub mod duplicates;
pub mod event_summary;
pub mod follow_up_list;
pub mod ics;
pub mod interest_key;
pub mod limits;
pub mod map_picture;
pub mod model;
pub mod notes;
pub mod nudges;
pub mod order;
pub mod overlap;
pub mod people_search;
pub mod plural;
pub mod profile_link;
pub mod qr;
pub mod qr_scan;
pub mod queries;
pub mod quick_map;
pub mod records;
pub mod regulars;
pub mod route;
pub mod scroll_memory;
// Test and benchmark data only: the app never reads the sample files.
#[cfg(any(test, feature = "sample"))]
pub mod sample;
pub mod search;
pub mod share;
pub mod share_choices;
pub mod spreadsheet;
pub mod suggestions;
pub mod sync_rules;
pub mod vcard;
pub mod venn;
