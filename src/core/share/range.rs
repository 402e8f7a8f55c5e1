//! The range coder of link format 2: symbols with static or counted frequencies in, bytes out.
//!
//! A byte-wise range coder in the style of LZMA's (64-bit low with carry propagation, 32-bit
//! range renormalised a byte at a time), written here so that the format depends on no crate's
//! internals. Two details make links shorter: the always-zero first byte is not written, and
//! the final bytes are chosen with as many trailing zeros as the last interval allows, then the
//! zeros are dropped (the decoder reads missing bytes as zeros).
//!
//! The decoder never panics, whatever the bytes: every step is wrapping arithmetic, a value in
//! the coder's unused top slice is clamped to the last symbol, and `finish` refuses bytes the
//! symbols did not account for.

use super::error::ShareError;

const TOP: u32 = 1 << 24;
/// The largest frequency total a model may use: keeps `range / total` at least 4 bits wide.
pub(crate) const TOTAL_MAX: u32 = 1 << 22;

pub(crate) struct Encoder {
    low: u64,
    range: u32,
    cache: u8,
    cache_size: u64,
    out: Vec<u8>,
}

impl Default for Encoder {
    fn default() -> Self {
        Encoder {
            low: 0,
            range: u32::MAX,
            cache: 0,
            cache_size: 1,
            out: Vec::new(),
        }
    }
}

impl Encoder {
    /// Codes the symbol that owns `[cum, cum + freq)` out of `total`.
    pub(crate) fn encode(&mut self, cum: u32, freq: u32, total: u32) {
        debug_assert!(freq > 0 && cum + freq <= total && total <= TOTAL_MAX);
        let r = self.range / total;
        self.low += u64::from(r) * u64::from(cum);
        self.range = r * freq;
        while self.range < TOP {
            self.range <<= 8;
            self.shift_low();
        }
    }

    /// A yes/no with probability `p_yes / 2^12` of yes.
    pub(crate) fn bit(&mut self, yes: bool, p_yes: u32) {
        if yes {
            self.encode(0, p_yes, 1 << 12);
        } else {
            self.encode(p_yes, (1 << 12) - p_yes, 1 << 12);
        }
    }

    /// A number in `0..n`, all equally likely (`n` ≤ [`TOTAL_MAX`]).
    pub(crate) fn uniform(&mut self, value: u32, n: u32) {
        self.encode(value, 1, n);
    }

    fn shift_low(&mut self) {
        if (self.low as u32) < 0xff00_0000 || (self.low >> 32) != 0 {
            let carry = (self.low >> 32) as u8;
            let mut byte = self.cache;
            loop {
                self.out.push(byte.wrapping_add(carry));
                byte = 0xff;
                self.cache_size -= 1;
                if self.cache_size == 0 {
                    break;
                }
            }
            self.cache = (self.low >> 24) as u8;
        }
        self.cache_size += 1;
        self.low = (self.low & 0x00ff_ffff) << 8;
    }

    /// The coded bytes: the final value is the one in the last interval with the most trailing
    /// zero bits, and trailing zero bytes are left for the decoder to assume.
    pub(crate) fn finish(mut self) -> Vec<u8> {
        let last = self.low + u64::from(self.range) - 1;
        let mut mask: u64 = (1 << 40) - 1;
        while mask > 0 {
            let value = (self.low + mask) & !mask;
            if value <= last {
                self.low = value;
                break;
            }
            mask >>= 1;
        }
        for _ in 0..5 {
            self.shift_low();
        }
        // The first byte is the initial cache, always zero: nothing can carry into it because
        // every interval stays inside the first one.
        debug_assert_eq!(self.out.first(), Some(&0));
        let mut out = self.out.split_off(1);
        while out.last() == Some(&0) {
            out.pop();
        }
        out
    }
}

pub(crate) struct Decoder<'a> {
    bytes: &'a [u8],
    /// Bytes read so far, counting the zeros read past the end.
    pos: usize,
    code: u32,
    range: u32,
    /// `range / total` of the symbol being decoded.
    r: u32,
}

