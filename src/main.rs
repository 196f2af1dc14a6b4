use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = wxacct::cli::Cli::parse();
    std::process::ExitCode::from(wxacct::app::main(cli) as u8)
}
