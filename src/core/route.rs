//! Routes and their URL fragments (`#/people/abc`).
//!
//! Everything after `#` stays in the browser: routes work from any static host and sub-path
//! without server rewrites, and a share payload in the fragment is never sent to a server.

use super::model::{EventId, PersonId};
use super::share::qr_form::{base64url, from_qr_text};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    MyMap,
    People,
    AddPerson,
    Person(PersonId),
    Events,
    Event(EventId),
    Share,
    Settings,
    /// Someone else's map, carried in the fragment itself.
    Received(String),
    /// Everyone who shares an interest (the label as tapped).
    Who(String),
    /// Receive a map: the camera reads a QR code, or a link is pasted.
    Scan,
    /// A map made in one screen, to send back to someone whose map I received.
    QuickMap,
    /// Every follow-up still to do, whoever it is for.
    FollowUps,
    NotFound(String),
}

impl Route {
    /// Parses a `location.hash` value, with or without the leading `#`.
    pub fn parse(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.strip_prefix('/').unwrap_or(path);
        // People's search rides in its fragment (`core::people_search`); the page is the same.
        if path.starts_with("people?") {
            return Route::People;
        }
        let (head, rest) = match path.split_once('/') {
            Some((h, r)) => (h, Some(r)),
            None => (path, None),
        };
        match (head, rest) {
            ("", None) => Route::Home,
            ("map", None) => Route::MyMap,
            ("people", None) => Route::People,
            ("people", Some("new")) => Route::AddPerson,
            ("people", Some(id)) if is_id(id) => Route::Person(PersonId(id.into())),
            ("events", None) => Route::Events,
            ("events", Some(id)) if is_id(id) => Route::Event(EventId(id.into())),
            ("share", None) => Route::Share,
            ("settings", None) => Route::Settings,
            ("scan", None) => Route::Scan,
            ("quick", None) => Route::QuickMap,
            ("follow-ups", None) => Route::FollowUps,
            ("m", Some(payload)) if !payload.is_empty() => Route::Received(payload.into()),
            ("M", Some(text)) if !text.is_empty() => Route::Received(payload_of_qr_form(text)),
            ("who", Some(label)) => match percent_decode(label) {
                Some(label) if !label.trim().is_empty() => Route::Who(label),
                _ => Route::NotFound(path.into()),
            },
            _ => Route::NotFound(path.into()),
        }
    }

    /// The fragment for this route, starting with `#`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::MyMap => "#/map".into(),
            Route::People => "#/people".into(),
            Route::AddPerson => "#/people/new".into(),
            Route::Person(id) => format!("#/people/{}", id.0),
            Route::Events => "#/events".into(),
            Route::Event(id) => format!("#/events/{}", id.0),
            Route::Share => "#/share".into(),
            Route::Settings => "#/settings".into(),
            Route::Received(payload) => format!("#/m/{payload}"),
            Route::Who(label) => format!("#/who/{}", percent_encode(label)),
            Route::Scan => "#/scan".into(),
            Route::QuickMap => "#/quick".into(),
            Route::FollowUps => "#/follow-ups".into(),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }
}

/// The share payload in a scanned or pasted text: a whole link (`https://…/#/m/<payload>`), or
/// just its fragment (`#/m/<payload>`, `/m/<payload>`), or the same in the QR form (`#/M/…`,
/// see `share::qr_form`). `None` for anything else, such as a code for some other site.
pub fn link_payload(text: &str) -> Option<String> {
    let text = text.trim();
    let (fragment, qr_form) = ["m", "M"].into_iter().find_map(|form| {
        let rest = match text.split_once(&format!("#/{form}/")) {
            Some((_, rest)) => rest,
            None => text
                .strip_prefix(&format!("/{form}/"))
                .or_else(|| text.strip_prefix(&format!("{form}/")))?,
        };
        Some((rest, form == "M"))
    })?;
    if fragment.is_empty() || fragment.contains(char::is_whitespace) || fragment.contains('#') {
        return None;
    }
    Some(if qr_form {
        payload_of_qr_form(fragment)
    } else {
        fragment.to_string()
    })
}

/// The payload (base64url) of a QR-form link's text. A text that is not one becomes a payload
/// no decoder accepts, so the page says the link is damaged rather than that it does not exist.
fn payload_of_qr_form(text: &str) -> String {
    match from_qr_text(text) {
        Some(bytes) if !bytes.is_empty() => base64url(&bytes),
        _ => format!("~{text}"),
    }
}

