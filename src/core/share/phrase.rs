//! How format 2 codes a piece of text: words by their frequency in English, everything else
//! spelled out, and what this payload already said remembered.
//!
//! A text is a run of pieces, each coded with a probability that depends on the piece before
//! it and adapts to the payload as it goes (a map written in lower case soon pays almost
//! nothing for its case, one full of names soon expects spelled words):
//!
//! ```text
//! piece   end | listed word | spelled word | repeated word | space | other character
//! listed  case form, then the word's number weighted by its frequency (`ShareModel`)
//! spelled case form, then letters from the letter-after-two-letters table, then end of word
//! repeat  case form, then which of the words seen so far in this payload (all equally likely)
//! other   a digit or ASCII punctuation from a fixed table, or any character by code point
//! ```
//!
//! A word is a longest run of letters (`is_letter`), so pieces never split one. Its capitals
//! are a case form (lower, Capitalised, UPPER, or one bit per ASCII letter), which restores
//! "Siân", "DIY" and "iPhone" exactly; letters outside a..z travel as code points. A label may
//! instead be a whole entry of format 1's vocabulary.
//!
//! Every probability here is a fixed part of format 2: change one and links change.

use super::error::ShareError;
use super::range::{find, Decoder, Encoder, TOTAL_MAX};
use super::vocabulary::{self, CaseForm, VOCABULARY};
use super::words::{ShareModel, LETTERS, LETTER_END, LETTER_OTHER};

const END: usize = 0;
const LISTED: usize = 1;
const SPELLED: usize = 2;
const REPEATED: usize = 3;
const SPACE: usize = 4;
const OTHER: usize = 5;

/// Piece after piece, as starting weights out of 4096, by what came before: the start, a
/// word, a space, another character. A word cannot follow a word (it would be one word).
/// After a word, the weights also depend on how many words the text has had (1, 2, 3 or more).
const PIECES: [[u32; 6]; 6] = [
    [150, 2600, 850, 200, 16, 280],
    [1300, 0, 0, 0, 2400, 396],
    [6, 2700, 800, 200, 10, 380],
    [900, 450, 250, 100, 1200, 1196],
    [1900, 0, 0, 0, 1800, 396],
    [2200, 0, 0, 0, 1500, 396],
];
const AT_START: usize = 0;
const AFTER_WORD: usize = 1;
const AFTER_SPACE: usize = 2;
const AFTER_OTHER: usize = 3;

/// The context after the `words`-th word of a text.
fn after_word(words: usize) -> usize {
    match words {
        0 | 1 => AFTER_WORD,
        2 => 4,
        _ => 5,
    }
}

fn is_after_word(context: usize) -> bool {
    matches!(context, AFTER_WORD | 4 | 5)
}

/// Case forms, as starting weights out of 4096, for the first word of a text and later ones,
/// each for a listed, a spelled and a repeated word (names are rarely in the list).
const CASES: [[u32; 4]; 6] = [
    [2200, 1600, 200, 96],
    [900, 2800, 300, 96],
    [1900, 1900, 200, 96],
    [3000, 900, 150, 46],
    [1000, 2800, 250, 46],
    [2800, 1100, 150, 46],
];

fn case_context(first: bool, piece: usize) -> usize {
    3 * usize::from(!first)
        + match piece {
            LISTED => 0,
            SPELLED => 1,
            _ => 2,
        }
}
const LOWER: usize = 0;
const CAPITALISED: usize = 1;
const UPPER: usize = 2;
const MIXED: usize = 3;
/// Chance, out of 4096, that a letter of a mixed-case word is a capital.
const MIXED_CAPITAL: u32 = 1200;

