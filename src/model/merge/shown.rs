//! Values as a conflict between two versions shows them.

/// A value as a conflict shows it.
pub trait Shown {
    fn shown(&self) -> String;
}

impl Shown for String {
    fn shown(&self) -> String {
        self.clone()
    }
}

impl<T: Shown> Shown for Option<T> {
    fn shown(&self) -> String {
        self.as_ref().map(Shown::shown).unwrap_or_default()
    }
}

impl<T: Shown> Shown for Vec<T> {
    fn shown(&self) -> String {
        let shown: Vec<String> = self.iter().map(Shown::shown).collect();
        shown.join(", ")
    }
}

impl Shown for crate::model::Amount {
    fn shown(&self) -> String {
        let mut shown = self.value.to_string();
        for part in [self.currency.as_deref(), self.per.map(crate::model::Per::id)]
            .into_iter()
            .flatten()
        {
            shown.push(' ');
            shown.push_str(part);
        }
        if let Some(volume) = self.volume {
            shown.push_str(&format!(" × {volume}"));
        }
        shown
    }
}

impl Shown for crate::model::Acknowledged {
    fn shown(&self) -> String {
        let about = [self.block.map(|b| b.key()), self.item.as_deref()];
        let about: Vec<&str> = about.into_iter().flatten().collect();
        format!("{} {}: {}", self.rule, about.join(" "), self.reason)
    }
}

impl Shown for crate::model::Test {
    fn shown(&self) -> String {
        self.hypothesis.clone()
    }
}

impl Shown for crate::model::Status {
    fn shown(&self) -> String {
        self.id().to_owned()
    }
}
