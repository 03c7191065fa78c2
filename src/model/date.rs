//! Dates as canvas files write them: `YYYY-MM-DD`.

const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

/// Whether `text` is a real calendar date written `YYYY-MM-DD`.
pub fn is_date(text: &str) -> bool {
    time::Date::parse(text, FORMAT).is_ok()
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
}