impl Route {
    /// Where "Back" goes when there is no history to go back through (the page was opened
    /// from a link or the home screen): the page above this one. `None` for the pages the
    /// bottom tabs open, which have no "Back".
    pub fn parent(&self) -> Option<Route> {
        match self {
            Route::Home | Route::MyMap | Route::People | Route::Events | Route::Settings => None,
            Route::AddPerson | Route::Person(_) | Route::Who(_) => Some(Route::People),
            Route::Event(_) => Some(Route::Events),
            Route::Share => Some(Route::MyMap),
            Route::Received(_)
            | Route::NotFound(_)
            | Route::Scan
            | Route::QuickMap
            | Route::FollowUps => Some(Route::Home),
        }
    }
}

/// The routes visited in this tab, as far as the app can tell, so "Back" knows whether going
/// back stays inside the app. A visit to the route just before the current one is taken as a
/// step back (the browser's back button, or our own "Back").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Visits(Vec<Route>);

impl Visits {
    pub fn visit(&mut self, route: Route) {
        let n = self.0.len();
        if n >= 2 && self.0[n - 2] == route {
            self.0.pop();
        } else if self.0.last() != Some(&route) {
            self.0.push(route);
        }
    }

    /// The page showing is replaced in the browser's history: the next visit takes its place.
    pub fn forget_last(&mut self) {
        self.0.pop();
    }

    /// Whether the browser's history holds an earlier page of this app to go back to.
    pub fn can_go_back(&self) -> bool {
        self.0.len() >= 2
    }
}

