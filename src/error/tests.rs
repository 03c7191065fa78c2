use super::*;

#[test]
fn positions_are_one_based_and_count_characters() {
    let text = "a = 1\nb = \"ü\" x\n";
    assert_eq!(line_and_column(text, 0), (1, 1));
    assert_eq!(line_and_column(text, 6), (2, 1));
    let x = text.find('x').unwrap();
    assert_eq!(line_and_column(text, x), (2, 9));
    assert_eq!(line_and_column(text, 10_000), (3, 1));
}

#[test]
fn display_names_file_line_and_column() {
    let e = Invalid::new(Path::new("c.toml"), Problem::NotAFile).at("x\ny", 2);
    assert_eq!(
        e.to_string(),
        "c.toml:2:1: is not a regular file (a folder, a device or a pipe)"
    );
    let e = Invalid::new(Path::new("c.toml"), Problem::EmptyField { field: "name" });
    assert_eq!(e.to_string(), "c.toml: `name` is empty");
    assert_eq!(
        e.localized(Messages::get(Language::De)),
        "c.toml: `name` ist leer"
    );
}

#[test]
fn file_errors_use_the_operating_systems_words() {
    let folder = tempfile::tempdir().unwrap();
    let missing = std::fs::File::open(folder.path().join("c.toml")).unwrap_err();
    let error = Error::Read {
        path: "c.toml".into(),
        source: missing,
    };
    assert_eq!(error.to_string(), "cannot read c.toml: No such file or directory");
}
