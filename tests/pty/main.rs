//! The real interactive wizard in an 80×24 pseudo-terminal, read through a terminal model.

#![cfg(unix)]

mod screens;
mod terminal;
mod walks;