/// How much a starting weight counts against what the payload shows: it is worth
/// `PRIOR_WEIGHT / STEP` pieces seen, and every piece coded adds `STEP` to its own weight.
const PRIOR_WEIGHT: u32 = 512;
const STEP: u32 = 32;
/// Weights are halved past this total, so they stay far below the coder's limit.
const ADAPTIVE_MAX: u32 = 1 << 20;
/// The most distinct words remembered for repeats.
const REMEMBERED_MAX: usize = 1024;

/// The characters an "other" piece names directly; anything else is `OTHER_ESCAPE` and a code
/// point. Digits come first.
const OTHER_CHARS: &[u8; 42] = b"0123456789-'&.,/()+:!?#@%\"_;*~=<>[]{}|\\^`$";
const OTHER_ESCAPE: usize = OTHER_CHARS.len();
/// Weights of `OTHER_CHARS` and the escape, after a non-digit; after a digit, digits weigh
/// `DIGIT_RUN` times more.
const OTHER_WEIGHTS: [u32; 43] = [
    90, 90, 90, 60, 60, 60, 60, 60, 60, 60, // digits
    300, 250, 200, 200, 200, 150, 100, 100, 60, 50, 50, 40, 20, 60, 20, 60, 20, 10, 10, 10, 10, 5,
    5, 5, 5, 5, 5, 5, 5, 5, 5, 10,  // punctuation
    450, // escape
];
const DIGIT_RUN: u32 = 6;

/// Characters outside ASCII that are common in European names and English typography, coded
/// cheaply; others go by code point.
const COMMON_CHARS: &str =
    "éèêëáàâäãåçíìîïñóòôöõøúùûüýÿśłżźćńęąčřšžőűāēīōūßæœðþ—–’‘“”£€…·°ÉÁÓÍÚÖÜÅØÆŁŚŻ";
/// Out of 4096: a common character, or a code point below U+0800, below U+10000, or above.
const CHAR_CLASSES: [u32; 4] = [3000, 600, 400, 96];
const CHAR_RANGES: [(u32, u32); 3] = [(0x80, 0x800), (0x800, 0x1_0000), (0x1_0000, 0x11_0000)];

/// Starting counts of labels that are / are not a vocabulary entry.
const VOCABULARY_PRIOR: [u32; 2] = [1, 7];

/// Whether a text is a label (an interest or a "what I do"), which may be a vocabulary entry.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Label,
    Free,
}

/// Weights that start from fixed ones and follow what is coded.
#[derive(Clone)]
struct Adaptive<const N: usize> {
    weights: [u32; N],
}

impl<const N: usize> Adaptive<N> {
    fn new(start: [u32; N], scale: u32) -> Self {
        let mut weights = start;
        for w in &mut weights {
            if *w > 0 {
                *w = (*w * scale / 4096).max(1);
            }
        }
        Adaptive { weights }
    }

    fn saw(&mut self, symbol: usize) {
        self.weights[symbol] += STEP;
        if self.weights.iter().sum::<u32>() > ADAPTIVE_MAX {
            for w in &mut self.weights {
                if *w > 0 {
                    *w = (*w / 2).max(1);
                }
            }
        }
    }
}

/// What a payload has coded so far: the weights learned and the words seen. The encoder and
/// the decoder each keep one and update it the same way.
pub(crate) struct Memory {
    pieces: [Adaptive<6>; 6],
    cases: [Adaptive<4>; 6],
    vocabulary: Adaptive<2>,
    /// Distinct words seen, with ASCII letters in lower case, in the order first seen.
    words: Vec<Box<[char]>>,
}

impl Default for Memory {
    fn default() -> Self {
        Memory {
            pieces: PIECES.map(|p| Adaptive::new(p, PRIOR_WEIGHT)),
            cases: CASES.map(|c| Adaptive::new(c, PRIOR_WEIGHT)),
            vocabulary: Adaptive {
                weights: VOCABULARY_PRIOR.map(|w| w * STEP),
            },
            words: Vec::new(),
        }
    }
}

