//! The sample and held-out maps' neutral file shape (tests/data/), and the share payload each
//! becomes: shared by the native share bench and the in-browser bench.

use common_ground::core::model::{default_categories, Contact, Interest};
use common_ground::core::share::SharePayload;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct NeutralMap {
    pub name: String,
    pub what: String,
    pub interests: Vec<NeutralInterest>,
}

#[derive(Serialize, Deserialize)]
pub struct NeutralInterest {
    pub label: String,
    pub category: String,
}

/// The map as a link would carry it: interests under the default categories, by name.
pub fn payload_of(map: &NeutralMap) -> SharePayload {
    let categories = default_categories();
    let interests = map
        .interests
        .iter()
        .map(|i| {
            let category = categories
                .iter()
                .find(|c| c.name == i.category)
                .map(|c| c.id.clone())
                .unwrap_or_else(|| panic!("unknown category {:?}", i.category));
            Interest::new(i.label.clone(), category)
        })
        .collect();
    SharePayload::new(
        map.name.clone(),
        map.what.clone(),
        interests,
        Contact::default(),
        "",
        &categories,
    )
}
