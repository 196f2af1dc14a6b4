//! SIGINT and SIGTERM during a run. The first one asks the run to stop after the record being
//! written, close its document and exit with 128 + the signal's number (130, 143); a second one
//! ends the program at once. Reads are made interruptible, so that a run waiting for input (a
//! terminal, a slow pipe) notices the signal too.

use std::io::{self, Read};
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock};

use signal_hook::consts::{SIGINT, SIGTERM};

/// The signal received, or 0.
static RECEIVED: LazyLock<Arc<AtomicUsize>> = LazyLock::new(Arc::default);

const SIGNALS: [i32; 2] = [SIGINT, SIGTERM];

/// Installs the handlers. Without them (the library in tests, say) nothing is ever received.
pub fn install() {
    let armed = Arc::new(AtomicBool::new(false));
    for sig in SIGNALS {
        // Handlers run in the order they are registered: the shutdown only fires when an
        // earlier signal already armed it.
        let _ = signal_hook::flag::register_conditional_shutdown(sig, 128 + sig, armed.clone());
        let _ = signal_hook::flag::register(sig, armed.clone());
        let _ = signal_hook::flag::register_usize(sig, RECEIVED.clone(), sig as usize);
        interrupt_reads(sig);
    }
}

/// signal-hook installs handlers with SA_RESTART, so a blocked `read` would carry on waiting
/// after the signal; without the flag it returns EINTR and [`Interruptible`] ends the input.
fn interrupt_reads(sig: i32) {
    // SAFETY: reads the action installed for `sig` and writes it back with one flag cleared;
    // both structures are owned, initialised values.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut action) == 0 {
            action.sa_flags &= !libc::SA_RESTART;
            libc::sigaction(sig, &action, std::ptr::null_mut());
        }
    }
}

/// The signal received so far, if any.
pub fn received() -> Option<i32> {
    match RECEIVED.load(Ordering::Relaxed) {
        0 => None,
        s => i32::try_from(s).ok(),
    }
}

/// The signal's name, for the message.
pub fn name(sig: i32) -> &'static str {
    match sig {
        SIGINT => "SIGINT",
        SIGTERM => "SIGTERM",
        _ => "a signal",
    }
}

/// Keeps SIGINT and SIGTERM away from the calling thread (and the threads it starts), so that
/// the thread reading the input is the one they interrupt.
pub fn block_here() -> Blocked {
    Blocked(mask(libc::SIG_BLOCK))
}

/// Lets SIGINT and SIGTERM reach the calling thread again.
pub fn unblock_here() {
    mask(libc::SIG_UNBLOCK);
}

pub struct Blocked(bool);

impl Drop for Blocked {
    fn drop(&mut self) {
        if self.0 {
            unblock_here();
        }
    }
}

fn mask(how: libc::c_int) -> bool {
    // SAFETY: builds a signal set on the stack and changes this thread's mask only.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        for sig in SIGNALS {
            libc::sigaddset(&mut set, sig);
        }
        libc::pthread_sigmask(how, &set, std::ptr::null_mut()) == 0
    }
}

/// A reader that ends (reads nothing more) once a signal was received.
pub struct Interruptible<R>(pub R);

impl<R: Read> Read for Interruptible<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if received().is_some() {
                return Ok(0);
            }
            match self.0.read(buf) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                r => return r,
            }
        }
    }
}

impl<R: AsRawFd> Interruptible<R> {
    /// Reads up to `room` more bytes onto the end of `buf`, straight into its spare capacity,
    /// until the end of the input, a signal, or `room` bytes. `Read::read` would need that
    /// capacity zeroed first: a megabyte for every block of a batch.
    pub fn fill(&mut self, buf: &mut Vec<u8>, room: usize) -> io::Result<()> {
        buf.reserve(room);
        let end = buf.len() + room;
        while buf.len() < end && received().is_none() {
            let want = end - buf.len();
            let spare = &mut buf.spare_capacity_mut()[..want];
            // SAFETY: read(2) writes at most `spare.len()` bytes into `spare`, memory the
            // vector owns; only the bytes it reports written are then counted as filled.
            let n =
                unsafe { libc::read(self.0.as_raw_fd(), spare.as_mut_ptr().cast(), spare.len()) };
            match usize::try_from(n) {
                Ok(0) => break,
                // SAFETY: the first `n` bytes of the spare capacity were just written.
                Ok(n) => unsafe { buf.set_len(buf.len() + n) },
                Err(_) => {
                    let e = io::Error::last_os_error();
                    if e.kind() != io::ErrorKind::Interrupted {
                        return Err(e);
                    }
                }
            }
        }
        Ok(())
    }
}
