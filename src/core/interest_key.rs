//! `InterestKey`: the normalised form two people's interests are matched on.
//!
//! "Running", "run " and "runs" must meet, and so must "Café" and "cafe", or two maps typed by
//! different people never overlap. The rules are deliberately small and predictable (a user must
//! be able to guess why two things matched) rather than a full linguistic stemmer.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The matching key of an interest label. Two labels match exactly when their keys are equal.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct InterestKey(String);

impl InterestKey {
    /// Normalises a label: case, accents, punctuation and spacing, then simple English plural
    /// and verb forms word by word.
    pub fn of(label: &str) -> Self {
        let folded = fold(label);
        let mut key = String::with_capacity(folded.len());
        for word in folded.split_whitespace() {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(&stem(word));
        }
        InterestKey(key)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for InterestKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Lower-cases, strips accents and turns punctuation into spaces: the form search compares.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    if text.is_ascii() {
        // Most text typed here: byte by byte, without decoding characters (a save with 5,000
        // people stored folds every saved name).
        for b in text.bytes() {
            match b {
                b'\'' | b'`' => {}
                b'&' => folded.push_str(" and "),
                b if b.is_ascii_alphanumeric() => folded.push(b.to_ascii_lowercase() as char),
                _ => folded.push(' '),
            }
        }
        return folded;
    }
    for c in text.chars() {
        push_folded(c, &mut folded);
    }
    folded
}

/// Lower-cases, strips accents and turns punctuation into spaces. Apostrophes vanish rather
/// than split ("children's" → "childrens"), and "&" reads as "and".
fn push_folded(c: char, out: &mut String) {
    match c {
        '\'' | '\u{2019}' | '\u{2018}' | '`' => {}
        '&' => out.push_str(" and "),
        c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
        c if c.is_ascii() => out.push(' '),
        c => match fold_accent(c) {
            Some(s) => out.push_str(s),
            None if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            None => out.push(' '),
        },
    }
}

/// Accent folding for the Latin letters people type in English-speaking groups. A hand-made
/// table rather than full Unicode normalisation: the decomposition tables would cost more wasm
/// than the rest of the core, and letters outside Latin still match by lower-casing.
fn fold_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć'..='č' => "c",
        'Ď'..='đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => "e",
        'Ĝ'..='ģ' => "g",
        'Ĥ'..='ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => "i",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ'..='ł' => "l",
        'Ñ' | 'ñ' | 'Ń'..='ň' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ'..='ř' => "r",
        'Ś'..='š' => "s",
        'ß' => "ss",
        'Ţ'..='ŧ' => "t",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => "y",
        'Ź'..='ž' => "z",
        _ => return None,
    })
}

/// The stems of a label's words, as `InterestKey::of` joins them: "Wild Swimming" →
/// ["wild", "swim"].
pub fn stems(label: &str) -> Vec<String> {
    fold(label).split_whitespace().map(stem).collect()
}

/// Words the suffix rules would wrongly merge with another word.
const KEEP_AS_IS: &[&str] = &[
    "news",
    "series",
    "species",
    "always",
    "perhaps",
    "thanks",
    "lens",
    "during",
    "nothing",
    "something",
    "everything",
    "anything",
    "morning",
    "evening",
    "ceiling",
    "wedding",
];

