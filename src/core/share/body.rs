//! The body of a share link: the payload's fields as a bit stream, in a fixed order.
//!
//! ```text
//! name        text
//! what        label
//! contact     4 presence bits (phone, email, web, social), then each present one as text
//! message     1 presence bit, then text
//! categories  varint count, then per custom category: id text, name text
//! interests   varint count, then per interest: category code, label
//! padding     zero bits to the byte boundary; nothing may follow
//!
//! label       1 bit: 1 = vocabulary entry: 2-bit case form, 9-bit number
//!                    0 = free text
//! category    4 bits: 0..=10 a default category (WIRE_DEFAULTS), 11..=14 custom category
//!             0..=3, 15 = a varint n follows: custom category 4 + n
//! text        see `text.rs`
//! ```
//!
//! Categories cost a nibble an interest because maps are kept in the order they were typed,
//! which is rarely grouped by category; the order is part of what is shared.

use super::bits::{BitReader, BitWriter};
use super::error::ShareError;
use super::text::{read_text, write_text};
use super::vocabulary::{self, CaseForm};
use super::{SharePayload, SharedCategory, CATEGORIES_MAX, CATEGORY_TEXT_MAX, MESSAGE_MAX};
use crate::core::limits::{
    CONTACT_MAX, INTERESTS_PER_PERSON_MAX, INTEREST_MAX, NAME_MAX, WHAT_MAX,
};
use crate::core::model::{CategoryId, Contact, Interest};

/// The default categories by wire number. Part of the format: append only. Kept apart from
/// `default_categories()` so that reordering the app's display order cannot change links.
pub(crate) const WIRE_DEFAULTS: [&str; 11] = [
    "work", "family", "hobbies", "sport", "food", "local", "causes", "learning", "arts", "travel",
    "other",
];
/// Custom categories that fit in the nibble itself, after the defaults.
const INLINE_CUSTOM: u32 = 4;
const CATEGORY_ESCAPE: u32 = 15;

/// The wire number of a default category.
pub(crate) fn default_category_code(id: &CategoryId) -> Option<u32> {
    WIRE_DEFAULTS
        .iter()
        .position(|d| *d == id.as_str())
        .map(|i| i as u32)
}

pub(crate) fn encode_body(p: &SharePayload) -> Vec<u8> {
    let mut w = BitWriter::default();
    write_text(&mut w, &p.name);
    write_label(&mut w, &p.what);
    let c = &p.contact;
    let contact = [&c.phone, &c.email, &c.web, &c.social];
    for field in contact {
        w.bit(!field.is_empty());
    }
    for field in contact.into_iter().filter(|f| !f.is_empty()) {
        write_text(&mut w, field);
    }
    w.bit(!p.message.is_empty());
    if !p.message.is_empty() {
        write_text(&mut w, &p.message);
    }
    w.varint(p.categories.len() as u32);
    for category in &p.categories {
        write_text(&mut w, category.id.as_str());
        write_text(&mut w, &category.name);
    }
    w.varint(p.interests.len() as u32);
    for interest in &p.interests {
        write_category(&mut w, &interest.category, &p.categories);
        write_label(&mut w, &interest.label);
    }
    w.finish()
}

fn write_label(w: &mut BitWriter, label: &str) {
    match vocabulary::find(label) {
        Some((index, form)) => {
            w.bit(true);
            w.bits(form as u32, 2);
            w.bits(u32::from(index), vocabulary::INDEX_BITS);
        }
        None => {
            w.bit(false);
            write_text(w, label);
        }
    }
}

/// A category that is neither default nor named is written as "other": `check` reports such
/// a payload, and the receiver would have no name to show for it anyway.
fn write_category(w: &mut BitWriter, id: &CategoryId, custom: &[SharedCategory]) {
    let default_count = WIRE_DEFAULTS.len() as u32;
    let code = default_category_code(id)
        .or_else(|| {
            custom
                .iter()
                .position(|c| &c.id == id)
                .map(|i| default_count + i as u32)
        })
        .unwrap_or(default_count - 1);
    if code < default_count + INLINE_CUSTOM {
        w.bits(code, 4);
    } else {
        w.bits(CATEGORY_ESCAPE, 4);
        w.varint(code - default_count - INLINE_CUSTOM);
    }
}

pub(crate) fn decode_body(bytes: &[u8]) -> Result<SharePayload, ShareError> {
    let mut r = BitReader::new(bytes);
    let name = read_text(&mut r, NAME_MAX)?;
    let what = read_label(&mut r, WHAT_MAX)?;
    let mut present = [false; 4];
    for slot in &mut present {
        *slot = r.bit()?;
    }
    let mut contact_field = |present: bool| -> Result<String, ShareError> {
        if present {
            read_text(&mut r, CONTACT_MAX)
        } else {
            Ok(String::new())
        }
    };
    let [phone, email, web, social] = present;
    let contact = Contact {
        phone: contact_field(phone)?,
        email: contact_field(email)?,
        web: contact_field(web)?,
        social: contact_field(social)?,
    };
    let message = if r.bit()? {
        read_text(&mut r, MESSAGE_MAX)?
    } else {
        String::new()
    };
    let count = read_count(&mut r, CATEGORIES_MAX)?;
    let mut categories = Vec::with_capacity(count);
    for _ in 0..count {
        let id = CategoryId::new(read_text(&mut r, CATEGORY_TEXT_MAX)?);
        let name = read_text(&mut r, CATEGORY_TEXT_MAX)?;
        categories.push(SharedCategory { id, name });
    }
    let count = read_count(&mut r, INTERESTS_PER_PERSON_MAX)?;
    let mut interests = Vec::with_capacity(count);
    for _ in 0..count {
        let category = read_category(&mut r, &categories)?;
        let label = read_label(&mut r, INTEREST_MAX)?;
        interests.push(Interest { label, category });
    }
    r.finish()?;
    let payload = SharePayload {
        name,
        what,
        interests,
        contact,
        message,
        categories,
    };
    payload.check()?;
    Ok(payload)
}

