//! The fields of a person as a form: the short set for quick add (a follow-up and contact
//! details folded away), every field for editing.

use super::field::TextField;
use super::follow_up_fields::FollowUpFields;
use super::interest_editor::InterestEditor;
use super::known_name::{KnownName, NameCheck};
use crate::core::dates::add_days;
use crate::core::draft::PersonDraftData;
use crate::core::limits::{over_limit, CONTACT_MAX, FOLLOW_UP_MAX, NAME_MAX, NOTE_MAX, WHAT_MAX};
use crate::core::model::{Contact, FollowUp, Interest, Person, PersonId};
use crate::store::clock::today;
use leptos::prelude::*;

/// A person being edited: one signal per field, so typing in one re-renders nothing else.
#[derive(Clone, Copy)]
pub struct PersonDraft {
    pub name: RwSignal<String>,
    pub what: RwSignal<String>,
    pub interests: RwSignal<Vec<Interest>>,
    pub notes: RwSignal<String>,
    pub phone: RwSignal<String>,
    pub email: RwSignal<String>,
    pub web: RwSignal<String>,
    pub social: RwSignal<String>,
    pub met_on: RwSignal<String>,
    pub met_where: RwSignal<String>,
    /// Typed in "Add interest" and not added yet.
    pub interest_typed: RwSignal<String>,
    /// Quick add's promise made while talking, saved as one of their follow-ups.
    pub follow_up: RwSignal<String>,
    pub follow_up_due: RwSignal<String>,
}

/// A promise made at an event is for after it: tomorrow, unless another day is chosen.
fn promise_due() -> String {
    add_days(&today(), 1).unwrap_or_default()
}

impl PersonDraft {
    pub fn empty() -> Self {
        Self::from_person(None)
    }

    pub fn from_person(p: Option<&Person>) -> Self {
        let s = |f: fn(&Person) -> String| RwSignal::new(p.map(f).unwrap_or_default());
        PersonDraft {
            name: s(|p| p.name.clone()),
            what: s(|p| p.what.clone()),
            interests: RwSignal::new(p.map(|p| p.interests.clone()).unwrap_or_default()),
            notes: s(|p| p.notes.clone()),
            phone: s(|p| p.contact.phone.clone()),
            email: s(|p| p.contact.email.clone()),
            web: s(|p| p.contact.web.clone()),
            social: s(|p| p.contact.social.clone()),
            met_on: s(|p| p.met_on.clone()),
            met_where: s(|p| p.met_where.clone()),
            interest_typed: RwSignal::new(String::new()),
            follow_up: RwSignal::new(String::new()),
            follow_up_due: RwSignal::new(promise_due()),
        }
    }

    /// The first problem that stops a save ([`Person::problems`] of the fields as typed, as
    /// their own messages measure them), in words for the user.
    pub fn problem(&self) -> Option<String> {
        let mut typed = Person::new(PersonId(String::new()), self.name.get_untracked(), 0);
        typed.what = self.what.get_untracked();
        typed.notes = self.notes.get_untracked();
        typed.contact = Contact {
            phone: self.phone.get_untracked(),
            email: self.email.get_untracked(),
            web: self.web.get_untracked(),
            social: self.social.get_untracked(),
        };
        typed
            .problems()
            .into_iter()
            .chain(
                self.follow_up
                    .with_untracked(|f| over_limit("Follow-up", f.trim(), FOLLOW_UP_MAX)),
            )
            .next()
    }

    /// Writes the draft into `person` (whose id and times the caller owns).
    pub fn apply(&self, person: &mut Person) {
        person.name = self.name.get_untracked().trim().to_string();
        person.what = self.what.get_untracked().trim().to_string();
        person.interests = self.interests.get_untracked();
        person.notes = self.notes.get_untracked();
        person.contact = Contact {
            phone: self.phone.get_untracked().trim().to_string(),
            email: self.email.get_untracked().trim().to_string(),
            web: self.web.get_untracked().trim().to_string(),
            social: self.social.get_untracked().trim().to_string(),
        };
        person.met_on = self.met_on.get_untracked();
        person.met_where = self.met_where.get_untracked().trim().to_string();
        let promise = self.follow_up.get_untracked().trim().to_string();
        if !promise.is_empty() {
            let due = self.follow_up_due.get_untracked();
            person.follow_ups.push(FollowUp::open(due, promise));
        }
    }

