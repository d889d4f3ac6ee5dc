import { messages } from "@/lib/messages";
import { TwoFactorSection } from "./two-factor-section";

export function SecurityPage() {
  return (
    <div className="page stack">
      <title>{messages.app.pageTitle(messages.security.title)}</title>
      <h1>{messages.security.title}</h1>
      <TwoFactorSection />
    </div>
  );
}
