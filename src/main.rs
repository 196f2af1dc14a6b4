/// Batch runs allocate many small strings per profile; mimalloc makes that cheaper.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    wxacct::complete::answer_the_shell();
    let exit = match wxacct::cli::Cli::try_parse_in_order() {
        Ok(cli) => wxacct::app::main(cli),
        Err(e) => wxacct::app::refused(&e),
    };
    wxacct::app::end(exit)
}
