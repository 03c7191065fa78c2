use std::process::ExitCode;

fn main() -> ExitCode {
    canvas_coach::run()
}
