use clap::Parser;

/// Batch runs allocate many small strings per profile; mimalloc makes that cheaper.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    wxacct::complete::answer_the_shell();
    let cli = wxacct::cli::Cli::parse();
    std::process::ExitCode::from(wxacct::app::main(cli) as u8)
}