/// A count checked against its limit before anything is allocated for it.
fn read_count(r: &mut BitReader, max: usize) -> Result<usize, ShareError> {
    let count = r.varint()? as usize;
    if count > max {
        return Err(ShareError::OverLimit);
    }
    Ok(count)
}

fn read_label(r: &mut BitReader, max_chars: usize) -> Result<String, ShareError> {
    if !r.bit()? {
        return read_text(r, max_chars);
    }
    let form = CaseForm::from_bits(r.bits(2)?);
    let index = r.bits(vocabulary::INDEX_BITS)? as usize;
    // A number past the end of this app's list was appended by a newer version.
    let entry = vocabulary::entry(index).ok_or(ShareError::NewerVersion)?;
    Ok(form.apply(entry))
}

fn read_category(r: &mut BitReader, custom: &[SharedCategory]) -> Result<CategoryId, ShareError> {
    let code = r.bits(4)?;
    let default_count = WIRE_DEFAULTS.len() as u32;
    let custom_index = match code {
        CATEGORY_ESCAPE => INLINE_CUSTOM as usize + r.varint()? as usize,
        code if code < default_count => {
            let id = WIRE_DEFAULTS
                .get(code as usize)
                .ok_or(ShareError::Damaged)?;
            return Ok(CategoryId::new(*id));
        }
        code => (code - default_count) as usize,
    };
    custom
        .get(custom_index)
        .map(|c| c.id.clone())
        .ok_or(ShareError::Damaged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::default_categories;

    #[test]
    fn every_default_category_has_a_wire_number() {
        for c in default_categories() {
            assert!(default_category_code(&c.id).is_some(), "{:?}", c.id);
        }
    }

    fn payload_with_custom_categories(n: usize) -> SharePayload {
        let categories: Vec<SharedCategory> = (0..n)
            .map(|i| SharedCategory {
                id: CategoryId::new(format!("c{i}")),
                name: format!("Custom {i}"),
            })
            .collect();
        let interests = categories
            .iter()
            .map(|c| Interest::new(format!("thing in {}", c.name), c.id.clone()))
            .chain([Interest::new("Folk Music", CategoryId::new("arts"))])
            .collect();
        SharePayload {
            name: "Meg".into(),
            interests,
            categories,
            ..SharePayload::default()
        }
    }

    #[test]
    fn custom_categories_past_the_inline_ones_come_back() {
        let p = payload_with_custom_categories(20);
        assert_eq!(decode_body(&encode_body(&p)), Ok(p));
    }

    /// A body with one custom category and one interest whose category code is `code`.
    fn body_with_category_code(code: u32) -> Vec<u8> {
        let mut w = BitWriter::default();
        write_text(&mut w, "Meg");
        w.bit(false);
        write_text(&mut w, "");
        w.bits(0, 4 + 1);
        w.varint(1);
        write_text(&mut w, "c0");
        write_text(&mut w, "Choir stuff");
        w.varint(1);
        w.bits(code, 4);
        w.bit(false);
        write_text(&mut w, "altos");
        w.finish()
    }

    #[test]
    fn a_category_number_past_the_named_ones_is_damage() {
        let p = decode_body(&body_with_category_code(11)).unwrap();
        assert_eq!(p.interests[0].category, CategoryId::new("c0"));
        assert_eq!(p.interests[0].label, "altos");
        assert_eq!(
            decode_body(&body_with_category_code(12)),
            Err(ShareError::Damaged)
        );
    }

    #[test]
    fn a_vocabulary_number_past_the_list_means_a_newer_version() {
        let mut w = BitWriter::default();
        write_text(&mut w, "Meg");
        w.bit(true);
        w.bits(0, 2);
        w.bits(511, 9);
        assert_eq!(
            decode_body(&w.finish()),
            Err(ShareError::NewerVersion),
            "the list is expected to have fewer than 512 entries"
        );
    }

    #[test]
    fn vocabulary_labels_cost_two_bytes_with_their_category() {
        let mut p = payload_with_custom_categories(0);
        p.interests.clear();
        let base = encode_body(&p).len();
        for label in ["gardening", "Gardening", "GARDENING", "Folk Music"] {
            p.interests
                .push(Interest::new(label, CategoryId::new("hobbies")));
        }
        assert_eq!(encode_body(&p).len(), base + 8);
        assert_eq!(decode_body(&encode_body(&p)), Ok(p));
    }
}
