//! The sender's name in link format 3: range-coded with fixed chances (format 1's text code,
//! each symbol's chance 2^-length), so that it can be read with no tables at all. Names are
//! written with capitals: a letter that starts a word (at the start, or after a space, hyphen
//! or apostrophe) is followed by one cheap yes/no for its capital instead of a shift symbol.
//!
//! Format 2 coded the name with the word tables, so a first-time receiver saw nobody's name
//! until the tables and the received page's chunk had downloaded. With the name first and
//! table-free, the app frame reads it ([`super::peek_name`]) from the main module alone and
//! says whose map is opening while the rest arrives. Names are mostly spelled out anyway, so
//! this costs a link about one character.

use super::error::ShareError;
use super::range::{Decoder, Encoder};
use super::text::{END, ESCAPE, MAX_LEN, SHIFT, SYMBOLS};

/// The text code is complete (its Kraft sum is exactly 1), so its chances fill this total.
const TOTAL: u32 = 1 << MAX_LEN;
/// An escaped character: any Unicode scalar value, all equally likely.
const CODE_POINTS: u32 = 0x11_0000;
/// Chance, out of 4096, that a letter starting a word is a capital.
const CAPITAL: u32 = 3840;

/// Whether a letter after `previous` starts a word.
fn starts_word(previous: Option<char>) -> bool {
    matches!(previous, None | Some(' ' | '-' | '\''))
}

/// Each symbol's slice of [`TOTAL`], by symbol byte (width 0: not in the table), and the
/// symbols in the order their slices come.
struct Chances {
    start: [u16; 128],
    width: [u16; 128],
    order: [u8; SYMBOLS.len()],
}

const CHANCES: Chances = Chances::build();

impl Chances {
    const fn build() -> Chances {
        let mut start = [0u16; 128];
        let mut width = [0u16; 128];
        let mut order = [0u8; SYMBOLS.len()];
        let mut next = 0u16;
        let mut i = 0;
        while i < SYMBOLS.len() {
            let (symbol, length) = SYMBOLS[i];
            start[symbol as usize] = next;
            width[symbol as usize] = 1 << (MAX_LEN - length as usize);
            next += width[symbol as usize];
            order[i] = symbol;
            i += 1;
        }
        Chances {
            start,
            width,
            order,
        }
    }

    fn listed(&self, c: char) -> bool {
        c.is_ascii() && c as u8 > ESCAPE && self.width[c as usize] > 0
    }

    fn put(&self, e: &mut Encoder, symbol: u8) {
        let s = usize::from(symbol & 0x7f);
        e.encode(u32::from(self.start[s]), u32::from(self.width[s]), TOTAL);
    }

    fn get(&self, d: &mut Decoder) -> u8 {
        let target = d.target(TOTAL);
        let symbol = self
            .order
            .iter()
            .copied()
            .find(|&s| target < u32::from(self.start[s as usize] + self.width[s as usize]))
            .unwrap_or(END);
        let s = usize::from(symbol);
        d.consume(u32::from(self.start[s]), u32::from(self.width[s]));
        symbol
    }
}

/// Writes `name` followed by the end symbol.
pub(crate) fn write_name(e: &mut Encoder, name: &str) {
    let chances = &CHANCES;
    let mut previous = None;
    for c in name.chars() {
        let lower = c.to_ascii_lowercase();
        if starts_word(previous) && lower.is_ascii_lowercase() {
            chances.put(e, lower as u8);
            e.bit(c.is_ascii_uppercase(), CAPITAL);
        } else if c.is_ascii_uppercase() {
            chances.put(e, SHIFT);
            chances.put(e, c.to_ascii_lowercase() as u8);
        } else if chances.listed(c) {
            chances.put(e, c as u8);
        } else {
            chances.put(e, ESCAPE);
            e.uniform(c as u32, CODE_POINTS);
        }
        previous = Some(c);
    }
    chances.put(e, END);
}