impl Memory {
    /// Piece weights in `context`; a repeat is impossible before any word was seen.
    fn piece_weights(&self, context: usize) -> [u32; 6] {
        let mut w = self.pieces[context].weights;
        if self.words.is_empty() {
            w[REPEATED] = 0;
        }
        w
    }

    fn remember(&mut self, lower: &[char]) {
        if self.words.len() < REMEMBERED_MAX && !self.words.iter().any(|w| **w == *lower) {
            self.words.push(lower.into());
        }
    }
}

fn put(e: &mut Encoder, freqs: &[u32], symbol: usize) {
    let cum: u32 = freqs[..symbol].iter().sum();
    let total: u32 = freqs.iter().sum();
    debug_assert!(total <= TOTAL_MAX);
    e.encode(cum, freqs[symbol], total);
}

fn get(d: &mut Decoder, freqs: &[u32]) -> usize {
    let total: u32 = freqs.iter().sum();
    let target = d.target(total);
    let mut cum = 0;
    for (symbol, &f) in freqs.iter().enumerate() {
        if target < cum + f {
            d.consume(cum, f);
            return symbol;
        }
        cum += f;
    }
    // Unreachable for target < total; the last symbol with weight keeps decoding defined.
    let last = freqs.iter().rposition(|&f| f > 0).unwrap_or(0);
    d.consume(total - freqs[last], freqs[last].max(1));
    last
}

/// Writes `text` for [`read_text`].
pub(crate) fn write_text(
    e: &mut Encoder,
    m: &ShareModel,
    mem: &mut Memory,
    text: &str,
    kind: Kind,
) {
    if kind == Kind::Label {
        let entry = vocabulary::find(text);
        let hit = usize::from(entry.is_none());
        put(e, &mem.vocabulary.weights, hit);
        mem.vocabulary.saw(hit);
        if let Some((index, form)) = entry {
            e.uniform(u32::from(index), VOCABULARY.len() as u32);
            e.uniform(form as u32, 4);
            return;
        }
    }
    let chars: Vec<char> = text.chars().collect();
    let mut at = 0;
    let mut context = AT_START;
    let mut words = 0;
    while at < chars.len() {
        let c = chars[at];
        if is_letter(c) {
            let len = chars[at..].iter().take_while(|&&c| is_letter(c)).count();
            write_word(e, m, mem, &chars[at..at + len], context, words == 0);
            words += 1;
            at += len;
            context = after_word(words);
        } else if c == ' ' {
            put_piece(e, mem, context, SPACE);
            at += 1;
            context = AFTER_SPACE;
        } else {
            put_piece(e, mem, context, OTHER);
            let after_digit = at > 0 && chars[at - 1].is_ascii_digit();
            write_other(e, c, after_digit);
            at += 1;
            context = AFTER_OTHER;
        }
    }
    put_piece(e, mem, context, END);
}

fn put_piece(e: &mut Encoder, mem: &mut Memory, context: usize, piece: usize) {
    put(e, &mem.piece_weights(context), piece);
    mem.pieces[context].saw(piece);
}

fn get_piece(d: &mut Decoder, mem: &mut Memory, context: usize) -> usize {
    let piece = get(d, &mem.piece_weights(context));
    mem.pieces[context].saw(piece);
    piece
}

/// Whether `c` belongs in a word: an ASCII letter, or a character from the Latin-1 letters to
/// the end of the alphabetic scripts (U+00C0..U+1FFF, but for × and ÷). A fixed rule rather
/// than Unicode's "alphabetic", which changes between Rust versions: the decoder re-encodes
/// what it read (see `body2.rs`), so the encoder's choices must never change.
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (('\u{c0}'..='\u{1fff}').contains(&c) && c != '×' && c != '÷')
}

