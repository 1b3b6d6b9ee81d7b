/** A problem the operator can fix (bad input, wrong passphrase, wrong target): printed without a stack trace, exit 1. */
export class BackupError extends Error {
  name = 'BackupError';
}