/// Record ids are generated by us: short, URL-safe (they appear in `#/people/<id>`), and
/// never "new", which the route for adding a person uses.
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 40
        && s != "new"
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; `None` for a broken escape or text that is not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_route_survives_a_round_trip() {
        let routes = [
            Route::Home,
            Route::MyMap,
            Route::People,
            Route::AddPerson,
            Route::Person(PersonId("k3j-x_9".into())),
            Route::Events,
            Route::Event(EventId("e1".into())),
            Route::Share,
            Route::Settings,
            Route::Received("AQID-_x".into()),
            Route::Who("children's hospice & more".into()),
            Route::Scan,
            Route::QuickMap,
            Route::FollowUps,
        ];
        for r in routes {
            assert_eq!(Route::parse(&r.to_hash()), r, "{}", r.to_hash());
        }
    }

    #[test]
    fn empty_and_odd_fragments() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(Route::parse("#map"), Route::MyMap);
        assert_eq!(
            Route::parse("#/people/<script>"),
            Route::NotFound("people/<script>".into())
        );
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound("nowhere".into()));
        assert_eq!(Route::parse("#/who/%ZZ"), Route::NotFound("who/%ZZ".into()));
        assert_eq!(Route::parse("#/who/%FF"), Route::NotFound("who/%FF".into()));
        assert_eq!(Route::parse("#/m/"), Route::NotFound("m/".into()));
        assert_eq!(Route::parse("#/people?q=run"), Route::People);
        assert_eq!(Route::parse("#/people?"), Route::People);
        assert_eq!(
            Route::parse("#/peoples?q=run"),
            Route::NotFound("peoples?q=run".into())
        );
    }

    #[test]
    fn a_pasted_link_or_fragment_gives_its_payload() {
        let want = Some("AQID-_x".to_string());
        assert_eq!(link_payload("https://example.org/cg/#/m/AQID-_x"), want);
        assert_eq!(link_payload("  http://127.0.0.1:8080/#/m/AQID-_x\n"), want);
        assert_eq!(link_payload("#/m/AQID-_x"), want);
        assert_eq!(link_payload("/m/AQID-_x"), want);
        assert_eq!(link_payload("m/AQID-_x"), want);
        assert_eq!(link_payload("https://example.org/"), None);
        assert_eq!(link_payload("https://example.org/#/m/"), None);
        assert_eq!(link_payload("WIFI:S:home;T:WPA;P:secret;;"), None);
        assert_eq!(link_payload("#/m/AB CD"), None);
        assert_eq!(link_payload(""), None);
    }

    #[test]
    fn a_qr_form_link_opens_the_same_payload() {
        // Bytes 1, 2, 3 and 0xfb 0xff 0xf1: "AQID-__x" in base64url.
        let bytes = [1, 2, 3, 0xfb, 0xff, 0xf1];
        let qr = crate::core::share::qr_form::to_qr_text(&bytes);
        let want = "AQID-__x".to_string();
        assert_eq!(
            Route::parse(&format!("#/M/{qr}")),
            Route::Received(want.clone())
        );
        assert_eq!(
            link_payload(&format!("https://example.org/cg/#/M/{qr}")),
            Some(want.clone())
        );
        assert_eq!(link_payload(&format!(" /M/{qr}\n")), Some(want.clone()));
        assert_eq!(link_payload(&format!("M/{qr}")), Some(want));
        assert_eq!(link_payload("https://example.org/#/M/"), None);
        assert_eq!(Route::parse("#/M/"), Route::NotFound("M/".into()));
        // Not a QR form: a received route that every decoder refuses, not "no such page".
        for bad in ["abc", "::", "A6", "00%20"] {
            let Route::Received(payload) = Route::parse(&format!("#/M/{bad}")) else {
                panic!("{bad}: not a received route");
            };
            assert!(payload.starts_with('~'), "{bad}");
            assert_eq!(
                crate::core::share::decode(&payload).err(),
                Some(crate::core::share::ShareError::Damaged)
            );
        }
    }

    #[test]
    fn pages_below_the_tabs_have_a_parent_and_the_tabs_none() {
        for tab in [
            Route::Home,
            Route::MyMap,
            Route::People,
            Route::Events,
            Route::Settings,
        ] {
            assert_eq!(tab.parent(), None, "{tab:?}");
        }
        assert_eq!(Route::AddPerson.parent(), Some(Route::People));
        assert_eq!(
            Route::Person(PersonId("a".into())).parent(),
            Some(Route::People)
        );
        assert_eq!(
            Route::Event(EventId("e".into())).parent(),
            Some(Route::Events)
        );
        assert_eq!(Route::Share.parent(), Some(Route::MyMap));
        assert_eq!(Route::Received("x".into()).parent(), Some(Route::Home));
        assert_eq!(Route::Who("run".into()).parent(), Some(Route::People));
        assert_eq!(Route::NotFound("x".into()).parent(), Some(Route::Home));
        assert_eq!(Route::FollowUps.parent(), Some(Route::Home));
    }

    #[test]
    fn back_stays_inside_the_app_only_when_there_is_somewhere_to_go() {
        let person = Route::Person(PersonId("a".into()));
        let mut v = Visits::default();
        v.visit(person.clone());
        assert!(!v.can_go_back(), "opened from a link");
        v.visit(Route::Event(EventId("e".into())));
        assert!(v.can_go_back());
        v.visit(person.clone());
        assert!(!v.can_go_back(), "went back to the page opened first");
        v.visit(person);
        assert!(!v.can_go_back(), "the same route again is no visit");
        v.visit(Route::AddPerson);
        v.visit(Route::People);
        assert!(v.can_go_back());
    }

    #[test]
    fn a_replaced_page_is_no_visit() {
        let mut v = Visits::default();
        v.visit(Route::Received("p".into()));
        v.visit(Route::QuickMap);
        v.forget_last();
        v.visit(Route::Share);
        assert!(v.can_go_back(), "back from Share is the received map");
        v.visit(Route::Received("p".into()));
        assert!(
            !v.can_go_back(),
            "and from there nothing: the quick map is not in the history"
        );
    }

    proptest! {
        #[test]
        fn a_received_route_survives_as_a_pasted_link(p in "[A-Za-z0-9_-]{1,200}") {
            let link = format!("https://example.org/x/{}", Route::Received(p.clone()).to_hash());
            prop_assert_eq!(link_payload(&link), Some(p));
        }

        #[test]
        fn any_payload_survives_the_qr_form(bytes in proptest::collection::vec(any::<u8>(), 1..400)) {
            use crate::core::share::qr_form::to_qr_text;
            let want = base64url(&bytes);
            let hash = format!("#/M/{}", to_qr_text(&bytes));
            prop_assert_eq!(Route::parse(&hash), Route::Received(want.clone()));
            prop_assert_eq!(link_payload(&format!("https://example.org/x/{hash}")), Some(want));
        }

        #[test]
        fn any_label_round_trips_through_who(label in "\\PC{1,40}") {
            prop_assume!(!label.trim().is_empty());
            let r = Route::Who(label);
            prop_assert_eq!(Route::parse(&r.to_hash()), r);
        }

        #[test]
        fn parsing_never_panics(s in "\\PC{0,80}") {
            let _ = Route::parse(&s);
        }
    }
}
