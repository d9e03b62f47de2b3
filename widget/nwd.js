/*
 * No Wrong Door: the chat widget for the Canada and Ontario portals.
 *
 * One tag embeds it:
 *   <script src="https://HOST/widget/nwd.js" data-portal="ontario" data-lang="fr" defer></script>
 * Attributes: data-portal (canada | ontario, required), data-lang (en | fr; else the page's lang),
 * data-position (bottom-right | bottom-left), data-open ("true": open on load),
 * data-mode ("page": full-page mode, no launcher), data-api (the API's origin; default: where this
 * script comes from), data-privacy-url (the privacy page; default: the API's /widget/privacy).
 * JS API: NoWrongDoor.open(), NoWrongDoor.close(), NoWrongDoor.setLanguage("en" | "fr").
 *
 * Everything renders inside a Shadow DOM. Content and user text are only ever set with textContent
 * and createElement: never innerHTML, so nothing typed or served can inject markup.
 */
(() => {
  "use strict";

  const script = document.currentScript;
  if (!script) return;
  const mark = (name) => window.performance && performance.mark && performance.mark(name); // read by bench/widget.py
  mark("nwd:start");
  const PORTALS = ["canada", "ontario"];
  // The server's settings (GET /api/widget-config): the API puts them in place of the null below when it
  // serves this file; a plain copy fetches them on first open. Until then, the API's defaults for the limit.
  let config = /*nwd:config*/ null;
  const maxChars = () => (config && config.max_message_chars) || 2000;
  const KEEP_ENTRIES = 60; // transcript entries kept in sessionStorage

  // One bilingual catalogue: every key has its English and its French.
  const STRINGS = {
    en: {
      launcher: "Ask the settlement assistant",
      title: "Settlement assistant",
      automated: "Automated assistant: answers come from government web pages, not from a person.",
      close: "Close the assistant",
      switchLang: "Français",
      switchLangLabel: "Afficher l'assistant en français",
      privacyTitle: "Before you start",
      privacyKept:
        "This is an automated assistant. Your messages are kept with the conversation, to answer you and to improve the answers.",
      privacyHowLong: "A conversation is deleted {period} after its last message.",
      oneDay: "1 day",
      days: "{n} days",
      privacyHowLongUnknown: "A conversation is deleted after a set period: the page below says how long.",
      privacyDoNot: "Do not write personal numbers such as your UCI, SIN, passport or health card number.",
      privacyDelete: "To delete the conversation now, choose “End and delete this conversation” at the bottom.",
      privacyLink: "How your information is handled",
      inputLabel: "Your question",
      placeholder: "Type your question…",
      send: "Send",
      counter: "{n} of {max} characters",
      tooLong: "Your message is {n} characters long; the limit is {max}. Shorten it before sending.",
      pasteRefused: "That text was not pasted: it is {n} characters long and the limit is {max}. Paste a shorter part.",
      typing: "The assistant is writing…",
      you: "You said:",
      assistant: "Assistant:",
      sources: "Sources",
      level: "Level of government",
      federal: "Federal",
      provincial: "Provincial",
      municipal: "Municipal",
      community: "Community",
      phone: "Phone: ",
      website: "Website",
      criterion: "Criterion",
      source: "source",
      sourceOf: "Source of this figure: {title}",
      scrollTable: "Comparison table (scrolls sideways)",
      feedbackAsk: "Was this answer helpful?",
      feedbackThanks: "Thank you for your feedback.",
      handoff: "Talk to a person",
      unavailable: "The assistant cannot answer right now. Your message was not lost: try again in a moment.",
      offline: "The assistant cannot be reached. Check your connection; your message was not lost.",
      retry: "Try again",
      invalid: "This message could not be sent. Write plain text of at most {max} characters.",
      failed: "Something went wrong on our side. Your message was not lost: try again.",
      endDelete: "End and delete this conversation",
      confirmDelete: "Delete this conversation? The assistant will forget it.",
      confirmYes: "Delete",
      confirmNo: "Keep it",
      deleted: "The conversation was deleted. You can start a new one.",
      deleteFailed: "The conversation could not be deleted now. Try again in a moment.",
      opensNewTab: "(opens in a new tab)",
    },
    fr: {
      launcher: "Poser une question à l'assistant à l'établissement",
      title: "Assistant à l'établissement",
      automated: "Assistant automatisé : les réponses viennent de pages Web gouvernementales, pas d'une personne.",
      close: "Fermer l'assistant",
      switchLang: "English",
      switchLangLabel: "Show the assistant in English",
      privacyTitle: "Avant de commencer",
      privacyKept:
        "Ceci est un assistant automatisé. Vos messages sont conservés avec la conversation, pour vous répondre et améliorer les réponses.",
      privacyHowLong: "Une conversation est supprimée {period} après son dernier message.",
      oneDay: "1 jour",
      days: "{n} jours",
      privacyHowLongUnknown: "Une conversation est supprimée après une période déterminée : la page ci-dessous en indique la durée.",
      privacyDoNot: "N'écrivez pas de numéros personnels comme votre IUC, votre NAS, votre numéro de passeport ou de carte Santé.",
      privacyDelete: "Pour supprimer la conversation dès maintenant, choisissez « Terminer et supprimer cette conversation » au bas de l'assistant.",
      privacyLink: "Comment vos renseignements sont traités",
      inputLabel: "Votre question",
      placeholder: "Écrivez votre question…",
      send: "Envoyer",
      counter: "{n} caractères sur {max}",
      tooLong: "Votre message compte {n} caractères; la limite est de {max}. Raccourcissez-le avant de l'envoyer.",
      pasteRefused: "Ce texte n'a pas été collé : il compte {n} caractères et la limite est de {max}. Collez un passage plus court.",
      typing: "L'assistant écrit…",
      you: "Vous avez écrit :",
      assistant: "Assistant :",
      sources: "Sources",
      level: "Ordre de gouvernement",
      federal: "Fédéral",
      provincial: "Provincial",
      municipal: "Municipal",
      community: "Communautaire",
      phone: "Téléphone : ",
      website: "Site Web",
      criterion: "Critère",
      source: "source",
      sourceOf: "Source de ce chiffre : {title}",
      scrollTable: "Tableau comparatif (défile horizontalement)",
      feedbackAsk: "Cette réponse vous a-t-elle aidé?",
      feedbackThanks: "Merci de votre commentaire.",
      handoff: "Parler à une personne",
      unavailable: "L'assistant ne peut pas répondre pour le moment. Votre message n'est pas perdu : réessayez dans un instant.",
      offline: "Impossible de joindre l'assistant. Vérifiez votre connexion; votre message n'est pas perdu.",
      retry: "Réessayer",
      invalid: "Ce message n'a pas pu être envoyé. Écrivez du texte simple d'au plus {max} caractères.",
      failed: "Un problème est survenu de notre côté. Votre message n'est pas perdu : réessayez.",
      endDelete: "Terminer et supprimer cette conversation",
      confirmDelete: "Supprimer cette conversation? L'assistant l'oubliera.",
      confirmYes: "Supprimer",
      confirmNo: "La garder",
      deleted: "La conversation a été supprimée. Vous pouvez en commencer une nouvelle.",
      deleteFailed: "La conversation n'a pas pu être supprimée pour le moment. Réessayez dans un instant.",
      opensNewTab: "(s'ouvre dans un nouvel onglet)",
    },
  };

  const portal = (script.dataset.portal || "").trim().toLowerCase();
  if (!PORTALS.includes(portal)) {
    console.error(
      `No Wrong Door widget: data-portal="${script.dataset.portal ?? ""}" is not one of ${PORTALS.join(", ")}; ` +
        'the widget is not shown. Fix the script tag, e.g. <script src=".../widget/nwd.js" data-portal="canada" defer>.',
    );
    return;
  }

  const scriptUrl = new URL(script.src, location.href);
  const apiBase = (script.dataset.api || scriptUrl.origin).replace(/\/+$/, "");
  const assetBase = new URL(".", scriptUrl).href; // .../widget/
  const pageMode = script.dataset.mode === "page";
  const position = script.dataset.position === "bottom-left" ? "bottom-left" : "bottom-right";
  const privacyUrl = () => script.dataset.privacyUrl || `${assetBase}privacy?lang=${state.lang}`;
  const storageKey = `nwd:${portal}`;

  const pickLang = (value) => (String(value || "").toLowerCase().startsWith("fr") ? "fr" : "en");
  // One formatter per language, made on first use: building one costs milliseconds the launcher does not wait for.
  const formatters = {};
  const fmtNumber = (n, lang) =>
    (formatters[lang] ||= new Intl.NumberFormat(lang === "fr" ? "fr-CA" : "en-CA")).format(n);

  // ---- state, kept in sessionStorage so a page change on the same portal continues the conversation
  const pageLang = pickLang(script.dataset.lang || document.documentElement.lang);
  const state = {
    sessionId: null,
    lang: pageLang,
    open: false,
    transcript: [], // {who: "me"|"bot"|"notice", text?, message?, used?}
    // The language to send with the next message: only after the person chose one (the EN/FR switch,
    // setLanguage, a page in the other language). Otherwise the server reads each message's language.
    langToSend: null,
  };
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey) || "null");
    if (saved && typeof saved === "object") {
      state.sessionId = typeof saved.sessionId === "string" ? saved.sessionId : null;
      // The language chosen on an earlier page, unless this page is in the other language: moving to a page
      // in the other language is a choice of language, sent with the next message.
      if ((saved.lang === "en" || saved.lang === "fr") && saved.pageLang === pageLang) state.lang = saved.lang;
      if (saved.langToSend === "en" || saved.langToSend === "fr") state.langToSend = saved.langToSend;
      if (saved.pageLang !== pageLang && saved.lang !== pageLang && state.sessionId) state.langToSend = pageLang;
      state.open = !!saved.open;
      state.transcript = Array.isArray(saved.transcript) ? saved.transcript : [];
    }
  } catch (_) {
    /* storage blocked or corrupted: start afresh */
  }
  const save = () => {
    try {
      sessionStorage.setItem(
        storageKey,
        JSON.stringify({
          sessionId: state.sessionId,
          lang: state.lang,
          pageLang,
          langToSend: state.langToSend,
          open: state.open,
          transcript: state.transcript.slice(-KEEP_ENTRIES),
        }),
      );
    } catch (_) {
      /* storage full or blocked: the conversation still works on this page */
    }
  };
  const t = (key, vars) => {
    let s = STRINGS[state.lang][key] || "";
    for (const [k, v] of Object.entries(vars || {})) s = s.split(`{${k}}`).join(String(v));
    return s;
  };

  // ---- DOM helpers: text only
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  };
  const safeUrl = (url) => {
    try {
      const u = new URL(String(url), location.href);
      return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
    } catch (_) {
      return null;
    }
  };
  const link = (href, label) => {
    const url = safeUrl(href);
    if (!url) return document.createTextNode(label);
    return el(
      "a",
      { href: url, target: "_blank", rel: "noopener noreferrer" },
      label,
      el("span", { class: "vh", text: ` ${t("opensNewTab")}` }),
    );
  };
  const URL_RE = /(https?:\/\/[^\s<>"')\]]+[^\s<>"')\].,;:!?])/g;
  // Plain text with safe links: URLs become <a>, **emphasis** markers are dropped, nothing is parsed as HTML.
  const inline = (line) => {
    const frag = document.createDocumentFragment();
    const clean = line.replace(/\*\*|__/g, "");
    let last = 0;
    for (const m of clean.matchAll(URL_RE)) {
      if (m.index > last) frag.append(clean.slice(last, m.index));
      frag.append(link(m[0], m[0]));
      last = m.index + m[0].length;
    }
    if (last < clean.length) frag.append(clean.slice(last));
    return frag;
  };
  // A message's text as paragraphs and lists ("- item" lines), Markdown-like but never HTML.
  const richText = (text) => {
    const box = el("div", { class: "text" });
    let list = null;
    for (const raw of String(text || "").split("\n")) {
      const line = raw.trimEnd();
      const item = /^\s*(?:[-*•]|\d+\.)\s+(.*)$/.exec(line);
      if (item) {
        if (!list) box.append((list = el("ul")));
        list.append(el("li", null, inline(item[1])));
      } else if (line.trim()) {
        list = null;
        box.append(el("p", null, inline(line.trim())));
      } else {
        list = null;
      }
    }
    return box;
  };
  const levelTag = (jurisdiction) =>
    STRINGS.en[jurisdiction]
      ? el("span", { class: `level level-${jurisdiction}`, title: t("level"), text: t(jurisdiction) })
      : null;

  // ---- shadow DOM
  const host = el("div", { id: "nwd-widget", "data-portal": portal });
  host.style.cssText = "visibility:hidden"; // until the styles are in: no flash of unstyled widget
  const root = host.attachShadow({ mode: "open" });
  // Served by the API, this file carries its styles inline (api/routes/widget.py puts them in place of the
  // null below): no second request before the launcher shows. As a plain file, it links them instead.
  const INLINE_CSS = /*nwd:inline-css*/ null;
  let pending = 0;
  const ready = () => {
    host.style.cssText = "";
    mark("nwd:ready");
    window.dispatchEvent(new CustomEvent("nwd:ready", { detail: { portal } }));
  };
  const styled = () => {
    if (--pending === 0) ready();
  };
  const inlineCss = INLINE_CSS && typeof INLINE_CSS[portal] === "string";
  // Sizes in rem would follow the host page's root font size (a page that sets html { font-size: 10px }, as
  // Bootstrap 3 themes do, would shrink the widget and its touch targets): they become px of the person's own
  // default font size (font-size: medium), measured once the host is in the page (see mount).
  const sizedCss = () => {
    const probe = el("span", { style: "font-size: medium" });
    root.append(probe);
    const base = parseFloat(getComputedStyle(probe).fontSize) || 16;
    probe.remove();
    return INLINE_CSS[portal].replace(/(\d*\.?\d+)rem\b/g, (_, n) => `${+(n * base).toFixed(3)}px`);
  };
  if (!inlineCss) {
    for (const href of [`${assetBase}themes/${portal}.css`, `${assetBase}nwd.css`]) {
      pending += 1;
      root.append(el("link", { rel: "stylesheet", href, onload: styled, onerror: styled }));
    }
  }

  const launcher = el("button", {
    type: "button",
    class: `launcher ${position}`,
    "aria-expanded": "false",
  });
  const launcherLabel = el("span");
  launcher.append(el("span", { class: "launcher-icon", "aria-hidden": "true", text: "?" }), launcherLabel);

  const title = el(pageMode ? "h1" : "h2", { id: "nwd-title", class: "title" });
  const automated = el("p", { id: "nwd-automated", class: "automated" });
  const langButton = el("button", { type: "button", class: "lang" });
  const closeButton = el("button", { type: "button", class: "close" });
  closeButton.append(el("span", { "aria-hidden": "true", text: "×" }));
  const header = el(
    "div",
    { class: "header" },
    el("div", { class: "heading" }, title, automated),
    el("div", { class: "tools" }, langButton, pageMode ? null : closeButton),
  );

  const privacy = el("section", { class: "privacy", "aria-labelledby": "nwd-privacy-title" });
  const log = el("div", { class: "log", role: "log", "aria-live": "polite", "aria-relevant": "additions" });
  const typing = el("div", { class: "typing", role: "status" });
  const scroller = el("div", { class: "body" }, privacy, log, typing);
  const toBottom = () => {
    scroller.scrollTop = scroller.scrollHeight;
  };
  // A long reply (a table, cards) is read from its start: bring its top into view, not its end.
  const toStartOf = (node) => {
    const offset = node.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    scroller.scrollTop += offset - 8;
  };

  const input = el("textarea", {
    id: "nwd-input",
    rows: "2",
    autocomplete: "off",
    "aria-describedby": "nwd-counter nwd-input-error",
  });
  const inputLabel = el("label", { for: "nwd-input", class: "vh" });
  const counter = el("p", { id: "nwd-counter", class: "counter" });
  const inputError = el("p", { id: "nwd-input-error", class: "input-error", role: "alert" });
  const sendButton = el("button", { type: "submit", class: "send" });
  const form = el(
    "form",
    { class: "composer", novalidate: true },
    inputLabel,
    el("div", { class: "row" }, input, sendButton),
    el("div", { class: "meta" }, counter, inputError),
  );
  const deleteButton = el("button", { type: "button", class: "end" });
  const confirmBox = el("div", { class: "confirm", hidden: true });
  const footer = el("div", { class: "footer" }, deleteButton, confirmBox);

  const panel = el(
    "div",
    {
      id: "nwd-panel",
      class: `panel ${position}${pageMode ? " page" : ""}`,
      role: pageMode ? "region" : "dialog",
      "aria-labelledby": "nwd-title",
      "aria-describedby": "nwd-automated",
      hidden: !pageMode,
    },
    header,
    scroller,
    form,
    footer,
  );
  // Only the launcher is drawn when the script runs; the dialog joins it on first open (panelShown).
  const frame = el("div", { class: `nwd ${pageMode ? "page-mode" : ""}` }, pageMode ? null : launcher);
  root.append(frame);
  let panelShown = false;
  const showPanel = () => {
    if (panelShown) return;
    panelShown = true;
    frame.prepend(panel);
    launcher.setAttribute("aria-controls", "nwd-panel");
    renderStatic();
    renderLog();
    if (!config) loadConfig();
  };
  // A plain copy of this file asks the API for its settings (the retention period, the message limit).
  const loadConfig = async () => {
    try {
      const r = await fetch(`${apiBase}/api/widget-config`, { credentials: "omit" });
      if (!r.ok) return;
      const data = await r.json();
      if (data && typeof data === "object") {
        config = data;
        renderStatic();
      }
    } catch (_) {
      /* the notice says the period is on the linked page; the limit stays the API's default */
    }
  };

  // ---- rendering
  const renderPrivacy = () => {
    privacy.replaceChildren(
      el("h3", { id: "nwd-privacy-title", text: t("privacyTitle") }),
      el("p", { text: t("privacyKept") }),
      el("p", {
        class: "retention",
        text: config && config.retention_days
          ? t("privacyHowLong", {
              period: config.retention_days === 1 ? t("oneDay") : t("days", { n: fmtNumber(config.retention_days, state.lang) }),
            })
          : t("privacyHowLongUnknown"),
      }),
      el("p", { text: t("privacyDoNot") }),
      el("p", { text: t("privacyDelete") }),
      el("p", null, link(privacyUrl(), t("privacyLink"))),
    );
  };

  const sourcesList = (sources) => {
    const list = el("ul", { class: "sources" });
    for (const s of sources) {
      list.append(
        el("li", null, link(s.url, s.title), " ", el("span", { class: "owner", text: s.owner || "" }), " ", levelTag(s.jurisdiction)),
      );
    }
    return el("div", { class: "sources-box" }, el("p", { class: "label", text: t("sources") }), list);
  };

  const serviceCard = (s) => {
    const phoneDigits = String(s.phone || "").replace(/[^0-9+]/g, "");
    return el(
      "li",
      { class: "card" },
      el("p", { class: "card-name", text: s.name || "" }),
      el("p", { class: "card-org" }, s.organization || "", " ", levelTag(s.jurisdiction)),
      s.description ? el("p", { class: "card-desc", text: s.description }) : null,
      el(
        "p",
        { class: "card-contact" },
        phoneDigits
          ? el("span", null, t("phone"), el("a", { href: `tel:${phoneDigits}`, text: s.phone }))
          : null,
        phoneDigits && safeUrl(s.url) ? " · " : null,
        safeUrl(s.url) ? link(s.url, t("website")) : null,
      ),
    );
  };

  const comparisonTable = (m) => {
    const c = m.comparison;
    const caption = String(m.text || "").split("\n")[0];
    const table = el("table", { class: "compare" }, el("caption", { text: caption }));
    const headRow = el("tr", null, el("th", { scope: "col", text: t("criterion") }));
    for (const p of c.places || []) headRow.append(el("th", { scope: "col", text: p.name || "" }));
    table.append(el("thead", null, headRow));
    const body = el("tbody");
    for (const row of c.criteria || []) {
      const tr = el("tr", null, el("th", { scope: "row", text: row.label || "" }));
      for (const v of row.values || []) {
        const td = el("td", null, `${v.display ?? ""}${v.year ? ` (${v.year})` : ""}`);
        if (v.source && safeUrl(v.source.url)) {
          const a = link(v.source.url, v.source.publisher_name || t("source"));
          a.setAttribute("aria-label", t("sourceOf", { title: v.source.title || v.source.url }));
          td.append(" ", a);
        }
        tr.append(td);
      }
      body.append(tr);
    }
    table.append(body);
    const box = el(
      "div",
      { class: "table-scroll", role: "region", tabindex: "0", "aria-label": t("scrollTable") },
      table,
    );
    const parts = [box];
    if (c.summary) parts.push(richText(Array.isArray(c.summary) ? c.summary.join("\n") : c.summary));
    if (c.occupation && c.occupation.text) parts.push(richText(c.occupation.text));
    return parts;
  };

  const isFeedback = (b) => String(b.payload || "").startsWith("/feedback");

  const renderBot = (entry, index) => {
    const m = entry.message || { type: "text", text: entry.text };
    const bubble = el("div", { class: `msg bot type-${m.type}` }, el("span", { class: "vh", text: t("assistant") }));
    // A recommendation carries scores, not rows: it reads as text.
    const rows = m.type === "comparison" && m.comparison ? m.comparison.criteria : null;
    const hasTable = Array.isArray(rows) && rows.length > 0;
    if (m.type === "handoff") bubble.append(el("p", { class: "handoff-label", text: t("handoff") }));
    if (hasTable) bubble.append(...comparisonTable(m));
    else if (m.type === "services" && Array.isArray(m.services) && m.services.length) {
      bubble.append(richText(String(m.text || "").split("\n")[0]), el("ul", { class: "cards" }, ...m.services.map(serviceCard)));
    } else if (m.type === "answer" && Array.isArray(m.sources) && m.sources.length) {
      // The source line of the text is the sources list below, with its label: not twice.
      const urls = m.sources.map((s) => s.url).filter(Boolean);
      const lines = String(m.text || "").split("\n").filter((line) => !urls.some((u) => line.includes(u)));
      bubble.append(richText(lines.join("\n")));
    } else bubble.append(richText(m.text));
    if (Array.isArray(m.sources) && m.sources.length) bubble.append(sourcesList(m.sources));
    const buttons = Array.isArray(m.buttons) ? m.buttons : [];
    const choices = buttons.filter((b) => !isFeedback(b));
    const feedback = buttons.filter(isFeedback);
    if (choices.length) {
      const group = el("div", { class: "choices" });
      for (const b of choices) {
        group.append(el("button", { type: "button", class: "choice", text: b.title, onclick: () => submit(b.payload, b.title) }));
      }
      bubble.append(group);
    }
    if (feedback.length) {
      const group = el("div", { class: "feedback", role: "group", "aria-label": t("feedbackAsk") });
      group.append(el("p", { class: "label", text: entry.used ? t("feedbackThanks") : t("feedbackAsk") }));
      if (!entry.used) {
        for (const b of feedback) {
          group.append(
            el("button", {
              type: "button",
              class: "choice feedback-button",
              "data-helpful": /"yes"/.test(b.payload) ? "yes" : "no",
              text: b.title,
              onclick: () => {
                state.transcript[index].used = true;
                save();
                input.focus(); // the buttons go away: never leave focus on nothing
                group.replaceChildren(el("p", { class: "label", text: t("feedbackThanks") }));
                submit(b.payload, b.title);
              },
            }),
          );
        }
      }
      bubble.append(group);
    }
    return bubble;
  };

  const renderEntry = (entry, index) => {
    if (entry.who === "me") {
      return el("div", { class: "msg me" }, el("span", { class: "vh", text: t("you") }), el("p", { text: entry.text }));
    }
    if (entry.who === "notice") return el("div", { class: "msg notice" }, el("p", { text: t(entry.key) }));
    return renderBot(entry, index);
  };

  const renderLog = () => {
    if (!panelShown) return;
    // Rebuilt whole only on a language change or a reload: not announced again.
    log.setAttribute("aria-live", "off");
    log.replaceChildren(...state.transcript.map(renderEntry));
    privacy.hidden = false;
    toBottom();
    requestAnimationFrame(() => log.setAttribute("aria-live", "polite"));
  };

  // Entries join the log together: one layout and one write to sessionStorage for a reply of several messages.
  const append = (...entries) => {
    const start = state.transcript.length;
    state.transcript.push(...entries);
    if (state.transcript.length > KEEP_ENTRIES) {
      state.transcript.splice(0, state.transcript.length - KEEP_ENTRIES);
      renderLog();
    } else {
      log.append(...entries.map((entry, i) => renderEntry(entry, start + i)));
    }
    save();
    toBottom();
  };

  const renderLauncher = () => {
    frame.setAttribute("lang", state.lang);
    launcherLabel.textContent = t("launcher");
  };
  const renderStatic = () => {
    renderLauncher();
    if (!panelShown) return;
    title.textContent = t("title");
    automated.textContent = t("automated");
    langButton.textContent = t("switchLang");
    langButton.setAttribute("lang", state.lang === "fr" ? "en" : "fr");
    langButton.setAttribute("aria-label", t("switchLangLabel"));
    closeButton.setAttribute("aria-label", t("close"));
    inputLabel.textContent = t("inputLabel");
    input.placeholder = t("placeholder");
    sendButton.textContent = t("send");
    deleteButton.textContent = t("endDelete");
    typing.textContent = busy ? t("typing") : "";
    renderPrivacy();
    updateCounter();
  };

  // ---- input: counter and the paste limit
  const updateCounter = () => {
    const n = input.value.length;
    counter.textContent = t("counter", { n: fmtNumber(n, state.lang), max: fmtNumber(maxChars(), state.lang) });
    counter.classList.toggle("over", n > maxChars());
    if (n <= maxChars() && inputError.dataset.kind === "length") showInputError("");
  };
  const showInputError = (message, kind) => {
    inputError.textContent = message;
    inputError.dataset.kind = kind || "";
    input.setAttribute("aria-invalid", message ? "true" : "false");
  };
  input.addEventListener("input", updateCounter);
  input.addEventListener("paste", (event) => {
    const pasted = (event.clipboardData && event.clipboardData.getData("text")) || "";
    const selected = input.selectionEnd - input.selectionStart;
    const after = input.value.length - selected + pasted.length;
    if (after > maxChars()) {
      event.preventDefault();
      showInputError(
        t("pasteRefused", { n: fmtNumber(pasted.length, state.lang), max: fmtNumber(maxChars(), state.lang) }),
        "length",
      );
    }
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  // ---- talking to the API
  let busy = false;
  const setBusy = (value) => {
    busy = value;
    typing.textContent = value ? t("typing") : "";
    typing.classList.toggle("on", value);
    sendButton.disabled = false; // stays reachable; a second send while busy is ignored
  };

  // `lang` goes with a message only when the language is the person's choice, not a guess: the first message
  // of a conversation (the page's language), the first after a change of language (the switch,
  // setLanguage, a page in the other language), and a button pressed (its words are the assistant's, in
  // the conversation's language: nothing to detect). Otherwise the server reads the language of what was
  // written, so a question typed in the other language is answered in it and the widget follows.
  const post = async (message, pressed) => {
    const body = { message, portal };
    if (state.sessionId) body.session_id = state.sessionId;
    const lang = !state.sessionId || pressed ? state.lang : state.langToSend;
    if (lang) body.lang = lang;
    return fetch(`${apiBase}/api/chat`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "omit",
    });
  };

  const showError = (key, retry) => {
    const node = el("div", { class: "msg error", role: "alert" }, el("p", { text: t(key, { max: fmtNumber(maxChars(), state.lang) }) }));
    if (retry) {
      node.append(
        el("button", {
          type: "button",
          class: "choice retry",
          text: t("retry"),
          onclick: () => {
            input.focus();
            node.remove();
            retry();
          },
        }),
      );
    }
    log.append(node);
    toBottom();
  };

  // Send one message; `shown` is what the transcript shows (a button's title instead of its payload).
  const submit = async (message, shown, fromInput) => {
    if (busy) return;
    const text = String(message || "").trim();
    if (!text) return;
    if (text.length > maxChars()) {
      showInputError(t("tooLong", { n: fmtNumber(text.length, state.lang), max: fmtNumber(maxChars(), state.lang) }), "length");
      return;
    }
    showInputError("");
    for (const node of log.querySelectorAll(".msg.error")) node.remove();
    if (fromInput) {
      input.value = "";
      updateCounter();
    }
    append({ who: "me", text: shown || text });
    setBusy(true);
    const keepTyped = () => {
      // What the person typed goes back into the box, never lost.
      state.transcript.pop();
      log.lastElementChild && log.lastElementChild.remove();
      save();
      if (fromInput && !input.value) {
        input.value = text;
        updateCounter();
      }
    };
    const again = () => submit(fromInput ? input.value || text : text, shown, fromInput);
    let response;
    try {
      response = await post(text, !fromInput);
      if (response.status === 404 && state.sessionId) {
        // The server no longer knows this conversation (deleted, or another server's id): start a new one.
        state.sessionId = null;
        response = await post(text, !fromInput);
      }
    } catch (_) {
      setBusy(false);
      keepTyped();
      showError("offline", again);
      return;
    }
    mark("nwd:response"); // the API's answer has arrived (headers); reading and drawing it follow
    setBusy(false);
    let data = null;
    try {
      data = await response.json();
    } catch (_) {
      data = null;
    }
    if (!response.ok || !data || !Array.isArray(data.messages)) {
      keepTyped();
      if (response.status === 422 || response.status === 413) showError("invalid");
      else if (response.status === 503 || response.status === 502 || response.status === 504) showError("unavailable", again);
      else showError("failed", again);
      return;
    }
    state.sessionId = data.session_id || state.sessionId;
    state.langToSend = null; // sent and taken: the conversation is in that language now
    if ((data.language === "en" || data.language === "fr") && data.language !== state.lang) {
      state.lang = data.language;
      renderStatic();
      renderLog();
    }
    const before = log.children.length;
    append(...data.messages.map((m) => ({ who: "bot", message: m })));
    const firstNode = log.children[before];
    if (firstNode && firstNode.getBoundingClientRect().top < scroller.getBoundingClientRect().top) toStartOf(firstNode);
    mark("nwd:rendered");
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(input.value, null, true);
  });

  // ---- end and delete
  const forget = (noticeKey) => {
    state.sessionId = null;
    state.transcript = [];
    renderLog();
    if (noticeKey) append({ who: "notice", key: noticeKey });
    save();
  };
  const deleteConversation = async () => {
    confirmBox.hidden = true;
    deleteButton.hidden = false;
    if (state.sessionId) {
      try {
        const r = await fetch(`${apiBase}/api/chat/${encodeURIComponent(state.sessionId)}`, {
          method: "DELETE",
          credentials: "omit",
        });
        // 404: already gone; 405: this server has no deletion yet, so only this browser's copy goes.
        if (!(r.ok || r.status === 404 || r.status === 405)) throw new Error(String(r.status));
      } catch (_) {
        showError("deleteFailed");
        deleteButton.focus();
        return;
      }
    }
    forget("deleted");
    input.focus();
  };
  deleteButton.addEventListener("click", () => {
    const yes = el("button", { type: "button", class: "danger", text: t("confirmYes"), onclick: deleteConversation });
    const no = el("button", {
      type: "button",
      class: "choice",
      text: t("confirmNo"),
      onclick: () => {
        confirmBox.hidden = true;
        deleteButton.hidden = false;
        deleteButton.focus();
      },
    });
    confirmBox.replaceChildren(el("p", { text: t("confirmDelete") }), el("div", { class: "confirm-actions" }, yes, no));
    confirmBox.hidden = false;
    deleteButton.hidden = true;
    no.focus();
  });

  // ---- open, close, language
  const open = () => {
    showPanel();
    if (pageMode) {
      input.focus();
      return;
    }
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    launcher.hidden = true;
    state.open = true;
    save();
    toBottom();
    input.focus();
  };
  const close = () => {
    if (pageMode) return;
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute("aria-expanded", "false");
    state.open = false;
    save();
    launcher.focus();
  };
  const setLanguage = (lang) => {
    const next = pickLang(lang);
    if (next === state.lang) return;
    state.lang = next;
    state.langToSend = next;
    save();
    renderStatic();
    renderLog();
  };
  launcher.addEventListener("click", open);
  closeButton.addEventListener("click", close);
  langButton.addEventListener("click", () => {
    setLanguage(state.lang === "fr" ? "en" : "fr");
    langButton.focus();
  });
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !pageMode) {
      event.stopPropagation();
      close();
    }
  });

  window.NoWrongDoor = Object.freeze({
    open,
    close,
    setLanguage,
    get language() {
      return state.lang;
    },
    portal,
    strings: STRINGS,
  });

  const mount = () => {
    const target = pageMode ? document.getElementById("nwd-page") || document.body : document.body;
    target.append(host);
    if (inlineCss) root.prepend(el("style", { text: sizedCss() }));
    renderLauncher();
    if (pageMode) showPanel();
    else if (state.open || script.dataset.open === "true") {
      showPanel();
      panel.hidden = false;
      launcher.hidden = true;
      launcher.setAttribute("aria-expanded", "true");
      state.open = true;
      save();
    }
    if (pending === 0) ready();
  };
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount, { once: true });
})();
