/**
 * Time until the code arrives, as a person feels it: real clicks in Chromium on the
 * production build, with each interval measured beside a floor taken in the same try.
 *
 * - **Send code → email in MailDev**: the Security page's "Enable" on Email, then "Send
 *   code"; floor: the same message sent straight to MailDev over SMTP, as the emulator's
 *   mail delivery sends it (nodemailer, one connection per message).
 * - **Send code → SMS at the provider**: the same for a mobile number; floor: the same
 *   text posted straight to the SMS sink in the provider's API shape.
 * - **Send code → "Delivered" drawn**: until the verify dialog shows the state; floor:
 *   the message's own floor above (the dialog cannot know earlier than the message lands).
 * - **Verify → protected page drawn**: the second step of a sign-in with an emailed code,
 *   from pressing Verify to the dashboard's heading painted; floor: pressing "Sign in"
 *   with a password on an account without 2FA, to the same heading painted.
 *
 * Times are wall-clock epoch milliseconds throughout, on one machine: the click is the
 * input event's own timestamp in the page; an SMS arrives when the sink stamps it
 * (`dateCreated`, to the millisecond); an email when a poll of MailDev's REST API
 * (every 10 ms) first finds it, since MailDev stamps mails to the second only; "drawn" is
 * the first task after the animation frame that follows the element's insertion (a
 * MutationObserver in the page notices it). The SMS sink reports delivery 500 ms after
 * it takes a text (`SMS_SINK_CALLBACK_DELAY_MS`), a handset's network stand-in, so an
 * SMS's "Delivered" includes that half second.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { PASSWORD, resetIpLimit } from "../../tests/support/clients.js";
import { defaultChromiumPath } from "./lighthouse.js";
import { createTwoFactorUser } from "./seed.js";
import { ports, root, smsSenderAuthToken } from "./stack.js";

const mailDevApi = process.env.MAILDEV_API ?? `http://127.0.0.1:${ports.mailWeb}`;
const smsSinkUrl = process.env.SMS_SINK_URL ?? `http://127.0.0.1:${ports.smsSink}`;
const smtpPort = Number(process.env.DEV_SMTP_PORT ?? ports.smtp);
/** How often MailDev and the sink are asked; arrival is their own stamp, not the poll's. */
const POLL_MS = 10;
const TIMEOUT_MS = 60_000;

export const timeToCodeMeasures = {
  "send → email arrives": "SMTP straight to MailDev",
  "send → SMS arrives": "POST straight to the SMS sink",
  'send → "Delivered" (email)': "SMTP straight to MailDev",
  'send → "Delivered" (SMS)': "POST straight to the SMS sink",
  "verify → page drawn": "password sign-in, no 2FA → page drawn",
} as const;
export type TimeToCodeMeasure = keyof typeof timeToCodeMeasures;

export interface TimeToCodeSamples {
  real: Record<TimeToCodeMeasure, number[]>;
  floor: Record<TimeToCodeMeasure, number[]>;
  /** Tries cut short because something awaited was never drawn: what, and how far. */
  notDrawn: string[];
}

/** Something the person waits for never appeared on the page within the deadline. */
class NotDrawn extends Error {}

interface InPageMark {
  seenAt: number;
  /** Missing until the frame that shows it has been drawn. */
  drawnAt?: number;
}
interface InPageTimer {
  clicks: { label: string; at: number }[];
  marks: Record<string, InPageMark>;
  watch: (name: string, selector: string, text: string) => void;
}
type TimedWindow = Window & { __bench?: InPageTimer };

/**
 * Runs in every document before the app: remembers each click's input timestamp, and
 * watches for an element with an exact text, recording when it appeared and when the
 * frame that shows it was drawn. Plain JavaScript in a string, so that nothing the
 * TypeScript loader adds to functions reaches the page.
 */
