// The one part of the auth feature the app shell needs on every page, kept apart from the
// sign-in and sign-up pages so they stay in their own lazily loaded chunk.
export { SignOutButton } from "./components/sign-out-button";