fn has_vowel(s: &str) -> bool {
    s.bytes()
        .any(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y'))
}

/// Reduces one lower-case word to its stem: plural first ("biscuits" → "biscuit"), then verb
/// forms ("dancing" → "danc"), then the endings that differ between forms ("dance" → "danc",
/// "baby" → "babi"), so every form of a word lands on the same stem.
fn stem(word: &str) -> String {
    if word.len() <= 3 || !word.is_ascii() || KEEP_AS_IS.contains(&word) {
        return word.to_string();
    }
    let mut w = word.to_string();
    strip_plural(&mut w);
    strip_verb_ending(&mut w);
    if w.len() > 3 {
        if w.ends_with('e') {
            w.pop();
        } else if w.ends_with('y') && !has_vowel(&w[w.len() - 2..w.len() - 1]) {
            w.pop();
            w.push('i');
        }
    }
    w
}

fn strip_plural(w: &mut String) {
    if w.ends_with("ies") && w.len() > 4 {
        w.truncate(w.len() - 3);
        w.push('i');
    } else if w.ends_with("sses")
        || w.ends_with("ches")
        || w.ends_with("shes")
        || w.ends_with("xes")
        || w.ends_with("zzes")
    {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && w.len() > 3
    {
        w.pop();
    }
}

fn strip_verb_ending(w: &mut String) {
    let stem_len = if w.ends_with("ing") {
        w.len() - 3
    } else if w.ends_with("ied") && w.len() > 4 {
        w.truncate(w.len() - 3);
        w.push('i');
        return;
    } else if w.ends_with("ed") && !w.ends_with("eed") {
        w.len() - 2
    } else {
        return;
    };
    let stem = &w[..stem_len];
    if stem.len() < 3 || !has_vowel(stem) {
        return;
    }
    w.truncate(stem_len);
    // "running" → "runn" → "run", but "falling" keeps "fall" and "kissing" keeps "kiss".
    let b = w.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z' | b'e' | b'o') {
        w.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn k(s: &str) -> InterestKey {
        InterestKey::of(s)
    }

    #[test]
    fn forms_of_the_same_interest_meet() {
        let same = [
            ("Running", "run"),
            ("biscuits", "biscuit"),
            ("Café", "cafe"),
            ("dancing", "dance"),
            ("  Long   Sunday runs ", "long sunday run"),
            ("Swimming", "swim"),
            ("knitting", "Knit"),
            ("baking", "bake"),
            ("baked", "bake"),
            ("Hiking", "hike"),
            ("cycling", "cycle"),
            ("Reading", "read"),
            ("cookies", "cookie"),
            ("babies", "baby"),
            ("studied", "study"),
            ("classes", "class"),
            ("beaches", "beach"),
            ("boxes", "box"),
            ("Crème Brûlée", "creme brulee"),
            ("Zoë's choir", "zoes choir"),
            ("jalapeños", "jalapeno"),
            ("Fish & Chips", "fish and chip"),
            ("children's hospice", "childrens hospices"),
            ("Rock-climbing", "rock climb"),
            ("Walked", "walks"),
            ("gardening", "garden"),
            ("SEWING", "sew"),
            ("Strictly Come Dancing", "strictly come dance"),
            ("dogs", "Dog"),
            ("marketings", "marketing"),
            ("pilates", "Pilates"),
            ("skiing", "ski"),
            ("Naïve art", "naive arts"),
            ("Æsop fables", "aesop fable"),
            ("straße", "strasse"),
        ];
        for (a, b) in same {
            assert_eq!(k(a), k(b), "{a:?} should match {b:?}");
        }
    }

    #[test]
    fn different_interests_stay_apart() {
        let apart = [
            ("run", "rum"),
            ("news", "new"),
            ("cook", "cookie"),
            ("walk", "wall"),
            ("read", "red"),
            ("sing", "son"),
            ("tennis", "tenni"),
            ("bus", "bu"),
            ("chess", "ches"),
            ("wedding", "wed"),
            ("evening classes", "even class"),
            ("string", "str"),
            ("feed", "fe"),
            ("dance", "dancer"),
            ("art", "arty"),
            ("yoga", "yoda"),
        ];
        for (a, b) in apart {
            assert_ne!(k(a), k(b), "{a:?} should not match {b:?}");
        }
    }

    #[test]
    fn letters_outside_latin_still_match_by_case() {
        assert_eq!(k("Ελλάδα"), k("ελλάδα"));
        assert_eq!(k("日本語"), k("日本語"));
        assert!(!k("日本語").is_empty());
    }

    #[test]
    fn punctuation_only_labels_give_an_empty_key() {
        assert!(k(" -- !! ").is_empty());
    }

    proptest! {
        #[test]
        fn normalising_is_idempotent(s in "\\PC{0,40}") {
            let once = k(&s);
            // Stemming a stem may shorten it again, but the key of a key must be stable once
            // case, accents and spacing are gone; we check the folding part, which is what
            // guarantees typed variants meet.
            let twice = k(once.as_str());
            prop_assert_eq!(k(twice.as_str()), twice.clone());
            prop_assert!(!once.as_str().contains("  "));
            prop_assert_eq!(once.as_str().trim(), once.as_str());
        }

        #[test]
        fn plain_text_folds_as_the_character_path_folds_it(s in "[ -~]{0,40}") {
            let mut by_chars = String::new();
            for c in s.chars() {
                push_folded(c, &mut by_chars);
            }
            prop_assert_eq!(fold(&s), by_chars);
        }

        #[test]
        fn case_and_spacing_never_matter(s in "[a-zA-Z ]{0,30}") {
            let upper = s.to_uppercase();
            let spaced = format!("  {}  ", s.replace(' ', "   "));
            prop_assert_eq!(k(&s), k(&upper));
            prop_assert_eq!(k(&s), k(&spaced));
        }
    }
}