const installTimer = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const timer = { clicks: [], marks: {} };
  timer.watch = (name, selector, text) => {
    const present = () =>
      [...document.querySelectorAll(selector)].some((el) => el.textContent?.trim() === text);
    const record = () => {
      const mark = { seenAt: now() };
      timer.marks[name] = mark;
      requestAnimationFrame(() => setTimeout(() => { mark.drawnAt = now(); }, 0));
    };
    if (present()) return record();
    const observer = new MutationObserver(() => {
      if (!present()) return;
      observer.disconnect();
      record();
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  };
  window.__bench = timer;
  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target.closest("button") : null;
    timer.clicks.push({
      label: target?.textContent?.trim() ?? "",
      at: performance.timeOrigin + event.timeStamp,
    });
  }, true);
})();`;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    const value = await read();
    if (value !== undefined) return value;
    await delay(POLL_MS);
  }
  throw new Error(`timed out after ${TIMEOUT_MS / 1000} s waiting for ${what}`);
}

function watch(page: Page, name: string, selector: string, text: string) {
  return page.evaluate(([n, s, t]) => (window as TimedWindow).__bench?.watch(n, s, t), [
    name,
    selector,
    text,
  ] as const);
}

/** The input timestamp of the newest click on a button labelled `label`. */
async function clickedAt(page: Page, label: string): Promise<number> {
  const clicks = await page.evaluate(() => (window as TimedWindow).__bench?.clicks ?? []);
  const click = clicks.filter((c) => c.label === label).at(-1);
  if (!click) throw new Error(`no click on "${label}" was recorded in the page`);
  return click.at;
}

async function drawnAt(page: Page, name: string): Promise<number> {
  const mark = () => page.evaluate((n) => (window as TimedWindow).__bench?.marks[n], name);
  try {
    return await until(async () => (await mark())?.drawnAt, `"${name}" drawn`);
  } catch (error) {
    // Which end failed: the text never appeared, or the frame showing it never came.
    const seen = (await mark())?.seenAt !== undefined;
    const dialog = await page
      .locator('[role="dialog"], dialog')
      .first()
      .innerText({ timeout: 1_000 })
      .catch(() => "(no dialog)");
    const state = seen ? "seen, but no frame drawn after it" : "never seen";
    throw new NotDrawn(`${(error as Error).message} (${state}; the dialog read: ${dialog})`);
  }
}

interface InboxMail {
  id: string;
  subject: string;
  text: string;
  html?: string;
  time: string;
}

async function inbox(address: string): Promise<InboxMail[]> {
  const response = await fetch(`${mailDevApi}/api/email?to.address=${encodeURIComponent(address)}`);
  return (await response.json()) as InboxMail[];
}

/** The ids of the mails to `address` so far, to tell a new one from them. */
export async function mailIds(address: string): Promise<Set<string>> {
  return new Set((await inbox(address)).map((mail) => mail.id));
}

/**
 * The first mail to `address` not among `seen`, and when MailDev had it: MailDev stamps
 * mails with their Date header, to the second only, so arrival is the moment the poll
 * that found it was sent (polls every 10 ms; each takes a few ms more).
 */
export async function mailArrival(address: string, seen: Set<string>) {
  return until(async () => {
    const askedAt = Date.now();
    const mail = (await inbox(address)).find((m) => !seen.has(m.id));
    return mail ? { at: askedAt, mail } : undefined;
  }, `an email to ${address}`);
}

interface SinkMessage {
  to: string;
  body: string;
  dateCreated: string;
}

/** The first text to `to` the SMS sink took at or after `after`, and when it took it. */
async function smsArrival(to: string, after: number) {
  const message = await until(async () => {
    const response = await fetch(`${smsSinkUrl}/messages?to=${encodeURIComponent(to)}`);
    const { messages } = (await response.json()) as { messages: SinkMessage[] };
    return messages
      .filter((m) => Date.parse(m.dateCreated) >= after)
      .sort((a, b) => Date.parse(a.dateCreated) - Date.parse(b.dateCreated))[0];
  }, `a text to ${to}`);
  return { at: Date.parse(message.dateCreated), message };
}

/** Floor: the same mail, straight to MailDev over SMTP; ms from the call to MailDev's stamp. */
async function smtpFloor(mail: InboxMail): Promise<number> {
  const { createTransport } = await import("nodemailer");
  const to = `floor-${randomUUID().slice(0, 8)}@example.com`;
  const seen = await mailIds(to);
  const start = Date.now();
  await createTransport({
    host: "127.0.0.1",
    port: smtpPort,
    secure: false,
    ignoreTLS: true,
  }).sendMail({
    from: "Dashboard <no-reply@dashboard.localhost>",
    to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html ? { html: mail.html } : {}),
  });
  return (await mailArrival(to, seen)).at - start;
}

/** The extension's development settings: its account and sender, as it posts them. */
function smsSenderSettings() {
  const file = readFileSync(join(root, "extensions", "sms-sender.env.local"), "utf8");
  const value = (name: string) => new RegExp(`^${name}=(.*)$`, "m").exec(file)?.[1]?.trim();
  const accountSid = value("TWILIO_ACCOUNT_SID");
  if (!accountSid) throw new Error("extensions/sms-sender.env.local has no TWILIO_ACCOUNT_SID");
  return { accountSid, from: value("TWILIO_PHONE_NUMBER") ?? "+15005550006" };
}

/**
 * Floor: the same text posted straight to the sink as the extension's Twilio client
 * posts it (form body, basic auth), without a status callback, since no `messages`
 * document stands behind it. ms from the call to the sink's stamp.
 */
async function smsFloor(body: string): Promise<number> {
  const { accountSid, from } = smsSenderSettings();
  const to = uniqueMobile();
  const start = Date.now();
  const response = await fetch(`${smsSinkUrl}/2010-04-01/Accounts/${accountSid}/Messages.json`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${accountSid}:${smsSenderAuthToken()}`).toString("base64")}`,
    },
    body: new URLSearchParams({ To: to, From: from, Body: body }).toString(),
  });
  if (response.status !== 201) throw new Error(`the SMS sink answered ${response.status}`);
  return (await smsArrival(to, start)).at - start;
}

/** A mobile number no other try uses (per-destination limits count across accounts). */
const uniqueMobile = () => `+995555${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;

/** The code in the first mail to `address` not among `seen`, read from MailDev. */
export async function codeFromMailDev(address: string, seen: Set<string>): Promise<string> {
  const { mail } = await mailArrival(address, seen);
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  if (!code) throw new Error(`no code in the mail to ${address}`);
  return code;
}

const dashboardHeading = ["h1", "Dashboard"] as const;
const inDialog = '[role="dialog"] *, dialog *';

export async function signInWithPassword(page: Page, base: string, email: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * One try of everything: a fresh account without 2FA signs in (the verify floor), asks
 * for an email code and then a text from the Security page, and the floors for both
 * messages are sent; then a fresh account with email 2FA passes the second step.
 */
async function oneTry(browser: Browser, base: string, samples: TimeToCodeSamples) {
  const record = (measure: TimeToCodeMeasure, real: number, floor: number) => {
    samples.real[measure].push(real);
    samples.floor[measure].push(floor);
  };
  const email = `bench-${randomUUID().slice(0, 8)}@example.com`;
  await createTwoFactorUser({ email, password: PASSWORD });
  let context: BrowserContext | undefined = await browser.newContext();
  try {
    await context.addInitScript({ content: installTimer });
    const page = await context.newPage();

    await resetIpLimit();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await watch(page, "signed in", ...dashboardHeading);
    await page.getByRole("button", { name: "Sign in" }).click();
    const passwordFloor = (await drawnAt(page, "signed in")) - (await clickedAt(page, "Sign in"));

    await page.goto(`${base}/security`);
    await page
      .getByRole("listitem", { name: "Email" })
      .getByRole("button", { name: "Enable" })
      .click();
    await watch(page, "email delivered", inDialog, "Delivered");
    const inboxBefore = await mailIds(email);
    await page.getByRole("button", { name: "Send code" }).click();
    const emailSent = await clickedAt(page, "Send code");
    const { at: emailAt, mail } = await mailArrival(email, inboxBefore);
    const emailDrawn = await drawnAt(page, "email delivered");
    const emailFloor = await smtpFloor(mail);
    record("send → email arrives", emailAt - emailSent, emailFloor);
    record('send → "Delivered" (email)', emailDrawn - emailSent, emailFloor);

    await page.goto(`${base}/security`);
    await page
      .getByRole("listitem", { name: "Phone number" })
      .getByRole("button", { name: "Enable" })
      .click();
    const mobile = uniqueMobile();
    await page.getByRole("textbox", { name: "Phone number" }).fill(mobile);
    await watch(page, "sms delivered", inDialog, "Delivered");
    await page.getByRole("button", { name: "Send code" }).click();
    const smsSent = await clickedAt(page, "Send code");
    const { at: smsAt, message } = await smsArrival(mobile, smsSent - 5);
    const smsDrawn = await drawnAt(page, "sms delivered");
    const textFloor = await smsFloor(message.body);
    record("send → SMS arrives", smsAt - smsSent, textFloor);
    record('send → "Delivered" (SMS)', smsDrawn - smsSent, textFloor);
    await context.close();

    // The second step: seeded with email 2FA on, its code sent as the page opens.
    const secured = `bench-${randomUUID().slice(0, 8)}@example.com`;
    await createTwoFactorUser({ email: secured, password: PASSWORD, email2fa: true });
    await resetIpLimit();
    context = await browser.newContext();
    await context.addInitScript({ content: installTimer });
    const second = await context.newPage();
    await signInWithPassword(second, base, secured);
    await second.getByRole("heading", { name: "Verify it's you" }).waitFor();
    const code = await codeFromMailDev(secured, new Set());
    await second.getByLabel("Verification code", { exact: true }).fill(code);
    await watch(second, "verified", ...dashboardHeading);
    await second.getByRole("button", { name: "Verify", exact: true }).click();
    const verified = (await drawnAt(second, "verified")) - (await clickedAt(second, "Verify"));
    record("verify → page drawn", verified, passwordFloor);
  } finally {
    await context?.close();
  }
}

/**
 * `tries` tries (after one untimed try that starts the functions' workers), all in one
 * headless Chromium against the preview server at `base`.
 */
export async function measureTimeToCode(
  base: string,
  tries: number,
  log: (line: string) => void = () => undefined,
): Promise<TimeToCodeSamples> {
  const empty = () =>
    Object.fromEntries(Object.keys(timeToCodeMeasures).map((m) => [m, [] as number[]])) as Record<
      TimeToCodeMeasure,
      number[]
    >;
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: defaultChromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const samples: TimeToCodeSamples = { real: empty(), floor: empty(), notDrawn: [] };
    // A try whose awaited state never shows is a result to report, not a reason to lose
    // the run: it keeps what it measured before, and counts as not drawn. Many of them
    // mean something else is wrong, and stop the run.
    const attempt = async (name: string, into: TimeToCodeSamples) => {
      try {
        await oneTry(browser, base, into);
        log(`  ${name}`);
      } catch (error) {
        if (!(error instanceof NotDrawn) || samples.notDrawn.length >= tries / 4) throw error;
        samples.notDrawn.push(`${name}: ${error.message}`);
        log(`  ${name}: ${error.message}`);
      }
    };
    await attempt("untimed try", { real: empty(), floor: empty(), notDrawn: [] });
    for (let i = 0; i < tries; i++) await attempt(`try ${i + 1}/${tries}`, samples);
    return samples;
  } finally {
    await browser.close();
    await resetIpLimit();
  }
}