/// Reads a name of at most `max_chars` characters, refused as soon as it passes the limit. A
/// character coded any other way than [`write_name`] codes it is damage: every name has one
/// coding.
pub(crate) fn read_name(d: &mut Decoder, max_chars: usize) -> Result<String, ShareError> {
    let chances = &CHANCES;
    let mut name = String::new();
    let mut chars = 0usize;
    let mut previous = None;
    loop {
        let word_start = starts_word(previous);
        let c = match chances.get(d) {
            END => return Ok(name),
            b @ b'a'..=b'z' if word_start => match d.bit(CAPITAL) {
                true => char::from(b.to_ascii_uppercase()),
                false => char::from(b),
            },
            // At a word's start a capital has its own bit: a shift there is not this coding.
            SHIFT if word_start => return Err(ShareError::Damaged),
            SHIFT => match chances.get(d) {
                b @ b'a'..=b'z' => char::from(b.to_ascii_uppercase()),
                _ => return Err(ShareError::Damaged),
            },
            ESCAPE => match char::from_u32(d.uniform(CODE_POINTS)) {
                Some(c) if !c.is_ascii_uppercase() && !chances.listed(c) => c,
                _ => return Err(ShareError::Damaged),
            },
            b => char::from(b),
        };
        chars += 1;
        if chars > max_chars {
            return Err(ShareError::OverLimit);
        }
        name.push(c);
        previous = Some(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn round_trip(name: &str) -> (Result<String, ShareError>, usize) {
        let mut e = Encoder::default();
        write_name(&mut e, name);
        e.uniform(7, 13); // something after the name, as in a link
        let bytes = e.finish();
        let mut d = Decoder::new(&bytes);
        let back = read_name(&mut d, 200);
        assert_eq!(d.uniform(13), 7, "{name}: what follows the name");
        (back, bytes.len())
    }

    #[test]
    fn the_chances_fill_the_total_exactly() {
        let sum: u32 = CHANCES.width.iter().map(|&w| u32::from(w)).sum();
        assert_eq!(sum, TOTAL);
        let last = *CHANCES.order.last().unwrap() as usize;
        assert_eq!(u32::from(CHANCES.start[last] + CHANCES.width[last]), TOTAL);
    }

    #[test]
    fn names_of_every_kind_come_back() {
        for name in [
            "",
            "Claire",
            "Siân Aïsha Kieślowski-O'Brien",
            "DJ Ngozi (Nottingham)",
            "de la Cruz-O'neill mcKay",
            "María José 🎻",
            "李小龍",
            "A\u{7f}b$<>[]{}|\\^`",
        ] {
            assert_eq!(round_trip(name).0.as_deref(), Ok(name));
        }
    }

    #[test]
    fn a_plain_name_costs_what_the_text_code_costs() {
        // "Claire Jones": eleven letters and a space, 2 capitals nearly free: about 52 bits.
        let (_, bytes) = round_trip("Claire Jones");
        assert!(bytes <= 8, "{bytes} bytes");
    }

    #[test]
    fn a_name_over_its_limit_is_refused() {
        let mut e = Encoder::default();
        write_name(&mut e, "abcdef");
        let bytes = e.finish();
        assert_eq!(
            read_name(&mut Decoder::new(&bytes), 5),
            Err(ShareError::OverLimit)
        );
        assert_eq!(
            read_name(&mut Decoder::new(&bytes), 6).as_deref(),
            Ok("abcdef")
        );
    }

    #[test]
    fn a_character_coded_the_long_way_is_damage() {
        for c in ['a', 'A', ' ', '-'] {
            let mut e = Encoder::default();
            CHANCES.put(&mut e, ESCAPE);
            e.uniform(c as u32, CODE_POINTS);
            CHANCES.put(&mut e, END);
            let bytes = e.finish();
            assert_eq!(
                read_name(&mut Decoder::new(&bytes), 10),
                Err(ShareError::Damaged),
                "{c:?}"
            );
        }
        // A surrogate is no character, and a shifted digit no capital.
        let mut e = Encoder::default();
        CHANCES.put(&mut e, ESCAPE);
        e.uniform(0xd800, CODE_POINTS);
        let surrogate = e.finish();
        let mut e = Encoder::default();
        CHANCES.put(&mut e, SHIFT);
        CHANCES.put(&mut e, b'1');
        let shifted_digit = e.finish();
        let mut e = Encoder::default();
        CHANCES.put(&mut e, SHIFT);
        CHANCES.put(&mut e, b'c');
        let shift_at_start = e.finish();
        for bytes in [surrogate, shifted_digit, shift_at_start] {
            assert_eq!(
                read_name(&mut Decoder::new(&bytes), 10),
                Err(ShareError::Damaged)
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        #[test]
        fn any_name_round_trips(name in "\\PC{0,60}") {
            prop_assert_eq!(round_trip(&name).0, Ok(name));
        }

        #[test]
        fn any_bytes_read_as_a_name_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            if let Ok(name) = read_name(&mut Decoder::new(&bytes), 40) {
                prop_assert!(name.chars().count() <= 40);
            }
        }
    }
}