    /// What is typed, for keeping as a draft (reading it tracks every field).
    pub fn to_data(&self) -> PersonDraftData {
        PersonDraftData {
            name: self.name.get(),
            what: self.what.get(),
            interests: self.interests.get(),
            notes: self.notes.get(),
            phone: self.phone.get(),
            email: self.email.get(),
            web: self.web.get(),
            social: self.social.get(),
            met_on: self.met_on.get(),
            met_where: self.met_where.get(),
            interest_typed: self.interest_typed.get(),
            follow_up: self.follow_up.get(),
            follow_up_due: self.follow_up_due.get(),
        }
    }

    /// The same, read without tracking.
    pub fn to_data_untracked(&self) -> PersonDraftData {
        leptos::prelude::untrack(|| self.to_data())
    }

    /// Puts a kept draft back into the fields it was typed in.
    pub fn fill(&self, d: PersonDraftData) {
        self.name.set(d.name);
        self.what.set(d.what);
        self.interests.set(d.interests);
        self.notes.set(d.notes);
        self.phone.set(d.phone);
        self.email.set(d.email);
        self.web.set(d.web);
        self.social.set(d.social);
        self.met_on.set(d.met_on);
        self.met_where.set(d.met_where);
        self.interest_typed.set(d.interest_typed);
        // A draft kept without a promise keeps the form's own offer of a date (the one it kept
        // may be yesterday's "tomorrow").
        if !d.follow_up.trim().is_empty() {
            self.follow_up.set(d.follow_up);
            self.follow_up_due.set(d.follow_up_due);
        }
    }

    pub fn clear(&self) {
        for s in [
            self.name,
            self.what,
            self.notes,
            self.phone,
            self.email,
            self.web,
            self.social,
            self.met_on,
            self.met_where,
            self.interest_typed,
            self.follow_up,
        ] {
            s.set(String::new());
        }
        self.interests.set(Vec::new());
        self.follow_up_due.set(promise_due());
    }
}

#[component]
pub fn PersonFields(
    draft: PersonDraft,
    #[prop(optional)] full: bool,
    /// Quick add's check of the name typed against those saved (`KnownName`).
    #[prop(optional)]
    check: Option<NameCheck>,
) -> impl IntoView {
    view! {
        <TextField label="Name" value=draft.name max=NAME_MAX autocomplete="off" autocapitalize="words" />
        {check.map(|check| view! { <KnownName name=draft.name check=check /> })}
        <TextField label="What they do" value=draft.what max=WHAT_MAX />
        <h2>"Interests"</h2>
        <InterestEditor interests=draft.interests typed=draft.interest_typed />
        <TextField label="Notes" value=draft.notes max=NOTE_MAX multiline=true />
        <Show
            when=move || full
            fallback=move || {
                // Quick add: phone, email and a profile, folded away so the form stays one screen.
                let open = [draft.phone, draft.email, draft.social]
                    .iter()
                    .any(|f| f.with_untracked(|v| !v.is_empty()));
                let promised = draft.follow_up.with_untracked(|f| !f.trim().is_empty());
                view! {
                    // "I'll send you the link": noted while it is said, not after the evening.
                    <details class="card" open=promised>
                        <summary>"Add a follow-up"</summary>
                        <FollowUpFields
                            text_label="Follow-up"
                            due_label="Due"
                            text=draft.follow_up
                            due=draft.follow_up_due
                            quick=true
                        />
                    </details>
                    <details class="card" open=open>
                        <summary>"Contact details"</summary>
                        <TextField label="Phone" value=draft.phone max=CONTACT_MAX kind="tel" />
                        <TextField label="Email" value=draft.email max=CONTACT_MAX kind="email" />
                        // At a networking event the swap is as often a LinkedIn name as a number.
                        <TextField
                            label="Social"
                            value=draft.social
                            max=CONTACT_MAX
                            autocapitalize="none"
                            placeholder="LinkedIn, Instagram…"
                            enterkeyhint="done"
                        />
                    </details>
                }
            }
        >
            <h2>"Contact"</h2>
            <TextField label="Phone" value=draft.phone max=CONTACT_MAX kind="tel" />
            <TextField label="Email" value=draft.email max=CONTACT_MAX kind="email" />
            <TextField label="Web" value=draft.web max=CONTACT_MAX kind="url" />
            <TextField label="Social" value=draft.social max=CONTACT_MAX autocapitalize="none" />
            <h2>"Where and when we met"</h2>
            // The events they are filed under say it already; these are for the school gate.
            <p class="muted">"If it was not at one of your events."</p>
            <TextField label="Met on" value=draft.met_on kind="date" />
            <TextField label="Met where" value=draft.met_where max=NAME_MAX enterkeyhint="done" />
        </Show>
    }
}
