/// Batch runs allocate many small strings per profile; mimalloc makes that cheaper.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(any(target_os = "linux", target_os = "android"))]
mod first_arena {
    /// mimalloc's first arena, reserved before anything is allocated.
    ///
    /// Left to itself, mimalloc reserves 1 GiB of address space on the first allocation, and
    /// setting up the bookkeeping of that much touches about 40 fresh pages: a tenth of the page
    /// faults of a one-shot run. A run of wxacct holds far less (a batch of a million profiles
    /// peaks under 20 MiB); one that needs more gets further arenas as usual.
    const FIRST_ARENA_BYTES: usize = 64 << 20;

    // mimalloc's own (`mimalloc.h`).
    extern "C" {
        /// Sets the allocator up; does nothing when it is already.
        fn mi_process_init();
        /// Adds an arena of `size` bytes of address space; 0 when it did.
        fn mi_reserve_os_memory(size: usize, commit: bool, allow_large: bool) -> std::ffi::c_int;
    }

    extern "C" fn reserve() {
        // SAFETY: plain calls into the allocator. `mi_process_init` sets it up in case its own
        // constructor has not run yet; should the reservation fail, mimalloc reserves its
        // default arena later, as it does without this.
        unsafe {
            mi_process_init();
            mi_reserve_os_memory(FIRST_ARENA_BYTES, false, false);
        }
    }

    /// Runs with the program's constructors, before the Rust runtime allocates anything.
    #[used]
    #[link_section = ".init_array"]
    static RESERVE: extern "C" fn() = reserve;
}

fn main() {
    wxacct::complete::answer_the_shell();
    let exit = match wxacct::cli::Cli::try_parse_in_order() {
        Ok(cli) => wxacct::app::main(cli),
        Err(e) => wxacct::app::refused(&e),
    };
    wxacct::app::end(exit)
}
