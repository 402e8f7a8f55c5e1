//! A shared map as its receiver sees it: name, what they do, interests by category, how to
//! reach them and their message. Used for the received page and the sender's live preview.

use super::contact_links::ContactLinks;
use crate::core::model::{default_categories, CategoryId};
use crate::core::share::SharePayload;
use leptos::prelude::*;

/// The category's display name: the payload names custom ones, the defaults are known.
fn category_name(payload: &SharePayload, id: &CategoryId) -> String {
    payload
        .categories
        .iter()
        .find(|c| &c.id == id)
        .map(|c| c.name.clone())
        .or_else(|| {
            default_categories()
                .into_iter()
                .find(|c| &c.id == id)
                .map(|c| c.name)
        })
        .unwrap_or_else(|| "Other".into())
}

#[component]
pub fn SharedMap(#[prop(into)] payload: Signal<SharePayload>) -> impl IntoView {
    move || {
        let p = payload.get();
        let mut groups: Vec<(CategoryId, Vec<String>)> = Vec::new();
        for i in &p.interests {
            match groups.iter_mut().find(|(c, _)| *c == i.category) {
                Some((_, list)) => list.push(i.label.clone()),
                None => groups.push((i.category.clone(), vec![i.label.clone()])),
            }
        }
        let groups = groups
            .into_iter()
            .map(|(cat, labels)| {
                let heading = category_name(&p, &cat);
                view! {
                    <h3>{heading}</h3>
                    <ul class="chips">
                        {labels.into_iter().map(|l| view! { <li class="chip"><span class="chip-label">{l}</span></li> }).collect_view()}
                    </ul>
                }
            })
            .collect_view();
        view! {
            <div class="shared-map">
                <p class="shared-name">{p.name.clone()}</p>
                <p class="lead">{p.what.clone()}</p>
                {(!p.message.is_empty()).then(|| view! { <blockquote class="message">{p.message.clone()}</blockquote> })}
                {groups}
                {(!p.contact.is_empty()).then(|| view! { <ContactLinks contact=p.contact.clone() /> })}
            </div>
        }
    }
}
