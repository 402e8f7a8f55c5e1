//! The body of a format-2 or format-3 link: the payload's fields through one range coder, in a
//! fixed order. The two differ only in the name.
//!
//! ```text
//! name        format 3: fixed chances, no tables (`name.rs`); format 2: text
//! what        label
//! contact     4 presence bits (phone, email, web, social), then each present one as text
//! message     presence bit, then text
//! categories  count (uniform 0..=64), then per custom category: id text, name text
//! interests   count (uniform 0..=max), then per interest: category, label
//! end         the last of 4096 equally likely values
//! category    after the first: "same as the one before" (a chance learned from this map so
//!             far), else one of the other categories, all equally likely
//! text/label  see `phrase.rs`
//! ```
//!
//! The decoder re-encodes what it read and refuses the link unless that gives back the same
//! bytes, so the encoder's choices (a repeat before a listed word, the vocabulary before
//! words) are part of the format, like the tables.
//!
//! Categories go as runs because a map typed category by category repeats its category
//! interest after interest; a map in mixed order pays a little for the same-bit instead.

use super::body::{default_category_code, WIRE_DEFAULTS};
use super::error::ShareError;
use super::name::{read_name, write_name};
use super::phrase::{read_text, write_text, Kind, Memory};
use super::range::{Decoder, Encoder};
use super::words::ShareModel;
use super::{SharePayload, SharedCategory, CATEGORIES_MAX, CATEGORY_TEXT_MAX, MESSAGE_MAX};
use crate::core::limits::{
    CONTACT_MAX, INTERESTS_PER_PERSON_MAX, INTEREST_MAX, NAME_MAX, WHAT_MAX,
};
use crate::core::model::{CategoryId, Contact, Interest};

const END_MARK: u32 = 4095;
/// Chance, out of 4096, that a contact field or the message is there.
const PRESENT: u32 = 1400;

/// A learned chance, out of 4096, of something that happened `hits` times in `tries` (a
/// Krichevsky–Trofimov estimate, kept off the ends).
fn chance(hits: u32, tries: u32) -> u32 {
    ((2 * hits + 1) * 4096 / (2 * tries + 2)).clamp(128, 3968)
}

/// The category model: the one before again (learned), else a category this map has not used
/// yet (learned: a map typed category by category always moves to a new one), else one it
/// has; equally likely within each group.
struct Runs {
    used: Vec<bool>,
    previous: Option<usize>,
    same: u32,
    seen: u32,
    fresh: u32,
    changes: u32,
}

impl Runs {
    fn new(choices: usize) -> Self {
        Runs {
            used: vec![false; choices],
            previous: None,
            same: 0,
            seen: 0,
            fresh: 0,
            changes: 0,
        }
    }

    /// Weights of every category for the next interest, out of about 2^16.
    fn weights(&self) -> Vec<u32> {
        let total: u32 = 1 << 16;
        let p_same = self
            .previous
            .map_or(0, |_| chance(self.same, self.seen) * 16);
        let rest = total - p_same;
        let unused = self.used.iter().filter(|u| !**u).count() as u32;
        let used_other = self.used.len() as u32 - unused - u32::from(self.previous.is_some());
        let p_fresh = match (unused, used_other) {
            (0, _) => 0,
            (_, 0) => 4096,
            _ => chance(self.fresh, self.changes),
        };
        self.used
            .iter()
            .enumerate()
            .map(|(code, &used)| {
                if Some(code) == self.previous {
                    p_same
                } else if used {
                    (rest * (4096 - p_fresh) / 4096 / used_other.max(1)).max(1)
                } else {
                    (rest / 4096 * p_fresh / unused.max(1)).max(1)
                }
            })
            .collect()
    }

    fn saw(&mut self, code: usize) {
        if let Some(previous) = self.previous {
            self.seen += 1;
            if previous == code {
                self.same += 1;
            } else {
                self.changes += 1;
                self.fresh += u32::from(!self.used[code]);
            }
        }
        self.used[code] = true;
        self.previous = Some(code);
    }
}

/// How the name is coded: the only difference between formats 2 and 3.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameCoding {
    /// Format 2: with the word tables, like any other text.
    Tables,
    /// Format 3: fixed chances, readable without the tables.
    Fixed,
}

pub(crate) fn encode_body(p: &SharePayload, m: &ShareModel, coding: NameCoding) -> Vec<u8> {
    let mut e = Encoder::default();
    let mut mem = Memory::default();
    match coding {
        NameCoding::Tables => write_text(&mut e, m, &mut mem, &p.name, Kind::Free),
        NameCoding::Fixed => write_name(&mut e, &p.name),
    }
    write_text(&mut e, m, &mut mem, &p.what, Kind::Label);
    let c = &p.contact;
    let contact = [&c.phone, &c.email, &c.web, &c.social];
    for field in contact {
        e.bit(!field.is_empty(), PRESENT);
    }
    for field in contact.into_iter().filter(|f| !f.is_empty()) {
        write_text(&mut e, m, &mut mem, field, Kind::Free);
    }
    e.bit(!p.message.is_empty(), PRESENT);
    if !p.message.is_empty() {
        write_text(&mut e, m, &mut mem, &p.message, Kind::Free);
    }
    e.uniform(p.categories.len() as u32, CATEGORIES_MAX as u32 + 1);
    for category in &p.categories {
        write_text(&mut e, m, &mut mem, category.id.as_str(), Kind::Free);
        write_text(&mut e, m, &mut mem, &category.name, Kind::Free);
    }
    e.uniform(
        p.interests.len() as u32,
        INTERESTS_PER_PERSON_MAX as u32 + 1,
    );
    let mut runs = Runs::new(WIRE_DEFAULTS.len() + p.categories.len());
    for interest in &p.interests {
        let code = category_code(&interest.category, &p.categories) as usize;
        let weights = runs.weights();
        let cum: u32 = weights[..code].iter().sum();
        e.encode(cum, weights[code], weights.iter().sum());
        runs.saw(code);
        write_text(&mut e, m, &mut mem, &interest.label, Kind::Label);
    }
    // The top of the last interval, 12 bits: a link cut short reads as zeros past its end,
    // which land at the bottom, and a damaged one reads as noise, which lands here once in
    // 4096 times. Without it a cut link would open as a shorter, different map.
    e.encode(END_MARK, 1, END_MARK + 1);
    e.finish()
}

