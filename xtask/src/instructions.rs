//! Instructions a process executes, counted deterministically: with valgrind's callgrind when
//! it is installed, else with `perf stat -e instructions:u`. Wall times on a shared machine
//! are noisy; instruction counts are not (callgrind's are exact and repeatable).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// How instructions are counted on this machine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counter {
    Callgrind,
    Perf,
}

impl Counter {
    /// Callgrind when valgrind runs, else perf, else none.
    pub fn detect() -> Option<Counter> {
        let runs = |program: &str, args: &[&str]| {
            Command::new(program)
                .args(args)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        };
        if runs("valgrind", &["--version"]) {
            Some(Counter::Callgrind)
        } else if runs("perf", &["stat", "-e", "instructions:u", "true"]) {
            Some(Counter::Perf)
        } else {
            None
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Counter::Callgrind => "callgrind",
            Counter::Perf => "perf stat -e instructions:u",
        }
    }

    /// Instructions `program args` executes (user space), its output discarded.
    pub fn count(self, program: &Path, args: &[std::ffi::OsString]) -> crate::Result<u64> {
        let mut cmd = match self {
            Counter::Callgrind => {
                let mut c = Command::new("valgrind");
                c.args(["--tool=callgrind", "--callgrind-out-file=/dev/null"]);
                c
            }
            Counter::Perf => {
                let mut c = Command::new("perf");
                c.args(["stat", "-x", ",", "-e", "instructions:u"]);
                c
            }
        };
        cmd.arg(program).args(args).stdout(Stdio::null());
        let out = cmd.output().map_err(|e| format!("{cmd:?}: {e}"))?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        match self {
            Counter::Callgrind => collected(&stderr),
            Counter::Perf => stderr
                .lines()
                .find(|l| l.contains("instructions"))
                .and_then(|l| l.split(',').next())
                .and_then(|n| n.trim().parse().ok()),
        }
        .ok_or_else(|| format!("no instruction count from {cmd:?}: {stderr}"))
    }
}

/// `==123== Collected : 238093690` in callgrind's report.
fn collected(stderr: &str) -> Option<u64> {
    stderr
        .lines()
        .filter_map(|l| l.split_once("Collected :"))
        .filter_map(|(_, n)| n.trim().parse().ok())
        .next_back()
}

/// Instructions before and after `program` first enters `function` (callgrind only): the
/// cost of starting up, before the input is opened, and the rest.
pub fn split_at(
    program: &Path,
    args: &[std::ffi::OsString],
    function: &str,
    scratch: &Path,
) -> crate::Result<(u64, u64)> {
    std::fs::create_dir_all(scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    let base: PathBuf = scratch.join("split.callgrind");
    for entry in std::fs::read_dir(scratch)
        .map_err(|e| e.to_string())?
        .flatten()
    {
        if entry
            .file_name()
            .to_string_lossy()
            .starts_with("split.callgrind")
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    let out = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", base.display()))
        .arg(format!("--dump-before={function}"))
        .arg(program)
        .args(args)
        .stdout(Stdio::null())
        .output()
        .map_err(|e| format!("valgrind: {e}"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let total = collected(&stderr).ok_or_else(|| format!("no count from callgrind: {stderr}"))?;
    // The first dump (`….1`) holds what ran before `function` was entered.
    let first = std::fs::read_to_string(scratch.join("split.callgrind.1"))
        .map_err(|_| format!("callgrind never entered {function}"))?;
    let before = first
        .lines()
        .find_map(|l| l.strip_prefix("summary:").or(l.strip_prefix("totals:")))
        .and_then(|n| n.trim().parse().ok())
        .ok_or("no summary in the first callgrind dump")?;
    Ok((before, total))
}

/// `123456789` → `123.5 M`.
pub fn millions(n: u64) -> String {
    format!("{:.1} M", n as f64 / 1e6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_callgrinds_total() {
        let stderr = "==1== Events    : Ir\n==1== Collected : 238093690\n==1==\n==1== I   refs:      238,093,690\n";
        assert_eq!(collected(stderr), Some(238_093_690));
        assert_eq!(millions(238_093_690), "238.1 M");
    }
}
