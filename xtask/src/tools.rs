//! Third-party programs the tasks drive: found on PATH, or installed with apt-get.

use std::process::Command;

/// The first line `program version_arg` prints, installing `packages` first if the
/// program is missing.
pub fn ensure(program: &str, version_arg: &str, packages: &[&str]) -> crate::Result<String> {
    if let Some(version) = version(program, version_arg) {
        return Ok(version);
    }
    println!(
        "{program} is not on PATH: installing {} with apt-get",
        packages.join(" ")
    );
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args(["install", "-y"])
        .args(packages))?;
    version(program, version_arg)
        .ok_or_else(|| format!("{program} still not on PATH after apt-get install"))
}

fn version(program: &str, arg: &str) -> Option<String> {
    let out = Command::new(program).arg(arg).output().ok()?;
    let text = String::from_utf8_lossy(if out.stdout.is_empty() {
        &out.stderr
    } else {
        &out.stdout
    })
    .into_owned();
    out.status
        .success()
        .then(|| text.lines().next().unwrap_or("").trim().to_string())
}

/// Runs a command to completion; its failure is an error naming it.
pub fn run(cmd: &mut Command) -> crate::Result {
    let status = cmd
        .status()
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{cmd:?} failed: {status}"))
    }
}
