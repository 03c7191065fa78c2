//! A prompter with answers given in advance, for driving the interview in tests; menu entries
//! are chosen by their label, so adding an entry does not change a test.

use std::collections::VecDeque;
use std::io;

use super::prompt::{Prompter, Reply, Say};

#[derive(Debug, Clone)]
pub enum Answer {
    /// Replaces whatever the field held.
    Text(&'static str),
    /// Enter on the prefilled field.
    Keep,
    Ticks(&'static [usize]),
    /// Enter on a multi-select as it stands.
    KeepTicks,
    /// The one option whose label is this text, or else contains it.
    Choose(&'static str),
    /// Enter on a list: its default, such as "Go on".
    Enter,
    /// The lines of a list of sticky notes, replacing what it held.
    Lines(&'static [&'static str]),
    /// Esc: back to the previous prompt.
    Back,
}

#[derive(Default)]
pub struct ScriptedPrompter {
    answers: VecDeque<Answer>,
    /// Every prompt and text shown, in order, for assertions.
    pub transcript: Vec<String>,
}

impl ScriptedPrompter {
    pub fn new(answers: impl IntoIterator<Item = Answer>) -> Self {
        ScriptedPrompter {
            answers: answers.into_iter().collect(),
            transcript: Vec::new(),
        }
    }

    pub fn is_done(&self) -> bool {
        self.answers.is_empty()
    }

    /// How many times the interview waited for an answer.
    pub fn prompts(&self) -> usize {
        self.transcript.iter().filter(|l| l.starts_with("? ")).count()
    }

    /// The last lines of the transcript, to tell where a script went astray.
    fn tail(&self) -> String {
        let from = self.transcript.len().saturating_sub(12);
        self.transcript[from..].join("\n")
    }

    fn next(&mut self, prompt: &str) -> io::Result<Answer> {
        self.transcript.push(format!("? {prompt}"));
        // Running out of answers is what a closed terminal looks like to the engine.
        match self.answers.pop_front() {
            Some(answer) => Ok(answer),
            None => Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("no answer for {prompt:?} after {}", self.tail()),
            )),
        }
    }
}

impl Prompter for ScriptedPrompter {
    fn say(&mut self, text: Say<'_>) {
        self.transcript.push(format!("{text:?}"));
    }

    fn progress(&mut self, done: usize, total: usize, label: &str) {
        self.transcript.push(format!("[{done}/{total}] {label}"));
    }

    fn input(&mut self, prompt: &str, prefill: &str) -> Reply<String> {
        match self.next(prompt)? {
            Answer::Text(text) => Ok(Some(text.to_owned())),
            Answer::Keep => Ok(Some(prefill.to_owned())),
            Answer::Back => Ok(None),
            other => panic!("input {prompt:?} got {other:?} after {}", self.tail()),
        }
    }

    fn lines(&mut self, prompt: &str, prefill: &[String]) -> Reply<Vec<String>> {
        match self.next(prompt)? {
            Answer::Lines(lines) => Ok(Some(lines.iter().map(|l| (*l).to_owned()).collect())),
            Answer::Keep => Ok(Some(prefill.to_vec())),
            Answer::Back => Ok(None),
            other => panic!("lines {prompt:?} got {other:?} after {}", self.tail()),
        }
    }

    fn multi_select(&mut self, prompt: &str, options: &[String], ticked: &[bool]) -> Reply<Vec<usize>> {
        match self.next(prompt)? {
            Answer::Ticks(picks) => {
                assert!(
                    picks.iter().all(|&p| p < options.len()),
                    "{prompt:?}: {picks:?} out of {options:?}"
                );
                Ok(Some(picks.to_vec()))
            }
            Answer::KeepTicks => Ok(Some((0..ticked.len()).filter(|&i| ticked[i]).collect())),
            Answer::Back => Ok(None),
            other => panic!("multi-select {prompt:?} got {other:?} after {}", self.tail()),
        }
    }

    fn select(&mut self, prompt: &str, options: &[String], default: usize) -> Reply<usize> {
        let i = match self.next(prompt)? {
            Answer::Enter => default,
            Answer::Choose(label) => find(options, label)
                .unwrap_or_else(|| panic!("{prompt:?}: no option {label:?} in {options:?}")),
            Answer::Back => return Ok(None),
            other => panic!("select {prompt:?} got {other:?} after {}", self.tail()),
        };
        self.transcript.push(format!("= {}", options[i]));
        Ok(Some(i))
    }
}

/// The option labelled `label`, or the only one that contains it.
fn find(options: &[String], label: &str) -> Option<usize> {
    if let Some(exact) = options.iter().position(|o| o == label) {
        return Some(exact);
    }
    let mut containing = options.iter().enumerate().filter(|(_, o)| o.contains(label));
    match (containing.next(), containing.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}
