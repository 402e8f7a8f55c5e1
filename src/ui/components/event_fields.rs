//! An event's fields as a form, for creating and editing.

use super::field::TextField;
use crate::core::draft::EventDraftData;
use crate::core::limits::{NAME_MAX, NOTE_MAX};
use crate::core::model::{Event, EventId};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct EventDraft {
    pub name: RwSignal<String>,
    pub date: RwSignal<String>,
    pub time: RwSignal<String>,
    pub place: RwSignal<String>,
    pub group: RwSignal<String>,
    pub purpose: RwSignal<String>,
    pub notes: RwSignal<String>,
    pub takeaways: RwSignal<String>,
}

impl EventDraft {
    pub fn new(e: &Event) -> Self {
        EventDraft {
            name: RwSignal::new(e.name.clone()),
            date: RwSignal::new(e.date.clone()),
            time: RwSignal::new(e.time.clone()),
            place: RwSignal::new(e.place.clone()),
            group: RwSignal::new(e.group.clone()),
            purpose: RwSignal::new(e.purpose.clone()),
            notes: RwSignal::new(e.notes.clone()),
            takeaways: RwSignal::new(e.takeaways.clone()),
        }
    }

    /// The first problem that stops a save ([`Event::problems`] of the fields as typed).
    pub fn problem(&self) -> Option<String> {
        let mut typed = Event::new(EventId(String::new()), self.name.get_untracked(), "", 0);
        typed.time = self.time.get_untracked();
        typed.place = self.place.get_untracked();
        typed.group = self.group.get_untracked();
        typed.purpose = self.purpose.get_untracked();
        typed.notes = self.notes.get_untracked();
        typed.takeaways = self.takeaways.get_untracked();
        typed.problems().into_iter().next()
    }

    /// What is typed in the short form, for keeping as a draft (reading it tracks the fields).
    pub fn to_data(&self) -> EventDraftData {
        EventDraftData {
            name: self.name.get(),
            date: self.date.get(),
            time: self.time.get(),
            place: self.place.get(),
            group: self.group.get(),
            purpose: self.purpose.get(),
            notes: self.notes.get(),
            takeaways: self.takeaways.get(),
        }
    }

    /// Puts a kept draft back into its fields.
    pub fn fill(&self, d: EventDraftData) {
        self.name.set(d.name);
        if !d.date.is_empty() {
            self.date.set(d.date);
        }
        self.time.set(d.time);
        self.place.set(d.place);
        self.group.set(d.group);
        self.purpose.set(d.purpose);
        self.notes.set(d.notes);
        self.takeaways.set(d.takeaways);
    }

    pub fn apply(&self, e: &mut Event) {
        e.name = self.name.get_untracked().trim().to_string();
        e.date = self.date.get_untracked();
        e.time = self.time.get_untracked().trim().to_string();
        e.place = self.place.get_untracked().trim().to_string();
        e.group = self.group.get_untracked().trim().to_string();
        e.purpose = self.purpose.get_untracked().trim().to_string();
        e.notes = self.notes.get_untracked();
        e.takeaways = self.takeaways.get_untracked();
    }
}

#[component]
pub fn EventFields(draft: EventDraft, #[prop(optional)] full: bool) -> impl IntoView {
    view! {
        <TextField label="Event name" value=draft.name max=NAME_MAX />
        <TextField label="Date" value=draft.date kind="date" />
        <TextField label="Time" value=draft.time kind="time" />
        <TextField label="Place" value=draft.place max=NAME_MAX />
        <TextField label="Group or club" value=draft.group max=NAME_MAX />
        <TextField
            label="Purpose"
            value=draft.purpose
            max=NOTE_MAX
            placeholder="Why the room is gathered"
            enterkeyhint=if full { "next" } else { "done" }
        />
        <Show when=move || full>
            <TextField label="Event notes" value=draft.notes max=NOTE_MAX multiline=true />
            <TextField label="Takeaways" value=draft.takeaways max=NOTE_MAX multiline=true name="takeaways" />
        </Show>
    }
}
