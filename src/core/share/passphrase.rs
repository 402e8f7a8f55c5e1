//! A locked link's passphrase as a key: what two phones make of the same spoken words.
//!
//! A passphrase is said aloud, then typed on two different phones. Their keyboards differ in
//! what they add: a capital at the start (iOS and most Android keyboards), a space after a
//! word picked from the suggestions, curly quotes and long dashes ("smart punctuation"). None of
//! that is part of what was said, so the key is made from the words folded: lower case, single
//! spaces, no space at either end, straight quotes and hyphens.
//!
//! Links locked before folding used the passphrase exactly as typed; [`passphrase_tries`]
//! tries that too, so those still open with what their sender typed.

/// The passphrase as the key is made from it.
pub fn fold_passphrase(typed: &str) -> String {
    let mut out = String::with_capacity(typed.len());
    for word in typed.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => out.push('\''),
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => out.push('"'),
                '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// The passphrases to try, in order, for what was typed to open a link: the folded one (every
/// link locked since folding), then, if different, exactly what was typed (older links).
/// Empty when nothing but spaces was typed.
pub fn passphrase_tries(typed: &str) -> Vec<String> {
    let folded = fold_passphrase(typed);
    if folded.is_empty() {
        return Vec::new();
    }
    let mut tries = vec![folded];
    if tries[0] != typed {
        tries.push(typed.to_string());
    }
    tries
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn what_keyboards_add_is_folded_away() {
        for typed in [
            "blue teapot",
            "Blue teapot",
            "Blue teapot ",
            "  BLUE   Teapot\t",
            "blue\u{a0}teapot",
        ] {
            assert_eq!(fold_passphrase(typed), "blue teapot", "{typed:?}");
        }
        assert_eq!(
            fold_passphrase("Ann\u{2019}s \u{201C}tea\u{201D} \u{2014} 2"),
            "ann's \"tea\" - 2"
        );
        assert_eq!(
            fold_passphrase("Siân AÏSHA Kieślowski"),
            "siân aïsha kieślowski"
        );
        // Words and letters are kept: only case, spaces and punctuation forms fold.
        assert_ne!(
            fold_passphrase("blue teapot"),
            fold_passphrase("blueteapot")
        );
        assert_ne!(
            fold_passphrase("blue teapot"),
            fold_passphrase("blue teapots")
        );
    }

    #[test]
    fn tries_the_folded_phrase_then_the_typed_one_once() {
        assert_eq!(passphrase_tries("blue teapot"), vec!["blue teapot"]);
        assert_eq!(
            passphrase_tries("Blue Teapot "),
            vec!["blue teapot", "Blue Teapot "]
        );
        assert!(passphrase_tries("   ").is_empty());
        assert!(passphrase_tries("").is_empty());
    }

    proptest! {
        #[test]
        // (ß is left out: its capital is "SS", which does not fold back to it.)
        fn folding_is_stable_and_ignores_case_and_spacing(words in proptest::collection::vec("[A-Za-zÀ-ÖØ-Þà-öø-þ'’—-]{1,8}", 1..5), gap in "[ \t]{1,3}") {
            let typed = words.join(&gap);
            let folded = fold_passphrase(&typed);
            prop_assert_eq!(fold_passphrase(&folded), folded.clone());
            prop_assert_eq!(fold_passphrase(&format!(" {} ", typed.to_uppercase())), fold_passphrase(&typed.to_lowercase()));
            prop_assert!(!folded.starts_with(' ') && !folded.ends_with(' ') && !folded.contains("  "));
        }
    }
}
