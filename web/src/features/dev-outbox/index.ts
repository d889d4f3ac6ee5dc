export { DevOutboxPage } from "./components/dev-outbox-page";
