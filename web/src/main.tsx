import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
// First: the language is chosen (and <html lang> set) before anything renders.
import "./lib/i18n";
import { App } from "./app/app";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element.");

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
