// Stops the server started by setup.js (its process group, then the process itself) and removes its database.
const fs = require('node:fs');
const path = require('node:path');

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const signal = (pid, sig) => {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
};

module.exports = async () => {
  const stateFile = path.resolve(__dirname, '../../.tmp/e2e-state.json');
  if (!fs.existsSync(stateFile)) return;
  const { pid, dbFile } = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
  signal(-pid, 'SIGTERM');
  signal(pid, 'SIGTERM');
  for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) signal(pid, 'SIGKILL');
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(dbFile + suffix, { force: true });
  fs.rmSync(stateFile, { force: true });
};
