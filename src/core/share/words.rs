//! `ShareModel`: the tables of link format 2, read from `share-model-2.bin`.
//!
//! The file (made by `scripts/make-share-words.py` from the `wordfreq` package) holds sixteen
//! thousand common English words with their frequencies and a letter-after-letter table for
//! spelling anything else. The app downloads it only with the share and received pages, so
//! the tables arrive as bytes and are checked here like any other input: a damaged file is an
//! error, never a panic or a huge allocation.

use super::error::ShareError;
use super::range::TOTAL_MAX;
use super::vocabulary::VOCABULARY;
use std::collections::HashMap;

/// The file's name in dist/: it carries the format, because a format's tables never change.
pub const SHARE_MODEL_FILE: &str = "share-model-2.bin";
/// Inflated size limit: the real file is under 90 KB.
const MODEL_MAX_BYTES: usize = 256 * 1024;
const WORDS_MAX: usize = 40_000;
const MAGIC: &[u8; 4] = b"CGW2";
/// Letter weights by their 4-bit index in the file.
const NIBBLE: [u32; 16] = [
    0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987,
];
/// How much likelier a word of the vocabulary of interests is (see `from_bytes`).
const BOOST: u32 = 4;

/// Letter symbols of the spelling model: 0 ends a word, 1..=26 are a..z, 27 is any other
/// letter (written out as its code point).
pub(crate) const LETTERS: usize = 28;
pub(crate) const LETTER_END: usize = 0;
pub(crate) const LETTER_OTHER: usize = 27;

/// The tables of format 2, ready to code with.
pub struct ShareModel {
    /// Every word, concatenated, and where each one starts (one extra entry at the end).
    text: String,
    starts: Vec<u32>,
    /// Word number by word.
    index: HashMap<Box<str>, u32>,
    /// Running totals of the word weights: word `i` owns `cum[i]..cum[i + 1]`.
    pub(crate) word_cum: Vec<u32>,
    /// Running totals per pair of previous letters (`LETTERS * first + second`), as for words.
    pub(crate) letter_cum: Vec<[u32; LETTERS + 1]>,
}

impl std::fmt::Debug for ShareModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ShareModel({} words)", self.word_count())
    }
}

impl ShareModel {
    /// Reads the tables from the file's bytes (raw deflate, as shipped).
    pub fn from_bytes(file: &[u8]) -> Result<ShareModel, ShareError> {
        let raw = inflate(file)?;
        let mut r = Cursor { bytes: &raw, at: 0 };
        if r.take(4)? != MAGIC {
            return Err(ShareError::ModelDamaged);
        }
        let mut letter_cum = vec![[0u32; LETTERS + 1]; LETTERS * LETTERS];
        for row in &mut letter_cum {
            let packed = r.take(LETTERS / 2)?;
            let nibbles = packed.iter().flat_map(|b| [b >> 4, b & 15]);
            for (i, v) in nibbles.enumerate() {
                row[i + 1] = row[i] + NIBBLE[usize::from(v)];
            }
            if row[LETTERS] == 0 {
                return Err(ShareError::ModelDamaged);
            }
        }
        let groups = usize::from(r.take(1)?[0]);
        let mut weights = Vec::with_capacity(groups);
        for _ in 0..groups {
            weights.push(u32::from_le_bytes(r.array()?).min(TOTAL_MAX));
        }
        let count = u32::from_le_bytes(r.array()?) as usize;
        if count == 0 || count > WORDS_MAX {
            return Err(ShareError::ModelDamaged);
        }
        let group_of = r.take(count)?;
        let mut text = String::new();
        let mut starts = Vec::with_capacity(count + 1);
        let mut index = HashMap::with_capacity(count);
        let mut prev_start = 0usize;
        for n in 0..count {
            let shared = usize::from(r.take(1)?[0]);
            let end = r.bytes[r.at..]
                .iter()
                .position(|&b| b == b'\n')
                .ok_or(ShareError::ModelDamaged)?;
            let suffix = r.take(end)?;
            r.take(1)?;
            let start = text.len();
            let prev = text
                .get(prev_start..start)
                .ok_or(ShareError::ModelDamaged)?;
            let head = prev
                .get(..shared)
                .ok_or(ShareError::ModelDamaged)?
                .to_owned();
            text.push_str(&head);
            if !suffix.iter().all(u8::is_ascii_lowercase) {
                return Err(ShareError::ModelDamaged);
            }
            text.push_str(std::str::from_utf8(suffix).map_err(|_| ShareError::ModelDamaged)?);
            let word = &text[start..];
            if word.is_empty() || index.insert(word.into(), n as u32).is_some() {
                return Err(ShareError::ModelDamaged);
            }
            starts.push(start as u32);
            prev_start = start;
        }
        starts.push(text.len() as u32);
        if r.at != raw.len() {
            return Err(ShareError::ModelDamaged);
        }
        // Words of format 1's vocabulary of interests are BOOST times likelier than in
        // running English: that list is the one source here about what people write as
        // interests.
        let interest_words: std::collections::HashSet<&str> = VOCABULARY
            .iter()
            .flat_map(|entry| entry.split(|c: char| !c.is_ascii_alphabetic()))
            .filter(|w| !w.is_empty())
            .collect();
        let mut word_cum = Vec::with_capacity(count + 1);
        word_cum.push(0u32);
        for (n, &g) in group_of.iter().enumerate() {
            let mut w = *weights
                .get(usize::from(g))
                .ok_or(ShareError::ModelDamaged)?;
            let start = starts[n] as usize;
            let end = starts[n + 1] as usize;
            if interest_words.contains(&text[start..end]) {
                w = w.saturating_mul(BOOST);
            }
            let next = word_cum[n].saturating_add(w.max(1));
            word_cum.push(next);
        }
        if word_cum[count] > TOTAL_MAX {
            return Err(ShareError::ModelDamaged);
        }
        Ok(ShareModel {
            text,
            starts,
            index,
            word_cum,
            letter_cum,
        })
    }

