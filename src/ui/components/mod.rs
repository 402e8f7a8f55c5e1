//! Reusable pieces of the interface, one component per file.

pub mod field;
pub mod interest_chips;
pub mod interest_editor;
pub mod nav_bar;
pub mod person_list;
pub mod status_area;
pub mod theme;