fn case_form(word: &[char]) -> usize {
    let ascii: Vec<char> = word
        .iter()
        .copied()
        .filter(char::is_ascii_alphabetic)
        .collect();
    let uppers = ascii.iter().filter(|c| c.is_ascii_uppercase()).count();
    if uppers == 0 {
        LOWER
    } else if uppers == 1 && word[0].is_ascii_uppercase() {
        CAPITALISED
    } else if uppers == ascii.len() && ascii.len() >= 2 {
        UPPER
    } else {
        MIXED
    }
}

fn write_word(
    e: &mut Encoder,
    m: &ShareModel,
    mem: &mut Memory,
    word: &[char],
    context: usize,
    first: bool,
) {
    let lower: Vec<char> = word.iter().map(char::to_ascii_lowercase).collect();
    let seen = mem.words.iter().position(|w| **w == *lower);
    let lower_text: String = lower.iter().collect();
    let listed = m.find(&lower_text).filter(|_| lower_text.is_ascii());
    let piece = match (seen, listed) {
        (Some(_), _) => REPEATED,
        (None, Some(_)) => LISTED,
        (None, None) => SPELLED,
    };
    put_piece(e, mem, context, piece);
    let form = case_form(word);
    let cases = &mut mem.cases[case_context(first, piece)];
    put(e, &cases.weights, form);
    cases.saw(form);
    match (seen, listed) {
        (Some(n), _) => e.uniform(n as u32, mem.words.len() as u32),
        (None, Some(n)) => {
            let n = n as usize;
            let total = m.word_cum[m.word_count()];
            e.encode(m.word_cum[n], m.word_cum[n + 1] - m.word_cum[n], total);
        }
        (None, None) => {
            let mut before = (0, 0);
            for &c in word {
                let symbol = if c.is_ascii_alphabetic() {
                    usize::from(c.to_ascii_lowercase() as u8 - b'a') + 1
                } else {
                    LETTER_OTHER
                };
                put_letter(e, m, before, symbol);
                if symbol == LETTER_OTHER {
                    write_char(e, c);
                }
                before = (before.1, symbol);
            }
            put_letter(e, m, before, LETTER_END);
        }
    }
    mem.remember(&lower);
    // After the letters, because the decoder needs the word to know how many bits follow.
    if form == MIXED {
        for c in word.iter().filter(|c| c.is_ascii_alphabetic()) {
            e.bit(c.is_ascii_uppercase(), MIXED_CAPITAL);
        }
    }
}

fn letter_row(m: &ShareModel, before: (usize, usize)) -> &[u32; LETTERS + 1] {
    &m.letter_cum[before.0 * LETTERS + before.1]
}

fn put_letter(e: &mut Encoder, m: &ShareModel, before: (usize, usize), symbol: usize) {
    let row = letter_row(m, before);
    e.encode(row[symbol], row[symbol + 1] - row[symbol], row[LETTERS]);
}

fn write_other(e: &mut Encoder, c: char, after_digit: bool) {
    let weights = other_weights(after_digit);
    match OTHER_CHARS
        .iter()
        .position(|&o| c.is_ascii() && o == c as u8)
    {
        Some(symbol) => put(e, &weights, symbol),
        None => {
            put(e, &weights, OTHER_ESCAPE);
            write_char(e, c);
        }
    }
}

fn other_weights(after_digit: bool) -> [u32; 43] {
    let mut weights = OTHER_WEIGHTS;
    if after_digit {
        for w in &mut weights[..10] {
            *w *= DIGIT_RUN;
        }
    }
    weights
}

/// Any character outside ASCII: one of the common ones, or its code point.
fn write_char(e: &mut Encoder, c: char) {
    if let Some(i) = COMMON_CHARS.chars().position(|x| x == c) {
        put(e, &CHAR_CLASSES, 0);
        e.uniform(i as u32, COMMON_CHARS.chars().count() as u32);
        return;
    }
    let code = c as u32;
    // ASCII never comes here: the callers code it as a letter or an "other" character.
    let class = CHAR_RANGES
        .iter()
        .position(|&(lo, hi)| (lo..hi).contains(&code))
        .unwrap_or(0);
    let (lo, hi) = CHAR_RANGES[class];
    put(e, &CHAR_CLASSES, class + 1);
    e.uniform(code.saturating_sub(lo).min(hi - lo - 1), hi - lo);
}

