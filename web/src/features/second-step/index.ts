export { SecondStepPage } from "./components/second-step-page";
