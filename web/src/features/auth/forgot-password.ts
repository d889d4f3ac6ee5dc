// Its own lazily loaded chunk, so the sign-in page does not carry it.
export { ForgotPasswordPage } from "./components/forgot-password-page";
