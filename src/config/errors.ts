/**
 * A problem with what the user gave us: flags, config, inputs, the site folder. Reported as one
 * clear line and exit code 2, never as a stack trace.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(message: string) {
    super(message);
  }
}
