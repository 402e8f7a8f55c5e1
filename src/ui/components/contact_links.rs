//! Contact details as working links: `tel:`, `sms:`, `mailto:` and web addresses that are
//! http(s) only.

use crate::core::model::Contact;
use crate::core::share::safe_web_url;
use leptos::prelude::*;

/// The number as a dialler understands it, behind `scheme` (`tel`, `sms`).
fn phone_href(scheme: &str, phone: &str) -> String {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("{scheme}:{digits}")
}

#[component]
pub fn ContactLinks(contact: Contact) -> impl IntoView {
    let mut rows = Vec::new();
    if !contact.phone.is_empty() {
        rows.push(view! { <li><a href=phone_href("tel", &contact.phone)>{format!("Call {}", contact.phone)}</a></li> }.into_any());
        // The morning after an event, "lovely to meet you" goes by text more often than by call.
        rows.push(view! { <li><a href=phone_href("sms", &contact.phone)>{format!("Text {}", contact.phone)}</a></li> }.into_any());
    }
    if !contact.email.is_empty() && contact.email.contains('@') {
        rows.push(view! { <li><a href=format!("mailto:{}", contact.email)>{format!("Email {}", contact.email)}</a></li> }.into_any());
    }
    for text in [&contact.web, &contact.social] {
        if text.is_empty() {
            continue;
        }
        // Anything that is not a plain http(s) address stays text, never a link.
        match safe_web_url(text) {
            Some(url) => rows.push(
                view! { <li><a href=url rel="noopener noreferrer" target="_blank">{text.clone()}</a></li> }.into_any(),
            ),
            None => rows.push(view! { <li>{text.clone()}</li> }.into_any()),
        }
    }
    if rows.is_empty() {
        return view! { <p class="muted">"No contact details yet."</p> }.into_any();
    }
    view! { <ul class="contact-links">{rows}</ul> }.into_any()
}
