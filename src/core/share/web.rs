//! `safe_web_url`: the only way a web address from a link or a vCard becomes something to click.
//!
//! A `javascript:` or `data:` address in an `href` runs code or shows forged content, and
//! browsers forgive a lot while parsing a scheme (leading spaces, tabs and newlines inside it,
//! any case), so the rule is an allow-list: http and https, or a bare domain, which becomes
//! https. Everything else stays plain text.

/// The address to link to for `s`, or `None` when it must not be a link.
pub fn safe_web_url(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty()
        || s.chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
    {
        return None;
    }
    let (url, rest, bare) = match scheme_end(s) {
        Some(colon) => {
            let scheme = s.get(..colon)?;
            let rest = s.get(colon + 1..)?.strip_prefix("//")?;
            let scheme = if scheme.eq_ignore_ascii_case("https") {
                "https"
            } else if scheme.eq_ignore_ascii_case("http") {
                "http"
            } else {
                return None;
            };
            (format!("{scheme}://{rest}"), rest, false)
        }
        None => (format!("https://{s}"), s, true),
    };
    // A bare word without a dot ("localhost", "not") is more likely text than an address.
    valid_authority(rest, bare).then_some(url)
}

/// Where the scheme's colon is, if `s` starts with a scheme: letters, digits, `+`, `-` and `.`
/// before a colon that is not the start of a port number ("example.com:8080" has none).
fn scheme_end(s: &str) -> Option<usize> {
    let colon = s.find(':')?;
    let head = s.get(..colon)?;
    let first_is_letter = head.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    let scheme_like = first_is_letter
        && head
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !scheme_like {
        // Something like "a b:c" or "/x:y" — not a scheme; the authority check decides.
        return None;
    }
    let after = s.get(colon + 1..)?;
    let port_len = after.chars().take_while(|c| c.is_ascii_digit()).count();
    let is_port = port_len > 0
        && matches!(
            after.get(port_len..)?.chars().next(),
            None | Some('/' | '?' | '#')
        );
    if is_port && head.contains('.') {
        None
    } else {
        Some(colon)
    }
}

/// The host (and optional port) at the start of `rest` is a plausible domain: labels of
/// letters, digits and hyphens (any letters, for international names), at least one dot for a
/// bare domain, and no user name, so that "bank.com@evil.example" is not shown as a bank.
fn valid_authority(rest: &str, need_dot: bool) -> bool {
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let Some(authority) = rest.get(..end) else {
        return false;
    };
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    let labels_ok = !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    port_ok && labels_ok && (!need_dot || host.contains('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_people_type_become_links() {
        let cases = [
            ("https://example.com", "https://example.com"),
            ("http://example.com/a?b=c#d", "http://example.com/a?b=c#d"),
            ("HTTPS://Example.com/Path", "https://Example.com/Path"),
            ("example.com", "https://example.com"),
            (
                "  www.my-bakery.co.uk/menu  ",
                "https://www.my-bakery.co.uk/menu",
            ),
            ("example.com:8080/x", "https://example.com:8080/x"),
            ("café.example", "https://café.example"),
            ("https://localhost:3000", "https://localhost:3000"),
        ];
        for (input, url) in cases {
            assert_eq!(safe_web_url(input).as_deref(), Some(url), "{input:?}");
        }
    }

    #[test]
    fn other_schemes_and_tricks_never_become_links() {
        let cases = [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{0}javascript:alert(1)",
            "javascript://example.com/%0aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "ftp://example.com",
            "mailto:a@example.com",
            "https:example.com",
            "https://",
            "https:///x",
            "//example.com",
            "/#/settings",
            "https://bank.com@evil.example",
            "bank.com@evil.example",
            "meg@example.com",
            "https:\\\\example.com",
            "https://exa mple.com",
            "https://example.com\u{202e}",
            "localhost",
            "not a url",
            "example.com:99999999",
            ".example.com",
            "-x.example.com",
            "",
            "   ",
        ];
        for input in cases {
            assert_eq!(safe_web_url(input), None, "{input:?}");
        }
    }
}
