/**
 * A condition the operator must fix (a locked or unusable DATA_DIR, bad configuration, a backup file in
 * the way). main.ts and the CLI print its message as one line and exit non-zero, without a stack trace.
 */
export class OperatorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OperatorError';
  }
}
