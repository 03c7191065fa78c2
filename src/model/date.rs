//! Dates as canvas files write them: `YYYY-MM-DD`.

const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

/// Whether `text` is a real calendar date written `YYYY-MM-DD`.
pub fn is_date(text: &str) -> bool {
    time::Date::parse(text, FORMAT).is_ok()
}

/// A date as a person types it, written as canvas files do: `YYYY-MM-DD`, or day first as in
/// German and Dutch (`23.11.2026`, `23-11-2026`, `1.2.2027`). A four-digit year leads or ends
/// the date, so the two orders never read alike; the month-first order is not accepted.
pub fn read_typed(text: &str) -> Option<String> {
    let text = text.trim();
    if is_date(text) {
        return Some(text.to_owned());
    }
    let mut parts = text.split(['.', '-']);
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || day.len() > 2 || month.len() > 2 {
        return None;
    }
    let number = |part: &str| -> Option<u16> {
        if part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let month = time::Month::try_from(u8::try_from(number(month)?).ok()?).ok()?;
    let day = u8::try_from(number(day)?).ok()?;
    let date = time::Date::from_calendar_date(i32::from(number(year)?), month, day);
    date.ok().map(format)
}

/// Writes a date as canvas files do.
pub fn format(date: time::Date) -> String {
    date.format(FORMAT).expect("a date always formats")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_dates_in_the_file_format_pass() {
        assert!(is_date("2026-11-23"));
        assert!(!is_date("2026-02-30"));
        assert!(!is_date("23.11.2026"));
        assert_eq!(format(time::macros::date!(2026 - 01 - 05)), "2026-01-05");
    }

    #[test]
    fn typed_dates_are_read_day_first_or_as_in_the_file() {
        for typed in ["2026-11-23", " 23.11.2026 ", "23-11-2026"] {
            assert_eq!(read_typed(typed).as_deref(), Some("2026-11-23"), "{typed}");
        }
        assert_eq!(read_typed("1.2.2027").as_deref(), Some("2027-02-01"));
        for refused in [
            "31.02.2026",
            "11/23/2026",
            "23.11.26",
            "2026-11-2323-11-2026",
            "+1.2.2027",
            "",
        ] {
            assert_eq!(read_typed(refused), None, "{refused}");
        }
    }
}
