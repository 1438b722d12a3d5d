// Whether another test process is still alive: the browser tests share
// machine-wide files (Chromium's and Firefox's policy folders) between processes,
// and a file left by a process that died is free to take.
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
