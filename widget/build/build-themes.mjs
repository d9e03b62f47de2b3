// Build widget/themes/{canada,ontario}.css from the two governments' design tokens.
//
//   cd widget/build && npm ci && node build-themes.mjs
//
// Only the tokens the widget uses are copied (by name, with their values), then mapped onto the
// widget's own custom properties (--nwd-*), all on :host so they live inside the Shadow DOM.
// A token that is missing from the package stops the build: a renamed token must not pass silently.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "themes");

function tokens(file) {
  const text = readFileSync(join(here, "node_modules", file), "utf8");
  const found = new Map();
  for (const m of text.matchAll(/(--[a-z0-9-]+)\s*:\s*([^;]+);/gi)) if (!found.has(m[1])) found.set(m[1], m[2].trim());
  return found;
}

function version(pkg) {
  return JSON.parse(readFileSync(join(here, "node_modules", pkg, "package.json"), "utf8")).version;
}

// The widget's properties; each value names tokens as var(--token), or is a plain value.
const THEMES = {
  canada: {
    pkg: "@cdssnc/gcds-tokens",
    file: "@cdssnc/gcds-tokens/build/web/css/tokens.css",
    licence: "MIT",
    map: {
      "--nwd-font": "var(--gcds-font-families-body)",
      "--nwd-font-heading": "var(--gcds-font-families-heading)",
      "--nwd-text": "var(--gcds-text-primary)",
      "--nwd-text-muted": "var(--gcds-text-secondary)",
      "--nwd-bg": "var(--gcds-bg-white)",
      "--nwd-bg-muted": "var(--gcds-bg-light)",
      "--nwd-header-bg": "var(--gcds-bg-primary)",
      "--nwd-header-text": "var(--gcds-text-light)",
      "--nwd-primary": "var(--gcds-button-primary-default-background)",
      "--nwd-primary-hover": "var(--gcds-button-primary-hover-background)",
      "--nwd-on-primary": "var(--gcds-button-primary-default-text)",
      "--nwd-user-bg": "var(--gcds-color-blue-100)",
      "--nwd-link": "var(--gcds-link-default)",
      "--nwd-link-hover": "var(--gcds-link-hover)",
      "--nwd-focus": "var(--gcds-focus-border)",
      "--nwd-focus-header": "var(--gcds-color-grayscale-0)",
      "--nwd-border": "var(--gcds-border-default)",
      "--nwd-danger-text": "var(--gcds-danger-text)",
      "--nwd-danger-bg": "var(--gcds-danger-background)",
      "--nwd-danger": "var(--gcds-color-red-700)",
      "--nwd-accent": "var(--gcds-color-red-flag)",
      "--nwd-radius": "var(--gcds-border-radius-md)",
      "--nwd-border-width": "var(--gcds-border-width-sm)",
      "--nwd-focus-width": "var(--gcds-border-width-md)",
      "--nwd-space-1": "var(--gcds-spacing-50)",
      "--nwd-space-2": "var(--gcds-spacing-100)",
      "--nwd-space-3": "var(--gcds-spacing-150)",
      "--nwd-space-4": "var(--gcds-spacing-200)",
      "--nwd-space-5": "var(--gcds-spacing-300)",
      "--nwd-touch": "2.75rem",
    },
  },
  ontario: {
    pkg: "@ongov/ontario-design-system-design-tokens",
    file: "@ongov/ontario-design-system-design-tokens/dist/css/_variables.css",
    licence: "Apache-2.0",
    map: {
      // The Ontario tokens carry no font family: a system sans-serif stack.
      "--nwd-font": 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
      "--nwd-font-heading": "var(--nwd-font)",
      "--nwd-text": "var(--ontario-colour-greyscale-black)",
      "--nwd-text-muted": "var(--ontario-colour-greyscale-greyscale70)",
      "--nwd-bg": "var(--ontario-colour-greyscale-white)",
      "--nwd-bg-muted": "var(--ontario-colour-greyscale-greyscale5)",
      "--nwd-header-bg": "var(--ontario-colour-greyscale-black)",
      "--nwd-header-text": "var(--ontario-colour-greyscale-white)",
      "--nwd-primary": "var(--ontario-colour-system-link)",
      "--nwd-primary-hover": "var(--ontario-colour-system-link-hover)",
      "--nwd-on-primary": "var(--ontario-colour-greyscale-white)",
      "--nwd-user-bg": "var(--ontario-colour-accent-light-blue)",
      "--nwd-link": "var(--ontario-colour-system-link)",
      "--nwd-link-hover": "var(--ontario-colour-system-link-hover)",
      "--nwd-focus": "var(--ontario-colour-system-focus)",
      "--nwd-focus-header": "var(--ontario-colour-accent-service-ontario-header-focus)",
      "--nwd-border": "var(--ontario-colour-greyscale-greyscale60)",
      "--nwd-danger-text": "var(--ontario-colour-system-alert)",
      "--nwd-danger-bg": "var(--ontario-colour-system-alert-light)",
      "--nwd-danger": "var(--ontario-colour-system-alert)",
      "--nwd-accent": "var(--ontario-colour-accent-service-ontario-header-brand)",
      "--nwd-radius": "var(--ontario-global-tokens-radius)",
      "--nwd-border-width": "var(--ontario-global-tokens-border-size)",
      "--nwd-focus-width": "0.25rem",
      "--nwd-space-1": "var(--ontario-spacing-1)",
      "--nwd-space-2": "var(--ontario-spacing-2)",
      "--nwd-space-3": "var(--ontario-spacing-3)",
      "--nwd-space-4": "var(--ontario-spacing-4)",
      "--nwd-space-5": "var(--ontario-spacing-5)",
      "--nwd-touch": "var(--ontario-global-tokens-touch-target-size-mobile)",
    },
  },
};

for (const [name, theme] of Object.entries(THEMES)) {
  const source = tokens(theme.file);
  const used = new Set();
  for (const value of Object.values(theme.map)) for (const m of value.matchAll(/var\((--[a-z0-9-]+)\)/g)) if (!m[1].startsWith("--nwd-")) used.add(m[1]);
  const missing = [...used].filter((tk) => !source.has(tk));
  if (missing.length) throw new Error(`${theme.file}: missing token(s) ${missing.join(", ")}`);
  const lines = [
    `/* The ${name} portal theme of the No Wrong Door widget. Generated by widget/build/build-themes.mjs: do not edit. */`,
    `/* Token values from ${theme.pkg} ${version(theme.pkg)} (${theme.licence}); see docs/dependencies.md. */`,
    ":host {",
    ...[...used].sort().map((tk) => `  ${tk}: ${source.get(tk)};`),
    ...Object.entries(theme.map).map(([k, v]) => `  ${k}: ${v};`),
    "}",
    "",
  ];
  writeFileSync(join(out, `${name}.css`), lines.join("\n"));
  console.log(`themes/${name}.css: ${used.size} tokens from ${theme.pkg} ${version(theme.pkg)}`);
}
