//! Drawing a prompt that can be redrawn in place. The terminal wraps a line longer than the
//! screen onto the next rows, so clearing a prompt means knowing how many rows it took: every
//! row count here comes from display widths, never from counting line breaks.

use std::io;

use console::{Term, measure_text_width};

/// A line shown and redrawn in place, with the terminal's cursor somewhere within it.
pub struct Region<'t> {
    term: &'t Term,
    /// The row of the cursor, counted from the region's first row.
    cursor_row: usize,
}

impl<'t> Region<'t> {
    pub fn new(term: &'t Term) -> Self {
        Region { term, cursor_row: 0 }
    }

    /// Replaces the region with `heading`, rows that fit the screen, and `line` under it, with
    /// the cursor after `before_cursor` columns of `line`.
    pub fn draw(&mut self, heading: &[String], line: &str, before_cursor: usize) -> io::Result<()> {
        self.erase()?;
        for row in heading {
            self.term.write_line(row)?;
        }
        let columns = self.columns();
        let width = measure_text_width(line);
        self.term.write_str(line)?;
        // A line that ends exactly at the right margin leaves the cursor waiting in the last
        // column; a line break makes its row unambiguous.
        if width > 0 && width.is_multiple_of(columns) {
            self.term.write_str("\r\n")?;
        }
        let end_row = width / columns;
        let cursor_row = before_cursor / columns;
        move_up(self.term, end_row - cursor_row)?;
        self.term.write_str("\r")?;
        let column = before_cursor % columns;
        if column > 0 {
            self.term.move_cursor_right(column)?;
        }
        self.cursor_row = heading.len() + cursor_row;
        Ok(())
    }

    /// Replaces the region with `line` for good, or with nothing, and goes on below it.
    pub fn finish(mut self, line: Option<&str>) -> io::Result<()> {
        self.erase()?;
        line.map_or(Ok(()), |line| self.term.write_line(line))
    }

    fn erase(&mut self) -> io::Result<()> {
        move_up(self.term, self.cursor_row)?;
        self.term.write_str("\r")?;
        self.term.clear_to_end_of_screen()?;
        self.cursor_row = 0;
        Ok(())
    }

    fn columns(&self) -> usize {
        usize::from(self.term.size().1).max(1)
    }
}

/// Moves up `rows` rows; moving by 0 would move by one in most terminals.
fn move_up(term: &Term, rows: usize) -> io::Result<()> {
    if rows > 0 {
        term.move_cursor_up(rows)?;
    }
    Ok(())
}

/// Clears the last `count` rows written above the cursor, which sits at the start of a row.
pub fn clear_rows(term: &Term, count: usize) -> io::Result<()> {
    if count > 0 {
        term.clear_last_lines(count)?;
    }
    Ok(())
}
