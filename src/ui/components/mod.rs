//! Reusable pieces of the interface, one component per file.

pub mod compare_with;
pub mod contact_links;
pub mod field;
pub mod follow_ups;
pub mod interest_chips;
pub mod interest_editor;
pub mod nav_bar;
pub mod overlap_view;
pub mod person_fields;
pub mod person_list;
pub mod qr_image;
pub mod save_acquaintance;
pub mod shared_map;
pub mod status_area;
pub mod theme;
pub mod undo_toast;
pub mod venn_diagram;