/// A category that is neither default nor named is sent as "other", as in format 1.
fn category_code(id: &CategoryId, custom: &[SharedCategory]) -> u32 {
    let defaults = WIRE_DEFAULTS.len() as u32;
    default_category_code(id)
        .or_else(|| {
            custom
                .iter()
                .position(|c| &c.id == id)
                .map(|i| defaults + i as u32)
        })
        .unwrap_or(defaults - 1)
}

/// The name at the start of a format-3 body, read without the tables (the rest is not read,
/// so the body may still be damaged further on).
pub(crate) fn peek_name(bytes: &[u8]) -> Result<String, ShareError> {
    read_name(&mut Decoder::new(bytes), NAME_MAX)
}

pub(crate) fn decode_body(
    bytes: &[u8],
    m: &ShareModel,
    coding: NameCoding,
) -> Result<SharePayload, ShareError> {
    let mut d = Decoder::new(bytes);
    let payload = match read_fields(&mut d, m, coding) {
        // A link cut short reads on as zeros, which spell some text until it passes a limit:
        // that link is damaged, not too full.
        Err(ShareError::OverLimit) if d.read_past_end() => return Err(ShareError::Damaged),
        read => read?,
    };
    d.finish()?;
    payload.check()?;
    // Every payload has one encoding: a link that is not exactly it was cut or damaged (a
    // range coder reads a shortened stream as some other text rather than failing).
    if encode_body(&payload, m, coding) != bytes {
        return Err(ShareError::Damaged);
    }
    Ok(payload)
}

fn read_fields(
    d: &mut Decoder,
    m: &ShareModel,
    coding: NameCoding,
) -> Result<SharePayload, ShareError> {
    let mut mem = Memory::default();
    let name = match coding {
        NameCoding::Tables => read_text(d, m, &mut mem, NAME_MAX, Kind::Free)?,
        NameCoding::Fixed => read_name(d, NAME_MAX)?,
    };
    let what = read_text(d, m, &mut mem, WHAT_MAX, Kind::Label)?;
    let mut present = [false; 4];
    for slot in &mut present {
        *slot = d.bit(PRESENT);
    }
    let mut fields = [String::new(), String::new(), String::new(), String::new()];
    for (field, present) in fields.iter_mut().zip(present) {
        if present {
            *field = read_text(d, m, &mut mem, CONTACT_MAX, Kind::Free)?;
        }
    }
    let [phone, email, web, social] = fields;
    let message = if d.bit(PRESENT) {
        read_text(d, m, &mut mem, MESSAGE_MAX, Kind::Free)?
    } else {
        String::new()
    };
    let count = d.uniform(CATEGORIES_MAX as u32 + 1) as usize;
    let mut categories = Vec::with_capacity(count);
    for _ in 0..count {
        let id = CategoryId::new(read_text(d, m, &mut mem, CATEGORY_TEXT_MAX, Kind::Free)?);
        let name = read_text(d, m, &mut mem, CATEGORY_TEXT_MAX, Kind::Free)?;
        categories.push(SharedCategory { id, name });
    }
    let count = d.uniform(INTERESTS_PER_PERSON_MAX as u32 + 1) as usize;
    let mut runs = Runs::new(WIRE_DEFAULTS.len() + categories.len());
    let mut interests = Vec::with_capacity(count);
    for _ in 0..count {
        let weights = runs.weights();
        let target = d.target(weights.iter().sum());
        let mut code = 0;
        let mut cum = 0;
        while code + 1 < weights.len() && target >= cum + weights[code] {
            cum += weights[code];
            code += 1;
        }
        d.consume(cum, weights[code]);
        runs.saw(code);
        let category = match WIRE_DEFAULTS.get(code) {
            Some(id) => CategoryId::new(*id),
            None => categories
                .get(code - WIRE_DEFAULTS.len())
                .map(|c| c.id.clone())
                .ok_or(ShareError::Damaged)?,
        };
        let label = read_text(d, m, &mut mem, INTEREST_MAX, Kind::Label)?;
        interests.push(Interest { label, category });
    }
    if d.uniform(END_MARK + 1) != END_MARK {
        return Err(ShareError::Damaged);
    }
    Ok(SharePayload {
        name,
        what,
        interests,
        contact: Contact {
            phone,
            email,
            web,
            social,
        },
        message,
        categories,
    })
}
