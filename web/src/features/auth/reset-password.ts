// Its own lazily loaded chunk: only the emailed link leads here.
export { ResetPasswordPage } from "./components/reset-password-page";