fn read_char(d: &mut Decoder) -> Result<char, ShareError> {
    let class = get(d, &CHAR_CLASSES);
    if class == 0 {
        let count = COMMON_CHARS.chars().count() as u32;
        let i = d.uniform(count);
        return COMMON_CHARS
            .chars()
            .nth(i as usize)
            .ok_or(ShareError::Damaged);
    }
    let (lo, hi) = *CHAR_RANGES.get(class - 1).ok_or(ShareError::Damaged)?;
    let code = lo + d.uniform(hi - lo);
    char::from_u32(code).ok_or(ShareError::Damaged)
}

/// Reads a text of at most `max_chars` characters; a longer one is refused as soon as it
/// passes the limit, before it can grow.
pub(crate) fn read_text(
    d: &mut Decoder,
    m: &ShareModel,
    mem: &mut Memory,
    max_chars: usize,
    kind: Kind,
) -> Result<String, ShareError> {
    if kind == Kind::Label {
        let hit = get(d, &mem.vocabulary.weights);
        mem.vocabulary.saw(hit);
        if hit == 0 {
            let index = d.uniform(VOCABULARY.len() as u32) as usize;
            let form = CaseForm::from_bits(d.uniform(4));
            let entry = vocabulary::entry(index).ok_or(ShareError::Damaged)?;
            let text = form.apply(entry);
            return if text.chars().count() > max_chars {
                Err(ShareError::OverLimit)
            } else {
                Ok(text)
            };
        }
    }
    let mut text = String::new();
    let mut chars = 0usize;
    let mut context = AT_START;
    let mut words = 0;
    let mut last_was_digit = false;
    let mut grow = |text: &mut String, piece: &str| {
        chars += piece.chars().count();
        if chars > max_chars {
            return Err(ShareError::OverLimit);
        }
        text.push_str(piece);
        Ok(())
    };
    loop {
        match get_piece(d, mem, context) {
            END => return Ok(text),
            LISTED | SPELLED | REPEATED if is_after_word(context) => {
                return Err(ShareError::Damaged)
            }
            piece @ (LISTED | SPELLED | REPEATED) => {
                let word = read_word(d, m, mem, piece, words == 0, max_chars)?;
                grow(&mut text, &word)?;
                words += 1;
                last_was_digit = false;
                context = after_word(words);
            }
            SPACE => {
                grow(&mut text, " ")?;
                last_was_digit = false;
                context = AFTER_SPACE;
            }
            _ => {
                let symbol = get(d, &other_weights(last_was_digit));
                let c = match OTHER_CHARS.get(symbol) {
                    Some(&b) => char::from(b),
                    None => read_char(d)?,
                };
                let mut buf = [0u8; 4];
                grow(&mut text, c.encode_utf8(&mut buf))?;
                last_was_digit = c.is_ascii_digit();
                context = AFTER_OTHER;
            }
        }
    }
}

