//! The real interactive wizard and forms in an 80×24 pseudo-terminal, read through a terminal
//! model.

#![cfg(unix)]

mod cards;
mod screens;
mod terminal;
mod walks;

use canvas_coach::api::{Language, Messages};

fn english() -> &'static Messages {
    Messages::get(Language::En)
}
