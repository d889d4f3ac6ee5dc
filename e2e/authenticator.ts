import { Secret, TOTP } from "otpauth";

const PERIOD_SECONDS = 30;

const currentStep = () => Math.floor(Date.now() / 1000 / PERIOD_SECONDS);

/**
 * An authenticator app for tests. The server accepts codes one 30-second step either side
 * of now but never a step it has already accepted, so each code comes from a step after
 * the last one used: the current one, or the next (accepted early). Only when that is
 * further ahead does it wait.
 */
export class AuthenticatorApp {
  private readonly totp: TOTP;
  private lastStep = Number.NEGATIVE_INFINITY;

  constructor(secret: string) {
    this.totp = new TOTP({ secret: Secret.fromBase32(secret.replace(/\s/g, "")) });
  }

  /** A code the server has not seen yet. */
  async nextCode(): Promise<string> {
    const target = Math.max(currentStep(), this.lastStep + 1);
    while (target > currentStep() + 1) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    this.lastStep = target;
    return this.totp.generate({ timestamp: target * PERIOD_SECONDS * 1000 });
  }

  /** The code accepted last, to show that a used code is refused. */
  lastCode(): string {
    return this.totp.generate({ timestamp: this.lastStep * PERIOD_SECONDS * 1000 });
  }
}
