//! Job control. A stop from the shell (`kill -TSTP`; Ctrl-Z reaches tct as a key in
//! raw mode, and stays the form's undo) would freeze tct in raw mode on the alternate
//! screen, leaving the shell unusable; SIGCONT (`fg`) would bring back a blank or
//! stale screen. A thread takes both signals and wakes the event loop, which gives
//! the terminal back before stopping and takes it again, redrawn, when continued.

#[cfg(unix)]
mod unix {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    use signal_hook::consts::{SIGCONT, SIGSTOP, SIGTSTP, SIGWINCH};
    use signal_hook::iterator::{Handle, Signals};
    use signal_hook::low_level::raise;

    pub struct Suspend {
        stop: Arc<AtomicBool>,
        resumed: Arc<AtomicBool>,
        handle: Handle,
    }

    impl Suspend {
        /// Starts listening. The event loop must already wait through crossterm, whose
        /// SIGWINCH handler turns the wake-up into a resize event.
        pub fn watch() -> std::io::Result<Suspend> {
            let mut signals = Signals::new([SIGTSTP, SIGCONT])?;
            let handle = signals.handle();
            let stop = Arc::new(AtomicBool::new(false));
            let resumed = Arc::new(AtomicBool::new(false));
            let (s, r) = (Arc::clone(&stop), Arc::clone(&resumed));
            std::thread::spawn(move || {
                for signal in signals.forever() {
                    match signal {
                        SIGTSTP => s.store(true, Ordering::SeqCst),
                        _ => r.store(true, Ordering::SeqCst),
                    }
                    let _ = raise(SIGWINCH);
                }
            });
            Ok(Suspend {
                stop,
                resumed,
                handle,
            })
        }

        /// A stop was asked for since the last look.
        pub fn stop_asked(&self) -> bool {
            self.stop.swap(false, Ordering::SeqCst)
        }

        /// The process was continued since the last look.
        pub fn resumed(&self) -> bool {
            self.resumed.swap(false, Ordering::SeqCst)
        }

        /// Stops the process as SIGTSTP would have; returns when it is continued.
        pub fn stop_now(&self) {
            let _ = raise(SIGSTOP);
        }
    }

    impl Drop for Suspend {
        fn drop(&mut self) {
            // Ends the thread; the signals are then unregistered.
            self.handle.close();
        }
    }
}

#[cfg(unix)]
pub use unix::Suspend;

/// Elsewhere there is no job control to survive.
#[cfg(not(unix))]
pub struct Suspend;

#[cfg(not(unix))]
impl Suspend {
    pub fn watch() -> std::io::Result<Suspend> {
        Ok(Suspend)
    }
    pub fn stop_asked(&self) -> bool {
        false
    }
    pub fn resumed(&self) -> bool {
        false
    }
    pub fn stop_now(&self) {}
}
