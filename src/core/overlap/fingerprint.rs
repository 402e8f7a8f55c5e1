//! A label's key fingerprint, read without allocating: how comparing 5,000 maps stays cheap.
//!
//! Normalising a label (`InterestKey::of`) allocates and costs ~0.4 µs, and a network holds
//! some 50,000 labels. Folding and stemming never change how many words a label has nor the
//! letter each word starts with (stems only lose or swap letters at the end), so labels whose
//! words start differently can never share a key. Reading that from the raw bytes rules out
//! nearly every non-match; only the rest are normalised. Non-ASCII labels are not read this way
//! (accent folding can turn one letter into two) and are always normalised.
//!
//! This leans on the key rules in `interest_key.rs`; the tests below check it against them.

use super::super::interest_key::InterestKey;

/// Word count (top byte) and a hash of each word's first letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fingerprint(u64);

impl Fingerprint {
    /// No words: the label's key is empty and matches nothing.
    pub fn is_blank(self) -> bool {
        self.0 >> 56 == 0
    }
}

struct Builder {
    words: u64,
    hash: u64,
}

impl Builder {
    fn new() -> Self {
        Builder { words: 0, hash: 0 }
    }
    fn word(&mut self, first: u8) {
        self.words += 1;
        self.hash = (self.hash ^ u64::from(first)).wrapping_mul(0x0100_0000_01b3);
    }
    fn finish(self) -> Fingerprint {
        Fingerprint((self.words.min(255) << 56) | (self.hash & ((1 << 56) - 1)))
    }
}

/// The fingerprint of an ASCII label, following the folding rules: apostrophes vanish inside a
/// word, `&` is the word "and", other punctuation separates words. `None` for other labels.
pub fn of_label(label: &str) -> Option<Fingerprint> {
    if !label.is_ascii() {
        return None;
    }
    let mut b = Builder::new();
    let mut in_word = false;
    for c in label.bytes() {
        match c {
            b'\'' | b'`' => {}
            b'&' => {
                b.word(b'a');
                in_word = false;
            }
            c if c.is_ascii_alphanumeric() => {
                if !in_word {
                    b.word(c.to_ascii_lowercase());
                    in_word = true;
                }
            }
            _ => in_word = false,
        }
    }
    Some(b.finish())
}

/// The fingerprint of a normalised key: lower-case words separated by single spaces.
pub fn of_key(key: &InterestKey) -> Fingerprint {
    let mut b = Builder::new();
    for word in key.as_str().split(' ').filter(|w| !w.is_empty()) {
        b.word(word.as_bytes()[0]);
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn agrees(label: &str) -> bool {
        of_label(label).is_none_or(|f| f == of_key(&InterestKey::of(label)))
    }

    #[test]
    fn typed_variants_share_a_fingerprint_and_others_mostly_do_not() {
        for label in [
            "Running",
            "  Long   Sunday runs ",
            "Fish & Chips",
            "children's hospice",
            "Rock-climbing",
            "R&D",
            "5k runs",
            "&&",
            " -- !! ",
            "",
        ] {
            assert!(agrees(label), "{label:?}");
        }
        assert_eq!(of_label("Running"), of_label("run"));
        assert_ne!(of_label("Running"), of_label("walking"));
        assert_ne!(of_label("long run"), of_label("long"));
        assert!(of_label(" !! ").unwrap().is_blank());
        assert_eq!(of_label("Café"), None);
    }

    proptest! {
        #[test]
        fn fingerprint_of_a_label_is_that_of_its_key(s in "[a-zA-Z0-9 '`&.,!()/-]{0,40}") {
            prop_assert!(agrees(&s));
        }

        #[test]
        fn fingerprint_of_word_like_labels_is_that_of_their_key(
            words in proptest::collection::vec("[a-z]{1,5}(s|es|ies|ing|ed|e|y|ss)?", 0..5),
        ) {
            let label = words.join(" ");
            prop_assert!(agrees(&label));
            prop_assert!(agrees(&label.to_uppercase()));
        }
    }
}