impl<'a> Decoder<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        let mut d = Decoder {
            bytes,
            pos: 0,
            code: 0,
            range: u32::MAX,
            r: 1,
        };
        for _ in 0..4 {
            d.code = (d.code << 8) | u32::from(d.next_byte());
        }
        d
    }

    fn next_byte(&mut self) -> u8 {
        let b = self.bytes.get(self.pos).copied().unwrap_or(0);
        self.pos = self.pos.saturating_add(1);
        b
    }

    /// The point in `0..total` the next symbol covers; follow with [`Decoder::consume`].
    pub(crate) fn target(&mut self, total: u32) -> u32 {
        let total = total.clamp(1, TOTAL_MAX);
        self.r = (self.range / total).max(1);
        (self.code / self.r).min(total - 1)
    }

    /// Takes out the symbol found at [`Decoder::target`].
    pub(crate) fn consume(&mut self, cum: u32, freq: u32) {
        self.code = self.code.wrapping_sub(self.r.wrapping_mul(cum));
        self.range = self.r.wrapping_mul(freq).max(1);
        while self.range < TOP {
            self.range <<= 8;
            self.code = (self.code << 8) | u32::from(self.next_byte());
        }
    }

    pub(crate) fn bit(&mut self, p_yes: u32) -> bool {
        let yes = self.target(1 << 12) < p_yes;
        if yes {
            self.consume(0, p_yes);
        } else {
            self.consume(p_yes, (1 << 12) - p_yes);
        }
        yes
    }

    pub(crate) fn uniform(&mut self, n: u32) -> u32 {
        let value = self.target(n);
        self.consume(value, 1);
        value
    }

    /// Whether the symbols so far needed bytes beyond the last one given: more than the four a
    /// complete stream may leave for the decoder to assume.
    pub(crate) fn read_past_end(&self) -> bool {
        self.pos > self.bytes.len().saturating_add(4)
    }

    /// Succeeds when the symbols used every byte given and the bytes end as the encoder ends
    /// them (never on a zero), so that nothing can ride along unread.
    pub(crate) fn finish(&self) -> Result<(), ShareError> {
        if self.pos < self.bytes.len() || self.bytes.last() == Some(&0) {
            Err(ShareError::Damaged)
        } else {
            Ok(())
        }
    }
}

/// Finds the symbol whose cumulative range holds `target` in a table of running totals
/// (`cum[i]` is the start of symbol `i`, `cum[len]` the total); zero-width symbols are never
/// found.
pub(crate) fn find(cum: &[u32], target: u32) -> usize {
    // The last start not above `target`; skipping zero-width symbols before it.
    let i = cum.partition_point(|&c| c <= target);
    i.saturating_sub(1).min(cum.len().saturating_sub(2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cum_of(freqs: &[u32]) -> Vec<u32> {
        let mut cum = vec![0];
        for f in freqs {
            cum.push(cum.last().unwrap() + f);
        }
        cum
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        #[test]
        fn any_symbols_round_trip(
            freqs in prop::collection::vec(0u32..5000, 2..40),
            picks in prop::collection::vec(any::<prop::sample::Index>(), 0..300),
            bits in prop::collection::vec((any::<bool>(), 1u32..4095), 0..50),
        ) {
            let mut freqs = freqs;
            freqs[0] = freqs[0].max(1);
            let cum = cum_of(&freqs);
            let total = *cum.last().unwrap();
            let symbols: Vec<usize> = picks
                .iter()
                .map(|p| p.index(freqs.len()))
                .filter(|&s| freqs[s] > 0)
                .collect();
            let mut e = Encoder::default();
            for &s in &symbols {
                e.encode(cum[s], freqs[s], total);
            }
            for &(b, p) in &bits {
                e.bit(b, p);
            }
            e.uniform(77, 1000);
            let bytes = e.finish();
            let mut d = Decoder::new(&bytes);
            for &s in &symbols {
                let t = d.target(total);
                let found = find(&cum, t);
                prop_assert_eq!(found, s);
                d.consume(cum[found], freqs[found]);
            }
            for &(b, p) in &bits {
                prop_assert_eq!(d.bit(p), b);
            }
            prop_assert_eq!(d.uniform(1000), 77);
            prop_assert_eq!(d.finish(), Ok(()));
        }

        #[test]
        fn any_bytes_decode_without_panic(
            bytes in prop::collection::vec(any::<u8>(), 0..64),
            totals in prop::collection::vec(1u32..TOTAL_MAX, 1..100),
        ) {
            let mut d = Decoder::new(&bytes);
            for total in totals {
                let t = d.target(total);
                prop_assert!(t < total);
                d.consume(t, 1);
            }
            let _ = d.finish();
        }
    }

    #[test]
    fn likely_symbols_cost_less_than_a_bit() {
        let mut e = Encoder::default();
        for _ in 0..800 {
            e.bit(true, 4000);
        }
        assert!(e.finish().len() <= 3);
    }

    #[test]
    fn trailing_bytes_are_refused() {
        let mut e = Encoder::default();
        e.uniform(12345, 100_000);
        let mut bytes = e.finish();
        let mut d = Decoder::new(&bytes);
        assert_eq!(d.uniform(100_000), 12345);
        assert_eq!(d.finish(), Ok(()));
        bytes.extend([1, 2, 3, 4, 5]);
        let mut d = Decoder::new(&bytes);
        d.uniform(100_000);
        assert_eq!(d.finish(), Err(ShareError::Damaged));
    }

    #[test]
    fn find_skips_zero_width_symbols() {
        let cum = cum_of(&[3, 0, 0, 2, 0]);
        assert_eq!(find(&cum, 0), 0);
        assert_eq!(find(&cum, 2), 0);
        assert_eq!(find(&cum, 3), 3);
        assert_eq!(find(&cum, 4), 3);
    }
}