    pub fn word_count(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// The number of a lower-case word in the list.
    pub(crate) fn find(&self, word: &str) -> Option<u32> {
        self.index.get(word).copied()
    }

    pub(crate) fn word(&self, n: usize) -> Option<&str> {
        let start = *self.starts.get(n)? as usize;
        let end = *self.starts.get(n + 1)? as usize;
        self.text.get(start..end)
    }
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ShareError> {
        let end = self.at.checked_add(n).ok_or(ShareError::ModelDamaged)?;
        let s = self
            .bytes
            .get(self.at..end)
            .ok_or(ShareError::ModelDamaged)?;
        self.at = end;
        Ok(s)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ShareError> {
        self.take(N)?
            .try_into()
            .map_err(|_| ShareError::ModelDamaged)
    }
}

fn inflate(input: &[u8]) -> Result<Vec<u8>, ShareError> {
    super::inflate::inflate_at_most(input, MODEL_MAX_BYTES).map_err(|_| ShareError::ModelDamaged)
}

#[cfg(test)]
pub(crate) fn shipped() -> &'static ShareModel {
    use std::sync::OnceLock;
    static MODEL: OnceLock<ShareModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        ShareModel::from_bytes(include_bytes!("../../../public/share-model-2.bin")).unwrap()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_tables_load() {
        let m = shipped();
        assert_eq!(m.word_count(), 16_000);
        for w in ["the", "swimming", "garden", "music", "and"] {
            let n = m.find(w).unwrap_or_else(|| panic!("{w} missing"));
            assert_eq!(m.word(n as usize), Some(w));
        }
        let the = m.find("the").unwrap() as usize;
        let garden = m.find("garden").unwrap() as usize;
        let weight = |i: usize| m.word_cum[i + 1] - m.word_cum[i];
        assert!(weight(the) > 100 * weight(garden));
    }

    #[test]
    fn damaged_tables_are_an_error_not_a_panic() {
        let file = include_bytes!("../../../public/share-model-2.bin");
        assert_eq!(
            ShareModel::from_bytes(&file[..file.len() / 2]).err(),
            Some(ShareError::ModelDamaged)
        );
        assert!(ShareModel::from_bytes(b"").is_err());
        let raw = inflate(file).unwrap();
        for cut in [3, 100, 11_000, raw.len() - 1] {
            let mut bad = raw[..cut].to_vec();
            bad.push(0xff);
            let packed = miniz_oxide::deflate::compress_to_vec(&bad, 6);
            assert!(ShareModel::from_bytes(&packed).is_err(), "cut at {cut}");
        }
    }
}
