//! The fixed prefix code that free text travels in: names, phrases and contact details.
//!
//! Deflate cannot help a few hundred bytes of text (its own code tables cost more than they
//! save), so text is packed with a Huffman code fixed by the format instead: under 5 bits a
//! letter for lower-case English. Capitals cost a shift symbol; anything outside the table goes
//! as its UTF-8 bytes after an escape, so every string can be carried.
//!
//! The table is part of the format: changing any length changes every link, so it needs a new
//! format version.

use super::bits::{BitReader, BitWriter};
use super::error::ShareError;

/// Ends a string: cheaper than a length prefix for the short strings a map holds.
pub(super) const END: u8 = 0;
/// The next symbol is a lower-case letter to be read as its capital.
pub(super) const SHIFT: u8 = 1;
/// The next bits are one character as UTF-8 bytes, 8 bits each.
pub(super) const ESCAPE: u8 = 2;

/// Every symbol with its code length in bits. Lengths come from letter counts over the built-in
/// vocabulary and typical names, jobs and contact details; the code is complete (the Kraft sum
/// is exactly 1), so any bit pattern reads as some symbol and decoding never gets stuck.
pub(super) const SYMBOLS: [(u8, u8); 61] = [
    (END, 4),
    (SHIFT, 6),
    (ESCAPE, 9),
    (b' ', 4),
    (b'a', 4),
    (b'b', 6),
    (b'c', 5),
    (b'd', 5),
    (b'e', 4),
    (b'f', 6),
    (b'g', 5),
    (b'h', 5),
    (b'i', 4),
    (b'j', 9),
    (b'k', 6),
    (b'l', 5),
    (b'm', 5),
    (b'n', 4),
    (b'o', 4),
    (b'p', 6),
    (b'q', 9),
    (b'r', 4),
    (b's', 4),
    (b't', 4),
    (b'u', 6),
    (b'v', 7),
    (b'w', 6),
    (b'x', 9),
    (b'y', 6),
    (b'z', 9),
    (b'0', 9),
    (b'1', 9),
    (b'2', 9),
    (b'3', 9),
    (b'4', 9),
    (b'5', 9),
    (b'6', 9),
    (b'7', 9),
    (b'8', 9),
    (b'9', 9),
    (b'-', 9),
    (b'\'', 9),
    (b'&', 11),
    (b'+', 11),
    (b'.', 7),
    (b',', 11),
    (b'/', 8),
    (b'@', 9),
    (b':', 11),
    (b'_', 11),
    (b'!', 11),
    (b'(', 11),
    (b')', 11),
    (b'?', 11),
    (b'#', 11),
    (b'=', 11),
    (b'%', 11),
    (b'"', 11),
    (b';', 11),
    (b'*', 11),
    (b'~', 11),
];

pub(super) const MAX_LEN: usize = 11;

/// The canonical code built from `SYMBOLS` at compile time: codes for writing, and per-length
/// counts with symbols in code order for reading.
struct TextCode {
    /// Code and length by symbol byte; length 0 means "not in the table".
    codes: [(u16, u8); 128],
    counts: [u16; MAX_LEN + 1],
    in_code_order: [u8; SYMBOLS.len()],
}

const CODE: TextCode = TextCode::build();

impl TextCode {
    const fn build() -> TextCode {
        let mut counts = [0u16; MAX_LEN + 1];
        let mut i = 0;
        while i < SYMBOLS.len() {
            counts[SYMBOLS[i].1 as usize] += 1;
            i += 1;
        }
        let mut in_code_order = [0u8; SYMBOLS.len()];
        let mut codes = [(0u16, 0u8); 128];
        let mut next = 0usize;
        let mut code = 0u16;
        let mut len = 1;
        while len <= MAX_LEN {
            let mut i = 0;
            while i < SYMBOLS.len() {
                let (symbol, l) = SYMBOLS[i];
                if l as usize == len {
                    codes[symbol as usize] = (code, l);
                    in_code_order[next] = symbol;
                    next += 1;
                    code += 1;
                }
                i += 1;
            }
            code <<= 1;
            len += 1;
        }
        TextCode {
            codes,
            counts,
            in_code_order,
        }
    }

    fn put(&self, w: &mut BitWriter, symbol: u8) {
        let (code, len) = self.codes[usize::from(symbol & 0x7f)];
        w.bits(u32::from(code), u32::from(len));
    }

    /// Canonical decoding one bit at a time: at each length, the codes of that length are a
    /// run of consecutive numbers starting at `first`.
    fn get(&self, r: &mut BitReader) -> Result<u8, ShareError> {
        let (mut code, mut first, mut index) = (0u32, 0u32, 0usize);
        for &count in &self.counts[1..] {
            code |= u32::from(r.bit()?);
            let count = u32::from(count);
            if code.wrapping_sub(first) < count {
                let at = index + (code - first) as usize;
                return self
                    .in_code_order
                    .get(at)
                    .copied()
                    .ok_or(ShareError::Damaged);
            }
            index += count as usize;
            first = (first + count) << 1;
            code <<= 1;
        }
        Err(ShareError::Damaged)
    }
}

/// Writes `text` followed by the end symbol.
pub(crate) fn write_text(w: &mut BitWriter, text: &str) {
    let code = &CODE;
    for c in text.chars() {
        if c.is_ascii_uppercase() {
            code.put(w, SHIFT);
            code.put(w, c.to_ascii_lowercase() as u8);
        } else if c.is_ascii() && c as u8 > ESCAPE && code.codes[c as usize].1 > 0 {
            code.put(w, c as u8);
        } else {
            code.put(w, ESCAPE);
            let mut buf = [0u8; 4];
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                w.bits(u32::from(b), 8);
            }
        }
    }
    code.put(w, END);
}

