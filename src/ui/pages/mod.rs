//! One page per route.

pub mod event;
pub mod events;
pub mod follow_ups;
pub mod home;
pub mod my_map;
pub mod not_found;
pub mod people;
pub mod person;
pub mod person_form;
pub mod quick_map;
pub mod received;
pub mod scan;
pub mod settings;
pub mod share;
pub mod who;
