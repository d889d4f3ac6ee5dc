/** A failure the user can act on: printed as one clear line, never as a stack trace. */
export class SetupError extends Error {}

export function step(message: string): void {
  console.log(`\x1b[36m▸\x1b[0m ${message}`);
}

export function fail(error: unknown): never {
  if (error instanceof SetupError) {
    console.error(`\x1b[31m✗ ${error.message}\x1b[0m`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
