import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
// First: the language is chosen (and <html lang> set) before anything renders.
import { i18nReady } from "./lib/i18n";
import { App } from "./app/app";
import { preloadPage } from "./app/router";
import "./styles.css";

const root = document.getElementById("root");
preloadPage(window.location.pathname);
if (!root) throw new Error("index.html has no #root element.");

// Rendered once the page's language is in (at once for English): a failed download of
// another language still renders, in English, rather than leaving the page blank.
void i18nReady
  .catch(() => undefined)
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
