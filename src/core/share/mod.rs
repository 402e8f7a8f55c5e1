//! Sharing a map by link: the payload, its compact format, and the hardened decoder.
//!
//! A link is `#/m/<payload>`, where the payload is base64url (no padding) of
//! `version, flags, body`. The body is a bit stream (see `body.rs`) that is deflated when that
//! makes it smaller. A link locked with a passphrase carries an envelope instead (see
//! `codec.rs`); the shell does the cryptography, the core only packs and checks.
//!
//! Format 3 (`body2.rs`, `phrase.rs`, `range.rs`, `name.rs`) codes text with English word
//! frequencies from tables the shell fetches with the share and received pages (`words.rs`),
//! except the sender's name, which comes first and needs no tables (so the app can say whose
//! map is opening before they arrive). Format 2 is format 3 with the name coded by the
//! tables; format 1 (`body.rs`, `text.rs`, `vocabulary.rs`) is written when the tables are not
//! here. Every format is read, forever.
//!
//! Everything here treats the link as hostile: it never panics, never allocates more than a
//! fixed budget, and answers every bad input with a [`ShareError`] worded for the user.

mod bits;
mod body;
mod body2;
mod codec;
mod error;
mod inflate;
mod name;
mod passphrase;
mod phrase;
pub mod qr_form;
mod range;
mod text;
mod vocabulary;
mod web;
mod words;

#[cfg(test)]
mod tests;

pub use codec::{
    decode, decode_envelope, decode_envelope_with, decode_with, encode, encode_sealed,
    encode_sealed_as, encode_with, installed_model, model_provided, payload_bytes,
    payload_bytes_with, payload_from_bytes, payload_from_bytes_with, peek_name, provide_model,
    Decoded, BODY_MAX_BYTES, FORMAT_VERSION, FRAGMENT_MAX_CHARS, GCM_TAG_LEN, IV_LEN,
    PBKDF2_ITERATIONS, PBKDF2_ITERATIONS_MAX, SALT_LEN,
};
pub use error::ShareError;
pub use passphrase::{fold_passphrase, passphrase_tries};
pub use vocabulary::VOCABULARY;
pub use web::safe_web_url;
pub use words::{ShareModel, SHARE_MODEL_FILE};

use super::limits::{CONTACT_MAX, INTERESTS_PER_PERSON_MAX, INTEREST_MAX, NAME_MAX, WHAT_MAX};
use super::model::{Category, CategoryId, Contact, Interest};

/// The longest personal message a link carries, in characters.
pub const MESSAGE_MAX: usize = 280;
/// The most custom categories a link names.
pub const CATEGORIES_MAX: usize = 64;
/// The longest custom category id or name, in characters.
pub const CATEGORY_TEXT_MAX: usize = 60;

/// A custom category the shared interests use: the receiver knows the default categories
/// already, but needs the name of any other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedCategory {
    pub id: CategoryId,
    pub name: String,
}

/// Everything a share link carries: the part of my map I chose to share, how to reach me and a
/// line of text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SharePayload {
    pub name: String,
    pub what: String,
    pub interests: Vec<Interest>,
    pub contact: Contact,
    /// One line of text, such as "Lovely to meet you at the WI".
    pub message: String,
    /// Names for the categories of `interests` that are not default ones.
    pub categories: Vec<SharedCategory>,
}

impl SharePayload {
    /// A payload for `interests`, naming the custom categories they use (in first-use order)
    /// from `known`. An interest whose category is in neither the defaults nor `known` is sent
    /// under "other", as the app files interests of a deleted category.
    pub fn new(
        name: impl Into<String>,
        what: impl Into<String>,
        interests: Vec<Interest>,
        contact: Contact,
        message: impl Into<String>,
        known: &[Category],
    ) -> Self {
        let mut categories: Vec<SharedCategory> = Vec::new();
        let interests = interests
            .into_iter()
            .map(|mut interest| {
                if body::default_category_code(&interest.category).is_none()
                    && !categories.iter().any(|c| c.id == interest.category)
                {
                    match known.iter().find(|c| c.id == interest.category) {
                        Some(c) => categories.push(SharedCategory {
                            id: c.id.clone(),
                            name: c.name.clone(),
                        }),
                        None => interest.category = CategoryId::other(),
                    }
                }
                interest
            })
            .collect();
        SharePayload {
            name: name.into(),
            what: what.into(),
            interests,
            contact,
            message: message.into(),
            categories,
        }
    }

    /// Whether this payload can travel: every text within its limit and free of control
    /// characters, and every interest's category a default one or named in `categories`.
    /// The decoder applies the same check, and `decode(&encode(p)) == Ok(p)` holds for every
    /// payload that passes it (and fits in [`FRAGMENT_MAX_CHARS`]).
    pub fn check(&self) -> Result<(), ShareError> {
        let c = &self.contact;
        let texts = [
            (self.name.as_str(), NAME_MAX),
            (&self.what, WHAT_MAX),
            (&self.message, MESSAGE_MAX),
            (&c.phone, CONTACT_MAX),
            (&c.email, CONTACT_MAX),
            (&c.web, CONTACT_MAX),
            (&c.social, CONTACT_MAX),
        ];
        let categories = self.categories.iter().flat_map(|c| {
            [
                (c.id.as_str(), CATEGORY_TEXT_MAX),
                (&c.name, CATEGORY_TEXT_MAX),
            ]
        });
        let labels = self
            .interests
            .iter()
            .map(|i| (i.label.as_str(), INTEREST_MAX));
        if self.interests.len() > INTERESTS_PER_PERSON_MAX || self.categories.len() > CATEGORIES_MAX
        {
            return Err(ShareError::OverLimit);
        }
        for (text, max) in texts.into_iter().chain(categories).chain(labels) {
            if text.chars().any(char::is_control) {
                return Err(ShareError::Damaged);
            }
            if text.chars().count() > max {
                return Err(ShareError::OverLimit);
            }
        }
        let named = |id: &CategoryId| self.categories.iter().any(|c| &c.id == id);
        if self
            .interests
            .iter()
            .all(|i| body::default_category_code(&i.category).is_some() || named(&i.category))
        {
            Ok(())
        } else {
            Err(ShareError::Damaged)
        }
    }
}