fn read_word(
    d: &mut Decoder,
    m: &ShareModel,
    mem: &mut Memory,
    piece: usize,
    first: bool,
    max_chars: usize,
) -> Result<String, ShareError> {
    let cases = &mut mem.cases[case_context(first, piece)];
    let form = get(d, &cases.weights);
    cases.saw(form);
    let lower: Vec<char> = match piece {
        REPEATED => {
            let n = d.uniform(mem.words.len().max(1) as u32) as usize;
            mem.words.get(n).ok_or(ShareError::Damaged)?.to_vec()
        }
        LISTED => {
            let total = m.word_cum[m.word_count()];
            let target = d.target(total);
            let n = find(&m.word_cum, target);
            d.consume(m.word_cum[n], m.word_cum[n + 1] - m.word_cum[n]);
            m.word(n).ok_or(ShareError::Damaged)?.chars().collect()
        }
        _ => {
            let mut letters = Vec::new();
            let mut before = (0, 0);
            loop {
                let row = letter_row(m, before);
                let target = d.target(row[LETTERS]);
                let symbol = find(row, target);
                d.consume(row[symbol], row[symbol + 1] - row[symbol]);
                match symbol {
                    LETTER_END => break,
                    // No Unicode property is checked: whether a character is a letter can
                    // change between Rust versions, and links outlive app versions.
                    LETTER_OTHER => letters.push(read_char(d)?),
                    s => letters.push(char::from(b'a' + (s - 1) as u8)),
                }
                if letters.len() > max_chars {
                    return Err(ShareError::OverLimit);
                }
                before = (before.1, symbol);
            }
            letters
        }
    };
    mem.remember(&lower);
    let mut capitals: Vec<bool> = Vec::new();
    if form == MIXED {
        for _ in lower.iter().filter(|c| c.is_ascii_alphabetic()) {
            capitals.push(d.bit(MIXED_CAPITAL));
        }
    }
    let mut ascii_seen = 0;
    let word: String = lower
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if !c.is_ascii_alphabetic() {
                return c;
            }
            let upper = match form {
                LOWER => false,
                CAPITALISED => i == 0,
                UPPER => true,
                _ => capitals.get(ascii_seen).copied().unwrap_or(false),
            };
            ascii_seen += 1;
            if upper {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect();
    Ok(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::share::words::shipped;

    fn round_trip(s: &str, kind: Kind) -> (String, usize) {
        let m = shipped();
        let mut e = Encoder::default();
        write_text(&mut e, m, &mut Memory::default(), s, kind);
        let bytes = e.finish();
        let mut d = Decoder::new(&bytes);
        let back = read_text(&mut d, m, &mut Memory::default(), 1000, kind).unwrap();
        d.finish().unwrap();
        (back, bytes.len())
    }

    #[test]
    fn text_of_every_kind_comes_back() {
        for s in [
            "",
            " ",
            "  double  spaces ",
            "writing a crime novel",
            "Campaign for a Zebra Crossing on Mill Lane",
            "SEO",
            "DIY and iPhone repairs, McDonald's",
            "parkrun PB 24:10",
            "+44 7700 900123",
            "meg@example.co.uk",
            "Siân, Aïsha — Kieślowski",
            "Zoë's crème brûlée 🍰 日本語",
            "a$<>[]{}|\\^`b ×÷ Ωμέγα Кирилл",
            "ÉAMON éamon ÉaMoN",
            "x",
            "X",
            "I",
        ] {
            for kind in [Kind::Label, Kind::Free] {
                assert_eq!(round_trip(s, kind).0, s);
            }
        }
    }

    #[test]
    fn common_words_cost_fewer_bits_than_letters() {
        // 27 characters; under 5 bits a letter would take 17 bytes.
        let (_, bytes) = round_trip("walking the dog in the rain", Kind::Free);
        assert!(bytes <= 10, "{bytes} bytes");
    }

    #[test]
    fn a_text_over_its_limit_is_refused() {
        let m = shipped();
        let mut e = Encoder::default();
        write_text(
            &mut e,
            m,
            &mut Memory::default(),
            "abcdef ghijkl",
            Kind::Free,
        );
        let bytes = e.finish();
        assert_eq!(
            read_text(
                &mut Decoder::new(&bytes),
                m,
                &mut Memory::default(),
                12,
                Kind::Free
            ),
            Err(ShareError::OverLimit)
        );
        assert_eq!(
            read_text(
                &mut Decoder::new(&bytes),
                m,
                &mut Memory::default(),
                13,
                Kind::Free
            )
            .as_deref(),
            Ok("abcdef ghijkl")
        );
    }
}
