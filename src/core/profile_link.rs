//! A LinkedIn profile's QR code (`https://www.linkedin.com/in/helen-morris-3a2b1c`), the code
//! most often swapped at a networking event: the profile's address to keep, and the name its
//! address spells, as a first guess the user checks.

use super::limits::{CONTACT_MAX, NAME_MAX};
use super::route::percent_decode;

/// A profile read from a scanned link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    /// The name the address spells ("Helen Morris"); may be empty when it spells none.
    pub name: String,
    /// The address as scanned, without its query or fragment.
    pub url: String,
}

/// The LinkedIn profile a scanned text links to, if it is one.
pub fn profile_from_link(text: &str) -> Option<Profile> {
    let text = text.trim();
    let rest = ["https://", "http://"].iter().find_map(|s| {
        text.get(..s.len())
            .filter(|h| h.eq_ignore_ascii_case(s))
            .map(|_| &text[s.len()..])
    })?;
    let (host, path) = rest.split_once('/')?;
    let host = host.to_ascii_lowercase();
    if !(host == "linkedin.com" || host.ends_with(".linkedin.com")) {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or("");
    let slug = path.strip_prefix("in/")?.trim_end_matches('/');
    if slug.is_empty() || slug.contains('/') {
        return None;
    }
    let url = format!("https://{host}/in/{slug}");
    if url.chars().count() > CONTACT_MAX {
        return None;
    }
    let spelled = percent_decode(slug).unwrap_or_default();
    Some(Profile {
        name: name_of_slug(&spelled),
        url,
    })
}

/// "helen-morris-3a2b1c" → "Helen Morris": the words of the address, the last dropped when it
/// holds a digit (LinkedIn adds one to tell people of the same name apart).
fn name_of_slug(slug: &str) -> String {
    let mut words: Vec<&str> = slug.split(['-', '_']).filter(|w| !w.is_empty()).collect();
    if words.len() > 1
        && words
            .last()
            .is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()))
    {
        words.pop();
    }
    if words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        return String::new();
    }
    let name = words
        .iter()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|first| first.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ");
    if name.chars().count() > NAME_MAX {
        return String::new();
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_linkedin_code_gives_the_profile_and_the_name_it_spells() {
        let p =
            profile_from_link("https://www.linkedin.com/in/helen-morris-3a2b1c4/?utm_source=share")
                .unwrap();
        assert_eq!(p.name, "Helen Morris");
        assert_eq!(p.url, "https://www.linkedin.com/in/helen-morris-3a2b1c4");
        let p = profile_from_link("HTTPS://uk.LinkedIn.com/in/si%C3%A2n-o-brien").unwrap();
        assert_eq!(p.name, "Siân O Brien");
        assert_eq!(p.url, "https://uk.linkedin.com/in/si%C3%A2n-o-brien");
        assert_eq!(
            profile_from_link("https://linkedin.com/in/jo")
                .unwrap()
                .name,
            "Jo"
        );
    }

    #[test]
    fn an_address_that_spells_no_name_gives_none_to_check() {
        // LinkedIn's own member ids, and names with numbers in them, are not names to guess.
        for slug in ["ACoAAB12xyz", "user1234", "j0hn-sm1th"] {
            let p = profile_from_link(&format!("https://www.linkedin.com/in/{slug}")).unwrap();
            assert_eq!(p.name, "", "{slug}");
        }
    }

    #[test]
    fn other_links_are_not_profiles() {
        for text in [
            "https://www.linkedin.com/company/acme",
            "https://www.linkedin.com/in/",
            "https://www.linkedin.com/in/a/b",
            "https://evil.example/linkedin.com/in/helen",
            "https://linkedin.com.evil.example/in/helen",
            "https://example.org/#/m/AAA",
            "linkedin.com/in/helen",
            "MECARD:N:A;;",
            "",
        ] {
            assert_eq!(profile_from_link(text), None, "{text:?}");
        }
    }

    proptest! {
        /// Whatever a code holds, reading it never panics, and a profile it gives keeps within
        /// the limits of the fields it fills.
        #[test]
        fn any_text_is_read_without_panic(tail in ".{0,200}") {
            for text in [format!("https://www.linkedin.com/in/{tail}"), tail.clone()] {
                if let Some(p) = profile_from_link(&text) {
                    prop_assert!(p.name.chars().count() <= NAME_MAX);
                    prop_assert!(p.url.chars().count() <= CONTACT_MAX);
                    prop_assert!(p.url.starts_with("https://"));
                }
            }
        }
    }
}