/// Reads a string of at most `max_chars` characters; a longer one is refused as soon as it
/// passes the limit, before it can grow.
pub(crate) fn read_text(r: &mut BitReader, max_chars: usize) -> Result<String, ShareError> {
    let code = &CODE;
    let mut text = String::new();
    let mut chars = 0usize;
    loop {
        let c = match code.get(r)? {
            END => return Ok(text),
            SHIFT => match code.get(r)? {
                b @ b'a'..=b'z' => char::from(b.to_ascii_uppercase()),
                _ => return Err(ShareError::Damaged),
            },
            ESCAPE => read_escaped(r)?,
            b => char::from(b),
        };
        chars += 1;
        if chars > max_chars {
            return Err(ShareError::OverLimit);
        }
        text.push(c);
    }
}

/// One character as UTF-8: the lead byte says how many continuation bytes follow, and the
/// standard library checks the whole sequence (overlong forms and surrogates are refused).
fn read_escaped(r: &mut BitReader) -> Result<char, ShareError> {
    let mut buf = [0u8; 4];
    let lead = r.bits(8)? as u8;
    let width = match lead {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Err(ShareError::Damaged),
    };
    buf[0] = lead;
    for slot in buf.iter_mut().take(width).skip(1) {
        *slot = r.bits(8)? as u8;
    }
    let s = std::str::from_utf8(buf.get(..width).ok_or(ShareError::Damaged)?)
        .map_err(|_| ShareError::Damaged)?;
    s.chars().next().ok_or(ShareError::Damaged)
}

/// Writes an escape followed by `utf8` and the end symbol, valid or not: for tests of the
/// decoder's UTF-8 checks.
#[cfg(test)]
pub(crate) fn write_escaped_bytes(w: &mut BitWriter, utf8: &[u8]) {
    CODE.put(w, ESCAPE);
    for &b in utf8 {
        w.bits(u32::from(b), 8);
    }
    CODE.put(w, END);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(s: &str) -> (String, usize) {
        let mut w = BitWriter::default();
        write_text(&mut w, s);
        let bytes = w.finish();
        let mut r = BitReader::new(&bytes);
        let back = read_text(&mut r, 1000).unwrap();
        r.finish().unwrap();
        (back, bytes.len())
    }

    #[test]
    fn the_code_is_complete_and_prefix_free() {
        // Kraft sum exactly 1: no bit pattern is left without a symbol.
        let kraft: u32 = SYMBOLS
            .iter()
            .map(|&(_, l)| 1u32 << (MAX_LEN - l as usize))
            .sum();
        assert_eq!(kraft, 1 << MAX_LEN);
        let mut seen = SYMBOLS.iter().map(|&(s, _)| s).collect::<Vec<_>>();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), SYMBOLS.len(), "a symbol is listed twice");
        assert!(SYMBOLS
            .iter()
            .all(|&(s, l)| s < 128 && l >= 1 && l as usize <= MAX_LEN));
        assert!(!SYMBOLS.iter().any(|&(s, _)| s.is_ascii_uppercase()));
    }

    #[test]
    fn text_of_every_kind_comes_back() {
        for s in [
            "",
            "writing a crime novel",
            "Campaign for a Zebra Crossing on Mill Lane",
            "SEO",
            "+44 7700 900123",
            "meg@example.co.uk",
            "Zoë's crème brûlée 🍰 日本語",
            "a\u{7f}b$<>[]{}|\\^`",
        ] {
            assert_eq!(round_trip(s).0, s);
        }
    }

    #[test]
    fn lower_case_phrases_pack_below_five_bits_a_letter() {
        let s = "teaching my dog agility and writing a crime novel";
        let (_, bytes) = round_trip(s);
        assert!(
            bytes * 8 < s.len() * 5,
            "{bytes} bytes for {} letters",
            s.len()
        );
    }

    #[test]
    fn a_string_over_its_limit_is_refused() {
        let mut w = BitWriter::default();
        write_text(&mut w, "abcdef");
        let bytes = w.finish();
        assert_eq!(
            read_text(&mut BitReader::new(&bytes), 5),
            Err(ShareError::OverLimit)
        );
        assert_eq!(
            read_text(&mut BitReader::new(&bytes), 6).as_deref(),
            Ok("abcdef")
        );
    }

    #[test]
    fn broken_escapes_and_shifts_are_damage() {
        // A shifted digit, then an escaped lone continuation byte, then an escaped surrogate.
        let mut w = BitWriter::default();
        CODE.put(&mut w, SHIFT);
        CODE.put(&mut w, b'1');
        let shifted_digit = w.finish();
        let mut w = BitWriter::default();
        CODE.put(&mut w, ESCAPE);
        w.bits(0x80, 8);
        let lone_continuation = w.finish();
        let mut w = BitWriter::default();
        CODE.put(&mut w, ESCAPE);
        for b in [0xed, 0xa0, 0x80] {
            w.bits(b, 8);
        }
        let surrogate = w.finish();
        for bytes in [shifted_digit, lone_continuation, surrogate] {
            assert_eq!(
                read_text(&mut BitReader::new(&bytes), 100),
                Err(ShareError::Damaged)
            );
        }
    }
}
