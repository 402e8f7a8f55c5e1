//! Bit-level writing and reading of the share body, most significant bit first.
//!
//! The body is a bit stream because most of its fields are a few bits wide (a category is a
//! nibble, a case form two bits); rounding each to a byte would cost a sixth of the budget.

use super::error::ShareError;

#[derive(Default)]
pub(crate) struct BitWriter {
    bytes: Vec<u8>,
    /// Bits waiting to fill the next byte, in the low `pending_len` bits.
    pending: u32,
    pending_len: u32,
}

impl BitWriter {
    /// Appends the low `len` bits of `value` (`len` ≤ 24).
    pub(crate) fn bits(&mut self, value: u32, len: u32) {
        debug_assert!(len <= 24 && (len == 24 || value >> len == 0));
        self.pending = (self.pending << len) | value;
        self.pending_len += len;
        while self.pending_len >= 8 {
            self.pending_len -= 8;
            self.bytes.push((self.pending >> self.pending_len) as u8);
        }
        self.pending &= (1 << self.pending_len) - 1;
    }

    pub(crate) fn bit(&mut self, on: bool) {
        self.bits(u32::from(on), 1);
    }

    /// A count or index: seven bits at a time, each group preceded by a "more follows" bit.
    pub(crate) fn varint(&mut self, mut value: u32) {
        loop {
            let group = value & 0x7f;
            value >>= 7;
            self.bit(value != 0);
            self.bits(group, 7);
            if value == 0 {
                return;
            }
        }
    }

    /// The bytes so far, the last one padded with zero bits.
    pub(crate) fn finish(mut self) -> Vec<u8> {
        if self.pending_len > 0 {
            let pad = 8 - self.pending_len;
            self.bits(0, pad);
        }
        self.bytes
    }
}

pub(crate) struct BitReader<'a> {
    bytes: &'a [u8],
    /// Index of the next bit to read, counted from the first byte's top bit.
    pos: usize,
}

impl<'a> BitReader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        BitReader { bytes, pos: 0 }
    }

    /// Reads `len` bits (≤ 24); running off the end means the body was cut short.
    pub(crate) fn bits(&mut self, len: u32) -> Result<u32, ShareError> {
        let mut value = 0u32;
        for _ in 0..len {
            value = (value << 1) | u32::from(self.bit()?);
        }
        Ok(value)
    }

    pub(crate) fn bit(&mut self) -> Result<bool, ShareError> {
        let byte = self.bytes.get(self.pos / 8).ok_or(ShareError::Damaged)?;
        let on = (byte >> (7 - self.pos % 8)) & 1 == 1;
        self.pos += 1;
        Ok(on)
    }

    /// Reads a varint of at most three groups (21 bits): nothing in a body counts higher, so a
    /// longer one is damage rather than a big number.
    pub(crate) fn varint(&mut self) -> Result<u32, ShareError> {
        let mut value = 0u32;
        for shift in [0, 7, 14] {
            let more = self.bit()?;
            value |= self.bits(7)? << shift;
            if !more {
                return Ok(value);
            }
        }
        Err(ShareError::Damaged)
    }

    /// Succeeds only at the end of the data with nothing but zero padding left, so a body
    /// with trailing garbage is refused rather than half-read.
    pub(crate) fn finish(mut self) -> Result<(), ShareError> {
        while !self.pos.is_multiple_of(8) {
            if self.bit()? {
                return Err(ShareError::Damaged);
            }
        }
        if self.pos / 8 == self.bytes.len() {
            Ok(())
        } else {
            Err(ShareError::Damaged)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_of_any_width_come_back() {
        let mut w = BitWriter::default();
        w.bits(0b101, 3);
        w.varint(0);
        w.varint(200);
        w.varint(2_000_000);
        w.bit(true);
        w.bits(0xabcdef, 24);
        let bytes = w.finish();
        let mut r = BitReader::new(&bytes);
        assert_eq!(r.bits(3), Ok(0b101));
        assert_eq!(r.varint(), Ok(0));
        assert_eq!(r.varint(), Ok(200));
        assert_eq!(r.varint(), Ok(2_000_000));
        assert_eq!(r.bit(), Ok(true));
        assert_eq!(r.bits(24), Ok(0xabcdef));
        assert_eq!(r.finish(), Ok(()));
    }

    #[test]
    fn reading_past_the_end_is_damage_not_a_panic() {
        let mut r = BitReader::new(&[0xff]);
        assert_eq!(r.bits(8), Ok(0xff));
        assert_eq!(r.bit(), Err(ShareError::Damaged));
        assert_eq!(BitReader::new(&[]).varint(), Err(ShareError::Damaged));
    }

    #[test]
    fn padding_must_be_zero_and_nothing_may_follow() {
        let mut r = BitReader::new(&[0b1000_0001]);
        assert_eq!(r.bit(), Ok(true));
        assert_eq!(r.finish(), Err(ShareError::Damaged));
        let mut r = BitReader::new(&[0b1000_0000, 0]);
        assert_eq!(r.bit(), Ok(true));
        assert_eq!(r.finish(), Err(ShareError::Damaged));
        let mut r = BitReader::new(&[0b1000_0000]);
        assert_eq!(r.bit(), Ok(true));
        assert_eq!(r.finish(), Ok(()));
    }

    #[test]
    fn a_varint_longer_than_three_groups_is_damage() {
        let mut r = BitReader::new(&[0xff, 0xff, 0xff, 0xff]);
        assert_eq!(r.varint(), Err(ShareError::Damaged));
    }
}
