export { SignInPage } from "./components/sign-in-page";
export { SignUpPage } from "./components/sign-up-page";
export { SignOutButton } from "./components/sign-out-button";
